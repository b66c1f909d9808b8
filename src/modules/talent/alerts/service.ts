/**
 * The job alerts' rules: create (a visitor's waits for its e-mail link, 48 h; a signed-in person's
 * starts at once), confirm, one-click unsubscribe, the own page's changes (frequency, delete, the
 * matches digest on/off). Each change in one transaction with its audit event. At most
 * MAX_ALERTS live alerts per person or address.
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { accountActor, recordAudit, SYSTEM_ACTOR, type AuditActor } from '../../../platform/audit.ts';
import { hashSecret, randomToken } from '../../../platform/auth/secrets.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { RateLimitRule } from '../../../platform/http/rate-limit.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { findAccountByEmail } from '../../identity/accounts.ts';
import { ALERTS_VISITOR_TEXT_VERSION, CONSENT_TEXT_VERSIONS } from '../model.ts';
import { alertMessages } from './messages.ts';

export const FREQUENCIES = ['daily', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const MAX_ALERTS = 20;
export const CONFIRM_HOURS = 48;

/** Per client (route config) and per address (deps.rateLimiter, keyed hash of the mailbox). */
export const CREATE_PER_IP: RateLimitRule = { name: 'alerts-create', max: 20, windowSeconds: 900 };
export const CREATE_PER_ADDRESS: RateLimitRule = { name: 'alerts-address', max: 5, windowSeconds: 3600 };
export const CONFIRM_PER_IP: RateLimitRule = { name: 'alerts-confirm', max: 30, windowSeconds: 900 };
export const UNSUBSCRIBE_PER_IP: RateLimitRule = { name: 'alerts-unsubscribe', max: 60, windowSeconds: 900 };

export interface AlertRow {
  id: string;
  accountId: string | null;
  email: string;
  language: Lang;
  kind: 'search' | 'matches';
  query: string;
  frequency: Frequency;
  confirmedAt: Date | null;
  lastSentAt: Date | null;
  stoppedAt: Date | null;
  createdAt: Date;
}

const COLUMNS = [
  'id',
  'account_id',
  'email',
  'language',
  'kind',
  'query',
  'frequency',
  'confirmed_at',
  'last_sent_at',
  'stopped_at',
  'created_at',
] as const;

function toAlert(r: {
  id: string;
  account_id: string | null;
  email: string;
  language: 'sv' | 'en';
  kind: 'search' | 'matches';
  query: string;
  frequency: 'daily' | 'weekly';
  confirmed_at: Date | null;
  last_sent_at: Date | null;
  stopped_at: Date | null;
  created_at: Date;
}): AlertRow {
  return {
    id: r.id,
    accountId: r.account_id,
    email: r.email,
    language: r.language,
    kind: r.kind,
    query: r.query,
    frequency: r.frequency,
    confirmedAt: r.confirmed_at,
    lastSentAt: r.last_sent_at,
    stoppedAt: r.stopped_at,
    createdAt: r.created_at,
  };
}

/**
 * The token of an alert's unsubscribe link: derived from the secret and the alert, so every digest
 * can carry it while only its SHA-256 is stored.
 */
export function unsubscribeToken(secret: string, regionId: string, alertId: string): string {
  return createHmac('sha256', secret).update(`alert-unsubscribe:${regionId}:${alertId}`).digest('base64url');
}

/** The person's (or address's) live alerts: their own, and those made with their address before. */
export async function alertsOf(
  db: Kysely<DB>,
  regionId: string,
  owner: { accountId: string | null; email: string },
): Promise<AlertRow[]> {
  const rows = await db
    .selectFrom('job_alerts')
    .select(COLUMNS)
    .where('region_id', '=', regionId)
    .where('stopped_at', 'is', null)
    .where((eb) =>
      owner.accountId
        ? eb.or([eb('account_id', '=', owner.accountId), eb('email', '=', owner.email)])
        : eb('email', '=', owner.email),
    )
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toAlert);
}

async function liveCount(
  db: Kysely<DB>,
  regionId: string,
  owner: { accountId: string | null; email: string },
) {
  const alerts = await alertsOf(db, regionId, owner);
  return alerts.filter((a) => a.kind === 'search').length;
}

/** Records the alerts consent in talent_consents unless a live one is there. */
async function grantAlertsConsent(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  version: string = CONSENT_TEXT_VERSIONS.alerts,
): Promise<void> {
  await db
    .insertInto('talent_consents')
    .values({
      region_id: regionId,
      account_id: accountId,
      purpose: 'alerts',
      text_version: version,
    })
    .onConflict((oc) =>
      oc.columns(['region_id', 'account_id', 'purpose']).where('withdrawn_at', 'is', null).doNothing(),
    )
    .execute();
}

