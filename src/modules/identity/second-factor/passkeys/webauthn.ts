/**
 * WebAuthn ceremonies with @simplewebauthn/server: registering a passkey, signing in with one
 * (discoverable credentials: no address typed) and showing one as a second factor.
 *
 * The challenge of a ceremony lives in `webauthn_challenges` (never in process memory, so any app
 * process can finish what another began), keyed by the hash of a random handle that the browser
 * holds in a short-lived HttpOnly cookie (set and read by the routes). A challenge is used once:
 * finishing deletes it. The relying party is the site's host name; the expected origin is the
 * site's origin (both worked out from the request by the routes).
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Kysely } from 'kysely';
import { hashSecret, randomToken } from '../../../../platform/auth/secrets.ts';
import type { DB } from '../../../../platform/db/schema.ts';
import { AppError } from '../../../../platform/errors.ts';
import {
  credentialsOf,
  findPasskey,
  recordPasskeyUse,
  saveChallenge,
  takeChallengeRow,
} from './repository.ts';

export type Purpose = 'register' | 'authenticate' | 'verify';

/** How long a ceremony may take (the challenge row and the handle's cookie). */
export const CHALLENGE_SECONDS = 300;
const TIMEOUT_MS = 120_000;

/** Where a ceremony runs: the region, the relying party id and the origins it may come from. */
export interface CeremonyContext {
  db: Kysely<DB>;
  regionId: string;
  rpId: string;
  origins: string[];
}

/** Options for the browser, and the handle of the stored challenge (for the browser's cookie). */
export interface Started<T> {
  options: T;
  handle: string;
}

async function storeChallenge(
  ctx: CeremonyContext,
  challenge: string,
  purpose: Purpose,
  accountId: string | null,
): Promise<string> {
  const handle = randomToken();
  await saveChallenge(ctx.db, {
    regionId: ctx.regionId,
    handleHash: hashSecret(handle),
    challenge,
    purpose,
    accountId,
    seconds: CHALLENGE_SECONDS,
  });
  return handle;
}

/** Takes (deletes) the challenge a browser's handle names for `purpose`; 400 when there is none. */
async function takeChallenge(
  ctx: CeremonyContext,
  handle: string | undefined,
  purpose: Purpose,
  accountId: string | null,
): Promise<string> {
  if (!handle || handle.length > 100) throw new AppError('LOTSA_BAD_REQUEST', { detail: 'no ceremony' });
  const row = await takeChallengeRow(ctx.db, ctx.regionId, hashSecret(handle));
  if (
    !row ||
    row.purpose !== purpose ||
    row.account_id !== accountId ||
    row.expires_at.getTime() < Date.now()
  ) {
    throw new AppError('LOTSA_BAD_REQUEST', { detail: 'no ceremony' });
  }
  return row.challenge;
}

/** A UUID as the 16 bytes WebAuthn keeps as the user handle (stable, so one passkey per device). */
function userHandle(accountId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(accountId.replace(/-/g, ''), 'hex'));
}

function accountIdFromHandle(handle: string | undefined): string | undefined {
  if (!handle) return undefined;
  const hex = Buffer.from(handle, 'base64url').toString('hex');
  return hex.length === 32
    ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    : undefined;
}

// Registration

