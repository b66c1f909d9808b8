/**
 * Found by using the public job API from a municipality's own site, as its web developer would
 * (fetch() on another origin): a mistyped API address answers a problem the page can read, not a
 * network error that the browser blames on CORS.
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
