/**
 * The rules of lead capture. Capturing is one transaction: the event_leads row; when the visitor
 * wants the talent pool, talent/join's sign-up waiting for their click (createSignup) and its mail;
 * when they want a navigator, a relocation case in the region's inbox (requestFromLead) whose
 * source names the event, the stand and the employer, its id kept on the lead; and the audit event
 * (no personal data in its facts). Deleting a lead (the person asked) is audited likewise.
 */
import { sql, type Kysely } from 'kysely';
import { recordAudit, type AuditActor } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { shell } from '../../../platform/html/messages.ts';
import type { RateLimitRule } from '../../../platform/http/rate-limit.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { Region } from '../../../platform/region.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { findAccountByEmail } from '../../identity/accounts.ts';
import { requestFromLead } from '../../relocation/request/service.ts';
import { createSignup } from '../../talent/join/service.ts';
import { EMPTY_DRAFT } from '../../talent/join/draft.ts';
import { signupMail } from '../../talent/join/views.ts';
import { eventTitle, type EventRow } from '../events.ts';
import { CONSENT_TEXT_VERSIONS } from '../model.ts';
import { LIMITS, type LeadInput } from './form.ts';
import * as repo from './repository.ts';

/** The visitor's page posts, per client (route config): a queue at a stand shares one Wi-Fi. */
export const VISITOR_PER_IP: RateLimitRule = { name: 'event-lead-visitor', max: 60, windowSeconds: 900 };
/** The visitor's page views, per client. */
export const VISITOR_VIEW_PER_IP: RateLimitRule = { name: 'event-lead-page', max: 300, windowSeconds: 900 };
/** The stand staff's saves, per client (generous: a busy stand). */
export const STAFF_PER_IP: RateLimitRule = { name: 'event-lead-staff', max: 600, windowSeconds: 3600 };

/** How long before the start and after the end the visitors' page takes details. */
export const WINDOW_MS = 86_400_000;
/**
 * How long after the end the stand staff's form still takes details: the visitors' day, plus the
 * days after a fair when the staff are back at the office typing in the paper notes (a week).
 */
export const STAFF_AFTER_MS = 7 * 86_400_000;
/** A second lead with the same address at the same stand within this updates the first. */
export const SAME_LEAD_MS = 86_400_000;

export type VisitorWindow = 'open' | 'not_yet' | 'over' | 'cancelled';
/** The staff's form also knows an event that is not published (yet): nothing to collect for. */
export type StaffWindow = VisitorWindow | 'unpublished';

/** Whether the stand's form takes details now: published, from a day before to a day after. */
export function visitorWindow(
  event: Pick<EventRow, 'status' | 'starts_at' | 'ends_at'>,
  now = new Date(),
): VisitorWindow {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status !== 'published') return 'over';
  if (now.getTime() < event.starts_at.getTime() - WINDOW_MS) return 'not_yet';
  if (now.getTime() > event.ends_at.getTime() + WINDOW_MS) return 'over';
  return 'open';
}

/**
 * Whether the stand staff's form takes details now: as the visitors' page (published, from a day
 * before the start), but until a week after the end for the paper notes; never a cancelled event.
 */
export function staffWindow(
  event: Pick<EventRow, 'status' | 'starts_at' | 'ends_at'>,
  now = new Date(),
): StaffWindow {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status !== 'published') return 'unpublished';
  if (now.getTime() < event.starts_at.getTime() - WINDOW_MS) return 'not_yet';
  if (now.getTime() > event.ends_at.getTime() + STAFF_AFTER_MS) return 'over';
  return 'open';
}

/** When the staff's form closes (for its closed notice). */
export function staffClosesAt(event: Pick<EventRow, 'ends_at'>): Date {
  return new Date(event.ends_at.getTime() + STAFF_AFTER_MS);
}

export type LeadSource = 'stand_form' | 'visitor_qr';

/**
 * The lead as it may be kept: a wish for the talent pool counts only with the two answers its
 * sign-up needs (the form asks for them then; a caller that has none records no wish rather than a
 * wish nobody is ever sent the link for).
 */
export function withTalentAnswers(lead: LeadInput): LeadInput {
  if (!lead.wantsTalentPool || (lead.experience && lead.education)) return lead;
  return { ...lead, wantsTalentPool: false, experience: null, education: null };
}

