/**
 * The permission matrix: every route of the app (from its route table) × every kind of caller ×
 * the status that caller must get. A route without a row here fails the test, so nobody adds a
 * route without deciding who may use it. Denials follow one rule: no session → 303 to the login
 * page for a page, 401 otherwise; signed in without the permission → 403; something that belongs
 * to another organisation → 404.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashSecret } from '../../../src/platform/auth/secrets.ts';
import type { Role } from '../../../src/platform/permissions.ts';
import { buildTestApp, csrfFor, unlimited } from '../../helpers/app.ts';
import { formBody } from '../../helpers/client.ts';
import { createOrganisation, createPerson, sessionFor } from '../../helpers/identity.ts';
import { ROWS, WHO, type Who } from './permission-matrix.rows.ts';

describe('permission matrix', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;

  // The callers: one person per role (staff with a second factor shown), a talent, a navigator who
  // has not shown a second factor, an employer's API token, and nobody.
  const employer = await createOrganisation(db, { kind: 'employer', name: 'Matrisbolaget AB' });
  const otherEmployer = await createOrganisation(db, { kind: 'employer', name: 'Andra bolaget AB' });
  /** Each caller's account; every check gets a fresh session, since some routes end the session. */
  const people = new Map<Who, string>();
  for (const who of WHO) {
    if (who === 'anonymous' || who === 'token') continue;
    const role: Role | null = who === 'talent' ? null : who === 'staff_without_2fa' ? 'navigator' : who;
    const person = await createPerson(db, {
      role,
      organisationId: role === 'employer_admin' || role === 'employer_member' ? employer : undefined,
    });
    people.set(who, person.accountId);
  }
  const token = 'lotsa_matrixmatrixmatrixmatrixmatrixmatrix';
  await db
    .insertInto('api_tokens')
    .values({
      region_id: 'dalarna',
      organisation_id: employer,
      name: 'Matrix',
      token_hash: hashSecret(token),
      prefix: token.slice(0, 10),
      permissions: ['OrgRead', 'AuditRead'],
    })
    .execute();
  const fixture: Record<string, string> = { employer, otherEmployer };
  const fill = (url: string) => url.replace(/\{(\w+)\}/g, (_, name: string) => fixture[name] ?? name);

  const routes = app.routeTable.filter((r) => r.method !== 'HEAD');

  it('every route has a row, and every row a route', () => {
    const keys = new Set(routes.map((r) => `${r.method} ${r.url}`));
    const missing = [...keys].filter((k) => !(k in ROWS));
    assert.deepEqual(missing, [], 'add these routes to test/http/platform/permission-matrix.rows.ts');
    const stale = Object.keys(ROWS).filter((k) => !keys.has(k));
    assert.deepEqual(stale, [], 'rows for routes that no longer exist');
  });

  it('each caller gets the expected status from each route', async () => {
    const { cookie: csrfCookie, token: csrf } = await csrfFor(app, '/sv/accessibility');
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const row = ROWS[`${route.method} ${route.url}`];
      if (!row) continue;
      const url = fill(row.url ?? route.url.replace(':lang', 'sv'));
      for (const who of WHO) {
        const expected = row.expect[who];
        const headers: Record<string, string> = { cookie: csrfCookie, host: 'localhost' };
        const accountId = people.get(who);
        if (accountId) {
          const session = await sessionFor(db, accountId, { secondFactor: who !== 'staff_without_2fa' });
          headers.cookie += `; ${session}`;
        }
        if (who === 'token') headers.authorization = `Bearer ${token}`;
        const get = route.method === 'GET';
        const res = await app.inject({
          method: route.method as 'GET',
          url,
          headers: get
            ? headers
            : {
                ...headers,
                'x-csrf-token': csrf,
                'content-type': 'application/x-www-form-urlencoded',
                origin: 'http://localhost',
              },
          payload: get ? undefined : formBody(csrf, row.body ?? {}),
        });
        checked += 1;
        if (res.statusCode !== expected) {
          failures.push(`${route.method} ${url} as ${who}: expected ${expected}, got ${res.statusCode}`);
        }
      }
    }
    assert.deepEqual(failures, [], `${failures.length} of ${checked} checks failed`);
  });
});
