/**
 * The back-office's SQL over the events tables (migration 0035): the list by tab for an access,
 * the employer's stands, organisations to pick, the programme and questions, the people a
 * cancellation or a follow-up reaches, and the statistics' counts. Every read is scoped by region
 * (and by `managedBy` where it lists events); the service decides who may change what.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, EventProgrammeTable, EventQuestionsTable } from '../../../platform/db/schema.ts';
import { managedBy, type EventAccess } from '../events.ts';
import { LIVE_STATUSES } from '../model.ts';

export const PAGE_SIZE = 50;
export const TABS = ['upcoming', 'drafts', 'review', 'past', 'cancelled'] as const;
export type Tab = (typeof TABS)[number];
export const MAX_PROGRAMME = 60;
export const MAX_QUESTIONS = 20;
export const MAX_ORGANISATIONS = 100;
export const PICKER_LIMIT = 200;

export type ProgrammeRow = Selectable<EventProgrammeTable>;
export type QuestionRow = Selectable<EventQuestionsTable>;

export interface ListRow {
  id: string;
  title_sv: string;
  title_en: string;
  kind: string;
  status: string;
  starts_at: Date;
  organisation: string;
  seats_taken: number;
  capacity: number | null;
}

function tabCondition(tab: Tab) {
  switch (tab) {
    case 'upcoming':
      return sql<boolean>`e.status = 'published' and e.ends_at >= now()`;
    case 'past':
      return sql<boolean>`e.status = 'published' and e.ends_at < now()`;
    case 'drafts':
      return sql<boolean>`e.status = 'draft'`;
    case 'review':
      return sql<boolean>`e.status = 'in_review'`;
    case 'cancelled':
      return sql<boolean>`e.status = 'cancelled'`;
  }
}

/** A page of the events the access manages in a tab (past and cancelled newest first), and the counts. */
export async function listEvents(
  db: Kysely<DB>,
  access: EventAccess,
  tab: Tab,
  page: number,
): Promise<{ rows: ListRow[]; counts: Record<Tab, number> }> {
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'e.region_id').onRef('o.id', '=', 'e.organisation_id'),
    )
    .select([
      'e.id',
      'e.title_sv',
      'e.title_en',
      'e.kind',
      'e.status',
      'e.starts_at',
      'o.name as organisation',
      'e.seats_taken',
      'e.capacity',
    ])
    .where('e.region_id', '=', access.regionId)
    .where(managedBy(access))
    .where(tabCondition(tab))
    .orderBy('e.starts_at', tab === 'past' || tab === 'cancelled' ? 'desc' : 'asc')
    .orderBy('e.id')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute();
  const count = await db
    .selectFrom('events as e')
    .select([
      sql<number>`count(*) filter (where e.status = 'published' and e.ends_at >= now())::int`.as('upcoming'),
      sql<number>`count(*) filter (where e.status = 'draft')::int`.as('drafts'),
      sql<number>`count(*) filter (where e.status = 'in_review')::int`.as('review'),
      sql<number>`count(*) filter (where e.status = 'published' and e.ends_at < now())::int`.as('past'),
      sql<number>`count(*) filter (where e.status = 'cancelled')::int`.as('cancelled'),
    ])
    .where('e.region_id', '=', access.regionId)
    .where(managedBy(access))
    .executeTakeFirstOrThrow();
  return { rows, counts: count };
}

/** The events the access's organisation exhibits at (not drafts), newest first, at most 50. */
export async function exhibitingAt(db: Kysely<DB>, access: EventAccess): Promise<ListRow[]> {
  return db
    .selectFrom('events as e')
    .innerJoin('event_organisations as eo', (j) =>
      j.onRef('eo.region_id', '=', 'e.region_id').onRef('eo.event_id', '=', 'e.id'),
    )
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'e.region_id').onRef('o.id', '=', 'e.organisation_id'),
    )
    .select([
      'e.id',
      'e.title_sv',
      'e.title_en',
      'e.kind',
      'e.status',
      'e.starts_at',
      'o.name as organisation',
      'e.seats_taken',
      'e.capacity',
    ])
    .where('e.region_id', '=', access.regionId)
    .where('eo.organisation_id', '=', access.organisationId)
    .where('eo.role', '=', 'exhibitor')
    .where('e.status', '<>', 'draft')
    .orderBy('e.starts_at', 'desc')
    .limit(PAGE_SIZE)
    .execute();
}

/** The region's organisations to pick from (a name search when given), at most PICKER_LIMIT. */
export async function pickableOrganisations(
  db: Kysely<DB>,
  regionId: string,
  search: string,
): Promise<Array<{ id: string; name: string; kind: string }>> {
  let query = db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('region_id', '=', regionId)
    .orderBy('name')
    .limit(PICKER_LIMIT);
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where('name', 'ilike', like);
  }
  return query.execute();
}

export async function organisationKind(
  db: Kysely<DB>,
  regionId: string,
  id: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select('kind')
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.kind;
}