export interface NewAlert {
  regionId: string;
  /** The signed-in person, or null for a visitor. */
  accountId: string | null;
  email: string;
  lang: Lang;
  /** The canonical query string (search-words.ts parseSearch). */
  query: string;
  frequency: Frequency;
  /** The consent box was ticked now (a visitor always; a signed-in person without a live consent). */
  consent: boolean;
  secret: string;
  /** For the confirmation mail: the absolute origin and the site's name, the search in words. */
  origin: string;
  site: string;
  searchWords: string[];
}

export type CreateOutcome =
  { kind: 'tooMany' } | { kind: 'active'; id: string } | { kind: 'mailed'; id: string };

export async function createAlert(db: Kysely<DB>, queue: TaskQueue, input: NewAlert): Promise<CreateOutcome> {
  return db.transaction().execute(async (trx) => {
    const owner = { accountId: input.accountId, email: input.email };
    if ((await liveCount(trx, input.regionId, owner)) >= MAX_ALERTS) return { kind: 'tooMany' as const };
    const signedIn = input.accountId !== null;
    const confirmToken = signedIn ? null : randomToken();
    const row = await trx
      .insertInto('job_alerts')
      .values({
        region_id: input.regionId,
        account_id: input.accountId,
        email: input.email,
        language: input.lang,
        kind: 'search',
        query: input.query,
        frequency: input.frequency,
        confirmed_at: signedIn ? sql<Date>`now()` : null,
        confirm_token_hash: confirmToken ? hashSecret(confirmToken) : null,
        confirm_expires_at: confirmToken ? sql<Date>`now() + make_interval(hours => ${CONFIRM_HOURS})` : null,
        unsubscribe_token_hash: hashSecret(randomToken()),
        consent_text_version: input.consent
          ? signedIn
            ? CONSENT_TEXT_VERSIONS.alerts
            : ALERTS_VISITOR_TEXT_VERSION
          : null,
        consent_given_at: input.consent ? sql<Date>`now()` : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('job_alerts')
      .set({ unsubscribe_token_hash: hashSecret(unsubscribeToken(input.secret, input.regionId, row.id)) })
      .where('region_id', '=', input.regionId)
      .where('id', '=', row.id)
      .execute();
    if (input.accountId && input.consent) await grantAlertsConsent(trx, input.regionId, input.accountId);
    const actor: AuditActor = input.accountId ? accountActor(input.accountId) : SYSTEM_ACTOR;
    await recordAudit(trx, {
      regionId: input.regionId,
      actor,
      action: 'talent.alert.created',
      subjectType: 'job_alert',
      subjectId: row.id,
      data: { frequency: input.frequency, confirmed: signedIn },
    });
    if (confirmToken) {
      const t = (key: 'mail.confirm.subject' | 'mail.confirm.text') =>
        alertMessages.t(input.lang, key, {
          site: input.site,
          search: input.searchWords.map((l) => `  ${l}`).join('\n'),
          link: `${input.origin}/${input.lang}/alerts/confirm/${confirmToken}`,
        });
      await queueMail(trx, queue, {
        regionId: input.regionId,
        to: input.email,
        language: input.lang,
        subject: t('mail.confirm.subject'),
        text: t('mail.confirm.text'),
      });
      return { kind: 'mailed' as const, id: row.id };
    }
    return { kind: 'active' as const, id: row.id };
  });
}

/** The alert a live confirmation link names, or undefined (unknown, used or expired). */
export async function alertToConfirm(
  db: Kysely<DB>,
  regionId: string,
  token: string,
): Promise<AlertRow | undefined> {
  const row = await db
    .selectFrom('job_alerts')
    .select(COLUMNS)
    .where('region_id', '=', regionId)
    .where('confirm_token_hash', '=', hashSecret(token))
    .where('confirmed_at', 'is', null)
    .where('stopped_at', 'is', null)
    .where('confirm_expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row && toAlert(row);
}

/**
 * Starts the alert of a live confirmation link (once). The address is now shown to be the person's:
 * an account of that address gets the alert and, unless it has one, the alerts consent.
 */
export async function confirmAlert(
  db: Kysely<DB>,
  regionId: string,
  token: string,
): Promise<AlertRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('job_alerts')
      .set({ confirmed_at: sql<Date>`now()`, confirm_token_hash: null, confirm_expires_at: null })
      .where('region_id', '=', regionId)
      .where('confirm_token_hash', '=', hashSecret(token))
      .where('confirmed_at', 'is', null)
      .where('stopped_at', 'is', null)
      .where('confirm_expires_at', '>', sql<Date>`now()`)
      .returning(COLUMNS)
      .executeTakeFirst();
    if (!row) return undefined;
    const account = await findAccountByEmail(trx, regionId, row.email);
    if (account) {
      await trx
        .updateTable('job_alerts')
        .set({ account_id: account.id })
        .where('region_id', '=', regionId)
        .where('id', '=', row.id)
        .execute();
      // The visitor read the visitor's text; the consent names that text's version.
      if (row.account_id === null)
        await grantAlertsConsent(trx, regionId, account.id, ALERTS_VISITOR_TEXT_VERSION);
      row.account_id = account.id;
    }
    await recordAudit(trx, {
      regionId,
      actor: account ? accountActor(account.id) : SYSTEM_ACTOR,
      action: 'talent.alert.confirmed',
      subjectType: 'job_alert',
      subjectId: row.id,
    });
    return toAlert(row);
  });
}

