/**
 * HTML forms and pages read their input through their route's schema (platform/http/schema.ts):
 * an absent field still reaches the form's own localised checks and re-shown page; what no form of
 * ours sends (a field twice, an object) is a 400 page in the person's language; a malformed id in
 * the URL is the page's own 404, also in the person's language; a program gets the JSON 400.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createOrganisation, createPerson, sessionFor } from '../../helpers/identity.ts';

describe('forms and pages read through their schemas', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const region = await createOrganisation(db, { kind: 'region' });
  const english = await createPerson(db, { role: 'admin', organisationId: region, language: 'en' });
  const session = await sessionFor(db, english.accountId, { secondFactor: true });
  const swedishBrowser = { 'accept-language': 'sv-SE,sv;q=0.9', accept: 'text/html' };

  it('an absent field reaches the form’s own check and re-shown page, not a 400', async () => {
    const feedback = await client.postForm('/en/accessibility/feedback', '', {});
    assert.equal(feedback.statusCode, 422);
    assert.match(feedback.body, /<html lang="en"/);
    assert.match(feedback.body, /class="error-summary"/);
    const organisation = await client.postForm('/admin/organisations/new', session, {});
    assert.equal(organisation.statusCode, 422);
    assert.match(organisation.body, /<html lang="en"/);
    assert.match(organisation.body, /class="error-summary"/);
  });

  it('a field sent twice where a form has one is a 400 page in the person’s language', async () => {
    const login = await client.postForm('/en/login', '', { email: ['a@example.com', 'b@example.com'] });
    assert.equal(login.statusCode, 400);
    assert.match(login.body, /<html lang="en"/);
    assert.match(login.body, /Something in the request was wrong/);
    const backOffice = await client.postForm(
      '/admin/organisations/new',
      session,
      { name: ['One', 'Two'], kind: 'employer' },
      swedishBrowser,
    );
    assert.equal(backOffice.statusCode, 400);
    assert.match(backOffice.body, /<html lang="en"/);
    assert.match(backOffice.body, /Something in the request was wrong/);
  });

  it('a program posting the wrong shape gets the JSON 400 naming the field', async () => {
    const res = await client.postJson('/sv/login', '', { email: { address: 'a@example.com' } });
    assert.equal(res.statusCode, 400);
    const body = res.json<{ code: string; fields: Record<string, string> }>();
    assert.equal(body.code, 'LOTSA_BAD_REQUEST');
    assert.deepEqual(Object.keys(body.fields), ['email']);
  });

  it('a malformed id in a back-office URL is “not found” in the person’s language', async () => {
    for (const url of [
      '/admin/people/not-a-uuid',
      '/admin/organisations/x',
      '/admin/organisations/x/members',
      '/admin/accessibility-reports/abc',
      '/admin/accessibility-reports/0',
    ]) {
      const res = await client.get(url, session);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /<html lang="en"/, url);
    }
    const revoke = await client.postForm('/admin/tokens/x/revoke', session, {}, swedishBrowser);
    assert.equal(revoke.statusCode, 404);
    assert.match(revoke.body, /<html lang="en"/);
  });

  it('a page ignores what it does not know in its query string, repeated or not', async () => {
    const res = await client.get('/admin/people?q=a&q=b&utm_source=x&done=ended&done=reset', session);
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /role="status"><p>/);
  });
});
