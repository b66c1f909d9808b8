/**
 * Asking a navigator: what the form shows (open slots of the inbox's and the region's navigators,
 * the job they were reading, what a talent profile already says), the request itself — the case,
 * its household, consents, the booked slot and meeting, history, audit and both e-mails in one
 * transaction; a slot taken meanwhile rolls everything back and the form is shown again with the
 * next slots — the short-lived signed receipt, the welcome link, and the navigators' own slots.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { accountActor, recordAudit, type AuditActor } from '../../../platform/audit.ts';
import { randomToken } from '../../../platform/auth/secrets.ts';
import type { SessionStore } from '../../../platform/auth/sessions.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { shell } from '../../../platform/html/messages.ts';
import type { RateLimitRule } from '../../../platform/http/rate-limit.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { Region } from '../../../platform/region.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { findOrCreateAccount, normalizeEmail, startSession } from '../../identity/accounts.ts';
import { findJob } from '../../jobs/repository.ts';
import { conceptsById } from '../../talent/join/taxonomy.ts';
import { profileOf } from '../../talent/profiles.ts';
import { addCaseEvent, giveConsent, inboxOrganisation, navigatorName, organisationName } from '../cases.ts';
import { relocationMessages } from '../messages.ts';
import { casePath, CHANNELS, PATHS, type Channel, type Housing } from '../model.ts';
import type { RequestInput } from './form.ts';
import { requestMessages } from './messages.ts';
import * as repo from './repository.ts';

export const LINK_DAYS = 14;
/** How long the receipt's signed address shows the receipt. */
export const RECEIPT_MINUTES = 120;
/** Per client (route config) and per address (deps.rateLimiter, keyed hash of the mailbox). */
export const REQUEST_PER_IP: RateLimitRule = { name: 'relocation-request', max: 5, windowSeconds: 900 };
export const REQUEST_PER_ADDRESS: RateLimitRule = {
  name: 'relocation-request-address',
  max: 3,
  windowSeconds: 86_400,
};
/** The form's "show times" and re-shown pages (no writes). */
export const FORM_PER_IP: RateLimitRule = { name: 'relocation-request-form', max: 120, windowSeconds: 900 };
export const LINK_PER_IP: RateLimitRule = { name: 'relocation-link', max: 30, windowSeconds: 900 };

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const slotFormats: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }),
};
const dayFormats: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }),
};
const clock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  hour: '2-digit',
  minute: '2-digit',
});

/** "tisdag 24 mars 10:00" in Stockholm time. */
export function formatSlotTime(lang: Lang, date: Date): string {
  return slotFormats[lang].format(date).replace(' kl. ', ' ');
}
export function formatSlotDay(lang: Lang, date: Date): string {
  return dayFormats[lang].format(date);
}
export function formatClock(date: Date): string {
  return clock.format(date);
}
/** The Stockholm calendar day of an instant (groups the slots by day). */
export function stockholmDay(date: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(date);
}

/** The organisations whose navigators' slots a request for this municipality may book. */
export async function slotOrganisations(
  db: Kysely<DB>,
  regionId: string,
  municipalityCode: string | null,
): Promise<string[]> {
  const inbox = await inboxOrganisation(db, regionId, municipalityCode);
  const region = await repo.regionOrganisation(db, regionId);
  return [...new Set([inbox, ...(region ? [region] : [])])];
}

export async function slotsFor(
  db: Kysely<DB>,
  regionId: string,
  municipality: string,
  channel: string,
  region: Region,
): Promise<repo.OpenSlot[]> {
  const code = region.municipalities.some((m) => m.code === municipality) ? municipality : null;
  const ch: Channel = (CHANNELS as readonly string[]).includes(channel) ? (channel as Channel) : 'email';
  return repo.openSlots(db, regionId, await slotOrganisations(db, regionId, code), ch);
}

/** The job they were reading (its headline and employer), when it exists. */
export async function jobOf(db: Kysely<DB>, regionId: string, id: string) {
  if (!id) return undefined;
  const job = await findJob(db, regionId, id);
  return job ? { id: job.id, headline: job.headline, employer: job.employerName } : undefined;
}

/** What a talent profile already says about the household (shown, not asked again). */
export interface KnownFacts {
  occupations: string[];
  hasPartner: boolean;
  partnerOccupations: string[];
  childrenAges: number[];
  housing: Housing;
  municipalities: string[];
}

