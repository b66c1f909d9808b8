/**
 * Registration's mails, in the person's language, queued in the caller's transaction: the
 * confirmation (with the event's .ics), the waiting list with its place, an application received,
 * the link sent again, an offer with its deadline, an offer expired, the reminder, a cancellation,
 * an application decided. Each carries the personal link; the ones that let them in carry the
 * ticket code (an online event: the link to it instead, no ticket). A cancellation carries the .ics
 * that takes the event out of the calendar when the confirmation's .ics was sent. Links come from
 * the configured origin only.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB, EventRegistrationsTable } from '../../../platform/db/schema.ts';
import { localPath } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { queueMail, type MailAttachment } from '../../../platform/mail/outbox.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { eventTitle, organisationName, type EventRow } from '../events.ts';
import { manageToken, ticketCode } from '../tokens.ts';
import { registrationMessages as msg, type RegistrationKey } from './messages.ts';
import { cancellingIcs, eventIcs, shortTime, whenText, whereText } from './words.ts';

export type RegistrationRow = Selectable<EventRegistrationsTable>;

/** What mails need beyond the database: the queue, the installation's secret, the site's origin. */
export interface MailDeps {
  queue: TaskQueue;
  secret: string;
  origin: string;
}

export type MailKind =
  | 'confirmed'
  | 'waiting'
  | 'applied'
  | 'again'
  | 'offer'
  | 'expired'
  | 'reminder'
  | 'cancelled'
  | 'cancelledByOrganiser'
  | 'approved'
  | 'declined'
  | 'waitlisted';

/** The personal page of a registration (after the origin). */
export function managePath(lang: Lang, token: string): string {
  return localPath(lang, `/events/registration/${token}`);
}

const SUBJECT: Record<MailKind, RegistrationKey> = {
  confirmed: 'mail.confirmed.subject',
  waiting: 'mail.waiting.subject',
  applied: 'mail.applied.subject',
  again: 'mail.again.subject',
  offer: 'mail.offer.subject',
  expired: 'mail.expired.subject',
  reminder: 'mail.reminder.subject',
  cancelled: 'mail.cancelled.subject',
  cancelledByOrganiser: 'mail.cancelled.subject',
  approved: 'mail.approved.subject',
  declined: 'mail.declined.subject',
  waitlisted: 'mail.waitlisted.subject',
};
const TEXT: Record<MailKind, RegistrationKey> = {
  confirmed: 'mail.confirmed.text',
  waiting: 'mail.waiting.text',
  applied: 'mail.applied.text',
  again: 'mail.again.text',
  offer: 'mail.offer.text',
  expired: 'mail.expired.text',
  reminder: 'mail.reminder.text',
  cancelled: 'mail.cancelled.text',
  cancelledByOrganiser: 'mail.cancelledByOrganiser.text',
  approved: 'mail.approved.text',
  declined: 'mail.declined.text',
  waitlisted: 'mail.waitlisted.text',
};
/** The mails whose reader may come in: they carry the ticket code. */
const WITH_TICKET = new Set<MailKind>(['confirmed', 'approved', 'reminder']);
/** The mails that carry the event's .ics. */
const WITH_ICS = new Set<MailKind>(['confirmed', 'approved']);
/** The mails that may carry the .ics taking the event out of the calendar (see `withdrawIcs`). */
const WITH_CANCEL_ICS = new Set<MailKind>(['cancelled', 'cancelledByOrganiser']);

/**
 * The attachment that removes the event from a calendar (words.ts `cancellingIcs`): the person's
 * own cancellation mail and the organiser's event-cancellation mail (admin/) carry it.
 */
export function cancellingAttachment(event: EventRow, lang: Lang, origin: string): MailAttachment {
  return {
    filename: 'evenemang.ics',
    contentType: 'text/calendar; method=CANCEL',
    content: cancellingIcs(event, lang, origin),
  };
}

export async function mailRegistration(
  trx: Kysely<DB>,
  deps: MailDeps,
  event: EventRow,
  reg: RegistrationRow,
  kind: MailKind,
  extra: { place?: number; message?: string; againStatus?: string; withdrawIcs?: boolean } = {},
): Promise<void> {
  const lang: Lang = reg.language === 'en' ? 'en' : 'sv';
  const t = (key: RegistrationKey, params?: Record<string, string | number>) => msg.t(lang, key, params);
  const title = eventTitle(event, lang);
  const deadline = reg.offer_expires_at ? shortTime(lang, reg.offer_expires_at) : '';
  const url = `${deps.origin}${managePath(lang, manageToken(deps.secret, reg.region_id, reg.id))}`;
  const organiser = await organisationName(trx, reg.region_id, event.organisation_id);
  // A household gets its number of people in words ("2 personer", "2 people"); one person none.
  const text =
    (kind === 'confirmed' || kind === 'approved') && reg.seats > 1
      ? (`mail.${kind}.textGroup` as const)
      : TEXT[kind];
  const parts = [
    t('mail.hello', { name: reg.name }),
    t(text, { event: title, seats: reg.seats, place: extra.place ?? 1, deadline }),
  ];
  // Those who may come in: the ticket code, or for an online event the link (no entrance, no ticket).
  const admitted = WITH_TICKET.has(kind) || (kind === 'again' && extra.againStatus === 'confirmed');
  const online = event.location_kind === 'online';
  if (kind === 'declined' && extra.message) parts.push(t('mail.declinedMessage', { message: extra.message }));
  parts.push(
    t('mail.facts', {
      event: title,
      when: whenText(lang, event.starts_at, event.ends_at),
      // The online link goes to those who may come only.
      where: online && !admitted ? t('mail.onlineWhere') : whereText(event),
    }),
  );
  if (admitted && online) parts.push(t(event.online_url ? 'mail.online' : 'mail.onlineLater'));
  else if (admitted) parts.push(t('mail.ticket', { code: ticketCode(deps.secret, reg.region_id, reg.id) }));
  parts.push(t('mail.link', { url }));
  parts.push(t('mail.signoff', { organiser: organiser || title }));
  const attachments: MailAttachment[] = WITH_ICS.has(kind)
    ? [
        {
          filename: 'evenemang.ics',
          contentType: 'text/calendar; method=PUBLISH',
          content: eventIcs(event, lang, deps.origin),
        },
      ]
    : WITH_CANCEL_ICS.has(kind) && extra.withdrawIcs
      ? [cancellingAttachment(event, lang, deps.origin)]
      : [];
  await queueMail(trx, deps.queue, {
    regionId: reg.region_id,
    to: reg.email,
    language: lang,
    subject: t(SUBJECT[kind], { event: title }),
    text: parts.join('\n\n') + '\n',
    ...(attachments.length ? { attachments } : {}),
  });
}
