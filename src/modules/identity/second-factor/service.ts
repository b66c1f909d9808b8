/**
 * Second factors: time-based one-time passwords (RFC 6238, done here with node:crypto), one-time
 * recovery codes and the account's passkeys as rows. The WebAuthn ceremonies are in `passkeys.ts`.
 *
 * A TOTP secret is 20 random bytes shown as base32; codes are 6 digits over 30-second steps with
 * HMAC-SHA-1 (what every authenticator app does); one step either side is accepted for clock drift,
 * and `last_step` makes each code usable once. Recovery codes are `xxxx-xxxx` from an alphabet
 * without look-alike characters, stored only as a hash bound to the account.
 */
import { safeNext } from '../login/service.ts';
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { hashSecret } from '../../../platform/auth/secrets.ts';
import type { DB } from '../../../platform/db/schema.ts';

// TOTP

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;

/** RFC 4648 base32 without padding. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 (case, spaces and padding ignored); throws on other characters. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('not base32');
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new TOTP secret: 20 random bytes (160 bits, as RFC 4226 recommends), base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The time step a moment falls in. */
export function totpStep(time: number = Date.now()): number {
  return Math.floor(time / 1000 / TOTP_STEP_SECONDS);
}

function hotp(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', key).update(message).digest();
  const offset = (digest[digest.length - 1] as number) & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** TOTP_DIGITS).padStart(TOTP_DIGITS, '0');
}

/** The code an authenticator app shows for `secret` at `time` (ms since the epoch; default now). */
export function totpCode(secret: string, time: number = Date.now()): string {
  return hotp(base32Decode(secret), totpStep(time));
}

/** Digits only: people type spaces ("123 456"). */
export function normalizeTotp(input: string): string {
  return input.replace(/\s/g, '');
}

/**
 * Checks a code against the steps around `time` (one either side). Returns the step it matched, or
 * undefined when it matches none or only steps at or before `lastStep` (already used).
 */
export function verifyTotp(
  secret: string,
  code: string,
  options: { lastStep?: number; time?: number } = {},
): number | undefined {
  const given = normalizeTotp(code);
  if (!/^\d{6}$/.test(given)) return undefined;
  let key: Buffer;
  try {
    key = base32Decode(secret);
  } catch {
    return undefined;
  }
  const now = totpStep(options.time);
  let matched: number | undefined;
  for (const step of [now - 1, now, now + 1]) {
    // Every candidate is computed, so the time taken does not tell which one matched.
    if (hotp(key, step) === given && step > (options.lastStep ?? 0) && matched === undefined) matched = step;
  }
  return matched;
}

/** The otpauth:// URI authenticator apps read from the QR code. */
export function otpauthUri(issuer: string, accountName: string, secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const params = new URLSearchParams({
    secret,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, '%20')}`;
}

export interface TotpState {
  secret: string;
  confirmed: boolean;
  lastStep: number;
  /** The session an unconfirmed secret was shown to. */
  pendingSession: string | null;
}

export async function totpOf(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<TotpState | undefined> {
  const row = await db
    .selectFrom('totp_secrets')
    .select(['secret', 'confirmed_at', 'last_step', 'pending_session'])
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return (
    row && {
      secret: row.secret,
      confirmed: row.confirmed_at !== null,
      lastStep: Number(row.last_step),
      pendingSession: row.pending_session,
    }
  );
}

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
  await db
    .insertInto('totp_secrets')
    .values({
      region_id: regionId,
      account_id: accountId,
      secret: newTotpSecret(),
      pending_session: sessionId,
    })
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'account_id'])
        .doUpdateSet({
          secret: (eb) => eb.ref('excluded.secret'),
          pending_session: sessionId,
          last_step: 0,
        })
        .where('totp_secrets.confirmed_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb('totp_secrets.pending_session', 'is', null),
            eb('totp_secrets.pending_session', '<>', sessionId),
          ]),
        ),
    )
    .execute();
  const state = await totpOf(db, regionId, accountId);
  if (!state) throw new Error('TOTP secret vanished');
  return state;
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
  const result = await db
    .updateTable('totp_secrets')
    .set({
      last_step: step,
      ...(confirmed ? {} : { confirmed_at: sql<Date>`now()` }),
    })
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .where('secret', '=', state.secret)
    .where('last_step', '<', String(step))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// Recovery codes

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

/** Replaces the account's recovery codes with a new set and returns it (shown once, never stored). */
export async function generateRecoveryCodes(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(recoveryCode());
  await db
    .deleteFrom('recovery_codes')
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .execute();
  await db
    .insertInto('recovery_codes')
    .values(
      [...codes].map((code) => ({
        region_id: regionId,
        account_id: accountId,
        code_hash: recoveryHash(accountId, code),
      })),
    )
    .execute();
  return [...codes];
}

/** Uses one recovery code (once); false when it is not one of the account's unused codes. */
export async function useRecoveryCode(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  input: string,
): Promise<boolean> {
  const code = normalizeRecoveryCode(input);
  if (!code) return false;
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: sql<Date>`now()` })
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .where('code_hash', '=', recoveryHash(accountId, code))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recoveryCodesLeft(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

// Passkeys (rows)

export interface PasskeySummary {
  credentialId: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  backedUp: boolean;
}

export async function passkeysOf(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<PasskeySummary[]> {
  const rows = await db
    .selectFrom('passkeys')
    .select(['credential_id', 'name', 'created_at', 'last_used_at', 'backed_up'])
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    credentialId: row.credential_id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    backedUp: row.backed_up,
  }));
}

// The account as a whole

/** The account has a passkey or a confirmed TOTP secret (recovery codes alone do not count). */
export async function hasSecondFactor(db: Kysely<DB>, regionId: string, accountId: string): Promise<boolean> {
  const row = await db
    .selectNoFrom(
      sql<boolean>`exists (select 1 from passkeys where region_id = ${regionId} and account_id = ${accountId})
        or exists (select 1 from totp_secrets where region_id = ${regionId} and account_id = ${accountId}
                   and confirmed_at is not null)`.as('has'),
    )
    .executeTakeFirstOrThrow();
  return row.has;
}

/**
 * After a second factor was removed: when none is left, the recovery codes go too (they stand in for
 * a lost factor) and the account's sessions no longer count as having shown one, so the back-office
 * asks a staff person for a new factor. Returns whether any factor is left.
 */
export async function afterFactorRemoved(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<boolean> {
  if (await hasSecondFactor(db, regionId, accountId)) return true;
  await db
    .deleteFrom('recovery_codes')
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .execute();
  await db
    .updateTable('sessions')
    .set({ second_factor_at: null })
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .execute();
  return false;
}

/** A path on this site to go to next (see `safeNext`), else the fallback. */
export function localNext(value: unknown, fallback: string): string {
  return safeNext(value) ?? fallback;
}
