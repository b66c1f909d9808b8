/**
 * Numbers read from text by a route's schema: Ajv coerces "1e400" to Infinity and then skips the
 * schema's minimum and maximum (it compares finite numbers only), so without a guard an integer
 * parameter could reach the database as Infinity. Every such value is a 400 naming the parameter.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, csrfFor, unlimited } from '../../helpers/app.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';

describe('numbers beyond what a number holds', async () => {
  const { app, database, logs } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const admin = await createPerson(database.db, { role: 'admin' });
  const session = await sessionFor(database.db, admin.accountId, { secondFactor: true });

  it('the audit API answers limit or before of 1e400 (or -1e400) with a 400 naming the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['limit', '1e400'],
      ['limit', '-1e400'],
      ['before', '1e400'],
      ['before', '-1e400'],
      ['limit', 'Infinity'],
    ];
    for (const [name, value] of cases) {
      const res = await app.inject({
        url: `/api/v1/audit?${name}=${value}`,
        headers: { cookie: session, accept: 'application/json' },
      });
      assert.equal(res.statusCode, 400, `${name}=${value}: ${res.body}`);
      const body = res.json() as { code: string; fields?: Record<string, string> };
      assert.equal(body.code, 'LOTSA_BAD_REQUEST');
      assert.ok(body.fields?.[name], `${name}=${value} names ${name}: ${res.body}`);
    }
  });

  it('a JSON body with a number too large for a double is a 400, never a 500', async () => {
    const { cookie, token } = await csrfFor(app, '/sv/accessibility');
    const res = await app.inject({
      method: 'POST',
      url: '/sv/login',
      payload: '{"email": 1e400}',
      headers: {
        cookie,
        host: 'localhost',
        origin: 'http://localhost',
        'x-csrf-token': token,
        'content-type': 'application/json',
      },
    });
    assert.ok(res.statusCode < 500, `${res.statusCode}`);
  });

  it('logged no unexpected error', () => {
    const errors = logs.filter((l) => l.msg === 'request failed');
    assert.deepEqual(
      errors.map((l) => (l.err as { message?: string } | undefined)?.message),
      [],
    );
  });
});

describe('parameters named like an object’s own properties', async () => {
  const { app } = await buildTestApp({}, undefined, { rateLimiter: unlimited });

  it('an unknown parameter called __proto__, constructor or toString is named in the 400’s fields', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const res = await app.inject({
        url: `/api/v1/jobs?${name}=x`,
        headers: { accept: 'application/json' },
      });
      assert.equal(res.statusCode, 400, name);
      const body = JSON.parse(res.body) as { fields?: Record<string, unknown> };
      const fields = body.fields ?? {};
      assert.ok(Object.hasOwn(fields, name), `${name}: ${res.body}`);
      assert.equal(fields[name], 'unknown parameter', name);
    }
  });
});
