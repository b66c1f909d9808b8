/**
 * Demo texts and arguments (demo only): about thirty approved texts in Swedish and English for the
 * personas and topics, a few about one municipality, and two drafts. Every figure comes from the
 * shipped place facts (regions/data/place-facts.json) with its source and date. Each text has a
 * fixed id derived from the region and its key, so seeding again inserts nothing twice and never
 * overwrites what an editor changed. Only for the demo county (Dalarna): the texts are about it.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { DEMO_COUNTY } from '../../content/seed.ts';
import { loadRegions } from '../../regions/repository.ts';
import type { Persona, Topic } from '../model.ts';

interface DemoText {
  key: string;
  persona: Persona;
  topic: Topic;
  municipality?: string;
  draft?: boolean;
  sv: [title: string, body: string];
  en: [title: string, body: string];
  source?: { name: string; url: string; date: string };
}

const SCB = {
  name: 'SCB, Folkmängd i kommuner',
  url: 'https://www.scb.se/hitta-statistik/statistik-efter-amne/befolkning/befolkningens-sammansattning-och-utveckling/befolkningsstatistik/',
  date: '2023-12-31',
};
const SJ = { name: 'SJ, tidtabell', url: 'https://www.sj.se', date: '2026-11-01' };
const HOUSES = {
  name: 'Svensk Mäklarstatistik, villor (12 månader)',
  url: 'https://www.maklarstatistik.se/omrade/riket/dalarnas-lan/',
  date: '2024-12-31',
};
const SCHOOLS = {
  name: 'Skolverket, skolenhetsregistret',
  url: 'https://www.skolverket.se/skolutveckling/statistik',
  date: '2024-10-15',
};

const FALUN = '2080';
const BORLANGE = '2081';
const LUDVIKA = '2085';
const MORA = '2062';
const AVESTA = '2084';
const LEKSAND = '2029';

export const DEMO_TEXTS: readonly DemoText[] = [
  {
    key: 'career-region',
    persona: 'everyone',
    topic: 'career',
    sv: [
      'En modern karriärregion',
      'Här utvecklas teknik som världen behöver. Kraftteknik, batterier, stål, papper och nya material – ofta i företag som leder sina branscher.\n\nHos oss får du ansvar tidigt. Vägen till beslut är kort, och kollegorna finns nära. Du kan växa i din roll, byta spår eller bygga något nytt.',
    ],
    en: [
      'A modern career region',
      'This is where technology the world needs is developed. Power technology, batteries, steel, paper and new materials – often in companies that lead their fields.\n\nHere you get responsibility early. Decisions are close, and so are your colleagues. You can grow in your role, change track or build something new.',
    ],
  },
  {
    key: 'green-transition',
    persona: 'everyone',
    topic: 'green-industry',
    sv: [
      'Mitt i den gröna omställningen',
      'Det som byggs här i dag gör skillnad i morgon. Fossilfri produktion, återvunnet stål och elnät för en ny tid.\n\nVill du att ditt jobb ska betyda något för klimatet? Då är du på rätt plats. Här är hållbarhet inget projekt vid sidan av – det är själva jobbet.',
    ],
    en: [
      'In the middle of the green transition',
      'What is built here today makes a difference tomorrow. Fossil-free production, recycled steel and power grids for a new era.\n\nDo you want your work to matter for the climate? Then you are in the right place. Here, sustainability is not a side project – it is the job itself.',
    ],
  },
  {
    key: 'everyday-time',
    persona: 'everyone',
    topic: 'everyday',
    sv: [
      'Fjällen på bakgården, världen vid ytterdörren',
      'God morgon till familjen, god morgon till kollegorna på andra sidan Atlanten vid lunch. Så ser en vanlig dag ut för många här.\n\nDu jobbar med hela världen, men lever nära. Nära naturen, nära förskolan och nära vännerna.',
    ],
    en: [
      'Mountains in the back yard, the world at the front door',
      'Good morning to the family, good morning to colleagues across the Atlantic at lunch. That is an ordinary day for many people here.\n\nYou work with the whole world, but you live close. Close to nature, close to preschool and close to your friends.',
    ],
  },
  {
    key: 'culture-all-year',
    persona: 'everyone',
    topic: 'culture',
    sv: [
      'Kultur och fritid året runt',
      'Konserter vid sjön, teater, musikfestivaler och cuper för barnen på sommaren. På vintern skidspår, hockey och bastu.\n\nHär finns gott om föreningar att gå med i. Det är ett enkelt sätt att lära känna nya människor – och att känna sig hemma fort.',
    ],
    en: [
      'Culture and leisure all year round',
      'Concerts by the lake, theatre, music festivals and football cups for the children in summer. In winter, ski tracks, ice hockey and the sauna.\n\nThere are plenty of clubs and associations to join. It is an easy way to meet new people – and to feel at home quickly.',
    ],
  },
  {
    key: 'getting-around',
    persona: 'everyone',
    topic: 'commute',
    sv: [
      'Enkelt att ta sig fram',
      'Tåg, buss och korta bilresor binder ihop regionen. Många pendlar mellan orterna varje dag, och till Stockholm och Arlanda tar tåget dig utan krångel.\n\nMånga arbetsgivare erbjuder också distansarbete några dagar i veckan. Det ger mer tid över till livet.',
    ],
    en: [
      'Easy to get around',
      'Trains, buses and short car journeys tie the region together. Many people commute between towns every day, and the train takes you to Stockholm and Arlanda without fuss.\n\nMany employers also offer remote work a few days a week. That leaves more time for life.',
    ],
  },
  {
    key: 'international-english',
    persona: 'international',
    topic: 'career',
    sv: [
      'Engelska fungerar på många arbetsplatser',
      'På många arbetsplatser i regionen är engelska vardagsspråket, särskilt i de internationella industriföretagen. Där kommer kollegorna från hela världen, och mötena hålls på det språk alla förstår.\n\nVill du lära dig svenska finns kurser och stöd på vägen, till exempel svenska för invandrare i din kommun.',
    ],
    en: [
      'English works at many workplaces',
      'At many workplaces in the region, English is the everyday language, especially in the international industrial companies. There, colleagues come from all over the world, and meetings are held in the language everyone understands.\n\nIf you want to learn Swedish, there are courses and support along the way, such as Swedish for immigrants in your municipality.',
    ],
  },
  {
    key: 'international-navigator',
    persona: 'international',
    topic: 'everyday',
    sv: [
      'En lots hjälper dig att komma på plats',
      'Att flytta till ett nytt land är stort. Regionens lotsar hjälper dig och din familj med det praktiska: myndigheter, bostad, förskola och skola.\n\nDe hjälper också din partner att hitta jobb och ett socialt sammanhang. Du behöver inte göra allt själv.',
    ],
    en: [
      'A navigator helps you settle in',
      'Moving to a new country is a big step. The region’s navigators help you and your family with the practical side: authorities, housing, preschool and school.\n\nThey also help your partner find work and people to spend time with. You do not have to do it all yourself.',
    ],
  },
  {
    key: 'international-schools',
    persona: 'international',
    topic: 'schools',
    sv: [
      'Förskola och skola för hela familjen',
      'I Sverige har alla barn rätt till förskola, och skolan är avgiftsfri. Lärarna är vana vid barn som talar flera språk.\n\nDitt barn kan få undervisning i sitt modersmål och stöd i svenska. Många lär sig det nya språket snabbare än sina föräldrar.',
    ],
    en: [
      'Preschool and school for the whole family',
      'In Sweden every child has the right to a preschool place, and school is free. Teachers are used to children who speak several languages.\n\nYour child can be taught in their mother tongue and get support in Swedish. Many pick up the new language faster than their parents.',
    ],
  },
  {
    key: 'international-housing',
    persona: 'international',
    topic: 'housing',
    sv: [
      'Ett hem med plats att andas',
      'Här får du mer bostad för pengarna än i storstaden. En lägenhet i stan, ett radhus nära skolan eller ett hus vid skogen – valet är ditt.\n\nLotsen och din arbetsgivare kan hjälpa dig att hitta ett första boende medan du letar efter ditt riktiga hem.',
    ],
    en: [
      'A home with room to breathe',
      'Here you get more home for your money than in a big city. A flat in town, a terraced house near the school or a house by the forest – the choice is yours.\n\nThe navigator and your employer can help you find a first place to live while you look for your real home.',
    ],
  },
  {
    key: 'families-time',
    persona: 'families',
    topic: 'everyday',
    sv: [
      'Mer tid till det som betyder något',
      'Kortare resor till jobbet, förskola nära hemmet och skog runt hörnet. Vardagspusslet blir lättare när allt ligger nära.\n\nDen tid du sparar får du tillbaka. Till middagar, fotbollsträningar och lugna kvällar tillsammans.',
    ],
    en: [
      'More time for what matters',
      'Shorter trips to work, preschool close to home and forest around the corner. The everyday puzzle gets easier when everything is near.\n\nThe time you save is yours again. For dinners, football practice and quiet evenings together.',
    ],
  },
  {
    key: 'families-schools',
    persona: 'families',
    topic: 'schools',
    sv: [
      'Nära till förskola och skola',
      'I regionens kommuner ligger förskolan ofta på gång- eller cykelavstånd. Barngrupperna är lagom stora, och många skolor har skogen som klassrum.\n\nFå platser i Sverige gör det så enkelt att kombinera karriär och småbarnsliv.',
    ],
    en: [
      'Close to preschool and school',
      'In the region’s municipalities, preschool is often within walking or cycling distance. The groups are a good size, and many schools use the forest as a classroom.\n\nFew places in Sweden make it so easy to combine a career with life with small children.',
    ],
  },
  {
    key: 'families-housing',
    persona: 'families',
    topic: 'housing',
    sv: [
      'Plats för hela familjen',
      'Ett eget hus med trädgård är inte en dröm här – det är vanligt. Barnen kan leka ute, och du kan odla, snickra eller bara njuta av utsikten.\n\nMånga som flyttar hit säger att det var bostaden som fick dem att stanna.',
    ],
    en: [
      'Room for the whole family',
      'A house of your own with a garden is not a dream here – it is normal. The children can play outside, and you can grow vegetables, build things or simply enjoy the view.\n\nMany people who move here say their home was what made them stay.',
    ],
  },
  {
    key: 'families-returnees',
    persona: 'families',
    topic: 'career',
    sv: [
      'Kom hem – till ett jobb du inte visste fanns',
      'Du som växte upp här minns kanske en annan region. I dag finns här företag i världsklass och jobb inom teknik, innovation och utveckling.\n\nFlytta hem till familj och vänner, och ta med dig det du har lärt dig. Här behövs din erfarenhet.',
    ],
    en: [
      'Come home – to a job you did not know was here',
      'If you grew up here, you may remember a different region. Today there are world-class companies and jobs in technology, innovation and development.\n\nMove home to family and friends, and bring what you have learned. Your experience is needed here.',
    ],
  },
  {
    key: 'nature-forest',
    persona: 'nature',
    topic: 'nature',
    sv: [
      'Skogen börjar där gatan slutar',
      'Här behöver du inte planera för att komma ut i naturen. Den finns utanför dörren.\n\nSpringa i skogen före jobbet, paddla efter middagen, åka skidor i månsken. Det som är en semester för andra är en vanlig vecka här.',
    ],
    en: [
      'The forest starts where the street ends',
      'Here you do not need to plan to get out into nature. It is right outside your door.\n\nA run in the forest before work, paddling after dinner, skiing by moonlight. What others call a holiday is an ordinary week here.',
    ],
  },
  {
    key: 'nature-city-close',
    persona: 'nature',
    topic: 'commute',
    sv: [
      'Naturen nära – och storstaden inom räckhåll',
      'Du behöver inte välja mellan skog och stad. Tåget tar dig till Stockholm för ett möte, en konsert eller en helg med vännerna.\n\nSedan kommer du hem till tystnaden, sjön och stjärnhimlen.',
    ],
    en: [
      'Nature close by – and the city within reach',
      'You do not have to choose between forest and city. The train takes you to Stockholm for a meeting, a concert or a weekend with friends.\n\nThen you come home to the quiet, the lake and the starry sky.',
    ],
  },
  {
    key: 'nature-tuesday',
    persona: 'nature',
    topic: 'everyday',
    sv: [
      'Friluftsliv en vanlig tisdag',
      'Många här har skidorna i bilen och fiskespöt i förrådet. Inte för att det är semester, utan för att det är tisdag.\n\nArbetsgivarna vet det. Flexibla tider gör att du hinner ut medan det fortfarande är ljust.',
    ],
    en: [
      'Outdoor life on an ordinary Tuesday',
      'Many people here keep their skis in the car and a fishing rod in the shed. Not because it is a holiday, but because it is Tuesday.\n\nEmployers know this. Flexible hours mean you get outside while it is still light.',
    ],
  },
  {
    key: 'cottage-all-year',
    persona: 'cottage',
    topic: 'nature',
    sv: [
      'Från sommarstuga till året runt',
      'Du vet redan hur det är att vakna här en julimorgon. Tänk dig samma känsla en vanlig onsdag i oktober.\n\nAllt fler gör fritidshuset till sitt hem. Med ett jobb i närheten, eller på distans några dagar i veckan, blir det möjligt.',
    ],
    en: [
      'From summer cottage to all year round',
      'You already know what it is like to wake up here on a July morning. Imagine the same feeling on an ordinary Wednesday in October.\n\nMore and more people make their holiday home their real home. With a job nearby, or remote work a few days a week, it becomes possible.',
    ],
  },
  {
    key: 'cottage-career',
    persona: 'cottage',
    topic: 'career',
    sv: [
      'Du känner platsen – lär känna jobben',
      'Som besökare har du sett fjällen, sjöarna och festivalerna. Men har du sett arbetsplatserna?\n\nBakom den vackra naturen finns företag som utvecklar teknik för hela världen. De letar efter någon som du.',
    ],
    en: [
      'You know the place – now meet the jobs',
      'As a visitor you have seen the mountains, the lakes and the festivals. But have you seen the workplaces?\n\nBehind the beautiful scenery are companies developing technology for the whole world. They are looking for someone like you.',
    ],
  },
  {
    key: 'dreamers-space',
    persona: 'dreamers',
    topic: 'housing',
    sv: [
      'Plats för drömmen – gård eller garage',
      'Drömmer du om höns, får och ett eget potatisland? Eller ett garage där motorn får ta den tid den tar?\n\nHär finns gårdar och hus med mark till priser som gör drömmen möjlig. Och ett jobb som betalar för den.',
    ],
    en: [
      'Room for the dream – a farm or a garage',
      'Do you dream of hens, sheep and your own potato patch? Or a garage where the engine can take as long as it takes?\n\nHere you find farms and houses with land at prices that make the dream possible. And a job that pays for it.',
    ],
  },
  {
    key: 'dreamers-time',
    persona: 'dreamers',
    topic: 'everyday',
    sv: [
      'Tid för det du brinner för',
      'När jobbet ligger nära och bostaden kostar mindre, blir det tid över. Tid för projektet du aldrig hann med.\n\nRenovera en lada, bygga om en veteranbil eller starta en liten odling. Här finns både plats och grannar som gärna lånar ut verktyg.',
    ],
    en: [
      'Time for what you love',
      'When work is close and your home costs less, there is time to spare. Time for the project you never got round to.\n\nRenovate a barn, rebuild a vintage car or start a small market garden. Here there is both room and neighbours happy to lend you their tools.',
    ],
  },
  {
    key: 'students-first-job',
    persona: 'students',
    topic: 'career',
    sv: [
      'Ditt första jobb kan vara världsledande',
      'Här kan du börja karriären i ett företag som leder utvecklingen i sin bransch. Du får ansvar tidigt och kollegor som vill att du lyckas.\n\nPraktik, examensarbete eller sommarjobb är ett bra sätt att börja. Många stannar kvar.',
    ],
    en: [
      'Your first job can be world-leading',
      'Here you can start your career in a company that leads its field. You get responsibility early, and colleagues who want you to succeed.\n\nAn internship, a degree project or a summer job is a good way in. Many people stay.',
    ],
  },
  {
    key: 'students-social',
    persona: 'students',
    topic: 'culture',
    sv: [
      'Ett liv utanför jobbet också',
      'Nätverk för nyinflyttade, idrottsföreningar, musik och afterwork. Det är lätt att hitta sitt sammanhang här.\n\nDu flyttar inte till en plats där du inte känner någon. Du flyttar till en plats där folk gärna lär känna dig.',
    ],
    en: [
      'A life outside work too',
      'Networks for newcomers, sports clubs, music and after-work. It is easy to find your people here.\n\nYou are not moving to a place where you know nobody. You are moving to a place where people are glad to get to know you.',
    ],
  },
  {
    key: 'students-climate',
    persona: 'students',
    topic: 'green-industry',
    sv: [
      'Jobba med det som löser klimatfrågan',
      'Batterier, elnät och fossilfritt stål. Här utvecklas tekniken som gör omställningen möjlig.\n\nVill du att din utbildning ska göra nytta? Här får du se resultatet av ditt arbete – i verkligheten, inte bara i en rapport.',
    ],
    en: [
      'Work on what solves the climate crisis',
      'Batteries, power grids and fossil-free steel. The technology that makes the transition possible is developed here.\n\nDo you want your education to make a difference? Here you see the result of your work – in real life, not just in a report.',
    ],
  },
  {
    key: 'international-partner',
    persona: 'international',
    topic: 'career',
    sv: [
      'Regionen hjälper din partner också',
      'En flytt fungerar bara om hela familjen trivs. Därför hjälper regionen medflyttande partners att hitta jobb, nätverk och nya vänner.\n\nBerätta för regionens flyttlots vad din partner söker, så tar lotsen det därifrån.',
    ],
    en: [
      'The region helps your partner too',
      'A move only works if the whole family is happy. That is why the region helps accompanying partners find work, networks and new friends.\n\nTell the region’s navigator what your partner is looking for, and the navigator will take it from there.',
    ],
  },
  {
    key: 'falun-commute',
    persona: 'everyone',
    topic: 'commute',
    municipality: FALUN,
    sv: [
      'Falun – nära till Stockholm',
      'Från Falun tar tåget cirka 2 timmar och 50 minuter till Stockholm, och till Borlänge går det på cirka 15 minuter.\n\nDu kan bo i en levande småstad och ändå nå huvudstaden på en förmiddag.',
    ],
    en: [
      'Falun – close to Stockholm',
      'From Falun, the train takes about 2 hours and 50 minutes to Stockholm, and about 15 minutes to Borlänge.\n\nYou can live in a lively small town and still reach the capital in a morning.',
    ],
    source: SJ,
  },
  {
    key: 'falun-town',
    persona: 'families',
    topic: 'everyday',
    municipality: FALUN,
    sv: [
      'Falun – en stad i lagom storlek',
      'Falun har cirka 59 700 invånare. Det är tillräckligt stort för restauranger, kultur och ett brett utbud av jobb.\n\nOch tillräckligt litet för att du ska möta bekanta på torget och cykla till det mesta.',
    ],
    en: [
      'Falun – a town of just the right size',
      'Falun has about 59,700 inhabitants. That is big enough for restaurants, culture and a wide range of jobs.\n\nAnd small enough that you meet people you know in the square and can cycle almost everywhere.',
    ],
    source: SCB,
  },
  {
    key: 'borlange-commute',
    persona: 'everyone',
    topic: 'commute',
    municipality: BORLANGE,
    sv: [
      'Borlänge – en knutpunkt för tåget',
      'Från Borlänge tar tåget cirka 2 timmar och 20 minuter till Stockholm. Till Falun är det cirka 15 minuter.\n\nHär bor du mitt i regionen, med jobb åt flera håll.',
    ],
    en: [
      'Borlänge – a railway hub',
      'From Borlänge, the train takes about 2 hours and 20 minutes to Stockholm. Falun is about 15 minutes away.\n\nHere you live in the middle of the region, with jobs in several directions.',
    ],
    source: SJ,
  },
  {
    key: 'borlange-innovation',
    persona: 'students',
    topic: 'green-industry',
    municipality: BORLANGE,
    sv: [
      'Borlänge – där nytt tar över efter gammalt',
      'Borlänge har länge varit en stad av stål och papper. Nu växer nya jobb inom batterier, logistik och teknik.\n\nFör dig som vill vara med och bygga något från början finns det få bättre platser just nu.',
    ],
    en: [
      'Borlänge – where the new takes over from the old',
      'Borlänge has long been a town of steel and paper. Now new jobs are growing in batteries, logistics and technology.\n\nIf you want to help build something from the start, there are few better places right now.',
    ],
  },
  {
    key: 'ludvika-power',
    persona: 'everyone',
    topic: 'green-industry',
    municipality: LUDVIKA,
    sv: [
      'Ludvika – kraftteknik för hela världen',
      'I Ludvika utvecklas tekniken i elnäten över hela världen. Ingenjörer härifrån arbetar med projekt på alla kontinenter.\n\nSamtidigt är det nära till sjöar, skog och en lugn vardag.',
    ],
    en: [
      'Ludvika – power technology for the whole world',
      'In Ludvika, engineers develop the technology of power grids all over the world. They work on projects on every continent.\n\nAt the same time, lakes, forest and a calm everyday life are close by.',
    ],
  },
  {
    key: 'ludvika-housing',
    persona: 'families',
    topic: 'housing',
    municipality: LUDVIKA,
    sv: [
      'Ludvika – ett eget hus är inom räckhåll',
      'I Ludvika är medianpriset för en villa cirka 1 500 000 kronor. Det ger familjen plats, trädgård och råd med mer än boendet.\n\nMånga som flyttar hit köper ett hus de aldrig hade haft råd med i storstaden.',
    ],
    en: [
      'Ludvika – a house of your own is within reach',
      'In Ludvika, the median price of a house is about SEK 1,500,000. That gives the family space, a garden and money for more than housing.\n\nMany who move here buy a house they could never have afforded in a big city.',
    ],
    source: HOUSES,
  },
  {
    key: 'mora-nature',
    persona: 'nature',
    topic: 'nature',
    municipality: MORA,
    sv: [
      'Mora – sjön på ena sidan, fjällen på den andra',
      'I Mora börjar Siljan vid stadens kant, och fjällen ligger nära. Skidspåren går nästan ända in till centrum.\n\nHär blir friluftsliv en del av vardagen, inte något du sparar till semestern.',
    ],
    en: [
      'Mora – the lake on one side, the mountains on the other',
      'In Mora, Lake Siljan begins at the edge of town and the mountains are close. The ski tracks run almost into the centre.\n\nHere, outdoor life becomes part of everyday life, not something you save for the holidays.',
    ],
  },
  {
    key: 'avesta-commute',
    persona: 'everyone',
    topic: 'commute',
    municipality: AVESTA,
    sv: [
      'Avesta – nära både Stockholm och Uppsala',
      'Från Avesta tar tåget cirka 1 timme och 50 minuter till Stockholm och cirka 1 timme och 10 minuter till Uppsala.\n\nDu får småstadens lugn och storstadens jobb inom räckhåll.',
    ],
    en: [
      'Avesta – close to both Stockholm and Uppsala',
      'From Avesta, the train takes about 1 hour and 50 minutes to Stockholm and about 1 hour and 10 minutes to Uppsala.\n\nYou get the calm of a small town with the jobs of a big city within reach.',
    ],
    source: SJ,
  },
  {
    key: 'leksand-preschools',
    persona: 'families',
    topic: 'schools',
    municipality: LEKSAND,
    sv: [
      'Leksand – förskolor nära hemmet',
      'Leksand har cirka 16 förskolor och cirka 10 grundskolor. Oftast ligger de nära där familjerna bor.\n\nKortare lämning på morgonen ger mer tid till frukost tillsammans.',
    ],
    en: [
      'Leksand – preschools close to home',
      'Leksand has about 16 preschools and about 10 compulsory schools. Most of them are close to where families live.\n\nA shorter drop-off in the morning means more time for breakfast together.',
    ],
    source: SCHOOLS,
  },
  // Two drafts: not in the toolbox until an editor approves them.
  {
    key: 'draft-housing-rent',
    persona: 'everyone',
    topic: 'housing',
    draft: true,
    sv: [
      'Hyra först, köpa sen',
      'Många börjar med en hyresrätt för att lära känna orten. Sedan hittar de huset de vill bo i.\n\nFråga din arbetsgivare om de kan hjälpa till med ett första boende.',
    ],
    en: ['', ''],
  },
  {
    key: 'draft-students-university',
    persona: 'students',
    topic: 'schools',
    draft: true,
    sv: [
      'Plugga nära jobben',
      'Högskolan Dalarna samarbetar med regionens företag. Examensarbeten och praktik blir ofta en väg in.',
    ],
    en: [
      'Study close to the jobs',
      'Högskolan Dalarna works with the region’s companies. Degree projects and internships often become a way in.',
    ],
  },
];

/** A stable uuid for a demo text of a region (so a second seed finds it). */
export function demoTextId(regionId: string, key: string): string {
  const h = createHash('sha256').update(`toolbox-text:${regionId}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function seedTexts(db: Kysely<DB>): Promise<void> {
  for (const region of await loadRegions(db)) {
    if (region.countyCode !== DEMO_COUNTY) continue;
    const codes = new Set(region.municipalities.map((m) => m.code));
    const rows = DEMO_TEXTS.filter((t) => !t.municipality || codes.has(t.municipality)).map((t) => ({
      region_id: region.id,
      id: demoTextId(region.id, t.key),
      status: t.draft ? ('draft' as const) : ('approved' as const),
      persona: t.persona,
      topic: t.topic,
      municipality_code: t.municipality ?? null,
      title_sv: t.sv[0],
      body_sv: t.sv[1],
      title_en: t.en[0],
      body_en: t.en[1],
      source_name: t.source?.name ?? '',
      source_url: t.source?.url ?? '',
      source_date: t.source?.date ?? null,
      demo: true,
      approved_at: t.draft ? null : new Date(),
    }));
    if (rows.length === 0) continue;
    await db
      .insertInto('toolbox_texts')
      .values(rows)
      .onConflict((oc) => oc.columns(['region_id', 'id']).doNothing())
      .execute();
  }
}
