/**
 * The SQL of the navigators' side: the inbox's views (new, mine, all open, finished) within a
 * scope, the case file's reads (consents with their dates, tasks, meetings and the booked slot,
 * the history with who did it), and the writes the service makes in its transactions.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { isUuid } from '../../../platform/http/params.ts';
import { inScope, navigatorName, type CaseScope } from '../cases.ts';
import { OPEN_STAGES, type ConsentPurpose } from '../model.ts';

export const INBOX_VIEWS = ['new', 'mine', 'open', 'closed'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** Cases that are over: moved, settled, closed. */
const FINISHED_STAGES = ['moved', 'settled', 'closed'] as const;

export interface InboxFilter {
  view: InboxView;
  /** 'all open' only: one stage, one municipality ('none': not sure yet). */
  stage?: string;
  municipality?: string;
}

export interface InboxRow {
  id: string;
  ref: number;
  stage: string;
  municipality_code: string | null;
  needs: string[];
  channel: string;
  created_at: Date;
  stage_changed_at: Date;
  first_response_at: Date | null;
  navigator_id: string | null;
  navigator_name: string | null;
  navigator_email: string | null;
  main_name: string | null;
  booked_at: Date | null;
  /** When the main mover withdrew 'contact' (and has not given it again), else null. */
  contact_withdrawn_at: Date | null;
}

/**
 * For a query over relocation_cases aliased `c`: when the main mover withdrew their 'contact'
 * consent, null while it is live (or was never given — a case a navigator entered).
 */
function contactWithdrawnAt() {
  // One aggregate over the main mover's 'contact' rows, read through relocation_persons_main and
  // relocation_consents_person (an EXISTS here was planned as a hash of every case's consents).
  return sql<Date | null>`(select case when bool_or(k.withdrawn_at is null) then null else max(k.withdrawn_at) end
    from relocation_persons p
    join relocation_consents k on k.region_id = p.region_id and k.person_id = p.id and k.purpose = 'contact'
    where p.region_id = c.region_id and p.case_id = c.id and p.role = 'main')`;
}

/** When the case's main mover withdrew 'contact' (see contactWithdrawnAt), else null. */
export async function contactWithdrawnOf(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
): Promise<Date | null> {
  const row = await db
    .selectFrom('relocation_cases as c')
    .select(contactWithdrawnAt().as('at'))
    .where('c.region_id', '=', regionId)
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  return row?.at ?? null;
}

function inboxQuery(db: Kysely<DB>, scope: CaseScope, filter: InboxFilter) {
  let query = db
    .selectFrom('relocation_cases as c')
    .where('c.region_id', '=', scope.regionId)
    .where('c.merged_into', 'is', null);
  switch (filter.view) {
    case 'new':
      query = query.where('c.stage', '=', 'new').where(inScope(scope));
      break;
    case 'mine':
      query = query.where('c.navigator_id', '=', scope.accountId).where('c.stage', 'in', [...OPEN_STAGES]);
      break;
    case 'open':
      query = query.where('c.stage', 'in', [...OPEN_STAGES]).where(inScope(scope));
      if (filter.stage) query = query.where('c.stage', '=', filter.stage);
      if (filter.municipality === 'none') query = query.where('c.municipality_code', 'is', null);
      else if (filter.municipality) query = query.where('c.municipality_code', '=', filter.municipality);
      break;
    case 'closed':
      query = query.where('c.stage', 'in', [...FINISHED_STAGES]).where(inScope(scope));
      break;
  }
  return query;
}

export async function countInbox(db: Kysely<DB>, scope: CaseScope, filter: InboxFilter): Promise<number> {
  const row = await inboxQuery(db, scope, filter)
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listInbox(
  db: Kysely<DB>,
  scope: CaseScope,
  filter: InboxFilter,
  offset: number,
  limit: number,
): Promise<InboxRow[]> {
  let query = inboxQuery(db, scope, filter)
    .leftJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 'c.region_id').onRef('a.id', '=', 'c.navigator_id'),
    )
    .select([
      'c.id',
      'c.ref',
      'c.stage',
      'c.municipality_code',
      'c.needs',
      'c.channel',
      'c.created_at',
      'c.stage_changed_at',
      'c.first_response_at',
      'c.navigator_id',
      'a.display_name as navigator_name',
      'a.email as navigator_email',
    ])
    .select((eb) => [
      eb
        .selectFrom('relocation_persons as p')
        .select('p.name')
        .whereRef('p.region_id', '=', 'c.region_id')
        .whereRef('p.case_id', '=', 'c.id')
        .where('p.role', '=', 'main')
        .limit(1)
        .as('main_name'),
      eb
        .selectFrom('relocation_slots as s')
        .select('s.starts_at')
        .whereRef('s.region_id', '=', 'c.region_id')
        .whereRef('s.case_id', '=', 'c.id')
        .orderBy('s.starts_at')
        .limit(1)
        .as('booked_at'),
      contactWithdrawnAt().as('contact_withdrawn_at'),
    ]);
  query =
    filter.view === 'new'
      ? query.orderBy('c.created_at', 'asc')
      : filter.view === 'closed'
        ? query.orderBy('c.stage_changed_at', 'desc')
        : query.orderBy('c.stage_changed_at', 'asc');
  return (await query.orderBy('c.ref').offset(offset).limit(limit).execute()) as InboxRow[];
}

