/**
 * The events' demo seed (only with demo data): six events of Dalarna, dated from the day the seed
 * runs so they are always upcoming — the region's joint stand at a recruitment fair in Malmö with
 * demo employers exhibiting, an after-work for students in Uppsala, two company visits (one nearly
 * full), a test-living weekend in Rättvik (an application, a programme across three days with
 * company visits and a house viewing), an online job day and an information meeting in Falun; with
 * questions and the media library's demo photographs. The organisations of the companies' demo
 * pages are made (by organisationsnummer) where they are missing.
 *
 * Safe on every start: an event whose slug is taken is skipped, so nothing an editor changed is
 * ever overwritten. Its seats are held by a few demo registrations (example.org addresses; their
 * links are random, so no mail is ever sent for them) written in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { hashSecret } from '../../../platform/auth/secrets.ts';
import { stockholmDate, stockholmInstant } from '../../../platform/i18n/stockholm.ts';
import { loadRegions } from '../../regions/repository.ts';
import { DEMO_COUNTY } from '../../content/seed.ts';
import { regionOrganisationId, seedDemoAccounts, seedOrganisations } from '../../identity/seed.ts';
import { CONSENT_TEXT_VERSIONS, type EventKind, type ProgrammeKind } from '../model.ts';

interface DemoOrg {
  name: string;
  orgNumber: string;
}

/** Demo employers of the companies seed (demo/companies/*.json), by organisationsnummer. */
const EMPLOYERS = {
  stal: { name: 'Nordisk Stålteknik AB', orgNumber: '5550000110' },
  moln: { name: 'Molnbyrån Sverige AB', orgNumber: '5550000144' },
  kartong: { name: 'Granforsa Kartong AB', orgNumber: '5550000128' },
  energi: { name: 'Tjärnvik Energi och Vatten AB', orgNumber: '5550000185' },
  omsorg: { name: 'Solvända Omsorg AB', orgNumber: '5550000193' },
  ingenjor: { name: 'Ingenjörsgruppen Mitt AB', orgNumber: '5550000151' },
  tra: { name: 'Barrmo Trä AB', orgNumber: '5550000201' },
} satisfies Record<string, DemoOrg>;
type EmployerKey = keyof typeof EMPLOYERS;

interface DemoProgramme {
  day: number;
  from: string;
  to?: string;
  kind: ProgrammeKind;
  sv: string;
  en: string;
  place?: string;
  host?: EmployerKey;
}

interface DemoQuestion {
  kind: 'text' | 'choice' | 'yes_no';
  sv: string;
  en: string;
  choices?: { sv: string; en: string }[];
  required?: boolean;
}

interface DemoEvent {
  slug: string;
  kind: EventKind;
  /** Days from today (Stockholm), and the wall-clock times. */
  day: number;
  from: string;
  /** The last day (days from today) when it runs over several. */
  untilDay?: number;
  to: string;
  title: { sv: string; en: string };
  summary: { sv: string; en: string };
  description: { sv: string; en: string };
  accessibility: { sv: string; en: string };
  location: 'region' | 'away' | 'online';
  municipality?: string;
  venue?: string;
  street?: string;
  postalCode?: string;
  locality?: string;
  languages: string[];
  personas: string[];
  registration: 'open' | 'application' | 'none';
  capacity: number | null;
  maxGroup?: number;
  image: string;
  /** The owner: the region's own organisation, or an employer. */
  owner?: EmployerKey;
  exhibitors?: { key: EmployerKey; stand: string }[];
  programme?: DemoProgramme[];
  questions?: DemoQuestion[];
  /** Seats of demo registrations already taken. */
  taken?: number[];
}

const FOOD: DemoQuestion = {
  kind: 'choice',
  sv: 'Vad vill du äta?',
  en: 'What would you like to eat?',
  choices: [
    { sv: 'Allt går bra', en: 'Anything' },
    { sv: 'Vegetariskt', en: 'Vegetarian' },
    { sv: 'Veganskt', en: 'Vegan' },
  ],
};
const ALLERGIES: DemoQuestion = {
  kind: 'text',
  sv: 'Allergier eller annat vi behöver veta',
  en: 'Allergies or anything else we need to know',
};

