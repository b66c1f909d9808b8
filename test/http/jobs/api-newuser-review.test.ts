/**
 * Found by using the public job API from a municipality's own site, as its web developer would
 * (fetch() on another origin): a mistyped API address answers a problem the page can read, not a
 * network error that the browser blames on CORS; a GET that sends Content-Type passes the preflight.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';

describe('the public job API from another site', async () => {
  const { app } = await buildTestApp();
  const origin = 'https://www.kommun.example';

  it('a mistyped address under /api/v1/ is a 404 problem the other site can read', async () => {
    for (const url of ['/api/v1/job', '/api/v1/jobs/1/extra', '/api/v1/Jobs?limit=5']) {
      const res = await app.inject({ method: 'GET', url, headers: { origin } });
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/, url);
      assert.equal(res.headers['access-control-allow-origin'], '*', `${url}: readable from ${origin}`);
      assert.equal(res.headers['access-control-allow-credentials'], undefined, url);
      assert.equal(JSON.parse(res.body).code, 'LOTSA_NOT_FOUND', url);
    }
  });

  it('lets a fetch() that sends Content-Type (a habit many snippets have) through the preflight', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/jobs',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'content-type,if-none-match',
      },
    });
    assert.equal(preflight.statusCode, 204);
    const allowed = String(preflight.headers['access-control-allow-headers']).toLowerCase().split(/,\s*/);
    for (const header of ['content-type', 'if-none-match']) assert.ok(allowed.includes(header), header);
    assert.ok(!allowed.includes('authorization'), 'no credentials from other sites');
  });

  it('pages, token routes and other methods stay without CORS headers', async () => {
    const cases = [
      { method: 'GET', url: '/sv/no-such-page' },
      { method: 'GET', url: '/api/v1/organisation' },
      { method: 'POST', url: '/api/v1/job' },
      { method: 'DELETE', url: '/api/v1/jobs' },
    ] as const;
    for (const { method, url } of cases) {
      const res = await app.inject({ method, url, headers: { origin } });
      assert.equal(res.headers['access-control-allow-origin'], undefined, `${method} ${url}`);
    }
  });
});