export interface ConsentRow {
  person_id: string;
  purpose: ConsentPurpose;
  given_at: Date;
}

/** The live consents of a case's adults, with the time each was given. */
export async function consentsOfCase(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
): Promise<ConsentRow[]> {
  const rows = await db
    .selectFrom('relocation_consents as k')
    .innerJoin('relocation_persons as p', (j) =>
      j.onRef('p.region_id', '=', 'k.region_id').onRef('p.id', '=', 'k.person_id'),
    )
    .select(['k.person_id', 'k.purpose', 'k.given_at'])
    .where('k.region_id', '=', regionId)
    .where('p.case_id', '=', caseId)
    .where('k.withdrawn_at', 'is', null)
    .orderBy('k.given_at')
    .execute();
  return rows as ConsentRow[];
}

export interface TaskRow {
  id: string;
  title: string;
  due_on: Date;
  assignee_id: string | null;
  assignee_name: string | null;
  assignee_email: string | null;
  done_at: Date | null;
  reminded_at: Date | null;
}

export async function tasksOfCase(db: Kysely<DB>, regionId: string, caseId: string): Promise<TaskRow[]> {
  return db
    .selectFrom('relocation_tasks as t')
    .leftJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 't.region_id').onRef('a.id', '=', 't.assignee_id'),
    )
    .select([
      't.id',
      't.title',
      't.due_on',
      't.assignee_id',
      'a.display_name as assignee_name',
      'a.email as assignee_email',
      't.done_at',
      't.reminded_at',
    ])
    .where('t.region_id', '=', regionId)
    .where('t.case_id', '=', caseId)
    .orderBy(sql`t.done_at is not null`)
    .orderBy('t.due_on')
    .orderBy('t.created_at')
    .limit(200)
    .execute();
}

export interface MeetingRow {
  id: string | null;
  slot_id: string | null;
  starts_at: Date;
  minutes: number;
  channel: string;
  place: string;
  note: string;
  cancelled_at: Date | null;
  navigator_name: string | null;
  navigator_email: string | null;
}

/**
 * The case's meetings, and the slot booked with the request when no meeting row stands for it,
 * by time.
 */
export async function meetingsOfCase(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
): Promise<MeetingRow[]> {
  const meetings = await db
    .selectFrom('relocation_meetings as m')
    .leftJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 'm.region_id').onRef('a.id', '=', 'm.navigator_id'),
    )
    .select([
      'm.id',
      'm.slot_id',
      'm.starts_at',
      'm.minutes',
      'm.channel',
      'm.place',
      'm.note',
      'm.cancelled_at',
      'a.display_name as navigator_name',
      'a.email as navigator_email',
    ])
    .where('m.region_id', '=', regionId)
    .where('m.case_id', '=', caseId)
    .limit(200)
    .execute();
  const slots = await db
    .selectFrom('relocation_slots as s')
    .innerJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 's.region_id').onRef('a.id', '=', 's.navigator_id'),
    )
    .select(['s.id', 's.starts_at', 's.minutes', 's.channels', 'a.display_name', 'a.email'])
    .where('s.region_id', '=', regionId)
    .where('s.case_id', '=', caseId)
    .execute();
  const fromSlots: MeetingRow[] = slots
    .filter((s) => !meetings.some((m) => m.slot_id === s.id))
    .map((s) => ({
      id: null,
      slot_id: s.id,
      starts_at: s.starts_at,
      minutes: s.minutes,
      channel: s.channels[0] ?? 'email',
      place: '',
      note: '',
      cancelled_at: null,
      navigator_name: s.display_name,
      navigator_email: s.email,
    }));
  return [...meetings, ...fromSlots].sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime());
}