export async function countOrganisations(db: Kysely<DB>, regionId: string, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('event_organisations')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function programmeOf(
  db: Kysely<DB>,
  regionId: string,
  eventId: string,
): Promise<ProgrammeRow[]> {
  return db
    .selectFrom('event_programme')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(MAX_PROGRAMME)
    .execute();
}

export async function questionsOf(db: Kysely<DB>, regionId: string, eventId: string): Promise<QuestionRow[]> {
  return db
    .selectFrom('event_questions')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .orderBy('position')
    .orderBy('id')
    .limit(MAX_QUESTIONS)
    .execute();
}

/** How many live registrations (holding or waiting for a seat, or applied) the event has. */
export async function liveRegistrations(db: Kysely<DB>, regionId: string, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('event_registrations')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .where('status', 'in', [...LIVE_STATUSES])
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Any registration at all, whatever its status (a draft with none may be deleted). */
export async function anyRegistration(db: Kysely<DB>, regionId: string, eventId: string): Promise<boolean> {
  const row = await db
    .selectFrom('event_registrations')
    .select('id')
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The network groups a meetup may belong to (active ones of the region), by name. */
export async function networkGroups(
  db: Kysely<DB>,
  regionId: string,
): Promise<Array<{ id: string; name_sv: string; name_en: string }>> {
  return db
    .selectFrom('network_groups')
    .select(['id', 'name_sv', 'name_en'])
    .where('region_id', '=', regionId)
    .where('status', '=', 'active')
    .orderBy('name_sv')
    .limit(200)
    .execute();
}

/** The region's slugs that are `base` or `base-<n>`, in one read. */
export async function slugsLike(db: Kysely<DB>, regionId: string, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('events')
    .select('slug')
    .where('region_id', '=', regionId)
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', '~', `^${base}-[0-9]+$`)]))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

/** The statistics' counts of one event. */
export interface EventFigures {
  seatsConfirmed: number;
  waitingPeople: number;
  waitingSeats: number;
  offersOpen: number;
  offersTaken: number;
  offersExpired: number;
  applied: number;
  declined: number;
  approved: number;
  cancelled: number;
  checkedInRegistrations: number;
  checkedInPeople: number;
  confirmedRegistrations: number;
  noShows: number;
  perDay: Array<{ day: string; registrations: number; seats: number }>;
  leads: Array<{ organisation: string; stand: string; leads: number }>;
}

export async function eventFigures(db: Kysely<DB>, regionId: string, eventId: string): Promise<EventFigures> {
  const counts = await db
    .selectFrom('event_registrations as r')
    .select([
      sql<number>`coalesce(sum(r.seats) filter (where r.status = 'confirmed'), 0)::int`.as('seatsConfirmed'),
      sql<number>`count(*) filter (where r.status = 'confirmed')::int`.as('confirmedRegistrations'),
      sql<number>`count(*) filter (where r.status = 'waiting')::int`.as('waitingPeople'),
      sql<number>`coalesce(sum(r.seats) filter (where r.status = 'waiting'), 0)::int`.as('waitingSeats'),
      sql<number>`count(*) filter (where r.status = 'offered')::int`.as('offersOpen'),
      // An offer taken: confirmed after being offered (it carries the offer's deadline).
      sql<number>`count(*) filter (where r.status = 'confirmed' and r.offer_expires_at is not null)::int`.as(
        'offersTaken',
      ),
      sql<number>`count(*) filter (where r.status = 'expired')::int`.as('offersExpired'),
      sql<number>`count(*) filter (where r.status = 'applied')::int`.as('applied'),
      sql<number>`count(*) filter (where r.status = 'declined')::int`.as('declined'),
      sql<number>`count(*) filter (where r.status = 'confirmed' and r.decided_at is not null)::int`.as(
        'approved',
      ),
      sql<number>`count(*) filter (where r.status = 'cancelled')::int`.as('cancelled'),
      sql<number>`count(*) filter (where r.status = 'confirmed' and not exists (
        select 1 from event_checkins c where c.region_id = r.region_id and c.registration_id = r.id))::int`.as(
        'noShows',
      ),
    ])
    .where('r.region_id', '=', regionId)
    .where('r.event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  const checkins = await db
    .selectFrom('event_checkins')
    .select([
      sql<number>`count(*)::int`.as('registrations'),
      sql<number>`coalesce(sum(people), 0)::int`.as('people'),
    ])
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  const perDay = await db
    .selectFrom('event_registrations')
    .select([
      sql<string>`to_char(created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD')`.as('day'),
      sql<number>`count(*)::int`.as('registrations'),
      sql<number>`sum(seats)::int`.as('seats'),
    ])
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .groupBy(sql`1`)
    .orderBy(sql`1`, 'desc')
    .limit(60)
    .execute();
  const leads = await db
    .selectFrom('event_leads as l')
    .leftJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'l.region_id').onRef('o.id', '=', 'l.organisation_id'),
    )
    .select([
      sql<string>`coalesce(o.name, '')`.as('organisation'),
      sql<string>`max(l.stand)`.as('stand'),
      sql<number>`count(*)::int`.as('leads'),
    ])
    .where('l.region_id', '=', regionId)
    .where('l.event_id', '=', eventId)
    .groupBy(['l.organisation_id', 'o.name'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(sql`coalesce(o.name, '')`)
    .limit(MAX_ORGANISATIONS)
    .execute();
  return {
    ...counts,
    checkedInRegistrations: checkins.registrations,
    checkedInPeople: checkins.people,
    perDay: perDay.reverse(),
    leads,
  };
}
