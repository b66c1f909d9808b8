/**
 * The company back-office under attack with malformed input: what PostgreSQL cannot store is
 * answered 400, never 500, and nothing is saved.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIST, companyFixture, filled } from './admin-fixture.ts';

describe('the company back-office and malformed input', async () => {
  const f = await companyFixture();
  const id = await f.ownPage();

  it('answers half a surrogate pair in a field (sent as JSON) with 400, saving nothing', async () => {
    const before = (await f.latest(id)).company.version;
    const res = await f.client.postJson(`${LIST}/${id}`, f.hrCookie, {
      ...filled('Bergslagens Stål \ud800'),
      base: String(before),
    });
    assert.equal(res.statusCode, 400);
    assert.equal((await f.latest(id)).company.version, before);
  });
});