export interface EventRow {
  id: string;
  at: Date;
  kind: string;
  body: string;
  data: Record<string, unknown>;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  /**
   * A handover's colleague (`data.to`, an account id) by name, read now: null when the account is
   * gone (history stores no names).
   */
  to_name: string | null;
}

/** The case's history, newest first. */
export async function eventsOfCase(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
  limit = 500,
): Promise<EventRow[]> {
  const rows = await db
    .selectFrom('relocation_case_events as e')
    .leftJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 'e.region_id').onRef('a.id', '=', 'e.actor_id'),
    )
    .select([
      'e.id',
      'e.at',
      'e.kind',
      'e.body',
      'e.data',
      'e.actor_id',
      'a.display_name as actor_name',
      'a.email as actor_email',
    ])
    .where('e.region_id', '=', regionId)
    .where('e.case_id', '=', caseId)
    .orderBy('e.at', 'desc')
    .orderBy('e.id')
    .limit(limit)
    .execute();
  const events = rows.map((r) => ({ ...r, data: (r.data ?? {}) as Record<string, unknown> }));
  const colleagues = [
    ...new Set(
      events
        .filter((e) => e.kind === 'handover')
        .map((e) => e.data.to)
        .filter((id): id is string => isUuid(id)),
    ),
  ];
  const names = new Map<string, string>();
  if (colleagues.length > 0) {
    const accounts = await db
      .selectFrom('accounts')
      .select(['id', 'display_name', 'email'])
      .where('region_id', '=', regionId)
      .where('id', 'in', colleagues)
      .execute();
    for (const a of accounts) names.set(a.id, navigatorName({ name: a.display_name, email: a.email }));
  }
  return events.map((e) => ({
    ...e,
    to_name: e.kind === 'handover' && typeof e.data.to === 'string' ? (names.get(e.data.to) ?? null) : null,
  }));
}

/** An account's name and e-mail (null when gone). */
export async function accountName(
  db: Kysely<DB>,
  regionId: string,
  accountId: string | null,
): Promise<{ name: string; email: string; language: string } | null> {
  if (!accountId) return null;
  const row = await db
    .selectFrom('accounts')
    .select(['display_name as name', 'email', 'language'])
    .where('region_id', '=', regionId)
    .where('id', '=', accountId)
    .executeTakeFirst();
  return row ?? null;
}

