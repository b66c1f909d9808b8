/**
 * The cross-site check comes before the route's schema: a forged request is refused as forged
 * (403) whatever its body looks like, never answered by the schema's 400, which would tell a
 * same-site page apart from a forged one only by how well-formed the body was.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';
import { ROLE_PERMISSIONS, type Permission } from '../../../src/platform/permissions.ts';

const SAMPLE: Record<string, string> = { lang: 'sv', id: '1', token: 'A'.repeat(43) };
const FIELDS = ['email', 'name', 'code', 'next', 'role', 'answer', 'reason', 'note', 'message', 'response'];

describe('CSRF before the schema', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const admin = await createPerson(database.db, { role: 'admin' });
  const session = await sessionFor(database.db, admin.accountId, { secondFactor: true });
  // What an admin does not hold (an employer's own job ads) is tried as an employer's member, so
  // that the permission check lets the request through to the CSRF check.
  const member = await createPerson(database.db, { role: 'employer_member' });
  const memberSession = await sessionFor(database.db, member.accountId);
  const sessionOf = (route: { permission: Permission }) =>
    ROLE_PERMISSIONS.employer_member.has(route.permission) && !ROLE_PERMISSIONS.admin.has(route.permission)
      ? memberSession
      : session;
  // One-click unsubscribe (RFC 8058) is posted cross-site on purpose; its token authenticates it.
  const changing = app.routeTable.filter(
    (r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && !r.url.endsWith('/alerts/unsubscribe/:token'),
  );

  it('every state-changing route answers a cross-site request with a malformed body 403 LOTSA_CSRF_REJECTED', async () => {
    const bodies = [
      { type: 'application/x-www-form-urlencoded', payload: FIELDS.map((f) => `${f}=1&${f}=2`).join('&') },
      {
        type: 'application/json',
        payload: JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, { a: 1 }]))),
      },
    ];
    const wrong: string[] = [];
    for (const route of changing) {
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => SAMPLE[name] ?? 'x');
      for (const body of bodies) {
        const res = await app.inject({
          method: route.method as 'POST',
          url,
          headers: {
            cookie: sessionOf(route),
            host: 'localhost',
            'sec-fetch-site': 'cross-site',
            accept: 'application/json',
            'content-type': body.type,
          },
          payload: body.payload,
        });
        const code = res.statusCode === 403 ? (res.json() as { code: string }).code : '';
        if (code !== 'LOTSA_CSRF_REJECTED')
          wrong.push(`${route.method} ${route.url} (${body.type}): ${res.statusCode}`);
      }
    }
    assert.ok(changing.length >= 5);
    assert.deepEqual(wrong, []);
  });
});