/**
 * What a second save of the same address at the same stand within a day makes of the first lead.
 * - From the visitors' page (public: anyone may type any address) it only adds: a field the first
 *   lead left empty is filled, the wishes are added to, nothing is replaced — not the name, phone,
 *   occupation or language the staff (or an earlier post) wrote down, nor the consent text version.
 * - From the stand staff's form (signed in, of that stand or managing the event, and audited) it is
 *   a correction: what is typed replaces (the name and language always, the phone and occupation
 *   when given; an empty field keeps what was there), the note is appended to, the wishes are added
 *   to. The same rule holds over a staff's lead and over a visitor's.
 * Wishes are never taken away by a repeat: what was started was started.
 */
export function mergeLead(
  earlier: Pick<
    repo.LeadRow,
    | 'name'
    | 'phone'
    | 'occupation'
    | 'note'
    | 'language'
    | 'consent_text_version'
    | 'wants_talent_pool'
    | 'wants_navigator'
  >,
  lead: LeadInput,
  source: LeadSource,
): Omit<repo.LeadUpdate, 'accountId'> {
  const staff = source === 'stand_form';
  const fill = (was: string, typed: string) => (staff ? typed || was : was || typed);
  return {
    name: fill(earlier.name, lead.name),
    phone: fill(earlier.phone, lead.phone),
    occupation: fill(earlier.occupation, lead.occupation),
    note: joinNotes(earlier.note, lead.note),
    language: staff ? lead.language : earlier.language || lead.language,
    consentTextVersion: staff
      ? CONSENT_TEXT_VERSIONS.lead
      : earlier.consent_text_version || CONSENT_TEXT_VERSIONS.lead,
    wantsTalentPool: earlier.wants_talent_pool || lead.wantsTalentPool,
    wantsNavigator: earlier.wants_navigator || lead.wantsNavigator,
  };
}

/** What a new lead would start: a talent pool sign-up mail, a navigator's case (with its mails). */
export interface Starts {
  talent: boolean;
  navigator: boolean;
}

/** What a lead starts given the same address's lead at the same stand today (if any). */
export function startsFor(
  lead: Pick<LeadInput, 'wantsTalentPool' | 'wantsNavigator'>,
  earlier: repo.LeadRow | undefined,
): Starts {
  return {
    talent: lead.wantsTalentPool && !earlier?.wants_talent_pool,
    navigator: lead.wantsNavigator && !earlier?.wants_navigator && !earlier?.case_id,
  };
}

/** What capturing this lead would start now (the routes limit those mails per address first). */
export async function wouldStart(
  db: Kysely<DB>,
  regionId: string,
  event: Pick<EventRow, 'id'>,
  stand: repo.Stand,
  lead: LeadInput,
  now = new Date(),
): Promise<Starts> {
  const earlier = await repo.recentLead(
    db,
    regionId,
    event.id,
    stand.organisationId,
    lead.email,
    new Date(now.getTime() - SAME_LEAD_MS),
  );
  return startsFor(withTalentAnswers(lead), earlier);
}

export interface CaptureContext {
  db: Kysely<DB>;
  queue: TaskQueue;
  region: Region;
  origin: string;
  actor: AuditActor;
}

export interface Captured {
  id: string;
  caseId: string | null;
  /** A talent pool sign-up mail was started by this capture. */
  talentMailed: boolean;
  /** A navigator's case was started by this capture. */
  navigatorStarted: boolean;
  /** The same address was already saved at this stand within a day: that lead was updated. */
  updated: boolean;
}