/** The alert an unsubscribe link names (stopped or not), or undefined. */
export async function alertByUnsubscribeToken(
  db: Kysely<DB>,
  regionId: string,
  token: string,
): Promise<AlertRow | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = await db
    .selectFrom('job_alerts')
    .select(COLUMNS)
    .where('region_id', '=', regionId)
    .where('unsubscribe_token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  return row && toAlert(row);
}

/** One-click unsubscribe: the alert stops (again is fine). Undefined for an unknown token. */
export async function unsubscribe(
  db: Kysely<DB>,
  regionId: string,
  token: string,
): Promise<AlertRow | undefined> {
  const alert = await alertByUnsubscribeToken(db, regionId, token);
  if (!alert) return undefined;
  if (alert.stoppedAt) return alert;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('job_alerts')
      .set({ stopped_at: sql<Date>`now()`, confirm_token_hash: null })
      .where('region_id', '=', regionId)
      .where('id', '=', alert.id)
      .where('stopped_at', 'is', null)
      .returning(COLUMNS)
      .executeTakeFirst();
    if (row)
      await recordAudit(trx, {
        regionId,
        actor: row.account_id ? accountActor(row.account_id) : SYSTEM_ACTOR,
        action: 'talent.alert.unsubscribed',
        subjectType: 'job_alert',
        subjectId: row.id,
        data: { kind: row.kind },
      });
    return row ? toAlert(row) : alert;
  });
}

/** The own page's changes to one of the person's alerts; false when it is not theirs. */
export async function changeAlert(
  db: Kysely<DB>,
  regionId: string,
  owner: { accountId: string; email: string },
  id: string,
  change: { frequency: Frequency } | 'delete',
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const mine = (await alertsOf(trx, regionId, owner)).find((a) => a.id === id);
    if (!mine) return false;
    if (change === 'delete')
      await trx.deleteFrom('job_alerts').where('region_id', '=', regionId).where('id', '=', id).execute();
    else
      await trx
        .updateTable('job_alerts')
        .set({ frequency: change.frequency, account_id: owner.accountId })
        .where('region_id', '=', regionId)
        .where('id', '=', id)
        .execute();
    await recordAudit(trx, {
      regionId,
      actor: accountActor(owner.accountId),
      action: change === 'delete' ? 'talent.alert.deleted' : 'talent.alert.changed',
      subjectType: 'job_alert',
      subjectId: id,
      data: change === 'delete' ? { kind: mine.kind } : { frequency: change.frequency },
    });
    return true;
  });
}

/** The matches digest on (with its frequency) or off; one per account, active at once. */
export async function setMatchesDigest(
  db: Kysely<DB>,
  regionId: string,
  owner: { accountId: string; email: string; lang: Lang; secret: string },
  on: boolean,
  frequency: Frequency,
): Promise<void> {
  await db.transaction().execute((trx) => writeMatchesDigest(trx, regionId, owner, on, frequency));
}

/**
 * The matches digest follows the alerts consent ("Send me new jobs that fit me"): when it is given
 * (at joining, confirming or on the own page) the digest starts — weekly, or at the frequency it
 * had — unless it is already on; when the consent is withdrawn the digest stops (kept, stopped).
 * Inside the caller's transaction.
 */
