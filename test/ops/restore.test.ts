/**
 * deploy/backup/lotsa-restore.sh as an operator runs it: a whole dump is restored; a truncated dump
 * or one from a newer schema is refused with a message saying so, and the target database is left
 * as empty as it was. Needs Debian's postgresql-client-15 (pg_restore, psql), as CI has.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../../src/platform/db/index.ts';
import { adminUrl } from '../helpers/db.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const script = path.join(root, 'deploy/backup/lotsa-restore.sh');
const fixtures = path.join(root, 'test/fixtures/backup');
const pgBin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const skip = existsSync(path.join(pgBin, 'pg_restore'))
  ? false
  : `no ${pgBin}/pg_restore (postgresql-client-15)`;

/** Runs the restore; `{ env: url }` names the target in TARGET_DATABASE_URL instead of an argument. */
function restore(
  dump: string,
  target: string | { env: string },
): Promise<{ code: number | null; output: string }> {
  const args = typeof target === 'string' ? [script, dump, target] : [script, dump];
  const extra = typeof target === 'string' ? {} : { TARGET_DATABASE_URL: target.env };
  return new Promise((resolve, reject) => {
    const child = spawn('bash', args, {
      env: { ...process.env, PG_BIN: pgBin, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('restoring a backup', { skip }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-restore-test-'));
  const name = `lotsa_restore_${randomBytes(4).toString('hex')}`;
  const target = new URL(adminUrl());
  target.pathname = `/${name}`;
  let admin: Database;
  let db: Database;
  const tables = async () =>
    Number(
      (await db.pool.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n,
    );

  before(async () => {
    admin = openDatabase(adminUrl(), { max: 1 });
    await admin.pool.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
    db = openDatabase(target.href, { max: 1 });
  });
  after(async () => {
    await db.close();
    await admin.pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The current fixture cut to two thirds, with or without the .sha256 written at backup time. */
  function truncated(withChecksum: boolean): string {
    const whole = readFileSync(path.join(fixtures, 'lotsa-current.dump'));
    const file = path.join(dir, `truncated-${withChecksum}.dump`);
    writeFileSync(file, whole.subarray(0, Math.floor((whole.length * 2) / 3)));
    if (withChecksum) copyFileSync(path.join(fixtures, 'lotsa-current.dump.sha256'), `${file}.sha256`);
    return file;
  }

  it('refuses a truncated dump whose checksum no longer matches, and restores nothing', async () => {
    const { code, output } = await restore(truncated(true), target.href);
    assert.equal(code, 1);
    assert.match(output, /REFUSED: .*truncated or damaged/);
    assert.equal(await tables(), 0);
  });

  it('refuses a truncated dump without a checksum file, having read it to the end', async () => {
    const { code, output } = await restore(truncated(false), target.href);
    assert.equal(code, 1);
    assert.match(output, /REFUSED: .*truncated or damaged/);
    assert.equal(await tables(), 0);
  });

  it('refuses a dump from a newer schema than this Lotsa knows, and restores nothing', async () => {
    const { code, output } = await restore(path.join(fixtures, 'lotsa-newer.dump'), target.href);
    assert.equal(code, 1);
    assert.match(output, /REFUSED: .*newer Lotsa \(its schema is at migration 9999/);
    assert.equal(await tables(), 0);
  });

  it('restores a whole dump into the empty database, then refuses to restore over it', async () => {
    const dump = path.join(fixtures, 'lotsa-current.dump');
    // The target's password in the environment, not on a command line that ps shows everyone.
    const first = await restore(dump, { env: target.href });
    assert.equal(first.code, 0, first.output);
    const rows = await db.pool.query(`SELECT count(*) AS n FROM regions`);
    assert.equal(Number(rows.rows[0].n), 100);
    const again = await restore(dump, target.href);
    assert.equal(again.code, 1);
    assert.match(again.output, /REFUSED: .*already has 2 tables/);
  });
});
