/**
 * The organisers' rules. Each change takes the access (who acts, what they reach), an event id and
 * checked input, and runs in one transaction under the event row's lock (lockEvent) with its audit
 * event `event.<verb>`; an event the access does not manage is "not found".
 *
 * - create (a draft with a slug made from its title, unique in the region) and save (over the
 *   version the form started from; capacity never below the seats taken);
 * - workflow: an approver publishes a draft or one in review at once; others send it for review;
 *   an approver sends it back with a comment; unpublish back to draft only while nobody is
 *   registered; cancel a published event with a reason — every live registration cancelled, its
 *   seats released, each person mailed in their language; delete a draft nobody registered for;
 * - the organisations (co-organisers, exhibiting employers with a stand), the programme and the
 *   questions;
 * - the follow-up mail after the event, sent once to the checked-in or all confirmed.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { isUuid } from '../../../platform/http/params.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { parseTime, stockholmDate, stockholmInstant } from '../../../platform/i18n/stockholm.ts';
import { parseDate } from '../../../platform/html/forms.ts';
import { line, multiline } from '../../../platform/html/form-values.ts';
import { queueMail, type MailAttachment } from '../../../platform/mail/outbox.ts';
import type { Region } from '../../../platform/region.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { usableImages } from '../../content/media/service.ts';
import {
  eventForAccess,
  eventTitle,
  lockEvent,
  releaseSeats,
  type EventAccess,
  type EventRow,
} from '../events.ts';
import {
  LIVE_STATUSES,
  PROGRAMME_KINDS,
  QUESTION_KINDS,
  RESERVED_SLUGS,
  SEAT_STATUSES,
  eventPath,
  isOneOf,
  type EventOrganisationRole,
} from '../model.ts';
import { cancellingAttachment } from '../registration/mails.ts';
import {
  pendingJson,
  readPending,
  sameAsLive,
  slugFrom,
  splitValues,
  type EventFormContext,
  type EventValues,
} from './form.ts';
import { eventEnded } from './ended.ts';
import { adminMessages, type AdminMessageKey } from './messages.ts';
import {
  MAX_ORGANISATIONS,
  MAX_PROGRAMME,
  MAX_QUESTIONS,
  anyRegistration,
  countOrganisations,
  liveRegistrations,
  networkGroups,
  organisationKind,
  slugsLike,
} from './repository.ts';

export interface Deps {
  db: Kysely<DB>;
  queue: TaskQueue;
}

export type Errors = Partial<Record<string, AdminMessageKey>>;

export type Result =
  | { kind: 'done'; id?: string; pending?: boolean }
  | { kind: 'invalid'; errors: Errors; params?: Record<string, string> }
  | { kind: 'refused'; reason: AdminMessageKey }
  | { kind: 'stale' }
  | { kind: 'not-found' };

const NOT_FOUND: Result = { kind: 'not-found' };
const refused = (reason: AdminMessageKey): Result => ({ kind: 'refused', reason });

export const COMMENT_MAX = 1000;
export const REASON_MAX = 1000;
export const STAND_MAX = 60;
export const FOLLOWUP_MAX = 2000;
export const CHOICES_MAX = 12;
export const CHOICE_MAX = 100;

/** What the event form needs of the region, the library and the network. */
export async function formContext(
  db: Kysely<DB>,
  region: Region,
  access: EventAccess,
): Promise<EventFormContext> {
  const images = await usableImages(db, region.id, { owners: [access.organisationId, null] });
  const groups = await networkGroups(db, region.id);
  return {
    municipalityCodes: new Set(region.municipalities.map((m) => m.code)),
    images: new Map(images.filter((i) => !i.expired).map((i) => [i.slug, i.id])),
    groups: new Set(groups.map((g) => g.id)),
  };
}

function audit(
  trx: Kysely<DB>,
  access: EventAccess,
  event: Pick<EventRow, 'id' | 'title_sv' | 'title_en' | 'organisation_id'>,
  verb: string,
  data: Record<string, string | number | boolean | null> = {},
) {
  return recordAudit(trx, {
    regionId: access.regionId,
    actor: { id: access.accountId, label: '' },
    organisationId: event.organisation_id,
    action: `event.${verb}`,
    subjectType: 'event',
    subjectId: event.id,
    data: { name: eventTitle(event, 'sv'), ...data },
  });
}

/**
 * Runs a change of one managed event under its row's lock: `change` gets the locked row; anything
 * the access does not manage (an exhibitor's view included) is "not found".
 */
async function withManagedEvent(
  db: Kysely<DB>,
  access: EventAccess,
  eventId: string,
  change: (trx: Transaction<DB>, event: EventRow) => Promise<Result>,
): Promise<Result> {
  if (!isUuid(eventId)) return NOT_FOUND;
  const reach = await eventForAccess(db, access, eventId);
  if (!reach || reach.relation !== 'manage') return NOT_FOUND;
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, access.regionId, eventId);
    if (!event) return NOT_FOUND;
    return change(trx, event);
  });
}

/**
 * A change to what the event's page shows beside its own fields (programme, questions,
 * organisations): a new version, so a publish carrying an older page's version is refused (stale).
 */
