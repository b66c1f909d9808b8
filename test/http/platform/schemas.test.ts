/**
 * What a route's schema refusal looks like (platform/http/schema.ts): a 400 in the error catalogue's
 * shape — JSON naming each refused parameter for programs, the friendly error page for people, never
 * a 500 — and a schema-typed route reads coerced values (numbers, lists) from the query string.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from '@sinclair/typebox';
import { typed } from '../../../src/platform/http/schema.ts';
import { Permission } from '../../../src/platform/permissions.ts';
import { buildTestApp } from '../../helpers/app.ts';

const ProbeQuery = Type.Object(
  {
    n: Type.Integer({ minimum: 1, maximum: 9 }),
    tag: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

describe('route schemas', async () => {
  const { app } = await buildTestApp({}, (root) => {
    typed(root).get(
      '/sv/schema-probe',
      { schema: { querystring: ProbeQuery }, config: { permission: Permission.Public } },
      async (request) => ({ n: request.query.n + 1, tags: request.query.tag ?? [] }),
    );
  });

  it('types and coerces what it reads: a number, one value as a one-item list', async () => {
    const res = await app.inject({
      url: '/sv/schema-probe?n=2&tag=a',
      headers: { accept: 'application/json' },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { n: 3, tags: ['a'] });
    const two = await app.inject({
      url: '/sv/schema-probe?n=2&tag=a&tag=b',
      headers: { accept: 'application/json' },
    });
    assert.deepEqual(two.json(), { n: 3, tags: ['a', 'b'] });
  });

  it('refuses a program’s bad request with 400 naming every refused parameter', async () => {
    const res = await app.inject({
      url: '/sv/schema-probe?n=12&colour=red',
      headers: { accept: 'application/json' },
    });
    assert.equal(res.statusCode, 400);
    const body = res.json<{ code: string; status: number; fields: Record<string, string> }>();
    assert.equal(body.code, 'LOTSA_BAD_REQUEST');
    assert.equal(body.status, 400);
    assert.deepEqual(Object.keys(body.fields).sort(), ['colour', 'n']);
    const missing = await app.inject({ url: '/sv/schema-probe', headers: { accept: 'application/json' } });
    assert.equal(missing.json<{ fields: Record<string, string> }>().fields.n, 'required');
  });

  it('shows a person the error page in the page’s language, not a 500', async () => {
    const res = await app.inject({ url: '/sv/schema-probe?n=abc', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /<html lang="sv"/);
    assert.match(res.body, /class="wrap prose error-page"/);
  });
});
