/**
 * Every state-changing route refuses a cross-site request, whoever sends it and whatever the body:
 * the list comes from the app's route table, so a new POST route is covered the day it is added.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, csrfFor, unlimited } from '../../helpers/app.ts';
import { createPerson, sessionFor } from '../../helpers/identity.ts';
import { ROLE_PERMISSIONS, type Permission } from '../../../src/platform/permissions.ts';

const SAMPLE: Record<string, string> = {
  lang: 'sv',
  id: '00000000-0000-4000-8000-000000000000',
  token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
};

function concrete(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => SAMPLE[name] ?? 'x');
}

describe('cross-site requests', async () => {
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

  // One-click unsubscribe (RFC 8058; talent/alerts/routes.ts) is posted cross-site by mail clients
  // on purpose: the token in its path is what authenticates it.
  const oneClick = (url: string) => url.endsWith('/alerts/unsubscribe/:token');
  const changing = app.routeTable.filter(
    (r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && !oneClick(r.url),
  );

  it('the route table has state-changing routes to check', () => {
    assert.ok(changing.length >= 5, `only ${changing.length} state-changing routes`);
  });

  it('every state-changing route answers 403 LOTSA_CSRF_REJECTED to a cross-site request, even with a valid token', async () => {
    const { cookie, token } = await csrfFor(app, '/sv/accessibility');
    for (const route of changing) {
      for (const site of ['cross-site', 'same-site']) {
        const res = await app.inject({
          method: route.method as 'POST',
          url: concrete(route.url),
          headers: {
            cookie: `${cookie}; ${sessionOf(route)}`,
            'sec-fetch-site': site,
            'x-csrf-token': token,
            accept: 'application/json',
            'content-type': 'application/x-www-form-urlencoded',
          },
          payload: `_csrf=${encodeURIComponent(token)}`,
        });
        assert.equal(
          res.statusCode,
          403,
          `${route.method} ${route.url} (${site}) answered ${res.statusCode}`,
        );
        assert.equal(res.json().code, 'LOTSA_CSRF_REJECTED', `${route.method} ${route.url}`);
      }
    }
  });

  it('a request from another origin without Sec-Fetch-Site is refused too', async () => {
    const { cookie, token } = await csrfFor(app, '/sv/accessibility');
    for (const route of changing) {
      const res = await app.inject({
        method: route.method as 'POST',
        url: concrete(route.url),
        headers: {
          cookie: `${cookie}; ${sessionOf(route)}`,
          origin: 'https://evil.example',
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: `_csrf=${encodeURIComponent(token)}`,
      });
      assert.equal(res.statusCode, 403, `${route.method} ${route.url} answered ${res.statusCode}`);
    }
  });

  it('accepts a same-origin form from a page sent with no-referrer (Origin: null), but not without fetch metadata', async () => {
    const { cookie, token } = await csrfFor(app, '/sv/accessibility');
    const post = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/sv/accessibility/feedback',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: `_csrf=${encodeURIComponent(token)}`,
      });
    assert.equal((await post({ origin: 'null', 'sec-fetch-site': 'same-origin' })).statusCode, 422);
    assert.equal((await post({ origin: 'null' })).statusCode, 403);
  });
});
