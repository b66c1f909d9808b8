/**
 * Saving a company page over and over: every save that stores is a new version kept for good (up to
 * 350 KB each), so one account saving in a loop could fill the disk. Past the limit of saves a
 * person makes in a while, the form comes back saying when to save again, with what was typed
 * kept, and nothing is stored.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RateLimiter, RateLimitRule } from '../../../src/platform/http/rate-limit.ts';
import { companyFixture, filled } from './admin-fixture.ts';

/** Counts hits per bucket in memory; a bucket past its rule's max waits the window out. */
function countingLimiter(): RateLimiter {
  const hits = new Map<string, number>();
  return {
    async hit(bucket: string, rule: RateLimitRule) {
      const n = (hits.get(bucket) ?? 0) + 1;
      hits.set(bucket, n);
      return n > rule.max ? rule.windowSeconds : undefined;
    },
    sweep: async () => 0,
  };
}

describe('saving a company page in a loop', async () => {
  const f = await companyFixture({}, { rateLimiter: countingLimiter() });
  const id = await f.ownPage();

  it('stops storing versions past the limit, saying when to save again and keeping what was typed', async () => {
    let refused: Awaited<ReturnType<typeof f.save>> | undefined;
    let saves = 0;
    for (; saves < 500 && !refused; saves += 1) {
      const res = await f.save(
        id,
        f.memberCookie,
        filled('Bergslagens Stål', { summary_sv: `Version ${saves}` }),
      );
      if (res.statusCode !== 303) refused = res;
    }
    assert.ok(refused, 'a loop of saves is stopped');
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.match(refused.body, /Sidan har sparats många gånger på kort tid/);
    assert.match(refused.body, new RegExp(`Version ${saves - 1}`), 'what was typed is kept');
    const { company } = await f.latest(id);
    assert.equal(company.version, saves, 'nothing more was stored');
    assert.ok(saves > 30, 'a person editing is never stopped');
  });
});
