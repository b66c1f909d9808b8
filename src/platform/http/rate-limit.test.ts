import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type pg from 'pg';
import { createRateLimiter } from './rate-limit.ts';

/** A pool that counts like rate_limit_hits would: hits per bucket, 60 s left in the window. */
function countingPool() {
  const hits = new Map<string, number>();
  let queries = 0;
  const pool = {
    query: (_sql: string, params: [string, number]) => {
      queries++;
      const n = (hits.get(params[0]) ?? 0) + 1;
      hits.set(params[0], n);
      return Promise.resolve({ rows: [{ hits: n, wait: 60 }] });
    },
  } as unknown as pg.Pool;
  return { pool, queries: () => queries };
}

describe('the rate limiter', () => {
  const rule = { name: 'test', max: 3, windowSeconds: 60 };

  it('refuses past the limit with the seconds left, and answers a client that keeps knocking from memory', async () => {
    const { pool, queries } = countingPool();
    const limiter = createRateLimiter(pool);
    for (let i = 0; i < 3; i++) assert.equal(await limiter.hit('test:a', rule), undefined);
    assert.equal(await limiter.hit('test:a', rule), 60);
    const before = queries();
    for (let i = 0; i < 1000; i++) {
      const wait = await limiter.hit('test:a', rule);
      assert.ok(wait !== undefined && wait >= 59 && wait <= 60, String(wait));
    }
    assert.equal(queries(), before, 'no query for a bucket known to be over its limit');
    // Another client is counted as before.
    assert.equal(await limiter.hit('test:b', rule), undefined);
    assert.equal(queries(), before + 1);
  });
});

describe('the rate limiter’s peek', () => {
  const rule = { name: 'test', max: 2, windowSeconds: 60 };

  it('tells whether the next hit would be refused without counting one', async () => {
    const hits = new Map<string, number>();
    const pool = {
      query: (text: string, params: [string, number]) => {
        if (text.trimStart().startsWith('SELECT')) {
          const n = hits.get(params[0]);
          return Promise.resolve({ rows: n === undefined ? [] : [{ hits: n, wait: 30 }] });
        }
        const n = (hits.get(params[0]) ?? 0) + 1;
        hits.set(params[0], n);
        return Promise.resolve({ rows: [{ hits: n, wait: 30 }] });
      },
    } as unknown as pg.Pool;
    const limiter = createRateLimiter(pool);
    assert.equal(await limiter.peek?.('test:a', rule), undefined);
    assert.equal(await limiter.hit('test:a', rule), undefined);
    assert.equal(await limiter.peek?.('test:a', rule), undefined);
    assert.equal(await limiter.peek?.('test:a', rule), undefined, 'a peek counts nothing');
    assert.equal(await limiter.hit('test:a', rule), undefined);
    assert.equal(await limiter.peek?.('test:a', rule), 30, 'full: the next hit would wait');
    assert.equal(hits.get('test:a'), 2);
    assert.equal(await limiter.hit('test:a', rule), 30);
    assert.ok((await limiter.peek?.('test:a', rule)) !== undefined, 'remembered as over');
  });
});
