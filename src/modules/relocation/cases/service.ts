/**
 * The rules of working a case. Each change takes the scope (who acts, what they may see), a case
 * id and parsed form input, and runs in one transaction with its history entry (`addCaseEvent`)
 * and its audit event (`relocation.case.<verb>`); a case outside the scope is "not found".
 *
 * - take: the case is held by me; hand over: to a colleague of any organisation of the region
 *   (who must still be a navigator when the form is sent), whose organisation's inbox it joins,
 *   with a note and an e-mail to them.
 * - note / logged contact and stage changes stop the first-response clock (once).
 * - stage: any move; 'moved' and 'settled' record the outcome, 'closed' a reason; reaching 'moved'
 *   plans the follow-ups (3, 12, 24 months) when an adult consented to them.
 * - tasks (with an e-mail reminder on the due day, tasks.ts) and meetings.
 * - the household is told by e-mail of a meeting planned or cancelled and of a handover
 *   (household-mails.ts).
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { parseDate } from '../../../platform/html/forms.ts';
import { isLang, type Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { Region } from '../../../platform/region.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { isUuid } from '../../../platform/http/params.ts';
import {
  addCaseEvent,
  caseById,
  caseInScope,
  personsOf,
  type PersonRow,
  markFirstResponse,
  navigatorName,
  navigatorsOf,
  setStage,
  type CaseRow,
  type CaseScope,
  type Navigator,
  organisationName,
} from '../cases.ts';
import {
  CLOSE_REASONS,
  OPEN_STAGES,
  EMPLOYMENTS,
  FOLLOWUP_MONTHS,
  MEETING_CHANNELS,
  PARTNER_EMPLOYMENTS,
  STAGES,
  casePath,
  isOneOf,
  stockholmToday,
  type Stage,
} from '../model.ts';
import { mailHandedOver, mailMeetingCancelled, mailMeetingPlanned } from './household-mails.ts';
import { caseMessages, type CaseMessageKey } from './messages.ts';
import {
  INBOX_VIEWS,
  accountName,
  cancelMeeting,
  consentsOfCase,
  contactWithdrawnOf,
  countInbox,
  eventsOfCase,
  listInbox,
  meetingsOfCase,
  tasksOfCase,
  type ConsentRow,
  type EventRow,
  type InboxFilter,
  type InboxRow,
  type InboxView,
  type MeetingRow,
  type TaskRow,
  claimReminder,
  dueTaskIds,
  hasFollowupConsent,
  insertFollowups,
  insertMeeting,
  insertTask,
  lockCase,
  setNavigator,
  setOutcome,
  setTaskDone,
} from './repository.ts';
import { loadRegions } from '../../regions/repository.ts';

export const NOTE_MAX = 4000;
export const HANDOVER_NOTE_MAX = 2000;
export const TASK_TITLE_MAX = 200;
export const PLACE_MAX = 200;
export const MEETING_NOTE_MAX = 2000;
export const CONTACT_CHANNELS = MEETING_CHANNELS;

export interface Deps {
  db: Kysely<DB>;
  queue: TaskQueue;
}

export type FormErrors<T> = Partial<Record<keyof T, CaseMessageKey>>;
type FormInput<T> = { [K in keyof T]?: string };

export type ChangeResult<T> =
  { kind: 'done'; inScope?: boolean } | { kind: 'invalid'; errors: FormErrors<T> } | { kind: 'not-found' };

const invalid = <T>(errors: FormErrors<T>): ChangeResult<T> | undefined =>
  Object.keys(errors).length > 0 ? { kind: 'invalid', errors } : undefined;

/** Line breaks kept, other control characters dropped, trimmed. */
function multiline(value: string | undefined): string {
  return (value ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/(?![\n\t])\p{Cc}/gu, '')
    .trim();
}
function line(value: string | undefined): string {
  return (value ?? '').replace(/\p{Cc}/gu, ' ').trim();
}

const audit = (
  trx: Kysely<DB>,
  scope: CaseScope,
  c: { id: string; ref: number },
  verb: string,
  data: Record<string, string | number | boolean | null> = {},
) =>
  recordAudit(trx, {
    regionId: scope.regionId,
    actor: { id: scope.accountId, label: '' },
    organisationId: scope.organisationId,
    action: `relocation.case.${verb}`,
    subjectType: 'relocation_case',
    subjectId: c.id,
    data: { name: String(c.ref), ...data },
  });

