/**
 * Registration's rules. Every change of seats or of who holds them runs in one transaction under
 * the event row's lock (events.ts lockEvent), with its audit event and its mail, so two people can
 * never be given the same seat: `takeSeats` refuses what is not free, and the table's CHECK
 * (seats_taken <= capacity) holds whatever happens.
 *
 * - register: one live registration per address and event (a second attempt mails the link
 *   again); 'open' → confirmed while seats are free, else waiting; 'application' → applied.
 * - offerFreedSeats: freed seats go to the waiting people in queued_at order whose seats fit:
 *   'offered', the seats held, a deadline (offer_hours, never after the start), a mail.
 * - the personal page's changes (seats, answers, cancel, take or decline an offer), the
 *   organisers' decisions (cancel, approve, waiting list, decline), the tasks (offers expired and
 *   seats free with people waiting; reminders the day before).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { accountActor, recordAudit, SYSTEM_ACTOR, type AuditActor } from '../../../platform/audit.ts';
import { hashSecret } from '../../../platform/auth/secrets.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import {
  eventTitle,
  lockEvent,
  registrationOpen,
  releaseSeats,
  takeSeats,
  type EventRow,
} from '../events.ts';
import {
  CONSENT_TEXT_VERSIONS,
  LIVE_STATUSES,
  MAX_GROUP,
  SEAT_STATUSES,
  type RegistrationStatus,
} from '../model.ts';
import { MANAGE_TOKEN, registrationHashes } from '../tokens.ts';
import type { RegisterInput } from './form.ts';
import { hasExhibitors } from './repository.ts';
import { mailRegistration, type MailDeps, type MailKind, type RegistrationRow } from './mails.ts';

export interface RegistrationDeps extends MailDeps {
  db: Kysely<DB>;
}

/** The actor of a person acting through their personal link (no account needed). */
export const REGISTRANT: AuditActor = { id: null, label: 'registrant' };

const holdsSeats = (status: string) => (SEAT_STATUSES as readonly string[]).includes(status);

async function audit(
  trx: Kysely<DB>,
  actor: AuditActor,
  event: EventRow,
  reg: { id: string },
  action: string,
  data: Record<string, string | number | boolean | null> = {},
): Promise<void> {
  await recordAudit(trx, {
    regionId: event.region_id,
    actor,
    organisationId: event.organisation_id,
    action: `event.registration.${action}`,
    subjectType: 'event_registration',
    subjectId: reg.id,
    data: {
      event: eventTitle(event, 'sv'),
      ...data,
      ...(actor === REGISTRANT ? { self_service: true } : {}),
    },
  });
}

