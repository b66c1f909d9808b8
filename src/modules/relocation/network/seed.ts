/**
 * The network's demo (SEED_DEMO): in a region without groups, six groups (outdoors, families, tech,
 * language café, sports, food) across its municipalities and eight approved ambassadors on demo
 * accounts `ambassador-N@demo.lotsa.invalid` (never real addresses); a region with any group is
 * left alone. Then each demo group that exists gets its two meetups as events (kind 'meetup', the
 * group set, owned by the region's organisation, on the weekday and at the time of day its name
 suggests, dated from the seed day and clear of holidays), each under a fixed slug
 * that is inserted only when free — seeding again never adds nor overwrites one.
 */
import { sql, type Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { parseTime, stockholmInstant, stockholmToday } from '../../../platform/i18n/stockholm.ts';
import { findOrCreateAccount } from '../../identity/accounts.ts';
import { AMBASSADOR_CONSENT_VERSION, slugify, type Persona, type Topic } from './model.ts';

const PREFERRED = ['2080', '2081', '2062', '2085', '2029', '2039'];

export const demoAmbassadorEmail = (n: number) => `ambassador-${n}@demo.lotsa.invalid`;

interface DemoGroup {
  slug: string;
  topic: Topic;
  sv: [string, string];
  en: [string, string];
  personas: string[];
  meetups: Array<{ sv: string; en: string; place: string; capacity: number | null } & DemoWhen>;
}

const WEEKDAYS = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 } as const;
type Weekday = keyof typeof WEEKDAYS;

/**
 * When a demo meetup is, relative to the seed day: the first `weekday` at least `after` days on (a
 * week later when that is a holiday), from `start` (Stockholm wall clock) for `hours` hours. The
 * times fit the names: a Sunday hike on a Sunday morning, a breakfast at half past seven, evenings
 * on weekdays, walks and picnics in weekend daylight.
 */
export interface DemoWhen {
  after: number;
  weekday: Weekday;
  start: string;
  hours: number;
}

const on = (after: number, weekday: Weekday, start: string, hours: number): DemoWhen => ({
  after,
  weekday,
  start,
  hours,
});

