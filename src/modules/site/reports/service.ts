/**
 * The rules of answering and closing accessibility reports. Takes plain values (the region, the
 * acting account, a report id, parsed form input) and returns what happened; the routes turn that
 * into pages and redirects.
 *
 *   new ──answer──▶ answered ──close (answered, fixed, …)──▶ closed
 *    └──────────────close without answer, with a reason──────▶ closed
 *
 * An answer is e-mailed to the reporter, in the report's language, when they gave an address; the
 * mail holds only the staff's answer and fixed texts, never what the reporter typed (anyone can
 * type someone else's address). Each change writes one audit event in its own transaction.
 */
import type { Kysely } from 'kysely';
import { recordAudit, type AuditActor } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { Region } from '../../../platform/region.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { findAccountById } from '../../identity/accounts.ts';
import { reportMessages, type ReportMessageKey } from './messages.ts';
import {
  CLOSE_REASONS,
  REPORT_FILTERS,
  countByStatus,
  countOverdue,
  findReport,
  listReports,
  storeAnswer,
  storeAnswerMail,
  storeClose,
  storeNote,
  type CloseReason,
  type ReportFilter,
  type ReportRow,
  type ReportStatus,
} from './repository.ts';

/** Reports unanswered for longer than this are shown as overdue (the statement promises two weeks). */
export const ANSWER_WITHIN_DAYS = 14;
export const ANSWER_MAX = 5000;
export const CLOSE_NOTE_MAX = 2000;
export const NOTE_MAX = 5000;
/** The list shows at most this many reports (a region gets a handful a month). */
export const LIST_LIMIT = 500;

const DAY_MS = 86_400_000;

/** Who acts, as the service needs it. */
export interface Staff {
  regionId: string;
  accountId: string;
  /** The organisation they act for (the audit event's organisation). */
  organisationId: string | null;
}

export interface Deps {
  db: Kysely<DB>;
  queue: TaskQueue;
}

/** A report id from a URL: a positive integer that fits; anything else is no report. */
export function parseReportId(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,14}$/.test(value)) return undefined;
  return Number(value);
}

/** The list's `status` parameter; anything else (absent, repeated, unknown) is the open reports. */
export function parseFilter(value: unknown): ReportFilter {
  return REPORT_FILTERS.find((f) => f === value) ?? 'open';
}

/** Whole days since `from` (0 on the first day). */
export function ageInDays(from: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - from.getTime()) / DAY_MS));
}

/** Unanswered for longer than ANSWER_WITHIN_DAYS days. */
function isOverdue(row: { status: ReportStatus; created_at: Date }, now: Date): boolean {
  return row.status === 'new' && now.getTime() - row.created_at.getTime() > ANSWER_WITHIN_DAYS * DAY_MS;
}

export interface ReportListItem {
  id: number;
  status: ReportStatus;
  createdAt: Date;
  /** Days since it came in, or (closed) until it was closed. */
  ageDays: number;
  /** Still unanswered after ANSWER_WITHIN_DAYS days. */
  overdue: boolean;
  pageUrl: string | null;
  excerpt: string;
}

export interface ReportList {
  filter: ReportFilter;
  counts: Record<ReportStatus | 'open' | 'all', number>;
  overdue: number;
  reports: ReportListItem[];
  more: boolean;
}

