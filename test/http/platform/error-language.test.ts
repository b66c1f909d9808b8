/**
 * Error pages and the second-factor redirect speak the signed-in person's own language (their
 * account's), not the browser's Accept-Language — unless the URL itself says /sv or /en.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { createOrganisation, createPerson, sessionFor } from '../../helpers/identity.ts';

describe('error pages and redirects follow the signed-in person’s language', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const get = (url: string, session: string | undefined, acceptLanguage: string) =>
    app.inject({
      method: 'GET',
      url,
      headers: {
        'accept-language': acceptLanguage,
        accept: 'text/html',
        ...(session ? { cookie: session } : {}),
      },
    });

  const region = await createOrganisation(db, { kind: 'region' });
  const english = await createPerson(db, { role: 'admin', organisationId: region, language: 'en' });
  const swedish = await createPerson(db, { role: 'admin', organisationId: region, language: 'sv' });
  const talentEn = await createPerson(db, { language: 'en' });

  it('sends staff without a second factor to the page in their own language', async () => {
    const en = await get('/admin', await sessionFor(db, english.accountId), 'sv-SE,sv;q=0.9');
    assert.equal(en.statusCode, 303);
    assert.equal(en.headers.location, '/en/me/second-factor?next=%2Fadmin');
    const sv = await get('/admin/people', await sessionFor(db, swedish.accountId), 'en-GB,en;q=0.9');
    assert.equal(sv.statusCode, 303);
    assert.equal(sv.headers.location, '/sv/me/second-factor?next=%2Fadmin%2Fpeople');
  });

  it('answers "forbidden" in the person’s language, whatever the browser asks for', async () => {
    const res = await get('/admin/audit', await sessionFor(db, talentEn.accountId), 'sv-SE,sv;q=0.9');
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /<html lang="en"/);
  });

  it('answers a mistyped back-office address ("not found") in the person’s language too', async () => {
    const session = await sessionFor(db, english.accountId, { secondFactor: true });
    const res = await get('/admin/organisatoin', session, 'sv-SE,sv;q=0.9');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /<html lang="en"/);
    const anonymous = await get('/admin/organisatoin', undefined, 'sv-SE,sv;q=0.9');
    assert.match(anonymous.body, /<html lang="sv"/);
    // An address that only takes a form's POST: 405, in the person's language as well.
    const postOnly = await get('/admin/organisation', session, 'sv-SE,sv;q=0.9');
    assert.equal(postOnly.statusCode, 405);
    assert.equal(postOnly.headers.allow, 'POST');
    assert.match(postOnly.body, /<html lang="en"/);
  });

  it('keeps the browser’s language for someone not signed in, and the URL’s when it names one', async () => {
    const anonymous = await get('/admin/audit', undefined, 'sv-SE,sv;q=0.9');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/sv\/login\?next=/);
    const prefixed = await get('/sv/me/nothing-here', await sessionFor(db, english.accountId), 'en');
    assert.equal(prefixed.statusCode, 404);
    assert.match(prefixed.body, /<html lang="sv"/);
  });
});
