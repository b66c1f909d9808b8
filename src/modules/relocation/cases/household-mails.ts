/**
 * Short e-mails to the household when a navigator changes something they need to know: a meeting
 * planned (when, how, where) or cancelled, and the case handed over to another navigator. Sent to
 * the main mover's address (else their account's), in the case's language (sv when the case is in
 * Swedish, else en), with a link to their moving page and the navigator as reply-to — only while the
 * main mover's 'contact' consent is live. Queued in the change's transaction.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { shell } from '../../../platform/html/messages.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { Region } from '../../../platform/region.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { liveConsentsOf, navigatorName, type CaseRow } from '../cases.ts';
import { relocationMessages } from '../messages.ts';
import { MEETING_CHANNELS, PATHS, isOneOf } from '../model.ts';
import { caseMessages, type CaseMessageKey } from './messages.ts';

const timeFormats: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'full',
    timeStyle: 'short',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'full',
    timeStyle: 'short',
  }),
};

/** "måndag 29 mars 2027 14:30", Stockholm time. */
export function meetingTime(lang: Lang, date: Date): string {
  return timeFormats[lang].format(date).replace(' kl. ', ' ');
}

export interface HouseholdMailContext {
  db: Kysely<DB>;
  queue: TaskQueue;
  region: Region;
  /** The request's origin; the region's public address wins when it has one. */
  origin: string;
}

/** The main mover to write to, or undefined (no address, or no live 'contact' consent). */
async function recipientOf(db: Kysely<DB>, regionId: string, caseId: string) {
  const main = await db
    .selectFrom('relocation_persons as p')
    .leftJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 'p.region_id').onRef('a.id', '=', 'p.account_id'),
    )
    .select(['p.id', 'p.name', 'p.email', 'a.email as account_email'])
    .where('p.region_id', '=', regionId)
    .where('p.case_id', '=', caseId)
    .where('p.role', '=', 'main')
    .executeTakeFirst();
  const to = main?.email?.trim() || main?.account_email;
  if (!main || !to) return undefined;
  const live = await liveConsentsOf(db, regionId, [main.id]);
  if (!live.get(main.id)?.has('contact')) return undefined;
  return { to, name: main.name.trim() };
}

async function send(
  ctx: HouseholdMailContext,
  c: Pick<CaseRow, 'id' | 'ref' | 'language'>,
  replyTo: string | undefined,
  compose: (
    t: (key: CaseMessageKey, params?: Record<string, string>) => string,
    lang: Lang,
  ) => {
    subject: string;
    lines: string[];
  },
): Promise<void> {
  const recipient = await recipientOf(ctx.db, ctx.region.id, c.id);
  if (!recipient) return;
  const lang: Lang = c.language === 'sv' ? 'sv' : 'en';
  const t = (key: CaseMessageKey, params?: Record<string, string>) => caseMessages.t(lang, key, params);
  const { subject, lines } = compose(t, lang);
  const url = `${ctx.region.canonicalOrigin ?? ctx.origin}${localPath(lang, PATHS.ownMove)}`;
  const site = shell.t(lang, 'siteName', { region: ctx.region.name[lang] });
  await queueMail(ctx.db, ctx.queue, {
    regionId: ctx.region.id,
    to: recipient.to,
    language: lang,
    replyTo,
    subject,
    text: [
      recipient.name ? t('householdMail.hello', { name: recipient.name }) : t('householdMail.helloNoName'),
      '',
      ...lines,
      '',
      t('householdMail.link', { url }),
      '',
      t('householdMail.bye', { site }),
    ].join('\n'),
  });
}

const channelWords = (lang: Lang, channel: string) =>
  isOneOf(MEETING_CHANNELS, channel)
    ? relocationMessages.t(lang, `channel.${channel}`).toLocaleLowerCase(lang)
    : channel;

/** A meeting was planned: when (Stockholm), how, how long, and where or the link. */
export async function mailMeetingPlanned(
  ctx: HouseholdMailContext,
  c: Pick<CaseRow, 'id' | 'ref' | 'language'>,
  navigator: { name: string; email: string } | null,
  meeting: { startsAt: Date; minutes: number; channel: string; place: string },
): Promise<void> {
  await send(ctx, c, navigator?.email, (t, lang) => ({
    subject: t('householdMail.planned.subject', {
      ref: String(c.ref),
      time: meetingTime(lang, meeting.startsAt),
    }),
    lines: [
      t('householdMail.planned.text', {
        navigator: navigator ? navigatorName(navigator) : t('householdMail.yourNavigator'),
        time: meetingTime(lang, meeting.startsAt),
        channel: channelWords(lang, meeting.channel),
        minutes: String(meeting.minutes),
      }),
      ...(meeting.place
        ? [
            t(meeting.channel === 'video' ? 'householdMail.planned.link' : 'householdMail.planned.place', {
              place: meeting.place,
            }),
          ]
        : []),
    ],
  }));
}

/** A planned meeting was cancelled. */
export async function mailMeetingCancelled(
  ctx: HouseholdMailContext,
  c: Pick<CaseRow, 'id' | 'ref' | 'language'>,
  navigator: { name: string; email: string } | null,
  meeting: { startsAt: Date; channel: string },
): Promise<void> {
  await send(ctx, c, navigator?.email, (t, lang) => ({
    subject: t('householdMail.cancelled.subject', {
      ref: String(c.ref),
      time: meetingTime(lang, meeting.startsAt),
    }),
    lines: [
      t('householdMail.cancelled.text', {
        time: meetingTime(lang, meeting.startsAt),
        channel: channelWords(lang, meeting.channel),
      }),
    ],
  }));
}

/** The case was handed over: who the household's navigator is now. */
export async function mailHandedOver(
  ctx: HouseholdMailContext,
  c: Pick<CaseRow, 'id' | 'ref' | 'language'>,
  navigator: { name: string; email: string; organisationName: string },
): Promise<void> {
  await send(ctx, c, navigator.email, (t) => ({
    subject: t('householdMail.handover.subject', { ref: String(c.ref) }),
    lines: [
      t('householdMail.handover.text', {
        navigator: navigatorName(navigator),
        organisation: navigator.organisationName,
      }),
    ],
  }));
}