function excerpt(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export async function reportList(
  db: Kysely<DB>,
  regionId: string,
  filter: ReportFilter,
  now = new Date(),
): Promise<ReportList> {
  const [counts, overdue, rows] = await Promise.all([
    countByStatus(db, regionId),
    countOverdue(db, regionId, ANSWER_WITHIN_DAYS, now),
    listReports(db, regionId, filter, LIST_LIMIT + 1),
  ]);
  const reports = rows.slice(0, LIST_LIMIT).map((row): ReportListItem => {
    const ageDays = ageInDays(row.created_at, row.closed_at ?? now);
    return {
      id: row.id,
      status: row.status,
      createdAt: row.created_at,
      ageDays,
      overdue: isOverdue(row, now),
      pageUrl: row.page_url,
      excerpt: excerpt(row.message),
    };
  });
  return {
    filter,
    counts: {
      ...counts,
      open: counts.new + counts.answered,
      all: counts.new + counts.answered + counts.closed,
    },
    overdue,
    reports,
    more: rows.length > LIST_LIMIT,
  };
}

/** One report with the names of the staff who answered and closed it ('' for a deleted account). */
export interface ReportDetail {
  row: ReportRow;
  ageDays: number;
  overdue: boolean;
  answeredBy: string | null;
  closedBy: string | null;
}

async function staffName(db: Kysely<DB>, regionId: string, id: string | null): Promise<string | null> {
  if (!id) return null;
  const account = await findAccountById(db, regionId, id);
  return account ? account.displayName.trim() || account.email : null;
}

export async function reportDetail(
  db: Kysely<DB>,
  regionId: string,
  id: number,
  now = new Date(),
): Promise<ReportDetail | undefined> {
  const row = await findReport(db, regionId, id);
  if (!row) return undefined;
  const ageDays = ageInDays(row.created_at, row.closed_at ?? now);
  return {
    row,
    ageDays,
    overdue: isOverdue(row, now),
    answeredBy: await staffName(db, regionId, row.answered_by),
    closedBy: await staffName(db, regionId, row.closed_by),
  };
}

// Forms: what was typed, and the error key per field.

/** Line breaks kept, other control characters dropped, trimmed. */
function multiline(value: string | undefined): string {
  return (value ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/(?![\n\t])\p{Cc}/gu, '')
    .trim();
}

export interface AnswerInput {
  answer: string;
}
export interface CloseInput {
  reason: string;
  close_note: string;
}
export interface NoteInput {
  note: string;
}
export type FormErrors<T> = Partial<Record<keyof T, ReportMessageKey>>;

/** The forms' bodies as their schemas (routes.ts) type them: each field an optional string. */
type FormInput<T> = { [K in keyof T]?: string };

export function readAnswer(body: FormInput<AnswerInput>): AnswerInput {
  return { answer: multiline(body.answer) };
}
export function readClose(body: FormInput<CloseInput>): CloseInput {
  return { reason: body.reason ?? '', close_note: multiline(body.close_note) };
}
export function readNote(body: FormInput<NoteInput>): NoteInput {
  return { note: multiline(body.note) };
}

export function validateAnswer(input: AnswerInput): FormErrors<AnswerInput> {
  if (!input.answer) return { answer: 'error.answerRequired' };
  if (input.answer.length > ANSWER_MAX) return { answer: 'error.answerTooLong' };
  return {};
}

export function validateClose(input: CloseInput, status: ReportStatus): FormErrors<CloseInput> {
  const errors: FormErrors<CloseInput> = {};
  const reason = CLOSE_REASONS.find((r) => r === input.reason);
  if (!reason) errors.reason = 'error.reasonRequired';
  else if (reason === 'answered' && status !== 'answered') errors.reason = 'error.reasonAnswered';
  if (input.close_note.length > CLOSE_NOTE_MAX) errors.close_note = 'error.noteTooLong';
  else if (reason === 'other' && !input.close_note) errors.close_note = 'error.noteRequired';
  return errors;
}

export function validateNote(input: NoteInput): FormErrors<NoteInput> {
  return input.note.length > NOTE_MAX ? { note: 'error.noteTooLong' } : {};
}

// Changes.

export type ChangeResult<T> =
  | { kind: 'done'; emailed?: boolean }
  | { kind: 'invalid'; errors: FormErrors<T> }
  | { kind: 'conflict'; message: ReportMessageKey }
  | { kind: 'not-found' };

const actor = (staff: Staff): AuditActor => ({ id: staff.accountId, label: '' });

/** The answer e-mail: the staff's answer and fixed texts in the report's language, nothing typed by the reporter. */
export function answerMail(
  region: Region,
  origin: string,
  report: { id: number; language: Lang },
  answer: string,
): { subject: string; text: string } {
  const lang = report.language;
  const m = (key: ReportMessageKey, params?: Record<string, string>) => reportMessages.t(lang, key, params);
  const regionName = region.name[lang];
  return {
    subject: m('mail.subject', { region: regionName }),
    text: [
      m('mail.intro', { region: regionName }),
      '',
      answer,
      '',
      m('mail.reference', { id: `#${report.id}` }),
      m('mail.statement', { url: `${origin}/${lang}/accessibility` }),
      m('mail.digg'),
      '',
      m('mail.signature', { region: region.contact.organisation || regionName }),
    ].join('\n'),
  };
}

export async function answerReport(
  deps: Deps,
  region: Region,
  origin: string,
  staff: Staff,
  id: number,
  input: AnswerInput,
): Promise<ChangeResult<AnswerInput>> {
  const errors = validateAnswer(input);
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
  return deps.db.transaction().execute(async (trx) => {
    const report = await findReport(trx, region.id, id);
    if (!report) return { kind: 'not-found' };
    const emailed = Boolean(report.email);
    const stored = await storeAnswer(trx, {
      regionId: region.id,
      id,
      answer: input.answer,
      accountId: staff.accountId,
      emailed,
    });
    if (!stored)
      return {
        kind: 'conflict',
        message: report.status === 'closed' ? 'error.alreadyClosed' : 'error.alreadyAnswered',
      };
    if (report.email) {
      const language: Lang = report.language === 'en' ? 'en' : 'sv';
      const mail = answerMail(region, origin, { id, language }, input.answer);
      const mailId = await queueMail(trx, deps.queue, {
        regionId: region.id,
        to: report.email,
        replyTo: region.contact.email,
        language,
        subject: mail.subject,
        text: mail.text,
      });
      await storeAnswerMail(trx, region.id, id, mailId);
    }
    await recordAudit(trx, {
      regionId: region.id,
      actor: actor(staff),
      organisationId: staff.organisationId,
      action: 'accessibility_report.answered',
      subjectType: 'accessibility_report',
      subjectId: String(id),
      data: { name: `#${id}`, emailed },
    });
    return { kind: 'done', emailed };
  });
}

export async function closeReport(
  deps: Deps,
  regionId: string,
  staff: Staff,
  id: number,
  input: CloseInput,
): Promise<ChangeResult<CloseInput>> {
  return deps.db.transaction().execute(async (trx) => {
    const report = await findReport(trx, regionId, id);
    if (!report) return { kind: 'not-found' };
    if (report.status === 'closed') return { kind: 'conflict', message: 'error.alreadyClosed' };
    const errors = validateClose(input, report.status);
    if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
    const reason = input.reason as CloseReason;
    const stored = await storeClose(trx, {
      regionId,
      id,
      reason,
      note: input.close_note,
      accountId: staff.accountId,
    });
    if (!stored) return { kind: 'conflict', message: 'error.alreadyClosed' };
    await recordAudit(trx, {
      regionId,
      actor: actor(staff),
      organisationId: staff.organisationId,
      action: 'accessibility_report.closed',
      subjectType: 'accessibility_report',
      subjectId: String(id),
      data: { name: `#${id}`, reason, answered: report.status === 'answered' },
    });
    return { kind: 'done' };
  });
}

export async function saveNote(
  deps: Deps,
  regionId: string,
  staff: Staff,
  id: number,
  input: NoteInput,
): Promise<ChangeResult<NoteInput>> {
  const errors = validateNote(input);
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };
  return deps.db.transaction().execute(async (trx) => {
    if (!(await storeNote(trx, { regionId, id, note: input.note }))) return { kind: 'not-found' };
    await recordAudit(trx, {
      regionId,
      actor: actor(staff),
      organisationId: staff.organisationId,
      action: 'accessibility_report.noted',
      subjectType: 'accessibility_report',
      subjectId: String(id),
      data: { name: `#${id}` },
    });
    return { kind: 'done' };
  });
}
