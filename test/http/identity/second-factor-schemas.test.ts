/**
 * The passkey script's JSON is read through a schema: whatever a program sends to the passkey
 * routes — not JSON, not an object, a credential of the wrong shape, a `next` that is not text — the
 * answer is a 400 (LOTSA_BAD_REQUEST naming what was wrong, or LOTSA_INVALID_JSON), never a 500, and a real ceremony still
 * works afterwards. The second-factor forms keep answering a person's mistakes on the page.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';
import { SoftAuthenticator, cookieFrom } from '../../helpers/webauthn.ts';

type ErrorBody = { code: string; fields?: Record<string, string> };

const credential = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'AAAA' },
  clientExtensionResults: {},
};

/** Bodies that do not fit, with the field the answer must name (none: not JSON at all, LOTSA_INVALID_JSON). */
const MALFORMED: Array<{ payload: string; field?: string }> = [
  { payload: '{"response":' },
  { payload: 'null', field: 'request' },
  { payload: '[1,2,3]', field: 'request' },
  { payload: '"response"', field: 'request' },
  { payload: JSON.stringify({ response: 'AAAA' }), field: 'response' },
  { payload: JSON.stringify({ response: [credential] }), field: 'response' },
  { payload: JSON.stringify({ response: { ...credential, id: 'not base64url!' } }), field: 'response' },
  { payload: JSON.stringify({ response: { ...credential, type: 'password' } }), field: 'response' },
  { payload: JSON.stringify({ response: { ...credential, response: 'AAAA' } }), field: 'response' },
  {
    payload: JSON.stringify({ response: { ...credential, clientExtensionResults: [1] } }),
    field: 'response',
  },
  { payload: JSON.stringify({ response: credential, next: { to: '/admin' } }), field: 'next' },
  { payload: JSON.stringify({ response: credential, next: ['/admin', '/sv'] }), field: 'next' },
];

describe('second factors: malformed bodies', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const { headers, csrf, postJson, postForm } = await formClient(app);

  const post = (url: string, cookie: string, payload: string) =>
    app.inject({
      method: 'POST',
      url,
      payload,
      headers: {
        ...headers(cookie),
        'content-type': 'application/json',
        accept: 'application/json',
        'x-csrf-token': csrf.token,
      },
    });

  it('every passkey route answers a malformed JSON body with 400 LOTSA_BAD_REQUEST naming the field, never 500', async () => {
    const person = await createPerson(db, { role: 'navigator' });
    const cookie = await sessionFor(db, person.accountId);
    const routes = ['/sv/me/passkeys', '/sv/me/second-factor/passkey', '/sv/login/passkey'];
    for (const url of routes) {
      for (const body of MALFORMED) {
        const res = await post(url, cookie, body.payload);
        const what = `${url} ${body.payload}`;
        assert.equal(res.statusCode, 400, `${what}: ${res.statusCode} ${res.body}`);
        const error = res.json<ErrorBody>();
        assert.equal(error.code, body.field ? 'LOTSA_BAD_REQUEST' : 'LOTSA_INVALID_JSON', what);
        if (body.field) assert.ok(error.fields?.[body.field], `${what} names ${body.field}: ${res.body}`);
      }
    }
    for (const url of ['/sv/me/passkeys/options', '/sv/login/passkey/options']) {
      const res = await post(url, cookie, '{"x":');
      assert.equal(res.statusCode, 400, `${url}: ${res.statusCode}`);
    }
  });

  it('after malformed bodies, a real passkey is still added and signs in', async () => {
    const person = await createPerson(db, { role: 'navigator' });
    const cookie = await sessionFor(db, person.accountId);
    const authenticator = new SoftAuthenticator();
    const options = await postJson('/sv/me/passkeys/options', cookie, {});
    const handle = cookieFrom(options.headers, 'lotsa_webauthn')!;
    const refused = await post('/sv/me/passkeys', `${cookie}; ${handle}`, '{"response":[]}');
    assert.equal(refused.statusCode, 400);
    const added = await postJson('/sv/me/passkeys', `${cookie}; ${handle}`, {
      response: authenticator.register(options.json()),
    });
    assert.equal(added.statusCode, 200, added.body);
    assert.deepEqual(added.json(), { redirect: '/sv/me/security?done=passkeyAdded' });

    const signIn = await postJson('/sv/login/passkey/options', '', {});
    const signedIn = await postJson('/sv/login/passkey', cookieFrom(signIn.headers, 'lotsa_webauthn')!, {
      response: authenticator.assert(signIn.json()),
      next: '/sv/me/security',
    });
    assert.equal(signedIn.statusCode, 200, signedIn.body);
    assert.deepEqual(signedIn.json(), { redirect: '/sv/me/security' });
  });

  it('the code forms still answer an empty or wrong code on the page (422), not with a 400', async () => {
    const person = await createPerson(db, { role: 'navigator' });
    const cookie = await sessionFor(db, person.accountId);
    const setup = await app.inject({ url: '/sv/me/totp', headers: headers(cookie) });
    assert.equal(setup.statusCode, 200);
    const empty = await postForm('/sv/me/totp', cookie, { code: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /aria-invalid="true"/);
    const wrong = await postForm('/sv/me/totp', cookie, { code: '000000', next: '/admin' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /<input type="hidden" name="next" value="\/admin" \/>/);
  });
});
