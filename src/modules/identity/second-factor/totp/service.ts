/**
 * The authenticator app (TOTP) as a second factor: setting it up (a secret bound to the session it
 * was shown to, confirmed by a code, which also gives the first recovery codes), checking codes
 * (each step used once) and turning it off.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../../platform/audit.ts';
import type { SessionStore } from '../../../../platform/auth/sessions.ts';
import type { DB } from '../../../../platform/db/schema.ts';
import { generateRecoveryCodes } from '../recovery/service.ts';
import { afterFactorRemoved, type FactorOwner } from '../factors.ts';
import { newTotpSecret, otpauthUri, verifyTotp } from './otp.ts';
import { qrCode, type QrCode } from '../../../../platform/html/qr.ts';
import {
  deleteConfirmedSecret,
  offerPendingSecret,
  recordStep,
  totpOf,
  type TotpState,
} from './repository.ts';

export { totpOf, type TotpState } from './repository.ts';

/**
 * The unconfirmed secret of this session, made when it has none (a confirmed one is left alone). A
 * secret shown to another session is replaced, never reused: what one session saw can never become
 * the secret the owner confirms in another.
 */
export async function pendingTotp(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  sessionId: string,
): Promise<TotpState> {
  await offerPendingSecret(db, regionId, accountId, sessionId, newTotpSecret());
  const state = await totpOf(db, regionId, accountId);
  if (!state) throw new Error('TOTP secret vanished');
  return state;
}

export type TotpSetup = { already: true } | { already: false; secret: string; qr: QrCode };

/** What the set-up page shows: the session's secret and its QR code, or that the app is on already. */
export async function totpSetup(
  db: Kysely<DB>,
  input: { regionId: string; accountId: string; sessionId: string; email: string; issuer: string },
): Promise<TotpSetup> {
  const state = await pendingTotp(db, input.regionId, input.accountId, input.sessionId);
  if (state.confirmed) return { already: true };
  const uri = otpauthUri(input.issuer, input.email, state.secret);
  return { already: false, secret: state.secret, qr: qrCode(uri) };
}

/** Where setting up stands: no secret yet, one being set up, or the app is on. */
export async function totpStatus(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<'none' | 'pending' | 'on'> {
  const state = await totpOf(db, regionId, accountId);
  return !state ? 'none' : state.confirmed ? 'on' : 'pending';
}

/**
 * Checks a code against the account's TOTP secret and, when it matches a step not used before,
 * records that step (atomically, so two requests cannot both use one code). `confirmed`: which
 * secrets count (a confirmed one for a second factor, the pending one when setting up).
 */
export async function useTotpCode(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  code: string,
  confirmed: boolean,
  /** When confirming: the session the secret was shown to (no other may confirm it). */
  sessionId?: string,
): Promise<boolean> {
  const state = await totpOf(db, regionId, accountId);
  if (!state || state.confirmed !== confirmed) return false;
  if (!confirmed && (!sessionId || state.pendingSession !== sessionId)) return false;
  const step = verifyTotp(state.secret, code, { lastStep: state.lastStep });
  if (step === undefined) return false;
  return recordStep(db, regionId, accountId, state.secret, step, !confirmed);
}

/**
 * Turns the app on with a code from the session's pending secret: the audit event, the first
 * recovery codes (returned, shown once) and the session marked as having shown a factor. Undefined
 * when the code is wrong.
 */
export async function confirmTotp(
  db: Kysely<DB>,
  sessions: SessionStore,
  owner: FactorOwner & { sessionId: string },
  code: string,
): Promise<string[] | undefined> {
  const { regionId, accountId, sessionId } = owner;
  const codes = await db.transaction().execute(async (trx) => {
    if (!(await useTotpCode(trx, regionId, accountId, code, false, sessionId))) return undefined;
    await recordAudit(trx, {
      regionId,
      actor: owner.actor,
      organisationId: null,
      action: 'totp.enabled',
      subjectType: 'account',
      subjectId: accountId,
    });
    return generateRecoveryCodes(trx, owner);
  });
  if (codes) await sessions.markSecondFactor(regionId, sessionId);
  return codes;
}

/**
 * Turns the app off. `none` when it was not on; else whether another factor is left (when none is,
 * the recovery codes go too and no session counts as having shown one).
 */
export async function disableTotp(
  db: Kysely<DB>,
  sessions: SessionStore,
  owner: FactorOwner,
): Promise<'none' | { factorLeft: boolean }> {
  return db.transaction().execute(async (trx) => {
    if (!(await deleteConfirmedSecret(trx, owner.regionId, owner.accountId))) return 'none' as const;
    await recordAudit(trx, {
      regionId: owner.regionId,
      actor: owner.actor,
      organisationId: null,
      action: 'totp.disabled',
      subjectType: 'account',
      subjectId: owner.accountId,
    });
    return { factorLeft: await afterFactorRemoved(trx, sessions, owner.regionId, owner.accountId) };
  });
}
