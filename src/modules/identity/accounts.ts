/**
 * Accounts: the person behind a session. Shared by sign-in (which creates talent accounts),
 * invitations, the admin CLI and the own page.
 */
import { createHmac } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { accountActor, recordAudit, type AuditActor } from '../../platform/audit.ts';
import type { SessionStore } from '../../platform/auth/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Lang } from '../../platform/i18n/index.ts';

export interface Account {
  id: string;
  email: string;
  displayName: string;
  language: Lang;
}

/** Trimmed and lower-cased; the form the database holds. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * The mailbox an address delivers to, for counting only (never stored, never mailed): `+tag`s are
 * dropped from the local part, and Gmail (which ignores dots, and answers for googlemail.com too)
 * loses its dots, so `anna+1@x.se` and `anna+2@x.se` count as one mailbox. An international domain
 * counts in its ASCII (punycode, IDNA-mapped) form, which is where mail for either spelling goes:
 * `anna@exämple.se` and `anna@xn--exmple-cua.se` are one mailbox.
 */
export function mailboxOf(email: string): string {
  const address = normalizeEmail(email).normalize('NFC');
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  let local = address.slice(0, at);
  const written = address.slice(at + 1);
  let domain = domainToASCII(written) || written;
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '') || local;
  return `${local}@${domain}`;
}

/**
 * A rate-limit bucket key for a mailbox: a keyed hash of `mailboxOf(email)`, so rate-limit rows
 * never hold an address. `purpose` keeps the buckets of different limits apart.
 */
export function mailboxKey(secret: string, purpose: string, email: string): string {
  return createHmac('sha256', secret)
    .update(`${purpose}:${mailboxOf(email)}`)
    .digest('base64url')
    .slice(0, 22);
}

/** A plausible address: one @, a dot in the domain, no spaces, at most 254 characters. */
export function isValidEmail(value: string): boolean {
  return (
    value.length <= 254 &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f]/.test(value) &&
    /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/.test(value) &&
    !value.includes('..')
  );
}

function toAccount(row: { id: string; email: string; display_name: string; language: string }): Account {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    language: row.language === 'en' ? 'en' : 'sv',
  };
}

/** The region's accounts, with the columns an Account is made of. */
function accountRows(db: Kysely<DB>, regionId: string) {
  return db
    .selectFrom('accounts')
    .select(['id', 'email', 'display_name', 'language'])
    .where('region_id', '=', regionId);
}

export async function findAccountByEmail(
  db: Kysely<DB>,
  regionId: string,
  email: string,
): Promise<Account | undefined> {
  const row = await accountRows(db, regionId).where('email', '=', normalizeEmail(email)).executeTakeFirst();
  return row && toAccount(row);
}

export async function findAccountById(
  db: Kysely<DB>,
  regionId: string,
  id: string,
): Promise<Account | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await accountRows(db, regionId).where('id', '=', id).executeTakeFirst();
  return row && toAccount(row);
}

/**
 * The account for an address, created when there is none (a talent: no organisation role).
 * Safe against two requests creating the same address at once. Pass the caller's transaction.
 */
export async function findOrCreateAccount(
  db: Kysely<DB>,
  regionId: string,
  email: string,
  language: Lang,
  actor: AuditActor | 'self',
): Promise<{ account: Account; created: boolean }> {
  const normalized = normalizeEmail(email);
  const inserted = await db
    .insertInto('accounts')
    .values({ region_id: regionId, email: normalized, language })
    .onConflict((oc) => oc.columns(['region_id', 'email']).doNothing())
    .returning(['id', 'email', 'display_name', 'language'])
    .executeTakeFirst();
  if (inserted) {
    const account = toAccount(inserted);
    await recordAudit(db, {
      regionId,
      actor: actor === 'self' ? accountActor(account.id) : actor,
      action: 'account.created',
      subjectType: 'account',
      subjectId: account.id,
    });
    return { account, created: true };
  }
  const existing = await findAccountByEmail(db, regionId, normalized);
  if (!existing) throw new Error('account vanished while being created');
  return { account: existing, created: false };
}