export async function followAlertsConsent(
  trx: Kysely<DB>,
  regionId: string,
  accountId: string,
  secret: string,
  given: boolean,
): Promise<void> {
  const existing = await trx
    .selectFrom('job_alerts')
    .select(['id', 'stopped_at', 'frequency'])
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .where('kind', '=', 'matches')
    .forUpdate()
    .executeTakeFirst();
  if (!given) {
    if (!existing || existing.stopped_at) return;
    await trx
      .updateTable('job_alerts')
      .set({ stopped_at: sql<Date>`now()` })
      .where('region_id', '=', regionId)
      .where('id', '=', existing.id)
      .execute();
    await recordAudit(trx, {
      regionId,
      actor: accountActor(accountId),
      action: 'talent.alert.changed',
      subjectType: 'job_alert',
      subjectId: existing.id,
      data: { kind: 'matches', stopped: true },
    });
    return;
  }
  if (existing && !existing.stopped_at) return;
  const account = await trx
    .selectFrom('accounts')
    .select(['email', 'language'])
    .where('region_id', '=', regionId)
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) return;
  const lang: Lang = account.language === 'en' ? 'en' : 'sv';
  await writeMatchesDigest(
    trx,
    regionId,
    { accountId, email: account.email, lang, secret },
    true,
    existing?.frequency ?? 'weekly',
  );
}

async function writeMatchesDigest(
  trx: Kysely<DB>,
  regionId: string,
  owner: { accountId: string; email: string; lang: Lang; secret: string },
  on: boolean,
  frequency: Frequency,
): Promise<void> {
  {
    const existing = await trx
      .selectFrom('job_alerts')
      .select(['id', 'stopped_at', 'frequency'])
      .where('region_id', '=', regionId)
      .where('account_id', '=', owner.accountId)
      .where('kind', '=', 'matches')
      .forUpdate()
      .executeTakeFirst();
    let id = existing?.id;
    if (!on) {
      if (!existing) return;
      await trx
        .deleteFrom('job_alerts')
        .where('region_id', '=', regionId)
        .where('id', '=', existing.id)
        .execute();
    } else if (existing) {
      await trx
        .updateTable('job_alerts')
        .set({ frequency, stopped_at: null, language: owner.lang })
        .where('region_id', '=', regionId)
        .where('id', '=', existing.id)
        .execute();
    } else {
      const row = await trx
        .insertInto('job_alerts')
        .values({
          region_id: regionId,
          account_id: owner.accountId,
          email: owner.email,
          language: owner.lang,
          kind: 'matches',
          frequency,
          confirmed_at: sql<Date>`now()`,
          unsubscribe_token_hash: hashSecret(randomToken()),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
      await trx
        .updateTable('job_alerts')
        .set({ unsubscribe_token_hash: hashSecret(unsubscribeToken(owner.secret, regionId, row.id)) })
        .where('region_id', '=', regionId)
        .where('id', '=', row.id)
        .execute();
    }
    if (!id) return;
    await recordAudit(trx, {
      regionId,
      actor: accountActor(owner.accountId),
      action: on ? 'talent.alert.changed' : 'talent.alert.deleted',
      subjectType: 'job_alert',
      subjectId: id,
      data: on ? { kind: 'matches', frequency } : { kind: 'matches' },
    });
  }
}

/** Every alert of the account or made with its address, for the export (no token hashes). */
export async function exportAlerts(db: Kysely<DB>, regionId: string, accountId: string, email: string) {
  const rows = await db
    .selectFrom('job_alerts')
    .select([...COLUMNS, 'consent_text_version', 'consent_given_at'])
    .where('region_id', '=', regionId)
    .where((eb) => eb.or([eb('account_id', '=', accountId), eb('email', '=', email)]))
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    email: r.email,
    language: r.language,
    search: r.query,
    frequency: r.frequency,
    confirmedAt: r.confirmed_at,
    lastSentAt: r.last_sent_at,
    stoppedAt: r.stopped_at,
    createdAt: r.created_at,
    consentTextVersion: r.consent_text_version,
    consentGivenAt: r.consent_given_at,
  }));
}

/** Erases the account's alerts and every alert made with its address. */
export async function eraseAlerts(db: Kysely<DB>, regionId: string, accountId: string, email: string) {
  await db
    .deleteFrom('job_alerts')
    .where('region_id', '=', regionId)
    .where((eb) => eb.or([eb('account_id', '=', accountId), eb('email', '=', email)]))
    .execute();
}
