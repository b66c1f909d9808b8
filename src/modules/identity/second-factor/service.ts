/**
 * An account's second factors as a whole: whether it has one, what is left when one goes, what the
 * security page, the check page, the data export and the back-office show, and an admin's reset.
 * Each factor keeps its own rules and table: `passkeys/`, `totp/` and `recovery/` (each a service
 * over a repository); this file only combines them. Other parts of identity call these functions,
 * never the tables.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit.ts';
import type { FactorOwner } from './factors.ts';
import type { SessionStore } from '../../../platform/auth/sessions.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { safeNext } from '../login/service.ts';
import {
  deleteAllPasskeys,
  deleteChallengesOf,
  deleteExpiredChallenges,
  passkeysOf,
  type PasskeySummary,
} from './passkeys/repository.ts';
import { countUnused, deleteCodes } from './recovery/repository.ts';
import { useRecoveryCode } from './recovery/service.ts';
import { normalizeTotp } from './totp/otp.ts';
import { deleteAllSecrets, hasConfirmedSecret } from './totp/repository.ts';
import { useTotpCode } from './totp/service.ts';

// The pure code functions, for callers that check or make codes (tests, browser journeys).
export { base32Decode, base32Encode, newTotpSecret, totpCode, verifyTotp } from './totp/otp.ts';
export { normalizeRecoveryCode } from './recovery/service.ts';
export type { PasskeySummary } from './passkeys/repository.ts';

export { afterFactorRemoved, hasSecondFactor, type FactorOwner } from './factors.ts';

export interface FactorsOverview {
  passkeys: PasskeySummary[];
  totpOn: boolean;
  recoveryLeft: number;
  hasFactor: boolean;
}

/** Everything the security page, the check page and the data export show of an account's factors. */
export async function factorsOf(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<FactorsOverview> {
  const [passkeys, totpOn, recoveryLeft] = await Promise.all([
    passkeysOf(db, regionId, accountId),
    hasConfirmedSecret(db, regionId, accountId),
    countUnused(db, regionId, accountId),
  ]);
  return { passkeys, totpOn, recoveryLeft, hasFactor: passkeys.length > 0 || totpOn };
}

/** The second factors in a person's data export. */
export async function factorsExport(db: Kysely<DB>, regionId: string, accountId: string) {
  const factors = await factorsOf(db, regionId, accountId);
  return {
    passkeys: factors.passkeys.map((p) => ({
      name: p.name,
      createdAt: p.createdAt.toISOString(),
      lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
      backedUp: p.backedUp,
    })),
    authenticatorApp: { on: factors.totpOn },
    recoveryCodesLeft: factors.recoveryLeft,
  };
}

/** What the back-office's person page counts of someone's factors. */
export async function factorCounts(db: Kysely<DB>, regionId: string, accountId: string) {
  const factors = await factorsOf(db, regionId, accountId);
  return { passkeys: factors.passkeys.length, totp: factors.totpOn, recoveryCodes: factors.recoveryLeft };
}

/**
 * An admin's reset for someone who lost every factor: passkeys, the app and the recovery codes go
 * and every session of theirs ends, with one audit event, in the caller's transaction.
 */
export async function resetFactors(
  trx: Kysely<DB>,
  sessions: SessionStore,
  owner: FactorOwner,
): Promise<void> {
  const { regionId, accountId } = owner;
  const passkeys = await deleteAllPasskeys(trx, regionId, accountId);
  const totp = await deleteAllSecrets(trx, regionId, accountId);
  await deleteCodes(trx, regionId, accountId);
  const ended = await sessions.endAll(regionId, accountId, undefined, trx);
  await recordAudit(trx, {
    regionId,
    actor: owner.actor,
    action: 'account.second_factors_reset',
    subjectType: 'account',
    subjectId: accountId,
    data: { passkeys, totp, sessions: ended },
  });
}

/** Passkey ceremonies that ran out (housekeeping); how many were deleted. */
export async function sweepChallenges(db: Kysely<DB>): Promise<number> {
  return deleteExpiredChallenges(db);
}

/** Ceremonies an account had under way (when the account is deleted), in the caller's transaction. */
export async function forgetCeremoniesOf(
  trx: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<void> {
  await deleteChallengesOf(trx, regionId, accountId);
}

/**
 * The check page's code: six digits from the app, else a recovery code. Returns how the person
 * showed their factor (with the audit event of it), or undefined when the code is wrong.
 */
export async function verifyWithCode(
  db: Kysely<DB>,
  sessions: SessionStore,
  owner: FactorOwner & { sessionId: string },
  code: string,
): Promise<'totp' | 'recovery_code' | undefined> {
  const { regionId, accountId } = owner;
  const method = await db.transaction().execute(async (trx) => {
    if (/^\d{6}$/.test(normalizeTotp(code))) {
      return (await useTotpCode(trx, regionId, accountId, code, true)) ? ('totp' as const) : undefined;
    }
    return (await useRecoveryCode(trx, owner, code)) ? ('recovery_code' as const) : undefined;
  });
  if (!method) return undefined;
  await db.transaction().execute(async (trx) => {
    await recordAudit(trx, {
      regionId,
      actor: owner.actor,
      organisationId: null,
      action: 'session.second_factor_verified',
      subjectType: 'account',
      subjectId: accountId,
      data: { method },
    });
  });
  await sessions.markSecondFactor(owner.regionId, owner.sessionId);
  return method;
}

/** A path on this site to go to next (see `safeNext`), else the fallback. */
export function localNext(value: unknown, fallback: string): string {
  return safeNext(value) ?? fallback;
}