export async function knownFromProfile(
  db: Kysely<DB>,
  regionId: string,
  accountId: string | undefined,
  lang: Lang,
): Promise<KnownFacts | undefined> {
  if (!accountId) return undefined;
  const profile = await profileOf(db, regionId, accountId);
  if (!profile) return undefined;
  const h = profile.household;
  const [occupations, partnerOccupations] = await Promise.all([
    conceptsById(db, 'occupation-name', profile.occupations, lang),
    h.hasPartner ? conceptsById(db, 'occupation-name', h.partnerOccupations, lang) : [],
  ]);
  return {
    occupations: occupations.map((o) => o.label),
    hasPartner: h.hasPartner,
    partnerOccupations: partnerOccupations.map((o) => o.label),
    childrenAges: h.childrenAges.filter((a) => a >= 0 && a <= 25).slice(0, 10),
    housing: h.housing === 'not-sure' ? 'not_sure' : h.housing,
    municipalities: profile.municipalities,
  };
}

// ---- The receipt's signed address ----

function receiptMac(secret: string, regionId: string, caseId: string, until: number): string {
  return createHmac('sha256', secret)
    .update(`relocation-receipt:${regionId}:${caseId}:${until}`)
    .digest('base64url')
    .slice(0, 32);
}

/** `<case id>.<until, epoch seconds>.<mac>`: shows the receipt for RECEIPT_MINUTES, nothing else. */
export function receiptToken(secret: string, regionId: string, caseId: string, now = Date.now()): string {
  const until = Math.floor(now / 1000) + RECEIPT_MINUTES * 60;
  return `${caseId}.${until}.${receiptMac(secret, regionId, caseId, until)}`;
}

/** The case a receipt token stands for while it is valid. */
export function receiptCase(
  secret: string,
  regionId: string,
  token: string,
  now = Date.now(),
): string | undefined {
  const match = /^([0-9a-f-]{36})\.(\d{10})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return undefined;
  const [, caseId, untilText, mac] = match as unknown as [string, string, string, string];
  const until = Number(untilText);
  if (until * 1000 < now) return undefined;
  const expected = Buffer.from(receiptMac(secret, regionId, caseId, until));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? caseId : undefined;
}

/** What the receipt shows: the reference, the navigator and organisation, the booked time. */
export interface Receipt {
  ref: string;
  navigator: string | null;
  organisation: string;
  booked: { startsAt: Date; channel: Channel } | null;
  signedIn: boolean;
}

export async function receiptOf(
  db: Kysely<DB>,
  regionId: string,
  caseId: string,
): Promise<Receipt | undefined> {
  const c = await db
    .selectFrom('relocation_cases as c')
    .leftJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 'c.region_id').onRef('a.id', '=', 'c.navigator_id'),
    )
    .select(['c.ref', 'c.organisation_id', 'c.navigator_id', 'c.account_id', 'a.display_name', 'a.email'])
    .where('c.region_id', '=', regionId)
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!c) return undefined;
  // The navigator's organisation (their membership), else the inbox's.
  const navOrg = c.navigator_id
    ? await db
        .selectFrom('memberships as m')
        .innerJoin('organisations as o', (j) =>
          j.onRef('o.region_id', '=', 'm.region_id').onRef('o.id', '=', 'm.organisation_id'),
        )
        .select('o.name')
        .where('m.region_id', '=', regionId)
        .where('m.account_id', '=', c.navigator_id)
        .where('m.role', '=', 'navigator')
        .orderBy(({ eb }) => eb('m.organisation_id', '=', c.organisation_id), 'desc')
        .executeTakeFirst()
    : undefined;
  const meeting = await db
    .selectFrom('relocation_meetings')
    .select(['starts_at', 'channel'])
    .where('region_id', '=', regionId)
    .where('case_id', '=', caseId)
    .where('slot_id', 'is not', null)
    .where('cancelled_at', 'is', null)
    .orderBy('starts_at')
    .executeTakeFirst();
  return {
    ref: String(c.ref),
    navigator:
      c.navigator_id && c.email !== null
        ? navigatorName({ name: c.display_name ?? '', email: c.email })
        : null,
    organisation: navOrg?.name ?? (await organisationName(db, regionId, c.organisation_id)),
    booked: meeting ? { startsAt: meeting.starts_at, channel: meeting.channel as Channel } : null,
    signedIn: c.account_id !== null,
  };
}

// ---- The request ----

export interface RequestContext {
  db: Kysely<DB>;
  queue: TaskQueue;
  region: Region;
  /** The page's language (the e-mail to the household is in it). */
  lang: Lang;
  origin: string;
  /** The signed-in requester. */
  account?: { id: string; email: string };
  known?: KnownFacts;
  jobId?: string;
  campaign?: { source: string; medium: string; campaign: string };
}