export async function captureLead(
  ctx: CaptureContext,
  event: EventRow,
  stand: repo.Stand,
  input: LeadInput,
  source: LeadSource,
): Promise<Captured> {
  const regionId = ctx.region.id;
  const lead = withTalentAnswers(input);
  return ctx.db.transaction().execute(async (trx) => {
    // One capture at a time per stand and address: two quick saves never both start the mails.
    const lockKey = `event-lead:${regionId}:${event.id}:${stand.organisationId ?? 'own'}:${lead.email}`;
    await sql`select pg_advisory_xact_lock(hashtext(${lockKey}))`.execute(trx);
    const earlier = await repo.recentLead(
      trx,
      regionId,
      event.id,
      stand.organisationId,
      lead.email,
      new Date(Date.now() - SAME_LEAD_MS),
    );
    const starts = startsFor(lead, earlier);
    const account = await findAccountByEmail(trx, regionId, lead.email);
    if (earlier) {
      // The same person again today (a second scan, the staff typing them in after the QR): the
      // first lead takes what the rule lets this save add (mergeLead); nothing already started is
      // started again.
      await repo.updateLead(trx, regionId, earlier.id, {
        ...mergeLead(earlier, lead, source),
        accountId: earlier.account_id ?? account?.id ?? null,
      });
    }
    const id = earlier
      ? earlier.id
      : await repo.insertLead(trx, {
          regionId,
          eventId: event.id,
          organisationId: stand.organisationId,
          stand: stand.stand,
          name: lead.name,
          email: lead.email,
          phone: lead.phone,
          occupation: lead.occupation,
          note: lead.note,
          language: lead.language,
          consentTextVersion: CONSENT_TEXT_VERSIONS.lead,
          wantsTalentPool: lead.wantsTalentPool,
          wantsNavigator: lead.wantsNavigator,
          accountId: account?.id ?? null,
          source,
          capturedBy: source === 'stand_form' ? ctx.actor.id : null,
        });
    if (starts.talent && lead.experience && lead.education) {
      const language = lead.language;
      const { url } = await createSignup(trx, {
        regionId,
        // What the stand asked; the rest as a new member's defaults ("not sure yet"), theirs to change.
        draft: {
          ...EMPTY_DRAFT,
          experience: lead.experience ?? '',
          education: lead.education ?? '',
          moveWhen: 'not-sure',
          housing: 'not-sure',
          about: lead.occupation,
          email: lead.email,
          language,
        },
        email: lead.email,
        language,
        origin: ctx.origin,
      });
      const site = shell.t(language, 'siteName', { region: ctx.region.name[language] });
      await queueMail(trx, ctx.queue, {
        regionId,
        to: lead.email,
        language,
        ...signupMail(language, site, url, {
          event: eventTitle(event, language),
          employer: stand.organisation,
          organiserStand: stand.organisationId === null,
        }),
      });
    }
    let caseId: string | null = null;
    if (starts.navigator) {
      const created = await requestFromLead(
        trx,
        { queue: ctx.queue, region: ctx.region, origin: ctx.origin },
        {
          name: lead.name,
          email: lead.email,
          phone: lead.phone,
          occupation: lead.occupation,
          language: lead.language,
          event: {
            id: event.id,
            title: { sv: eventTitle(event, 'sv'), en: eventTitle(event, 'en') },
            stand: stand.stand,
            employer: stand.organisation,
          },
        },
      );
      caseId = created.caseId;
      await repo.setLeadCase(trx, regionId, id, caseId);
    }
    await recordAudit(trx, {
      regionId,
      actor: ctx.actor,
      organisationId: stand.organisationId ?? event.organisation_id,
      action: earlier ? 'event.lead.updated' : 'event.lead.captured',
      subjectType: 'event_lead',
      subjectId: id,
      data: {
        eventId: event.id,
        stand: stand.stand,
        source,
        talentPool: lead.wantsTalentPool,
        navigator: lead.wantsNavigator,
        talentMailed: starts.talent,
        navigatorStarted: caseId !== null,
      },
    });
    return {
      id,
      caseId,
      talentMailed: starts.talent,
      navigatorStarted: caseId !== null,
      updated: earlier !== undefined,
    };
  });
}

/** The earlier note and the new one (when it says something else), within the column's bound. */
export function joinNotes(earlier: string, added: string): string {
  if (!added || earlier.includes(added)) return earlier;
  if (!earlier) return added.slice(0, LIMITS.note);
  return `${earlier}\n${added}`.slice(0, LIMITS.note);
}

/** Deletes a lead (the person asked); false when it was gone. */
export async function deleteLead(
  db: Kysely<DB>,
  regionId: string,
  actor: AuditActor,
  lead: repo.LeadRow,
  organisationId: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const gone = await repo.deleteLeadRow(trx, regionId, lead.id);
    if (!gone) return false;
    await recordAudit(trx, {
      regionId,
      actor,
      organisationId,
      action: 'event.lead.deleted',
      subjectType: 'event_lead',
      subjectId: lead.id,
      data: { eventId: lead.event_id, stand: lead.stand },
    });
    return true;
  });
}