/** The case, locked for the change, when the scope may see it. */
async function caseForChange(
  trx: Kysely<DB>,
  scope: CaseScope,
  caseId: string,
): Promise<CaseRow | undefined> {
  if (!(await caseInScope(trx, scope, caseId))) return undefined;
  return lockCase(trx, scope.regionId, caseId);
}

// Take.

export async function takeCase(deps: Deps, scope: CaseScope, caseId: string): Promise<ChangeResult<object>> {
  return deps.db.transaction().execute(async (trx) => {
    const c = await caseForChange(trx, scope, caseId);
    if (!c) return { kind: 'not-found' };
    if (c.navigator_id === scope.accountId) return { kind: 'done' };
    await setNavigator(trx, scope.regionId, c.id, { navigatorId: scope.accountId });
    await addCaseEvent(trx, {
      regionId: scope.regionId,
      caseId: c.id,
      actorId: scope.accountId,
      kind: 'taken',
      data: { from: c.navigator_id },
    });
    await audit(trx, scope, c, 'taken');
    return { kind: 'done' };
  });
}

// Hand over.

export interface HandoverInput {
  navigator: string;
  note: string;
}

export function readHandover(body: FormInput<HandoverInput>): HandoverInput {
  return { navigator: line(body.navigator), note: multiline(body.note) };
}

/** The value of a colleague in the handover select: account and organisation. */
export function navigatorValue(n: Pick<Navigator, 'accountId' | 'organisationId'>): string {
  return `${n.accountId}:${n.organisationId}`;
}

export async function handOver(
  deps: Deps,
  region: Region,
  origin: string,
  scope: CaseScope,
  caseId: string,
  input: HandoverInput,
): Promise<ChangeResult<HandoverInput>> {
  const errors: FormErrors<HandoverInput> = {};
  if (!input.note) errors.note = 'error.noteRequired';
  else if (input.note.length > HANDOVER_NOTE_MAX) errors.note = 'error.tooLong';
  const [accountId, organisationId] = input.navigator.split(':');
  if (!input.navigator) errors.navigator = 'error.navigatorRequired';
  else if (!isUuid(accountId) || !isUuid(organisationId)) errors.navigator = 'error.navigatorGone';
  const early = invalid(errors);
  if (early) return early;
  return deps.db.transaction().execute(async (trx) => {
    const c = await caseForChange(trx, scope, caseId);
    if (!c) return { kind: 'not-found' };
    const colleague = (await navigatorsOf(trx, scope.regionId)).find(
      (n) => n.accountId === accountId && n.organisationId === organisationId,
    );
    if (!colleague) return { kind: 'invalid', errors: { navigator: 'error.navigatorGone' } };
    await setNavigator(trx, scope.regionId, c.id, {
      navigatorId: colleague.accountId,
      organisationId: colleague.organisationId,
    });
    await addCaseEvent(trx, {
      regionId: scope.regionId,
      caseId: c.id,
      actorId: scope.accountId,
      kind: 'handover',
      body: input.note,
      // The colleague by account id: the case file shows their name while the account exists.
      data: { to: colleague.accountId, organisation: colleague.organisationName },
    });
    // No name in the audit trail either: the account id (the audit pages look it up) and the
    // colleague's organisation.
    await audit(trx, scope, c, 'handed_over', {
      account_id: colleague.accountId,
      to_organisation: colleague.organisationName,
    });
    if (colleague.accountId !== scope.accountId) {
      const lang: Lang = isLang(colleague.language) ? colleague.language : 'sv';
      const from = await accountName(trx, scope.regionId, scope.accountId);
      const t = (key: CaseMessageKey, params?: Record<string, string>) => caseMessages.t(lang, key, params);
      const ref = String(c.ref);
      await queueMail(trx, deps.queue, {
        regionId: scope.regionId,
        to: colleague.email,
        language: lang,
        subject: t('mail.handover.subject', { ref }),
        text: [
          t('mail.handover.intro', {
            ref,
            from: from ? navigatorName(from) : t('someone'),
            region: region.name[lang],
          }),
          '',
          input.note,
          '',
          t('mail.handover.link', { url: `${origin}${casePath(c.id)}` }),
        ].join('\n'),
      });
    }
    if (colleague.accountId !== c.navigator_id)
      await mailHandedOver({ db: trx, queue: deps.queue, region, origin }, c, colleague);
    const still = await caseInScope(trx, scope, c.id);
    return { kind: 'done', inScope: still !== undefined };
  });
}

