/**
 * The audit trail: every change of state by a person or program writes one event — actor,
 * organisation, region, a dotted action (`org.member.invited`), the subject and a few facts — in the
 * same transaction as the change. The back-office reads them back as sentences.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Principal } from './auth/principal.ts';
import type { DB } from './db/schema.ts';

/** Who acted: an account, or a label for programs ("cli", "system", an API token's name). */
export interface AuditActor {
  id: string | null;
  label: string;
}

export interface AuditEvent {
  regionId: string;
  actor: AuditActor;
  /** The organisation the change belongs to, when it belongs to one. */
  organisationId?: string | null;
  /** Dotted, lower-case: `<area>.<thing>.<verb>`, e.g. `org.member.invited`. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** Facts for the sentence (a role, a name); never secrets. */
  data?: Record<string, string | number | boolean | null>;
}

const ACTION = /^[a-z_]+(\.[a-z_]+)+$/;

/** A person acting on their own behalf (signing in, changing their own account). */
export function accountActor(accountId: string): AuditActor {
  return { id: accountId, label: '' };
}

/** The actor for a signed-in person or an API token. */
export function actorOf(principal: Principal): AuditActor {
  if (principal.account) return accountActor(principal.account.id);
  return { id: null, label: `token:${principal.token?.name ?? ''}` };
}

export const SYSTEM_ACTOR: AuditActor = { id: null, label: 'system' };
export const CLI_ACTOR: AuditActor = { id: null, label: 'cli' };

/** Writes one audit event; pass the change's transaction so both commit or neither does. */
export async function recordAudit(db: Kysely<DB>, event: AuditEvent): Promise<void> {
  if (!ACTION.test(event.action)) throw new Error(`Audit action must be dotted lower-case: ${event.action}`);
  await db
    .insertInto('audit_events')
    .values({
      region_id: event.regionId,
      actor_id: event.actor.id,
      actor_label: event.actor.label,
      organisation_id: event.organisationId ?? null,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId,
      data: JSON.stringify(event.data ?? {}),
    })
    .execute();
}

/** Removes an e-mail address from the facts of a region's audit events (its owner was erased). */
export async function scrubAddressFromAudit(db: Kysely<DB>, regionId: string, email: string): Promise<void> {
  await sql`UPDATE audit_events
    SET data = (SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) FROM jsonb_each(data) e
                WHERE lower(e.value #>> '{}') IS DISTINCT FROM ${email})
    WHERE region_id = ${regionId}
      AND EXISTS (SELECT 1 FROM jsonb_each(data) e WHERE lower(e.value #>> '{}') = ${email})`.execute(db);
}