export type RequestResult = { kind: 'done'; caseId: string; ref: string } | { kind: 'slot-taken' };

class SlotTaken extends Error {}

/** Stores a checked request (see the file's comment); 'slot-taken' changes nothing. */
export async function submitRequest(ctx: RequestContext, input: RequestInput): Promise<RequestResult> {
  const { db, region } = ctx;
  const regionId = region.id;
  const known = ctx.known;
  const organisationId = await inboxOrganisation(db, regionId, input.municipalityCode);
  const organisations = await slotOrganisations(db, regionId, input.municipalityCode);
  const source: Record<string, unknown> = { page: 'move' };
  if (ctx.jobId) source.jobId = ctx.jobId;
  if (ctx.campaign && (ctx.campaign.source || ctx.campaign.medium || ctx.campaign.campaign))
    source.campaign = ctx.campaign;
  if (known) source.fromTalentProfile = true;
  const housing = known ? known.housing : input.housing;
  const childrenAges = known ? known.childrenAges : input.childrenAges;
  const partner = known
    ? known.hasPartner
      ? {
          name: input.partner?.name ?? '',
          citizenship: input.partner?.citizenship ?? 'unknown',
          occupation: known.partnerOccupations.join(', ').slice(0, 200),
          email: input.partner?.email ?? null,
          consents: input.partner?.consents ?? [],
        }
      : null
    : input.partner;
  const email = ctx.account ? normalizeEmail(ctx.account.email) : input.email;

  try {
    return await db.transaction().execute(async (trx) => {
      const created = await repo.insertCase(trx, {
        regionId,
        organisationId,
        municipalityCode: input.municipalityCode,
        navigatorId: null,
        needs: input.needs,
        channel: input.channel,
        language: input.language,
        housing,
        message: input.message,
        source,
        accountId: ctx.account?.id ?? null,
      });
      const caseId = created.id;
      let navigatorId: string | null = null;
      let booked: { startsAt: Date; minutes: number } | undefined;
      if (input.slotId) {
        const slot = await repo.bookSlot(trx, regionId, input.slotId, caseId, organisations, input.channel);
        if (!slot) throw new SlotTaken();
        navigatorId = slot.navigatorId;
        booked = slot;
        await repo.insertMeeting(trx, {
          regionId,
          caseId,
          slotId: input.slotId,
          navigatorId,
          startsAt: slot.startsAt,
          minutes: slot.minutes,
          channel: input.channel,
        });
      } else {
        const regionOrg = organisations.find((o) => o !== organisationId);
        navigatorId =
          (await repo.leastLoadedNavigator(trx, regionId, organisationId)) ??
          (regionOrg ? await repo.leastLoadedNavigator(trx, regionId, regionOrg) : undefined) ??
          null;
      }
      if (navigatorId) await repo.setCaseNavigator(trx, regionId, caseId, navigatorId);

      const mainId = await repo.insertPerson(trx, regionId, caseId, {
        role: 'main',
        name: input.name,
        email,
        phone: input.phone,
        citizenship: input.citizenship,
        occupation: known ? known.occupations.join(', ').slice(0, 200) : input.occupation,
        accountId: ctx.account?.id ?? null,
      });
      if (partner) {
        const partnerId = await repo.insertPerson(trx, regionId, caseId, {
          role: 'partner',
          name: partner.name,
          citizenship: partner.citizenship,
          occupation: partner.occupation,
          email: partner.email,
        });
        // Given by the main mover on the partner's behalf, with their agreement (the form says so).
        for (const purpose of partner.consents) await giveConsent(trx, regionId, partnerId, purpose);
      }
      for (const age of childrenAges) await repo.insertPerson(trx, regionId, caseId, { role: 'child', age });
      for (const purpose of input.consents) await giveConsent(trx, regionId, mainId, purpose);

      const actorId = ctx.account?.id ?? null;
      await addCaseEvent(trx, {
        regionId,
        caseId,
        actorId,
        kind: 'created',
        data: {
          needs: input.needs,
          channel: input.channel,
          source,
          ...(partner?.consents.length ? { partnerConsents: partner.consents } : {}),
        },
      });
      if (booked && input.slotId)
        await addCaseEvent(trx, {
          regionId,
          caseId,
          actorId,
          kind: 'meeting.booked',
          data: { slotId: input.slotId, startsAt: booked.startsAt.toISOString(), minutes: booked.minutes },
        });
      const actor: AuditActor = actorId ? accountActor(actorId) : { id: null, label: 'household' };
      await recordAudit(trx, {
        regionId,
        actor,
        organisationId,
        action: 'relocation.case.requested',
        subjectType: 'relocation_case',
        subjectId: caseId,
        data: { ref: created.ref, booked: !!booked, channel: input.channel },
      });

      await sendMails(trx, ctx, {
        caseId,
        ref: created.ref,
        mainId,
        name: input.name,
        email,
        navigatorId,
        organisationId,
        booked: booked ? { startsAt: booked.startsAt, channel: input.channel } : null,
        needs: input.needs,
      });
      return { kind: 'done' as const, caseId, ref: created.ref };
    });
  } catch (error) {
    if (error instanceof SlotTaken) return { kind: 'slot-taken' };
    throw error;
  }
}

