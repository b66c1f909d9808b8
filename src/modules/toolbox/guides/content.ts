/**
 * The three guides every install starts with (base data, not demo): hiring from outside the EU/EEA,
 * hiring from the EU/EEA and the Nordic countries, and welcoming the newcomer and the partner. Rules
 * on permits, salaries and processing times change, so the texts name the authority and link its
 * pages instead of quoting amounts or days. Item keys are stable: an organisation's ticks are stored
 * by them. A link is an https address or a path of this site ("/move"), shown in the reader's
 * language.
 */
import type { GuideData, GuideItem, GuideSection } from '../model.ts';

/** A guide as stored (toolbox_guides.data): GuideData plus an optional media-library photo slug. */
export interface StoredGuideData extends GuideData {
  image?: string;
}

export interface SeedGuide {
  slug: string;
  position: number;
  data: StoredGuideData;
}

type Pair = [sv: string, en: string];
const pair = ([sv, en]: Pair) => ({ sv, en });

function item(key: string, title: Pair, text: Pair, authority: Pair = ['', ''], url = ''): GuideItem {
  return { key, title: pair(title), text: pair(text), authority: pair(authority), url };
}

function section(title: Pair, text: Pair, timeline: Pair, items: GuideItem[]): GuideSection {
  return { title: pair(title), text: pair(text), timeline: pair(timeline), items };
}

const MIGRATIONSVERKET: Pair = ['Migrationsverket', 'The Swedish Migration Agency'];
const MV_URL = 'https://www.migrationsverket.se';
const SKATTEVERKET: Pair = ['Skatteverket', 'The Swedish Tax Agency'];
const SKV_URL = 'https://www.skatteverket.se';
const FORSAKRINGSKASSAN: Pair = ['Försäkringskassan', 'The Swedish Social Insurance Agency'];
const FK_URL = 'https://www.forsakringskassan.se';
const ARBETSFORMEDLINGEN: Pair = ['Arbetsförmedlingen', 'The Swedish Public Employment Service'];
const AF_URL = 'https://arbetsformedlingen.se';
const NAVIGATOR: Pair = ['Regionens navigatör', 'The region’s navigator'];
const MUNICIPALITY: Pair = ['Kommunen', 'The municipality'];

