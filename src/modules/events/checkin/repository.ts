/**
 * The check-in part's SQL (event_checkins, read with event_registrations): the door's counts, a
 * bounded search by name or e-mail, the offline list, one registration by id or ticket hash, and
 * the check-in row itself — inserted with ON CONFLICT DO NOTHING, so the table's primary key
 * (region, registration) makes any resent check-in count once.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { LIVE_STATUSES } from '../model.ts';

export interface DoorCounts {
  /** People through the door (the sum of check-ins' people). */
  checkedInPeople: number;
  /** Registrations checked in. */
  checkedIn: number;
  /** Seats held by confirmed registrations. */
  confirmedSeats: number;
  /** Confirmed registrations. */
  confirmedRegistrations: number;
  /** Registrations on the waiting list (waiting or offered). */
  waiting: number;
}

export async function doorCounts(db: Kysely<DB>, regionId: string, eventId: string): Promise<DoorCounts> {
  const row = await db
    .selectFrom('event_registrations as r')
    .leftJoin('event_checkins as c', (j) =>
      j.onRef('c.region_id', '=', 'r.region_id').onRef('c.registration_id', '=', 'r.id'),
    )
    .select([
      sql<string>`coalesce(sum(c.people), 0)`.as('people'),
      sql<string>`count(c.registration_id)`.as('checked'),
      sql<string>`coalesce(sum(r.seats) filter (where r.status = 'confirmed'), 0)`.as('seats'),
      sql<string>`count(*) filter (where r.status = 'confirmed')`.as('confirmed'),
      sql<string>`count(*) filter (where r.status in ('waiting', 'offered'))`.as('waiting'),
    ])
    .where('r.region_id', '=', regionId)
    .where('r.event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  return {
    checkedInPeople: Number(row.people),
    checkedIn: Number(row.checked),
    confirmedSeats: Number(row.seats),
    confirmedRegistrations: Number(row.confirmed),
    waiting: Number(row.waiting),
  };
}

/** A registration as the door sees it. */
export interface DoorRegistration {
  id: string;
  eventId: string;
  name: string;
  email: string;
  seats: number;
  status: string;
  ticketHash: string;
  checkedInAt: Date | null;
  people: number | null;
}

const doorColumns = [
  'r.id',
  'r.event_id',
  'r.name',
  'r.email',
  'r.seats',
  'r.status',
  'r.ticket_hash',
  'c.checked_in_at',
  'c.people',
] as const;

function doorQuery(db: Kysely<DB>, regionId: string) {
  return db
    .selectFrom('event_registrations as r')
    .leftJoin('event_checkins as c', (j) =>
      j.onRef('c.region_id', '=', 'r.region_id').onRef('c.registration_id', '=', 'r.id'),
    )
    .select(doorColumns)
    .where('r.region_id', '=', regionId);
}

function toDoor(row: {
  id: string;
  event_id: string;
  name: string;
  email: string;
  seats: number;
  status: string;
  ticket_hash: string;
  checked_in_at: Date | null;
  people: number | null;
}): DoorRegistration {
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.name,
    email: row.email,
    seats: row.seats,
    status: row.status,
    ticketHash: row.ticket_hash,
    checkedInAt: row.checked_in_at,
    people: row.people,
  };
}

/** `%` and `_` taken literally in a LIKE pattern. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Live registrations of the event whose name or e-mail contains `q` (case-insensitive), by name;
 * at most `limit` (one more is read to tell that there are more).
 */
export async function searchRegistrations(
  db: Kysely<DB>,
  regionId: string,
  eventId: string,
  q: string,
  limit: number,
): Promise<{ rows: DoorRegistration[]; more: boolean }> {
  const pattern = `%${likeEscape(q.toLowerCase())}%`;
  const rows = await doorQuery(db, regionId)
    .where('r.event_id', '=', eventId)
    .where('r.status', 'in', [...LIVE_STATUSES])
    .where((eb) => eb.or([eb(sql`lower(r.name)`, 'like', pattern), eb('r.email', 'like', pattern)]))
    .orderBy(sql`lower(r.name)`)
    .orderBy('r.id')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit).map(toDoor), more: rows.length > limit };
}

/** The live registrations of the event for the door's offline list, by name; at most `limit` + 1. */
export async function doorList(
  db: Kysely<DB>,
  regionId: string,
  eventId: string,
  limit: number,
): Promise<DoorRegistration[]> {
  const rows = await doorQuery(db, regionId)
    .where('r.event_id', '=', eventId)
    .where('r.status', 'in', [...LIVE_STATUSES])
    .orderBy(sql`lower(r.name)`)
    .orderBy('r.id')
    .limit(limit + 1)
    .execute();
  return rows.map(toDoor);
}

/** One registration of the region by id (any event: the caller tells another event's apart). */
export async function registrationById(
  db: Kysely<DB>,
  regionId: string,
  id: string,
): Promise<DoorRegistration | undefined> {
  const row = await doorQuery(db, regionId).where('r.id', '=', id).executeTakeFirst();
  return row ? toDoor(row) : undefined;
}

/** One registration of the region by its ticket code's hash. */
export async function registrationByTicketHash(
  db: Kysely<DB>,
  regionId: string,
  ticketHash: string,
): Promise<DoorRegistration | undefined> {
  const row = await doorQuery(db, regionId).where('r.ticket_hash', '=', ticketHash).executeTakeFirst();
  return row ? toDoor(row) : undefined;
}

/** Inserts the check-in unless there is one: the new row's time, or undefined when it existed. */
export async function insertCheckin(
  trx: Kysely<DB>,
  row: {
    regionId: string;
    eventId: string;
    registrationId: string;
    people: number;
    recordedAt: Date | null;
    by: string | null;
    method: string;
  },
): Promise<Date | undefined> {
  const inserted = await trx
    .insertInto('event_checkins')
    .values({
      region_id: row.regionId,
      event_id: row.eventId,
      registration_id: row.registrationId,
      people: row.people,
      recorded_at: row.recordedAt,
      checked_in_by: row.by,
      method: row.method,
    })
    .onConflict((oc) => oc.columns(['region_id', 'registration_id']).doNothing())
    .returning('checked_in_at')
    .executeTakeFirst();
  return inserted?.checked_in_at;
}

/** When the registration was checked in (after a conflict), if it was. */
export async function checkinTime(
  trx: Kysely<DB>,
  regionId: string,
  registrationId: string,
): Promise<Date | undefined> {
  const row = await trx
    .selectFrom('event_checkins')
    .select('checked_in_at')
    .where('region_id', '=', regionId)
    .where('registration_id', '=', registrationId)
    .executeTakeFirst();
  return row?.checked_in_at;
}

/** Deletes the event's check-in of the registration: true when there was one. */
export async function deleteCheckin(
  trx: Kysely<DB>,
  regionId: string,
  eventId: string,
  registrationId: string,
): Promise<{ people: number; method: string } | undefined> {
  return trx
    .deleteFrom('event_checkins')
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .where('registration_id', '=', registrationId)
    .returning(['people', 'method'])
    .executeTakeFirst();
}