async function registrationFor(
  trx: Kysely<DB>,
  regionId: string,
  id: string,
): Promise<RegistrationRow | undefined> {
  return trx
    .selectFrom('event_registrations')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

async function setStatus(
  trx: Kysely<DB>,
  reg: RegistrationRow,
  values: Partial<{
    status: string;
    seats: number;
    offer_expires_at: Date | null;
    cancelled_at: Date | null;
    decided_by: string | null;
    decided_at: Date | null;
    answers: string;
  }>,
): Promise<RegistrationRow> {
  return trx
    .updateTable('event_registrations')
    .set({ ...values, updated_at: sql`now()` })
    .where('region_id', '=', reg.region_id)
    .where('id', '=', reg.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The place of a waiting registration in its event's queue (1 = next). */
export async function waitingPlace(db: Kysely<DB>, reg: RegistrationRow): Promise<number> {
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('region_id', '=', reg.region_id)
    .where('event_id', '=', reg.event_id)
    .where('status', '=', 'waiting')
    .where(sql<boolean>`(queued_at, id) < (${reg.queued_at}, ${reg.id}::uuid)`)
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}

async function mail(
  trx: Kysely<DB>,
  deps: MailDeps,
  event: EventRow,
  reg: RegistrationRow,
  kind: MailKind,
  extra: { message?: string; againStatus?: string; withdrawIcs?: boolean } = {},
): Promise<void> {
  const place = reg.status === 'waiting' ? await waitingPlace(trx, reg) : undefined;
  await mailRegistration(trx, deps, event, reg, kind, { ...extra, ...(place ? { place } : {}) });
}

// ---- Freed seats ----

/** How many waiting people one pass offers seats to at most (the rest at the next pass). */
const OFFER_BATCH = 200;

/**
 * Offers the event's free seats to the next waiting people whose seats fit, in queued_at order:
 * 'offered', the seats held, a deadline of offer_hours (never after the start), a mail with the
 * link. Locks the event (again, if the caller did); nothing for an event that is not published
 * or has started. Returns how many were offered a seat.
 */
export async function offerFreedSeats(
  trx: Transaction<DB>,
  deps: MailDeps,
  regionId: string,
  eventId: string,
  now: Date = new Date(),
): Promise<number> {
  const event = await lockEvent(trx, regionId, eventId);
  if (!event || event.status !== 'published' || event.starts_at <= now) return 0;
  let left = event.capacity === null ? Infinity : event.capacity - event.seats_taken;
  if (left <= 0) return 0;
  const waiting = await trx
    .selectFrom('event_registrations')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('event_id', '=', eventId)
    .where('status', '=', 'waiting')
    .orderBy('queued_at')
    .orderBy('id')
    .limit(OFFER_BATCH)
    .execute();
  const hours = event.offer_hours;
  const deadline = new Date(Math.min(now.getTime() + hours * 3_600_000, event.starts_at.getTime()));
  let offered = 0;
  for (const w of waiting) {
    if (left <= 0) break;
    if (w.seats > left) continue;
    if (!(await takeSeats(trx, regionId, eventId, w.seats))) continue;
    left -= w.seats;
    const reg = await setStatus(trx, w, { status: 'offered', offer_expires_at: deadline });
    await audit(trx, SYSTEM_ACTOR, event, reg, 'offered', { seats: reg.seats });
    await mail(trx, deps, event, reg, 'offer');
    offered += 1;
  }
  return offered;
}

// ---- Registering ----

export type RegisterResult =
  { kind: 'confirmed' | 'waiting' | 'applied' | 'already'; id: string } | { kind: 'closed' };

/** The account of an address in the region, if there is one. */
async function accountOfEmail(trx: Kysely<DB>, regionId: string, email: string): Promise<string | null> {
  const row = await trx
    .selectFrom('accounts')
    .select('id')
    .where('region_id', '=', regionId)
    .where(sql<string>`lower(email)`, '=', email)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function register(
  deps: RegistrationDeps,
  input: RegisterInput & { regionId: string; eventId: string; lang: Lang; accountId?: string | null },
  now: Date = new Date(),
): Promise<RegisterResult> {
  const { regionId, eventId } = input;
  return deps.db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, regionId, eventId);
    if (!event || !registrationOpen(event, now)) return { kind: 'closed' as const };
    if (input.seats < 1 || input.seats > Math.min(event.max_group, MAX_GROUP))
      return { kind: 'closed' as const };
    const existing = await trx
      .selectFrom('event_registrations')
      .selectAll()
      .where('region_id', '=', regionId)
      .where('event_id', '=', eventId)
      .where('email', '=', input.email)
      .where('status', 'in', [...LIVE_STATUSES])
      .executeTakeFirst();
    if (existing) {
      await mail(trx, deps, event, existing, 'again', { againStatus: existing.status });
      return { kind: 'already' as const, id: existing.id };
    }
    let status: 'confirmed' | 'waiting' | 'applied';
    if (event.registration === 'application') status = 'applied';
    else {
      // Those already waiting come first: free seats are offered to them before a newcomer.
      await offerFreedSeats(trx, deps, regionId, eventId, now);
      status = (await takeSeats(trx, regionId, eventId, input.seats)) ? 'confirmed' : 'waiting';
    }
    const id = randomUUID();
    const accountId = input.accountId ?? (await accountOfEmail(trx, regionId, input.email));
    const reg = await trx
      .insertInto('event_registrations')
      .values({
        region_id: regionId,
        id,
        event_id: eventId,
        account_id: accountId,
        name: input.name,
        email: input.email,
        language: input.lang,
        seats: input.seats,
        status,
        queued_at: now,
        answers: JSON.stringify(input.answers),
        consent_text_version: CONSENT_TEXT_VERSIONS.registration,
        share_with_exhibitors: input.share,
        ...registrationHashes(deps.secret, regionId, id),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, accountId ? accountActor(accountId) : REGISTRANT, event, reg, 'created', {
      status,
      seats: input.seats,
    });
    await mail(trx, deps, event, reg, status);
    return { kind: status, id };
  });
}

// ---- The personal page ----

/** The registration a personal link's token stands for; anything else undefined (a 404). */
export async function registrationByToken(
  db: Kysely<DB>,
  regionId: string,
  token: string,
): Promise<RegistrationRow | undefined> {
  if (!MANAGE_TOKEN.test(token)) return undefined;
  return db
    .selectFrom('event_registrations')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('manage_hash', '=', hashSecret(token))
    .executeTakeFirst();
}

export type ChangeResult = 'done' | 'full' | 'decided' | 'not-allowed' | 'gone';

/** Runs `change` under the event's lock with the registration read afresh. */
async function underLock<T>(
  deps: RegistrationDeps,
  regionId: string,
  registrationId: string,
  change: (trx: Transaction<DB>, event: EventRow, reg: RegistrationRow) => Promise<T>,
  missing: T,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    const first = await registrationFor(trx, regionId, registrationId);
    if (!first) return missing;
    const event = await lockEvent(trx, regionId, first.event_id);
    const reg = await registrationFor(trx, regionId, registrationId);
    if (!event || !reg) return missing;
    return change(trx, event, reg);
  });
}

