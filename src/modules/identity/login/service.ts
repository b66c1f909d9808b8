/**
 * Sign-in by e-mail: a login_tokens row per e-mail sent, holding the hash of the link's token and
 * the hash of a six-digit code bound to that row. The link works once for a short while; the code
 * is a fallback for people who read mail on another device, and stops working after a few wrong
 * guesses (the link in the same e-mail keeps working, so the owner is never locked out).
 *
 * Signing in consumes the row with one conditional UPDATE, so a link works once even when two
 * requests race; the account is found or created (a talent) and a new session replaces any the
 * browser already held.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { accountActor, recordAudit } from '../../../platform/audit.ts';
import { hashSecret, randomDigits, randomToken, sameSecret } from '../../../platform/auth/secrets.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { SessionStore } from '../../../platform/auth/sessions.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { localPath } from '../../../platform/html/layout.ts';
import type { RateLimitRule } from '../../../platform/http/rate-limit.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import {
  findAccountByEmail,
  findOrCreateAccount,
  mailboxKey,
  startSession,
  normalizeEmail,
} from '../accounts.ts';

/** How long a link and its code work. */
export const LOGIN_TTL_MINUTES = 15;
/** Wrong codes against a row after which its code stops working (its link does not). */
export const CODE_MAX_FAILURES = 5;
export const CODE_DIGITS = 6;

/** Per client address (route config). */
export const SEND_PER_IP: RateLimitRule = { name: 'login-send', max: 10, windowSeconds: 900 };
export const CODE_PER_IP: RateLimitRule = { name: 'login-code', max: 20, windowSeconds: 900 };
export const LINK_PER_IP: RateLimitRule = { name: 'login-link', max: 30, windowSeconds: 900 };
export const LINK_PAGE_PER_IP: RateLimitRule = { name: 'login-link-page', max: 60, windowSeconds: 900 };
/** Per e-mail address (deps.rateLimiter, keyed hash of the address). */
export const SEND_PER_ADDRESS: RateLimitRule = { name: 'login-address', max: 5, windowSeconds: 900 };
export const CODE_PER_ADDRESS: RateLimitRule = { name: 'login-code-address', max: 10, windowSeconds: 900 };
/**
 * And per day: a six-digit code checked against the address's few live e-mails must not be
 * guessable by patience. 30 guesses a day against at most 5 live codes is 1 in 6,600 a day; the link
 * (256 bits) is never limited by this, so the owner still gets in.
 */
export const CODE_PER_ADDRESS_DAY: RateLimitRule = {
  name: 'login-code-address-day',
  max: 30,
  windowSeconds: 86_400,
};

/** A link token as we hand it out: 32 random bytes, base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A local path to go to after signing in, or undefined: it must start with one "/" (not "//" or
 * "/\", which browsers read as another host) and hold only printable ASCII, no backslash.
 */
export function safeNext(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  // Printable ASCII only: browsers send paths percent-encoded, and anything else cannot be a Location.
  if (/[^\x21-\x7e]|\\/.test(value)) return undefined;
  return value;
}

/**
 * The bucket key for an address: a keyed hash of its mailbox (every `+tag` of one mailbox counts
 * together), so rate-limit rows never hold an address.
 */
export function addressKey(secret: string, email: string): string {
  return mailboxKey(secret, 'login-address', email);
}

/** The stored form of a code: bound to its row (and so to the address and the e-mail). */
function codeHash(tokenHash: string, code: string): string {
  return hashSecret(`${tokenHash}:${code}`);
}

