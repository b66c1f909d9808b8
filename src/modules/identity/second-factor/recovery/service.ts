/**
 * Recovery codes: `xxxx-xxxx` from an alphabet without look-alike characters, shown once and stored
 * only as a hash bound to the account. They stand in for a lost passkey or app, so they exist only
 * while the account has a second factor.
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../../platform/audit.ts';
import { hashSecret } from '../../../../platform/auth/secrets.ts';
import type { DB } from '../../../../platform/db/schema.ts';
import type { FactorOwner } from '../factors.ts';
import { countUnused, markUsed, replaceCodes } from './repository.ts';

/** Lower-case letters and digits without the look-alikes 0/o, 1/l/i. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

function recoveryCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** `xxxx-xxxx` from what was typed (any case, spaces, with or without the hyphen), else undefined. */
export function normalizeRecoveryCode(input: string): string | undefined {
  const clean = input.toLowerCase().replace(/[\s-]/g, '');
  if (clean.length !== 8 || [...clean].some((c) => !RECOVERY_ALPHABET.includes(c))) return undefined;
  return `${clean.slice(0, 4)}-${clean.slice(4)}`;
}

function recoveryHash(accountId: string, code: string): string {
  return hashSecret(`recovery:${accountId}:${code}`);
}

/**
 * Replaces the account's recovery codes with a new set (and its audit event) in the caller's
 * transaction; returns the codes, shown once and never stored.
 */
export async function generateRecoveryCodes(trx: Kysely<DB>, owner: FactorOwner): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(recoveryCode());
  const list = [...codes];
  await replaceCodes(
    trx,
    owner.regionId,
    owner.accountId,
    list.map((code) => recoveryHash(owner.accountId, code)),
  );
  await recordAudit(trx, {
    regionId: owner.regionId,
    actor: owner.actor,
    organisationId: null,
    action: 'recovery_codes.generated',
    subjectType: 'account',
    subjectId: owner.accountId,
    data: { count: list.length },
  });
  return list;
}

/** A new set in a transaction of its own (the security page's button). */
export async function regenerateRecoveryCodes(db: Kysely<DB>, owner: FactorOwner): Promise<string[]> {
  return db.transaction().execute((trx) => generateRecoveryCodes(trx, owner));
}

/**
 * Uses one recovery code (once) and records it; false when it is not one of the account's unused
 * codes. Pass the caller's transaction.
 */
export async function useRecoveryCode(trx: Kysely<DB>, owner: FactorOwner, input: string): Promise<boolean> {
  const code = normalizeRecoveryCode(input);
  if (!code) return false;
  if (!(await markUsed(trx, owner.regionId, owner.accountId, recoveryHash(owner.accountId, code))))
    return false;
  await recordAudit(trx, {
    regionId: owner.regionId,
    actor: owner.actor,
    organisationId: null,
    action: 'recovery_code.used',
    subjectType: 'account',
    subjectId: owner.accountId,
    data: { left: await countUnused(trx, owner.regionId, owner.accountId) },
  });
  return true;
}

export { countUnused as recoveryCodesLeft } from './repository.ts';