// Notes and logged contacts.

export interface NoteInput {
  body: string;
  channel: string;
}

export function readNote(body: FormInput<NoteInput>): NoteInput {
  return { body: multiline(body.body), channel: line(body.channel) };
}

export async function addNote(
  deps: Deps,
  scope: CaseScope,
  caseId: string,
  input: NoteInput,
): Promise<ChangeResult<NoteInput>> {
  const errors: FormErrors<NoteInput> = {};
  if (!input.body) errors.body = 'error.noteRequired';
  else if (input.body.length > NOTE_MAX) errors.body = 'error.tooLong';
  if (input.channel && !isOneOf(CONTACT_CHANNELS, input.channel)) errors.channel = 'error.channel';
  const early = invalid(errors);
  if (early) return early;
  return deps.db.transaction().execute(async (trx) => {
    const c = await caseForChange(trx, scope, caseId);
    if (!c) return { kind: 'not-found' };
    const contact = input.channel !== '';
    await addCaseEvent(trx, {
      regionId: scope.regionId,
      caseId: c.id,
      actorId: scope.accountId,
      kind: contact ? 'contact' : 'note',
      body: input.body,
      data: contact ? { channel: input.channel } : {},
    });
    await markFirstResponse(trx, scope.regionId, c.id, scope.accountId);
    await audit(
      trx,
      scope,
      c,
      contact ? 'contact_logged' : 'noted',
      contact ? { channel: input.channel } : {},
    );
    return { kind: 'done' };
  });
}

// Stage and outcome.

export interface StageInput {
  stage: string;
  outcome_municipality: string;
  main_employment: string;
  partner_employment: string;
  moved_on: string;
  close_reason: string;
}

export function readStage(body: FormInput<StageInput>): StageInput {
  return {
    stage: line(body.stage),
    outcome_municipality: line(body.outcome_municipality),
    main_employment: line(body.main_employment),
    partner_employment: line(body.partner_employment),
    moved_on: line(body.moved_on),
    close_reason: line(body.close_reason),
  };
}

/** 'moved' and 'settled' need the outcome. */
export const OUTCOME_STAGES: readonly Stage[] = ['moved', 'settled'];

export function validateStage(region: Region, input: StageInput, now: Date): FormErrors<StageInput> {
  const errors: FormErrors<StageInput> = {};
  if (!isOneOf(STAGES, input.stage)) {
    errors.stage = 'error.stage';
    return errors;
  }
  if (OUTCOME_STAGES.includes(input.stage)) {
    if (!region.municipalities.some((m) => m.code === input.outcome_municipality))
      errors.outcome_municipality = 'error.outcomeMunicipality';
    if (!isOneOf(EMPLOYMENTS, input.main_employment)) errors.main_employment = 'error.mainEmployment';
    if (!isOneOf(PARTNER_EMPLOYMENTS, input.partner_employment))
      errors.partner_employment = 'error.partnerEmployment';
    const day = parseDate(input.moved_on);
    if (!input.moved_on) errors.moved_on = 'error.movedOnRequired';
    else if (!day) errors.moved_on = 'error.date';
    else if (day > stockholmToday(now)) errors.moved_on = 'error.movedOnFuture';
  }
  if (input.stage === 'closed' && !isOneOf(CLOSE_REASONS, input.close_reason))
    errors.close_reason = 'error.closeReason';
  return errors;
}

