/**
 * deploy/backup/pg-env.sh as another user of the backup host would see it: the database password
 * of DATABASE_URL is on no process's command line (ps shows every process's arguments to everyone),
 * not even the short-lived one that reads the URL apart.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pgEnv = path.join(root, 'deploy/backup/pg-env.sh');

describe('pg_url_env (backup and restore scripts)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-pg-env-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  // A `node` first on PATH that writes down the arguments it was started with, as ps would show them.
  const seen = path.join(dir, 'argv.log');
  writeFileSync(
    path.join(dir, 'node'),
    `#!/bin/sh\nprintf '%s\\n' "$@" >> '${seen}'\nexec '${process.execPath}' "$@"\n`,
  );
  chmodSync(path.join(dir, 'node'), 0o755);

  it('puts the password into PGPASSWORD without it appearing on a command line', () => {
    const password = 'S3cret-pw_4711';
    const out = execFileSync(
      'bash',
      [
        '-c',
        `. '${pgEnv}'; pg_url_env "$1"; printf '%s|%s|%s' "$PGPASSWORD" "$PGUSER" "$PGDATABASE"`,
        'x',
        `postgres://lotsa:${password}@127.0.0.1:5432/lotsa`,
      ],
      { env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}` }, encoding: 'utf8' },
    );
    assert.equal(out, `${password}|lotsa|lotsa`);
    const argv = readFileSync(seen, 'utf8');
    assert.ok(argv.length > 0, 'the URL parser ran');
    assert.doesNotMatch(argv, /S3cret-pw_4711/, 'the password is in no argument list');
  });
});
