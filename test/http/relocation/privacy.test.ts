/** The privacy notice names what the navigator and the newcomer network keep, in both languages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';

describe('the privacy notice', async () => {
  const { app } = await buildTestApp();

  it('describes the relocation cases and the newcomer network with their basis and how long they are kept', async () => {
    const sv = await app.inject({ method: 'GET', url: '/sv/privacy' });
    assert.equal(sv.statusCode, 200);
    assert.match(sv.body, /Flyttärenden hos lotsarna/);
    assert.match(sv.body, /Nätverket för nyinflyttade och ambassadörer/);
    const en = await app.inject({ method: 'GET', url: '/en/privacy' });
    assert.match(en.body, /Relocation cases with the navigators/);
    assert.match(en.body, /Until the household or the region deletes the case/);
    assert.match(en.body, /The newcomer network and ambassadors/);
  });
});
