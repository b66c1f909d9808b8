/**
 * Found by a developer trying `npm run dev`: a 404's log line said only "request GET 404", so they
 * could not tell which address was missing (a broken link, a stylesheet under the wrong name).
 * Other requests keep logging the route pattern only, and no line holds a query string.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';

describe('the request log line', async () => {
  const { app, logs } = await buildTestApp();
  const lineOf = (reqId: string) => logs.find((l) => l.msg === 'request' && l.reqId === reqId);

  it('names the address of a 404, without its query', async () => {
    for (const path of ['/static/css/sitee.css', '/sv/no-such-page']) {
      const res = await app.inject({ method: 'GET', url: `${path}?v=1&email=a@b.example` });
      assert.equal(res.statusCode, 404, path);
      const line = lineOf(String(res.headers['x-request-id']));
      assert.ok(line, 'a request line');
      assert.equal(line.url, path);
      assert.doesNotMatch(JSON.stringify(line), /email|a@b/);
    }
  });

  it('keeps the route pattern, not the address, for a routed request', async () => {
    const res = await app.inject({ method: 'GET', url: '/sv/jobs?q=sjuksköterska' });
    const line = lineOf(String(res.headers['x-request-id']));
    assert.ok(line, 'a request line');
    assert.equal(line.route, '/:lang/jobs');
    assert.equal(line.url, undefined);
  });
});
