/**
 * The own page's data: the account and its memberships, profile changes, ending sessions, the data
 * export and erasure. Every change writes its audit event in the same transaction as the change.
 */
import { membershipsOf } from '../../../platform/auth/resolver.ts';
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { factorsExport, forgetCeremoniesOf } from '../second-factor/service.ts';
import { sql } from 'kysely';
import { accountActor, recordAudit } from '../../../platform/audit.ts';
import type { SessionStore, SessionSummary } from '../../../platform/auth/sessions.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { eraseFeedbackFrom, feedbackFrom } from '../../site/feedback.ts';
import { revokeTokensCreatedBy } from '../admin/tokens.ts';
import { retryingTransaction } from '../../../platform/db/transaction.ts';
import { lockOrganisation } from '../transaction.ts';

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
  const row = await db
    .selectFrom('accounts')
    .select(['id', 'email', 'display_name', 'language', 'created_at', 'last_sign_in_at'])
    .where('region_id', '=', regionId)
    .where('id', '=', accountId)
    .executeTakeFirst();
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

// Profile

export const DISPLAY_NAME_MAX = 120;

export interface ProfileValues {
  displayName: string;
  language: string;
}

export type ProfileErrorKey =
  'profile.error.displayNameTooLong' | 'profile.error.displayNameControl' | 'profile.error.language';

export interface ProfileErrors {
  displayName?: ProfileErrorKey;
  language?: ProfileErrorKey;
}

/** Control characters and the invisible marks that reorder text. */
const CONTROL = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Reads the profile form: fields that are not strings count as empty. */
export function readProfileForm(body: unknown): ProfileValues {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    displayName: text(source.display_name).trim().normalize('NFC'),
    language: text(source.language),
  };
}

export function validateProfile(values: ProfileValues): ProfileErrors {
  const errors: ProfileErrors = {};
  if (CONTROL.test(values.displayName)) errors.displayName = 'profile.error.displayNameControl';
  else if ([...values.displayName].length > DISPLAY_NAME_MAX)
    errors.displayName = 'profile.error.displayNameTooLong';
  if (values.language !== 'sv' && values.language !== 'en') errors.language = 'profile.error.language';
  return errors;
}

/** Saves a valid profile; returns the names of the fields that changed (audited, without values). */
export async function updateProfile(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  values: { displayName: string; language: Lang },
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('accounts')
      .select(['display_name', 'language'])
      .where('region_id', '=', regionId)
      .where('id', '=', accountId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) return [];
    const changed: string[] = [];
    if (current.display_name !== values.displayName) changed.push('display_name');
    if (current.language !== values.language) changed.push('language');
    if (changed.length === 0) return changed;
    await trx
      .updateTable('accounts')
      .set({ display_name: values.displayName, language: values.language })
      .where('region_id', '=', regionId)
      .where('id', '=', accountId)
      .execute();
    await recordAudit(trx, {
      regionId,
      actor: accountActor(accountId),
      action: 'account.updated',
      subjectType: 'account',
      subjectId: accountId,
      data: { fields: changed.join(',') },
    });
    return changed;
  });
}

// Sessions

/**
 * The handle a session is named by in forms: a keyed hash of its id, so pages never carry the
 * stored token hash and a handle from one install means nothing in another.
 */
export function sessionHandle(secret: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`me-session:${sessionId}`).digest('base64url').slice(0, 32);
}

/** The listed session a handle names, if it is one of the person's own. */
export function sessionByHandle(
  secret: string,
  sessions: readonly SessionSummary[],
  handle: unknown,
): SessionSummary | undefined {
  if (typeof handle !== 'string' || !/^[A-Za-z0-9_-]{32}$/.test(handle)) return undefined;
  return sessions.find((s) => sessionHandle(secret, s.id) === handle);
}

/** Ends one of the person's sessions; false when it was not theirs or already ended. */
export async function endSession(
  db: Kysely<DB>,
  sessions: SessionStore,
  regionId: string,
  accountId: string,
  session: { id: string; device: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await sessions.endOne(regionId, accountId, session.id, trx))) return false;
    await recordAudit(trx, {
      regionId,
      actor: accountActor(accountId),
      action: 'session.ended',
      subjectType: 'account',
      subjectId: accountId,
      data: { device: session.device.slice(0, 80) },
    });
    return true;
  });
}

