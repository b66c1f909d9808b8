import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { adminUrl } from '../../../test/helpers/db.ts';
import { openDatabase, type Database } from './index.ts';
import { migrate, migrationsCurrent, readMigrations } from './migrate.ts';

const EXPECTED = new URL('../../../test/fixtures/schema.expected.txt', import.meta.url);

/** An empty database (from template0), dropped after the file's tests. */
async function emptyDatabase(): Promise<Database> {
  const name = `lotsa_empty_${randomBytes(4).toString('hex')}`;
  const admin = openDatabase(adminUrl(), { max: 1 });
  await admin.pool.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.close();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const database = openDatabase(url.href, { max: 4 });
  after(async () => {
    await database.close();
    const cleanup = openDatabase(adminUrl(), { max: 1 });
    await cleanup.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.close();
  });
  return database;
}

/** A readable, ordered description of every table, column, constraint and index in `public`. */
async function describeSchema(database: Database): Promise<string> {
  const q = async (sql: string) => (await database.pool.query(sql)).rows as Record<string, string>[];
  const columns = await q(`
    SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '') AS def, is_identity
    FROM information_schema.columns WHERE table_schema = 'public'
    ORDER BY table_name, ordinal_position`);
  const constraints = await q(`
    SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE n.nspname = 'public' ORDER BY 1, 2`);
  const indexes = await q(`
    SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`);
  const extensions = await q(`SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1`);
  const lines: string[] = [];
  for (const e of extensions) lines.push(`extension ${e.extname}`);
  for (const c of columns) {
    const identity = c.is_identity === 'YES' ? ' identity' : '';
    const nullable = c.is_nullable === 'YES' ? ' null' : ' not null';
    lines.push(
      `column ${c.table_name}.${c.column_name} ${c.data_type}${nullable}${identity}${c.def ? ` default ${c.def}` : ''}`,
    );
  }
  for (const c of constraints) lines.push(`constraint ${c.table_name}.${c.conname} ${c.def}`);
  for (const i of indexes) lines.push(`index ${i.tablename}.${i.indexname} ${i.indexdef}`);
  return lines.join('\n') + '\n';
}

describe('migrations', () => {
  it('build the expected schema from an empty database', async () => {
    const database = await emptyDatabase();
    const applied = await migrate(database.pool);
    assert.deepEqual(
      applied,
      readMigrations().map((m) => m.id),
    );
    const actual = await describeSchema(database);
    if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(EXPECTED)) writeFileSync(EXPECTED, actual);
    assert.equal(
      actual,
      readFileSync(EXPECTED, 'utf8'),
      'schema differs from test/fixtures/schema.expected.txt',
    );
    assert.equal(await migrationsCurrent(database.pool), true);
  });

  it('apply nothing the second time, and two concurrent runs apply each file once', async () => {
    const database = await emptyDatabase();
    const [a, b] = await Promise.all([migrate(database.pool), migrate(database.pool)]);
    assert.equal(a.length + b.length, readMigrations().length);
    assert.deepEqual(await migrate(database.pool), []);
    const count = await database.pool.query('SELECT count(*)::int AS n FROM schema_migrations');
    assert.equal(count.rows[0].n, readMigrations().length);
  });

  it('refuse to run when an applied migration was edited', async () => {
    const database = await emptyDatabase();
    await migrate(database.pool);
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'changed' } : m));
    await assert.rejects(migrate(database.pool, edited), /was changed after it was applied/);
  });

  it('roll back a failing migration completely and report it', async () => {
    const database = await emptyDatabase();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-mig-'));
    writeFileSync(path.join(dir, '0001_ok.sql'), 'CREATE TABLE a (id int);');
    writeFileSync(path.join(dir, '0002_broken.sql'), 'CREATE TABLE b (id int); SELECT * FROM nowhere;');
    await assert.rejects(migrate(database.pool, readMigrations(dir)), /0002_broken failed/);
    const tables = await database.pool.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('a', 'b')`,
    );
    assert.deepEqual(
      tables.rows.map((r) => r.table_name),
      ['a'],
    );
    assert.equal(await migrationsCurrent(database.pool, readMigrations(dir)), false);
  });
});
