/**
 * Malformed requests get a 4xx, never a 500: every route from the app's route table, called by a
 * signed-in admin (who may reach them all) with repeated fields, over-long values, wrong types,
 * JSON where a form is expected and odd query strings.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, csrfFor, unlimited } from '../../helpers/app.ts';
import { createOrganisation, createPerson, sessionFor } from '../../helpers/identity.ts';

const FIELDS = [
  'email',
  'name',
  'display_name',
  'language',
  'role',
  'kind',
  'org_number',
  'code',
  'token',
  'confirm',
  'organisation_id',
  'next',
  'scopes',
  'id',
  'handle',
  'response',
  'message',
];

describe('malformed requests', async () => {
  const { app, database, logs } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const employer = await createOrganisation(db, { kind: 'employer' });
  const admin = await createPerson(db, { role: 'admin' });
  const session = await sessionFor(db, admin.accountId, { secondFactor: true });
  const { cookie, token } = await csrfFor(app, '/sv/accessibility');
  const samples: Record<string, string[]> = {
    lang: ['sv'],
    id: [employer, 'not-a-uuid', '00000000-0000-4000-8000-00000000000g'],
    accountId: [admin.accountId, 'x'],
    invitationId: ['%00', 'x'],
    token: ['x', 'A'.repeat(300)],
    file: ['..%2f..%2fetc%2fpasswd'],
  };
  const urls = (pattern: string): string[] => {
    const names = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
    if (names.length === 0) return [pattern];
    // One URL per sample of each parameter, the others at their first sample.
    const out = new Set<string>();
    for (const name of names) {
      for (const value of samples[name] ?? ['x']) {
        out.add(
          pattern.replace(/:(\w+)/g, (_, n: string) =>
            n === name ? value : ((samples[n] ?? ['x'])[0] as string),
          ),
        );
      }
    }
    return [...out];
  };
  const headers = {
    cookie: `${cookie}; ${session}`,
    host: 'localhost',
    origin: 'http://localhost',
    'x-csrf-token': token,
  };
  const routes = app.routeTable.filter((r) => r.method !== 'HEAD' && !r.url.includes('*'));

  it('no form body, however malformed, makes a state-changing route fail with a 500', async () => {
    const long = 'å'.repeat(5000);
    const bodies: Array<{ type: string; payload: string }> = [
      { type: 'application/x-www-form-urlencoded', payload: FIELDS.map((f) => `${f}=1&${f}=2`).join('&') },
      {
        type: 'application/x-www-form-urlencoded',
        payload: FIELDS.map((f) => `${f}=${encodeURIComponent(long)}`).join('&'),
      },
      {
        type: 'application/x-www-form-urlencoded',
        payload: FIELDS.map((f) => `${f}=%00%0d%0a%ff`).join('&'),
      },
      {
        type: 'application/x-www-form-urlencoded',
        payload: 'response=%7B%22id%22%3A1%7D&next=//evil.example',
      },
      {
        type: 'application/json',
        payload: JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, { a: [1] }]))),
      },
      { type: 'application/json', payload: '{"response": {"id": "AAAA", "rawId": 5, "type": "public-key"}}' },
      { type: 'application/json', payload: '[1,2,3]' },
      { type: 'text/plain', payload: 'hello' },
    ];
    const failures: string[] = [];
    let calls = 0;
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      for (const url of urls(route.url)) {
        for (const body of bodies) {
          // A fresh session each time: some routes end the caller's session.
          const fresh = await sessionFor(db, admin.accountId, { secondFactor: true });
          const res = await app.inject({
            method: route.method as 'POST',
            url,
            headers: { ...headers, cookie: `${cookie}; ${fresh}`, 'content-type': body.type },
            payload:
              body.type.includes('json') || body.type === 'text/plain'
                ? body.payload
                : `_csrf=${encodeURIComponent(token)}&${body.payload}`,
          });
          calls += 1;
          if (res.statusCode >= 500)
            failures.push(`${route.method} ${url} (${body.type}): ${res.statusCode}`);
        }
      }
    }
    assert.ok(calls > 100, `${calls} calls`);
    assert.deepEqual(failures, []);
  });

  it('no query string, however odd, makes a page or API route fail with a 500', async () => {
    const queries = [
      '?q=%00&page=-1&next=%2F%2Fevil.example',
      '?q[]=a&q[]=b&organisation=x&person=%ff&action=..&from=2026-13-45&to=x&before=-5&limit=1e9',
      '?next=/%0d%0aSet-Cookie:x=1&done=%3Cscript%3E&kind=region&signed_out=1',
      `?${'a=1&'.repeat(500)}`,
    ];
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET')) {
      for (const url of urls(route.url)) {
        for (const query of queries) {
          const res = await app.inject({ method: 'GET', url: url + query, headers });
          if (res.statusCode >= 500) failures.push(`GET ${url}${query.slice(0, 40)}: ${res.statusCode}`);
          if (res.statusCode >= 300 && res.statusCode < 400) {
            const location = String(res.headers.location ?? '');
            assert.ok(
              !/^(https?:)?\/\/(?!localhost)/.test(location),
              `${url}${query} redirects off-site to ${location}`,
            );
          }
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  it('logged no unexpected error', () => {
    const errors = logs.filter((l) => l.msg === 'request failed');
    assert.deepEqual(
      errors.map((l) => (l.err as { message?: string } | undefined)?.message),
      [],
    );
  });
});