/** Ends every session of the person except `keep` (when given); returns how many ended. */
export async function endSessions(
  db: Kysely<DB>,
  sessions: SessionStore,
  regionId: string,
  accountId: string,
  keep: string | undefined,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended = await sessions.endAll(regionId, accountId, keep, trx);
    await recordAudit(trx, {
      regionId,
      actor: accountActor(accountId),
      action: 'session.ended_everywhere',
      subjectType: 'account',
      subjectId: accountId,
      data: { kept: Boolean(keep), ended },
    });
    return ended;
  });
}

// Export

/** Everything stored about a person, as the JSON they download. Never hashes or key material. */
export async function exportAccount(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  sessions: readonly SessionSummary[],
): Promise<Record<string, unknown> | undefined> {
  const account = await accountDetails(db, regionId, accountId);
  if (!account) return undefined;
  const [memberships, factors, invitations, signInLinks, audit, tokens, feedback] = await Promise.all([
    membershipsOf(db, regionId, accountId),
    factorsExport(db, regionId, accountId),
    db
      .selectFrom('invitations as i')
      .innerJoin('organisations as o', (join) =>
        join.onRef('o.region_id', '=', 'i.region_id').onRef('o.id', '=', 'i.organisation_id'),
      )
      .select(['o.name', 'o.kind', 'i.role', 'i.created_at', 'i.expires_at'])
      .where('i.region_id', '=', regionId)
      .where('i.email', '=', account.email)
      .where('i.accepted_at', 'is', null)
      .where('i.revoked_at', 'is', null)
      .where('i.expires_at', '>', sql<Date>`now()`)
      .orderBy('i.created_at')
      .execute(),
    db
      .selectFrom('login_tokens')
      .select(['created_at', 'expires_at', 'used_at'])
      .where('region_id', '=', regionId)
      .where('email', '=', account.email)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('audit_events')
      .select(['action', 'at', 'subject_type', 'subject_id', 'actor_id'])
      .where('region_id', '=', regionId)
      .where((eb) => eb.or([eb('actor_id', '=', accountId), eb('subject_id', '=', accountId)]))
      .orderBy('at')
      .orderBy('id')
      .execute(),
    // The API tokens they created: what they are called and may do, never the token or its hash.
    db
      .selectFrom('api_tokens as t')
      .innerJoin('organisations as o', (join) =>
        join.onRef('o.region_id', '=', 't.region_id').onRef('o.id', '=', 't.organisation_id'),
      )
      .select([
        't.name',
        'o.name as organisation',
        't.permissions',
        't.created_at',
        't.last_used_at',
        't.revoked_at',
      ])
      .where('t.region_id', '=', regionId)
      .where('t.created_by', '=', accountId)
      .orderBy('t.created_at')
      .execute(),
    feedbackFrom(db, regionId, account.email),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    region: regionId,
    account: {
      email: account.email,
      displayName: account.displayName,
      language: account.language,
      createdAt: account.createdAt.toISOString(),
      lastSignInAt: account.lastSignInAt?.toISOString() ?? null,
    },
    memberships: memberships.map((m) => ({
      organisation: m.organisationName,
      kind: m.kind,
      role: m.role,
      since: m.since.toISOString(),
    })),
    sessions: sessions.map((s) => ({
      device: s.device,
      signedInWith: s.method,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      thisDevice: s.current,
    })),
    ...factors,
    pendingInvitations: invitations.map((i) => ({
      organisation: i.name,
      kind: i.kind,
      role: i.role,
      createdAt: i.created_at.toISOString(),
      expiresAt: i.expires_at.toISOString(),
    })),
    signInLinks: signInLinks.map((l) => ({
      createdAt: l.created_at.toISOString(),
      expiresAt: l.expires_at.toISOString(),
      usedAt: l.used_at?.toISOString() ?? null,
    })),
    apiTokens: tokens.map((t) => ({
      name: t.name,
      organisation: t.organisation,
      scopes: t.permissions,
      createdAt: t.created_at.toISOString(),
      lastUsedAt: t.last_used_at?.toISOString() ?? null,
      revokedAt: t.revoked_at?.toISOString() ?? null,
    })),
    accessibilityReports: feedback.map((f) => ({
      message: f.message,
      page: f.pageUrl,
      name: f.name,
      language: f.language,
      createdAt: f.createdAt.toISOString(),
    })),
    auditEvents: audit.map((e) => ({
      action: e.action,
      at: e.at.toISOString(),
      subject: { type: e.subject_type, id: e.subject_id },
      byYou: e.actor_id === accountId,
    })),
  };
}

export async function recordExport(db: Kysely<DB>, regionId: string, accountId: string): Promise<void> {
  await recordAudit(db, {
    regionId,
    actor: accountActor(accountId),
    action: 'account.exported',
    subjectType: 'account',
    subjectId: accountId,
  });
}

// Erasure

/** The person is an admin of the region's own organisation and no one else is. */
export async function isLastRegionAdmin(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<boolean> {
  const admins = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', (join) =>
      join.onRef('o.region_id', '=', 'm.region_id').onRef('o.id', '=', 'm.organisation_id'),
    )
    .select('m.account_id')
    .where('m.region_id', '=', regionId)
    .where('o.kind', '=', 'region')
    .where('m.role', '=', 'admin')
    .orderBy('m.account_id')
    .forUpdate('m')
    .execute();
  return admins.length === 1 && admins[0]?.account_id === accountId;
}

export type DeleteOutcome = 'deleted' | 'last-admin' | 'gone';

/**
 * Erases an account in one transaction: the audit event first (its ids no longer lead to a person
 * once the account is gone), the API tokens they created revoked, sign-in links and invitations for
 * the address, mail to it, unsent invitation mail that names them, accessibility reports sent from
 * the address (and their mail), challenges, then the account (memberships, sessions, passkeys, TOTP
 * and recovery codes go with it). Refuses while the person is the region's last admin.
 *
 * Locks in the order every membership change takes them: the region's organisation row first, so
 * two admins leaving at once queue rather than deadlock.
 */
export async function deleteAccount(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<DeleteOutcome> {
  return retryingTransaction(db, async (trx) => {
    const regionOrganisation = await trx
      .selectFrom('organisations')
      .select('id')
      .where('region_id', '=', regionId)
      .where('kind', '=', 'region')
      .executeTakeFirst();
    if (regionOrganisation) await lockOrganisation(trx, regionId, regionOrganisation.id);
    const account = await trx
      .selectFrom('accounts')
      .select(['email'])
      .where('region_id', '=', regionId)
      .where('id', '=', accountId)
      .forUpdate()
      .executeTakeFirst();
    if (!account) return 'gone';
    if (await isLastRegionAdmin(trx, regionId, accountId)) return 'last-admin';
    const memberships = await trx
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('region_id', '=', regionId)
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      regionId,
      actor: accountActor(accountId),
      action: 'account.deleted',
      subjectType: 'account',
      subjectId: accountId,
      data: { memberships: Number(memberships.count) },
    });
    // Tokens die with their creator, as they do when the creator loses the role or membership.
    await revokeTokensCreatedBy(trx, { regionId, accountId, actor: accountActor(accountId) });
    await trx
      .deleteFrom('login_tokens')
      .where('region_id', '=', regionId)
      .where((eb) => eb.or([eb('email', '=', account.email), eb('account_id', '=', accountId)]))
      .execute();
    // Invitation mail they sent and that has not gone out names them. It was queued in the
    // invitation's own transaction, so it has the invitation's address and creation time. (Their
    // invitations themselves stop working with their memberships.)
    await trx
      .deleteFrom('mail_outbox')
      .where('region_id', '=', regionId)
      .where('state', '<>', 'sent')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('invitations as i')
            .select('i.id')
            .whereRef('i.region_id', '=', 'mail_outbox.region_id')
            .whereRef('i.email', '=', 'mail_outbox.to_address')
            .whereRef('i.created_at', '=', 'mail_outbox.created_at')
            .where('i.invited_by', '=', accountId),
        ),
      )
      .execute();
    await eraseFeedbackFrom(trx, regionId, account.email);
    await trx
      .deleteFrom('invitations')
      .where('region_id', '=', regionId)
      .where('email', '=', account.email)
      .execute();
    // Mail to the address (sign-in links, invitations) goes too, sent or not.
    await trx
      .deleteFrom('mail_outbox')
      .where('region_id', '=', regionId)
      .where('to_address', '=', account.email)
      .execute();
    await forgetCeremoniesOf(trx, regionId, accountId);
    // The address must not survive in the facts of earlier audit events either.
    await sql`UPDATE audit_events
      SET data = (SELECT coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) FROM jsonb_each(data) e
                  WHERE lower(e.value #>> '{}') IS DISTINCT FROM ${account.email})
      WHERE region_id = ${regionId}
        AND EXISTS (SELECT 1 FROM jsonb_each(data) e WHERE lower(e.value #>> '{}') = ${account.email})`.execute(
      trx,
    );
    await trx.deleteFrom('accounts').where('region_id', '=', regionId).where('id', '=', accountId).execute();
    return 'deleted';
  });
}
