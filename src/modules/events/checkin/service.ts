/**
 * Check-in at the door: one registration checked in by the search, by its ticket code (typed or
 * scanned), or a batch the door's script queued while offline. Only a confirmed registration of
 * this (published) event gets in; a forged code, a used ticket, a waiting-list place or another
 * event's ticket each get their own answer. Every check-in and every undo is one transaction with
 * its audit event; event_checkins' primary key makes a resent check-in count once.
 */
import type { Kysely } from 'kysely';
import { recordAudit, type AuditActor } from '../../../platform/audit.ts';
import { hashSecret } from '../../../platform/auth/secrets.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { isUuid } from '../../../platform/http/params.ts';
import type { RateLimitRule } from '../../../platform/http/rate-limit.ts';
import { eventTitle, type EventRow } from '../events.ts';
import { MAX_GROUP } from '../model.ts';
import { TICKET_CODE } from '../tokens.ts';
import {
  checkinTime,
  deleteCheckin,
  insertCheckin,
  registrationById,
  registrationByTicketHash,
  type DoorRegistration,
} from './repository.ts';

export const METHODS = ['search', 'qr', 'manual'] as const;
export type CheckinMethod = (typeof METHODS)[number];

/** At most this many check-ins in one batch from the door's queue. */
export const MAX_BATCH = 200;
/** At most this many results of a search on the page. */
export const SEARCH_LIMIT = 25;
/** A search's text, at most this long (longer is cut). */
export const SEARCH_MAX = 100;
/** At most this many registrations in the door's offline list. */
export const LIST_LIMIT = 5000;
/** How far a device's clock may say it recorded a check-in from now (else not kept). */
const RECORDED_PAST_MS = 7 * 86_400_000;
const RECORDED_FUTURE_MS = 86_400_000;

/** The door's posts, per client address: a busy door sends a few a minute, a queue a batch. */
export const CHECKIN_PER_IP: RateLimitRule = { name: 'events-checkin', max: 600, windowSeconds: 900 };

export interface Actor {
  regionId: string;
  accountId: string;
  audit: AuditActor;
}

export interface CheckinRequest {
  registrationId?: string;
  ticketCode?: string;
  /** How many of the registration's seats came (default all; at most the seats). */
  people?: number;
  /** When the device recorded it, as it says (ISO 8601). */
  recordedAt?: string;
  method: CheckinMethod;
  /** Sent from the door's offline queue. */
  offline?: boolean;
}

export type CheckinOutcome =
  | { kind: 'checked_in'; registration: DoorRegistration; people: number; at: Date }
  | { kind: 'already'; registration: DoorRegistration; at: Date }
  | { kind: 'not_confirmed'; registration: DoorRegistration }
  | { kind: 'other_event' }
  | { kind: 'unknown' }
  | { kind: 'invalid' }
  | { kind: 'closed' };

/** Whether anyone may be checked in to the event now. */
export function checkinOpen(event: EventRow): boolean {
  return event.status === 'published';
}

function plausibleRecordedAt(value: string | undefined, now: Date): Date | null {
  if (!value) return null;
  const date = new Date(value);
  const t = date.getTime();
  if (!Number.isFinite(t)) return null;
  if (t < now.getTime() - RECORDED_PAST_MS || t > now.getTime() + RECORDED_FUTURE_MS) return null;
  return date;
}

async function resolve(
  db: Kysely<DB>,
  regionId: string,
  request: CheckinRequest,
): Promise<DoorRegistration | 'invalid' | 'unknown'> {
  if (request.ticketCode !== undefined) {
    const code = request.ticketCode.trim();
    if (!TICKET_CODE.test(code)) return 'invalid';
    return (await registrationByTicketHash(db, regionId, hashSecret(code))) ?? 'unknown';
  }
  if (request.registrationId !== undefined) {
    if (!isUuid(request.registrationId)) return 'unknown';
    return (await registrationById(db, regionId, request.registrationId)) ?? 'unknown';
  }
  return 'invalid';
}

