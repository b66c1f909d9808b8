/**
 * The account's factors taken together, below the factors' own services (which use it): whose
 * factors a change is about, whether any is left, and what goes when the last one does.
 */
import type { Kysely } from 'kysely';
import type { AuditActor } from '../../../platform/audit.ts';
import type { SessionStore } from '../../../platform/auth/sessions.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { countPasskeys } from './passkeys/repository.ts';
import { deleteCodes } from './recovery/repository.ts';
import { hasConfirmedSecret } from './totp/repository.ts';

/** Whose factors a change is about, and who makes it (for the audit trail). */
export interface FactorOwner {
  regionId: string;
  accountId: string;
  actor: AuditActor;
}

/** The account has a passkey or a confirmed TOTP secret (recovery codes alone do not count). */
export async function hasSecondFactor(db: Kysely<DB>, regionId: string, accountId: string): Promise<boolean> {
  const [passkeys, totp] = await Promise.all([
    countPasskeys(db, regionId, accountId),
    hasConfirmedSecret(db, regionId, accountId),
  ]);
  return passkeys > 0 || totp;
}

/**
 * After a second factor was removed: when none is left, the recovery codes go too (they stand in for
 * a lost factor) and the account's sessions no longer count as having shown one, so the back-office
 * asks a staff person for a new factor. Returns whether any factor is left.
 */
export async function afterFactorRemoved(
  trx: Kysely<DB>,
  sessions: SessionStore,
  regionId: string,
  accountId: string,
): Promise<boolean> {
  if (await hasSecondFactor(trx, regionId, accountId)) return true;
  await deleteCodes(trx, regionId, accountId);
  await sessions.forgetSecondFactor(regionId, accountId, trx);
  return false;
}
