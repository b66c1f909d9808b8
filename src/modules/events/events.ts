/**
 * What every part of the events module shares (migration 0035): an event row and its reads, who
 * may manage which event in the back-office (EventAccess), the organisations of an event, and the
 * seats — the one place that changes events.seats_taken, always under the event row's lock.
 *
 * Access: the region's admins and editors manage every event of the region and approve (publish)
 * them; any other organisation with EventsManage manages the events it owns or co-organises, and
 * sees, as an exhibitor, its own stand's leads and the registrations that consented to exhibitors.
 * Anything else is a 404, never a 403 naming what exists.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Principal } from '../../platform/auth/principal.ts';
import type { DB, EventsTable } from '../../platform/db/schema.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { Permission } from '../../platform/permissions.ts';
import type { EventOrganisationRole } from './model.ts';

export type EventRow = Selectable<EventsTable>;

/** The event's title in a language, else in the other. */
export function eventTitle(event: Pick<EventRow, 'title_sv' | 'title_en'>, lang: Lang): string {
  return (lang === 'en' ? event.title_en || event.title_sv : event.title_sv || event.title_en) || '—';
}

/** A text field of the event in a language, else in the other. */
export function eventText<F extends 'summary' | 'description' | 'accessibility'>(
  event: Pick<EventRow, `${F}_sv` | `${F}_en`>,
  field: F,
  lang: Lang,
): string {
  const sv = event[`${field}_sv`];
  const en = event[`${field}_en`];
  return lang === 'en' ? en || sv : sv || en;
}

export async function eventById(db: Kysely<DB>, regionId: string, id: string): Promise<EventRow | undefined> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A published or cancelled event by its slug: what visitors may see (a cancelled one says so). */
export async function visibleEventBySlug(
  db: Kysely<DB>,
  regionId: string,
  slug: string,
): Promise<EventRow | undefined> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('slug', '=', slug)
    .where('status', 'in', ['published', 'cancelled'])
    .where('published_at', 'is not', null)
    .executeTakeFirst();
}

/** Who is asking in the back-office, and what of the events they reach. */
export interface EventAccess {
  regionId: string;
  accountId: string;
  organisationId: string;
  /** The region's admins and editors: every event of the region. */
  wholeRegion: boolean;
  /** May publish without review (the region's admins and editors). */
  canApprove: boolean;
}

export function eventAccessOf(regionId: string, principal: Principal | undefined): EventAccess | undefined {
  if (!principal?.account || !principal.organisation) return undefined;
  if (!principal.permissions.has(Permission.EventsManage)) return undefined;
  const canApprove = principal.permissions.has(Permission.EventsApprove);
  return {
    regionId,
    accountId: principal.account.id,
    organisationId: principal.organisation.id,
    wholeRegion: canApprove,
    canApprove,
  };
}

/** How the asker stands to one event: they manage it, exhibit at it, or neither (undefined). */
export type EventRelation = 'manage' | 'exhibitor';

/**
 * The condition "the access manages this event" for a query over events aliased `e` (the region
 * is named by the caller's own where): the whole region, the owner, or a co-organiser.
 */
export function managedBy(access: EventAccess) {
  if (access.wholeRegion) return sql<boolean>`true`;
  return sql<boolean>`(e.organisation_id = ${access.organisationId} or exists (
    select 1 from event_organisations eo
    where eo.region_id = e.region_id and eo.event_id = e.id
      and eo.organisation_id = ${access.organisationId} and eo.role = 'co_organiser'))`;
}

/** One event and how the access stands to it; undefined (a 404) when it does not reach it. */
export async function eventForAccess(
  db: Kysely<DB>,
  access: EventAccess,
  eventId: string,
): Promise<{ event: EventRow; relation: EventRelation } | undefined> {
  const event = await eventById(db, access.regionId, eventId);
  if (!event) return undefined;
  if (access.wholeRegion || event.organisation_id === access.organisationId)
    return { event, relation: 'manage' };
  const role = await db
    .selectFrom('event_organisations')
    .select('role')
    .where('region_id', '=', access.regionId)
    .where('event_id', '=', eventId)
    .where('organisation_id', '=', access.organisationId)
    .executeTakeFirst();
  if (role?.role === 'co_organiser') return { event, relation: 'manage' };
  if (role?.role === 'exhibitor' && event.status !== 'draft') return { event, relation: 'exhibitor' };
  return undefined;
}

/** An event's other organisations with their names, co-organisers then exhibitors, in order. */
export interface EventOrganisation {
  organisationId: string;
  name: string;
  role: EventOrganisationRole;
  stand: string;
  standCode: string;
}

export async function eventOrganisations(
  db: Kysely<DB>,
  regionId: string,
  eventId: string,
): Promise<EventOrganisation[]> {
  const rows = await db
    .selectFrom('event_organisations as eo')
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'eo.region_id').onRef('o.id', '=', 'eo.organisation_id'),
    )
    .select(['eo.organisation_id', 'o.name', 'eo.role', 'eo.stand', 'eo.stand_code'])
    .where('eo.region_id', '=', regionId)
    .where('eo.event_id', '=', eventId)
    .orderBy('eo.role')
    .orderBy('eo.position')
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    name: r.name,
    role: r.role as EventOrganisationRole,
    stand: r.stand,
    standCode: r.stand_code,
  }));
}

export { organisationName } from '../identity/organisations/service.ts';

/**
 * Locks the event's row for the rest of the transaction and reads it: every change of seats, and
 * every decision of who gets a freed seat, happens under this lock, one at a time per event.
 */
export async function lockEvent(
  trx: Transaction<DB>,
  regionId: string,
  eventId: string,
): Promise<EventRow | undefined> {
  return trx
    .selectFrom('events')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', eventId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Takes `seats` of the event's capacity, or nothing when they are not free: true when taken. Call
 * under lockEvent. The table's CHECK (seats_taken <= capacity) holds whatever a caller does.
 */
export async function takeSeats(
  trx: Transaction<DB>,
  regionId: string,
  eventId: string,
  seats: number,
): Promise<boolean> {
  const row = await trx
    .updateTable('events')
    .set({ seats_taken: sql<number>`seats_taken + ${seats}` })
    .where('region_id', '=', regionId)
    .where('id', '=', eventId)
    .where((eb) =>
      eb.or([eb('capacity', 'is', null), eb(sql<number>`seats_taken + ${seats}`, '<=', eb.ref('capacity'))]),
    )
    .returning('seats_taken')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives back seats a registration held (cancelled, fewer seats, an offer expired). Under lockEvent. */
export async function releaseSeats(
  trx: Transaction<DB>,
  regionId: string,
  eventId: string,
  seats: number,
): Promise<void> {
  await trx
    .updateTable('events')
    .set({ seats_taken: sql<number>`greatest(seats_taken - ${seats}, 0)` })
    .where('region_id', '=', regionId)
    .where('id', '=', eventId)
    .execute();
}

/** Seats left (null: no limit). */
export function seatsLeft(event: Pick<EventRow, 'capacity' | 'seats_taken'>): number | null {
  return event.capacity === null ? null : Math.max(event.capacity - event.seats_taken, 0);
}

/** Whether registration is open now: published, not cancelled, within its window, not started. */
export function registrationOpen(
  event: Pick<
    EventRow,
    'status' | 'registration' | 'registration_opens_at' | 'registration_closes_at' | 'starts_at'
  >,
  now: Date = new Date(),
): boolean {
  if (event.status !== 'published' || event.registration === 'none') return false;
  if (event.registration_opens_at && now < event.registration_opens_at) return false;
  const closes = event.registration_closes_at ?? event.starts_at;
  return now < closes;
}
