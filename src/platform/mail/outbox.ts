/**
 * Outgoing e-mail: messages are written to `mail_outbox` (in the caller's transaction) together with a
 * `mail.send` task; the task delivers through SMTP, or — with no SMTP_URL — writes an .eml file under
 * `<dataDir>/mail`. Delivery is at least once: a crash between sending and marking sent resends.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import type { DB } from '../db/schema.ts';
import type { Lang } from '../i18n/index.ts';
import type { TaskQueue } from '../tasks/queue.ts';

export interface OutgoingMail {
  regionId: string;
  to: string;
  replyTo?: string | null;
  /** The recipient's language; the caller renders subject and body in it. */
  language: Lang;
  subject: string;
  text: string;
  html?: string | null;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on alerts. */
  headers?: Record<string, string>;
  /** Small text attachments (an event's .ics), at most 4 and 256 KB together. */
  attachments?: readonly MailAttachment[];
}

/** A text attachment: its name, MIME type (e.g. `text/calendar; method=PUBLISH`) and content. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** Attachments a message may carry: a plain file name, a MIME type without line breaks, bounded. */
function safeAttachments(attachments: readonly MailAttachment[]): MailAttachment[] {
  if (attachments.length > 4) throw new Error('at most 4 mail attachments');
  let total = 0;
  return attachments.map(({ filename, contentType, content }) => {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/.test(filename)) throw new Error('bad attachment file name');
    if (!/^[a-z]+\/[a-z0-9.+-]+(; ?[a-z-]+=[A-Za-z0-9._-]+)*$/.test(contentType))
      throw new Error('bad attachment type');
    total += content.length;
    if (total > 256 * 1024) throw new Error('mail attachments too large');
    return { filename, contentType, content };
  });
}

export interface MailTransport {
  send(message: {
    from: string;
    to: string;
    replyTo?: string;
    subject: string;
    text: string;
    html?: string;
    messageId: string;
    language: Lang;
    headers?: Record<string, string>;
    attachments?: MailAttachment[];
  }): Promise<void>;
  close(): void;
}

/** SMTP when `smtpUrl` is set, else .eml files under `mailDir`. */
export function createMailTransport(smtpUrl: string | undefined, mailDir: string): MailTransport {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      async send(message) {
        await transport.sendMail({
          ...message,
          headers: { ...message.headers, 'Content-Language': message.language },
        });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail({
        ...message,
        headers: { ...message.headers, 'Content-Language': message.language },
      });
      await mkdir(mailDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${message.messageId.replace(/[^a-z0-9.-]/gi, '_')}.eml`;
      await writeFile(path.join(mailDir, name), info.message as Buffer, { mode: 0o600 });
    },
    close: () => transport.close(),
  };
}

/** Header names and values a message may carry: no line breaks, nothing that replaces an address. */
function safeHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[A-Za-z][A-Za-z0-9-]{0,60}$/.test(name) || /[\r\n]/.test(value))
      throw new Error(`bad mail header ${name}`);
    if (/^(from|to|cc|bcc|reply-to|subject|sender|content-.*)$/i.test(name))
      throw new Error(`mail header ${name} is set by the outbox`);
    out[name] = value.slice(0, 2000);
  }
  return out;
}

/** Queues a message; pass the surrounding transaction so the mail is sent only if it commits. */
export async function queueMail(db: Kysely<DB>, queue: TaskQueue, mail: OutgoingMail): Promise<number> {
  const row = await db
    .insertInto('mail_outbox')
    .values({
      region_id: mail.regionId,
      to_address: mail.to,
      reply_to: mail.replyTo ?? null,
      language: mail.language,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      headers: mail.headers ? JSON.stringify(safeHeaders(mail.headers)) : null,
      attachments: mail.attachments?.length ? JSON.stringify(safeAttachments(mail.attachments)) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await queue.enqueue(
    'mail.send',
    { regionId: mail.regionId, id: row.id },
    { dedupeKey: `${mail.regionId}:${row.id}` },
    db,
  );
  return row.id;
}

export function registerMailTasks(
  queue: TaskQueue,
  db: Kysely<DB>,
  transport: MailTransport,
  options: { from: string; messageIdDomain: string },
): void {
  queue.define<{ regionId: string; id: number }>({
    name: 'mail.send',
    maxAttempts: 8,
    async run({ regionId, id }, { log }) {
      const mail = await db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('region_id', '=', regionId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!mail || mail.state === 'sent') return; // gone or done already: running twice is harmless
      const messageId = `<outbox-${regionId}-${id}@${options.messageIdDomain}>`;
      try {
        await transport.send({
          from: options.from,
          to: mail.to_address,
          replyTo: mail.reply_to ?? undefined,
          subject: mail.subject,
          text: mail.text_body,
          html: mail.html_body ?? undefined,
          messageId,
          language: mail.language as Lang,
          headers: mail.headers ?? undefined,
          attachments: mail.attachments ?? undefined,
        });
      } catch (error) {
        await db
          .updateTable('mail_outbox')
          .set({ attempts: mail.attempts + 1, last_error: String((error as Error).message).slice(0, 500) })
          .where('region_id', '=', regionId)
          .where('id', '=', id)
          .execute();
        throw error;
      }
      await db
        .updateTable('mail_outbox')
        .set({
          state: 'sent',
          sent_at: new Date(),
          message_id: messageId,
          attempts: mail.attempts + 1,
          last_error: null,
          // Sent mail keeps no body: it may hold a sign-in link, a code or an invitation.
          text_body: '',
          html_body: null,
          attachments: null,
        })
        .where('region_id', '=', regionId)
        .where('id', '=', id)
        .execute();
      log.info({ outboxId: id }, 'mail sent');
    },
  });
}

/**
 * Deletes unsent mail matching these (address, queued at) pairs, e.g. mail naming an erased person.
 * `createdAt` is PostgreSQL's text of the time (exact to the microsecond, unlike a Date).
 */
export async function deleteUnsentMail(
  db: Kysely<DB>,
  regionId: string,
  match: readonly { to: string; createdAt: string }[],
): Promise<void> {
  if (match.length === 0) return;
  await db
    .deleteFrom('mail_outbox')
    .where('region_id', '=', regionId)
    .where('state', '<>', 'sent')
    .where((eb) =>
      eb.or(
        match.map((m) =>
          eb.and([
            eb('to_address', '=', m.to),
            eb('created_at', '=', sql<Date>`${m.createdAt}::timestamptz`),
          ]),
        ),
      ),
    )
    .execute();
}

/** Deletes every mail to an address, sent or not. */
export async function deleteMailTo(db: Kysely<DB>, regionId: string, address: string): Promise<void> {
  await db
    .deleteFrom('mail_outbox')
    .where('region_id', '=', regionId)
    .where('to_address', '=', address)
    .execute();
}