/** Easter Sunday of a year (the Gregorian computus), as month and day. */
function easter(year: number): { mo: number; d: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { mo: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

const DAY_MS = 86_400_000;

/** Whether a day (UTC midnight of the date) is a Swedish holiday or its eve a meetup would not be on. */
export function isHoliday(day: Date): boolean {
  const y = day.getUTCFullYear();
  const md = `${day.getUTCMonth() + 1}-${day.getUTCDate()}`;
  if (['1-1', '1-6', '5-1', '6-6', '12-24', '12-25', '12-26', '12-31'].includes(md)) return true;
  // Midsummer's Eve and Day: the Friday and Saturday from 19 to 26 June.
  const dow = day.getUTCDay();
  if (day.getUTCMonth() === 5 && day.getUTCDate() >= 19 && day.getUTCDate() <= 26 && (dow === 5 || dow === 6))
    return true;
  // Good Friday to Easter Monday.
  const e = easter(y);
  const sunday = Date.UTC(y, e.mo - 1, e.d);
  const t = day.getTime();
  return t >= sunday - 2 * DAY_MS && t <= sunday + DAY_MS;
}

/** The Stockholm date (`YYYY-MM-DD`) a demo meetup falls on, counted from `today` (`YYYY-MM-DD`). */
export function demoMeetupDate(today: string, when: Pick<DemoWhen, 'after' | 'weekday'>): string {
  const [y, mo, d] = today.split('-').map(Number) as [number, number, number];
  let day = Date.UTC(y, mo - 1, d) + when.after * DAY_MS;
  const isoDow = (ms: number) => ((new Date(ms).getUTCDay() + 6) % 7) + 1;
  day += ((WEEKDAYS[when.weekday] - isoDow(day) + 7) % 7) * DAY_MS;
  while (isHoliday(new Date(day))) day += 7 * DAY_MS;
  return new Date(day).toISOString().slice(0, 10);
}

/** A demo meetup's start and end instants, counted from `today` (Stockholm). */
export function demoMeetupTimes(today: string, when: DemoWhen): { startsAt: Date; endsAt: Date } {
  const time = parseTime(when.start);
  if (!time) throw new Error(`not a time: ${when.start}`);
  const startsAt = stockholmInstant(demoMeetupDate(today, when), time);
  return { startsAt, endsAt: new Date(startsAt.getTime() + when.hours * 3_600_000) };
}

const GROUPS: DemoGroup[] = [
  {
    slug: 'ut-i-skogen',
    personas: ['nature', 'international'],
    topic: 'outdoors',
    sv: ['Ut i skogen', 'Vandring, svamp och fika vid elden. Vi går i lugn takt och alla är välkomna.'],
    en: [
      'Into the forest',
      'Hiking, mushrooms and coffee by the fire. We walk at an easy pace and everyone is welcome.',
    ],
    meetups: [
      {
        sv: 'Söndagsvandring',
        en: 'Sunday hike',
        place: 'Parkeringen vid naturreservatet',
        ...on(4, 'sun', '10:00', 3),
        capacity: 20,
      },
      {
        sv: 'Grillkväll vid sjön',
        en: 'Barbecue by the lake',
        place: 'Badplatsen',
        ...on(16, 'fri', '17:30', 3),
        capacity: null,
      },
    ],
  },
  {
    slug: 'nya-barnfamiljer',
    personas: ['families', 'international'],
    topic: 'families',
    sv: ['Nya barnfamiljer', 'Lek för barnen, prat för de vuxna: om förskola, skola och allt annat.'],
    en: [
      'New families',
      'Play for the children, talk for the adults: about preschool, school and everything else.',
    ],
    meetups: [
      {
        sv: 'Öppen lekstund',
        en: 'Open playtime',
        place: 'Biblioteket, barnavdelningen',
        ...on(6, 'wed', '09:30', 1.5),
        capacity: 15,
      },
      {
        sv: 'Familjepicknick',
        en: 'Family picnic',
        place: 'Stadsparken',
        ...on(18, 'sat', '12:00', 2),
        capacity: null,
      },
    ],
  },
  {
    slug: 'tech-fika',
    personas: ['international', 'dreamers'],
    topic: 'tech',
    sv: ['Tech-fika', 'Utvecklare, ingenjörer och nyfikna träffas och pratar jobb och projekt.'],
    en: ['Tech coffee', 'Developers, engineers and the curious meet to talk about work and projects.'],
    meetups: [
      {
        sv: 'Frukost med korta föredrag',
        en: 'Breakfast with short talks',
        place: 'Science park',
        ...on(7, 'tue', '07:30', 1.5),
        capacity: 30,
      },
      {
        sv: 'Kodkväll',
        en: 'Coding evening',
        place: 'Coworking-lokalen',
        ...on(21, 'wed', '18:00', 3),
        capacity: 12,
      },
    ],
  },
  {
    slug: 'sprakcafe',
    personas: ['international'],
    topic: 'language_cafe',
    sv: ['Språkcafé', 'Öva svenska över en kopp kaffe. Alla nivåer, inga läxor.'],
    en: ['Language café', 'Practise Swedish over a cup of coffee. All levels, no homework.'],
    meetups: [
      {
        sv: 'Språkcafé på torsdag',
        en: 'Thursday language café',
        place: 'Kulturhuset',
        ...on(2, 'thu', '18:00', 2),
        capacity: 25,
      },
      {
        sv: 'Språkcafé med quiz',
        en: 'Language café with a quiz',
        place: 'Kulturhuset',
        ...on(16, 'thu', '18:30', 2),
        capacity: 25,
      },
    ],
  },
  {
    slug: 'innebandy-for-alla',
    personas: ['international', 'families'],
    topic: 'sports',
    sv: ['Innebandy för alla', 'Motionsinnebandy en kväll i veckan. Klubbor finns att låna.'],
    en: ['Floorball for everyone', 'Casual floorball one evening a week. Sticks to borrow.'],
    meetups: [
      {
        sv: 'Prova-på-kväll',
        en: 'Try-it evening',
        place: 'Sporthallen',
        ...on(5, 'mon', '19:00', 1.5),
        capacity: 20,
      },
      {
        sv: 'Träningsmatch',
        en: 'Practice match',
        place: 'Sporthallen',
        ...on(17, 'sun', '14:00', 2),
        capacity: 20,
      },
    ],
  },
  {
    slug: 'mat-fran-hela-varlden',
    personas: ['international'],
    topic: 'food',
    sv: ['Mat från hela världen', 'Vi lagar och äter tillsammans – varje gång en ny köksregion.'],
    en: ['Food from around the world', 'We cook and eat together – a new cuisine each time.'],
    meetups: [
      {
        sv: 'Knytkalas',
        en: 'Potluck dinner',
        place: 'Föreningshuset',
        ...on(9, 'fri', '18:00', 3),
        capacity: 30,
      },
      {
        sv: 'Surdegsbak',
        en: 'Sourdough baking',
        place: 'Föreningshusets kök',
        ...on(23, 'sat', '10:00', 3),
        capacity: 10,
      },
    ],
  },
];

interface DemoAmbassador {
  name: string;
  languages: string[];
  occupation: string;
  personas: Persona[];
  interests: Topic[];
  about: string;
}

const AMBASSADORS: DemoAmbassador[] = [
  {
    name: 'Karin Demo',
    languages: ['sv', 'en'],
    occupation: 'Sjuksköterska',
    personas: ['families', 'international'],
    interests: ['families', 'outdoors'],
    about: 'Flyttade hit för tio år sedan med två små barn.',
  },
  {
    name: 'Ahmed Demo',
    languages: ['sv', 'en', 'ar'],
    occupation: 'Mjukvaruutvecklare',
    personas: ['international', 'entrepreneurs'],
    interests: ['tech', 'food'],
    about: 'Kom hit för jobbet och blev kvar för naturen.',
  },
  {
    name: 'Lena Demo',
    languages: ['sv', 'de'],
    occupation: 'Lärare',
    personas: ['families', 'returners'],
    interests: ['culture', 'language_cafe'],
    about: 'Återflyttare som gärna visar skolor och föreningar.',
  },
  {
    name: 'Piotr Demo',
    languages: ['pl', 'en', 'sv'],
    occupation: 'Elektriker',
    personas: ['international'],
    interests: ['sports', 'outdoors'],
    about: 'Spelar innebandy och fiskar.',
  },
  {
    name: 'Sara Demo',
    languages: ['sv', 'en', 'fr'],
    occupation: 'Läkare',
    personas: ['families', 'international'],
    interests: ['outdoors', 'culture'],
    about: 'Skidåkare och kulturälskare.',
  },
  {
    name: 'Jonas Demo',
    languages: ['sv', 'en'],
    occupation: 'Ingenjör',
    personas: ['nature', 'students'],
    interests: ['outdoors', 'tech'],
    about: 'Vandrar fjället varje sommar.',
  },
  {
    name: 'Maria Demo',
    languages: ['sv', 'es', 'en'],
    occupation: 'Företagare inom besöksnäring',
    personas: ['entrepreneurs', 'international'],
    interests: ['food', 'culture'],
    about: 'Driver ett café och känner alla.',
  },
  {
    name: 'Erik Demo',
    languages: ['sv', 'no'],
    occupation: 'Undersköterska',
    personas: ['returners', 'families'],
    interests: ['sports', 'families'],
    about: 'Tränar barnens fotbollslag.',
  },
];

export async function seedNetworkDemo(db: Kysely<DB>): Promise<void> {
  const regions = await db.selectFrom('regions').select('id').orderBy('id').execute();
  for (const { id: regionId } of regions) {
    await seedGroupsAndAmbassadors(db, regionId);
    await seedMeetupEvents(db, regionId);
  }
}

async function seedGroupsAndAmbassadors(db: Kysely<DB>, regionId: string): Promise<void> {
  const any = await db
    .selectFrom('network_groups')
    .select('id')
    .where('region_id', '=', regionId)
    .limit(1)
    .executeTakeFirst();
  if (any) return;
  const municipalities = await db
    .selectFrom('municipalities')
    .select('code')
    .where('region_id', '=', regionId)
    .orderBy('code')
    .execute();
  // The larger towns first (Falun, Borlänge, Mora, Ludvika, Leksand, Malung-Sälen), then the rest.
  const codes = municipalities.map((m) => m.code);
  const ordered = [
    ...PREFERRED.filter((c) => codes.includes(c)),
    ...codes.filter((c) => !PREFERRED.includes(c)),
  ];
  const codeAt = (i: number) => (ordered.length ? ordered[i % ordered.length]! : null);
  await db.transaction().execute(async (trx) => {
    for (const [i, g] of GROUPS.entries()) {
      await trx
        .insertInto('network_groups')
        .values({
          region_id: regionId,
          slug: g.slug,
          topic: g.topic,
          name_sv: g.sv[0],
          description_sv: g.sv[1],
          name_en: g.en[0],
          description_en: g.en[1],
          municipality_code: i === 3 ? null : codeAt(i),
        })
        .execute();
    }
    for (const [i, a] of AMBASSADORS.entries()) {
      const { account } = await findOrCreateAccount(
        trx,
        regionId,
        demoAmbassadorEmail(i + 1),
        'sv',
        SYSTEM_ACTOR,
      );
      await trx
        .updateTable('accounts')
        .set({ display_name: a.name })
        .where('region_id', '=', regionId)
        .where('id', '=', account.id)
        .execute();
      await trx
        .insertInto('network_ambassadors')
        .values({
          region_id: regionId,
          account_id: account.id,
          status: 'approved',
          municipality_code: codeAt(i),
          languages: a.languages,
          occupation: a.occupation,
          personas: a.personas,
          interests: a.interests,
          about: a.about,
          consent_text_version: AMBASSADOR_CONSENT_VERSION,
          approved_at: sql<Date>`now()`,
        })
        .onConflict((oc) => oc.columns(['region_id', 'account_id']).doNothing())
        .execute();
    }
  });
}

/** The demo meetup's slug: the group's and the meetup's English title (fixed, so seeding is idempotent). */
export const demoMeetupSlug = (groupSlug: string, title: string) =>
  `${groupSlug}-${slugify(title)}`.slice(0, 80);

async function seedMeetupEvents(db: Kysely<DB>, regionId: string): Promise<void> {
  const region = await db
    .selectFrom('regions')
    .select(['contact_organisation', 'name_sv'])
    .where('id', '=', regionId)
    .executeTakeFirstOrThrow();
  // The region's own organisation owns the meetups; the identity seed makes it too (the same row).
  await db
    .insertInto('organisations')
    .values({ region_id: regionId, kind: 'region', name: region.contact_organisation || region.name_sv })
    .onConflict((oc) => oc.column('region_id').where('kind', '=', 'region').doNothing())
    .execute();
  const organisation = await db
    .selectFrom('organisations')
    .select('id')
    .where('region_id', '=', regionId)
    .where('kind', '=', 'region')
    .executeTakeFirstOrThrow();
  const first = await db
    .selectFrom('municipalities')
    .select('code')
    .where('region_id', '=', regionId)
    .orderBy('code')
    .limit(1)
    .executeTakeFirst();
  const groups = await db
    .selectFrom('network_groups')
    .select(['id', 'slug', 'municipality_code', 'description_sv', 'description_en'])
    .where('region_id', '=', regionId)
    .where(
      'slug',
      'in',
      GROUPS.map((g) => g.slug),
    )
    .execute();
  const today = stockholmToday();
  for (const group of groups) {
    const demo = GROUPS.find((g) => g.slug === group.slug)!;
    const code = group.municipality_code ?? first?.code ?? null;
    const locality = code
      ? ((
          await db
            .selectFrom('municipalities')
            .select('short_name')
            .where('region_id', '=', regionId)
            .where('code', '=', code)
            .executeTakeFirst()
        )?.short_name ?? '')
      : '';
    for (const m of demo.meetups) {
      const { startsAt, endsAt } = demoMeetupTimes(today, m);
      await db
        .insertInto('events')
        .values({
          region_id: regionId,
          slug: demoMeetupSlug(group.slug, m.en),
          organisation_id: organisation.id,
          kind: 'meetup',
          status: 'published',
          title_sv: m.sv,
          title_en: m.en,
          summary_sv: group.description_sv.slice(0, 400),
          summary_en: group.description_en.slice(0, 400),
          starts_at: startsAt,
          ends_at: endsAt,
          location_kind: code ? 'region' : 'away',
          municipality_code: code,
          venue: m.place,
          locality,
          languages: demo.topic === 'language_cafe' ? ['sv', 'en'] : ['sv'],
          personas: demo.personas,
          capacity: m.capacity,
          network_group_id: group.id,
          published_at: sql<Date>`now()`,
        })
        .onConflict((oc) => oc.columns(['region_id', 'slug']).doNothing())
        .execute();
    }
  }
}