/** Checks in one registration inside the caller's transaction (with its audit event). */
async function checkInWithin(
  trx: Kysely<DB>,
  actor: Actor,
  event: EventRow,
  request: CheckinRequest,
  now: Date,
): Promise<CheckinOutcome> {
  if (!checkinOpen(event)) return { kind: 'closed' };
  const found = await resolve(trx, actor.regionId, request);
  if (found === 'invalid' || found === 'unknown') return { kind: found };
  if (found.eventId !== event.id) return { kind: 'other_event' };
  if (found.status !== 'confirmed') return { kind: 'not_confirmed', registration: found };
  if (found.checkedInAt) return { kind: 'already', registration: found, at: found.checkedInAt };
  const asked = request.people ?? found.seats;
  if (!Number.isInteger(asked) || asked < 1 || asked > MAX_GROUP) return { kind: 'invalid' };
  const people = Math.min(asked, found.seats);
  const at = await insertCheckin(trx, {
    regionId: actor.regionId,
    eventId: event.id,
    registrationId: found.id,
    people,
    recordedAt: plausibleRecordedAt(request.recordedAt, now),
    by: actor.accountId,
    method: request.method,
  });
  if (!at) {
    // Checked in meanwhile (another door, or the same check-in sent twice at once).
    const then = await checkinTime(trx, actor.regionId, found.id);
    return { kind: 'already', registration: found, at: then ?? now };
  }
  await recordAudit(trx, {
    regionId: actor.regionId,
    actor: actor.audit,
    organisationId: event.organisation_id,
    action: 'event.checkin.recorded',
    subjectType: 'event_registration',
    subjectId: found.id,
    data: {
      event: event.id,
      title: eventTitle(event, 'sv'),
      method: request.method,
      offline: request.offline === true,
      people,
    },
  });
  return { kind: 'checked_in', registration: found, people, at };
}

/** One check-in from the page (search or typed code), in its own transaction. */
export async function checkIn(
  db: Kysely<DB>,
  actor: Actor,
  event: EventRow,
  request: CheckinRequest,
  now = new Date(),
): Promise<CheckinOutcome> {
  return db.transaction().execute((trx) => checkInWithin(trx, actor, event, request, now));
}

/**
 * A batch from the door's queue (at most MAX_BATCH, the route's schema holds it), in one
 * transaction: an answer per item, in order. A registration named twice counts once.
 */
export async function checkInBatch(
  db: Kysely<DB>,
  actor: Actor,
  event: EventRow,
  requests: readonly CheckinRequest[],
  now = new Date(),
): Promise<CheckinOutcome[]> {
  if (requests.length > MAX_BATCH) throw new Error('batch too large');
  return db.transaction().execute(async (trx) => {
    const outcomes: CheckinOutcome[] = [];
    for (const request of requests) outcomes.push(await checkInWithin(trx, actor, event, request, now));
    return outcomes;
  });
}

export type UndoOutcome =
  | { kind: 'undone'; registration: DoorRegistration }
  | { kind: 'not_checked_in'; registration: DoorRegistration }
  | { kind: 'unknown' };

/** Undoes a check-in made by mistake (audited). */
export async function undoCheckin(
  db: Kysely<DB>,
  actor: Actor,
  event: EventRow,
  registrationId: string,
): Promise<UndoOutcome> {
  if (!isUuid(registrationId)) return { kind: 'unknown' };
  return db.transaction().execute(async (trx) => {
    const found = await registrationById(trx, actor.regionId, registrationId);
    if (!found || found.eventId !== event.id) return { kind: 'unknown' };
    const deleted = await deleteCheckin(trx, actor.regionId, event.id, found.id);
    if (!deleted) return { kind: 'not_checked_in', registration: found };
    await recordAudit(trx, {
      regionId: actor.regionId,
      actor: actor.audit,
      organisationId: event.organisation_id,
      action: 'event.checkin.undone',
      subjectType: 'event_registration',
      subjectId: found.id,
      data: { event: event.id, title: eventTitle(event, 'sv'), people: deleted.people },
    });
    return { kind: 'undone', registration: found };
  });
}

/** An e-mail address as the offline list shows it: the first two letters and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '…';
  const local = email.slice(0, at);
  return `${local.slice(0, Math.min(2, local.length))}…${email.slice(at)}`;
}