/** The case row locked for a change (within the scope's region). */
export async function lockCase(db: Kysely<DB>, regionId: string, caseId: string) {
  return db
    .selectFrom('relocation_cases')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setNavigator(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
  values: { navigatorId: string; organisationId?: string },
): Promise<void> {
  await db
    .updateTable('relocation_cases')
    .set({
      navigator_id: values.navigatorId,
      ...(values.organisationId ? { organisation_id: values.organisationId } : {}),
      updated_at: sql`now()`,
    })
    .where('region_id', '=', regionId)
    .where('id', '=', caseId)
    .execute();
}

export async function setOutcome(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
  values:
    | { kind: 'moved'; municipality: string; main: string; partner: string; movedOn: string }
    | { kind: 'closed'; reason: string }
    | { kind: 'open' },
): Promise<void> {
  const update =
    values.kind === 'moved'
      ? {
          outcome_municipality: values.municipality,
          outcome_main_employment: values.main,
          outcome_partner_employment: values.partner,
          moved_on: values.movedOn,
          close_reason: null,
          closed_at: null,
        }
      : values.kind === 'closed'
        ? { close_reason: values.reason, closed_at: sql<Date>`now()` }
        : { close_reason: null, closed_at: null };
  await db
    .updateTable('relocation_cases')
    .set(update)
    .where('region_id', '=', regionId)
    .where('id', '=', caseId)
    .execute();
}

/** Whether an adult of the case has the live 'followup' consent. */
export async function hasFollowupConsent(db: Kysely<DB>, regionId: string, caseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('relocation_consents as k')
    .innerJoin('relocation_persons as p', (j) =>
      j.onRef('p.region_id', '=', 'k.region_id').onRef('p.id', '=', 'k.person_id'),
    )
    .select('k.id')
    .where('k.region_id', '=', regionId)
    .where('p.case_id', '=', caseId)
    .where('p.role', 'in', ['main', 'partner'])
    .where('k.purpose', '=', 'followup')
    .where('k.withdrawn_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Follow-ups at `months` after the move (due_on counted from moved_on); existing ones kept. */
export async function insertFollowups(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
  movedOn: string,
  months: readonly number[],
): Promise<void> {
  await db
    .insertInto('relocation_followups')
    .values(
      months.map((m) => ({
        region_id: regionId,
        case_id: caseId,
        months: m,
        due_on: sql<string>`(${movedOn}::date + make_interval(months => ${m}))::date`,
      })),
    )
    .onConflict((oc) => oc.columns(['region_id', 'case_id', 'months']).doNothing())
    .execute();
}

export async function insertTask(
  db: Kysely<DB>,
  values: {
    regionId: string;
    caseId: string;
    title: string;
    dueOn: string;
    assigneeId: string;
    createdBy: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('relocation_tasks')
    .values({
      region_id: values.regionId,
      case_id: values.caseId,
      title: values.title,
      due_on: values.dueOn,
      assignee_id: values.assigneeId,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks a task done (or not done); false when it is not this case's or already so. */
export async function setTaskDone(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
  taskId: string,
  done: boolean,
): Promise<{ title: string } | undefined> {
  return db
    .updateTable('relocation_tasks')
    .set({ done_at: done ? sql<Date>`now()` : null })
    .where('region_id', '=', regionId)
    .where('case_id', '=', caseId)
    .where('id', '=', taskId)
    .where('done_at', done ? 'is' : 'is not', null)
    .returning('title')
    .executeTakeFirst();
}

export async function insertMeeting(
  db: Kysely<DB>,
  values: {
    regionId: string;
    caseId: string;
    navigatorId: string;
    date: string;
    time: string;
    minutes: number;
    channel: string;
    place: string;
    note: string;
  },
): Promise<{ id: string; starts_at: Date }> {
  return db
    .insertInto('relocation_meetings')
    .values({
      region_id: values.regionId,
      case_id: values.caseId,
      navigator_id: values.navigatorId,
      starts_at: sql<Date>`(${`${values.date} ${values.time}`}::timestamp at time zone 'Europe/Stockholm')`,
      minutes: values.minutes,
      channel: values.channel,
      place: values.place,
      note: values.note,
    })
    .returning(['id', 'starts_at'])
    .executeTakeFirstOrThrow();
}

export async function cancelMeeting(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
  meetingId: string,
): Promise<{ starts_at: Date; channel: string } | undefined> {
  return db
    .updateTable('relocation_meetings')
    .set({ cancelled_at: sql<Date>`now()` })
    .where('region_id', '=', regionId)
    .where('case_id', '=', caseId)
    .where('id', '=', meetingId)
    .where('cancelled_at', 'is', null)
    .returning(['starts_at', 'channel'])
    .executeTakeFirst();
}

export interface DueTask {
  id: string;
  title: string;
  due_on: Date;
  case_id: string;
  ref: number;
  recipient_id: string | null;
}

/** Tasks of a region not done, not reminded, due on or before `today` (YYYY-MM-DD). */
export async function dueTaskIds(db: Kysely<DB>, regionId: string, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('relocation_tasks')
    .select('id')
    .where('region_id', '=', regionId)
    .where('done_at', 'is', null)
    .where('reminded_at', 'is', null)
    .where('due_on', '<=', sql<Date>`${today}::date`)
    .orderBy('due_on')
    .limit(1000)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Claims one due task for its reminder (reminded_at set, in the caller's transaction): its title,
 * case and who to tell (the assignee, else the case's navigator); undefined when another run got it.
 */
export async function claimReminder(
  db: Kysely<DB>,
  regionId: string,
  taskId: string,
  today: string,
): Promise<DueTask | undefined> {
  const row = await db
    .updateTable('relocation_tasks as t')
    .from('relocation_cases as c')
    .set({ reminded_at: sql<Date>`now()` })
    .whereRef('c.region_id', '=', 't.region_id')
    .whereRef('c.id', '=', 't.case_id')
    .where('t.region_id', '=', regionId)
    .where('t.id', '=', taskId)
    .where('t.done_at', 'is', null)
    .where('t.reminded_at', 'is', null)
    .where('t.due_on', '<=', sql<Date>`${today}::date`)
    .returning([
      't.id',
      't.title',
      't.due_on',
      't.case_id',
      'c.ref',
      sql<string | null>`coalesce(t.assignee_id, c.navigator_id)`.as('recipient_id'),
    ])
    .executeTakeFirst();
  return row;
}