const changeable = (event: EventRow, now: Date) => event.status === 'published' && event.starts_at > now;

/**
 * More seats only when free; fewer seats released and offered on. An application (test-living
 * weekends: the organiser decides) never grows here: the organiser decided on the seats applied
 * for, so more is 'decided' (refused); fewer is fine.
 */
export async function changeSeats(
  deps: RegistrationDeps,
  regionId: string,
  registrationId: string,
  seats: number,
  now: Date = new Date(),
): Promise<ChangeResult> {
  return underLock(
    deps,
    regionId,
    registrationId,
    async (trx, event, reg) => {
      if (!changeable(event, now)) return 'not-allowed';
      if (!['confirmed', 'waiting', 'applied'].includes(reg.status)) return 'not-allowed';
      if (seats < 1 || seats > Math.min(event.max_group, MAX_GROUP)) return 'not-allowed';
      if (seats === reg.seats) return 'done';
      const diff = seats - reg.seats;
      if (diff > 0 && event.registration === 'application') return 'decided';
      if (reg.status === 'confirmed') {
        if (diff > 0 && !(await takeSeats(trx, regionId, event.id, diff))) return 'full';
        if (diff < 0) await releaseSeats(trx, regionId, event.id, -diff);
      }
      const changed = await setStatus(trx, reg, { seats });
      await audit(trx, REGISTRANT, event, changed, 'seats_changed', { from: reg.seats, to: seats });
      if (diff < 0 && reg.status === 'confirmed') await offerFreedSeats(trx, deps, regionId, event.id, now);
      return 'done';
    },
    'gone',
  );
}

export async function changeAnswers(
  deps: RegistrationDeps,
  regionId: string,
  registrationId: string,
  answers: Record<string, string>,
  now: Date = new Date(),
): Promise<ChangeResult> {
  return underLock(
    deps,
    regionId,
    registrationId,
    async (trx, event, reg) => {
      if (!changeable(event, now) || !LIVE_STATUSES.includes(reg.status as RegistrationStatus))
        return 'not-allowed';
      // An application's motivation and companions stay as they were.
      const kept: Record<string, string> = {};
      for (const key of ['motivation', 'companions'])
        if (reg.answers[key] !== undefined) kept[key] = reg.answers[key]!;
      const changed = await setStatus(trx, reg, { answers: JSON.stringify({ ...answers, ...kept }) });
      await audit(trx, REGISTRANT, event, changed, 'answers_changed');
      return 'done';
    },
    'gone',
  );
}

/** Cancels a live registration (by the person, or by the organiser: `actor`), seats offered on. */
export async function cancelRegistration(
  deps: RegistrationDeps,
  regionId: string,
  registrationId: string,
  actor: { by: 'self' } | { by: 'organiser'; actor: AuditActor; eventId: string },
  now: Date = new Date(),
): Promise<ChangeResult> {
  return underLock(
    deps,
    regionId,
    registrationId,
    async (trx, event, reg) => {
      if (actor.by === 'organiser' && reg.event_id !== actor.eventId) return 'gone';
      if (!LIVE_STATUSES.includes(reg.status as RegistrationStatus)) return 'gone';
      if (holdsSeats(reg.status)) await releaseSeats(trx, regionId, event.id, reg.seats);
      const changed = await setStatus(trx, reg, {
        status: 'cancelled',
        offer_expires_at: null,
        cancelled_at: now,
      });
      await audit(trx, actor.by === 'self' ? REGISTRANT : actor.actor, event, changed, 'cancelled', {
        by: actor.by,
        seats: reg.seats,
      });
      // The one who held a confirmed seat had the confirmation's .ics: the mail takes it out again.
      await mail(trx, deps, event, changed, actor.by === 'self' ? 'cancelled' : 'cancelledByOrganiser', {
        withdrawIcs: reg.status === 'confirmed',
      });
      if (holdsSeats(reg.status)) await offerFreedSeats(trx, deps, regionId, event.id, now);
      return 'done';
    },
    'gone',
  );
}