async function bumpVersion(trx: Kysely<DB>, access: EventAccess, eventId: string): Promise<void> {
  await trx
    .updateTable('events')
    .set({ version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('region_id', '=', access.regionId)
    .where('id', '=', eventId)
    .execute();
}

/**
 * Whether a change to a published event's programme, questions or organisations is the region's:
 * an organisation without EventsApprove does not change what visitors see unreviewed.
 */
const reviewedOnly = (access: EventAccess, event: EventRow) =>
  event.status === 'published' && !access.canApprove;

async function uniqueSlug(db: Kysely<DB>, regionId: string, title: string): Promise<string> {
  const base = slugFrom(title);
  const taken = await slugsLike(db, regionId, base);
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!RESERVED_SLUGS.has(slug) && !taken.has(slug)) return slug;
  }
  return `${base}-${Date.now().toString(36)}`;
}

export async function createEvent(db: Kysely<DB>, access: EventAccess, values: EventValues): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const slug = await uniqueSlug(trx, access.regionId, values.title_sv || values.title_en);
    const row = await trx
      .insertInto('events')
      .values({
        region_id: access.regionId,
        organisation_id: access.organisationId,
        slug,
        status: 'draft',
        ...values,
        created_by: access.accountId,
      })
      .returning(['id', 'title_sv', 'title_en', 'organisation_id'])
      .executeTakeFirstOrThrow();
    await audit(trx, access, row, 'created');
    return row.id;
  });
}

export async function saveEvent(
  db: Kysely<DB>,
  access: EventAccess,
  eventId: string,
  version: string,
  values: EventValues,
): Promise<Result> {
  return withManagedEvent(db, access, eventId, async (trx, event) => {
    if (event.status === 'cancelled') return refused('refused.cancelled');
    if (String(event.version) !== version.trim()) return { kind: 'stale' };
    if (values.capacity !== null && values.capacity < event.seats_taken)
      return {
        kind: 'invalid',
        errors: { capacity: 'error.capacityBelowTaken' },
        params: { taken: String(event.seats_taken) },
      };
    if (event.status === 'published' && !access.canApprove) {
      // Visitors and registrants keep seeing what the region approved: the edit waits for review,
      // but for the seats and the registration window, which apply at once.
      const { immediate, reviewed } = splitValues(values);
      const waiting = !sameAsLive(event, reviewed);
      await trx
        .updateTable('events')
        .set({
          ...immediate,
          pending: waiting
            ? pendingJson({ values: reviewed, by: access.accountId, at: new Date(), comment: '' })
            : null,
          version: sql<number>`version + 1`,
          updated_at: sql`now()`,
        })
        .where('region_id', '=', access.regionId)
        .where('id', '=', eventId)
        .where('version', '=', event.version)
        .execute();
      await audit(trx, access, event, waiting ? 'changes_submitted' : 'updated');
      return { kind: 'done', pending: waiting };
    }
    await trx
      .updateTable('events')
      .set({ ...values, version: sql<number>`version + 1`, updated_at: sql`now()` })
      .where('region_id', '=', access.regionId)
      .where('id', '=', eventId)
      .where('version', '=', event.version)
      .execute();
    await audit(trx, access, { ...event, ...values }, 'updated');
    return { kind: 'done' };
  });
}

/** The version a page showed, as posted, is the event's current one. */
const sameVersion = (event: EventRow, version: string | undefined) =>
  version !== undefined && String(event.version) === version.trim();

/**
 * An approver publishes an organiser's pending changes to its published event: over the version
 * the approver saw (else "stale": the page again with the current changes).
 */
export async function publishChanges(
  db: Kysely<DB>,
  access: EventAccess,
  eventId: string,
  version: string,
): Promise<Result> {
  return withManagedEvent(db, access, eventId, async (trx, event) => {
    if (!access.canApprove) return refused('refused.notApprover');
    const pending = readPending(event.pending);
    if (event.status !== 'published' || !pending) return refused('refused.noPendingChanges');
    if (!sameVersion(event, version)) return { kind: 'stale' };
    const values = { ...pending.values };
    // An image or a group removed since the edit is left out rather than refused.
    if (values.image_id) {
      const images = await usableImages(trx, access.regionId, { owners: [event.organisation_id, null] });
      if (!images.some((i) => i.id === values.image_id && !i.expired)) values.image_id = null;
    }
    if (
      values.network_group_id &&
      !(await networkGroups(trx, access.regionId)).some((g) => g.id === values.network_group_id)
    )
      values.network_group_id = null;
    await trx
      .updateTable('events')
      .set({ ...values, pending: null, version: sql<number>`version + 1`, updated_at: sql`now()` })
      .where('region_id', '=', access.regionId)
      .where('id', '=', eventId)
      .execute();
    await audit(trx, access, { ...event, ...values }, 'changes_published');
    return { kind: 'done' };
  });
}