export async function changeStage(
  deps: Deps,
  region: Region,
  scope: CaseScope,
  caseId: string,
  input: StageInput,
  now = new Date(),
): Promise<ChangeResult<StageInput>> {
  const early = invalid(validateStage(region, input, now));
  if (early) return early;
  const stage = input.stage as Stage;
  return deps.db.transaction().execute(async (trx) => {
    const c = await caseForChange(trx, scope, caseId);
    if (!c) return { kind: 'not-found' };
    if (OUTCOME_STAGES.includes(stage)) {
      await setOutcome(trx, scope.regionId, c.id, {
        kind: 'moved',
        municipality: input.outcome_municipality,
        main: input.main_employment,
        partner: input.partner_employment,
        movedOn: input.moved_on,
      });
    } else if (stage === 'closed') {
      await setOutcome(trx, scope.regionId, c.id, { kind: 'closed', reason: input.close_reason });
    } else {
      await setOutcome(trx, scope.regionId, c.id, { kind: 'open' });
    }
    if (stage !== c.stage) await setStage(trx, scope.regionId, c.id, stage);
    const data: Record<string, string | null> = { from: c.stage, to: stage };
    if (stage === 'closed') data.reason = input.close_reason;
    if (OUTCOME_STAGES.includes(stage)) {
      data.municipality = input.outcome_municipality;
      data.movedOn = input.moved_on;
    }
    await addCaseEvent(trx, {
      regionId: scope.regionId,
      caseId: c.id,
      actorId: scope.accountId,
      kind: 'stage',
      data,
    });
    await markFirstResponse(trx, scope.regionId, c.id, scope.accountId);
    let followups = false;
    if (stage === 'moved' && (await hasFollowupConsent(trx, scope.regionId, c.id))) {
      await insertFollowups(trx, scope.regionId, c.id, input.moved_on, FOLLOWUP_MONTHS);
      followups = true;
    }
    await audit(trx, scope, c, 'stage_changed', { from: c.stage, to: stage, followups });
    return { kind: 'done' };
  });
}

// Tasks.

export interface TaskInput {
  title: string;
  due_on: string;
  assignee: string;
}

export function readTask(body: FormInput<TaskInput>): TaskInput {
  return { title: line(body.title), due_on: line(body.due_on), assignee: line(body.assignee) };
}

export async function addTask(
  deps: Deps,
  scope: CaseScope,
  caseId: string,
  input: TaskInput,
): Promise<ChangeResult<TaskInput>> {
  const errors: FormErrors<TaskInput> = {};
  if (!input.title) errors.title = 'error.titleRequired';
  else if (input.title.length > TASK_TITLE_MAX) errors.title = 'error.tooLong';
  const day = parseDate(input.due_on);
  if (!input.due_on) errors.due_on = 'error.dueRequired';
  else if (!day) errors.due_on = 'error.date';
  if (input.assignee && input.assignee !== 'me' && !isUuid(input.assignee))
    errors.assignee = 'error.assigneeGone';
  const early = invalid(errors);
  if (early) return early;
  return deps.db.transaction().execute(async (trx) => {
    const c = await caseForChange(trx, scope, caseId);
    if (!c) return { kind: 'not-found' };
    let assigneeId = scope.accountId;
    if (input.assignee && input.assignee !== 'me') {
      const colleague = (await navigatorsOf(trx, scope.regionId)).find((n) => n.accountId === input.assignee);
      if (!colleague) return { kind: 'invalid', errors: { assignee: 'error.assigneeGone' } };
      assigneeId = colleague.accountId;
    }
    const taskId = await insertTask(trx, {
      regionId: scope.regionId,
      caseId: c.id,
      title: input.title,
      dueOn: input.due_on,
      assigneeId,
      createdBy: scope.accountId,
    });
    await addCaseEvent(trx, {
      regionId: scope.regionId,
      caseId: c.id,
      actorId: scope.accountId,
      kind: 'task.added',
      body: input.title,
      data: { task: taskId, due: input.due_on },
    });
    await audit(trx, scope, c, 'task_added');
    return { kind: 'done' };
  });
}

export async function markTask(
  deps: Deps,
  scope: CaseScope,
  caseId: string,
  taskId: string,
  done: boolean,
): Promise<ChangeResult<object>> {
  return deps.db.transaction().execute(async (trx) => {
    const c = await caseForChange(trx, scope, caseId);
    if (!c || !isUuid(taskId)) return { kind: 'not-found' };
    const task = await setTaskDone(trx, scope.regionId, c.id, taskId, done);
    if (!task) return { kind: 'done' };
    await addCaseEvent(trx, {
      regionId: scope.regionId,
      caseId: c.id,
      actorId: scope.accountId,
      kind: done ? 'task.done' : 'task.undone',
      body: task.title,
      data: { task: taskId },
    });
    await audit(trx, scope, c, done ? 'task_done' : 'task_reopened');
    return { kind: 'done' };
  });
}

// Meetings.

export interface MeetingInput {
  date: string;
  time: string;
  minutes: string;
  channel: string;
  place: string;
  note: string;
}

export function readMeeting(body: FormInput<MeetingInput>): MeetingInput {
  return {
    date: line(body.date),
    time: line(body.time),
    minutes: line(body.minutes),
    channel: line(body.channel),
    place: line(body.place),
    note: multiline(body.note),
  };
}

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

