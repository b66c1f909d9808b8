/**
 * The `passkeys` and `webauthn_challenges` tables (their only reader and writer): an account's
 * registered credentials, and the challenges of ceremonies under way (by the hash of the handle the
 * browser holds in a cookie; used once).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../../../platform/db/schema.ts';

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

export async function countPasskeys(db: Kysely<DB>, regionId: string, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('passkeys')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Credential ids and transports of an account's passkeys (for the browser's allow/exclude lists). */
export async function credentialsOf(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<{ id: string; transports: string[] }[]> {
  const rows = await db
    .selectFrom('passkeys')
    .select(['credential_id', 'transports'])
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .execute();
  return rows.map((p) => ({ id: p.credential_id, transports: p.transports }));
}

/** A passkey by credential id, within an account when `accountId` is given. */
export async function findPasskey(
  db: Kysely<DB>,
  regionId: string,
  credentialId: string,
  accountId: string | null,
) {
  let query = db
    .selectFrom('passkeys')
    .select(['credential_id', 'account_id', 'public_key', 'counter', 'transports', 'name'])
    .where('region_id', '=', regionId)
    .where('credential_id', '=', credentialId);
  if (accountId) query = query.where('account_id', '=', accountId);
  return query.executeTakeFirst();
}

/** Inserts a new passkey; false when the credential is registered already. */
export async function insertPasskey(
  db: Kysely<DB>,
  row: {
    regionId: string;
    accountId: string;
    credentialId: string;
    publicKey: Buffer;
    counter: number;
    transports: string[];
    backedUp: boolean;
    name: string;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('passkeys')
    .values({
      region_id: row.regionId,
      credential_id: row.credentialId,
      account_id: row.accountId,
      public_key: row.publicKey,
      counter: row.counter,
      transports: row.transports,
      backed_up: row.backedUp,
      name: row.name,
    })
    .onConflict((oc) => oc.columns(['region_id', 'credential_id']).doNothing())
    .returning('credential_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function renamePasskey(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  credentialId: string,
  name: string,
): Promise<void> {
  await db
    .updateTable('passkeys')
    .set({ name })
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .where('credential_id', '=', credentialId)
    .execute();
}

/** Deletes one of an account's passkeys; its name, or undefined when it was not theirs. */
export async function deletePasskey(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  credentialId: string,
): Promise<string | undefined> {
  const removed = await db
    .deleteFrom('passkeys')
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .where('credential_id', '=', credentialId)
    .returning('name')
    .executeTakeFirst();
  return removed?.name;
}

/** Deletes every passkey of an account; how many. */
export async function deleteAllPasskeys(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('passkeys')
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Records a use: the authenticator's counter, whether it is backed up, and when. */
export async function recordPasskeyUse(
  db: Kysely<DB>,
  regionId: string,
  credentialId: string,
  use: { counter: number; backedUp: boolean },
): Promise<void> {
  await db
    .updateTable('passkeys')
    .set({ counter: use.counter, backed_up: use.backedUp, last_used_at: sql<Date>`now()` })
    .where('region_id', '=', regionId)
    .where('credential_id', '=', credentialId)
    .execute();
}

// Challenges

/** Stores a ceremony's challenge under the hash of the browser's handle; ended ones are cleared first. */
export async function saveChallenge(
  db: Kysely<DB>,
  row: {
    regionId: string;
    handleHash: string;
    challenge: string;
    purpose: 'register' | 'authenticate' | 'verify';
    accountId: string | null;
    seconds: number;
  },
): Promise<void> {
  // The region's ended ceremonies are cleared as new ones begin (the table stays as small as the traffic).
  await db
    .deleteFrom('webauthn_challenges')
    .where('region_id', '=', row.regionId)
    .where('expires_at', '<', sql<Date>`now()`)
    .execute();
  await db
    .insertInto('webauthn_challenges')
    .values({
      region_id: row.regionId,
      handle_hash: row.handleHash,
      challenge: row.challenge,
      purpose: row.purpose,
      account_id: row.accountId,
      expires_at: sql<Date>`now() + make_interval(secs => ${row.seconds})`,
    })
    .execute();
}

/** Deletes and returns the challenge stored under a handle's hash. */
export async function takeChallengeRow(db: Kysely<DB>, regionId: string, handleHash: string) {
  return db
    .deleteFrom('webauthn_challenges')
    .where('handle_hash', '=', handleHash)
    .where('region_id', '=', regionId)
    .returning(['challenge', 'purpose', 'account_id', 'expires_at'])
    .executeTakeFirst();
}

/** Deletes the challenges of an account's ceremonies under way. */
export async function deleteChallengesOf(db: Kysely<DB>, regionId: string, accountId: string): Promise<void> {
  await db
    .deleteFrom('webauthn_challenges')
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .execute();
}

/** Deletes the challenges of ceremonies that ran out, in every region (a maintenance sweep); how many. */
export async function deleteExpiredChallenges(db: Kysely<DB>): Promise<number> {
  const result = await db
    .deleteFrom('webauthn_challenges')
    .where('expires_at', '<', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