/** An approver sends an organiser's pending changes back with a comment; they stay for editing. */
export async function sendBackChanges(
  db: Kysely<DB>,
  access: EventAccess,
  eventId: string,
  typed: string,
): Promise<Result> {
  const comment = multiline(typed);
  if (!comment) return { kind: 'invalid', errors: { comment: 'error.commentRequired' } };
  if (comment.length > COMMENT_MAX)
    return { kind: 'invalid', errors: { comment: 'error.tooLong' }, params: { max: String(COMMENT_MAX) } };
  return withManagedEvent(db, access, eventId, async (trx, event) => {
    if (!access.canApprove) return refused('refused.notApprover');
    const pending = readPending(event.pending);
    if (event.status !== 'published' || !pending) return refused('refused.noPendingChanges');
    await trx
      .updateTable('events')
      .set({
        pending: pendingJson({ ...pending, comment }),
        // Another approver's page showing these changes can no longer publish them.
        version: sql<number>`version + 1`,
        updated_at: sql`now()`,
      })
      .where('region_id', '=', access.regionId)
      .where('id', '=', eventId)
      .execute();
    await audit(trx, access, event, 'changes_sent_back');
    return { kind: 'done' };
  });
}

export type WorkflowVerb = 'submit' | 'publish' | 'unpublish' | 'delete';

/** Send for review, publish, unpublish or delete, when the event's state allows it. */
export async function workflow(
  db: Kysely<DB>,
  access: EventAccess,
  eventId: string,
  verb: WorkflowVerb,
  version?: string,
): Promise<Result> {
  return withManagedEvent(db, access, eventId, async (trx, event) => {
    const where = (q: ReturnType<typeof trx.updateTable<'events'>>) =>
      q.where('region_id', '=', access.regionId).where('id', '=', eventId);
    switch (verb) {
      case 'submit':
        if (event.status !== 'draft') return refused('refused.notDraft');
        await where(trx.updateTable('events'))
          .set({
            status: 'in_review',
            review_comment: '',
            version: sql<number>`version + 1`,
            updated_at: sql`now()`,
          })
          .execute();
        await audit(trx, access, event, 'submitted');
        return { kind: 'done' };
      case 'publish':
        if (!access.canApprove) return refused('refused.notApprover');
        if (event.status !== 'draft' && event.status !== 'in_review') return refused('refused.notDraft');
        // What is published is what the approver saw: the version its page showed.
        if (!sameVersion(event, version)) return { kind: 'stale' };
        await where(trx.updateTable('events'))
          .set({
            status: 'published',
            review_comment: '',
            published_at: sql`coalesce(published_at, now())`,
            version: sql<number>`version + 1`,
            updated_at: sql`now()`,
          })
          .execute();
        await audit(trx, access, event, 'published');
        return { kind: 'done' };
      case 'unpublish':
        if (event.status !== 'published') return refused('refused.notPublished');
        if ((await liveRegistrations(trx, access.regionId, eventId)) > 0)
          return refused('refused.unpublishRegistered');
        // Changes waiting for review become the draft's: it is reviewed again before it returns.
        await where(trx.updateTable('events'))
          .set({
            ...(readPending(event.pending)?.values ?? {}),
            status: 'draft',
            pending: null,
            version: sql<number>`version + 1`,
            updated_at: sql`now()`,
          })
          .execute();
        await audit(trx, access, event, 'unpublished');
        return { kind: 'done' };
      case 'delete':
        if (event.status !== 'draft' && event.status !== 'in_review')
          return refused('refused.deleteNotDraft');
        if (await anyRegistration(trx, access.regionId, eventId)) return refused('refused.deleteRegistered');
        await audit(trx, access, event, 'deleted');
        await trx
          .deleteFrom('events')
          .where('region_id', '=', access.regionId)
          .where('id', '=', eventId)
          .execute();
        return { kind: 'done' };
    }
  });
}

/** An approver sends an event in review back to its organiser with a comment. */
export async function sendBack(
  db: Kysely<DB>,
  access: EventAccess,
  eventId: string,
  typed: string,
): Promise<Result> {
  const comment = multiline(typed);
  if (!comment) return { kind: 'invalid', errors: { comment: 'error.commentRequired' } };
  if (comment.length > COMMENT_MAX)
    return { kind: 'invalid', errors: { comment: 'error.tooLong' }, params: { max: String(COMMENT_MAX) } };
  return withManagedEvent(db, access, eventId, async (trx, event) => {
    if (!access.canApprove) return refused('refused.notApprover');
    if (event.status !== 'in_review') return refused('refused.notInReview');
    await trx
      .updateTable('events')
      .set({ status: 'draft', review_comment: comment, updated_at: sql`now()` })
      .where('region_id', '=', access.regionId)
      .where('id', '=', eventId)
      .execute();
    await audit(trx, access, event, 'sent_back');
    return { kind: 'done' };
  });
}

/** A person's mail about an event, in their language, with the event's public address. */
function cancelMail(lang: Lang, event: EventRow, name: string, origin: string) {
  const t = (key: AdminMessageKey, params?: Record<string, string>) => adminMessages.t(lang, key, params);
  const title = eventTitle(event, lang);
  return {
    subject: t('mail.cancel.subject', { title }),
    text: [
      t('mail.hello', { name }),
      '',
      t('mail.cancel.intro', { title }),
      '',
      t('mail.cancel.reason'),
      event.cancel_reason,
      '',
      t('mail.cancel.sorry'),
      '',
      t('mail.cancel.more', { url: `${origin}/${lang}/events` }),
    ].join('\n'),
  };
}

