import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';

describe('public site', async () => {
  const { app } = await buildTestApp();
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('sends a Swedish browser to /sv/ and everyone else to /en/', async () => {
    const sv = await get('/', { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.8' });
    assert.equal(sv.statusCode, 302);
    assert.equal(sv.headers.location, '/sv/');
    assert.match(String(sv.headers.vary), /accept-language/i);
    assert.equal((await get('/', { 'accept-language': 'de-DE' })).headers.location, '/en/');
    assert.equal((await get('/')).headers.location, '/en/');
    assert.equal((await get('/sv')).headers.location, '/sv/');
  });

  for (const lang of ['sv', 'en'] as const) {
    it(`home page in ${lang}: lang, one h1, landmarks, skip link, hreflang with absolute URLs`, async () => {
      const res = await get(`/${lang}/`);
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/html; charset=utf-8/);
      const body = res.body;
      assert.match(body, new RegExp(`<html lang="${lang}"`));
      assert.equal(body.match(/<h1[\s>]/g)?.length, 1);
      assert.match(body, /<a class="skip-link" href="#main">/);
      assert.match(body, /<main id="main"/);
      assert.match(body, /<header/);
      assert.match(body, /<footer/);
      assert.match(body, /Dalarna/);
      assert.match(body, /<link rel="alternate" hreflang="sv" href="http:\/\/localhost:3000\/sv\/">/);
      assert.match(body, /<link rel="alternate" hreflang="en" href="http:\/\/localhost:3000\/en\/">/);
      assert.match(body, /<link rel="alternate" hreflang="x-default" href="http:\/\/localhost:3000\/sv\/">/);
      assert.match(body, /<meta property="og:title" content="[^"]+">/);
      assert.match(
        body,
        /<meta property="og:image" content="http:\/\/localhost:3000\/static\/img\/og-default\.jpg\?v=/,
      );
      assert.doesNotMatch(body, /<script(?![^>]*type="application\/ld\+json")/, 'no JavaScript needed');
      assert.doesNotMatch(body, /style="/, 'no inline styles (CSP)');
    });
  }

  it('the language switch leads to the same page in the other language', async () => {
    for (const [from, to] of [
      ['/sv/', '/en/'],
      ['/en/', '/sv/'],
      ['/sv/accessibility', '/en/accessibility'],
      ['/en/privacy', '/sv/privacy'],
    ]) {
      const body = (await get(from as string)).body;
      const link = /<a class="lang-switch" href="([^"]+)" hreflang="(sv|en)" lang="(sv|en)">/.exec(body);
      assert.equal(link?.[1], to, `switch on ${from}`);
    }
  });

  it('every internal link on every page leads to a page that exists', async () => {
    const seen = new Set<string>();
    const queue = ['/sv/', '/en/'];
    while (queue.length) {
      const url = queue.shift() as string;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await get(url);
      // 303: a page for signed-in people, which sends a visitor to the login page (followed below).
      assert.ok([200, 301, 302, 303].includes(res.statusCode), `${url} answered ${res.statusCode}`);
      if (res.statusCode === 303) {
        const location = String(res.headers.location);
        assert.match(location, /^\/(sv|en)\/login\?next=/, `${url} sends to the login page`);
        if (!seen.has(location)) queue.push(location);
      }
      if (!String(res.headers['content-type']).startsWith('text/html')) continue;
      for (const [, href] of res.body.matchAll(/href="(\/[^"#]*)(#[^"]*)?"/g)) {
        if (href && !seen.has(href)) queue.push(href.replace(/&amp;/g, '&'));
      }
    }
    for (const page of [
      '/sv/accessibility',
      '/en/accessibility',
      '/sv/privacy',
      '/en/privacy',
      '/sv/lattlast',
    ]) {
      assert.ok(seen.has(page), `${page} is linked from the site`);
    }
  });

  it('answers unknown language prefixes and pages with a 404 page in the right language', async () => {
    const de = await get('/de/', { accept: 'text/html', 'accept-language': 'sv' });
    assert.equal(de.statusCode, 404);
    assert.match(de.body, /<html lang="sv"/);
    const en = await get('/en/no-such-page', { accept: 'text/html' });
    assert.equal(en.statusCode, 404);
    assert.match(en.body, /<html lang="en"/);
    assert.match(en.body, new RegExp(en.headers['x-request-id'] as string), 'shows the request id');
    const sv = await get('/sv/finns-inte', { accept: 'text/html' });
    assert.match(sv.body, /<html lang="sv"/);
    assert.equal((await get('/en/lattlast')).statusCode, 404, 'easy-to-read is Swedish only');
  });

  it('answers programs with JSON errors', async () => {
    const res = await get('/api/v1/nothing');
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json().code, 'LOTSA_NOT_FOUND');
    assert.equal(res.json().requestId, res.headers['x-request-id']);
  });

  it('has a sitemap with every page in both languages and robots.txt pointing at it', async () => {
    const sitemap = await get('/sitemap.xml');
    assert.equal(sitemap.statusCode, 200);
    assert.match(sitemap.headers['content-type'] as string, /application\/xml/);
    for (const loc of ['/sv/', '/en/', '/sv/accessibility', '/en/privacy', '/sv/lattlast']) {
      assert.match(sitemap.body, new RegExp(`<loc>http://localhost:3000${loc}</loc>`));
    }
    const robots = await get('/robots.txt');
    assert.match(robots.body, /Sitemap: http:\/\/localhost:3000\/sitemap\.xml/);
  });

  it('takes absolute links from configuration (PUBLIC_URL), whatever host is asked for', async () => {
    for (const host of ['dalarna.lotsa.se', 'dalarna.lotsa.se:@evil.example']) {
      const res = await get('/sv/', { host });
      assert.match(res.body, /<link rel="canonical" href="http:\/\/localhost:3000\/sv\/">/);
    }
  });

  it('serves static files with a content hash, long caching and compression', async () => {
    const home = (await get('/sv/')).body;
    const css = /href="(\/static\/css\/lotsa\.css\?v=[0-9a-f]+)"/.exec(home)?.[1] as string;
    const res = await get(css, { 'accept-encoding': 'br' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['cache-control'] as string, /immutable/);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal((await get(css, { 'if-none-match': res.headers.etag as string })).statusCode, 304);
    assert.equal((await get('/static/nope.css')).statusCode, 404);
    assert.equal((await get('/static/../package.json')).statusCode, 404);
    const brand = await get('/brand/dalarna.css');
    assert.match(brand.body, /--brand-primary:#[0-9a-f]{6}/);
  });
  it('keeps the accessibility statement, which carries a form token for one browser, out of shared caches', async () => {
    for (const url of ['/sv/accessibility', '/en/accessibility']) {
      const page = await get(url);
      assert.equal(page.statusCode, 200);
      assert.match(String(page.headers['set-cookie']), /csrf/i, `${url} gives this browser a form token`);
      assert.match(String(page.headers['cache-control']), /\bno-store\b/, `${url} is not stored by caches`);
    }
  });
});
