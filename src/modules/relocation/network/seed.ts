/**
 * The network's demo (SEED_DEMO): in a region without groups, six groups (outdoors, families, tech,
 * language café, sports, food) across its municipalities with two upcoming meetups each, and eight
 * approved ambassadors on demo accounts `ambassador-N@demo.lotsa.invalid` (never real addresses).
 * A region with any group is left alone, so seeding twice changes nothing.
 */
import { sql, type Kysely } from 'kysely';
import { SYSTEM_ACTOR } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { findOrCreateAccount } from '../../identity/accounts.ts';
import { AMBASSADOR_CONSENT_VERSION, type Persona, type Topic } from './model.ts';

const PREFERRED = ['2080', '2081', '2062', '2085', '2029', '2039'];

export const demoAmbassadorEmail = (n: number) => `ambassador-${n}@demo.lotsa.invalid`;

interface DemoGroup {
  slug: string;
  topic: Topic;
  sv: [string, string];
  en: [string, string];
  meetups: Array<{ sv: string; place: string; days: number; capacity: number | null }>;
}

const GROUPS: DemoGroup[] = [
  {
    slug: 'ut-i-skogen',
    topic: 'outdoors',
    sv: ['Ut i skogen', 'Vandring, svamp och fika vid elden. Vi går i lugn takt och alla är välkomna.'],
    en: [
      'Into the forest',
      'Hiking, mushrooms and coffee by the fire. We walk at an easy pace and everyone is welcome.',
    ],
    meetups: [
      { sv: 'Söndagsvandring', place: 'Parkeringen vid naturreservatet', days: 4, capacity: 20 },
      { sv: 'Grillkväll vid sjön', place: 'Badplatsen', days: 18, capacity: null },
    ],
  },
  {
    slug: 'nya-barnfamiljer',
    topic: 'families',
    sv: ['Nya barnfamiljer', 'Lek för barnen, prat för de vuxna: om förskola, skola och allt annat.'],
    en: [
      'New families',
      'Play for the children, talk for the adults: about preschool, school and everything else.',
    ],
    meetups: [
      { sv: 'Öppen lekstund', place: 'Biblioteket, barnavdelningen', days: 6, capacity: 15 },
      { sv: 'Familjepicknick', place: 'Stadsparken', days: 20, capacity: null },
    ],
  },
  {
    slug: 'tech-fika',
    topic: 'tech',
    sv: ['Tech-fika', 'Utvecklare, ingenjörer och nyfikna träffas och pratar jobb och projekt.'],
    en: ['Tech coffee', 'Developers, engineers and the curious meet to talk about work and projects.'],
    meetups: [
      { sv: 'Frukost med korta föredrag', place: 'Science park', days: 8, capacity: 30 },
      { sv: 'Kodkväll', place: 'Coworking-lokalen', days: 22, capacity: 12 },
    ],
  },
  {
    slug: 'sprakcafe',
    topic: 'language_cafe',
    sv: ['Språkcafé', 'Öva svenska över en kopp kaffe. Alla nivåer, inga läxor.'],
    en: ['Language café', 'Practise Swedish over a cup of coffee. All levels, no homework.'],
    meetups: [
      { sv: 'Språkcafé på torsdag', place: 'Kulturhuset', days: 3, capacity: 25 },
      { sv: 'Språkcafé med quiz', place: 'Kulturhuset', days: 17, capacity: 25 },
    ],
  },
  {
    slug: 'innebandy-for-alla',
    topic: 'sports',
    sv: ['Innebandy för alla', 'Motionsinnebandy en kväll i veckan. Klubbor finns att låna.'],
    en: ['Floorball for everyone', 'Casual floorball one evening a week. Sticks to borrow.'],
    meetups: [
      { sv: 'Prova-på-kväll', place: 'Sporthallen', days: 5, capacity: 20 },
      { sv: 'Träningsmatch', place: 'Sporthallen', days: 19, capacity: 20 },
    ],
  },
  {
    slug: 'mat-fran-hela-varlden',
    topic: 'food',
    sv: ['Mat från hela världen', 'Vi lagar och äter tillsammans – varje gång en ny köksregion.'],
    en: ['Food from around the world', 'We cook and eat together – a new cuisine each time.'],
    meetups: [
      { sv: 'Knytkalas', place: 'Föreningshuset', days: 9, capacity: 30 },
      { sv: 'Surdegsbak', place: 'Föreningshusets kök', days: 23, capacity: 10 },
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
    const any = await db
      .selectFrom('network_groups')
      .select('id')
      .where('region_id', '=', regionId)
      .limit(1)
      .executeTakeFirst();
    if (any) continue;
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
        const group = await trx
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
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const m of g.meetups) {
          await trx
            .insertInto('network_meetups')
            .values({
              region_id: regionId,
              group_id: group.id,
              title: m.sv,
              starts_at: sql<Date>`(current_date + ${m.days}::int + time '18:00') at time zone 'Europe/Stockholm'`,
              minutes: 120,
              place: m.place,
              capacity: m.capacity,
            })
            .execute();
        }
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
}