/**
 * Cancels a published (or in-review) event: status cancelled with the reason; every live
 * registration cancelled and its seats given back under the event's lock; each person mailed.
 */
export async function cancelEvent(
  deps: Deps,
  access: EventAccess,
  eventId: string,
  typed: string,
  origin: string,
): Promise<Result> {
  const reason = multiline(typed);
  return withManagedEvent(deps.db, access, eventId, async (trx, event) => {
    if (event.status !== 'published') return refused('refused.notPublished');
    // What has happened is not called off afterwards: its registrations and check-ins stay.
    if (eventEnded(event)) return refused('refused.cancelEnded');
    if (!reason) return { kind: 'invalid', errors: { reason: 'error.reasonRequired' } };
    if (reason.length > REASON_MAX)
      return { kind: 'invalid', errors: { reason: 'error.tooLong' }, params: { max: String(REASON_MAX) } };
    // However many are registered, this request does a bounded amount of work: two statements
    // here, and the mails queued by a task, MAIL_CHUNK at a time (cancelMails).
    const held = await trx
      .selectFrom('event_registrations')
      .select(sql<number>`coalesce(sum(seats), 0)::int`.as('seats'))
      .where('region_id', '=', access.regionId)
      .where('event_id', '=', eventId)
      .where('status', 'in', [...SEAT_STATUSES])
      .executeTakeFirstOrThrow();
    const changed = await trx
      .updateTable('event_registrations')
      .set({
        status: 'cancelled',
        cancelled_at: sql`now()`,
        offer_expires_at: null,
        updated_at: sql`now()`,
      })
      .where('region_id', '=', access.regionId)
      .where('event_id', '=', eventId)
      .where('status', 'in', [...LIVE_STATUSES])
      .executeTakeFirst();
    const count = Number(changed.numUpdatedRows);
    if (held.seats > 0) await releaseSeats(trx, access.regionId, eventId, held.seats);
    await trx
      .updateTable('events')
      .set({
        status: 'cancelled',
        cancelled_at: sql`now()`,
        cancel_reason: reason,
        pending: null,
        updated_at: sql`now()`,
      })
      .where('region_id', '=', access.regionId)
      .where('id', '=', eventId)
      .execute();
    if (count > 0)
      await deps.queue.enqueue(
        CANCEL_MAILS_TASK,
        { regionId: access.regionId, eventId, origin, after: '' } satisfies MailChunk,
        { dedupeKey: `${eventId}:` },
        trx,
      );
    await audit(trx, access, event, 'cancelled', { registrations: count });
    return { kind: 'done' };
  });
}

/** Mails queued per task run: the cancellation's and the follow-up's. */
export const MAIL_CHUNK = 200;
export const CANCEL_MAILS_TASK = 'events.cancel-mails';
export const FOLLOWUP_MAILS_TASK = 'events.followup-mails';

/** A task's payload: the event, the public origin, and the last registration id already mailed. */
export interface MailChunk {
  regionId: string;
  eventId: string;
  origin: string;
  after: string;
  paragraph?: { sv: string; en: string };
}

/**
 * One chunk of a mailing to the registrations a change marked (cancelled, or followed up, at the
 * event's own instant): marks up to MAIL_CHUNK of those not yet mailed (`mailed`) and queues their
 * mails and, when there may be more, the next chunk — in one transaction. A chunk run again (after
 * its commit, before its job was marked done) finds them marked and mails nobody twice; two runs
 * at once do not pick the same rows (the marking update waits on the other's row locks).
 */
async function mailChunk(
  deps: Deps,
  task: string,
  chunk: MailChunk,
  mark: 'cancelled_at' | 'followup_sent_at',
  mailed: 'cancel_mailed_at' | 'followup_mailed_at',
  mail: (
    lang: Lang,
    event: EventRow,
    name: string,
  ) => { subject: string; text: string; attachments?: MailAttachment[] },
): Promise<number> {
  if (!isUuid(chunk.eventId) || (chunk.after !== '' && !isUuid(chunk.after))) return 0;
  return deps.db.transaction().execute(async (trx) => {
    const event = await trx
      .selectFrom('events')
      .selectAll()
      .where('region_id', '=', chunk.regionId)
      .where('id', '=', chunk.eventId)
      .executeTakeFirst();
    if (!event?.[mark]) return 0;
    // Compared in the database: the instants have microseconds a JavaScript Date drops.
    let pick = trx
      .selectFrom('event_registrations')
      .select('id')
      .where('region_id', '=', chunk.regionId)
      .where('event_id', '=', chunk.eventId)
      .where(mailed, 'is', null)
      .where(mark, '=', (eb) =>
        eb
          .selectFrom('events')
          .select(mark)
          .where('region_id', '=', chunk.regionId)
          .where('id', '=', chunk.eventId),
      );
    if (mark === 'cancelled_at') pick = pick.where('status', '=', 'cancelled');
    if (chunk.after) pick = pick.where('id', '>', chunk.after);
    const marked = await trx
      .updateTable('event_registrations')
      .set({ [mailed]: sql`now()` })
      .where('region_id', '=', chunk.regionId)
      .where('id', 'in', pick.orderBy('id').limit(MAIL_CHUNK))
      // Re-checked on a row another run marked meanwhile.
      .where(mailed, 'is', null)
      .returning(['id', 'name', 'email', 'language'])
      .execute();
    const rows = marked.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const r of rows) {
      const lang: Lang = r.language === 'en' ? 'en' : 'sv';
      await queueMail(trx, deps.queue, {
        regionId: chunk.regionId,
        to: r.email,
        language: lang,
        ...mail(lang, event, r.name),
      });
    }
    const last = rows.at(-1);
    if (rows.length === MAIL_CHUNK && last)
      await deps.queue.enqueue(
        task,
        { ...chunk, after: last.id },
        { dedupeKey: `${chunk.eventId}:${last.id}` },
        trx,
      );
    return rows.length;
  });
}

