/**
 * WebAuthn ceremonies with @simplewebauthn/server: registering a passkey, signing in with one
 * (discoverable credentials: no address typed) and showing one as a second factor.
 *
 * The challenge of a ceremony lives in `webauthn_challenges` (never in process memory, so any app
 * process can finish what another began), keyed by the hash of a random handle that the browser
 * holds in a short-lived HttpOnly cookie. A challenge is used once: finishing deletes it.
 * The relying party is the request's host name; the expected origin is the site's origin.
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
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { hashSecret, randomToken } from '../../../platform/auth/secrets.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';

export type Purpose = 'register' | 'authenticate' | 'verify';

const CHALLENGE_SECONDS = 300;
const TIMEOUT_MS = 120_000;

/** The relying party: the configured site's host name (passkeys are bound to it), never the Host header. */
export function rpId(request: FastifyRequest): string {
  return new URL(siteOrigin(request)).hostname;
}

/**
 * Origins a ceremony may come from: the site's own. On localhost (development, tests) the port the
 * browser actually used is accepted too, since PUBLIC_URL may name another.
 */
export function expectedOrigins(request: FastifyRequest): string[] {
  const origins = [siteOrigin(request)];
  if (rpId(request) === 'localhost' && /^localhost:\d{1,5}$/.test(request.host)) {
    origins.push(`${request.protocol}://${request.host}`);
  }
  return [...new Set(origins)];
}

function cookieName(secure: boolean): string {
  return secure ? '__Host-lotsa_webauthn' : 'lotsa_webauthn';
}

/** Stores a challenge and hands the browser its handle in a cookie. */
async function saveChallenge(
  db: Kysely<DB>,
  request: FastifyRequest,
  reply: FastifyReply,
  secure: boolean,
  challenge: string,
  purpose: Purpose,
  accountId: string | null,
): Promise<void> {
  // Ended ceremonies are cleared as new ones begin (the table stays as small as the traffic).
  await db
    .deleteFrom('webauthn_challenges')
    .where('expires_at', '<', sql<Date>`now()`)
    .execute();
  const handle = randomToken();
  await db
    .insertInto('webauthn_challenges')
    .values({
      region_id: request.region.id,
      handle_hash: hashSecret(handle),
      challenge,
      purpose,
      account_id: accountId,
      expires_at: sql<Date>`now() + make_interval(secs => ${CHALLENGE_SECONDS})`,
    })
    .execute();
  reply.setCookie(cookieName(secure), handle, {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'strict',
    maxAge: CHALLENGE_SECONDS,
  });
}

/** Takes (deletes) the challenge this browser holds for `purpose`; 400 when there is none. */
async function takeChallenge(
  db: Kysely<DB>,
  request: FastifyRequest,
  reply: FastifyReply,
  secure: boolean,
  purpose: Purpose,
  accountId: string | null,
): Promise<string> {
  const name = cookieName(secure);
  const handle = request.cookies[name];
  reply.clearCookie(name, { path: '/', httpOnly: true, secure, sameSite: 'strict' });
  if (!handle || handle.length > 100) throw new AppError('LOTSA_BAD_REQUEST', { detail: 'no ceremony' });
  const row = await db
    .deleteFrom('webauthn_challenges')
    .where('handle_hash', '=', hashSecret(handle))
    .where('region_id', '=', request.region.id)
    .returning(['challenge', 'purpose', 'account_id', 'expires_at'])
    .executeTakeFirst();
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

export interface CeremonyContext {
  db: Kysely<DB>;
  request: FastifyRequest;
  reply: FastifyReply;
  secure: boolean;
}

// Registration

export async function registrationOptions(
  ctx: CeremonyContext,
  account: { id: string; email: string; displayName: string },
  rpName: string,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const regionId = ctx.request.region.id;
  const existing = await ctx.db
    .selectFrom('passkeys')
    .select(['credential_id', 'transports'])
    .where('region_id', '=', regionId)
    .where('account_id', '=', account.id)
    .execute();
  const options = await generateRegistrationOptions({
    rpName,
    rpID: rpId(ctx.request),
    userName: account.email,
    userID: userHandle(account.id),
    userDisplayName: account.displayName || account.email,
    timeout: TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await saveChallenge(ctx.db, ctx.request, ctx.reply, ctx.secure, options.challenge, 'register', account.id);
  return options;
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
  accountId: string,
  response: unknown,
): Promise<NewPasskey> {
  const challenge = await takeChallenge(ctx.db, ctx.request, ctx.reply, ctx.secure, 'register', accountId);
  if (!looksLikeCredential(response)) throw new AppError('LOTSA_BAD_REQUEST', { detail: 'not a credential' });
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: response as unknown as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: expectedOrigins(ctx.request),
      expectedRPID: rpId(ctx.request),
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
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const allow = accountId
    ? await ctx.db
        .selectFrom('passkeys')
        .select(['credential_id', 'transports'])
        .where('region_id', '=', ctx.request.region.id)
        .where('account_id', '=', accountId)
        .execute()
    : [];
  const options = await generateAuthenticationOptions({
    rpID: rpId(ctx.request),
    timeout: TIMEOUT_MS,
    userVerification: 'preferred',
    allowCredentials: allow.map((p) => ({ id: p.credential_id, transports: p.transports })),
  });
  await saveChallenge(ctx.db, ctx.request, ctx.reply, ctx.secure, options.challenge, purpose, accountId);
  return options;
}

/**
 * Verifies an assertion and records the use (counter, last use). `accountId`: the account it must
 * belong to (a second factor), or null for sign-in (any account of the region). Returns the account
 * the passkey belongs to and the passkey's id; 400 for anything else.
 */
export async function verifyAuthentication(
  ctx: CeremonyContext,
  purpose: 'authenticate' | 'verify',
  accountId: string | null,
  response: unknown,
): Promise<{ accountId: string; credentialId: string; userVerified: boolean }> {
  const challenge = await takeChallenge(ctx.db, ctx.request, ctx.reply, ctx.secure, purpose, accountId);
  if (!looksLikeCredential(response)) throw new AppError('LOTSA_BAD_REQUEST', { detail: 'not a credential' });
  const regionId = ctx.request.region.id;
  let query = ctx.db
    .selectFrom('passkeys')
    .select(['credential_id', 'account_id', 'public_key', 'counter', 'transports'])
    .where('region_id', '=', regionId)
    .where('credential_id', '=', response.id);
  if (accountId) query = query.where('account_id', '=', accountId);
  const passkey = await query.executeTakeFirst();
  if (!passkey) throw new AppError('LOTSA_BAD_REQUEST', { detail: 'unknown passkey' });
  // A discoverable credential names its user; it must be the passkey's own account.
  const handle = (response.response as { userHandle?: unknown }).userHandle;
  if (typeof handle === 'string' && handle && accountIdFromHandle(handle) !== passkey.account_id) {
    throw new AppError('LOTSA_BAD_REQUEST', { detail: 'user handle mismatch' });
  }
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response: response as unknown as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: expectedOrigins(ctx.request),
      expectedRPID: rpId(ctx.request),
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
  await ctx.db
    .updateTable('passkeys')
    .set({
      counter: info.newCounter,
      backed_up: info.credentialBackedUp,
      last_used_at: sql<Date>`now()`,
    })
    .where('region_id', '=', regionId)
    .where('credential_id', '=', passkey.credential_id)
    .execute();
  // userVerified: the authenticator checked a PIN or biometric, not only presence.
  return {
    accountId: passkey.account_id,
    credentialId: passkey.credential_id,
    userVerified: info.userVerified,
  };
}