/** Digits only (spaces and dashes people type are dropped); undefined unless exactly six digits. */
export function normalizeCode(value: string): string | undefined {
  const digits = value.replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${CODE_DIGITS}}$`).test(digits) ? digits : undefined;
}

export interface SignInLink {
  url: string;
  code: string;
  /** The address has no account yet: confirming creates a talent account. */
  newAccount: boolean;
  ttlMinutes: number;
}

/**
 * Creates a sign-in link and code for an address (a login_tokens row) and returns them. The e-mail
 * flow mails them; the admin CLI prints the link. Pass the caller's transaction.
 */
export async function createSignInLink(
  db: Kysely<DB>,
  options: {
    regionId: string;
    email: string;
    language: Lang;
    /** Absolute origin for the link, e.g. `https://dalarna.lotsa.se`. */
    origin: string;
    nextPath?: string;
    ttlMinutes?: number;
  },
): Promise<SignInLink> {
  const email = normalizeEmail(options.email);
  const ttlMinutes = options.ttlMinutes ?? LOGIN_TTL_MINUTES;
  const account = await findAccountByEmail(db, options.regionId, email);
  const token = randomToken();
  const tokenHash = hashSecret(token);
  const code = randomDigits(CODE_DIGITS);
  await db
    .insertInto('login_tokens')
    .values({
      region_id: options.regionId,
      token_hash: tokenHash,
      code_hash: codeHash(tokenHash, code),
      email,
      account_id: account?.id ?? null,
      language: options.language,
      next_path: safeNext(options.nextPath) ?? null,
      expires_at: sql<Date>`now() + make_interval(mins => ${ttlMinutes})`,
    })
    .execute();
  return {
    url: `${options.origin}${localPath(options.language, `/login/link/${token}`)}`,
    code,
    newAccount: !account,
    ttlMinutes,
  };
}

export interface LinkState {
  email: string;
  language: Lang;
  nextPath: string | undefined;
  newAccount: boolean;
}

/** What a link's token stands for while it still works; undefined when unknown, used or expired. */
export async function liveLink(
  db: Kysely<DB>,
  regionId: string,
  token: string,
): Promise<LinkState | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const row = await db
    .selectFrom('login_tokens')
    .select(['email', 'language', 'next_path'])
    .where('region_id', '=', regionId)
    .where('token_hash', '=', hashSecret(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!row) return undefined;
  const account = await findAccountByEmail(db, regionId, row.email);
  return {
    email: row.email,
    language: row.language === 'en' ? 'en' : 'sv',
    nextPath: safeNext(row.next_path),
    newAccount: !account,
  };
}

interface UsedToken {
  email: string;
  language: Lang;
  nextPath: string | undefined;
}