/** The cancellation's mails, a chunk at a time (the task CANCEL_MAILS_TASK). */
export const cancelMails = (deps: Deps, chunk: MailChunk) =>
  mailChunk(deps, CANCEL_MAILS_TASK, chunk, 'cancelled_at', 'cancel_mailed_at', (lang, event, name) => ({
    ...cancelMail(lang, event, name, chunk.origin),
    // With the .ics that takes the event out of their calendar (registration/'s, same UID).
    attachments: [cancellingAttachment(event, lang, chunk.origin)],
  }));

/** The follow-up's mails, a chunk at a time (the task FOLLOWUP_MAILS_TASK). */
export const followupMails = (deps: Deps, chunk: MailChunk) =>
  mailChunk(deps, FOLLOWUP_MAILS_TASK, chunk, 'followup_sent_at', 'followup_mailed_at', (lang, event, name) =>
    followupMail(lang, event, chunk.paragraph ?? { sv: '', en: '' }, chunk.origin, name),
  );

/** Adds a co-organiser or an exhibiting employer (with its stand's name). */
export async function addOrganisation(
  db: Kysely<DB>,
  access: EventAccess,
  eventId: string,
  input: { organisation: string; role: string; stand: string },
): Promise<Result> {
  const stand = line(input.stand);
  const errors: Errors = {};
  const role = input.role;
  if (!isOneOf(['co_organiser', 'exhibitor'] as const, role)) errors.role = 'error.choice';
  if (!isUuid(input.organisation)) errors.organisation = 'error.organisation';
  if (stand.length > STAND_MAX) errors.stand = 'error.tooLong';
  if (Object.keys(errors).length) return { kind: 'invalid', errors, params: { max: String(STAND_MAX) } };
  const orgId = input.organisation.toLowerCase();
  return withManagedEvent(db, access, eventId, async (trx, event) => {
    if (event.status === 'cancelled') return refused('refused.cancelled');
    // What the public page lists changes only through review: the region adds to a published event.
    if (event.status === 'published' && !access.canApprove) return refused('refused.organisationReview');
    const kind = await organisationKind(trx, access.regionId, orgId);
    if (!kind || orgId === event.organisation_id)
      return { kind: 'invalid', errors: { organisation: 'error.organisation' } };
    if (role === 'exhibitor' && kind !== 'employer')
      return { kind: 'invalid', errors: { organisation: 'error.notEmployer' } };
    const count = await countOrganisations(trx, access.regionId, eventId);
    if (count >= MAX_ORGANISATIONS) return refused('refused.tooMany');
    const inserted = await trx
      .insertInto('event_organisations')
      .values({
        region_id: access.regionId,
        event_id: eventId,
        organisation_id: orgId,
        role: role as EventOrganisationRole,
        stand: role === 'exhibitor' ? stand : '',
        position: count,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('organisation_id')
      .executeTakeFirst();
    if (!inserted) return { kind: 'invalid', errors: { organisation: 'error.alreadyAdded' } };
    await bumpVersion(trx, access, eventId);
    await audit(trx, access, event, 'organisation_added', { role: role as string, organisation_id: orgId });
    return { kind: 'done' };
  });
}

export async function removeOrganisation(
  db: Kysely<DB>,
  access: EventAccess,
  eventId: string,
  organisationId: string,
): Promise<Result> {
  if (!isUuid(organisationId)) return NOT_FOUND;
  return withManagedEvent(db, access, eventId, async (trx, event) => {
    // Taking an organisation off a published event is the region's, as adding one is.
    if (reviewedOnly(access, event)) return refused('refused.organisationRemoveReview');
    const removed = await trx
      .deleteFrom('event_organisations')
      .where('region_id', '=', access.regionId)
      .where('event_id', '=', eventId)
      .where('organisation_id', '=', organisationId.toLowerCase())
      .returning('role')
      .executeTakeFirst();
    if (!removed) return NOT_FOUND;
    await bumpVersion(trx, access, eventId);
    await audit(trx, access, event, 'organisation_removed', {
      role: removed.role,
      organisation_id: organisationId.toLowerCase(),
    });
    return { kind: 'done' };
  });
}

/** A programme item as typed. */
export interface ProgrammeInput {
  date: string;
  start_time: string;
  end_time: string;
  kind: string;
  title_sv: string;
  title_en: string;
  place: string;
  organisation: string;
}

export function checkProgramme(
  input: ProgrammeInput,
  hosts: ReadonlySet<string>,
): { errors: Errors; values?: Record<string, unknown> & { starts_at: Date; ends_at: Date | null } } {
  const errors: Errors = {};
  const date = parseDate(input.date);
  if (!date) errors.date = date === null ? 'error.required' : 'error.date';
  const start = parseTime(input.start_time);
  if (!start) errors.start_time = input.start_time.trim() ? 'error.time' : 'error.required';
  const end = input.end_time.trim() ? parseTime(input.end_time) : null;
  if (end === undefined) errors.end_time = 'error.time';
  if (!isOneOf(PROGRAMME_KINDS, input.kind)) errors.kind = 'error.choice';
  const titleSv = line(input.title_sv);
  const titleEn = line(input.title_en);
  if (!titleSv && !titleEn) errors.title_sv = 'error.title';
  if (titleSv.length > 200) errors.title_sv = 'error.tooLong';
  if (titleEn.length > 200) errors.title_en = 'error.tooLong';
  const place = line(input.place);
  if (place.length > 200) errors.place = 'error.tooLong';
  const host = input.organisation.trim().toLowerCase();
  if (host && !hosts.has(host)) errors.organisation = 'error.organisation';
  if (Object.keys(errors).length || !date || !start) return { errors };
  const startsAt = stockholmInstant(date, start);
  let endsAt = end ? stockholmInstant(date, end) : null;
  if (endsAt && endsAt <= startsAt) endsAt = new Date(endsAt.getTime() + 86_400_000);
  return {
    errors,
    values: {
      starts_at: startsAt,
      ends_at: endsAt,
      kind: input.kind,
      title_sv: titleSv,
      title_en: titleEn,
      place,
      organisation_id: host || null,
    },
  };
}

async function hostsOf(trx: Kysely<DB>, event: EventRow): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('event_organisations')
    .select('organisation_id')
    .where('region_id', '=', event.region_id)
    .where('event_id', '=', event.id)
    .execute();
  return new Set([event.organisation_id, ...rows.map((r) => r.organisation_id)]);
}

/** Adds an item (itemId undefined) or changes one. */
export async function saveProgrammeItem(
  db: Kysely<DB>,
  access: EventAccess,
  eventId: string,
  itemId: string | undefined,
  input: ProgrammeInput,
): Promise<Result> {
  if (itemId !== undefined && !isUuid(itemId)) return NOT_FOUND;
  return withManagedEvent(db, access, eventId, async (trx, event) => {
    if (event.status === 'cancelled') return refused('refused.cancelled');
    if (reviewedOnly(access, event)) return refused('refused.programmeReview');
    const { errors, values } = checkProgramme(input, await hostsOf(trx, event));
    if (!values) return { kind: 'invalid', errors, params: { max: '200' } };
    const row = { ...values, kind: values.kind as string } as {
      starts_at: Date;
      ends_at: Date | null;
      kind: string;
      title_sv: string;
      title_en: string;
      place: string;
      organisation_id: string | null;
    };
    if (itemId === undefined) {
      const count = await trx
        .selectFrom('event_programme')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('region_id', '=', access.regionId)
        .where('event_id', '=', eventId)
        .executeTakeFirstOrThrow();
      if (count.n >= MAX_PROGRAMME) return refused('refused.tooMany');
      await trx
        .insertInto('event_programme')
        .values({ region_id: access.regionId, event_id: eventId, ...row })
        .execute();
      await bumpVersion(trx, access, eventId);
      await audit(trx, access, event, 'programme_added');
    } else {
      const changed = await trx
        .updateTable('event_programme')
        .set(row)
        .where('region_id', '=', access.regionId)
        .where('event_id', '=', eventId)
        .where('id', '=', itemId)
        .returning('id')
        .executeTakeFirst();
      if (!changed) return NOT_FOUND;
      await bumpVersion(trx, access, eventId);
      await audit(trx, access, event, 'programme_changed');
    }
    return { kind: 'done' };
  });
}

export async function removeProgrammeItem(
  db: Kysely<DB>,
  access: EventAccess,
  eventId: string,
  itemId: string,
): Promise<Result> {
  if (!isUuid(itemId)) return NOT_FOUND;
  return withManagedEvent(db, access, eventId, async (trx, event) => {
    if (reviewedOnly(access, event)) return refused('refused.programmeReview');
    const removed = await trx
      .deleteFrom('event_programme')
      .where('region_id', '=', access.regionId)
      .where('event_id', '=', eventId)
      .where('id', '=', itemId)
      .returning('id')
      .executeTakeFirst();
    if (!removed) return NOT_FOUND;
    await bumpVersion(trx, access, eventId);
    await audit(trx, access, event, 'programme_removed');
    return { kind: 'done' };
  });
}

/** A question as typed: choices one per line in each language. */
export interface QuestionInput {
  kind: string;
  label_sv: string;
  label_en: string;
  choices_sv: string;
  choices_en: string;
  required: string;
}

const choiceLines = (text: string) =>
  multiline(text)
    .split('\n')
    .map((l) => line(l))
    .filter((l) => l !== '');

export function checkQuestion(input: QuestionInput): {
  errors: Errors;
  values?: { kind: string; label_sv: string; label_en: string; choices: string; required: boolean };
} {
  const errors: Errors = {};
  if (!isOneOf(QUESTION_KINDS, input.kind)) errors.kind = 'error.choice';
  const labelSv = line(input.label_sv);
  const labelEn = line(input.label_en);
  if (!labelSv && !labelEn) errors.label_sv = 'error.label';
  if (labelSv.length > 200) errors.label_sv = 'error.tooLong';
  if (labelEn.length > 200) errors.label_en = 'error.tooLong';
  const sv = choiceLines(input.choices_sv);
  const en = choiceLines(input.choices_en);
  const choices: Array<{ sv: string; en: string }> = [];
  if (input.kind === 'choice') {
    const n = Math.max(sv.length, en.length);
    if (n < 2) errors.choices_sv = 'error.choicesFew';
    else if (n > CHOICES_MAX) errors.choices_sv = 'error.choicesMany';
    else if (sv.length && en.length && sv.length !== en.length) errors.choices_en = 'error.choicesPair';
    else if ([...sv, ...en].some((c) => c.length > CHOICE_MAX)) errors.choices_sv = 'error.choiceLong';
    else for (let i = 0; i < n; i++) choices.push({ sv: sv[i] ?? en[i] ?? '', en: en[i] ?? sv[i] ?? '' });
  }
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    values: {
      kind: input.kind,
      label_sv: labelSv,
      label_en: labelEn,
      choices: JSON.stringify(choices),
      required: input.required === 'yes',
    },
  };
}