/** Takes an offered seat while the offer holds. */
export async function acceptOffer(
  deps: RegistrationDeps,
  regionId: string,
  registrationId: string,
  now: Date = new Date(),
): Promise<ChangeResult> {
  return underLock(
    deps,
    regionId,
    registrationId,
    async (trx, event, reg) => {
      if (reg.status !== 'offered' || !reg.offer_expires_at || reg.offer_expires_at <= now) return 'gone';
      // offer_expires_at stays: a confirmed registration with an offer's deadline came from the
      // waiting list (the statistics count it as an offer taken; nothing else reads it once confirmed).
      const changed = await setStatus(trx, reg, { status: 'confirmed' });
      await audit(trx, REGISTRANT, event, changed, 'accepted', { seats: reg.seats });
      await mail(trx, deps, event, changed, 'confirmed');
      return 'done';
    },
    'gone',
  );
}

/** Declines an offered seat: cancelled, the seats offered on. */
export async function declineOffer(
  deps: RegistrationDeps,
  regionId: string,
  registrationId: string,
  now: Date = new Date(),
): Promise<ChangeResult> {
  return underLock(
    deps,
    regionId,
    registrationId,
    async (trx, event, reg) => {
      if (reg.status !== 'offered') return 'gone';
      await releaseSeats(trx, regionId, event.id, reg.seats);
      const changed = await setStatus(trx, reg, {
        status: 'cancelled',
        offer_expires_at: null,
        cancelled_at: now,
      });
      await audit(trx, REGISTRANT, event, changed, 'offer_declined', { seats: reg.seats });
      await offerFreedSeats(trx, deps, regionId, event.id, now);
      return 'done';
    },
    'gone',
  );
}

/**
 * Gives or withdraws the consent that the exhibitors may see the name and e-mail (their leads
 * view reads it live). Withdrawing is always possible; giving only while the registration is
 * live, the event not cancelled and it has exhibitors. Audited; no change, no audit.
 */
export async function changeShare(
  deps: RegistrationDeps,
  regionId: string,
  registrationId: string,
  share: boolean,
): Promise<ChangeResult> {
  return underLock(
    deps,
    regionId,
    registrationId,
    async (trx, event, reg) => {
      if (reg.share_with_exhibitors === share) return 'done';
      if (share) {
        if (!LIVE_STATUSES.includes(reg.status as RegistrationStatus) || event.status === 'cancelled')
          return 'not-allowed';
        if (!(await hasExhibitors(trx, regionId, event.id))) return 'not-allowed';
      }
      const changed = await trx
        .updateTable('event_registrations')
        .set({ share_with_exhibitors: share, updated_at: sql`now()` })
        .where('region_id', '=', regionId)
        .where('id', '=', reg.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, REGISTRANT, event, changed, 'share_changed', { share });
      return 'done';
    },
    'gone',
  );
}

/** The statuses of a registration that ended without a seat: the person may delete it at once. */
export const ENDED_STATUSES = ['cancelled', 'declined', 'expired'] as const;

/**
 * Deletes an ended registration (cancelled, declined, expired) at the person's request through
 * their personal link — the privacy text's "when you cancel and ask for it". It holds no seats;
 * its check-ins go by cascade. Audited as `erased` with the event's title only.
 */
export async function eraseOwnRegistration(
  deps: RegistrationDeps,
  regionId: string,
  registrationId: string,
): Promise<ChangeResult> {
  return underLock(
    deps,
    regionId,
    registrationId,
    async (trx, event, reg) => {
      if (!(ENDED_STATUSES as readonly string[]).includes(reg.status)) return 'not-allowed';
      await trx
        .deleteFrom('event_registrations')
        .where('region_id', '=', regionId)
        .where('id', '=', reg.id)
        .execute();
      await audit(trx, REGISTRANT, event, reg, 'erased', { by: 'self' });
      return 'done';
    },
    'gone',
  );
}

