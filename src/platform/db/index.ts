/**
 * The database handle: one `pg` pool and a Kysely instance over it. Modules receive this object
 * explicitly; nothing holds a global connection.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export interface Database {
  pool: pg.Pool;
  db: Kysely<DB>;
  close(): Promise<void>;
}

// Return int8 (bigint, count(*)) as numbers: our counts and ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Opens a pool to `url`; `max` is the pool size. */
export function openDatabase(
  url: string,
  options: { max?: number; applicationName?: string } = {},
): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'lotsa',
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    pool,
    db,
    close: async () => {
      // Kysely ends the pool only if it ever used it; raw pool users need it ended too.
      await db.destroy();
      if (!pool.ended) await pool.end();
    },
  };
}
