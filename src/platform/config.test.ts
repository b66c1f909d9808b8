import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('has embedded defaults when the environment is empty', () => {
    const config = loadConfig({}, '/srv/lotsa');
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.dataDir, '/srv/lotsa/var');
    assert.equal(config.publicUrl.href, 'http://localhost:3000/');
    assert.equal(config.smtpUrl, undefined);
    assert.equal(config.logLevel, 'info');
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/lotsa',
      LOTSA_DATA_DIR: '/data',
      PUBLIC_URL: 'https://dalarna.lotsa.se',
      SMTP_URL: 'smtp://mail:25',
      LOG_LEVEL: 'warn',
    });
    assert.equal(config.port, 8080);
    assert.equal(config.databaseUrl, 'postgres://u:p@db:5432/lotsa');
    assert.equal(config.dataDir, '/data');
    assert.equal(config.publicUrl.origin, 'https://dalarna.lotsa.se');
    assert.equal(config.smtpUrl, 'smtp://mail:25');
    assert.equal(config.logLevel, 'warn');
  });

  it('reads the JobStream settings, with ingestion off by default', () => {
    const defaults = loadConfig({});
    assert.equal(defaults.jobtechStreamUrl, 'https://jobstream.api.jobtechdev.se');
    assert.equal(defaults.jobtechApiKey, undefined);
    assert.equal(defaults.jobtechIngest, false);
    const config = loadConfig({
      JOBTECH_STREAM_URL: 'http://127.0.0.1:8080/jobstream/',
      JOBTECH_API_KEY: 'secret-key',
      JOBTECH_INGEST: 'true',
    });
    assert.equal(config.jobtechStreamUrl, 'http://127.0.0.1:8080/jobstream');
    assert.equal(config.jobtechApiKey, 'secret-key');
    assert.equal(config.jobtechIngest, true);
  });

  it('reads the task lanes: two short slots and one long by default; long may be 0', () => {
    const defaults = loadConfig({});
    assert.equal(defaults.taskConcurrencyShort, 2);
    assert.equal(defaults.taskConcurrencyLong, 1);
    const config = loadConfig({ TASK_CONCURRENCY_SHORT: '4', TASK_CONCURRENCY_LONG: '0' });
    assert.equal(config.taskConcurrencyShort, 4);
    assert.equal(config.taskConcurrencyLong, 0);
  });

  for (const [name, value] of [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['PUBLIC_URL', 'not a url'],
    ['SMTP_URL', 'http://mail'],
    ['LOG_LEVEL', 'loud'],
    ['LOTSA_SECRET', 'short'],
    ['LOTSA_INLINE_WORKER', 'maybe'],
    ['JOBTECH_STREAM_URL', 'ftp://jobstream'],
    ['JOBTECH_INGEST', 'sometimes'],
    ['TASK_CONCURRENCY_SHORT', '0'],
    ['TASK_CONCURRENCY_LONG', 'two'],
    ['TASK_CONCURRENCY_LONG', '33'],
    ['DATABASE_URL', 'db.internal:5432/lotsa'],
    ['DATABASE_URL', 'postgres://lotsa:p#ss@db/lotsa'],
    ['DATABASE_URL', 'postgres://lotsa:a/b@db/lotsa'],
    ['DATABASE_URL', 'postgres:///lotsa'],
    ['PUBLIC_URL', 'ftp://lotsa.example'],
    ['PUBLIC_URL', 'https://lotsa.example/jobs'],
    ['PUBLIC_URL', 'https://lotsa.example/?region=x'],
    ['PUBLIC_URL', 'https://admin:pw@lotsa.example'],
  ] as const) {
    it(`fails fast naming ${name} when it is "${value}"`, () => {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (error: unknown) =>
          error instanceof ConfigError && error.variable === name && error.message.includes(name),
      );
    });
  }
  it('never repeats the password of a DATABASE_URL it refuses', () => {
    for (const value of [
      'postgres://lotsa:s3cret#x@db/lotsa',
      'postgres://lotsa:s3cret/x@db/lotsa',
      'mysql://lotsa:s3cret@db/x',
    ]) {
      assert.throws(
        () => loadConfig({ DATABASE_URL: value }),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.variable === 'DATABASE_URL' &&
          !error.message.includes('s3cret'),
      );
    }
  });

  it('takes a DATABASE_URL with a host, or a Unix socket directory as ?host=', () => {
    const socket = 'postgres:///lotsa?host=/var/run/postgresql&user=lotsa';
    assert.equal(loadConfig({ DATABASE_URL: socket }).databaseUrl, socket);
    assert.equal(
      loadConfig({ DATABASE_URL: ' postgresql://u:p%23w@db/lotsa ' }).databaseUrl,
      'postgresql://u:p%23w@db/lotsa',
    );
  });

  it('refuses a plain-http PUBLIC_URL in production, except on loopback', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://lotsa.example' }),
      (error: unknown) => error instanceof ConfigError && /PUBLIC_URL.*https/.test(error.message),
    );
    assert.equal(loadConfig({ PUBLIC_URL: 'http://lotsa.example' }).publicUrl.origin, 'http://lotsa.example');
    const local = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://localhost:3000' });
    assert.equal(local.publicUrl.origin, 'http://localhost:3000');
    const tls = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://lotsa.example' });
    assert.equal(tls.publicUrl.origin, 'https://lotsa.example');
  });

  it('takes TRUST_PROXY as a hop count or proxy addresses, never "true"', () => {
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(loadConfig({}).trustProxy, false);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy, [
      '127.0.0.1',
      '10.0.0.0/8',
    ]);
    assert.throws(() => loadConfig({ TRUST_PROXY: 'true' }), /TRUST_PROXY/);
    assert.throws(() => loadConfig({ TRUST_PROXY: 'evil.example' }), /TRUST_PROXY/);
    assert.throws(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' }), /TRUST_PROXY/);
  });

  it('refuses a TRUST_PROXY range so wide that every client counts as a proxy', () => {
    // Trusting 0.0.0.0/0 is "true" written differently: any client picks its own address with
    // X-Forwarded-For and escapes the per-address sign-in limits.
    for (const wide of ['0.0.0.0/0', '::/0', '127.0.0.1, 0.0.0.0/0', '128.0.0.0/1', '0.0.0.0/4', '::/1']) {
      assert.throws(() => loadConfig({ TRUST_PROXY: wide }), /TRUST_PROXY.*(every|any) client/, wide);
    }
    assert.deepEqual(loadConfig({ TRUST_PROXY: 'fc00::/7, 10.0.0.0/8' }).trustProxy, [
      'fc00::/7',
      '10.0.0.0/8',
    ]);
  });
});

