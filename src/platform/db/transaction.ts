/**
 * Transactions that can be asked to run again, and savepoints that let one statement fail without
 * failing the transaction around it.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** serialization_failure, deadlock_detected */
const RETRYABLE = new Set(['40001', '40P01']);
export const TRANSACTION_ATTEMPTS = 4;

export function isRetryable(error: unknown): boolean {
  return RETRYABLE.has((error as { code?: unknown } | null)?.code as string);
}

/**
 * Runs `work` in a transaction; should PostgreSQL abort it as a deadlock or a serialization
 * failure, the whole transaction runs again from the start, a few times. Only for work whose
 * effects are all in the database: a retried function runs again.
 */
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
 * Runs `work` inside a savepoint of `trx`. An error that `expected` accepts rolls back to the
 * savepoint and is returned (the transaction goes on); any other error is thrown.
 */
export async function withSavepoint<T>(
  trx: Kysely<DB>,
  name: string,
  work: () => Promise<T>,
  expected: (error: unknown) => boolean,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  const point = sql.id(name);
  await sql`SAVEPOINT ${point}`.execute(trx);
  try {
    const value = await work();
    await sql`RELEASE SAVEPOINT ${point}`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    if (!expected(error)) throw error;
    await sql`ROLLBACK TO SAVEPOINT ${point}`.execute(trx);
    await sql`RELEASE SAVEPOINT ${point}`.execute(trx);
    return { ok: false, error };
  }
}
