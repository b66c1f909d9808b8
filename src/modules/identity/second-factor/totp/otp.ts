/**
 * Time-based one-time passwords (RFC 6238, done here with node:crypto): pure functions, no storage.
 *
 * A TOTP secret is 20 random bytes shown as base32; codes are 6 digits over 30-second steps with
 * HMAC-SHA-1 (what every authenticator app does); one step either side is accepted for clock drift.
 */
import { createHmac, randomBytes } from 'node:crypto';

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
