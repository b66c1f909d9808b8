/**
 * The site search's limit per client: searching counts (the site-search bucket, apart from the job
 * board's), the empty form does not; past the limit a 429 page, never a 500.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { RateLimiter, RateLimitRule } from '../../../src/platform/http/rate-limit.ts';
import { buildTestApp } from '../../helpers/app.ts';

it('past its limit a search is answered 429; the empty form is not counted', async () => {
  const hits: Array<{ bucket: string; rule: RateLimitRule }> = [];
  const limiter: RateLimiter = {
    async hit(bucket, rule) {
      hits.push({ bucket, rule });
      return bucket.startsWith('site-search:') && hits.filter((h) => h.bucket === bucket).length > 2
        ? 30
        : undefined;
    },
    async sweep() {
      return 0;
    },
  };
  const { app } = await buildTestApp({}, undefined, { rateLimiter: limiter });
  assert.equal((await app.inject({ url: '/sv/search' })).statusCode, 200);
  assert.equal(hits.filter((h) => h.bucket.startsWith('site-search:')).length, 0);
  assert.equal((await app.inject({ url: '/sv/search?q=skola' })).statusCode, 200);
  assert.equal((await app.inject({ url: '/en/search?q=school' })).statusCode, 200);
  const limited = await app.inject({ url: '/sv/search?q=skola' });
  assert.equal(limited.statusCode, 429);
  assert.equal(limited.headers['retry-after'], '30');
  assert.deepEqual(hits.find((h) => h.bucket.startsWith('site-search:'))?.rule, {
    name: 'site-search',
    max: 60,
    windowSeconds: 60,
  });
});
