/** Registration's reads: an event's questions and exhibitors, the organisers' list and counts, a person's registrations. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { LIVE_STATUSES, REGISTRATION_STATUSES, type RegistrationStatus } from '../model.ts';
import { MAX_QUESTIONS, toQuestion, type Question } from './form.ts';
import type { RegistrationRow } from './mails.ts';

export async function questionsOf(db: Kysely<DB>, regionId: string, eventId: string): Promise<Question[]> {
  const rows = await db
    .selectFrom('event_questions')
    .select(['id', 'kind', 'label_sv', 'label_en', 'choices', 'required'])
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .orderBy('position')
    .orderBy('id')
    .limit(MAX_QUESTIONS)
    .execute();
  return rows.map(toQuestion);
}

export async function hasExhibitors(db: Kysely<DB>, regionId: string, eventId: string): Promise<boolean> {
  const row = await db
    .selectFrom('event_organisations')
    .select('organisation_id')
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .where('role', '=', 'exhibitor')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface RegistrationCounts {
  confirmedSeats: number;
  waiting: number;
  offered: number;
  applied: number;
}

export async function countsOf(
  db: Kysely<DB>,
  regionId: string,
  eventId: string,
): Promise<RegistrationCounts> {
  const rows = await db
    .selectFrom('event_registrations')
    .select([
      'status',
      (eb) => eb.fn.countAll<string>().as('n'),
      (eb) => eb.fn.sum<string>('seats').as('seats'),
    ])
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .where('status', 'in', [...LIVE_STATUSES])
    .groupBy('status')
    .execute();
  const of = (status: string) => rows.find((r) => r.status === status);
  return {
    confirmedSeats: Number(of('confirmed')?.seats ?? 0),
    waiting: Number(of('waiting')?.n ?? 0),
    offered: Number(of('offered')?.n ?? 0),
    applied: Number(of('applied')?.n ?? 0),
  };
}

export const PAGE_SIZE = 50;
/** The CSV holds at most this many rows. */
export const EXPORT_LIMIT = 10_000;

export interface ListFilter {
  status?: RegistrationStatus;
  q: string;
}

function filtered(db: Kysely<DB>, regionId: string, eventId: string, filter: ListFilter) {
  let query = db
    .selectFrom('event_registrations')
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb(sql<string>`lower(name)`, 'like', like), eb('email', 'like', like)]),
    );
  }
  return query;
}

export async function listRegistrations(
  db: Kysely<DB>,
  regionId: string,
  eventId: string,
  filter: ListFilter,
  page: number,
  limit = PAGE_SIZE,
): Promise<{ rows: RegistrationRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    filtered(db, regionId, eventId, filter)
      .selectAll()
      .orderBy('queued_at')
      .orderBy('id')
      .limit(limit)
      .offset((page - 1) * limit)
      .execute(),
    filtered(db, regionId, eventId, filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function statusOf(value: string): RegistrationStatus | undefined {
  return (REGISTRATION_STATUSES as readonly string[]).includes(value)
    ? (value as RegistrationStatus)
    : undefined;
}

/** A person's registrations (by account or address), newest event first, with their events. */
export async function registrationsOfPerson(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  email: string,
  limit = 100,
) {
  return db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', (j) =>
      j.onRef('e.region_id', '=', 'r.region_id').onRef('e.id', '=', 'r.event_id'),
    )
    .select([
      'r.id',
      'r.name',
      'r.email',
      'r.seats',
      'r.status',
      'r.language',
      'r.answers',
      'r.consent_text_version',
      'r.share_with_exhibitors',
      'r.queued_at',
      'r.offer_expires_at',
      'r.created_at',
      'r.cancelled_at',
      'e.title_sv',
      'e.title_en',
      'e.starts_at',
      'e.slug',
      'e.status as event_status',
    ])
    .where('r.region_id', '=', regionId)
    .where((eb) => eb.or([eb('r.account_id', '=', accountId), eb('r.email', '=', email.toLowerCase())]))
    .orderBy('e.starts_at', 'desc')
    .limit(limit)
    .execute();
}

/** One registration of a person (by account or address), or undefined. */
export async function registrationOfPerson(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  email: string,
  id: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('event_registrations')
    .select('id')
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .where((eb) => eb.or([eb('account_id', '=', accountId), eb('email', '=', email.toLowerCase())]))
    .executeTakeFirst();
}