/** Marks a live row used, atomically: of two racing requests only one gets the row back. */
async function consume(
  trx: Kysely<DB>,
  regionId: string,
  tokenHash: string,
  options: { forCode?: boolean } = {},
): Promise<UsedToken | undefined> {
  let query = trx
    .updateTable('login_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('region_id', '=', regionId)
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`);
  if (options.forCode) query = query.where('code_failures', '<', CODE_MAX_FAILURES);
  const row = await query.returning(['email', 'language', 'next_path']).executeTakeFirst();
  if (!row) return undefined;
  return {
    email: row.email,
    language: row.language === 'en' ? 'en' : 'sv',
    nextPath: safeNext(row.next_path),
  };
}

/** The browser signing in: the session token it already holds (ended first) and its User-Agent. */
export interface Browser {
  previousToken: string | undefined;
  userAgent: string | undefined;
}

export interface SignedIn {
  accountId: string;
  /** The new session's token, for the cookie the route sets (`sessions.setCookie`). */
  sessionToken: string;
  created: boolean;
  nextPath: string | undefined;
  language: Lang;
}

/**
 * The account for a used token (created when new), a fresh session (replacing any the browser had),
 * the audit event, and every other open link to the address closed.
 */
async function signIn(
  trx: Kysely<DB>,
  sessions: SessionStore,
  browser: Browser,
  regionId: string,
  used: UsedToken,
  method: 'link' | 'code',
): Promise<SignedIn> {
  const { account, created } = await findOrCreateAccount(trx, regionId, used.email, used.language, 'self');
  const session = await startSession(sessions, {
    regionId,
    accountId: account.id,
    method,
    db: trx,
    ...browser,
  });
  // Older e-mails to the same address stop working once the person is in.
  await trx
    .updateTable('login_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('region_id', '=', regionId)
    .where('email', '=', used.email)
    .where('used_at', 'is', null)
    .execute();
  return {
    accountId: account.id,
    sessionToken: session.token,
    created,
    nextPath: used.nextPath,
    language: used.language,
  };
}

/** Signs in with a link's token; undefined when the link is unknown, used or expired. */
export async function signInWithLink(
  db: Kysely<DB>,
  sessions: SessionStore,
  input: { regionId: string; token: string; browser: Browser },
): Promise<SignedIn | undefined> {
  const { regionId, token, browser } = input;
  if (!TOKEN.test(token)) return undefined;
  return db.transaction().execute(async (trx) => {
    const used = await consume(trx, regionId, hashSecret(token));
    return used && signIn(trx, sessions, browser, regionId, used, 'link');
  });
}

export type CodeResult =
  | { ok: true; signedIn: SignedIn }
  /** `burnt`: the address has open e-mails, but too many wrong codes were tried against them. */
  | { ok: false; burnt: boolean };

/**
 * Signs in with an address and a code from one of its open e-mails (newest first). A wrong code
 * counts one failure against every open row of the address.
 */
export async function signInWithCode(
  db: Kysely<DB>,
  sessions: SessionStore,
  input: { regionId: string; email: string; code: string; browser: Browser },
): Promise<CodeResult> {
  const { regionId, email, code, browser } = input;
  const address = normalizeEmail(email);
  const rows = await db
    .selectFrom('login_tokens')
    .where('region_id', '=', regionId)
    .where('email', '=', address)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .select(['token_hash', 'code_hash', 'code_failures'])
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  const usable = rows.filter((row) => row.code_failures < CODE_MAX_FAILURES);
  const match = usable.find((row) => sameSecret(row.code_hash, codeHash(row.token_hash, code)));
  if (match) {
    const signedIn = await db.transaction().execute(async (trx) => {
      const used = await consume(trx, regionId, match.token_hash, { forCode: true });
      return used && signIn(trx, sessions, browser, regionId, used, 'code');
    });
    // Used by a racing request in the meantime: not a guess, so nothing is counted.
    return signedIn ? { ok: true, signedIn } : { ok: false, burnt: false };
  }
  await db
    .updateTable('login_tokens')
    .set((eb) => ({ code_failures: eb('code_failures', '+', 1) }))
    .where('region_id', '=', regionId)
    .where('email', '=', address)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .execute();
  return { ok: false, burnt: rows.length > 0 && usable.length === 0 };
}

/**
 * Ends the signed-in person's session (the audit event in the same transaction). The route clears
 * the cookie; a cookie that no longer leads to a session (no principal) is ended by its token.
 */
export async function signOut(
  db: Kysely<DB>,
  sessions: SessionStore,
  input: { regionId: string; principal: Principal | null | undefined; browserToken: string | undefined },
): Promise<void> {
  const { regionId, principal } = input;
  if (principal?.account && principal.session) {
    const { account, session } = principal;
    await db.transaction().execute(async (trx) => {
      await sessions.endOne(regionId, account.id, session.id, trx);
      await recordAudit(trx, {
        regionId,
        actor: accountActor(account.id),
        action: 'session.ended',
        subjectType: 'account',
        subjectId: account.id,
        data: { method: session.method },
      });
    });
    return;
  }
  // A cookie that no longer leads to a session: delete whatever it names.
  await sessions.endByToken(regionId, input.browserToken);
}

/** Deletes sign-in tokens that expired more than a day ago, in every region (a maintenance sweep); how many. */
export async function sweepLoginTokens(db: Kysely<DB>): Promise<number> {
  const result = await db
    .deleteFrom('login_tokens')
    .where('expires_at', '<', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Every sign-in e-mail sent to an address (for the person's data export). */
export async function signInLinksFor(db: Kysely<DB>, regionId: string, email: string) {
  return db
    .selectFrom('login_tokens')
    .select(['created_at', 'expires_at', 'used_at'])
    .where('region_id', '=', regionId)
    .where('email', '=', email)
    .orderBy('created_at')
    .execute();
}

/** Deletes every sign-in e-mail's token for an address or account (the account is being erased). */
export async function forgetSignInLinks(
  db: Kysely<DB>,
  regionId: string,
  email: string,
  accountId: string,
): Promise<void> {
  await db
    .deleteFrom('login_tokens')
    .where('region_id', '=', regionId)
    .where((eb) => eb.or([eb('email', '=', email), eb('account_id', '=', accountId)]))
    .execute();
}