const outsideEu: SeedGuide = {
  slug: 'anstalla-utanfor-eu-ees',
  position: 10,
  data: {
    image: 'office-team-workshop',
    title: pair(['Anställa från ett land utanför EU/EES', 'Hiring from a country outside the EU/EEA']),
    summary: pair([
      'Från erbjudandet till arbetstillstånd, personnummer och familjens tillstånd – steg för steg, med tidsramar och länkar till de myndigheter som avgör.',
      'From the offer to the work permit, the personal identity number and the family’s permits – step by step, with timelines and links to the authorities that decide.',
    ]),
    sections: [
      section(
        ['Innan ni lämnar erbjudandet', 'Before you make the offer'],
        [
          'En person från ett land utanför EU/EES behöver arbetstillstånd för att arbeta i Sverige. Tillståndet bygger på ert erbjudande om anställning, så villkoren i erbjudandet avgör mycket.\n\nKraven ändras då och då, bland annat på lägsta lön. Läs därför alltid Migrationsverkets aktuella sidor för arbetsgivare innan ni skriver erbjudandet.',
          'Someone from a country outside the EU/EEA needs a work permit to work in Sweden. The permit rests on your offer of employment, so the terms of that offer matter a great deal.\n\nThe requirements change from time to time, the minimum salary among them. Always read the Swedish Migration Agency’s current pages for employers before you write the offer.',
        ],
        ['Räkna med några veckors förberedelser.', 'Allow a few weeks of preparation.'],
        [
          item(
            'offer-terms',
            ['Sätt villkor i nivå med kollektivavtal', 'Set terms in line with the collective agreement'],
            [
              'Lön, försäkringar och andra villkor ska vara minst i nivå med kollektivavtalet eller praxis i yrket. Kontrollera också det lönekrav som gäller för arbetstillstånd just nu.',
              'Salary, insurance and other terms must be at least at the level of the collective agreement or what is usual in the occupation. Also check the salary requirement for work permits that applies right now.',
            ],
            MIGRATIONSVERKET,
            MV_URL,
          ),
          item(
            'offer-insurance',
            ['Ordna försäkringar från första dagen', 'Arrange insurance from the first day'],
            [
              'Migrationsverket vill se att den anställde omfattas av sjuk-, liv-, arbetsskade- och pensionsförsäkring. Tala med ert försäkringsbolag eller er arbetsgivarorganisation i god tid.',
              'The Migration Agency wants to see that the employee is covered by health, life, occupational injury and pension insurance. Talk to your insurer or employers’ organisation in good time.',
            ],
            MIGRATIONSVERKET,
            MV_URL,
          ),
          item(
            'offer-advertise',
            ['Annonsera tjänsten inom EU/EES', 'Advertise the job within the EU/EEA'],
            [
              'Tjänsten ska som regel ha gått att söka för personer inom EU/EES innan erbjudandet lämnas. En annons i Platsbanken når även EURES. Hur länge den ska ha legat ute står hos Migrationsverket.',
              'As a rule, people within the EU/EEA must have been able to apply for the job before the offer is made. An ad in Platsbanken also reaches EURES. How long it must have been open is set out by the Migration Agency.',
            ],
            ARBETSFORMEDLINGEN,
            AF_URL,
          ),
          item(
            'offer-union',
            ['Fråga facket om villkoren', 'Ask the union about the terms'],
            [
              'Ett yttrande från det fackförbund som organiserar yrket kan göra ansökan tydligare. Se hos Migrationsverket om och hur det behövs i ert fall.',
              'An opinion from the union that organises the occupation can make the application clearer. Check with the Migration Agency whether and how it is needed in your case.',
            ],
            MIGRATIONSVERKET,
            MV_URL,
          ),
        ],
      ),
      section(
        ['Ansökan om arbetstillstånd', 'The work permit application'],
        [
          'Arbetsgivaren börjar: ni lägger in erbjudandet i Migrationsverkets e-tjänst för arbetsgivare. Därefter får den ni vill anställa en inbjudan att fylla i sin del och betala avgiften.\n\nHandläggningstiderna varierar med yrke, land och hur komplett ansökan är. Migrationsverket visar aktuella tider på sin webbplats – planera startdatum efter dem, inte efter en gissning.',
          'The employer starts: you enter the offer in the Migration Agency’s e-service for employers. The person you want to hire is then invited to complete their part and pay the fee.\n\nProcessing times vary with the occupation, the country and how complete the application is. The Migration Agency shows current times on its website – plan the start date by them, not by a guess.',
        ],
        [
          'Från några veckor till flera månader – se Migrationsverkets aktuella handläggningstider.',
          'From a few weeks to several months – see the Migration Agency’s current processing times.',
        ],
        [
          item(
            'permit-offer',
            ['Lägg in erbjudandet i e-tjänsten', 'Enter the offer in the e-service'],
            [
              'Erbjudandet om anställning görs i Migrationsverkets e-tjänst för arbetsgivare. Ha organisationsnummer, villkor och försäkringsuppgifter till hands.',
              'The offer of employment is made in the Migration Agency’s e-service for employers. Have your organisation number, the terms and the insurance details at hand.',
            ],
            MIGRATIONSVERKET,
            MV_URL,
          ),
          item(
            'permit-candidate',
            ['Hjälp kandidaten med sin del', 'Help the candidate with their part'],
            [
              'Kandidaten fyller i sin ansökan, laddar upp pass och betalar avgiften. Ett kort samtal där ni går igenom stegen tillsammans sparar ofta veckor.',
              'The candidate completes their application, uploads their passport and pays the fee. A short call where you go through the steps together often saves weeks.',
            ],
            MIGRATIONSVERKET,
            MV_URL,
          ),
          item(
            'permit-times',
            ['Kontrollera handläggningstiden', 'Check the processing time'],
            [
              'Läs Migrationsverkets aktuella handläggningstider för just det här slaget av tillstånd och sätt startdatum därefter. Svara snabbt om myndigheten begär kompletteringar.',
              'Read the Migration Agency’s current processing times for this kind of permit and set the start date accordingly. Answer quickly if the agency asks for more information.',
            ],
            MIGRATIONSVERKET,
            MV_URL,
          ),
          item(
            'permit-certified',
            ['Se om ni kan bli certifierad arbetsgivare', 'See whether you can become a certified employer'],
            [
              'Arbetsgivare som rekryterar ofta kan ha nytta av Migrationsverkets ordning för certifierade arbetsgivare, som kan korta handläggningen. Villkoren och om ordningen finns kvar står hos Migrationsverket.',
              'Employers who recruit often may benefit from the Migration Agency’s scheme for certified employers, which can shorten processing. Its conditions, and whether it is still offered, are set out by the Migration Agency.',
            ],
            MIGRATIONSVERKET,
            MV_URL,
          ),
          item(
            'permit-blue-card',
            [
              'Överväg EU-blåkort för högkvalificerade',
              'Consider the EU Blue Card for highly qualified roles',
            ],
            [
              'För högkvalificerade tjänster kan ett EU-blåkort vara ett alternativ till vanligt arbetstillstånd, med egna krav på lön och utbildning.',
              'For highly qualified jobs an EU Blue Card may be an alternative to an ordinary work permit, with its own requirements on salary and education.',
            ],
            MIGRATIONSVERKET,
            MV_URL,
          ),
        ],
      ),
      section(
        ['Familjen', 'The family'],
        [
          'Make, maka, sambo och barn kan söka uppehållstillstånd för att bo med den som får arbetstillstånd. Partnern får då oftast också arbeta i Sverige. Att söka samtidigt gör att familjen kan flytta tillsammans.',
          'A spouse, partner and children can apply for residence permits to live with the person who gets the work permit. The partner is then usually allowed to work in Sweden too. Applying at the same time lets the family move together.',
        ],
        [
          'Kan sökas samtidigt som arbetstillståndet.',
          'Can be applied for at the same time as the work permit.',
        ],
        [
          item(
            'family-apply',
            ['Låt familjen söka samtidigt', 'Let the family apply at the same time'],
            [
              'Familjemedlemmarnas ansökningar knyts till arbetstagarens. Vilka handlingar som behövs, till exempel för att visa relationen, står hos Migrationsverket.',
              'The family members’ applications are linked to the employee’s. Which documents are needed, for example to show the relationship, is set out by the Migration Agency.',
            ],
            MIGRATIONSVERKET,
            MV_URL,
          ),
          item(
            'family-partner-work',
            ['Prata om partnerns arbete tidigt', 'Talk about the partner’s work early'],
            [
              'Den vanligaste orsaken till att en flytt inte blir av, eller inte blir långvarig, är att partnern saknar sysselsättning. Regionens navigatör och talangpoolen kan hjälpa till redan innan flytten.',
              'The most common reason a move does not happen, or does not last, is that the partner has nothing to do. The region’s navigator and the talent pool can help before the move.',
            ],
            NAVIGATOR,
            '/move',
          ),
        ],
      ),
      section(
        ['På plats i Sverige', 'Arriving in Sweden'],
        [
          'När tillståndet är klart och medarbetaren har kommit finns några myndighetssteg kvar. De flesta går fort om ni hjälper till med rätt papper.',
          'Once the permit is granted and the employee has arrived, a few steps with the authorities remain. Most go quickly if you help with the right papers.',
        ],
        ['De första veckorna.', 'The first weeks.'],
        [
          item(
            'arrival-card',
            ['Uppehållstillståndskortet', 'The residence permit card'],
            [
              'Den som inte lämnat foto och fingeravtryck på en ambassad gör det hos Migrationsverket efter ankomsten. Boka tid tidigt.',
              'Anyone who did not give a photo and fingerprints at an embassy does so at the Migration Agency after arriving. Book a time early.',
            ],
            MIGRATIONSVERKET,
            MV_URL,
          ),
          item(
            'arrival-personnummer',
            ['Folkbokföring och personnummer', 'Population register and personal identity number'],
            [
              'Den som ska bo i Sverige en längre tid anmäler flytt till Skatteverket och får personnummer. Det behövs för bank, BankID, vård och mycket annat. Ta med pass, tillstånd och anställningsavtal.',
              'Anyone who will live in Sweden for a longer time registers the move with the Tax Agency and gets a personal identity number. It is needed for the bank, BankID, healthcare and much else. Bring the passport, the permit and the employment contract.',
            ],
            SKATTEVERKET,
            SKV_URL,
          ),
          item(
            'arrival-tax',
            ['Skatt och lön från första månaden', 'Tax and salary from the first month'],
            [
              'Innan personnumret finns kan ni behöva ett samordningsnummer för att betala ut lön och dra skatt rätt. Skatteverket beskriver hur.',
              'Before the personal identity number exists you may need a coordination number to pay salary and deduct tax correctly. The Tax Agency explains how.',
            ],
            SKATTEVERKET,
            SKV_URL,
          ),
          item(
            'arrival-insurance',
            ['Socialförsäkringen', 'Social insurance'],
            [
              'Den som bor och arbetar i Sverige omfattas som regel av den svenska socialförsäkringen. Försäkringskassan avgör vad som gäller för familjen.',
              'Someone who lives and works in Sweden is usually covered by Swedish social insurance. The Social Insurance Agency decides what applies to the family.',
            ],
            FORSAKRINGSKASSAN,
            FK_URL,
          ),
          item(
            'arrival-extension',
            ['Håll koll på tillståndets slutdatum', 'Keep track of the permit’s end date'],
            [
              'Arbetstillstånd gäller en viss tid och för en viss arbetsgivare. Ansök om förlängning i god tid och ta reda på vad som måste anmälas om villkoren ändras.',
              'A work permit is valid for a set time and for one employer. Apply for an extension in good time and find out what must be reported if the terms change.',
            ],
            MIGRATIONSVERKET,
            MV_URL,
          ),
        ],
      ),
      section(
        ['Stöd på vägen', 'Help along the way'],
        [
          'Ni behöver inte klara det här ensamma. Det finns nationella program och en navigatör i regionen som hjälper både arbetsgivare och familjer.',
          'You do not have to manage this alone. There are national programmes and a navigator in the region who helps employers and families alike.',
        ],
        ['Under hela rekryteringen.', 'Throughout the recruitment.'],
        [
          item(
            'support-switch',
            ['Switch to Sweden', 'Switch to Sweden'],
            [
              'Ett nationellt program som hjälper arbetsgivare att rekrytera internationell kompetens, med kunskap om processen och kontakter.',
              'A national programme that helps employers recruit international talent, with knowledge of the process and contacts.',
            ],
            ['Switch to Sweden', 'Switch to Sweden'],
            'https://switchtosweden.se',
          ),
          item(
            'support-work-in-sweden',
            ['Work in Sweden', 'Work in Sweden'],
            [
              'Sveriges officiella webbplats för den som vill arbeta här. Länka till den i annonsen så att kandidaten får svar på vanliga frågor.',
              'Sweden’s official website for people who want to work here. Link to it in your ad so that candidates find answers to common questions.',
            ],
            ['Work in Sweden', 'Work in Sweden'],
            'https://workinsweden.se',
          ),
          item(
            'support-navigator',
            ['Regionens navigatör', 'The region’s navigator'],
            [
              'Navigatören hjälper den som flyttar hit med boende, skola och partnerns jobb – och kan ta kontakt med kandidaten redan under rekryteringen.',
              'The navigator helps people moving here with housing, school and the partner’s job – and can contact the candidate during the recruitment.',
            ],
            NAVIGATOR,
            '/move',
          ),
        ],
      ),
    ],
  },
};