export const DEMO_EVENTS: readonly DemoEvent[] = [
  {
    slug: 'dalarna-pa-framtidsmassan-i-malmo',
    kind: 'fair',
    day: 24,
    from: '10:00',
    to: '16:00',
    title: { sv: 'Dalarna på Framtidsmässan i Malmö', en: 'Dalarna at the Future Fair in Malmö' },
    summary: {
      sv: 'Besök Dalarnas gemensamma monter – arbetsgivare, kommuner och lotsar på ett och samma ställe.',
      en: 'Visit Dalarna’s joint stand – employers, municipalities and navigators in one place.',
    },
    description: {
      sv: 'Dalarna behöver tusentals nya medarbetare de kommande åren, inom industri, teknik, energi och omsorg. I vår gemensamma monter möter du arbetsgivare som anställer nu, och våra lotsar som svarar på allt om att flytta hit: bostad, förskola, jobb till din partner och livet nära naturen.\n\nTa med ditt cv eller bara din nyfikenhet. Ingen anmälan behövs.',
      en: 'Dalarna needs thousands of new colleagues in the coming years, in industry, technology, energy and care. At our joint stand you meet employers who are hiring now, and our navigators who answer everything about moving here: housing, preschool, a job for your partner and life close to nature.\n\nBring your CV or just your curiosity. No registration needed.',
    },
    accessibility: {
      sv: 'Mässhallen och montern är i markplan och nås utan trappor. Det finns tillgänglighetsanpassade toaletter i entréhallen.',
      en: 'The hall and the stand are at ground level with step-free access. There are accessible toilets in the entrance hall.',
    },
    location: 'away',
    venue: 'Malmömässan, monter D14',
    street: 'Mässgatan 6',
    postalCode: '215 32',
    locality: 'Malmö',
    languages: ['sv', 'en'],
    personas: ['international', 'students', 'families'],
    registration: 'none',
    capacity: null,
    image: 'office-team-workshop',
    exhibitors: [
      { key: 'stal', stand: 'D14a' },
      { key: 'moln', stand: 'D14b' },
      { key: 'energi', stand: 'D14c' },
      { key: 'omsorg', stand: 'D14d' },
    ],
  },
  {
    slug: 'after-work-for-studenter-i-uppsala',
    kind: 'afterwork',
    day: 10,
    from: '17:30',
    to: '20:00',
    title: { sv: 'After work för studenter i Uppsala', en: 'After-work for students in Uppsala' },
    summary: {
      sv: 'Träffa ingenjörer och utvecklare från Dalarna över en bit mat – och hör hur det är att börja jobba där.',
      en: 'Meet engineers and developers from Dalarna over a bite to eat – and hear what starting work there is like.',
    },
    description: {
      sv: 'Pluggar du teknik, data eller energi? Kom på after work med unga medarbetare från arbetsgivare i Dalarna. De berättar om sina första år, om exjobb och traineeprogram, och om hur det är att ha skidspåret tio minuter från kontoret.\n\nVi bjuder på mat och dryck. Anmäl dig så vi vet hur många vi blir.',
      en: 'Studying engineering, computing or energy? Come to an after-work with young colleagues from employers in Dalarna. They tell you about their first years, about thesis projects and trainee programmes, and about having the ski track ten minutes from the office.\n\nFood and drinks are on us. Register so we know how many we will be.',
    },
    accessibility: {
      sv: 'Lokalen har entré utan trappsteg och tillgänglighetsanpassad toalett. Hörslinga finns.',
      en: 'The venue has a step-free entrance and an accessible toilet. A hearing loop is available.',
    },
    location: 'away',
    venue: 'Kulturkrogen Ågatan',
    street: 'Svartbäcksgatan 10',
    postalCode: '753 20',
    locality: 'Uppsala',
    languages: ['sv', 'en'],
    personas: ['students'],
    registration: 'open',
    capacity: 60,
    maxGroup: 2,
    image: 'office-open-plan-workers',
    exhibitors: [
      { key: 'ingenjor', stand: '' },
      { key: 'moln', stand: '' },
    ],
    questions: [FOOD, ALLERGIES],
    taken: [2, 1, 1, 2, 1, 1, 1, 2, 1, 1],
  },
  {
    slug: 'foretagsbesok-nordisk-stalteknik',
    kind: 'company_visit',
    day: 16,
    from: '13:00',
    to: '16:00',
    title: {
      sv: 'Företagsbesök hos Nordisk Stålteknik i Borlänge',
      en: 'Company visit at Nordisk Stålteknik in Borlänge',
    },
    summary: {
      sv: 'Se produktionen inifrån, träffa teamet och prata om jobben som finns just nu.',
      en: 'See production from the inside, meet the team and talk about the jobs open right now.',
    },
    description: {
      sv: 'Följ med på en guidad tur genom verkstaden och laboratoriet. Efteråt fikar vi med produktionsledare, svetsare och ingenjörer som berättar om sitt arbete och om vägarna in – även för dig som kommer från en annan bransch.\n\nSkyddsutrustning lånar du på plats. Ha långbyxor och stängda skor.',
      en: 'Join a guided tour of the workshop and the laboratory. Afterwards we have coffee with production managers, welders and engineers who tell you about their work and the ways in – also if you come from another field.\n\nSafety gear is lent on site. Wear long trousers and closed shoes.',
    },
    accessibility: {
      sv: 'Rundturen går på plant golv men är cirka en kilometer lång. Säg till i anmälan om du behöver en kortare väg.',
      en: 'The tour is on level floors but about one kilometre long. Tell us when you register if you need a shorter route.',
    },
    location: 'region',
    municipality: '2081',
    venue: 'Nordisk Stålteknik, huvudentrén',
    street: 'Verkstadsvägen 4',
    postalCode: '781 70',
    locality: 'Borlänge',
    languages: ['sv'],
    personas: ['families', 'dreamers'],
    registration: 'open',
    capacity: 15,
    maxGroup: 3,
    image: 'illustration-industry-wind',
    owner: 'stal',
    questions: [ALLERGIES],
    taken: [3, 3, 2, 2, 2, 1],
  },
  {
    slug: 'foretagsbesok-molnbyran-falun',
    kind: 'company_visit',
    day: 30,
    from: '15:00',
    to: '17:30',
    title: { sv: 'Företagsbesök hos Molnbyrån i Falun', en: 'Company visit at Molnbyrån in Falun' },
    summary: {
      sv: 'Ett öppet hus för utvecklare och it-tekniker – kod, kaffe och korta presentationer.',
      en: 'An open house for developers and IT technicians – code, coffee and short talks.',
    },
    description: {
      sv: 'Molnbyrån bygger molntjänster för kommuner och industri i hela Norden, från kontoret vid Stora torget. Under eftermiddagen visar teamen vad de jobbar med, och du kan ställa frågor om distansarbete, kompetensutveckling och hur en vanlig vecka ser ut.',
      en: 'Molnbyrån builds cloud services for municipalities and industry across the Nordics, from its office by Stora torget. During the afternoon the teams show what they work on, and you can ask about remote work, learning on the job and what an ordinary week looks like.',
    },
    accessibility: {
      sv: 'Kontoret ligger på andra våningen med hiss. Presentationerna textas på skärm.',
      en: 'The office is on the second floor with a lift. The talks are captioned on screen.',
    },
    location: 'region',
    municipality: '2080',
    venue: 'Molnbyrån',
    street: 'Stora torget 3',
    postalCode: '791 71',
    locality: 'Falun',
    languages: ['sv', 'en'],
    personas: ['international', 'students'],
    registration: 'open',
    capacity: 25,
    maxGroup: 2,
    image: 'illustration-town-river',
    owner: 'moln',
  },
  {
    slug: 'testbo-helg-i-rattvik',
    kind: 'test_living',
    day: 38,
    from: '16:00',
    untilDay: 40,
    to: '14:00',
    title: { sv: 'Testbo-helg i Rättvik', en: 'Test-living weekend in Rättvik' },
    summary: {
      sv: 'Tre dagar för hela familjen: arbetsgivare, skola, en bostadsvisning och Siljan runt knuten.',
      en: 'Three days for the whole family: employers, school, a house viewing and Lake Siljan round the corner.',
    },
    description: {
      sv: 'Funderar ni på att flytta till Dalarna men vill känna efter först? Under testbo-helgen bor ni i en stuga vid Siljan, besöker två arbetsgivare som söker folk, träffar förskolan och skolan och får se ett hus som är till salu.\n\nHelgen är kostnadsfri för er som söker jobb i regionen. Ansök med några rader om er – vi hör av oss inom en vecka. Stugorna har plats för tolv personer, och alla i hushållet räknas, barnen också.',
      en: 'Thinking of moving to Dalarna but want to get a feel for it first? During the test-living weekend you stay in a cottage by Lake Siljan, visit two employers who are hiring, meet the preschool and school and see a house that is for sale.\n\nThe weekend is free for those looking for work in the region. Apply with a few lines about yourselves – we reply within a week. The cottages have room for twelve people, and everyone in the household counts, children too.',
    },
    accessibility: {
      sv: 'Stugorna ligger i markplan. Säg till i ansökan om ni behöver anpassat boende eller transport.',
      en: 'The cottages are at ground level. Tell us in your application if you need adapted housing or transport.',
    },
    location: 'region',
    municipality: '2031',
    venue: 'Siljansgården',
    street: 'Sjövägen 12',
    postalCode: '795 32',
    locality: 'Rättvik',
    languages: ['sv', 'en'],
    personas: ['families', 'nature', 'international'],
    registration: 'application',
    capacity: 12,
    maxGroup: 6,
    image: 'lake-jetty-sunset',
    exhibitors: [
      { key: 'tra', stand: '' },
      { key: 'energi', stand: '' },
    ],
    programme: [
      {
        day: 0,
        from: '16:00',
        to: '17:00',
        kind: 'travel',
        sv: 'Ankomst och incheckning',
        en: 'Arrival and check-in',
        place: 'Siljansgården',
      },
      {
        day: 0,
        from: '18:30',
        to: '20:30',
        kind: 'meal',
        sv: 'Välkomstmiddag med lotsarna',
        en: 'Welcome dinner with the navigators',
        place: 'Siljansgården',
      },
      {
        day: 1,
        from: '09:00',
        to: '11:30',
        kind: 'company_visit',
        sv: 'Besök på sågverket',
        en: 'Visit to the sawmill',
        place: 'Barrmo Trä',
        host: 'tra',
      },
      { day: 1, from: '12:00', to: '13:00', kind: 'meal', sv: 'Lunch', en: 'Lunch' },
      {
        day: 1,
        from: '13:30',
        to: '15:00',
        kind: 'company_visit',
        sv: 'Besök på vattenverket',
        en: 'Visit to the waterworks',
        place: 'Tjärnvik Energi och Vatten',
        host: 'energi',
      },
      {
        day: 1,
        from: '15:30',
        to: '16:30',
        kind: 'session',
        sv: 'Förskolan och skolan berättar',
        en: 'The preschool and school introduce themselves',
        place: 'Rättviks skola',
      },
      {
        day: 1,
        from: '17:00',
        to: '18:00',
        kind: 'house_viewing',
        sv: 'Bostadsvisning: villa med trädgård',
        en: 'House viewing: a house with a garden',
        place: 'Backgatan 7',
      },
      {
        day: 2,
        from: '09:30',
        to: '11:00',
        kind: 'session',
        sv: 'Frågestund med lotsarna',
        en: 'Questions for the navigators',
        place: 'Siljansgården',
      },
      {
        day: 2,
        from: '11:30',
        to: '14:00',
        kind: 'other',
        sv: 'Promenad längs Siljan och avresa',
        en: 'A walk along Lake Siljan and departure',
        place: 'Långbryggan',
      },
    ],
    // The application asks why they would like to test-live here (about themselves and their work)
    // itself; the organiser's own questions ask only what it does not.
    questions: [
      {
        kind: 'yes_no',
        sv: 'Har ni barn som behöver förskola eller skola?',
        en: 'Do you have children who need preschool or school?',
      },
      {
        kind: 'text',
        sv: 'Om ni har barn: hur gamla är de? Då kan vi boka rätt förskola eller skola till besöket.',
        en: 'If you have children: how old are they? Then we can book the right preschool or school for the visit.',
      },
      ALLERGIES,
    ],
    taken: [4, 3, 2],
  },
  {
    slug: 'digital-jobbdag-dalarna',
    kind: 'online',
    day: 14,
    from: '13:00',
    to: '16:00',
    title: { sv: 'Digital jobbdag: Jobba i Dalarna', en: 'Online job day: Work in Dalarna' },
    summary: {
      sv: 'Korta livesända presentationer från arbetsgivare och chatt med rekryterare – var du än bor.',
      en: 'Short live talks from employers and chats with recruiters – wherever you live.',
    },
    description: {
      sv: 'En eftermiddag på skärmen med arbetsgivare från hela Dalarna. Varje arbetsgivare har tio minuter att berätta om sina lediga jobb, följt av frågor i chatten. Mellan passen berättar våra lotsar om bostäder, arbetstillstånd och hur det är att flytta hit från utlandet.\n\nLänken kommer i bekräftelsen när du har anmält dig.',
      en: 'An afternoon on screen with employers from all over Dalarna. Each employer has ten minutes to present its open jobs, followed by questions in the chat. Between the sessions our navigators talk about housing, work permits and moving here from abroad.\n\nThe link comes in the confirmation once you have registered.',
    },
    accessibility: {
      sv: 'Presentationerna textas direkt och spelas in för den som anmält sig.',
      en: 'The talks are captioned live and recorded for those registered.',
    },
    location: 'online',
    languages: ['en', 'sv'],
    personas: ['international', 'students'],
    registration: 'open',
    capacity: 300,
    maxGroup: 1,
    image: 'winter-spruce-forest',
    exhibitors: [
      { key: 'ingenjor', stand: '' },
      { key: 'kartong', stand: '' },
      { key: 'omsorg', stand: '' },
    ],
  },
  {
    slug: 'informationstraff-flytta-till-dalarna',
    kind: 'info',
    day: 7,
    from: '18:00',
    to: '19:30',
    title: { sv: 'Informationsträff: Flytta till Dalarna', en: 'Information meeting: Moving to Dalarna' },
    summary: {
      sv: 'Lotsarna berättar hur de hjälper dig och din familj att flytta hit – från jobb till förskola.',
      en: 'The navigators explain how they help you and your family move here – from jobs to preschool.',
    },
    description: {
      sv: 'En kväll för dig som funderar på att flytta till Dalarna eller redan har bestämt dig. Vi går igenom hur en flytt går till steg för steg, vad kommunerna erbjuder nyinflyttade och hur din partner kan få hjälp att hitta jobb. Efteråt finns tid för egna frågor.',
      en: 'An evening for those thinking of moving to Dalarna, or who have already decided. We go through a move step by step, what the municipalities offer newcomers and how your partner can get help finding work. Afterwards there is time for your own questions.',
    },
    accessibility: {
      sv: 'Hörsalen har entré utan trappor, hörslinga och platser för rullstol.',
      en: 'The auditorium has a step-free entrance, a hearing loop and wheelchair spaces.',
    },
    location: 'region',
    municipality: '2080',
    venue: 'Falu stadsbibliotek, hörsalen',
    street: 'Kristinegatan 15',
    postalCode: '791 60',
    locality: 'Falun',
    languages: ['sv'],
    personas: ['families', 'nature', 'cottage'],
    registration: 'open',
    capacity: 80,
    maxGroup: 4,
    image: 'winter-tree-lined-path',
  },
];

