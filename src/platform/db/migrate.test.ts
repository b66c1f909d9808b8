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

  it('give every per-region table region_id in its primary key, unique keys and keys to other per-region tables', async () => {
    const database = await emptyDatabase();
    await migrate(database.pool);
    // Each key as its table, kind, name, columns, and whether the table it refers to is per region.
    const keys = await database.pool.query<{
      tbl: string;
      kind: string;
      name: string;
      cols: string[];
      ref_regional: boolean;
    }>(`
      WITH regional AS (
        SELECT c.oid FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attname = 'region_id')
      SELECT k.conrelid::regclass::text AS tbl, k.contype::text AS kind, k.conname AS name,
             array(SELECT a.attname::text FROM unnest(k.conkey) AS n JOIN pg_attribute a
                   ON a.attrelid = k.conrelid AND a.attnum = n) AS cols,
             k.confrelid IN (SELECT oid FROM regional) AS ref_regional
      FROM pg_constraint k
      WHERE k.conrelid IN (SELECT oid FROM regional) AND k.contype IN ('p', 'u', 'f')
      UNION ALL
      SELECT i.indrelid::regclass::text, 'i', i.indexrelid::regclass::text,
             array(SELECT a.attname::text FROM unnest(i.indkey) AS n JOIN pg_attribute a
                   ON a.attrelid = i.indrelid AND a.attnum = n), false
      FROM pg_index i
      WHERE i.indisunique AND i.indrelid IN (SELECT oid FROM regional)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`);
    // The region directory maps a host to its region: a host belongs to one region of all.
    const exempt = new Set(['region_hosts.region_hosts_host_key']);
    const withoutRegion = keys.rows
      .filter((k) => k.kind !== 'f' || k.ref_regional)
      .filter((k) => !k.cols.includes('region_id') && !exempt.has(`${k.tbl}.${k.name}`))
      .map((k) => `${k.tbl}.${k.name} (${k.cols.join(', ')})`);
    assert.deepEqual(withoutRegion, []);
    const primaryKeys = new Set(keys.rows.filter((k) => k.kind === 'p').map((k) => k.tbl));
    for (const table of [
      'sessions',
      'login_tokens',
      'webauthn_challenges',
      'invitations',
      'api_tokens',
      'job_ingest_runs',
    ])
      assert.ok(primaryKeys.has(table), `${table} has a primary key`);
  });

  it('0015 keys the sign-in tables by region on a database with rows, and drops rows of erased accounts', async () => {
    const database = await emptyDatabase();
    const before = readMigrations().filter((m) => m.id < '0015');
    await migrate(database.pool, before);
    const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
    await q(
      `INSERT INTO regions (id, name_sv, name_en, brand_primary, brand_accent, logo_path, contact_organisation, contact_email) VALUES ('r1', 'R', 'R', '#000000', '#ffffff', '/l.svg', 'R', 'r@example.se'), ('r2', 'R2', 'R2', '#000000', '#ffffff', '/l.svg', 'R2', 'r2@example.se')`,
    );
    const account = (
      await q(`INSERT INTO accounts (region_id, email) VALUES ('r1', 'a@example.se') RETURNING id`)
    ).rows[0].id as string;
    const gone = '00000000-0000-4000-8000-000000000000';
    await q(
      `INSERT INTO sessions (region_id, token_hash, account_id, expires_at, method, active_organisation_id)
             VALUES ('r1', 's1', $1, now() + interval '1 hour', 'link', $2)`,
      [account, gone],
    );
    for (const [hash, id] of [
      ['l1', account],
      ['l2', gone],
      ['l3', null],
    ])
      await q(
        `INSERT INTO login_tokens (region_id, token_hash, code_hash, email, account_id, language, expires_at)
               VALUES ('r1', $1, 'c', 'a@example.se', $2, 'sv', now())`,
        [hash, id],
      );
    await q(
      `INSERT INTO webauthn_challenges (region_id, handle_hash, challenge, purpose, account_id, expires_at)
             VALUES ('r1', 'h1', 'c', 'register', $1, now()), ('r1', 'h2', 'c', 'register', $2, now())`,
      [account, gone],
    );
    await q(`INSERT INTO job_ingest_runs (region_id, kind) VALUES ('r1', 'demo')`);
    assert.deepEqual(
      await migrate(database.pool),
      readMigrations()
        .filter((m) => m.id >= '0015')
        .map((m) => m.id),
    );
    const rows = async (text: string) => (await q(text)).rows;
    assert.deepEqual(await rows(`SELECT token_hash FROM login_tokens ORDER BY 1`), [
      { token_hash: 'l1' },
      { token_hash: 'l3' },
    ]);
    assert.deepEqual(await rows(`SELECT handle_hash FROM webauthn_challenges`), [{ handle_hash: 'h1' }]);
    assert.deepEqual(await rows(`SELECT active_organisation_id FROM sessions`), [
      { active_organisation_id: null },
    ]);
    // The same token hash may now exist in two regions; within one it is still unique.
    await q(
      `INSERT INTO login_tokens (region_id, token_hash, code_hash, email, language, expires_at) VALUES ('r2', 'l1', 'c', 'b@example.se', 'sv', now())`,
    );
    await assert.rejects(
      q(
        `INSERT INTO login_tokens (region_id, token_hash, code_hash, email, language, expires_at) VALUES ('r2', 'l1', 'c', 'b@example.se', 'sv', now())`,
      ),
      /login_tokens_pkey/,
    );
    // Erasing the account takes its sign-in e-mails and ceremonies with it.
    await q(`DELETE FROM accounts WHERE id = $1`, [account]);
    assert.deepEqual(await rows(`SELECT region_id, token_hash FROM login_tokens ORDER BY 1, 2`), [
      { region_id: 'r1', token_hash: 'l3' },
      { region_id: 'r2', token_hash: 'l1' },
    ]);
    assert.deepEqual(await rows(`SELECT handle_hash FROM webauthn_challenges`), []);
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
