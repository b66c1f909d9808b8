/**
 * Identity's transactions that keep an invariant across rows (an organisation keeps someone able to
 * manage it, the region keeps an admin). They take their locks in one order — the organisation row
 * first — so two of them cannot deadlock; should PostgreSQL still abort one as a deadlock or a
 * serialization failure, the whole transaction runs again from the start, a few times.
 *
 * Only for work whose effects are all in the database: a retried function runs again.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** serialization_failure, deadlock_detected */
const RETRYABLE = new Set(['40001', '40P01']);
export const TRANSACTION_ATTEMPTS = 4;

export function isRetryable(error: unknown): boolean {
  return RETRYABLE.has((error as { code?: unknown } | null)?.code as string);
}

export async function retryingTransaction<T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
  attempts = TRANSACTION_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
    }
  }
}

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
