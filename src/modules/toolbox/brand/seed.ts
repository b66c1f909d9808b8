/**
 * The demo's first version of Dalarna's brand platform (only with `demo`, only for the demo county's
 * region, and only while the region has no version: what editors saved is never touched).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { SeedContext } from '../../../platform/module.ts';
import { DEMO_COUNTY } from '../../content/seed.ts';
import { loadRegions } from '../../regions/repository.ts';
import type { BrandData } from '../model.ts';
import { hasVersion, insertVersion } from './repository.ts';

export const DEMO_BRAND: BrandData = {
  position: { sv: 'En modern karriärregion', en: 'A modern career region' },
  positionText: {
    sv: 'Här gör man karriär i världsledande företag och i den gröna omställningen – och har fjällen, skogen och sjöarna som vardag.\n\nVi vill att fler ska se Dalarna som en plats att bo och arbeta på, inte bara ett ställe att besöka en vecka om året.',
    en: 'Here you build a career at world-leading companies and in the green transition – with mountains, forests and lakes as part of everyday life.\n\nWe want more people to see Dalarna as a place to live and work, not only somewhere to visit one week a year.',
  },
  from: {
    sv: [
      'Midsommar, dalahästar och folkdräkter',
      'Traditionellt och lite stillastående',
      'Ett ställe att semestra på',
      'Få karriärvägar',
      'Tung och smutsig industri',
    ],
    en: [
      'Midsummer, Dala horses and folk costume',
      'Traditional and a little set in its ways',
      'A place for a holiday',
      'Few career paths',
      'Heavy, dirty industry',
    ],
  },
  to: {
    sv: [
      'Innovativt och modernt',
      'Vacker natur, grön omställning och världsledande företag',
      'En plats att besöka, bo och arbeta på',
      'Karriär och utveckling',
      'Modern högteknologi',
    ],
    en: [
      'Innovative and modern',
      'Beautiful nature, the green transition and world-leading companies',
      'A place to visit, live and work',
      'Careers and growth',
      'Modern high technology',
    ],
  },
  properties: [
    {
      name: { sv: 'Öppen', en: 'Open' },
      words: {
        sv: 'Vänlig, varm, inkluderande, hjälpsam, ärlig',
        en: 'Friendly, warm, inclusive, helpful, honest',
      },
      text: {
        sv: 'Vi välkomnar alla, oavsett var de kommer ifrån. Vi svarar snabbt, berättar hur det faktiskt är och hjälper till med det praktiska – bostad, förskola, jobb till partnern.',
        en: 'We welcome everyone, wherever they come from. We answer quickly, tell it as it really is and help with the practical things – a home, preschool, a job for the partner.',
      },
    },
    {
      name: { sv: 'Okonstlad', en: 'Unpretentious' },
      words: {
        sv: 'Äkta, trygg, rak, stolt, kunnig',
        en: 'Genuine, confident, straightforward, proud, competent',
      },
      text: {
        sv: 'Vi behöver inte skryta. Vi visar vad vi gör och låter resultaten tala. Vi skriver som vi pratar, med riktiga människor och riktiga arbetsplatser i bild.',
        en: 'We do not need to boast. We show what we do and let the results speak. We write the way we talk, with real people and real workplaces in the picture.',
      },
    },
    {
      name: { sv: 'Innovativ', en: 'Innovative' },
      words: {
        sv: 'Modig, nyfiken, driven, inspirerande, skapar möjligheter',
        en: 'Fearless, curious, driven, inspiring, creating opportunities',
      },
      text: {
        sv: 'Vi berättar om tekniken, produkterna och idéerna som tas fram här, och om människorna bakom dem. Vi lyfter det som är nytt och det som gör skillnad för klimatet.',
        en: 'We tell of the technology, the products and the ideas developed here, and of the people behind them. We bring forward what is new and what makes a difference for the climate.',
      },
    },
  ],
  bearers: [
    {
      name: { sv: 'Företagen och deras innovationer', en: 'The companies and their innovations' },
      text: {
        sv: 'Världsledande företag inom stål, papper, energi och teknik utvecklar här lösningar för den gröna omställningen. Deras produkter och uppfinningar är vårt starkaste bevis.',
        en: 'World-leading companies in steel, paper, energy and technology develop solutions for the green transition here. Their products and inventions are our strongest proof.',
      },
    },
    {
      name: { sv: 'Människorna', en: 'The people' },
      text: {
        sv: 'De som bor och arbetar här – inflyttade, återvändare och de som alltid bott här – berättar bäst. Låt dem synas med namn, yrke och egna ord.',
        en: 'Those who live and work here – newcomers, returnees and those who have always lived here – tell it best. Let them be seen with their name, job and own words.',
      },
    },
    {
      name: { sv: 'Livsstilen', en: 'The lifestyle' },
      text: {
        sv: 'Fjällen på bakgården och världen utanför dörren: god morgon till familjen vid frukosten, till kollegorna på andra sidan Atlanten vid lunch, och skidspåret efter jobbet.',
        en: 'Mountains in the back yard and the world at the front door: good morning to the family at breakfast, to colleagues across the Atlantic at lunch, and the ski track after work.',
      },
    },
  ],
  voice: {
    sv: 'Varm, personlig och rak. Vi skriver korta meningar och väljer det enkla ordet. Vi tilltalar läsaren med du.\n\nVi skriver på svenska eller engelska efter vem vi når – och på engelska när mottagaren inte kan svenska än.',
    en: 'Warm, personal and to the point. We write short sentences and choose the simpler word. We speak to the reader as “you”.\n\nWe write in Swedish or English depending on who we are reaching – and in English when the reader does not speak Swedish yet.',
  },
  wordsWeLike: {
    sv: [
      'teknik',
      'innovation',
      'utveckling',
      'tillverkning',
      'grön omställning',
      'världsledande',
      'hållbar',
      'karriärmöjligheter',
      'spännande jobb',
      'möjligheter',
      'framgång',
      'nyfiken',
      'modig',
      'inspirerande',
    ],
    en: [
      'technology',
      'innovation',
      'development',
      'manufacturing',
      'green transition',
      'world-leading',
      'sustainable',
      'career opportunities',
      'exciting jobs',
      'opportunities',
      'success',
      'curious',
      'fearless',
      'inspiring',
    ],
  },
  wordsToAvoid: [
    {
      word: { sv: 'industri', en: 'industry' },
      instead: { sv: 'teknik och innovation', en: 'technology and innovation' },
    },
    { word: { sv: 'bruksort', en: 'mill town' }, instead: { sv: 'teknikort', en: 'technology town' } },
    {
      word: { sv: 'landsbygd långt bort', en: 'remote countryside' },
      instead: { sv: 'nära naturen', en: 'close to nature' },
    },
    {
      word: { sv: 'tradition', en: 'tradition' },
      instead: { sv: 'historia som bär in i framtiden', en: 'a history that carries into the future' },
    },
  ],
  dos: [
    {
      text: {
        sv: 'Säg teknik och innovation i stället för industri.',
        en: 'Say technology and innovation rather than industry.',
      },
      example: {
        sv: 'Skriv: ”Du utvecklar tekniken bakom fossilfritt stål.”\nInte: ”Jobb inom tung industri.”',
        en: 'Write: “You develop the technology behind fossil-free steel.”\nNot: “A job in heavy industry.”',
      },
    },
    {
      text: { sv: 'Visa verkliga människor och arbetsplatser.', en: 'Show real people and workplaces.' },
      example: {
        sv: 'Skriv: ”Anna flyttade från Göteborg och leder i dag ett utvecklingsteam i Borlänge.”\nInte: ”Här trivs alla.”',
        en: 'Write: “Anna moved from Gothenburg and now leads a development team in Borlänge.”\nNot: “Everyone is happy here.”',
      },
    },
    {
      text: { sv: 'Knyt ihop jobbet och livet runt omkring.', en: 'Tie the job to the life around it.' },
      example: {
        sv: 'Skriv: ”Tio minuter till kontoret, tjugo till skidspåret.”\nInte: ”Goda pendlingsmöjligheter.”',
        en: 'Write: “Ten minutes to the office, twenty to the ski track.”\nNot: “Good commuting options.”',
      },
    },
  ],
  donts: [
    {
      text: { sv: 'Låt inte traditionerna ta huvudrollen.', en: 'Do not let the traditions take the lead.' },
      example: {
        sv: 'Skriv: ”Ett jobb i framkant – och midsommar vid sjön.”\nInte: en platsannons med dalahästen som enda bild.',
        en: 'Write: “A job at the leading edge – and midsummer by the lake.”\nNot: a job ad with a Dala horse as its only picture.',
      },
    },
    {
      text: { sv: 'Överdriv inte.', en: 'Do not oversell.' },
      example: {
        sv: 'Skriv: ”Våra ingenjörer utvecklar fossilfri ståltillverkning.”\nInte: ”Världens bästa plats att bo på.”',
        en: 'Write: “Our engineers develop fossil-free steelmaking.”\nNot: “The best place in the world to live.”',
      },
    },
    {
      text: {
        sv: 'Göm inte det viktiga i långa meningar.',
        en: 'Do not bury what matters in long sentences.',
      },
      example: {
        sv: 'Skriv: ”Vi hjälper din partner att hitta jobb.”\nInte: ”Inom ramen för vårt etableringsarbete erbjuds medföljande stöd.”',
        en: 'Write: “We help your partner find a job.”\nNot: “Within the framework of our settlement work, accompanying support is offered.”',
      },
    },
  ],
};

/** The demo platform as version 1 for the demo county's region, when it has none. */
export async function seedBrand(db: Kysely<DB>, context: SeedContext): Promise<number> {
  if (!context.demo) return 0;
  let inserted = 0;
  for (const region of await loadRegions(db)) {
    if (region.countyCode !== DEMO_COUNTY) continue;
    if (await hasVersion(db, region.id)) continue;
    try {
      await insertVersion(db, {
        regionId: region.id,
        version: 1,
        data: DEMO_BRAND,
        note: 'Demo',
        savedBy: null,
        savedAt: new Date(),
      });
      inserted += 1;
    } catch (error) {
      // Another process seeded it first.
      if ((error as { code?: string } | null)?.code !== '23505') throw error;
    }
  }
  return inserted;
}
