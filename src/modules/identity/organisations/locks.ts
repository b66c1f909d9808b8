/**
 * Identity's transactions that keep an invariant across rows (an organisation keeps someone able to
 * manage it, the region keeps an admin) take their locks in one order — the organisation row first —
 * so two of them cannot deadlock; they run in `retryingTransaction` (platform/db/transaction.ts).
 * Part of the organisations' owner: the other rooms of identity lock and read memberships here.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

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

/**
 * The account's role in the organisation, if a member (read after the organisation's lock); with
 * `lock`, the membership row is locked FOR UPDATE as well.
 */
export async function memberRole(
  trx: Kysely<DB>,
  regionId: string,
  organisationId: string,
  accountId: string,
  lock: 'lock' | 'read' = 'read',
): Promise<string | undefined> {
  const query = trx
    .selectFrom('memberships')
    .select('role')
    .where('region_id', '=', regionId)
    .where('organisation_id', '=', organisationId)
    .where('account_id', '=', accountId);
  const membership = await (lock === 'lock' ? query.forUpdate() : query).executeTakeFirst();
  return membership?.role;
}