/** A visitor met at an event's stand who asked for a navigator (events/leads): plain facts only. */
export interface LeadRequest {
  name: string;
  email: string;
  phone: string;
  occupation: string;
  /** The language they spoke at the stand (the case's and the e-mail's). */
  language: Lang;
  /**
   * Where they were met: the event (its title in both languages, so a navigator reads it in theirs),
   * the stand and the employer, as plain facts for the navigator.
   */
  event: { id: string; title: Record<Lang, string>; stand: string; employer: string };
}

/**
 * A relocation case in the region's inbox for a lead who asked for a navigator, inside the caller's
 * transaction (the lead and the case commit together): the household's main person with the
 * contact consent they gave at the stand, the least loaded navigator, history, audit and the same
 * two e-mails as a request from the form. Its source names the event, the stand and the employer.
 */
export async function requestFromLead(
  trx: Kysely<DB>,
  ctx: { queue: TaskQueue; region: Region; origin: string },
  lead: LeadRequest,
): Promise<{ caseId: string; ref: string }> {
  const regionId = ctx.region.id;
  const organisationId = await inboxOrganisation(trx, regionId, null);
  const source: Record<string, unknown> = {
    page: 'event',
    eventId: lead.event.id,
    // The title in the visitor's language, and both, so the case file speaks the navigator's language.
    eventTitle: lead.event.title[lead.language],
    eventTitleSv: lead.event.title.sv,
    eventTitleEn: lead.event.title.en,
    stand: lead.event.stand,
    employer: lead.event.employer,
  };
  const created = await repo.insertCase(trx, {
    regionId,
    organisationId,
    municipalityCode: null,
    navigatorId: null,
    needs: [],
    channel: 'email',
    language: lead.language,
    housing: 'not_sure',
    message: '',
    source,
    accountId: null,
  });
  const caseId = created.id;
  const navigatorId = (await repo.leastLoadedNavigator(trx, regionId, organisationId)) ?? null;
  if (navigatorId) await repo.setCaseNavigator(trx, regionId, caseId, navigatorId);
  const email = normalizeEmail(lead.email);
  const mainId = await repo.insertPerson(trx, regionId, caseId, {
    role: 'main',
    name: lead.name,
    email,
    phone: lead.phone || null,
    citizenship: 'unknown',
    occupation: lead.occupation,
    accountId: null,
  });
  await giveConsent(trx, regionId, mainId, 'contact');
  await addCaseEvent(trx, {
    regionId,
    caseId,
    actorId: null,
    kind: 'created',
    data: { needs: [], channel: 'email', source },
  });
  await recordAudit(trx, {
    regionId,
    actor: { id: null, label: 'household' },
    organisationId,
    action: 'relocation.case.requested',
    subjectType: 'relocation_case',
    subjectId: caseId,
    data: { ref: created.ref, booked: false, channel: 'email' },
  });
  await sendMails(
    trx,
    { db: trx, queue: ctx.queue, region: ctx.region, lang: lead.language, origin: ctx.origin },
    {
      caseId,
      ref: created.ref,
      mainId,
      name: lead.name,
      email,
      navigatorId,
      organisationId,
      booked: null,
      needs: [],
    },
  );
  return { caseId, ref: created.ref };
}

