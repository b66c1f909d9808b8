/**
 * Passkeys as an account's factor: adding one (the WebAuthn registration), renaming and removing
 * it, showing one as the second factor, and signing in with one. Plain values in and out; the
 * routes read the request and set cookies.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../../platform/audit.ts';
import type { SessionStore } from '../../../../platform/auth/sessions.ts';
import type { DB } from '../../../../platform/db/schema.ts';
import { AppError } from '../../../../platform/errors.ts';
import { startSession } from '../../accounts.ts';
import { afterFactorRemoved, type FactorOwner } from '../factors.ts';
import { deletePasskey, findPasskey, insertPasskey, renamePasskey as renameRow } from './repository.ts';
import { verifyAuthentication, verifyRegistration, type CeremonyContext } from './webauthn.ts';

export { passkeysOf, countPasskeys, type PasskeySummary } from './repository.ts';

/** The longest name a passkey may have. */
export const NAME_MAX = 80;

/** A ceremony's context and the handle the browser sent back with its answer. */
export interface CeremonyAnswer {
  ctx: CeremonyContext;
  handle: string | undefined;
  response: unknown;
}

/**
 * Finishes a registration: the passkey stored under `name` with its audit event. The first factor
 * of an account marks the session (there was nothing else to show).
 */
export async function addPasskey(
  db: Kysely<DB>,
  sessions: SessionStore,
  owner: FactorOwner & { sessionId: string },
  input: CeremonyAnswer & { name: string; firstFactor: boolean },
): Promise<void> {
  const passkey = await verifyRegistration(input.ctx, input.handle, owner.accountId, input.response);
  const name = input.name.slice(0, NAME_MAX);
  await db.transaction().execute(async (trx) => {
    const inserted = await insertPasskey(trx, {
      regionId: owner.regionId,
      accountId: owner.accountId,
      name,
      ...passkey,
    });
    if (!inserted) throw new AppError('LOTSA_BAD_REQUEST', { detail: 'passkey already registered' });
    await recordAudit(trx, {
      regionId: owner.regionId,
      actor: owner.actor,
      organisationId: null,
      action: 'passkey.added',
      subjectType: 'passkey',
      subjectId: passkey.credentialId,
      data: { name },
    });
  });
  if (input.firstFactor) await sessions.markSecondFactor(owner.regionId, owner.sessionId);
}

export type RenameResult = { ok: true } | { ok: false; problem: 'empty' | 'long' };

/** Renames one of the owner's passkeys (404 when it is not theirs); a name that will not do is refused. */
export async function renamePasskey(
  db: Kysely<DB>,
  owner: FactorOwner,
  credentialId: string,
  typed: string,
): Promise<RenameResult> {
  const name = typed.trim().replace(/\s+/g, ' ');
  const problem = !name ? 'empty' : name.length > NAME_MAX ? 'long' : undefined;
  if (!(await findPasskey(db, owner.regionId, credentialId, owner.accountId))) {
    throw new AppError('LOTSA_NOT_FOUND');
  }
  if (problem) return { ok: false, problem };
  await db.transaction().execute(async (trx) => {
    await renameRow(trx, owner.regionId, owner.accountId, credentialId, name);
    await recordAudit(trx, {
      regionId: owner.regionId,
      actor: owner.actor,
      organisationId: null,
      action: 'passkey.renamed',
      subjectType: 'passkey',
      subjectId: credentialId,
      data: { name },
    });
  });
  return { ok: true };
}

/** Removes one of the owner's passkeys (404 when it is not theirs); whether another factor is left. */
export async function removePasskey(
  db: Kysely<DB>,
  sessions: SessionStore,
  owner: FactorOwner,
  credentialId: string,
): Promise<{ factorLeft: boolean }> {
  return db.transaction().execute(async (trx) => {
    const name = await deletePasskey(trx, owner.regionId, owner.accountId, credentialId);
    if (name === undefined) throw new AppError('LOTSA_NOT_FOUND');
    await recordAudit(trx, {
      regionId: owner.regionId,
      actor: owner.actor,
      organisationId: null,
      action: 'passkey.removed',
      subjectType: 'passkey',
      subjectId: credentialId,
      data: { name },
    });
    return { factorLeft: await afterFactorRemoved(trx, sessions, owner.regionId, owner.accountId) };
  });
}

/** A passkey shown as the second factor of a signed-in session: the audit event, the session marked. */
export async function verifyWithPasskey(
  db: Kysely<DB>,
  sessions: SessionStore,
  owner: FactorOwner & { sessionId: string },
  answer: CeremonyAnswer,
): Promise<void> {
  const used = await verifyAuthentication(
    answer.ctx,
    answer.handle,
    'verify',
    owner.accountId,
    answer.response,
  );
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, {
      regionId: owner.regionId,
      actor: owner.actor,
      organisationId: null,
      action: 'session.second_factor_verified',
      subjectType: 'account',
      subjectId: owner.accountId,
      data: { method: 'passkey', passkey: used.credentialId.slice(0, 24) },
    });
  });
  await sessions.markSecondFactor(owner.regionId, owner.sessionId);
}

/**
 * Signs in with a passkey (no address typed): a new session — counting as two factors only when
 * the key checked a PIN or biometric, not just a touch — and its audit event. Returns the session's
 * token for the cookie the route sets.
 */
export async function signInWithPasskey(
  db: Kysely<DB>,
  sessions: SessionStore,
  answer: CeremonyAnswer,
  browser: { previousToken: string | undefined; userAgent: string | undefined },
): Promise<{ accountId: string; sessionToken: string }> {
  const used = await verifyAuthentication(answer.ctx, answer.handle, 'authenticate', null, answer.response);
  const regionId = answer.ctx.regionId;
  const session = await db.transaction().execute(async (trx) => {
    return startSession(sessions, {
      regionId,
      accountId: used.accountId,
      method: 'passkey',
      secondFactor: used.userVerified,
      db: trx,
      ...browser,
    });
  });
  return { accountId: used.accountId, sessionToken: session.token };
}
