/**
 * Forward-only SQL migrations from `migrations/NNNN_name.sql`. Each file runs in its own transaction;
 * the whole run holds a PostgreSQL advisory lock so two processes never migrate at once. A file that
 * changed after it was applied stops the run: migrations are never edited after they land.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));
const LOCK_KEY = 7_402_311; // arbitrary, constant: "lotsa migrations"

export interface Migration {
  /** The file name without `.sql`, e.g. `0002_platform`. */
  id: string;
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/** Reads the migration files in order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(path.join(dir, file), 'utf8');
      return {
        id: file.slice(0, -4),
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** Applies pending migrations; returns the names applied. */
export async function migrate(pool: pg.Pool, migrations = readMigrations()): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const done = new Map<number, string>(
      (await client.query('SELECT version, checksum FROM schema_migrations')).rows.map((row) => [
        row.version as number,
        row.checksum as string,
      ]),
    );
    for (const migration of migrations) {
      const checksum = done.get(migration.version);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.id} was changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          migration.checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.id} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      applied.push(migration.id);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    client.release();
  }
  return applied;
}

/** True when every migration file has been applied (used by /readyz). */
export async function migrationsCurrent(pool: pg.Pool, migrations = readMigrations()): Promise<boolean> {
  const latest = migrations.at(-1)?.version ?? 0;
  try {
    const result = await pool.query('SELECT coalesce(max(version), 0) AS v FROM schema_migrations');
    return Number(result.rows[0].v) >= latest;
  } catch {
    return false;
  }
}
