/**
 * Identity's transactions that keep an invariant across rows (an organisation keeps someone able to
 * manage it, the region keeps an admin) take their locks in one order — the organisation row first —
 * so two of them cannot deadlock; they run in `retryingTransaction` (platform/db/transaction.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Locks an organisation's row for a change to its memberships (NO KEY UPDATE: it queues such
 * changes behind each other but does not block rows that merely refer to the organisation).
 * Returns false when the organisation is gone.
 */
export async function lockOrganisation(
  trx: Kysely<DB>,
  regionId: string,
  organisationId: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom('organisations')
    .select('id')
    .where('region_id', '=', regionId)
    .where('id', '=', organisationId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  return row !== undefined;
}
