/**
 * Events for tests (migration 0035), written straight into the tables so each part's tests stand on
 * their own: an organiser with a session past its second factor, an event (published by default,
 * starting in a week), its exhibitors, and registrations with their derived secrets.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import type { Role } from '../../src/platform/permissions.ts';
import { CONSENT_TEXT_VERSIONS } from '../../src/modules/events/model.ts';
import { manageToken, registrationHashes, ticketCode } from '../../src/modules/events/tokens.ts';
import { TEST_SECRET } from './app.ts';
import { createOrganisation, createPerson, REGION, sessionFor, type TestPerson } from './identity.ts';

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n += 1)}`;

export interface TestOrganiser extends TestPerson {
  organisationId: string;
  /** The Cookie header of a session past its second factor, acting for the organisation. */
  cookie: string;
}

/**
 * A person who manages events: by default a region editor (reaches every event, publishes);
 * `role: 'employer_admin'` etc. in a new (or the given) organisation of the fitting kind.
 */
export async function createOrganiser(
  db: Kysely<DB>,
  options: { role?: Role; organisationId?: string; email?: string; language?: 'sv' | 'en' } = {},
): Promise<TestOrganiser> {
  const role = options.role ?? 'region_editor';
  const person = await createPerson(db, {
    role,
    organisationId: options.organisationId,
    email: options.email,
    totpSecret: 'JBSWY3DPEHPK3PXP',
    language: options.language,
  });
  const organisationId = person.organisationId!;
  const cookie = await sessionFor(db, person.accountId, {
    secondFactor: true,
    activeOrganisationId: organisationId,
  });
  return { ...person, organisationId, cookie };
}

export interface TestEventInput {
  organisationId?: string;
  slug?: string;
  kind?: string;
  status?: 'draft' | 'in_review' | 'published' | 'cancelled';
  title?: string;
  titleEn?: string;
  /** Default: a week from now, 17:00 UTC, for three hours. */
  startsAt?: Date;
  endsAt?: Date;
  locationKind?: 'region' | 'away' | 'online';
  municipalityCode?: string | null;
  venue?: string;
  locality?: string;
  capacity?: number | null;
  registration?: 'open' | 'application' | 'none';
  maxGroup?: number;
  offerHours?: number;
  personas?: string[];
  languages?: string[];
  registrationClosesAt?: Date | null;
}

export interface TestEvent {
  id: string;
  slug: string;
  organisationId: string;
  title: string;
}

/** An event of the region's own organisation unless told; published unless told. */
export async function createEvent(db: Kysely<DB>, input: TestEventInput = {}): Promise<TestEvent> {
  const organisationId = input.organisationId ?? (await createOrganisation(db, { kind: 'region' }));
  const slug = input.slug ?? `evenemang-${unique()}`;
  const title = input.title ?? `Testevenemang ${unique()}`;
  const startsAt = input.startsAt ?? new Date(Date.now() + 7 * 86_400_000);
  const endsAt = input.endsAt ?? new Date(startsAt.getTime() + 3 * 3_600_000);
  const locationKind = input.locationKind ?? 'region';
  const status = input.status ?? 'published';
  const row = await db
    .insertInto('events')
    .values({
      region_id: REGION,
      slug,
      organisation_id: organisationId,
      kind: input.kind ?? 'afterwork',
      status,
      title_sv: title,
      title_en: input.titleEn ?? `${title} (en)`,
      summary_sv: 'Kom och träffa arbetsgivare från regionen.',
      summary_en: 'Come and meet employers from the region.',
      description_sv: 'Vi bjuter på fika och berättar om livet här.',
      description_en: 'We offer coffee and tell you about life here.',
      starts_at: startsAt,
      ends_at: endsAt,
      location_kind: locationKind,
      municipality_code:
        input.municipalityCode !== undefined
          ? input.municipalityCode
          : locationKind === 'region'
            ? '2080'
            : null,
      venue: input.venue ?? 'Kulturhuset',
      street_address: 'Storgatan 1',
      postal_code: '791 00',
      locality: input.locality ?? 'Falun',
      online_url: locationKind === 'online' ? 'https://meet.example.org/jobbdag' : null,
      languages: input.languages ?? ['sv', 'en'],
      personas: input.personas ?? ['international'],
      registration: input.registration ?? 'open',
      capacity: input.capacity === undefined ? 50 : input.capacity,
      max_group: input.maxGroup ?? 4,
      offer_hours: input.offerHours ?? 24,
      registration_closes_at: input.registrationClosesAt ?? null,
      published_at: status === 'published' || status === 'cancelled' ? sql`now()` : null,
      cancelled_at: status === 'cancelled' ? sql`now()` : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, slug, organisationId, title };
}

/** Adds an exhibiting employer (a new one unless given) with a stand. */
export async function addExhibitor(
  db: Kysely<DB>,
  eventId: string,
  options: { organisationId?: string; stand?: string } = {},
): Promise<{ organisationId: string; standCode: string }> {
  const organisationId = options.organisationId ?? (await createOrganisation(db, { kind: 'employer' }));
  const row = await db
    .insertInto('event_organisations')
    .values({
      region_id: REGION,
      event_id: eventId,
      organisation_id: organisationId,
      role: 'exhibitor',
      stand: options.stand ?? 'A1',
    })
    .returning('stand_code')
    .executeTakeFirstOrThrow();
  return { organisationId, standCode: row.stand_code };
}

export interface TestRegistration {
  id: string;
  email: string;
  /** The personal link's token and the ticket code. */
  manageToken: string;
  ticketCode: string;
}

/**
 * A registration written straight in (its secrets derived under the test app's TEST_SECRET); a seat-holding one (confirmed, offered) also takes its seats
 * in events.seats_taken, as the service would.
 */
export async function createRegistration(
  db: Kysely<DB>,
  eventId: string,
  input: {
    name?: string;
    email?: string;
    seats?: number;
    status?: 'confirmed' | 'waiting' | 'offered' | 'applied' | 'declined' | 'cancelled' | 'expired';
    language?: 'sv' | 'en';
    shareWithExhibitors?: boolean;
    accountId?: string | null;
    offerExpiresAt?: Date | null;
  } = {},
): Promise<TestRegistration> {
  const id = randomUUID();
  const email = input.email ?? `gast-${unique()}@example.org`;
  const status = input.status ?? 'confirmed';
  const seats = input.seats ?? 1;
  await db
    .insertInto('event_registrations')
    .values({
      region_id: REGION,
      id,
      event_id: eventId,
      account_id: input.accountId ?? null,
      name: input.name ?? 'Test Gäst',
      email,
      language: input.language ?? 'sv',
      seats,
      status,
      offer_expires_at: input.offerExpiresAt ?? null,
      consent_text_version: CONSENT_TEXT_VERSIONS.registration,
      share_with_exhibitors: input.shareWithExhibitors ?? false,
      ...registrationHashes(TEST_SECRET, REGION, id),
    })
    .execute();
  if (status === 'confirmed' || status === 'offered') {
    await db
      .updateTable('events')
      .set({ seats_taken: sql`seats_taken + ${seats}` })
      .where('region_id', '=', REGION)
      .where('id', '=', eventId)
      .execute();
  }
  return {
    id,
    email,
    manageToken: manageToken(TEST_SECRET, REGION, id),
    ticketCode: ticketCode(TEST_SECRET, REGION, id),
  };
}