// ---- The organisers' decisions on applications ----

export type DecisionResult = 'done' | 'full' | 'gone';

export async function decideApplication(
  deps: RegistrationDeps,
  regionId: string,
  eventId: string,
  registrationId: string,
  decision: { kind: 'approve' | 'wait' } | { kind: 'decline'; message: string },
  actor: { accountId: string },
  now: Date = new Date(),
): Promise<DecisionResult> {
  return underLock(
    deps,
    regionId,
    registrationId,
    async (trx, event, reg): Promise<DecisionResult> => {
      if (reg.event_id !== eventId || reg.status !== 'applied') return 'gone';
      const who = accountActor(actor.accountId);
      const decided = { decided_by: actor.accountId, decided_at: now };
      if (decision.kind === 'approve') {
        if (!(await takeSeats(trx, regionId, event.id, reg.seats))) return 'full';
        const changed = await setStatus(trx, reg, { status: 'confirmed', ...decided });
        await audit(trx, who, event, changed, 'approved', { seats: reg.seats });
        await mail(trx, deps, event, changed, 'approved');
      } else if (decision.kind === 'wait') {
        const changed = await setStatus(trx, reg, { status: 'waiting', ...decided });
        await audit(trx, who, event, changed, 'waitlisted', { seats: reg.seats });
        await mail(trx, deps, event, changed, 'waitlisted');
        await offerFreedSeats(trx, deps, regionId, event.id, now);
      } else {
        const changed = await setStatus(trx, reg, { status: 'declined', ...decided });
        const message = 'message' in decision ? decision.message : '';
        await audit(trx, who, event, changed, 'declined', { message: message.length > 0 });
        await mail(trx, deps, event, changed, 'declined', { message });
      }
      return 'done';
    },
    'gone',
  );
}

// ---- Tasks ----

/**
 * Offers past their deadline → 'expired' (seats released, audited, mailed) and the seats offered
 * on; then every event with free seats and people waiting (the organiser raised the capacity)
 * offers them. Also gives migrated sign-ups their real hashes (rehashMigrated). Returns how many
 * offers expired, how many were made and how many registrations were given hashes.
 */
export async function runOffers(
  deps: RegistrationDeps,
  now: Date = new Date(),
): Promise<{ expired: number; offered: number; rehashed: number }> {
  // First, before any offer or mail: migrated sign-ups get the hashes of their derived links.
  const rehashed = await rehashMigrated(deps);
  const due = await deps.db
    .selectFrom('event_registrations')
    .select(['region_id', 'event_id'])
    .distinct()
    .where('status', '=', 'offered')
    .where('offer_expires_at', '<=', now)
    .limit(100)
    .execute();
  let expired = 0;
  let offered = 0;
  for (const { region_id: regionId, event_id: eventId } of due) {
    await deps.db.transaction().execute(async (trx) => {
      const event = await lockEvent(trx, regionId, eventId);
      if (!event) return;
      const gone = await trx
        .updateTable('event_registrations')
        .set({ status: 'expired', offer_expires_at: null, updated_at: sql`now()` })
        .where('region_id', '=', regionId)
        .where('event_id', '=', eventId)
        .where('status', '=', 'offered')
        .where('offer_expires_at', '<=', now)
        .returningAll()
        .execute();
      const seats = gone.reduce((sum, r) => sum + r.seats, 0);
      if (seats > 0) await releaseSeats(trx, regionId, eventId, seats);
      for (const reg of gone) {
        await audit(trx, SYSTEM_ACTOR, event, reg, 'expired', { seats: reg.seats });
        await mail(trx, deps, event, reg, 'expired');
      }
      expired += gone.length;
      offered += await offerFreedSeats(trx, deps, regionId, eventId, now);
    });
  }
  const free = await deps.db
    .selectFrom('events as e')
    .select(['e.region_id', 'e.id'])
    .where('e.status', '=', 'published')
    .where('e.starts_at', '>', now)
    .where((eb) => eb.or([eb('e.capacity', 'is', null), eb('e.seats_taken', '<', eb.ref('e.capacity'))]))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('event_registrations as r')
          .select('r.id')
          .whereRef('r.region_id', '=', 'e.region_id')
          .whereRef('r.event_id', '=', 'e.id')
          .where('r.status', '=', 'waiting'),
      ),
    )
    .limit(100)
    .execute();
  for (const e of free)
    offered += await deps.db
      .transaction()
      .execute((trx) => offerFreedSeats(trx, deps, e.region_id, e.id, now));
  return { expired, offered, rehashed };
}

