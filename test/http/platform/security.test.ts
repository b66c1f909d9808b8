import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Permission } from '../../../src/platform/permissions.ts';
import { buildTestApp, csrfFor } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';

function assertSecurityHeaders(headers: Record<string, unknown>, where: string) {
  const csp = String(headers['content-security-policy'] ?? '');
  assert.ok(csp, `${where}: CSP missing`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, where);
  for (const directive of [
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "default-src 'self'",
  ]) {
    assert.ok(csp.includes(directive), `${where}: CSP lacks ${directive}`);
  }
  assert.match(csp, /script-src 'self'( 'nonce-[A-Za-z0-9+/=]{22,}')?;/, where);
  assert.match(String(headers['strict-transport-security']), /max-age=\d{7,}/, `${where}: HSTS`);
  assert.equal(headers['x-content-type-options'], 'nosniff', `${where}: nosniff`);
  assert.equal(headers['referrer-policy'], 'strict-origin-when-cross-origin', `${where}: Referrer-Policy`);
  assert.ok(headers['x-request-id'], `${where}: request id`);
}

describe('security baseline', async () => {
  const { app, logs } = await buildTestApp();

  it('every route, static file, redirect and error carries the security headers', async () => {
    const urls = new Set<string>(['/sv/no-such-page', '/xx/', '/static/missing.css', '/api/v1/missing', '/']);
    for (const route of app.printRoutes({ commonPrefix: false }).split('\n')) {
      const m = /([/][^\s(]*)\s*\(/.exec(route);
      if (m) urls.add(m[1] as string);
    }
    // Concrete URLs for the parametric routes.
    for (const url of [
      '/sv/',
      '/en/',
      '/sv/accessibility',
      '/en/privacy',
      '/sv/lattlast',
      '/sv/accessibility/feedback/sent',
      '/healthz',
      '/readyz',
      '/metrics',
      '/robots.txt',
      '/sitemap.xml',
      '/brand/dalarna.css',
      '/sv',
    ])
      urls.add(url);
    const css = /href="(\/static\/css\/[^"]+)"/.exec((await app.inject('/sv/')).body)?.[1] as string;
    urls.add(css);
    let checked = 0;
    for (const url of urls) {
      if (url.includes(':') || url.includes('*')) continue;
      const res = await app.inject({ method: 'GET', url });
      assertSecurityHeaders(res.headers, `GET ${url} (${res.statusCode})`);
      checked++;
    }
    const post = await app.inject({ method: 'POST', url: '/sv/accessibility/feedback', payload: {} });
    assertSecurityHeaders(post.headers, 'POST without token');
    assert.ok(checked >= 15);
  });

  it('puts a fresh nonce in the CSP of a response whose page asked for one', async () => {
    const { app: withNonce } = await buildTestApp({}, (a) => {
      a.get('/sv/nonce', { config: { permission: Permission.Public } }, async (request) => request.cspNonce);
    });
    const [one, two] = [await withNonce.inject('/sv/nonce'), await withNonce.inject('/sv/nonce')];
    assert.ok(one.body.length >= 22 && one.body !== two.body);
    assert.ok(
      String(one.headers['content-security-policy']).includes(`script-src 'self' 'nonce-${one.body}'`),
    );
  });

  it('refuses a cross-site POST with 403, even with a valid token', async () => {
    const { cookie, token } = await csrfFor(app, '/sv/accessibility');
    const form = `_csrf=${encodeURIComponent(token)}&message=hej`;
    const headers = { cookie, 'content-type': 'application/x-www-form-urlencoded' };
    const crossSite = await app.inject({
      method: 'POST',
      url: '/sv/accessibility/feedback',
      payload: form,
      headers: { ...headers, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
    assert.equal(crossSite.statusCode, 403);
    const otherOrigin = await app.inject({
      method: 'POST',
      url: '/sv/accessibility/feedback',
      payload: form,
      headers: { ...headers, origin: 'https://evil.example' },
    });
    assert.equal(otherOrigin.statusCode, 403);
    assert.match(otherOrigin.body, /<html lang="sv"/);
  });

  it('refuses a POST without the token, or with a forged one', async () => {
    const { cookie, token } = await csrfFor(app, '/en/accessibility');
    const post = (payload: string, extra: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/en/accessibility/feedback',
        payload,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'http://localhost',
          ...extra,
        },
      });
    assert.equal((await post('message=hi', { cookie })).statusCode, 403);
    assert.equal((await post(`_csrf=${token}&message=hi`)).statusCode, 403, 'token without its cookie');
    assert.equal((await post(`_csrf=${token}x&message=hi`, { cookie })).statusCode, 403);
    const forged = await post(`_csrf=${token}&message=hi`, {
      cookie: 'lotsa_csrf=AAAAAAAAAAAAAAAAAAAAAAAAAA',
    });
    assert.equal(forged.statusCode, 403);
    const ok = await post(`_csrf=${encodeURIComponent(token)}&message=hi`, { cookie, host: 'localhost' });
    assert.equal(ok.statusCode, 303);
  });

  it('answers malformed JSON with 400 and a JSON error', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/sv/accessibility/feedback',
      payload: '{"message": ',
      headers: { 'content-type': 'application/json' },
      remoteAddress: '10.0.0.2',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'LOTSA_INVALID_JSON');
  });

  it('answers a malformed URL with a 400 page carrying the headers, and unknown methods with 405', async () => {
    const bad = await app.inject({ method: 'GET', url: '/sv/%E0%A4%A', headers: { accept: 'text/html' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /<html lang="sv"/);
    assertSecurityHeaders(bad.headers, 'malformed URL');
    const json = await app.inject({ method: 'GET', url: '/api/%zz' });
    assert.equal(json.json().code, 'LOTSA_BAD_REQUEST');
    const del = await app.inject({ method: 'DELETE', url: '/sv/' });
    assert.equal(del.statusCode, 405);
    assert.match(String(del.headers.allow), /^GET, HEAD/);
    assertSecurityHeaders(del.headers, 'method not allowed');
  });

  it('answers an oversized body with 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/sv/accessibility/feedback',
      payload: `message=${'x'.repeat(200_000)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: '10.0.0.3',
    });
    assert.equal(res.statusCode, 413);
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/sv/accessibility/feedback',
      payload: '<x/>',
      headers: { 'content-type': 'application/xml' },
      remoteAddress: '10.0.0.4',
    });
    assert.equal(res.statusCode, 415);
  });

  it('rate-limits the feedback form with 429 and Retry-After', async () => {
    const client = (await formClient(app)).from('10.9.9.9');
    let last;
    for (let i = 0; i < 12; i++) {
      last = await client.postForm(
        '/sv/accessibility/feedback',
        '',
        { message: '' },
        { 'x-forwarded-for': '10.9.9.9' },
      );
    }
    assert.equal(last?.statusCode, 429);
    const wait = Number(last?.headers['retry-after']);
    assert.ok(wait > 0 && wait <= 3600, `Retry-After ${wait}`);
  });

  it('turns an unexpected error into a plain 500 page with the request id, no stack or SQL', async () => {
    const { app: broken, logs: brokenLogs } = await buildTestApp({}, (a) => {
      a.get('/sv/boom', { config: { permission: Permission.Public } }, async () => {
        throw new Error('relation "secret_table" does not exist at Object.<anonymous> (/src/x.ts:1:1)');
      });
    });
    const res = await broken.inject({ method: 'GET', url: '/sv/boom', headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /<html lang="sv"/);
    assert.match(res.body, new RegExp(res.headers['x-request-id'] as string));
    assert.doesNotMatch(res.body, /secret_table|\.ts:|at Object/);
    const json = await broken.inject({
      method: 'GET',
      url: '/sv/boom',
      headers: { accept: 'application/json' },
    });
    assert.deepEqual(Object.keys(json.json()).sort(), [
      'code',
      'detail',
      'instance',
      'requestId',
      'status',
      'title',
      'type',
    ]);
    assert.equal(json.json().code, 'LOTSA_INTERNAL');
    assert.doesNotMatch(json.body, /secret_table/);
    assert.ok(
      brokenLogs.some((l) => l.msg === 'request failed'),
      'the error is logged for us',
    );
  });

  it('refuses to start when a route declares no permission', async () => {
    await assert.rejects(
      buildTestApp({}, (a) => {
        a.get('/sv/unguarded', async () => 'x');
      }),
      /declares no permission/,
    );
  });

  it('keeps cookies and form bodies out of the logs', async () => {
    const { postForm } = await formClient(app);
    await postForm('/sv/accessibility/feedback', '', { message: 'Min hemlis', email: 'anna@example.se' });
    const text = JSON.stringify(logs);
    assert.doesNotMatch(text, /anna@example\.se|hemlis|lotsa_csrf=/);
    assert.ok(logs.some((l) => l.msg === 'request' && l.route === '/:lang/accessibility/feedback'));
  });
});