const insideEu: SeedGuide = {
  slug: 'anstalla-fran-eu-ees-och-norden',
  position: 20,
  data: {
    image: 'office-open-plan-workers',
    title: pair(['Anställa från EU/EES och Norden', 'Hiring from the EU/EEA and the Nordic countries']),
    summary: pair([
      'Inget arbetstillstånd behövs, men det finns ändå steg: uppehållsrätt, folkbokföring, socialförsäkring och erkännande av yrkeskvalifikationer.',
      'No work permit is needed, but there are still steps: the right of residence, registering with the Tax Agency, social insurance and recognition of qualifications.',
    ]),
    sections: [
      section(
        ['Rätten att arbeta', 'The right to work'],
        [
          'Medborgare i EU/EES-länder och Schweiz har rätt att arbeta och bo i Sverige utan tillstånd, så länge de arbetar eller har andra grunder för uppehållsrätt. Nordiska medborgare kan flytta hit ännu enklare.',
          'Citizens of EU/EEA countries and Switzerland have the right to work and live in Sweden without a permit, as long as they work or have other grounds for a right of residence. Nordic citizens can move here even more simply.',
        ],
        ['Inget tillstånd att vänta på.', 'No permit to wait for.'],
        [
          item(
            'eu-right',
            ['Uppehållsrätt för den som arbetar', 'Right of residence for those who work'],
            [
              'Den som har en anställning i Sverige har uppehållsrätt. Ingen ansökan behövs, men anställningsavtalet visar rätten vid folkbokföringen.',
              'Anyone employed in Sweden has a right of residence. No application is needed, but the employment contract shows the right when registering.',
            ],
            MIGRATIONSVERKET,
            MV_URL,
          ),
          item(
            'eu-nordic',
            ['Nordiska medborgare', 'Nordic citizens'],
            [
              'Medborgare i Danmark, Finland, Island och Norge behöver varken tillstånd eller registrering av uppehållsrätt. Info Norden svarar på frågor om att flytta och pendla mellan de nordiska länderna.',
              'Citizens of Denmark, Finland, Iceland and Norway need neither a permit nor a registered right of residence. Info Norden answers questions about moving and commuting between the Nordic countries.',
            ],
            ['Info Norden', 'Info Norden'],
            'https://www.norden.org/en/info-norden',
          ),
          item(
            'eu-family',
            ['Familjemedlemmar från länder utanför EU', 'Family members from outside the EU'],
            [
              'En partner eller ett barn som inte är EU/EES-medborgare kan behöva ett uppehållskort. Migrationsverket beskriver hur man ansöker.',
              'A partner or child who is not an EU/EEA citizen may need a residence card. The Migration Agency describes how to apply.',
            ],
            MIGRATIONSVERKET,
            MV_URL,
          ),
        ],
      ),
      section(
        ['Hitta och anställa', 'Finding and hiring'],
        [
          'EURES är EU:s nätverk för rörlighet på arbetsmarknaden. En annons i Platsbanken kan visas i hela EU, och EURES-rådgivare kan hjälpa till med rekryteringsträffar och kontakter.',
          'EURES is the EU’s network for labour mobility. An ad in Platsbanken can be shown throughout the EU, and EURES advisers can help with recruitment events and contacts.',
        ],
        [
          'Som en vanlig rekrytering, plus några veckor för flytten.',
          'Like any recruitment, plus a few weeks for the move.',
        ],
        [
          item(
            'eu-eures',
            ['Annonsera genom EURES', 'Advertise through EURES'],
            [
              'Publicera annonsen i Platsbanken och välj att den ska nå EURES, eller kontakta en EURES-rådgivare hos Arbetsförmedlingen.',
              'Publish the ad in Platsbanken and choose to have it reach EURES, or contact a EURES adviser at the Public Employment Service.',
            ],
            ['EURES', 'EURES'],
            'https://eures.europa.eu',
          ),
          item(
            'eu-qualifications',
            ['Erkännande av yrkeskvalifikationer', 'Recognition of professional qualifications'],
            [
              'I reglerade yrken, till exempel inom vård och skola, behövs svensk legitimation eller behörighet. Universitets- och högskolerådet vägleder och pekar ut rätt myndighet.',
              'In regulated professions, for example in healthcare and schools, a Swedish licence or qualification is needed. The Swedish Council for Higher Education guides and points to the right authority.',
            ],
            ['Universitets- och högskolerådet', 'The Swedish Council for Higher Education'],
            'https://www.uhr.se',
          ),
          item(
            'eu-language',
            ['Planera för språket', 'Plan for the language'],
            [
              'Bestäm vilket språk arbetet kräver de första månaderna, och hur ni stöttar svenska på arbetstid. SFI är gratis och ges av kommunen.',
              'Decide which language the work needs in the first months, and how you support learning Swedish during working hours. SFI is free and run by the municipality.',
            ],
            MUNICIPALITY,
          ),
        ],
      ),
      section(
        ['Folkbokföring, skatt och försäkring', 'Registration, tax and insurance'],
        [
          'Den som flyttar hit för att arbeta anmäler sig till Skatteverket för folkbokföring och får personnummer. Vilket lands socialförsäkring som gäller avgörs av Försäkringskassan – det spelar roll för den som pendlar över gränsen.',
          'Someone who moves here to work registers with the Tax Agency and gets a personal identity number. Which country’s social insurance applies is decided by the Social Insurance Agency – it matters for anyone commuting across a border.',
        ],
        ['De första veckorna.', 'The first weeks.'],
        [
          item(
            'eu-skatteverket',
            ['Anmäl flytt till Skatteverket', 'Register the move with the Tax Agency'],
            [
              'Besök ett servicekontor med pass eller nationellt id-kort och anställningsavtal. Personnumret behövs för bank, BankID och vård.',
              'Visit a service office with a passport or national ID card and the employment contract. The personal identity number is needed for the bank, BankID and healthcare.',
            ],
            SKATTEVERKET,
            SKV_URL,
          ),
          item(
            'eu-social-insurance',
            ['Rätt socialförsäkring', 'The right social insurance'],
            [
              'Den som arbetar i Sverige omfattas normalt av svensk socialförsäkring. Arbetar någon i flera länder, eller är utsänd hit, kan ett A1-intyg behövas.',
              'Someone working in Sweden is normally covered by Swedish social insurance. If someone works in several countries, or is posted here, an A1 certificate may be needed.',
            ],
            FORSAKRINGSKASSAN,
            FK_URL,
          ),
          item(
            'eu-commuter',
            ['Gränspendlare', 'Cross-border commuters'],
            [
              'För den som bor kvar i Norge eller Finland och pendlar hit finns särskilda regler om skatt. Skatteverket och Info Norden förklarar dem.',
              'For someone who stays in Norway or Finland and commutes here there are special rules on tax. The Tax Agency and Info Norden explain them.',
            ],
            SKATTEVERKET,
            SKV_URL,
          ),
        ],
      ),
      section(
        ['Stöd på vägen', 'Help along the way'],
        [
          'Flytten är densamma oavsett pass: boende, skola och partnerns jobb avgör om familjen trivs.',
          'The move is the same whatever the passport: housing, school and the partner’s job decide whether the family settles.',
        ],
        ['Under hela rekryteringen.', 'Throughout the recruitment.'],
        [
          item(
            'eu-work-in-sweden',
            ['Work in Sweden', 'Work in Sweden'],
            [
              'Sveriges officiella webbplats för den som vill arbeta här, på engelska. Bra att länka till i annonsen.',
              'Sweden’s official website, in English, for people who want to work here. Worth linking to in your ad.',
            ],
            ['Work in Sweden', 'Work in Sweden'],
            'https://workinsweden.se',
          ),
          item(
            'eu-navigator',
            ['Regionens navigatör', 'The region’s navigator'],
            [
              'Navigatören hjälper familjen med boende, skola och partnerns jobbsökande, på svenska eller engelska.',
              'The navigator helps the family with housing, school and the partner’s job search, in Swedish or English.',
            ],
            NAVIGATOR,
            '/move',
          ),
        ],
      ),
    ],
  },
};

