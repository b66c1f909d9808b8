/**
 * The back-office forms as people see them: the audit filter names kinds of event in words (never
 * dotted codes), dates are typed as ÅÅÅÅ-MM-DD in text inputs and checked on the server, and every
 * form marks required fields with one wording.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { createOrganisation, createPerson, sessionFor } from '../../helpers/identity.ts';

describe('back-office forms', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const region = await createOrganisation(db, { kind: 'region' });
  const admin = await createPerson(db, { role: 'admin', organisationId: region, language: 'sv' });
  const session = await sessionFor(db, admin.accountId, { secondFactor: true });
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: session } });

  it('lists the kinds of event by their words, not their codes', async () => {
    const res = await get('/admin/audit');
    assert.equal(res.statusCode, 200);
    const select = /<select[^>]*id="action"[\s\S]*?<\/select>/.exec(res.body)?.[0] ?? '';
    assert.match(select, /<option value="org\.member\.role_changed"[^>]*>[^<.]+<\/option>/);
    const labels = [...select.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => m[1] ?? '');
    assert.ok(labels.length > 10);
    assert.deepEqual(
      labels.filter((label) => /^[a-z_]+(\.[a-z_]+)+$/.test(label)),
      [],
      'no label is a dotted code',
    );
  });

  it('asks for dates as ÅÅÅÅ-MM-DD in text inputs and refuses a day that does not exist', async () => {
    const page = await get('/admin/audit');
    const from = /<input[^>]*id="from"[^>]*>/.exec(page.body)?.[0] ?? '';
    assert.match(from, /type="text"/);
    assert.match(from, /inputmode="numeric"/);
    assert.match(from, /aria-describedby="from-hint"/);
    assert.match(page.body, /id="from-hint">[^<]*ÅÅÅÅ-MM-DD/);
    assert.doesNotMatch(page.body, /type="date"/);

    const wrong = await get('/admin/audit?from=2026-02-30');
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /id="from-error"/);
    assert.match(wrong.body, /value="2026-02-30"/, 'what was typed is shown again');
  });

  it('marks required fields "(obligatoriskt)" on every form, never "(måste fyllas i)"', async () => {
    for (const url of [
      '/admin/organisations/new',
      '/admin/tokens',
      `/admin/organisations/${region}/members`,
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /\(obligatoriskt\)/, url);
    }
    const login = await app.inject({ method: 'GET', url: '/sv/login' });
    assert.match(login.body, /\(obligatoriskt\)/);
    assert.doesNotMatch(login.body, /måste fyllas i/);
  });
});
