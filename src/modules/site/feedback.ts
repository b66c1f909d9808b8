/**
 * Accessibility feedback: the form on the accessibility statement. Reports are stored and e-mailed to
 * the region's contact, in the region's own language.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { TaskQueue } from '../../platform/tasks/queue.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import type { Region } from '../../platform/region.ts';
import { messages } from './messages.ts';
import { reportPath } from './reports/views.ts';

export const FEEDBACK_FIELDS = ['message', 'page_url', 'name', 'email'] as const;
export type FeedbackField = (typeof FEEDBACK_FIELDS)[number];
export type FeedbackValues = Record<FeedbackField, string>;

/** Error keys in the site catalogue, one per rule. */
export type FeedbackErrorKey =
  | 'feedback.error.messageRequired'
  | 'feedback.error.messageTooLong'
  | 'feedback.error.pageUrlInvalid'
  | 'feedback.error.nameTooLong'
  | 'feedback.error.emailInvalid';

export type FeedbackErrors = Partial<Record<FeedbackField, FeedbackErrorKey>>;

/** What the accessibility page needs to render the form: what was typed, and what was wrong. */
export interface FeedbackFormState {
  values: FeedbackValues;
  errors: FeedbackErrors;
  csrfToken: string;
}

export const MESSAGE_MAX = 5000;
const EMAIL = /^[^\s@<>()[\],;:"]{1,64}@[^\s@<>()[\],;:"]{1,255}\.[a-z]{2,}$/i;

/** Control characters (a line break among them) and line/paragraph separators. */
const BREAKS = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;
/** Control characters other than a line break or a tab. */
const CONTROL = /(?![\n\t])\p{Cc}/gu;

/**
 * Reads the form's fields (as the route's body schema types them; absent ones are empty), trimmed. The one-line fields stay
 * one line (they become lines of the mail to the region, which must not gain lines a sender wrote);
 * the message keeps its line breaks but no other control characters.
 */
export function readFeedbackForm(body: { [K in FeedbackField]?: string }): FeedbackValues {
  const text = (name: FeedbackField) => body[name] ?? '';
  const line = (name: FeedbackField) => text(name).replace(BREAKS, ' ').trim();
  return {
    message: text('message').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim(),
    page_url: line('page_url'),
    name: line('name'),
    email: line('email'),
  };
}

export function validateFeedback(values: FeedbackValues): FeedbackErrors {
  const errors: FeedbackErrors = {};
  if (!values.message) errors.message = 'feedback.error.messageRequired';
  else if (values.message.length > MESSAGE_MAX) errors.message = 'feedback.error.messageTooLong';
  if (values.page_url.length > 500) errors.page_url = 'feedback.error.pageUrlInvalid';
  if (values.name.length > 200) errors.name = 'feedback.error.nameTooLong';
  if (values.email && (values.email.length > 254 || !EMAIL.test(values.email)))
    errors.email = 'feedback.error.emailInvalid';
  return errors;
}

/**
 * Stores a valid report and queues the e-mail to the region's contact in one transaction. `origin`
 * (from configuration, never the request's Host) makes the mail's link to the report's page in
 * the back-office, where it is answered.
 */
export async function submitFeedback(
  deps: { db: Kysely<DB>; queue: TaskQueue },
  region: Region,
  lang: Lang,
  values: FeedbackValues,
  origin: string,
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('accessibility_feedback')
      .values({
        region_id: region.id,
        message: values.message,
        page_url: values.page_url || null,
        name: values.name || null,
        email: values.email || null,
        language: lang,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const to = region.defaultLanguage;
    const m = (key: Parameters<typeof messages.t>[1], params?: Record<string, string>) =>
      messages.t(to, key, params);
    const none = m('feedback.mail.notGiven');
    const text = [
      m('feedback.mail.intro', { region: region.name[to] }),
      '',
      `${m('feedback.mail.reference')}: ${row.id}`,
      `${m('feedback.mail.language')}: ${lang}`,
      `${m('feedback.mail.page')}: ${values.page_url || none}`,
      `${m('feedback.mail.name')}: ${values.name || none}`,
      `${m('feedback.mail.email')}: ${values.email || none}`,
      '',
      values.message,
      '',
      `${m('feedback.mail.answerAt')}: ${origin}${reportPath(row.id)}`,
      m('feedback.mail.footer'),
    ].join('\n');
    await queueMail(trx, deps.queue, {
      regionId: region.id,
      to: region.contact.email,
      replyTo: values.email || null,
      language: to,
      subject: m('feedback.mail.subject', { id: String(row.id) }),
      text,
    });
    return row.id;
  });
}

// A person's own reports: matched by the address they gave (the form asks for no account).

export interface SentFeedback {
  message: string;
  pageUrl: string | null;
  name: string | null;
  language: string;
  createdAt: Date;
  /** 'new', 'answered' or 'closed' (site/reports). */
  status: string;
  /** The region's answer, when it has answered. */
  answer: string | null;
  answeredAt: Date | null;
  closedAt: Date | null;
}

/** Reports sent with this e-mail address (in any case), oldest first: for the person's export. */
export async function feedbackFrom(db: Kysely<DB>, regionId: string, email: string): Promise<SentFeedback[]> {
  const rows = await db
    .selectFrom('accessibility_feedback')
    .select([
      'message',
      'page_url',
      'name',
      'language',
      'created_at',
      'status',
      'answer',
      'answered_at',
      'closed_at',
    ])
    .where('region_id', '=', regionId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    message: r.message,
    pageUrl: r.page_url,
    name: r.name,
    language: r.language,
    createdAt: r.created_at,
    status: r.status,
    answer: r.answer,
    answeredAt: r.answered_at,
    closedAt: r.closed_at,
  }));
}

/**
 * Erases the reports sent with this address, with the region's answers and staff notes in them,
 * the mail that carried them to the region (which holds the text and has the address as Reply-To)
 * and the mail that carried the answers back, when the person's account is deleted. Pass the
 * erasure's transaction.
 */
export async function eraseFeedbackFrom(db: Kysely<DB>, regionId: string, email: string): Promise<number> {
  const address = email.toLowerCase();
  await db
    .deleteFrom('mail_outbox')
    .where('region_id', '=', regionId)
    .where((eb) =>
      eb.or([
        eb(sql<string>`lower(reply_to)`, '=', address),
        eb(
          'id',
          'in',
          eb
            .selectFrom('accessibility_feedback')
            .select('answer_mail_id')
            .where('region_id', '=', regionId)
            .where(sql<string>`lower(email)`, '=', address)
            .where('answer_mail_id', 'is not', null),
        ),
      ]),
    )
    .execute();
  const deleted = await db
    .deleteFrom('accessibility_feedback')
    .where('region_id', '=', regionId)
    .where(sql<string>`lower(email)`, '=', address)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
