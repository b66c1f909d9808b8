/**
 * SQL for the back-office side of accessibility reports (the site module owns
 * `accessibility_feedback`). Every read and write is scoped by region; state changes are guarded by
 * the status they expect, so two people answering at once cannot both succeed.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AccessibilityFeedbackTable, DB } from '../../../platform/db/schema.ts';

export type ReportStatus = 'new' | 'answered' | 'closed';
export type CloseReason = NonNullable<AccessibilityFeedbackTable['close_reason']>;
export const CLOSE_REASONS: readonly CloseReason[] = [
  'answered',
  'fixed',
  'duplicate',
  'not_accessibility',
  'spam',
  'other',
];

/** Which reports a list shows: one status, the open ones (new and answered), or all. */
export type ReportFilter = ReportStatus | 'open' | 'all';
export const REPORT_FILTERS: readonly ReportFilter[] = ['open', 'new', 'answered', 'closed', 'all'];

export type ReportRow = Selectable<AccessibilityFeedbackTable>;

/** How many reports the region has in each status. */
export async function countByStatus(db: Kysely<DB>, regionId: string): Promise<Record<ReportStatus, number>> {
  const rows = await db
    .selectFrom('accessibility_feedback')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('region_id', '=', regionId)
    .groupBy('status')
    .execute();
  const counts: Record<ReportStatus, number> = { new: 0, answered: 0, closed: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** How many reports are still unanswered after `days` days. */
export async function countOverdue(
  db: Kysely<DB>,
  regionId: string,
  days: number,
  now: Date,
): Promise<number> {
  const row = await db
    .selectFrom('accessibility_feedback')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('region_id', '=', regionId)
    .where('status', '=', 'new')
    .where('created_at', '<', sql<Date>`${now}::timestamptz - make_interval(days => ${days})`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A page of the region's reports: open ones oldest first (the one waiting longest on top), closed
 * ones most recently closed first.
 */
export async function listReports(
  db: Kysely<DB>,
  regionId: string,
  filter: ReportFilter,
  limit: number,
): Promise<ReportRow[]> {
  let query = db.selectFrom('accessibility_feedback').selectAll().where('region_id', '=', regionId);
  if (filter === 'open') query = query.where('status', '<>', 'closed');
  else if (filter !== 'all') query = query.where('status', '=', filter);
  return query
    .orderBy(sql`status = 'closed'`)
    .orderBy(sql`case when status = 'closed' then -extract(epoch from closed_at) end`)
    .orderBy(sql`status = 'answered'`)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function findReport(
  db: Kysely<DB>,
  regionId: string,
  id: number,
): Promise<ReportRow | undefined> {
  return db
    .selectFrom('accessibility_feedback')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Remembers the mail that carried the answer (erased with the report). */
export async function storeAnswerMail(
  db: Kysely<DB>,
  regionId: string,
  id: number,
  mailId: number,
): Promise<void> {
  await db
    .updateTable('accessibility_feedback')
    .set({ answer_mail_id: mailId })
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .execute();
}

/** Records the answer of a new report; false when it is not (or no longer) new. */
export async function storeAnswer(
  db: Kysely<DB>,
  input: { regionId: string; id: number; answer: string; accountId: string; emailed: boolean },
): Promise<boolean> {
  const result = await db
    .updateTable('accessibility_feedback')
    .set({
      status: 'answered',
      answer: input.answer,
      answered_at: sql<Date>`now()`,
      answered_by: input.accountId,
      answer_emailed: input.emailed,
      updated_at: sql<Date>`now()`,
    })
    .where('region_id', '=', input.regionId)
    .where('id', '=', input.id)
    .where('status', '=', 'new')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Closes an open report; false when it is already closed (or, for 'answered', not answered). */
export async function storeClose(
  db: Kysely<DB>,
  input: { regionId: string; id: number; reason: CloseReason; note: string; accountId: string },
): Promise<boolean> {
  let query = db
    .updateTable('accessibility_feedback')
    .set({
      status: 'closed',
      closed_at: sql<Date>`now()`,
      closed_by: input.accountId,
      close_reason: input.reason,
      close_note: input.note || null,
      updated_at: sql<Date>`now()`,
    })
    .where('region_id', '=', input.regionId)
    .where('id', '=', input.id)
    .where('status', '<>', 'closed');
  if (input.reason === 'answered') query = query.where('status', '=', 'answered');
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Replaces the staff-only note; false when there is no such report. */
export async function storeNote(
  db: Kysely<DB>,
  input: { regionId: string; id: number; note: string },
): Promise<boolean> {
  const result = await db
    .updateTable('accessibility_feedback')
    .set({ internal_note: input.note, updated_at: sql<Date>`now()` })
    .where('region_id', '=', input.regionId)
    .where('id', '=', input.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
