/**
 * The job API, pages and feeds as a program that follows the web's conventions notices them:
 * problem details for errors, ETag/Last-Modified with 304, CORS on the public read API only, and
 * cursor paging with a `next` link.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';

const now = new Date();
const ADS = Array.from({ length: 7 }, (_, i) =>
  makeAd({
    id: String(9100001 + i),
    headline: `Sjuksköterska ${i + 1} till vården`,
    occupation: 'nurse',
    municipality: i % 2 ? 'falun' : 'borlange',
    publishedDaysAgo: i + 1,
  }),
);

type Json = Record<string, unknown>;
type Page = { items: Array<{ id: string }>; next: string | null; total: number; offset: number };

describe('job API and pages: web conventions', async () => {
  const { app, database } = await buildTestApp();
  await loadAds(database.db, ADS, now);
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });
  /** Waits until the app has seen an ingest (the NOTIFY arrives asynchronously). */
  const until = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await done()); i++) await new Promise((r) => setTimeout(r, 20));
  };

  it('answers API errors as RFC 9457 problem details with code, fields and the request id', async () => {
    const res = await get('/api/v1/jobs?colour=red&limit=0', { 'accept-language': 'en' });
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const body = res.json<Json & { fields: Record<string, string> }>();
    assert.equal(body.type, 'http://localhost:3000/api/docs#LOTSA_BAD_REQUEST');
    assert.equal(body.title, 'Something in the request was wrong');
    assert.equal(body.status, 400);
    assert.equal(body.instance, '/api/v1/jobs');
    assert.equal(body.code, 'LOTSA_BAD_REQUEST');
    assert.deepEqual(Object.keys(body.fields).sort(), ['colour', 'limit']);
    assert.match(String(body.detail), /colour/);
    assert.equal(body.requestId, res.headers['x-request-id']);
    assert.equal(res.headers['cache-control'], 'no-store');

    const missing = await get('/api/v1/jobs/424242', { 'accept-language': 'sv' });
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers['content-type']), /^application\/problem\+json/);
    assert.equal(missing.json<Json>().code, 'LOTSA_NOT_FOUND');
    assert.equal(missing.json<Json>().title, 'Sidan finns inte');

    // The problem type leads to its description.
    const docs = await get('/api/docs');
    assert.match(docs.body, /<tr id="LOTSA_BAD_REQUEST">/);
    assert.match(docs.body, /<tr id="LOTSA_CURSOR_EXPIRED">/);
  });

  it('sends an ETag with the job list and answers 304 while it is current', async () => {
    const first = await get('/api/v1/jobs?q=sjuksk%C3%B6terska');
    assert.equal(first.statusCode, 200);
    const etag = String(first.headers.etag);
    assert.match(etag, /^W\/"[\w-]+"$/);
    assert.match(String(first.headers.vary), /accept-language/i);

    const again = await get('/api/v1/jobs?q=sjuksk%C3%B6terska', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers.etag, etag);
    const head = await app.inject({
      method: 'HEAD',
      url: '/api/v1/jobs?q=sjuksk%C3%B6terska',
      headers: { 'if-none-match': etag },
    });
    assert.equal(head.statusCode, 304);
    // Several tags, one of them current; and compressed answers share the tag.
    const listed = await get('/api/v1/jobs?q=sjuksk%C3%B6terska', {
      'if-none-match': `W/"old", ${etag}`,
      'accept-encoding': 'gzip',
    });
    assert.equal(listed.statusCode, 304);

    // Another search, another language: another tag.
    const other = await get('/api/v1/jobs?q=sjuksk%C3%B6terska&limit=3', { 'if-none-match': etag });
    assert.equal(other.statusCode, 200);
    assert.notEqual(other.headers.etag, etag);
    const english = await get('/api/v1/jobs?q=sjuksk%C3%B6terska', {
      'if-none-match': etag,
      'accept-language': 'sv',
    });
    const inEnglish = await get('/api/v1/jobs?q=sjuksk%C3%B6terska', { 'accept-language': 'en' });
    assert.notEqual(english.headers.etag, inEnglish.headers.etag);
  });

  it('sends ETag and Last-Modified with one job, and 304 for either validator', async () => {
    const res = await get('/api/v1/jobs/9100001');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers.vary), /accept-language/i);
    const lastModified = String(res.headers['last-modified']);
    assert.equal(new Date(lastModified).toUTCString(), lastModified);
    assert.equal(
      (await get('/api/v1/jobs/9100001', { 'if-none-match': String(res.headers.etag) })).statusCode,
      304,
    );
    assert.equal((await get('/api/v1/jobs/9100001', { 'if-modified-since': lastModified })).statusCode, 304);
    // If-None-Match decides when both are sent.
    const both = await get('/api/v1/jobs/9100001', {
      'if-none-match': 'W/"something-else"',
      'if-modified-since': lastModified,
    });
    assert.equal(both.statusCode, 200);
    const earlier = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    assert.equal((await get('/api/v1/jobs/9100001', { 'if-modified-since': earlier })).statusCode, 200);
  });

  it('answers 304 on the job pages, the feed and the sitemap, each language its own tag', async () => {
    for (const url of [
      '/sv/jobs',
      '/sv/jobs?q=sjuksk%C3%B6terska',
      '/sv/jobs/9100002',
      '/sv/jobs.rss',
      '/sitemap.xml',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      const etag = String(res.headers.etag);
      assert.match(etag, /^W\/"/, url);
      const cached = await get(url, { 'if-none-match': etag, 'accept-encoding': 'br, gzip' });
      assert.equal(cached.statusCode, 304, url);
      assert.equal(cached.body, '', url);
      assert.equal(cached.headers['content-encoding'], undefined, url);
    }
    const sv = await get('/sv/jobs');
    const en = await get('/en/jobs', { 'if-none-match': String(sv.headers.etag) });
    assert.equal(en.statusCode, 200);
    assert.notEqual(en.headers.etag, sv.headers.etag);
    // The pages are the same for everyone (they never read the session): one tag, no Vary: Cookie.
    const withCookie = await get('/sv/jobs', { cookie: 'lotsa_session=someone' });
    assert.equal(withCookie.headers.etag, sv.headers.etag);
    assert.doesNotMatch(String(sv.headers.vary), /cookie/i);
    assert.equal(sv.headers['access-control-allow-origin'], undefined);
  });

  it('lets any web page read the public job API, and nothing else', async () => {
    const origin = { origin: 'https://www.kommun.example' };
    const list = await get('/api/v1/jobs', origin);
    assert.equal(list.headers['access-control-allow-origin'], '*');
    assert.equal(list.headers['access-control-allow-credentials'], undefined);
    assert.match(String(list.headers['access-control-expose-headers']), /\bLink\b/);
    assert.match(String(list.headers['access-control-expose-headers']), /\bETag\b/);
    assert.equal((await get('/api/v1/jobs/9100001', origin)).headers['access-control-allow-origin'], '*');
    // Its errors too, so the page can read them.
    assert.equal((await get('/api/v1/jobs?x=1', origin)).headers['access-control-allow-origin'], '*');

    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/jobs',
      headers: {
        ...origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    assert.match(String(preflight.headers['access-control-allow-methods']), /\bGET\b/);
    assert.doesNotMatch(String(preflight.headers['access-control-allow-methods']), /POST|DELETE/);
    assert.match(String(preflight.headers['access-control-allow-headers']), /If-None-Match/i);
    assert.doesNotMatch(String(preflight.headers['access-control-allow-headers']), /authorization/i);

    for (const url of [
      '/api/v1/organisation',
      '/api/v1/audit',
      '/sv/jobs',
      '/api/openapi.json',
      '/sv/jobs/9100001',
    ]) {
      const res = await get(url, origin);
      assert.equal(res.headers['access-control-allow-origin'], undefined, url);
    }
    const adminPreflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/organisation',
      headers: { ...origin, 'access-control-request-method': 'GET' },
    });
    assert.equal(adminPreflight.headers['access-control-allow-origin'], undefined);
    assert.notEqual(adminPreflight.statusCode, 204);
  });

  it('pages by cursor: a next link in the body and the Link header, absolute from configuration', async () => {
    const seen: string[] = [];
    let url: string | null = '/api/v1/jobs?limit=3';
    let pages = 0;
    while (url && pages < 10) {
      const res = await get(url, { host: 'attacker.example' });
      assert.equal(res.statusCode, 200, url);
      const body = res.json<Page>();
      seen.push(...body.items.map((i) => i.id));
      if (body.next) {
        assert.ok(body.next.startsWith('http://localhost:3000/api/v1/jobs?limit=3&cursor='), body.next);
        assert.equal(res.headers.link, `<${body.next}>; rel="next"`);
        url = body.next.slice('http://localhost:3000'.length);
      } else {
        assert.equal(res.headers.link, undefined);
        url = null;
      }
      pages += 1;
    }
    assert.equal(pages, 3);
    const byOffset = await get('/api/v1/jobs?limit=20');
    assert.deepEqual(
      seen,
      byOffset.json<Page>().items.map((i) => i.id),
    );
    assert.equal(new Set(seen).size, 7);
  });

  it('refuses a cursor that is malformed, from another search or beside offset, naming it', async () => {
    const first = (await get('/api/v1/jobs?limit=2&q=sjuksk%C3%B6terska')).json<Page>();
    const cursor = new URL(String(first.next)).searchParams.get('cursor') ?? '';
    for (const url of [
      '/api/v1/jobs?cursor=not-a-cursor',
      `/api/v1/jobs?cursor=${Buffer.from('{"o":-1}').toString('base64url')}`,
      `/api/v1/jobs?limit=2&q=l%C3%A4rare&cursor=${cursor}`,
      `/api/v1/jobs?limit=2&q=sjuksk%C3%B6terska&offset=2&cursor=${cursor}`,
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      const problem = res.json<Json & { fields: Record<string, string> }>();
      assert.equal(problem.code, 'LOTSA_BAD_REQUEST', url);
      assert.ok(problem.fields.cursor, `${url}: ${res.body}`);
    }
  });

  it('says a cursor has expired (409) once the ads changed, and the tags change too', async () => {
    const first = await get('/api/v1/jobs?limit=2');
    const body = first.json<Page>();
    const next = String(body.next).slice('http://localhost:3000'.length);
    const page = await get('/sv/jobs');
    assert.equal((await get(next)).statusCode, 200);

    await loadAds(
      database.db,
      [makeAd({ id: '9100100', headline: 'Sjuksköterska, ny', occupation: 'nurse', municipality: 'falun' })],
      now,
    );
    await until(async () => (await get('/api/v1/jobs?limit=2')).json<Page>().total === 8);

    const expired = await get(next);
    assert.equal(expired.statusCode, 409);
    assert.match(String(expired.headers['content-type']), /^application\/problem\+json/);
    const problem = expired.json<Json & { fields: Record<string, string> }>();
    assert.equal(problem.code, 'LOTSA_CURSOR_EXPIRED');
    assert.ok(problem.fields.cursor);

    const stale = await get('/api/v1/jobs?limit=2', { 'if-none-match': String(first.headers.etag) });
    assert.equal(stale.statusCode, 200);
    const stalePage = await get('/sv/jobs', { 'if-none-match': String(page.headers.etag) });
    assert.equal(stalePage.statusCode, 200);
    assert.match(stalePage.body, /9100100/);
  });
});