export async function saveQuestion(
  db: Kysely<DB>,
  access: EventAccess,
  eventId: string,
  questionId: string | undefined,
  input: QuestionInput,
): Promise<Result> {
  if (questionId !== undefined && !isUuid(questionId)) return NOT_FOUND;
  const { errors, values } = checkQuestion(input);
  if (!values) return { kind: 'invalid', errors, params: { max: '200', most: String(CHOICES_MAX) } };
  return withManagedEvent(db, access, eventId, async (trx, event) => {
    if (event.status === 'cancelled') return refused('refused.cancelled');
    if (reviewedOnly(access, event)) return refused('refused.questionReview');
    if (questionId === undefined) {
      const stats = await trx
        .selectFrom('event_questions')
        .select([sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(max(position), 0)::int`.as('last')])
        .where('region_id', '=', access.regionId)
        .where('event_id', '=', eventId)
        .executeTakeFirstOrThrow();
      if (stats.n >= MAX_QUESTIONS) return refused('refused.tooMany');
      await trx
        .insertInto('event_questions')
        .values({ region_id: access.regionId, event_id: eventId, position: stats.last + 1, ...values })
        .execute();
      await bumpVersion(trx, access, eventId);
      await audit(trx, access, event, 'question_added');
    } else {
      const changed = await trx
        .updateTable('event_questions')
        .set(values)
        .where('region_id', '=', access.regionId)
        .where('event_id', '=', eventId)
        .where('id', '=', questionId)
        .returning('id')
        .executeTakeFirst();
      if (!changed) return NOT_FOUND;
      await bumpVersion(trx, access, eventId);
      await audit(trx, access, event, 'question_changed');
    }
    return { kind: 'done' };
  });
}

export async function removeQuestion(
  db: Kysely<DB>,
  access: EventAccess,
  eventId: string,
  questionId: string,
): Promise<Result> {
  if (!isUuid(questionId)) return NOT_FOUND;
  return withManagedEvent(db, access, eventId, async (trx, event) => {
    if (reviewedOnly(access, event)) return refused('refused.questionReview');
    const removed = await trx
      .deleteFrom('event_questions')
      .where('region_id', '=', access.regionId)
      .where('event_id', '=', eventId)
      .where('id', '=', questionId)
      .returning('id')
      .executeTakeFirst();
    if (!removed) return NOT_FOUND;
    await bumpVersion(trx, access, eventId);
    await audit(trx, access, event, 'question_removed');
    return { kind: 'done' };
  });
}

/** Moves a question one place up or down (swapping positions with its neighbour). */
export async function moveQuestion(
  db: Kysely<DB>,
  access: EventAccess,
  eventId: string,
  questionId: string,
  direction: string,
): Promise<Result> {
  if (!isUuid(questionId)) return NOT_FOUND;
  if (direction !== 'up' && direction !== 'down')
    return { kind: 'invalid', errors: { direction: 'error.choice' } };
  return withManagedEvent(db, access, eventId, async (trx, event) => {
    if (reviewedOnly(access, event)) return refused('refused.questionReview');
    const rows = await trx
      .selectFrom('event_questions')
      .select(['id', 'position'])
      .where('region_id', '=', access.regionId)
      .where('event_id', '=', eventId)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const index = rows.findIndex((r) => r.id === questionId);
    if (index < 0) return NOT_FOUND;
    const other = direction === 'up' ? index - 1 : index + 1;
    if (other >= 0 && other < rows.length) {
      const order = rows.map((r) => r.id);
      [order[index], order[other]] = [order[other]!, order[index]!];
      for (const [position, id] of order.entries())
        await trx
          .updateTable('event_questions')
          .set({ position: position + 1 })
          .where('region_id', '=', access.regionId)
          .where('id', '=', id)
          .execute();
      await bumpVersion(trx, access, eventId);
      await audit(trx, access, event, 'question_moved');
    }
    return { kind: 'done' };
  });
}

export const AUDIENCES = ['checked_in', 'confirmed'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The follow-up mail in a language: thanks, what next, the talent pool and the navigator. */
export function followupMail(
  lang: Lang,
  event: Pick<EventRow, 'title_sv' | 'title_en' | 'slug'>,
  paragraph: { sv: string; en: string },
  origin: string,
  name: string,
): { subject: string; text: string } {
  const t = (key: AdminMessageKey, params?: Record<string, string>) => adminMessages.t(lang, key, params);
  const title = eventTitle(event, lang);
  const own = (lang === 'en' ? paragraph.en || paragraph.sv : paragraph.sv || paragraph.en).trim();
  return {
    subject: t('mail.followup.subject', { title }),
    text: [
      t('mail.hello', { name }),
      '',
      t('mail.followup.thanks', { title }),
      ...(own ? ['', own] : []),
      '',
      t('mail.followup.next'),
      '',
      t('mail.followup.talent', { url: `${origin}/${lang}/talent-pool` }),
      '',
      t('mail.followup.navigator', { url: `${origin}/${lang}/move` }),
      '',
      t('mail.followup.event', { url: `${origin}/${lang}${eventPath(event.slug)}` }),
    ].join('\n'),
  };
}

export interface FollowupInput {
  audience: string;
  paragraph_sv: string;
  paragraph_en: string;
}

export function checkFollowup(input: FollowupInput): {
  errors: Errors;
  values?: { audience: Audience; paragraph: { sv: string; en: string } };
} {
  const errors: Errors = {};
  if (!isOneOf(AUDIENCES, input.audience)) errors.audience = 'error.choice';
  const sv = multiline(input.paragraph_sv);
  const en = multiline(input.paragraph_en);
  if (sv.length > FOLLOWUP_MAX) errors.paragraph_sv = 'error.tooLong';
  if (en.length > FOLLOWUP_MAX) errors.paragraph_en = 'error.tooLong';
  if (Object.keys(errors).length) return { errors };
  return { errors, values: { audience: input.audience as Audience, paragraph: { sv, en } } };
}

/** Who the follow-up would reach: checked in, or every confirmed registration; not yet mailed. */
export function followupRecipients(trx: Kysely<DB>, event: EventRow, audience: Audience) {
  let query = trx
    .selectFrom('event_registrations as r')
    .select(['r.id', 'r.name', 'r.email', 'r.language'])
    .where('r.region_id', '=', event.region_id)
    .where('r.event_id', '=', event.id)
    .where('r.followup_sent_at', 'is', null);
  query =
    audience === 'checked_in'
      ? query.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('event_checkins as c')
              .select('c.registration_id')
              .whereRef('c.region_id', '=', 'r.region_id')
              .whereRef('c.registration_id', '=', 'r.id'),
          ),
        )
      : query.where('r.status', '=', 'confirmed');
  return query.orderBy('r.created_at');
}

/** How many the follow-up would reach (counted in the database). */
export async function followupCount(db: Kysely<DB>, event: EventRow, audience: Audience): Promise<number> {
  const row = await followupRecipients(db, event, audience)
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Sends the follow-up once: refused before the event has ended and after it was sent. */
export async function sendFollowup(
  deps: Deps,
  access: EventAccess,
  eventId: string,
  input: FollowupInput,
  origin: string,
): Promise<Result> {
  const { errors, values } = checkFollowup(input);
  if (!values) return { kind: 'invalid', errors, params: { max: String(FOLLOWUP_MAX) } };
  return withManagedEvent(deps.db, access, eventId, async (trx, event) => {
    if (event.followup_sent_at) return refused('refused.followupSent');
    if (event.status !== 'published' || !eventEnded(event)) return refused('refused.followupEarly');
    // Marked in one statement; the mails are queued by a task, MAIL_CHUNK at a time (followupMails).
    const marked = await trx
      .updateTable('event_registrations')
      .set({ followup_sent_at: sql`now()` })
      .where('region_id', '=', access.regionId)
      .where(
        'id',
        'in',
        followupRecipients(trx, event, values.audience).clearSelect().clearOrderBy().select('r.id'),
      )
      .executeTakeFirst();
    const count = Number(marked.numUpdatedRows);
    await trx
      .updateTable('events')
      .set({ followup_sent_at: sql`now()` })
      .where('region_id', '=', access.regionId)
      .where('id', '=', eventId)
      .execute();
    if (count > 0)
      await deps.queue.enqueue(
        FOLLOWUP_MAILS_TASK,
        {
          regionId: access.regionId,
          eventId,
          origin,
          after: '',
          paragraph: values.paragraph,
        } satisfies MailChunk,
        { dedupeKey: `${eventId}:` },
        trx,
      );
    await audit(trx, access, event, 'followup_sent', { audience: values.audience, count });
    return { kind: 'done' };
  });
}

/** A date's Stockholm form for a prefilled programme form (the event's first day). */
export function defaultProgrammeDate(event: EventRow): string {
  return stockholmDate(event.starts_at);
}