/** Accounts whose address or name holds `q` (every account when empty), by address, at most `limit`. */
export async function searchAccounts(db: Kysely<DB>, regionId: string, q: string, limit: number) {
  let query = db
    .selectFrom('accounts')
    .select(['id', 'email', 'display_name', 'last_sign_in_at'])
    .where('region_id', '=', regionId);
  if (q) {
    const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('email', 'like', pattern), eb(sql<string>`lower(display_name)`, 'like', pattern)]),
    );
  }
  return query.orderBy('email').limit(limit).execute();
}

/** What the back-office shows of one account. */
export async function accountProfile(db: Kysely<DB>, regionId: string, id: string) {
  return db
    .selectFrom('accounts')
    .select(['id', 'email', 'display_name', 'language', 'created_at', 'last_sign_in_at'])
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Records a sign-in on the account (pass the transaction that started the session). */
export async function markSignedIn(db: Kysely<DB>, regionId: string, accountId: string): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ last_sign_in_at: sql<Date>`now()` })
    .where('region_id', '=', regionId)
    .where('id', '=', accountId)
    .execute();
}

/**
 * Starts a session for the account inside `options.db` (the sign-in's transaction) and records the
 * sign-in on the account; with `audit`, the `session.started` event too (an invitation records its
 * own event instead). Returns the new session; the route sets its cookie.
 */
export async function startSession(
  sessions: SessionStore,
  options: Parameters<SessionStore['create']>[0] & { db: Kysely<DB> },
  audit: 'audit' | 'no-audit' = 'audit',
): Promise<{ id: string; token: string }> {
  const session = await sessions.create(options);
  await markSignedIn(options.db, options.regionId, options.accountId);
  if (audit === 'audit') {
    await recordAudit(options.db, {
      regionId: options.regionId,
      actor: accountActor(options.accountId),
      action: 'session.started',
      subjectType: 'account',
      subjectId: options.accountId,
      data: { method: options.method },
    });
  }
  return session;
}

/** Names and addresses of accounts by id (for sentences about them). */
export async function accountNames(db: Kysely<DB>, regionId: string, ids: string[]) {
  return db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'email'])
    .where('region_id', '=', regionId)
    .where('id', 'in', ids)
    .execute();
}

export async function setDisplayName(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  name: string,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ display_name: name })
    .where('region_id', '=', regionId)
    .where('id', '=', accountId)
    .execute();
}

/** Locks an account's row for a change that must see it unchanged; its address, or undefined. */
export async function lockAccount(db: Kysely<DB>, regionId: string, accountId: string) {
  return db
    .selectFrom('accounts')
    .select(['email'])
    .where('region_id', '=', regionId)
    .where('id', '=', accountId)
    .forUpdate()
    .executeTakeFirst();
}

/** Deletes the account (memberships, sessions and second factors go with it by foreign key). */
export async function deleteAccountRow(db: Kysely<DB>, regionId: string, accountId: string): Promise<void> {
  await db.deleteFrom('accounts').where('region_id', '=', regionId).where('id', '=', accountId).execute();
}

export interface AccountDetails {
  id: string;
  email: string;
  displayName: string;
  language: Lang;
  createdAt: Date;
  lastSignInAt: Date | null;
}

export async function accountDetails(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<AccountDetails | undefined> {
  const row = await accountProfile(db, regionId, accountId);
  return (
    row && {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      language: row.language === 'en' ? 'en' : 'sv',
      createdAt: row.created_at,
      lastSignInAt: row.last_sign_in_at,
    }
  );
}

/** The account's name and language, locked for a change of profile. */
export async function lockProfile(db: Kysely<DB>, regionId: string, accountId: string) {
  return db
    .selectFrom('accounts')
    .select(['display_name', 'language'])
    .where('region_id', '=', regionId)
    .where('id', '=', accountId)
    .forUpdate()
    .executeTakeFirst();
}

export async function saveProfile(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  values: { displayName: string; language: Lang },
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ display_name: values.displayName, language: values.language })
    .where('region_id', '=', regionId)
    .where('id', '=', accountId)
    .execute();
}
