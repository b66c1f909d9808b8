import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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

  for (const [name, value] of [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['PUBLIC_URL', 'not a url'],
    ['SMTP_URL', 'http://mail'],
    ['LOG_LEVEL', 'loud'],
    ['LOTSA_SECRET', 'short'],
    ['LOTSA_INLINE_WORKER', 'maybe'],
  ] as const) {
    it(`fails fast naming ${name} when it is "${value}"`, () => {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (error: unknown) =>
          error instanceof ConfigError && error.variable === name && error.message.includes(name),
      );
    });
  }
});