type Db = Kysely<DB> | Transaction<DB>;

/** The organisation of a demo employer (by organisationsnummer), made when missing. */
async function employerOrganisation(db: Db, regionId: string, org: DemoOrg): Promise<string> {
  const found = await db
    .selectFrom('organisations')
    .select('id')
    .where('region_id', '=', regionId)
    .where('org_number', '=', org.orgNumber)
    .executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('organisations')
    .values({ region_id: regionId, kind: 'employer', name: org.name, org_number: org.orgNumber })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function at(today: string, day: number, time: string): Date {
  const [h, mi] = time.split(':').map(Number);
  return stockholmInstant(addDays(today, day), { h: h ?? 0, mi: mi ?? 0 });
}

const DEMO_NAMES = [
  'Sara Lind',
  'Omar Haddad',
  'Elin Berg',
  'Jonas Ek',
  'Maria Santos',
  'Leo Nyström',
  'Aino Virtanen',
  'Nils Holm',
  'Priya Nair',
  'Karin Sjö',
];

async function insertDemoEvent(
  db: Kysely<DB>,
  regionId: string,
  regionOrg: string,
  orgs: Record<EmployerKey, string>,
  images: Map<string, string>,
  demo: DemoEvent,
  today: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const startsAt = at(today, demo.day, demo.from);
    const endsAt = at(today, demo.untilDay ?? demo.day, demo.to);
    const seats = (demo.taken ?? []).reduce((a, b) => a + b, 0);
    const row = await trx
      .insertInto('events')
      .values({
        region_id: regionId,
        slug: demo.slug,
        organisation_id: demo.owner ? orgs[demo.owner] : regionOrg,
        kind: demo.kind,
        status: 'published',
        title_sv: demo.title.sv,
        title_en: demo.title.en,
        summary_sv: demo.summary.sv,
        summary_en: demo.summary.en,
        description_sv: demo.description.sv,
        description_en: demo.description.en,
        accessibility_sv: demo.accessibility.sv,
        accessibility_en: demo.accessibility.en,
        starts_at: startsAt,
        ends_at: endsAt,
        location_kind: demo.location,
        municipality_code: demo.municipality ?? null,
        venue: demo.venue ?? '',
        street_address: demo.street ?? '',
        postal_code: demo.postalCode ?? '',
        locality: demo.locality ?? '',
        online_url: demo.location === 'online' ? 'https://meet.example.org/jobbdag-dalarna' : null,
        languages: demo.languages,
        personas: demo.personas,
        image_id: images.get(demo.image) ?? null,
        registration: demo.registration,
        capacity: demo.capacity,
        seats_taken: seats,
        max_group: demo.maxGroup ?? 4,
        registration_closes_at:
          demo.registration === 'application' ? at(today, demo.day - 10, '23:59') : null,
        published_at: sql`now()`,
      })
      .onConflict((oc) => oc.columns(['region_id', 'slug']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    const eventId = row.id;
    for (const [position, e] of (demo.exhibitors ?? []).entries()) {
      if (orgs[e.key] === (demo.owner ? orgs[demo.owner] : regionOrg)) continue;
      await trx
        .insertInto('event_organisations')
        .values({
          region_id: regionId,
          event_id: eventId,
          organisation_id: orgs[e.key],
          role: 'exhibitor',
          stand: e.stand,
          position,
        })
        .execute();
    }
    for (const p of demo.programme ?? []) {
      await trx
        .insertInto('event_programme')
        .values({
          region_id: regionId,
          event_id: eventId,
          starts_at: at(today, demo.day + p.day, p.from),
          ends_at: p.to ? at(today, demo.day + p.day, p.to) : null,
          kind: p.kind,
          title_sv: p.sv,
          title_en: p.en,
          place: p.place ?? '',
          organisation_id: p.host ? orgs[p.host] : null,
        })
        .execute();
    }
    for (const [position, q] of (demo.questions ?? []).entries()) {
      await trx
        .insertInto('event_questions')
        .values({
          region_id: regionId,
          event_id: eventId,
          position,
          kind: q.kind,
          label_sv: q.sv,
          label_en: q.en,
          choices: JSON.stringify(q.choices ?? []),
          required: q.required ?? false,
        })
        .execute();
    }
    for (const [i, n] of (demo.taken ?? []).entries()) {
      const name = DEMO_NAMES[i % DEMO_NAMES.length]!;
      await trx
        .insertInto('event_registrations')
        .values({
          region_id: regionId,
          event_id: eventId,
          name,
          email: `demo-${demo.slug.slice(0, 24)}-${i + 1}@example.org`,
          language: i % 3 === 0 ? 'en' : 'sv',
          seats: n,
          status: 'confirmed',
          consent_text_version: CONSENT_TEXT_VERSIONS.registration,
          manage_hash: hashSecret(randomUUID()),
          ticket_hash: hashSecret(randomUUID()),
        })
        .execute();
    }
    return true;
  });
}

/** The demo events in each region of the demo county; returns how many were inserted. */
export async function seedDemoEvents(db: Kysely<DB>, demo: boolean, now = new Date()): Promise<number> {
  if (!demo) return 0;
  await seedOrganisations(db);
  let inserted = 0;
  const today = stockholmDate(now);
  for (const region of await loadRegions(db)) {
    if (region.countyCode !== DEMO_COUNTY) continue;
    await seedDemoAccounts(db, region.id);
    const regionOrg = await regionOrganisationId(db, region.id);
    const orgs = {} as Record<EmployerKey, string>;
    for (const [key, org] of Object.entries(EMPLOYERS))
      orgs[key as EmployerKey] = await employerOrganisation(db, region.id, org);
    const imageRows = await db
      .selectFrom('media_images')
      .select(['id', 'slug'])
      .where('region_id', '=', region.id)
      .where('slug', 'in', [...new Set(DEMO_EVENTS.map((e) => e.image))])
      .execute();
    const images = new Map(imageRows.map((r) => [r.slug, r.id]));
    for (const event of DEMO_EVENTS)
      if (await insertDemoEvent(db, region.id, regionOrg, orgs, images, event, today)) inserted++;
  }
  return inserted;
}