export async function planMeeting(
  deps: Deps,
  region: Region,
  origin: string,
  scope: CaseScope,
  caseId: string,
  input: MeetingInput,
): Promise<ChangeResult<MeetingInput>> {
  const errors: FormErrors<MeetingInput> = {};
  const day = parseDate(input.date);
  if (!input.date) errors.date = 'error.dateRequired';
  else if (!day) errors.date = 'error.date';
  const time = TIME.exec(input.time);
  if (!time) errors.time = 'error.time';
  const minutes = /^\d{1,3}$/.test(input.minutes) ? Number(input.minutes) : NaN;
  if (!(minutes >= 10 && minutes <= 480)) errors.minutes = 'error.minutes';
  if (!isOneOf(MEETING_CHANNELS, input.channel)) errors.channel = 'error.channel';
  if (input.place.length > PLACE_MAX) errors.place = 'error.tooLong';
  if (input.note.length > MEETING_NOTE_MAX) errors.note = 'error.tooLong';
  const early = invalid(errors);
  if (early || !time) return early ?? { kind: 'invalid', errors };
  const hhmm = `${time[1]!.padStart(2, '0')}:${time[2]}`;
  return deps.db.transaction().execute(async (trx) => {
    const c = await caseForChange(trx, scope, caseId);
    if (!c) return { kind: 'not-found' };
    const meeting = await insertMeeting(trx, {
      regionId: scope.regionId,
      caseId: c.id,
      navigatorId: scope.accountId,
      date: input.date,
      time: hhmm,
      minutes,
      channel: input.channel,
      place: input.place,
      note: input.note,
    });
    await addCaseEvent(trx, {
      regionId: scope.regionId,
      caseId: c.id,
      actorId: scope.accountId,
      kind: 'meeting.planned',
      body: input.note,
      data: { meeting: meeting.id, startsAt: meeting.starts_at.toISOString(), channel: input.channel },
    });
    await audit(trx, scope, c, 'meeting_planned');
    await mailMeetingPlanned(
      { db: trx, queue: deps.queue, region, origin },
      c,
      await accountName(trx, scope.regionId, scope.accountId),
      { startsAt: meeting.starts_at, minutes, channel: input.channel, place: input.place },
    );
    return { kind: 'done' };
  });
}

export async function cancelCaseMeeting(
  deps: Deps,
  region: Region,
  origin: string,
  scope: CaseScope,
  caseId: string,
  meetingId: string,
): Promise<ChangeResult<object>> {
  return deps.db.transaction().execute(async (trx) => {
    const c = await caseForChange(trx, scope, caseId);
    if (!c || !isUuid(meetingId)) return { kind: 'not-found' };
    const meeting = await cancelMeeting(trx, scope.regionId, c.id, meetingId);
    if (!meeting) return { kind: 'done' };
    await addCaseEvent(trx, {
      regionId: scope.regionId,
      caseId: c.id,
      actorId: scope.accountId,
      kind: 'meeting.cancelled',
      data: { meeting: meetingId, startsAt: meeting.starts_at.toISOString() },
    });
    await audit(trx, scope, c, 'meeting_cancelled');
    if (meeting.starts_at > new Date())
      await mailMeetingCancelled(
        { db: trx, queue: deps.queue, region, origin },
        c,
        await accountName(trx, scope.regionId, scope.accountId),
        { startsAt: meeting.starts_at, channel: meeting.channel },
      );
    return { kind: 'done' };
  });
}

// Reminders (the task relocation.tasks.remind).

/**
 * One e-mail per task not done whose due day (Stockholm) has come and that has not been reminded:
 * to the assignee, else the case's navigator, in their language. Each task is claimed by setting
 * reminded_at in the transaction that queues its mail, so a second run sends nothing again.
 * Returns how many mails were queued.
 */
