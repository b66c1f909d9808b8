/**
 * The `totp_secrets` table (its only reader and writer): one secret per account, unconfirmed while
 * it is being set up (bound to the session it was shown to), confirmed once a code from it matched;
 * `last_step` makes each code usable once.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../../../platform/db/schema.ts';

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
 * Stores `secret` as the session's unconfirmed secret unless the account has a confirmed one or
 * this session already has its own (a secret shown to another session is replaced, never reused).
 */
export async function offerPendingSecret(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  sessionId: string,
  secret: string,
): Promise<void> {
  await db
    .insertInto('totp_secrets')
    .values({ region_id: regionId, account_id: accountId, secret, pending_session: sessionId })
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
}

/**
 * Records a matched step (and confirms the secret when `confirm`), atomically: only when the secret
 * is still the one checked and the step is newer than the last used. Returns whether it did.
 */
export async function recordStep(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  secret: string,
  step: number,
  confirm: boolean,
): Promise<boolean> {
  const result = await db
    .updateTable('totp_secrets')
    .set({ last_step: step, ...(confirm ? { confirmed_at: sql<Date>`now()` } : {}) })
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .where('secret', '=', secret)
    .where('last_step', '<', String(step))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Deletes the account's confirmed secret; whether there was one. */
export async function deleteConfirmedSecret(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<boolean> {
  const removed = await db
    .deleteFrom('totp_secrets')
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .where('confirmed_at', 'is not', null)
    .returning('account_id')
    .executeTakeFirst();
  return removed !== undefined;
}

/** Deletes the account's secret, confirmed or not; whether there was one. */
export async function deleteAllSecrets(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('totp_secrets')
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Whether the account has a confirmed secret (a second factor). */
export async function hasConfirmedSecret(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<boolean> {
  return (await totpOf(db, regionId, accountId))?.confirmed ?? false;
}