/** How far ahead a reminder goes out: the day before. */
export const REMINDER_HOURS = 24;

/**
 * One reminder per confirmed registration of an event starting within REMINDER_HOURS: claimed by
 * setting reminded_at in the mail's transaction, so a second run (or a second worker) sends none.
 */
export async function sendReminders(deps: RegistrationDeps, now: Date = new Date()): Promise<number> {
  const until = new Date(now.getTime() + REMINDER_HOURS * 3_600_000);
  const due = await deps.db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', (j) =>
      j.onRef('e.region_id', '=', 'r.region_id').onRef('e.id', '=', 'r.event_id'),
    )
    .select(['r.region_id', 'r.id'])
    .where('r.status', '=', 'confirmed')
    .where('r.reminded_at', 'is', null)
    // A migrated sign-up waits for its real hashes (the offers task, every minute): its link works then.
    .where('r.manage_hash', 'not like', 'migrated:%')
    .where('e.status', '=', 'published')
    .where('e.starts_at', '>', now)
    .where('e.starts_at', '<=', until)
    .limit(500)
    .execute();
  let sent = 0;
  for (const { region_id: regionId, id } of due) {
    await deps.db.transaction().execute(async (trx) => {
      const reg = await trx
        .updateTable('event_registrations')
        .set({ reminded_at: now })
        .where('region_id', '=', regionId)
        .where('id', '=', id)
        .where('status', '=', 'confirmed')
        .where('reminded_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!reg) return;
      const event = await trx
        .selectFrom('events')
        .selectAll()
        .where('region_id', '=', regionId)
        .where('id', '=', reg.event_id)
        .executeTakeFirstOrThrow();
      await audit(trx, SYSTEM_ACTOR, event, reg, 'reminded');
      await mailRegistration(trx, deps, event, reg, 'reminder');
      sent += 1;
    });
  }
  return sent;
}

// ---- Erasure ----

/**
 * Erases a person's registrations (by account or address) in the deletion's transaction: the
 * seats they held released (the offers task offers them to the waiting within a minute), then the
 * rows deleted (their check-ins go by cascade).
 */
export async function eraseRegistrations(
  trx: Transaction<DB>,
  person: { regionId: string; accountId: string; email: string },
): Promise<number> {
  const rows = await trx
    .selectFrom('event_registrations')
    .select(['id', 'event_id', 'status', 'seats'])
    .where('region_id', '=', person.regionId)
    .where((eb) =>
      eb.or([eb('account_id', '=', person.accountId), eb('email', '=', person.email.toLowerCase())]),
    )
    .execute();
  const events = [...new Set(rows.map((r) => r.event_id))].sort();
  for (const eventId of events) {
    const event = await lockEvent(trx, person.regionId, eventId);
    if (!event) continue;
    const mine = rows.filter((r) => r.event_id === eventId);
    const held = mine.filter((r) => holdsSeats(r.status)).reduce((sum, r) => sum + r.seats, 0);
    if (held > 0) await releaseSeats(trx, person.regionId, eventId, held);
    await trx
      .deleteFrom('event_registrations')
      .where('region_id', '=', person.regionId)
      .where(
        'id',
        'in',
        mine.map((r) => r.id),
      )
      .execute();
    for (const r of mine)
      await recordAudit(trx, {
        regionId: person.regionId,
        actor: SYSTEM_ACTOR,
        organisationId: event.organisation_id,
        action: 'event.registration.erased',
        subjectType: 'event_registration',
        subjectId: r.id,
        data: { event: eventTitle(event, 'sv') },
      });
    // The seats freed go to the waiting list through the `events.offers` task (every minute), which
    // offers free seats to the waiting: an erasure runs without the mail's origin and secret.
  }
  return rows.length;
}

// ---- Retention ----

/** Registrations are kept this long after their event ended (the privacy notice's promise). */
export const KEEP_AFTER_EVENT = '6 months';
/**
 * A registration that ended without a seat — cancelled (by the person or the organiser), an
 * application declined, an offer expired — is kept this long after that change, so the person's
 * own page and the organiser can still answer a question about it, then deleted even when the
 * event is months away (the privacy notice says so).
 */