const welcome: SeedGuide = {
  slug: 'valkomna-medarbetaren-och-partnern',
  position: 30,
  data: {
    image: 'lake-jetty-sunset',
    title: pair([
      'Välkomna den nya medarbetaren och partnern',
      'Welcoming the new employee and their partner',
    ]),
    summary: pair([
      'En rekrytering lyckas när hela familjen landar. Vad ni kan göra före ankomsten, de första dagarna och de första månaderna – och när ni följer upp.',
      'A recruitment succeeds when the whole family settles in. What you can do before arrival, in the first days and the first months – and when to follow up.',
    ]),
    sections: [
      section(
        ['Innan ankomsten', 'Before arrival'],
        [
          'Det mesta som avgör hur de första veckorna blir händer innan flyttlasset går. Ett boende, en plats i förskolan och en plan för partnern gör skillnad.',
          'Most of what decides how the first weeks go happens before the move. A home, a preschool place and a plan for the partner make the difference.',
        ],
        ['En till tre månader före start.', 'One to three months before the start.'],
        [
          item(
            'before-housing',
            ['Hjälp till med det första boendet', 'Help with the first home'],
            [
              'Ett möblerat tillfälligt boende de första månaderna ger familjen tid att hitta något eget. Berätta om bostadsköer och hyresvärdar i kommunen.',
              'A furnished temporary home for the first months gives the family time to find a place of their own. Tell them about housing queues and landlords in the municipality.',
            ],
            NAVIGATOR,
            '/move',
          ),
          item(
            'before-school',
            ['Förskola och skola', 'Preschool and school'],
            [
              'Ansökan om förskoleplats görs hos kommunen, och det kan ta en tid innan platsen är klar. Hjälp familjen att söka så fort flyttdatumet är känt.',
              'Preschool places are applied for with the municipality, and a place can take some time. Help the family apply as soon as the moving date is known.',
            ],
            MUNICIPALITY,
          ),
          item(
            'before-partner',
            ['Fråga vad partnern vill', 'Ask what the partner wants'],
            [
              'Jobb, studier eller föräldraledighet – fråga tidigt. Partnern kan gå med i talangpoolen och få hjälp av regionens navigatör redan innan flytten.',
              'Work, studies or parental leave – ask early. The partner can join the talent pool and get help from the region’s navigator before the move.',
            ],
            ['Lotsas talangpool', 'Lotsa’s talent pool'],
            '/talent-pool',
          ),
          item(
            'before-buddy',
            ['Utse en fadder på jobbet', 'Choose a buddy at work'],
            [
              'En kollega som svarar på små frågor – var man handlar, hur fikat fungerar, vem man frågar om vad – gör de första veckorna lättare.',
              'A colleague who answers the small questions – where to shop, how fika works, who to ask about what – makes the first weeks easier.',
            ],
          ),
          item(
            'before-schedule',
            ['Skicka en plan för första veckan', 'Send a plan for the first week'],
            [
              'Ett kort schema med tider, platser och namn gör att ingen behöver gissa den första dagen.',
              'A short schedule with times, places and names means nobody has to guess on the first day.',
            ],
          ),
        ],
      ),
      section(
        ['De första dagarna', 'The first days'],
        [
          'Mycket är nytt på en gång. Gå igenom det praktiska tillsammans och ge tid till myndighetsbesök under arbetstid.',
          'Much is new at once. Go through the practical things together and allow time for visits to the authorities during working hours.',
        ],
        ['Den första veckan.', 'The first week.'],
        [
          item(
            'first-welcome',
            ['Ta emot på plats', 'Meet them in person'],
            [
              'Möt upp vid stationen eller boendet och visa vägen till jobbet. En liten sak som många minns.',
              'Meet them at the station or at home and show the way to work. A small thing many people remember.',
            ],
          ),
          item(
            'first-authorities',
            ['Tid för myndigheterna', 'Time for the authorities'],
            [
              'Skatteverket, och för den som kommer från ett land utanför EU ofta Migrationsverket, behöver besökas tidigt. Ge ledigt för det.',
              'The Tax Agency, and for someone from outside the EU often the Migration Agency, need visiting early. Give time off for it.',
            ],
            SKATTEVERKET,
            SKV_URL,
          ),
          item(
            'first-bank',
            ['Bankkonto och BankID', 'Bank account and BankID'],
            [
              'Med personnummer kan man öppna bankkonto och sedan skaffa BankID, som används för det mesta i Sverige. Bankernas krav skiljer sig – fråga vilken bank som brukar fungera bra för nyanlända.',
              'With a personal identity number one can open a bank account and then get BankID, which is used for most things in Sweden. Banks’ requirements differ – ask which bank usually works well for newcomers.',
            ],
            ['BankID', 'BankID'],
            'https://www.bankid.com',
          ),
          item(
            'first-buddy-meets',
            ['Fadderns första möte', 'The buddy’s first meeting'],
            [
              'Låt faddern visa arbetsplatsen, lunchställena och hur man tar sig runt.',
              'Let the buddy show the workplace, the places for lunch and how to get around.',
            ],
          ),
        ],
      ),
      section(
        ['De första månaderna', 'The first months'],
        [
          'När vardagen har börjat handlar det om att få ett sammanhang: språket, ett jobb för partnern, vänner och fritid.',
          'Once everyday life has begun, it is about belonging: the language, a job for the partner, friends and leisure.',
        ],
        ['Månad ett till tre.', 'Months one to three.'],
        [
          item(
            'months-sfi',
            ['Svenska för invandrare (SFI)', 'Swedish for immigrants (SFI)'],
            [
              'SFI är gratis och ordnas av kommunen. Låt gärna medarbetaren studera en del på arbetstid – och berätta att partnern också kan gå.',
              'SFI is free and run by the municipality. Consider letting the employee study partly during working hours – and mention that the partner can attend too.',
            ],
            MUNICIPALITY,
          ),
          item(
            'months-partner-job',
            ['Partnerns eget jobbsökande', 'The partner’s own job search'],
            [
              'Tipsa om Lotsas talangpool, där arbetsgivare i regionen hittar partnern, och om regionens navigatör, som kan introducera partnern för arbetsgivare. Dela gärna ert eget nätverk.',
              'Point to Lotsa’s talent pool, where employers in the region find the partner, and to the region’s navigator, who can introduce the partner to employers. Share your own network too.',
            ],
            NAVIGATOR,
            '/move',
          ),
          item(
            'months-network',
            ['Nätverket för nya och evenemangen', 'The newcomer network and the events'],
            [
              'I nätverket för nyinflyttade träffar familjen andra som nyss kommit, och ambassadörer som bott här länge. Kalendern visar träffar och evenemang.',
              'In the newcomer network the family meets others who have just arrived, and ambassadors who have lived here for years. The calendar shows meetups and events.',
            ],
            ['Nätverket för nya', 'The newcomer network'],
            '/network',
          ),
          item(
            'months-healthcare',
            ['Vårdcentral och 1177', 'Health centre and 1177'],
            [
              'Lista familjen på en vårdcentral. 1177 ger råd om vård dygnet runt, även på engelska.',
              'Register the family at a health centre. 1177 gives healthcare advice around the clock, in English too.',
            ],
            ['1177', '1177'],
            'https://www.1177.se',
          ),
        ],
      ),
      section(
        ['Uppföljning', 'Follow-up'],
        [
          'Fråga hur det går – inte bara med jobbet. Två samtal, efter tre och tolv månader, fångar det mesta i tid.',
          'Ask how things are going – not only with the job. Two conversations, after three and twelve months, catch most things in time.',
        ],
        ['Efter 3 och 12 månader.', 'After 3 and 12 months.'],
        [
          item(
            'followup-3',
            ['Samtal efter tre månader', 'A conversation after three months'],
            [
              'Hur trivs familjen? Har partnern hittat något? Finns det något praktiskt som skaver? Tidiga signaler går ofta att göra något åt.',
              'How is the family doing? Has the partner found something? Is anything practical causing trouble? Early signs can often be acted on.',
            ],
          ),
          item(
            'followup-12',
            ['Samtal efter ett år', 'A conversation after a year'],
            [
              'Prata om utvecklingen framåt, och för den som har arbetstillstånd: när det behöver förlängas.',
              'Talk about the way ahead and, for someone with a work permit, when it needs extending.',
            ],
            MIGRATIONSVERKET,
            MV_URL,
          ),
          item(
            'followup-learn',
            ['Lär till nästa gång', 'Learn for next time'],
            [
              'Skriv ner vad som fungerade och vad som tog tid. Nästa internationella rekrytering går snabbare.',
              'Write down what worked and what took time. The next international recruitment will go faster.',
            ],
          ),
        ],
      ),
    ],
  },
};

/** The guides every install has, in their order. */
export const BASE_GUIDES: readonly SeedGuide[] = [outsideEu, insideEu, welcome];
