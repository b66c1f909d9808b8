/**
 * The rules of lead capture. Capturing is one transaction: the event_leads row; when the visitor
 * wants the talent pool, talent/join's sign-up waiting for their click (createSignup) and its mail;
 * when they want a navigator, a relocation case in the region's inbox (requestFromLead) whose
 * source names the event, the stand and the employer, its id kept on the lead; and the audit event
 * (no personal data in its facts). Deleting a lead (the person asked) is audited likewise.
 */
import type { Kysely } from 'kysely';
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
import type { LeadInput } from './form.ts';
import * as repo from './repository.ts';

/** The visitor's page posts, per client (route config): a queue at a stand shares one Wi-Fi. */
export const VISITOR_PER_IP: RateLimitRule = { name: 'event-lead-visitor', max: 60, windowSeconds: 900 };
/** The visitor's page views, per client. */
export const VISITOR_VIEW_PER_IP: RateLimitRule = { name: 'event-lead-page', max: 300, windowSeconds: 900 };
/** The stand staff's saves, per client (generous: a busy stand). */
export const STAFF_PER_IP: RateLimitRule = { name: 'event-lead-staff', max: 600, windowSeconds: 3600 };

/** How long before the start and after the end the visitors' page takes details. */
export const WINDOW_MS = 86_400_000;

export type VisitorWindow = 'open' | 'not_yet' | 'over' | 'cancelled';

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
  talentMailed: boolean;
}

export async function captureLead(
  ctx: CaptureContext,
  event: EventRow,
  stand: repo.Stand,
  lead: LeadInput,
  source: 'stand_form' | 'visitor_qr',
): Promise<Captured> {
  const regionId = ctx.region.id;
  return ctx.db.transaction().execute(async (trx) => {
    const account = await findAccountByEmail(trx, regionId, lead.email);
    const id = await repo.insertLead(trx, {
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
    if (lead.wantsTalentPool && lead.experience && lead.education) {
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
        ...signupMail(language, site, url),
      });
    }
    let caseId: string | null = null;
    if (lead.wantsNavigator) {
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
            title: eventTitle(event, lead.language),
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
      action: 'event.lead.captured',
      subjectType: 'event_lead',
      subjectId: id,
      data: {
        eventId: event.id,
        stand: stand.stand,
        source,
        talentPool: lead.wantsTalentPool,
        navigator: lead.wantsNavigator,
      },
    });
    return { id, caseId, talentMailed: lead.wantsTalentPool };
  });
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
