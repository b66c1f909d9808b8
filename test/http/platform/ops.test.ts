import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';

describe('operations endpoints', async () => {
  const { app, database } = await buildTestApp({ METRICS_TOKEN: 'metrics-token-for-tests' });

  it('/healthz answers while the process runs', async () => {
    const res = await app.inject('/healthz');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });

  it('/readyz reports the database and migrations', async () => {
    const res = await app.inject('/readyz');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ready', database: true, migrations: true });
  });

  it('/readyz answers 503 when migrations are behind', async () => {
    await database.pool.query(
      'DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)',
    );
    const res = await app.inject('/readyz');
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().migrations, false);
  });

  it('/metrics serves Prometheus text to loopback and to the token holder only', async () => {
    await app.inject('/sv/');
    const local = await app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
    assert.equal(local.statusCode, 200);
    assert.match(local.headers['content-type'] as string, /text\/plain/);
    assert.match(local.body, /lotsa_http_requests_total\{method="GET",route="\/:lang\/",status="200"\} \d+/);
    assert.match(
      local.body,
      /lotsa_http_request_duration_seconds_bucket\{method="GET",route="\/:lang\/",status="200",le="\+Inf"\} \d+/,
    );
    assert.match(local.body, /lotsa_process_cpu_user_seconds_total/);
    const remote = await app.inject({ url: '/metrics', remoteAddress: '203.0.113.9' });
    assert.equal(remote.statusCode, 403);
    const withToken = await app.inject({
      url: '/metrics',
      remoteAddress: '203.0.113.9',
      headers: { authorization: 'Bearer metrics-token-for-tests' },
    });
    assert.equal(withToken.statusCode, 200);
  });
});

describe('overload', async () => {
  const { app } = await buildTestApp({ MAX_EVENT_LOOP_DELAY_MS: '10' });
  it('answers 503 with Retry-After while the event loop is blocked', async () => {
    const end = Date.now() + 300;
    while (Date.now() < end) {
      // block the event loop, as a runaway request would
    }
    let res = await app.inject('/sv/');
    for (let i = 0; i < 30 && res.statusCode !== 503; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const busy = Date.now() + 150;
      while (Date.now() < busy) {
        // keep it blocked until the sampler sees it
      }
      res = await app.inject('/sv/');
    }
    assert.equal(res.statusCode, 503);
    assert.ok(Number(res.headers['retry-after']) > 0);
    assert.match(res.body, /<html lang="sv"/);
  });
});