describe('.env.example', () => {
  const source = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');

  /** Variables the code reads: by config.ts's readers, and as process.env.X anywhere in src/. */
  function variablesRead(): Set<string> {
    const names = new Set<string>();
    const config = source('./config.ts');
    for (const m of config.matchAll(/\benv\.([A-Z][A-Z0-9_]*)|\(env, '([A-Z][A-Z0-9_]*)'/g))
      names.add(m[1] ?? m[2] ?? '');
    const src = fileURLToPath(new URL('..', import.meta.url));
    for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const text = readFileSync(path.join(src, file), 'utf8');
      for (const m of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)) names.add(m[1] ?? '');
    }
    return names;
  }

  it('lists every variable the code reads, each under a comment, and none it does not read', () => {
    const example = source('../../.env.example');
    const lines = example.split('\n');
    const listed = new Map<string, number>();
    lines.forEach((line, i) => {
      const m = /^#? ?([A-Z][A-Z0-9_]*)=/.exec(line);
      if (m?.[1]) listed.set(m[1], i);
    });
    const read = variablesRead();
    assert.ok(read.has('DATABASE_URL') && read.has('SESSION_MAX_HOURS'), 'the scan finds variables');
    assert.deepEqual(
      [...read].filter((name) => !listed.has(name)).sort(),
      [],
      'read but not in .env.example',
    );
    assert.deepEqual(
      [...listed.keys()].filter((name) => !read.has(name)).sort(),
      [],
      'in .env.example but never read',
    );
    for (const [name, index] of listed) {
      // The line above is the variable's comment (not another variable, not a blank line).
      const above = lines[index - 1] ?? '';
      assert.ok(/^# /.test(above) && !/^#? ?[A-Z][A-Z0-9_]*=/.test(above), `${name} has a comment above it`);
    }
  });
});

describe('deploy/lotsa.env.template', () => {
  // Found by setting up the Debian recipe as a region's IT department would: the template's
  // LOTSA_SECRET placeholder is exactly 32 characters, so a forgotten one was accepted as the secret.
  it('a CHANGE-ME placeholder left in it stops the start, naming the variable', () => {
    const template = readFileSync(new URL('../../deploy/lotsa.env.template', import.meta.url), 'utf8');
    const env: Record<string, string> = {};
    for (const line of template.split('\n')) {
      const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
      if (m?.[1]) env[m[1]] = (m[2] ?? '').replace(/^"(.*)"$/, '$1');
    }
    const placeholders = Object.keys(env).filter((name) => env[name]?.includes('CHANGE-ME'));
    assert.deepEqual(placeholders.sort(), ['DATABASE_URL', 'LOTSA_SECRET', 'METRICS_TOKEN']);
    for (const name of placeholders) {
      const filled = { ...env };
      for (const other of placeholders) if (other !== name) filled[other] = 'x'.repeat(40);
      if (name !== 'DATABASE_URL') filled.DATABASE_URL = 'postgres://lotsa:pw@127.0.0.1/lotsa';
      assert.throws(
        () => loadConfig(filled),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.variable === name &&
          /CHANGE-ME placeholder/.test(error.message),
        name,
      );
    }
    // Filled in, the same file starts.
    const ready: Record<string, string> = { ...env, DATABASE_URL: 'postgres://lotsa:pw@127.0.0.1/lotsa' };
    ready.LOTSA_SECRET = 'k'.repeat(48);
    ready.METRICS_TOKEN = 'm'.repeat(48);
    assert.equal(loadConfig(ready).secret, 'k'.repeat(48));
  });
});
