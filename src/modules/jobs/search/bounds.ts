/** Bounds on a search's statements: each runs under a statement timeout, past which the search gives up. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/**
 * Each statement of a search may take this long (ms) before PostgreSQL cancels it. An ordinary search's
 * slowest statement takes a tenth of a second on the 100k-ad bench database (docs/BENCHMARKS.md);
 * one that runs for seconds holds a connection others need and is better answered with "try again".
 */
export const SEARCH_STATEMENT_TIMEOUT_MS = 2000;

/** A statement of the search ran past its timeout (or the database cancelled it). */
export class SearchTimedOut extends Error {
  constructor() {
    super('search statement timed out');
    this.name = 'SearchTimedOut';
  }
}

/**
 * Runs `run` in a transaction whose statements PostgreSQL cancels after `timeoutMs` (SET LOCAL, so
 * the pooled connection keeps its own settings), with `settings` applied the same way.
 */
export async function bounded<T>(
  db: Kysely<DB>,
  timeoutMs: number,
  run: (trx: Kysely<DB>) => Promise<T>,
  settings: Record<string, string> = {},
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const all = { statement_timeout: String(timeoutMs), ...settings };
      const set = Object.entries(all).map(([name, value]) => sql`set_config(${name}, ${value}, true)`);
      await sql`SELECT ${sql.join(set)}`.execute(trx);
      return run(trx);
    });
  } catch (error) {
    // 57014 query_canceled: the statement timeout (or a cancel request).
    if ((error as { code?: unknown } | null)?.code === '57014') throw new SearchTimedOut();
    throw error;
  }
}