export async function registrationOptions(
  ctx: CeremonyContext,
  account: { id: string; email: string; displayName: string },
  rpName: string,
): Promise<Started<PublicKeyCredentialCreationOptionsJSON>> {
  const existing = await credentialsOf(ctx.db, ctx.regionId, account.id);
  const options = await generateRegistrationOptions({
    rpName,
    rpID: ctx.rpId,
    userName: account.email,
    userID: userHandle(account.id),
    userDisplayName: account.displayName || account.email,
    timeout: TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing,
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  return { options, handle: await storeChallenge(ctx, options.challenge, 'register', account.id) };
}

/** A JSON value shaped like a credential (the library checks the rest). */
function looksLikeCredential(value: unknown): value is { id: string; response: Record<string, unknown> } {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    v.id.length > 0 &&
    v.id.length <= 1400 &&
    /^[A-Za-z0-9_-]+$/.test(v.id) &&
    typeof v.rawId === 'string' &&
    v.type === 'public-key' &&
    typeof v.response === 'object' &&
    v.response !== null
  );
}

export interface NewPasskey {
  credentialId: string;
  publicKey: Buffer;
  counter: number;
  transports: string[];
  backedUp: boolean;
}

/** Verifies a registration; 400 for anything that is not a valid new credential for this ceremony. */
export async function verifyRegistration(
  ctx: CeremonyContext,
  handle: string | undefined,
  accountId: string,
  response: unknown,
): Promise<NewPasskey> {
  const challenge = await takeChallenge(ctx, handle, 'register', accountId);
  if (!looksLikeCredential(response)) throw new AppError('LOTSA_BAD_REQUEST', { detail: 'not a credential' });
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: response as unknown as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: ctx.origins,
      expectedRPID: ctx.rpId,
      requireUserVerification: false,
    });
  } catch {
    throw new AppError('LOTSA_BAD_REQUEST', { detail: 'registration not verified' });
  }
  if (!verified.verified) throw new AppError('LOTSA_BAD_REQUEST', { detail: 'registration not verified' });
  const { credential, credentialBackedUp } = verified.registrationInfo;
  const transports = Array.isArray((response.response as { transports?: unknown }).transports)
    ? ((response.response as { transports: unknown[] }).transports.filter(
        (t) => typeof t === 'string' && /^[a-z-]{1,20}$/.test(t),
      ) as string[])
    : (credential.transports ?? []);
  return {
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey),
    counter: credential.counter,
    transports: transports.slice(0, 8),
    backedUp: credentialBackedUp,
  };
}

// Authentication (sign-in, and a second factor for the signed-in account)

export async function authenticationOptions(
  ctx: CeremonyContext,
  purpose: 'authenticate' | 'verify',
  accountId: string | null,
): Promise<Started<PublicKeyCredentialRequestOptionsJSON>> {
  const allow = accountId ? await credentialsOf(ctx.db, ctx.regionId, accountId) : [];
  const options = await generateAuthenticationOptions({
    rpID: ctx.rpId,
    timeout: TIMEOUT_MS,
    userVerification: 'preferred',
    allowCredentials: allow,
  });
  return { options, handle: await storeChallenge(ctx, options.challenge, purpose, accountId) };
}

/**
 * Verifies an assertion and records the use (counter, last use). `accountId`: the account it must
 * belong to (a second factor), or null for sign-in (any account of the region). Returns the account
 * the passkey belongs to and the passkey's id; 400 for anything else.
 */
export async function verifyAuthentication(
  ctx: CeremonyContext,
  handle: string | undefined,
  purpose: 'authenticate' | 'verify',
  accountId: string | null,
  response: unknown,
): Promise<{ accountId: string; credentialId: string; userVerified: boolean }> {
  const challenge = await takeChallenge(ctx, handle, purpose, accountId);
  if (!looksLikeCredential(response)) throw new AppError('LOTSA_BAD_REQUEST', { detail: 'not a credential' });
  const passkey = await findPasskey(ctx.db, ctx.regionId, response.id, accountId);
  if (!passkey) throw new AppError('LOTSA_BAD_REQUEST', { detail: 'unknown passkey' });
  // A discoverable credential names its user; it must be the passkey's own account.
  const given = (response.response as { userHandle?: unknown }).userHandle;
  if (typeof given === 'string' && given && accountIdFromHandle(given) !== passkey.account_id) {
    throw new AppError('LOTSA_BAD_REQUEST', { detail: 'user handle mismatch' });
  }
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response: response as unknown as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: ctx.origins,
      expectedRPID: ctx.rpId,
      credential: {
        id: passkey.credential_id,
        publicKey: new Uint8Array(passkey.public_key),
        counter: Number(passkey.counter),
        transports: passkey.transports,
      },
      requireUserVerification: false,
    });
  } catch {
    throw new AppError('LOTSA_BAD_REQUEST', { detail: 'assertion not verified' });
  }
  if (!verified.verified) throw new AppError('LOTSA_BAD_REQUEST', { detail: 'assertion not verified' });
  const info = verified.authenticationInfo;
  await recordPasskeyUse(ctx.db, ctx.regionId, passkey.credential_id, {
    counter: info.newCounter,
    backedUp: info.credentialBackedUp,
  });
  // userVerified: the authenticator checked a PIN or biometric, not only presence.
  return {
    accountId: passkey.account_id,
    credentialId: passkey.credential_id,
    userVerified: info.userVerified,
  };
}
