/**
 * Publishing and saving own ads in a loop: each write makes every process read the region's ads
 * again, so past a person's limit of writes in a while the form comes back saying when to try
 * again (429 with Retry-After), with what was typed kept, and nothing is written.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RateLimiter, RateLimitRule } from '../../../src/platform/http/rate-limit.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';
import { validAd } from './own-fixture.ts';

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

describe('own job ads written in a loop', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: countingLimiter() });
  const client = await formClient(app);
  const member = await createPerson(database.db, { role: 'employer_member' });
  const cookie = await sessionFor(database.db, member.accountId);

  it('stops taking publications past the limit, saying when to try again and keeping what was typed', async () => {
    let refused: Awaited<ReturnType<typeof client.postForm>> | undefined;
    let published = 0;
    for (let i = 0; i < 200 && !refused; i++) {
      const res = await client.postForm(
        '/admin/jobs/new',
        cookie,
        validAd({ headline: `Annons nummer ${i}` }),
      );
      if (res.statusCode === 303) published++;
      else refused = res;
    }
    assert.ok(refused, 'a loop of publications is stopped');
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.match(refused.body, /publicerat och sparat annonser många gånger på kort tid/);
    assert.match(refused.body, new RegExp(`Annons nummer ${published}`), 'what was typed is kept');
    const open = await database.db
      .selectFrom('job_ads')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('origin', '=', 'own')
      .where('headline', 'like', 'Annons nummer %')
      .executeTakeFirstOrThrow();
    assert.equal(Number(open.n), published, 'nothing more was written');
    assert.ok(published >= 30, 'a person writing ads is never stopped');
  });
});
