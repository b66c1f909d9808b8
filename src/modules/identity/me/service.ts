/**
 * The own page's data: the account and its memberships, profile changes, ending sessions, the data
 * export and erasure. Every change writes its audit event in the same transaction as the change.
 */
import { membershipsOf } from '../../../platform/auth/resolver.ts';
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { auditEventsAbout } from '../admin/audit.ts';
import { tokensCreatedBy } from '../admin/tokens.ts';
import { pendingInvitationsFor } from '../invitations/service.ts';
import { signInLinksFor } from '../login/service.ts';
import { factorsExport, forgetCeremoniesOf } from '../second-factor/service.ts';
import {
  accountActor,
  recordAudit,
  scrubAddressFromAudit,
  type AuditActor,
} from '../../../platform/audit.ts';
import { deleteMailTo } from '../../../platform/mail/outbox.ts';
import { accountDetails, deleteAccountRow, lockAccount, lockProfile, saveProfile } from '../accounts.ts';
import { forgetInvitationsTo, forgetUnsentInvitationMailFrom } from '../invitations/service.ts';
import { forgetSignInLinks } from '../login/service.ts';
import { findRegionOrganisation, isLastRegionAdmin, membershipCount } from '../organisations/service.ts';
import type { SessionStore, SessionSummary } from '../../../platform/auth/sessions.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { PersonalDataPart } from '../../../platform/personal-data.ts';
import { eraseFeedbackFrom, feedbackFrom } from '../../site/feedback.ts';
import { revokeTokensCreatedBy } from '../admin/tokens.ts';
import { retryingTransaction } from '../../../platform/db/transaction.ts';
import { lockOrganisation } from '../organisations/locks.ts';

export { accountDetails, type AccountDetails } from '../accounts.ts';

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

/** Reads the profile form (as its body schema types it): an absent field counts as empty. */
export function readProfileForm(body: { display_name?: string; language?: string }): ProfileValues {
  return {
    displayName: (body.display_name ?? '').trim().normalize('NFC'),
    language: body.language ?? '',
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
    const current = await lockProfile(trx, regionId, accountId);
    if (!current) return [];
    const changed: string[] = [];
    if (current.display_name !== values.displayName) changed.push('display_name');
    if (current.language !== values.language) changed.push('language');
    if (changed.length === 0) return changed;
    await saveProfile(trx, regionId, accountId, values);
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

/** An admin ends every session of someone (but `keep`, their own current one), with its audit event. */
export async function endSessionsOf(
  db: Kysely<DB>,
  sessions: SessionStore,
  input: { regionId: string; accountId: string; keep: string | undefined; actor: AuditActor },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const count = await sessions.endAll(input.regionId, input.accountId, input.keep, trx);
    await recordAudit(trx, {
      regionId: input.regionId,
      actor: input.actor,
      action: 'account.sessions_ended',
      subjectType: 'account',
      subjectId: input.accountId,
      data: { count },
    });
    return count;
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
  parts: readonly PersonalDataPart[] = [],
): Promise<Record<string, unknown> | undefined> {
  const account = await accountDetails(db, regionId, accountId);
  if (!account) return undefined;
  const person = { regionId, accountId, email: account.email };
  const others = await Promise.all(parts.map(async (p) => [p.name, await p.export(db, person)] as const));
  const [memberships, factors, invitations, signInLinks, audit, tokens, feedback] = await Promise.all([
    membershipsOf(db, regionId, accountId),
    factorsExport(db, regionId, accountId),
    pendingInvitationsFor(db, regionId, account.email),
    signInLinksFor(db, regionId, account.email),
    auditEventsAbout(db, regionId, accountId),
    // The API tokens they created: what they are called and may do, never the token or its hash.
    tokensCreatedBy(db, regionId, accountId),
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
      status: f.status,
      answer: f.answer,
      answeredAt: f.answeredAt?.toISOString() ?? null,
      closedAt: f.closedAt?.toISOString() ?? null,
    })),
    auditEvents: audit.map((e) => ({
      action: e.action,
      at: e.at.toISOString(),
      subject: { type: e.subject_type, id: e.subject_id },
      byYou: e.actor_id === accountId,
    })),
    ...Object.fromEntries(others),
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
export { isLastRegionAdmin } from '../organisations/service.ts';

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
  parts: readonly PersonalDataPart[] = [],
): Promise<DeleteOutcome> {
  return retryingTransaction(db, async (trx) => {
    const regionOrganisation = await findRegionOrganisation(trx, regionId);
    if (regionOrganisation) await lockOrganisation(trx, regionId, regionOrganisation);
    const account = await lockAccount(trx, regionId, accountId);
    if (!account) return 'gone';
    if (await isLastRegionAdmin(trx, regionId, accountId)) return 'last-admin';
    const memberships = await membershipCount(trx, regionId, accountId);
    await recordAudit(trx, {
      regionId,
      actor: accountActor(accountId),
      action: 'account.deleted',
      subjectType: 'account',
      subjectId: accountId,
      data: { memberships },
    });
    // Other modules' data about the person (the talent pool …), while the account still exists.
    for (const part of parts) await part.erase(trx, { regionId, accountId, email: account.email });
    // Tokens die with their creator, as they do when the creator loses the role or membership.
    await revokeTokensCreatedBy(trx, { regionId, accountId, actor: accountActor(accountId) });
    await forgetSignInLinks(trx, regionId, account.email, accountId);
    // Invitation mail they sent and that has not gone out names them. (Their invitations
    // themselves stop working with their memberships.)
    await forgetUnsentInvitationMailFrom(trx, regionId, accountId);
    await eraseFeedbackFrom(trx, regionId, account.email);
    await forgetInvitationsTo(trx, regionId, account.email);
    // Mail to the address (sign-in links, invitations) goes too, sent or not.
    await deleteMailTo(trx, regionId, account.email);
    await forgetCeremoniesOf(trx, regionId, accountId);
    // The address must not survive in the facts of earlier audit events either.
    await scrubAddressFromAudit(trx, regionId, account.email);
    await deleteAccountRow(trx, regionId, accountId);
    return 'deleted';
  });
}
