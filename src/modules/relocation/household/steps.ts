/**
 * The moving checklist's catalogue: the steps a household moving to Sweden usually takes, each with
 * the authority or body that handles it (and its public web address), what to bring, when in the
 * move it belongs, and which households it is for. `checklistFor(household)` picks the household's
 * steps, in phase order. The texts are general on purpose: rules change and depend on the person, so
 * each step sends people to the authority's own page for what applies to them. Keys are stored in
 * relocation_checklist: never rename one that has shipped.
 */
import type { Citizenship, Housing } from '../model.ts';

export const PHASES = ['before', 'first_week', 'first_month', 'first_year'] as const;
export type Phase = (typeof PHASES)[number];

/** Children's age groups: preschool 1–5, school 6–15, upper secondary 16–19. */
export const AGE_GROUPS = ['preschool', 'school', 'upper_secondary'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

type Words = Readonly<{ sv: string; en: string }>;

export interface Authority {
  name: Words;
  /** Its public web address (https). */
  url: string;
}

/** Which households a step is for; every given condition must hold (none: every household). */
export interface StepCondition {
  /** Some adult has one of these citizenships (an unknown one counts as maybe EU, maybe not). */
  citizenship?: readonly Exclude<Citizenship, 'unknown'>[];
  /** There is a partner. */
  partner?: true;
  /** There is a partner or a child (the family moves too). */
  family?: true;
  /** Some child is in one of these age groups. */
  children?: readonly AgeGroup[] | 'any';
  /** The household rents or buys (either / not sure: both, marked "if …"). */
  housing?: 'rent' | 'buy';
}

export interface Step {
  key: string;
  phase: Phase;
  title: Words;
  /** What the step is, in a sentence or two. */
  text: Words;
  /** What to bring or have ready. */
  bring: Words;
  authority: Authority;
  when: StepCondition;
}

/** A condition shown with a step the household may or may not need: "if you are an EU citizen". */
export type StepIf = 'eu' | 'non_eu' | 'rent' | 'buy';

export interface ChecklistItem {
  step: Step;
  /** Shown as "if …": the household did not say which applies. */
  ifs: StepIf[];
}

/** What the checklist is generated from. */
export interface HouseholdFacts {
  /** Each adult's citizenship (the main mover first). */
  adults: readonly Citizenship[];
  hasPartner: boolean;
  childrenAges: readonly number[];
  housing: Housing;
}

const MIGRATIONSVERKET: Authority = {
  name: { sv: 'Migrationsverket', en: 'The Swedish Migration Agency (Migrationsverket)' },
  url: 'https://www.migrationsverket.se/',
};
const SKATTEVERKET: Authority = {
  name: { sv: 'Skatteverket', en: 'The Swedish Tax Agency (Skatteverket)' },
  url: 'https://www.skatteverket.se/',
};
const FORSAKRINGSKASSAN: Authority = {
  name: { sv: 'Försäkringskassan', en: 'The Social Insurance Agency (Försäkringskassan)' },
  url: 'https://www.forsakringskassan.se/',
};
const ARBETSFORMEDLINGEN: Authority = {
  name: { sv: 'Arbetsförmedlingen', en: 'The Public Employment Service (Arbetsförmedlingen)' },
  url: 'https://arbetsformedlingen.se/',
};
const UHR: Authority = {
  name: { sv: 'Universitets- och högskolerådet (UHR)', en: 'The Swedish Council for Higher Education (UHR)' },
  url: 'https://www.uhr.se/',
};
const TRANSPORTSTYRELSEN: Authority = {
  name: { sv: 'Transportstyrelsen', en: 'The Swedish Transport Agency (Transportstyrelsen)' },
  url: 'https://www.transportstyrelsen.se/',
};
const VARDEN: Authority = {
  name: { sv: '1177 – regionens hälso- och sjukvård', en: '1177 – the region’s health care' },
  url: 'https://www.1177.se/',
};
const KOMMUNEN_SKOLA: Authority = {
  name: {
    sv: 'Kommunen (Skolverket förklarar reglerna)',
    en: 'The municipality (the National Agency for Education explains the rules)',
  },
  url: 'https://www.skolverket.se/',
};
const BANK: Authority = {
  name: { sv: 'Din bank (BankID)', en: 'Your bank (BankID)' },
  url: 'https://www.bankid.com/',
};
const KONSUMENT: Authority = {
  name: {
    sv: 'Konsumenternas Bank- och finansbyrå och Försäkringsbyrå',
    en: 'The Swedish Consumers’ Banking, Finance and Insurance Bureaus',
  },
  url: 'https://www.konsumenternas.se/',
};
const ALLMANNYTTAN: Authority = {
  name: {
    sv: 'Kommunens bostadsbolag (Sveriges Allmännytta listar dem)',
    en: 'The municipal housing company (Sveriges Allmännytta lists them)',
  },
  url: 'https://www.sverigesallmannytta.se/',
};
const MAKLARE: Authority = {
  name: {
    sv: 'En registrerad fastighetsmäklare (Fastighetsmäklarinspektionen)',
    en: 'A registered estate agent (the Estate Agents Inspectorate)',
  },
  url: 'https://www.fmi.se/',
};
const SOS: Authority = {
  name: { sv: 'SOS Alarm (112) och 1177', en: 'SOS Alarm (112) and 1177' },
  url: 'https://www.112.se/',
};

const NON_NORDIC = ['eu', 'non_eu'] as const;

/** The catalogue, in phase order (the order within a phase is the order shown). */
export const STEPS: readonly Step[] = [
  // Before the move
  {
    key: 'work-permit',
    phase: 'before',
    title: { sv: 'Ansök om arbetstillstånd innan du reser', en: 'Apply for a work permit before you travel' },
    text: {
      sv: 'Som medborgare i ett land utanför EU/EES behöver du oftast ett arbetstillstånd som är klart innan du reser. Arbetsgivaren startar ansökan; kolla på Migrationsverkets sida vad som gäller för dig.',
      en: 'As a citizen of a country outside the EU/EEA you usually need a work permit that is granted before you travel. The employer starts the application; check the Migration Agency’s page for what applies to you.',
    },
    bring: {
      sv: 'Arbetsgivarens erbjudande om anställning, ett giltigt pass.',
      en: 'The employer’s offer of employment, a valid passport.',
    },
    authority: MIGRATIONSVERKET,
    when: { citizenship: ['non_eu'] },
  },
  {
    key: 'family-permits',
    phase: 'before',
    title: { sv: 'Uppehållstillstånd för familjen', en: 'Residence permits for the family' },
    text: {
      sv: 'Partner och barn som inte är EU/EES-medborgare kan ansöka om uppehållstillstånd för att följa med. Ansök gärna samtidigt som arbetstillståndet; kolla på Migrationsverkets sida vad som gäller för er.',
      en: 'A partner and children who are not EU/EEA citizens can apply for residence permits to come along. It helps to apply at the same time as the work permit; check the Migration Agency’s page for what applies to you.',
    },
    bring: {
      sv: 'Pass för alla, vigsel- eller partnerskapsbevis, barnens födelsebevis.',
      en: 'Passports for everyone, a marriage or partnership certificate, the children’s birth certificates.',
    },
    authority: MIGRATIONSVERKET,
    when: { citizenship: ['non_eu'], family: true },
  },
  {
    key: 'eu-right-of-residence',
    phase: 'before',
    title: { sv: 'Uppehållsrätt som EU-medborgare', en: 'Right of residence as an EU citizen' },
    text: {
      sv: 'Som EU/EES-medborgare behöver du inget tillstånd för att arbeta här: du har uppehållsrätt när du arbetar, studerar eller kan försörja dig. Kolla på Migrationsverkets sida vad som gäller för dig och din familj.',
      en: 'As an EU/EEA citizen you need no permit to work here: you have a right of residence when you work, study or can support yourself. Check the Migration Agency’s page for what applies to you and your family.',
    },
    bring: {
      sv: 'Pass eller nationellt id-kort, anställningsavtal.',
      en: 'A passport or national identity card, an employment contract.',
    },
    authority: MIGRATIONSVERKET,
    when: { citizenship: ['eu'] },
  },
  {
    key: 'documents',
    phase: 'before',
    title: { sv: 'Samla viktiga papper i original', en: 'Gather important documents in original' },
    text: {
      sv: 'Myndigheterna vill ofta se original av intyg om familjen och utbildningen. Kolla på Skatteverkets sida vilka handlingar som godtas och om de behöver vara översatta eller bestyrkta.',
      en: 'The authorities often want to see originals of papers about the family and your education. Check the Tax Agency’s page for which documents are accepted and whether they must be translated or certified.',
    },
    bring: {
      sv: 'Pass, vigsel- eller partnerskapsbevis, födelsebevis, betyg och examensbevis.',
      en: 'Passports, marriage or partnership certificates, birth certificates, grades and diplomas.',
    },
    authority: SKATTEVERKET,
    when: {},
  },
  {
    key: 'housing-queue',
    phase: 'before',
    title: { sv: 'Ställ dig i bostadskö', en: 'Join the housing queue' },
    text: {
      sv: 'Kommunens bostadsbolag och många privata hyresvärdar har bostadsköer. Ställ dig i kö så tidigt som möjligt och fråga lotsen om korttidsboende medan du väntar.',
      en: 'The municipal housing company and many private landlords have housing queues. Join as early as you can and ask your navigator about short-term housing while you wait.',
    },
    bring: {
      sv: 'E-postadress, anställningsavtal eller annat som visar din inkomst.',
      en: 'An e-mail address, an employment contract or something else that shows your income.',
    },
    authority: ALLMANNYTTAN,
    when: { housing: 'rent' },
  },
  {
    key: 'loan-promise',
    phase: 'before',
    title: { sv: 'Få ett lånelöfte från en bank', en: 'Get a loan promise from a bank' },
    text: {
      sv: 'Ett lånelöfte visar hur mycket banken kan tänka sig att låna ut, så att du kan lägga bud. Bankerna har olika krav på den som nyss flyttat hit; jämför och fråga din bank vad som gäller för dig.',
      en: 'A loan promise (lånelöfte) shows how much the bank is willing to lend, so you can bid on a home. Banks ask different things of someone who has just moved here; compare and ask your bank what applies to you.',
    },
    bring: {
      sv: 'Anställningsavtal, lönebesked, id-handling, uppgifter om sparande och skulder.',
      en: 'An employment contract, pay slips, identification, your savings and debts.',
    },
    authority: KONSUMENT,
    when: { housing: 'buy' },
  },
  {
    key: 'estate-agent',
    phase: 'before',
    title: { sv: 'Hitta en bostad genom en mäklare', en: 'Find a home through an estate agent' },
    text: {
      sv: 'De flesta bostäder säljs genom registrerade fastighetsmäklare. Kontrollera att mäklaren är registrerad och gå på visningar – lotsen kan berätta om orterna.',
      en: 'Most homes are sold through registered estate agents. Check that the agent is registered and go to viewings – your navigator can tell you about the places.',
    },
    bring: { sv: 'Ditt lånelöfte, id-handling.', en: 'Your loan promise, identification.' },
    authority: MAKLARE,
    when: { housing: 'buy' },
  },
  {
    key: 'preschool-queue',
    phase: 'before',
    title: { sv: 'Ansök om plats i förskolan', en: 'Apply for a place in preschool' },
    text: {
      sv: 'Barn från ett års ålder kan gå i förskola. Kommunen tar emot ansökan och har regler för hur lång tid det tar att få en plats; ansök så tidigt kommunen tillåter.',
      en: 'Children from the age of one can go to preschool. The municipality takes the application and has rules on how long it takes to get a place; apply as early as the municipality allows.',
    },
    bring: {
      sv: 'Barnets namn och födelsedatum, er blivande adress, när ni börjar arbeta.',
      en: 'The child’s name and date of birth, your future address, when you start working.',
    },
    authority: KOMMUNEN_SKOLA,
    when: { children: ['preschool'] },
  },
  {
    key: 'school-placement',
    phase: 'before',
    title: { sv: 'Anmäl barnen till skolan', en: 'Register the children at school' },
    text: {
      sv: 'Barn i Sverige har rätt och skyldighet att gå i skolan. Kontakta kommunen om skolplacering; många kommuner har särskilt stöd för nyanlända elever.',
      en: 'Children in Sweden have the right and duty to go to school. Contact the municipality about a school place; many municipalities have special support for newly arrived pupils.',
    },
    bring: {
      sv: 'Barnens betyg och intyg från tidigare skola, er blivande adress.',
      en: 'The children’s reports and certificates from their previous school, your future address.',
    },
    authority: KOMMUNEN_SKOLA,
    when: { children: ['school'] },
  },
  {
    key: 'upper-secondary',
    phase: 'before',
    title: { sv: 'Gymnasiet för tonåringar', en: 'Upper secondary school for teenagers' },
    text: {
      sv: 'Ungdomar kan gå gymnasiet, och det finns introduktionsprogram för den som är ny i Sverige. Kontakta kommunens gymnasieantagning om hur ansökan går till.',
      en: 'Young people can go to upper secondary school (gymnasium), and there are introductory programmes for those new to Sweden. Contact the municipality’s admissions office about how to apply.',
    },
    bring: {
      sv: 'Betyg från tidigare skolor, gärna översatta.',
      en: 'Grades from previous schools, translated if you can.',
    },
    authority: KOMMUNEN_SKOLA,
    when: { children: ['upper_secondary'] },
  },
  // The first week
  {
    key: 'residence-card',
    phase: 'first_week',
    title: { sv: 'Hämta ditt uppehållstillståndskort', en: 'Get your residence permit card' },
    text: {
      sv: 'Uppehållstillståndskortet visar att du har tillstånd. Har du inte lämnat foto och fingeravtryck innan resan bokar du en tid hos Migrationsverket; kolla på deras sida vad som gäller.',
      en: 'The residence permit card shows that you have a permit. If you did not leave your photograph and fingerprints before travelling, book a visit at the Migration Agency; check their page for what applies.',
    },
    bring: {
      sv: 'Pass, beslutet om tillstånd, bokningsbekräftelsen.',
      en: 'Passport, the permit decision, the booking confirmation.',
    },
    authority: MIGRATIONSVERKET,
    when: { citizenship: ['non_eu'] },
  },
  {
    key: 'population-register',
    phase: 'first_week',
    title: {
      sv: 'Folkbokför dig hos Skatteverket',
      en: 'Register in the population register (folkbokföring)',
    },
    text: {
      sv: 'Den som ska bo i Sverige minst ett år ska folkbokföras. Då får du ett personnummer, som du behöver för det mesta som följer. Hela familjen kan ansöka samtidigt; kolla på Skatteverkets sida vad som gäller för er.',
      en: 'Anyone who will live in Sweden for at least a year should be registered in the population register. You then get a personal identity number (personnummer), which you need for most of what follows. The whole family can apply together; check the Tax Agency’s page for what applies to you.',
    },
    bring: {
      sv: 'Pass eller nationellt id-kort, anställningsavtal, tillståndet om du behöver ett, vigsel- och födelsebevis.',
      en: 'A passport or national identity card, the employment contract, your permit if you need one, marriage and birth certificates.',
    },
    authority: SKATTEVERKET,
    when: {},
  },
  {
    key: 'emergency-numbers',
    phase: 'first_week',
    title: { sv: 'Spara 112 och 1177', en: 'Save 112 and 1177' },
    text: {
      sv: '112 är numret vid nödläge. 1177 ger råd om vård dygnet runt, på telefon och webben.',
      en: '112 is the number for emergencies. 1177 gives health advice day and night, by phone and on the web.',
    },
    bring: { sv: 'Inget – spara numren i telefonen.', en: 'Nothing – save the numbers in your phone.' },
    authority: SOS,
    when: {},
  },
  {
    key: 'home-insurance',
    phase: 'first_week',
    title: { sv: 'Teckna hemförsäkring', en: 'Take out home insurance' },
    text: {
      sv: 'En hemförsäkring skyddar dina saker och ofta dig själv. Många hyresvärdar förväntar sig att du har en; jämför villkoren innan du väljer.',
      en: 'Home insurance protects your belongings and often you. Many landlords expect you to have one; compare the terms before you choose.',
    },
    bring: { sv: 'Din adress, id-handling.', en: 'Your address, identification.' },
    authority: KONSUMENT,
    when: {},
  },
  // The first month
  {
    key: 'id-card',
    phase: 'first_month',
    title: { sv: 'Ansök om svenskt id-kort', en: 'Apply for a Swedish ID card' },
    text: {
      sv: 'När du har ett personnummer kan du ansöka om id-kort hos Skatteverket. Det gör det lättare att öppna bankkonto och hämta paket. Kolla på Skatteverkets sida hur du bokar tid.',
      en: 'Once you have a personnummer you can apply for an ID card at the Tax Agency. It makes it easier to open a bank account and collect parcels. Check the Tax Agency’s page for how to book a visit.',
    },
    bring: { sv: 'Pass, ditt personnummer.', en: 'Passport, your personnummer.' },
    authority: SKATTEVERKET,
    when: {},
  },
  {
    key: 'bank-account',
    phase: 'first_month',
    title: { sv: 'Öppna bankkonto och skaffa BankID', en: 'Open a bank account and get BankID' },
    text: {
      sv: 'Lön betalas till ett svenskt bankkonto, och BankID är den e-legitimation du loggar in med hos myndigheter och vården. Bankerna har olika krav; fråga din bank.',
      en: 'Salaries are paid into a Swedish bank account, and BankID is the electronic identification you use to sign in to authorities and health care. Banks ask different things; ask your bank.',
    },
    bring: {
      sv: 'Id-kort eller pass, ditt personnummer, anställningsavtal.',
      en: 'ID card or passport, your personnummer, the employment contract.',
    },
    authority: BANK,
    when: {},
  },
  {
    key: 'social-insurance',
    phase: 'first_month',
    title: { sv: 'Registrera dig hos Försäkringskassan', en: 'Register with Försäkringskassan' },
    text: {
      sv: 'Försäkringskassan betalar bland annat sjukpenning och föräldrapenning. Du kan behöva anmäla att du har flyttat hit; kolla på deras sida vad som gäller för dig.',
      en: 'Försäkringskassan pays sickness and parental benefits, among others. You may need to tell them that you have moved here; check their page for what applies to you.',
    },
    bring: {
      sv: 'Ditt personnummer, anställningsavtal.',
      en: 'Your personnummer, the employment contract.',
    },
    authority: FORSAKRINGSKASSAN,
    when: {},
  },
  {
    key: 'child-allowance',
    phase: 'first_month',
    title: { sv: 'Barnbidrag', en: 'Child allowance' },
    text: {
      sv: 'Familjer med barn kan få barnbidrag från Försäkringskassan. För barn som flyttat hit kan det behövas en ansökan; kolla på deras sida vad som gäller för er.',
      en: 'Families with children may get child allowance (barnbidrag) from Försäkringskassan. For children who moved here an application may be needed; check their page for what applies to you.',
    },
    bring: {
      sv: 'Barnens personnummer, ditt bankkonto.',
      en: 'The children’s personnummer, your bank account.',
    },
    authority: FORSAKRINGSKASSAN,
    when: { children: 'any' },
  },
  {
    key: 'health-centre',
    phase: 'first_month',
    title: { sv: 'Välj vårdcentral', en: 'Choose a health centre (vårdcentral)' },
    text: {
      sv: 'Vårdcentralen är dit du vänder dig först när du är sjuk. Du väljer själv vilken; på 1177 kan du lista dig och se vårdcentralerna nära dig.',
      en: 'The health centre is where you go first when you are ill. You choose which one; on 1177 you can register and see the health centres near you.',
    },
    bring: { sv: 'Ditt personnummer, gärna BankID.', en: 'Your personnummer, BankID if you have it.' },
    authority: VARDEN,
    when: {},
  },
  {
    key: 'sfi',
    phase: 'first_month',
    title: { sv: 'Svenska för invandrare (sfi)', en: 'Swedish for immigrants (sfi)' },
    text: {
      sv: 'Kommunen erbjuder sfi, undervisning i svenska för vuxna som inte kan språket. Det går ofta att läsa på kvällar eller på distans. Kolla med kommunen vad som gäller för dig.',
      en: 'The municipality offers sfi, Swedish lessons for adults who do not speak the language. It can often be done in the evenings or online. Check with the municipality what applies to you.',
    },
    bring: { sv: 'Ditt personnummer.', en: 'Your personnummer.' },
    authority: KOMMUNEN_SKOLA,
    when: { citizenship: NON_NORDIC },
  },
  {
    key: 'partner-employment-service',
    phase: 'first_month',
    title: {
      sv: 'Partnern skriver in sig hos Arbetsförmedlingen',
      en: 'The partner registers with Arbetsförmedlingen',
    },
    text: {
      sv: 'Den som söker jobb kan skriva in sig hos Arbetsförmedlingen och få stöd i sökandet. Berätta också för lotsen vad din partner arbetar med – lotsen kan presentera er för arbetsgivare.',
      en: 'Anyone looking for work can register with Arbetsförmedlingen and get support in the search. Also tell your navigator what your partner works with – the navigator can introduce you to employers.',
    },
    bring: {
      sv: 'Personnummer, cv, betyg och intyg.',
      en: 'Personnummer, a CV, grades and certificates.',
    },
    authority: ARBETSFORMEDLINGEN,
    when: { partner: true },
  },
  {
    key: 'degree-recognition',
    phase: 'first_month',
    title: { sv: 'Få en utländsk utbildning bedömd', en: 'Have a foreign degree recognised' },
    text: {
      sv: 'UHR bedömer utländska utbildningar, så att arbetsgivare förstår vad de motsvarar i Sverige. För vissa yrken (till exempel i vården) krävs legitimation från en annan myndighet; kolla vad som gäller för ert yrke.',
      en: 'UHR assesses foreign qualifications so that employers understand what they correspond to in Sweden. Some professions (in health care, for example) need a licence from another authority; check what applies to your profession.',
    },
    bring: {
      sv: 'Examensbevis och kursförteckning, gärna översatta.',
      en: 'Diplomas and transcripts, translated if you can.',
    },
    authority: UHR,
    when: { partner: true },
  },
  {
    key: 'moving-notice',
    phase: 'first_month',
    title: { sv: 'Anmäl flytt till din nya adress', en: 'Report your move to a new address' },
    text: {
      sv: 'Bor ni först tillfälligt och flyttar sedan till ett permanent hem anmäler ni den nya adressen till Skatteverket, så att post och myndigheter hittar er.',
      en: 'If you live somewhere temporary first and then move into a permanent home, report the new address to the Tax Agency so that post and authorities find you.',
    },
    bring: {
      sv: 'BankID eller id-handling, den nya adressen, hyresavtal eller köpekontrakt.',
      en: 'BankID or identification, the new address, the lease or purchase contract.',
    },
    authority: SKATTEVERKET,
    when: {},
  },
  // The first year
  {
    key: 'driving-licence',
    phase: 'first_year',
    title: { sv: 'Byt ut ditt körkort', en: 'Exchange your driving licence' },
    text: {
      sv: 'Ett körkort från ett land utanför EU/EES gäller bara en begränsad tid efter att du folkbokförts. Kolla på Transportstyrelsens sida hur länge ditt gäller och om det kan bytas mot ett svenskt.',
      en: 'A driving licence from a country outside the EU/EEA is valid only for a limited time after you are registered here. Check the Transport Agency’s page for how long yours is valid and whether it can be exchanged for a Swedish one.',
    },
    bring: {
      sv: 'Ditt körkort, id-handling, personnummer.',
      en: 'Your driving licence, identification, personnummer.',
    },
    authority: TRANSPORTSTYRELSEN,
    when: { citizenship: ['non_eu'] },
  },
  {
    key: 'car-import',
    phase: 'first_year',
    title: { sv: 'Om du tar med bilen', en: 'If you bring your car' },
    text: {
      sv: 'En bil som förs in i Sverige ska registreras här innan den får användas en längre tid. Kolla på Transportstyrelsens sida vilka kontroller som krävs.',
      en: 'A car brought into Sweden must be registered here before it may be used for any length of time. Check the Transport Agency’s page for which checks are needed.',
    },
    bring: {
      sv: 'Bilens registreringsbevis och ursprungskontroll, köpehandlingar.',
      en: 'The car’s registration certificate, proof of origin, purchase papers.',
    },
    authority: TRANSPORTSTYRELSEN,
    when: {},
  },
  {
    key: 'tax-return',
    phase: 'first_year',
    title: { sv: 'Din första deklaration', en: 'Your first tax return' },
    text: {
      sv: 'Alla som bor och arbetar i Sverige deklarerar sin inkomst en gång om året. Det första året kan det finnas inkomster från två länder; kolla på Skatteverkets sida vad som gäller för dig.',
      en: 'Everyone who lives and works in Sweden files a tax return once a year. The first year there may be income from two countries; check the Tax Agency’s page for what applies to you.',
    },
    bring: {
      sv: 'BankID, uppgifter om inkomster i det land du flyttade från.',
      en: 'BankID, details of income in the country you moved from.',
    },
    authority: SKATTEVERKET,
    when: {},
  },
];

const STEP_BY_KEY = new Map(STEPS.map((s) => [s.key, s]));

/** A step of the catalogue by its key. */
export function stepByKey(key: string): Step | undefined {
  return STEP_BY_KEY.get(key);
}

/** The age group of a child's age, or none (a baby, or past upper secondary school). */
export function ageGroupOf(age: number): AgeGroup | null {
  if (age >= 1 && age <= 5) return 'preschool';
  if (age >= 6 && age <= 15) return 'school';
  if (age >= 16 && age <= 19) return 'upper_secondary';
  return null;
}

/** Whether the household has this step, and with which "if …" conditions; null when not at all. */
function match(step: Step, household: HouseholdFacts): StepIf[] | null {
  const { when } = step;
  const ifs: StepIf[] = [];
  if (when.citizenship) {
    const known = household.adults.filter((c) => c !== 'unknown');
    const unknown = household.adults.length === 0 || household.adults.some((c) => c === 'unknown');
    const surely = known.some((c) => (when.citizenship as readonly string[]).includes(c));
    if (!surely) {
      // An unknown citizenship may be an EU one or not: both variants, each marked "if …".
      const maybe = NON_NORDIC.filter((c) => when.citizenship!.includes(c));
      if (!unknown || maybe.length === 0) return null;
      if (maybe.length === 1) ifs.push(maybe[0]!);
    }
  }
  if (when.partner && !household.hasPartner) return null;
  if (when.family && !household.hasPartner && household.childrenAges.length === 0) return null;
  if (when.children) {
    if (household.childrenAges.length === 0) return null;
    if (when.children !== 'any') {
      const groups = household.childrenAges.map(ageGroupOf);
      if (!groups.some((g) => g !== null && (when.children as readonly AgeGroup[]).includes(g))) return null;
    }
  }
  if (when.housing) {
    if (household.housing === 'rent' || household.housing === 'buy') {
      if (household.housing !== when.housing) return null;
    } else {
      ifs.push(when.housing);
    }
  }
  return ifs;
}

/** The household's checklist: the catalogue's steps it needs, in phase order. */
export function checklistFor(household: HouseholdFacts): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const phase of PHASES) {
    for (const step of STEPS) {
      if (step.phase !== phase) continue;
      const ifs = match(step, household);
      if (ifs) items.push({ step, ifs });
    }
  }
  return items;
}