export const KEEP_ENDED_DAYS = 30;
/** One retention pass deletes at most this many registrations of one event, for this many events. */
const RETENTION_ROWS = 1000;
const RETENTION_EVENTS = 100;

/**
 * The retention rule as a condition on `event_registrations as r` joined to `events as e`: the
 * event ended KEEP_AFTER_EVENT ago (every status), or the registration ended KEEP_ENDED_DAYS ago
 * (its last change, updated_at, is when it was cancelled, declined or expired).
 */
function dueForDeletion(now: Date) {
  return sql<boolean>`(
    e.ends_at < ${now}::timestamptz - ${KEEP_AFTER_EVENT}::interval
    OR (r.status IN (${sql.join(ENDED_STATUSES)})
        AND r.updated_at < ${now}::timestamptz - make_interval(days => ${KEEP_ENDED_DAYS}))
  )`;
}

/**
 * Deletes the registrations the retention rule says are due (their check-ins go by cascade), one
 * transaction per event under its lock, each audited in bulk: one `event.registration.retention`
 * event per event with the count, no personal data. Seats still counted for an event that ended
 * stay counted (events.seats_taken is then the anonymous number of seats that were booked);
 * registrations ended without a seat hold none. Bounded per pass; the next day goes on.
 */
export async function runRetention(
  db: Kysely<DB>,
  now: Date = new Date(),
): Promise<{ events: number; deleted: number }> {
  const due = await db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', (j) =>
      j.onRef('e.region_id', '=', 'r.region_id').onRef('e.id', '=', 'r.event_id'),
    )
    .select(['r.region_id', 'r.event_id'])
    .distinct()
    .where(dueForDeletion(now))
    .limit(RETENTION_EVENTS)
    .execute();
  let deleted = 0;
  for (const { region_id: regionId, event_id: eventId } of due) {
    deleted += await db.transaction().execute(async (trx) => {
      const event = await lockEvent(trx, regionId, eventId);
      if (!event) return 0;
      const ids = trx
        .selectFrom('event_registrations as r')
        .innerJoin('events as e', (j) =>
          j.onRef('e.region_id', '=', 'r.region_id').onRef('e.id', '=', 'r.event_id'),
        )
        .select('r.id')
        .where('r.region_id', '=', regionId)
        .where('r.event_id', '=', eventId)
        .where(dueForDeletion(now))
        .limit(RETENTION_ROWS);
      const gone = await trx
        .deleteFrom('event_registrations')
        .where('region_id', '=', regionId)
        .where('event_id', '=', eventId)
        .where('id', 'in', ids)
        .returning('id')
        .execute();
      if (gone.length === 0) return 0;
      await recordAudit(trx, {
        regionId,
        actor: SYSTEM_ACTOR,
        organisationId: event.organisation_id,
        action: 'event.registration.retention',
        subjectType: 'event',
        subjectId: event.id,
        data: { event: eventTitle(event, 'sv'), count: gone.length },
      });
      return gone.length;
    });
  }
  return { events: due.length, deleted };
}

// ---- Registrations moved from the newcomer network ----

/** How many migrated registrations one pass gives real hashes. */
const REHASH_BATCH = 500;

/**
 * Migration 0036 moved the network's "Jag kommer" sign-ups in with placeholder hashes
 * ('migrated:…'), as it had no installation secret. This gives them the hashes of their derived
 * personal link and ticket (tokens.ts), a bounded batch per pass, so the own page's link
 * (/me/events/:id), the reminder and the ticket work for them as for any registration. Returns
 * how many were given hashes.
 */
export async function rehashMigrated(deps: { db: Kysely<DB>; secret: string }): Promise<number> {
  const rows = await deps.db
    .selectFrom('event_registrations')
    .select(['region_id', 'id'])
    // As a literal: the partial index event_registrations_migrated (migration 0036) matches it.
    .where(sql<boolean>`manage_hash LIKE 'migrated:%'`)
    .limit(REHASH_BATCH)
    .execute();
  if (rows.length === 0) return 0;
  let done = 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const { region_id: regionId, id } of rows) {
      const r = await trx
        .updateTable('event_registrations')
        .set(registrationHashes(deps.secret, regionId, id))
        .where('region_id', '=', regionId)
        .where('id', '=', id)
        .where(sql<boolean>`manage_hash LIKE 'migrated:%'`)
        .executeTakeFirst();
      done += Number(r.numUpdatedRows);
    }
  });
  return done;
}