export async function sendTaskReminders(deps: Deps, publicOrigin: string, now = new Date()): Promise<number> {
  const today = stockholmToday(now);
  let sent = 0;
  for (const region of await loadRegions(deps.db)) {
    const origin = region.canonicalOrigin ?? publicOrigin;
    for (const taskId of await dueTaskIds(deps.db, region.id, today)) {
      const mailed = await deps.db.transaction().execute(async (trx) => {
        const task = await claimReminder(trx, region.id, taskId, today);
        if (!task) return false;
        const to = await accountName(trx, region.id, task.recipient_id);
        if (!to) return false;
        const lang: Lang = isLang(to.language) ? to.language : 'sv';
        const t = (key: CaseMessageKey, params?: Record<string, string>) => caseMessages.t(lang, key, params);
        const ref = String(task.ref);
        await queueMail(trx, deps.queue, {
          regionId: region.id,
          to: to.email,
          language: lang,
          subject: t('mail.reminder.subject', { ref, title: task.title }),
          text: [
            t('mail.reminder.intro', { ref, title: task.title }),
            '',
            t('mail.reminder.link', { url: `${origin}${casePath(task.case_id)}#tasks` }),
          ].join('\n'),
        });
        return true;
      });
      if (mailed) sent += 1;
    }
  }
  return sent;
}

// Reads: the inbox and the case file.

export const PAGE_SIZE = 50;

export interface Inbox {
  filter: InboxFilter;
  page: number;
  pages: number;
  total: number;
  rows: InboxRow[];
  /** How many cases each view holds (the tabs). */
  counts: Record<InboxView, number>;
}

/** The inbox's query string: view, stage and municipality (of the region), page. */
export function readInboxQuery(
  region: Region,
  query: Record<string, unknown>,
): { filter: InboxFilter; page: number } {
  const view = INBOX_VIEWS.find((v) => v === query.view) ?? 'new';
  const filter: InboxFilter = { view };
  if (view === 'open') {
    if (isOneOf(OPEN_STAGES, query.stage)) filter.stage = query.stage;
    const m = query.municipality;
    if (m === 'none' || region.municipalities.some((x) => x.code === m)) filter.municipality = m as string;
  }
  const raw = typeof query.page === 'string' && /^[1-9]\d{0,4}$/.test(query.page) ? Number(query.page) : 1;
  return { filter, page: raw };
}

export async function inbox(
  db: Kysely<DB>,
  scope: CaseScope,
  filter: InboxFilter,
  page: number,
): Promise<Inbox> {
  const counts = {} as Record<InboxView, number>;
  for (const view of INBOX_VIEWS)
    counts[view] = await countInbox(db, scope, view === filter.view ? filter : { view });
  const total = counts[filter.view];
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(page, pages);
  const rows = await listInbox(db, scope, filter, (current - 1) * PAGE_SIZE, PAGE_SIZE);
  return { filter, page: current, pages, total, rows, counts };
}

export interface CaseFile {
  case: CaseRow;
  persons: PersonRow[];
  consents: ConsentRow[];
  navigator: { name: string; email: string } | null;
  firstResponder: { name: string; email: string } | null;
  organisation: string;
  tasks: TaskRow[];
  meetings: MeetingRow[];
  events: EventRow[];
  /** The surviving case of a merged duplicate. */
  mergedInto: { id: string; ref: number } | null;
  /** Colleagues to hand over to or give a task to. */
  navigators: Navigator[];
  /** When the main mover withdrew the 'contact' consent (the page says so at the top), else null. */
  contactWithdrawnAt: Date | null;
}

export async function caseFile(
  db: Kysely<DB>,
  scope: CaseScope,
  caseId: string,
): Promise<CaseFile | undefined> {
  const c = await caseInScope(db, scope, caseId);
  if (!c) return undefined;
  const region = scope.regionId;
  const [
    persons,
    consents,
    navigator,
    firstResponder,
    organisation,
    tasks,
    meetings,
    events,
    navigators,
    contactWithdrawnAt,
  ] = await Promise.all([
    personsOf(db, region, c.id),
    consentsOfCase(db, region, c.id),
    accountName(db, region, c.navigator_id),
    accountName(db, region, c.first_response_by),
    organisationName(db, region, c.organisation_id),
    tasksOfCase(db, region, c.id),
    meetingsOfCase(db, region, c.id),
    eventsOfCase(db, region, c.id),
    navigatorsOf(db, region),
    contactWithdrawnOf(db, region, c.id),
  ]);
  const survivor = c.merged_into ? await caseById(db, region, c.merged_into) : undefined;
  return {
    case: c,
    persons,
    consents,
    navigator,
    firstResponder,
    organisation,
    tasks,
    meetings,
    events,
    mergedInto: survivor ? { id: survivor.id, ref: survivor.ref } : null,
    navigators,
    contactWithdrawnAt,
  };
}
