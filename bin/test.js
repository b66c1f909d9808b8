#!/usr/bin/env node
// Test runner: one PostgreSQL server per run (embedded, or the one DATABASE_URL names), a migrated and
// seeded template database, then node's test runner over the test files. Each test file clones the
// template into a fresh database of its own (test/helpers/db.ts), so files run in parallel.
//
//   npm test                 unit, integration and HTTP tests (src/**/*.test.ts, test/**/*.test.ts)
//   npm run test:e2e         browser tests (test/e2e/*.e2e.ts), Chromium from /usr/bin/chromium
//   npm test -- <files>      only these files
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const e2e = args.includes('--e2e');
const given = args.filter((a) => !a.startsWith('--'));

function find(dir, pattern) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...find(full, pattern));
    else if (pattern.test(name)) out.push(full);
  }
  return out;
}

const files = given.length
  ? given.map((f) => path.resolve(f))
  : e2e
    ? find(path.join(root, 'test/e2e'), /\.e2e\.ts$/)
    : [
        ...find(path.join(root, 'src'), /\.test\.ts$/),
        ...find(path.join(root, 'test'), /\.test\.ts$/),
      ].sort();

const { startEmbeddedPostgres } = await import('../src/platform/db/embedded.ts');
const { openDatabase } = await import('../src/platform/db/index.ts');
const { migrate } = await import('../src/platform/db/migrate.ts');
const { modules } = await import('../src/modules/index.ts');
const { seedModules } = await import('../src/platform/module.ts');

let embedded;
let tmp;
let adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'lotsa-test-'));
  chmodSync(tmp, 0o755); // PostgreSQL runs as user `postgres` when we are root and must reach its data
  embedded = await startEmbeddedPostgres(tmp, { database: 'lotsa' });
  adminUrl = embedded.url('postgres');
} else {
  console.log('# tests use the PostgreSQL server in DATABASE_URL');
}

const template = `lotsa_template_${randomBytes(4).toString('hex')}`;
const admin = openDatabase(adminUrl, { max: 1 });
let code = 1;
try {
  await admin.pool.query(`CREATE DATABASE ${template}`);
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  const db = openDatabase(templateUrl.href, { max: 2 });
  await migrate(db.pool);
  // Every module's base data (regions, the taxonomy, the region's and municipalities' organisations);
  // no demo data: tests insert their own ads and accounts.
  await seedModules(db.db, modules, { demo: false });
  await db.close();

  const concurrency = e2e ? 1 : Math.max(2, os.availableParallelism());
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...files],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        DATABASE_URL: '',
        LOTSA_TEST_ADMIN_URL: adminUrl,
        LOTSA_TEST_TEMPLATE: template,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
        NODE_ENV: 'test',
      },
    },
  );
  code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
} finally {
  // Test files drop their own databases; drop any a crashed file left behind, then the template.
  const left = await admin.pool.query(
    `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
    [`${template}_%`, template],
  );
  for (const { datname } of left.rows) {
    await admin.pool.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
  }
  await admin.close();
  await embedded?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