async function sendMails(
  trx: Kysely<DB>,
  ctx: RequestContext,
  c: {
    caseId: string;
    ref: string;
    mainId: string;
    name: string;
    email: string | null;
    navigatorId: string | null;
    organisationId: string;
    booked: { startsAt: Date; channel: Channel } | null;
    needs: string[];
  },
): Promise<void> {
  const regionId = ctx.region.id;
  const navigator = c.navigatorId ? await repo.navigatorInfo(trx, regionId, c.navigatorId) : undefined;
  const receipt = await receiptOf(trx, regionId, c.caseId);
  const organisation = receipt?.organisation ?? '';
  if (c.email) {
    const lang = ctx.lang;
    const m = (key: Parameters<typeof requestMessages.t>[1], params?: Record<string, string>) =>
      requestMessages.t(lang, key, params);
    const site = shell.t(lang, 'siteName', { region: ctx.region.name[lang] });
    let url: string;
    if (ctx.account) url = `${ctx.origin}${localPath(lang, PATHS.ownMove)}`;
    else {
      const token = randomToken();
      await repo.insertLink(trx, regionId, token, c.caseId, c.mainId, LINK_DAYS, c.email);
      url = `${ctx.origin}${localPath(lang, `${PATHS.move}/welcome/${token}`)}`;
    }
    const navigatorLine = navigator
      ? m('mail.navigator', {
          navigator: navigatorName({ name: navigator.display_name, email: navigator.email }),
          organisation,
        })
      : m('mail.noNavigator', { organisation });
    const bookedLine = c.booked
      ? m('mail.booked', {
          time: formatSlotTime(lang, c.booked.startsAt),
          channel: relocationMessages.t(lang, `channel.${c.booked.channel}`).toLowerCase(),
        })
      : m('mail.notBooked');
    await queueMail(trx, ctx.queue, {
      regionId,
      to: c.email,
      language: lang,
      subject: m('mail.subject', { ref: c.ref, site }),
      text: m('mail.text', { name: c.name, ref: c.ref, navigatorLine, bookedLine, url, site }),
    });
  }
  if (navigator) {
    const lang: Lang = navigator.language === 'en' ? 'en' : 'sv';
    const site = shell.t(lang, 'siteName', { region: ctx.region.name[lang] });
    const needs =
      c.needs.map((n) => relocationMessages.t(lang, `need.${n}` as 'need.job')).join(', ') ||
      requestMessages.t(lang, 'navMail.noNeeds');
    const bookedLine = c.booked
      ? requestMessages.t(lang, 'navMail.booked', {
          time: formatSlotTime(lang, c.booked.startsAt),
          channel: relocationMessages.t(lang, `channel.${c.booked.channel}`).toLowerCase(),
        })
      : '';
    await queueMail(trx, ctx.queue, {
      regionId,
      to: navigator.email,
      language: lang,
      subject: requestMessages.t(lang, 'navMail.subject', { ref: c.ref }),
      text: requestMessages.t(lang, 'navMail.text', {
        ref: c.ref,
        needs,
        bookedLine,
        url: `${ctx.origin}${casePath(c.caseId)}`,
        site,
      }),
    });
  }
}

// ---- The welcome link ----

/** Whether the link is live (the GET shows the confirm button; it changes nothing). */
export async function welcomeLive(db: Kysely<DB>, regionId: string, token: string): Promise<boolean> {
  if (!TOKEN.test(token)) return false;
  return (await repo.liveLink(db, regionId, token)) !== undefined;
}

/**
 * Spends the link: finds or creates the account of the main person's address, links it to the
 * person and the case, starts a session. Undefined when the link is not live.
 */
export async function spendWelcome(
  db: Kysely<DB>,
  sessions: SessionStore,
  input: {
    regionId: string;
    token: string;
    lang: Lang;
    browser: { previousToken: string | undefined; userAgent: string | undefined };
  },
): Promise<{ accountId: string; sessionToken: string } | undefined> {
  if (!TOKEN.test(input.token)) return undefined;
  const { regionId } = input;
  return db.transaction().execute(async (trx) => {
    const link = await repo.spendLink(trx, regionId, input.token);
    if (!link) return undefined;
    const person = await repo.personEmail(trx, regionId, link.person_id);
    // Only the address the link was mailed to: a link whose person now has another address (a
    // merge moved it, or the address changed) signs in no one.
    if (!person?.email || !link.email || person.email.trim().toLowerCase() !== link.email) return undefined;
    const { account } = await findOrCreateAccount(trx, regionId, person.email, input.lang, 'self');
    await repo.linkAccount(trx, regionId, link.case_id, link.person_id, account.id);
    await addCaseEvent(trx, { regionId, caseId: link.case_id, actorId: account.id, kind: 'account.linked' });
    await recordAudit(trx, {
      regionId,
      actor: accountActor(account.id),
      action: 'relocation.case.linked',
      subjectType: 'relocation_case',
      subjectId: link.case_id,
    });
    const session = await startSession(sessions, {
      regionId,
      accountId: account.id,
      method: 'link',
      db: trx,
      ...input.browser,
    });
    return { accountId: account.id, sessionToken: session.token };
  });
}
