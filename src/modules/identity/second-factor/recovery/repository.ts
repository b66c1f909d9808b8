/** The `recovery_codes` table (its only reader and writer): hashes of one-time codes per account. */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../../../platform/db/schema.ts';

/** Replaces the account's codes with these hashes. */
export async function replaceCodes(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  hashes: string[],
): Promise<void> {
  await deleteCodes(db, regionId, accountId);
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((code_hash) => ({ region_id: regionId, account_id: accountId, code_hash })))
    .execute();
}

/** Marks an unused code used (once, atomically); whether it was one of the account's unused codes. */
export async function markUsed(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  hash: string,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: sql<Date>`now()` })
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many unused codes the account has. */
export async function countUnused(db: Kysely<DB>, regionId: string, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function deleteCodes(db: Kysely<DB>, regionId: string, accountId: string): Promise<void> {
  await db
    .deleteFrom('recovery_codes')
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .execute();
}
