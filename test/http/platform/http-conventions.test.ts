/**
 * Platform conventions a program notices on any route: 405 with Allow for a path that exists with
 * other methods, RateLimit-Policy/RateLimit on rate-limited routes (and Retry-After on 429), and
 * problem details for every JSON error.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Permission } from '../../../src/platform/permissions.ts';
import { buildTestApp } from '../../helpers/app.ts';

describe('HTTP conventions of the platform', async () => {
  const { app } = await buildTestApp({}, (server) => {
    server.get(
      '/api/v1/probe-limited',
      { config: { permission: Permission.Public, rateLimit: { name: 'probe', max: 2, windowSeconds: 60 } } },
      async () => ({ ok: true }),
    );
  });

  it('answers 405 with Allow when the path exists but not for the method', async () => {
    for (const method of ['DELETE', 'POST', 'PUT', 'PATCH'] as const) {
      const res = await app.inject({ method, url: '/api/v1/jobs?q=x' });
      assert.equal(res.statusCode, 405, method);
      assert.equal(res.headers.allow, 'GET, HEAD, OPTIONS', method);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      const problem = res.json<{ code: string; status: number; instance: string }>();
      assert.equal(problem.code, 'LOTSA_METHOD_NOT_ALLOWED');
      assert.equal(problem.status, 405);
      assert.equal(problem.instance, '/api/v1/jobs');
    }
    const one = await app.inject({ method: 'DELETE', url: '/api/v1/jobs/123' });
    assert.equal(one.statusCode, 405);
    assert.equal(one.headers.allow, 'GET, HEAD, OPTIONS');
    const organisation = await app.inject({ method: 'DELETE', url: '/api/v1/organisation' });
    assert.equal(organisation.statusCode, 405);
    assert.equal(organisation.headers.allow, 'GET, HEAD');

    // A page: the error page, with Allow too.
    const page = await app.inject({ method: 'DELETE', url: '/sv/jobs', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 405);
    assert.equal(page.headers.allow, 'GET, HEAD');
    assert.match(String(page.headers['content-type']), /^text\/html/);

    // A path that does not exist is still 404, whatever the method.
    for (const method of ['GET', 'DELETE'] as const) {
      const missing = await app.inject({ method, url: '/api/v1/no-such-thing' });
      assert.equal(missing.statusCode, 404, method);
      assert.equal(missing.headers.allow, undefined);
      assert.equal(missing.json<{ code: string }>().code, 'LOTSA_NOT_FOUND');
    }
  });

  it('tells a client its rate limit on every answer of a limited route, and when to retry', async () => {
    const first = await app.inject({ url: '/api/v1/probe-limited' });
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['ratelimit-policy'], '"probe";q=2;w=60');
    const state = /^"probe";r=(\d+);t=(\d+)$/.exec(String(first.headers.ratelimit));
    assert.ok(state, String(first.headers.ratelimit));
    assert.equal(state[1], '1');
    assert.ok(Number(state[2]) >= 1 && Number(state[2]) <= 60);

    const second = await app.inject({ url: '/api/v1/probe-limited' });
    assert.match(String(second.headers.ratelimit), /^"probe";r=0;t=\d+$/);

    const third = await app.inject({ url: '/api/v1/probe-limited' });
    assert.equal(third.statusCode, 429);
    assert.match(String(third.headers['retry-after']), /^\d+$/);
    assert.equal(third.headers['ratelimit-policy'], '"probe";q=2;w=60');
    const left = /^"probe";r=0;t=(\d+)$/.exec(String(third.headers.ratelimit));
    assert.ok(left, String(third.headers.ratelimit));
    assert.equal(left[1], third.headers['retry-after']);
    assert.equal(third.json<{ code: string }>().code, 'LOTSA_RATE_LIMITED');
    // Answered from memory while over: the headers still come.
    const fourth = await app.inject({ url: '/api/v1/probe-limited' });
    assert.equal(fourth.statusCode, 429);
    assert.match(String(fourth.headers.ratelimit), /^"probe";r=0;t=\d+$/);

    // The job API says its own policy; routes without a limit say nothing.
    const jobs = await app.inject({ url: '/api/v1/jobs' });
    assert.equal(jobs.headers['ratelimit-policy'], '"api";q=1200;w=60');
    assert.match(String(jobs.headers.ratelimit), /^"api";r=1199;t=\d+$/);
    const home = await app.inject({ url: '/sv' });
    assert.equal(home.headers['ratelimit-policy'], undefined);
  });

  it('answers JSON errors of other routes as problem details as well', async () => {
    const res = await app.inject({ url: '/sv/no-such-page', headers: { accept: 'application/json' } });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const problem = res.json<Record<string, unknown>>();
    assert.equal(problem.type, 'http://localhost:3000/api/docs#LOTSA_NOT_FOUND');
    assert.equal(problem.title, 'Sidan finns inte');
    assert.equal(problem.requestId, res.headers['x-request-id']);
  });
});
