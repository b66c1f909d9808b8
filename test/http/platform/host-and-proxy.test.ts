/**
 * Links come from configuration, never from the request: a hostile Host or X-Forwarded-Host header
 * cannot put its host into a sign-in link, a cached feed, a canonical URL, the sitemap or the API.
 * The client address comes from the configured proxies only: a client cannot choose its own with
 * X-Forwarded-For to open /metrics or to escape per-client limits.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, csrfFor } from '../../helpers/app.ts';
import { formBody, formClient } from '../../helpers/client.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';

const HOSTILE_HOSTS = [
  'dalarna.lotsa.se:@evil.example',
  'evil.example',
  'dalarna.lotsa.se@evil.example',
  'dalarna.lotsa.se:443/@evil.example',
  'localhost:3000:@evil.example',
];

describe('absolute links come from configuration only', async () => {
  const { app, database, regions } = await buildTestApp({
    PUBLIC_URL: 'https://lotsa.test',
    TRUST_PROXY: '1',
  });
  const { db } = database;
  await loadAds(db, [makeAd({ id: '900001', headline: 'Sjuksköterska till akuten' })]);

  async function signInMail(headers: Record<string, string>, email: string) {
    const { cookie, token } = await csrfFor(app, '/sv/accessibility');
    const res = await app.inject({
      method: 'POST',
      url: '/sv/login',
      payload: formBody(token, { email }),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    const mail = await db
      .selectFrom('mail_outbox')
      .select(['text_body', 'html_body'])
      .where('to_address', '=', email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return `${mail.text_body}\n${mail.html_body ?? ''}`;
  }

  it('a sign-in link requested with a hostile Host or X-Forwarded-Host points at PUBLIC_URL', async () => {
    let n = 0;
    for (const host of HOSTILE_HOSTS) {
      for (const headers of [{ host }, { host: 'localhost', 'x-forwarded-host': host }] as Record<
        string,
        string
      >[]) {
        const body = await signInMail(headers, `victim${++n}@example.se`);
        assert.doesNotMatch(
          body,
          /evil\.example/,
          `no attacker host in the mail (${JSON.stringify(headers)})`,
        );
        assert.match(body, /https:\/\/lotsa\.test\/sv\/login\/link\/[A-Za-z0-9_-]{43}/);
      }
    }
  });

  it('one poisoned request cannot put its host into the cached feed, search page, API, robots.txt or sitemap', async () => {
    const urls = [
      '/sv/jobs.rss',
      '/sv/jobs?q=sjuksköterska',
      '/api/v1/jobs',
      '/api/v1/jobs/900001',
      '/sv/jobs/900001',
      '/api/openapi.json',
      '/robots.txt',
      '/sitemap.xml',
      '/sv/',
    ];
    for (const url of urls) {
      for (const host of HOSTILE_HOSTS) {
        const poisoned = await app.inject({ url: encodeURI(url), headers: { host } });
        assert.ok(poisoned.statusCode < 500, `${url} with ${host}: ${poisoned.statusCode}`);
        assert.doesNotMatch(poisoned.body, /evil\.example/, `${url} answered with Host ${host}`);
        const viaProxy = await app.inject({
          url: encodeURI(url),
          headers: { host: 'localhost', 'x-forwarded-host': host },
        });
        assert.doesNotMatch(viaProxy.body, /evil\.example/, `${url} with X-Forwarded-Host ${host}`);
      }
      const after = await app.inject({ url: encodeURI(url), headers: { host: 'localhost' } });
      assert.equal(after.statusCode, 200, url);
      assert.doesNotMatch(after.body, /evil\.example/, `${url} for everyone afterwards`);
    }
    const api = await app.inject({
      url: '/api/v1/jobs',
      headers: { host: 'dalarna.lotsa.se:@evil.example' },
    });
    assert.match(api.body, /"url":"https:\/\/lotsa\.test\/(sv|en)\/jobs\//);
  });

  it("a region's stored canonical origin is used for its hosts; other hosts get the default region's links", async () => {
    await db
      .insertInto('regions')
      .values({
        id: 'gavleborg',
        name_sv: 'Gävleborg',
        name_en: 'Gävleborg',
        brand_primary: '#0b5563',
        brand_accent: '#b4400a',
        logo_path: 'img/regions/dalarna.svg',
        contact_organisation: 'Region Gävleborg',
        contact_email: 'lotsa@gavleborg.example',
        canonical_origin: 'https://gavleborg.lotsa.test',
      })
      .execute();
    await db
      .insertInto('region_hosts')
      .values({ region_id: 'gavleborg', host: 'gavleborg.lotsa.se' })
      .execute();
    await regions.refresh();
    assert.equal(regions.forHost('gavleborg.lotsa.se:8443').id, 'gavleborg');
    assert.equal(regions.forHost('GAVLEBORG.lotsa.se').id, 'gavleborg');
    assert.equal(regions.forHost('gavleborg.lotsa.se:@evil.example').id, 'dalarna');
    assert.equal(regions.forHost('gavleborg.lotsa.se:x').id, 'dalarna');

    const own = await app.inject({ url: '/robots.txt', headers: { host: 'gavleborg.lotsa.se' } });
    assert.match(own.body, /Sitemap: https:\/\/gavleborg\.lotsa\.test\/sitemap\.xml/);
    const withPort = await app.inject({ url: '/sv/', headers: { host: 'gavleborg.lotsa.se:8443' } });
    assert.match(withPort.body, /<link rel="canonical" href="https:\/\/gavleborg\.lotsa\.test\/sv\/">/);
    for (const host of [
      'gavleborg.lotsa.se:@evil.example',
      'gavleborg.lotsa.se.evil.example',
      'unknown.example',
    ]) {
      const other = await app.inject({ url: '/robots.txt', headers: { host } });
      assert.match(other.body, /Sitemap: https:\/\/lotsa\.test\/sitemap\.xml/, host);
    }
    await db.deleteFrom('regions').where('id', '=', 'gavleborg').execute();
    await regions.refresh();
  });
});

describe('the client address comes from the configured proxies only', async () => {
  const proxied = await buildTestApp({ TRUST_PROXY: '1', METRICS_TOKEN: 'metrics-token-for-tests' });

  it('/metrics from anything but this machine needs the token, whatever X-Forwarded-For says', async () => {
    for (const remoteAddress of ['203.0.113.9', '10.0.0.2']) {
      for (const xff of ['127.0.0.1', '::1', '203.0.113.7, 127.0.0.1']) {
        const res = await proxied.app.inject({
          url: '/metrics',
          remoteAddress,
          headers: { 'x-forwarded-for': xff },
        });
        assert.equal(res.statusCode, 403, `${remoteAddress} claiming ${xff}`);
      }
    }
    // A reverse proxy on this machine passes requests on from loopback with X-Forwarded-For.
    const throughLocalProxy = await proxied.app.inject({
      url: '/metrics',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '127.0.0.1' },
    });
    assert.equal(throughLocalProxy.statusCode, 403);
    const local = await proxied.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
    assert.equal(local.statusCode, 200);
    const withToken = await proxied.app.inject({
      url: '/metrics',
      remoteAddress: '203.0.113.9',
      headers: { authorization: 'Bearer metrics-token-for-tests' },
    });
    assert.equal(withToken.statusCode, 200);
  });

  it('rotating X-Forwarded-For does not escape the per-client feedback limit (10 an hour)', async () => {
    const limited = proxied;
    const { postForm } = await formClient(limited.app, { remoteAddress: '10.0.0.2' }); // the proxy
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await postForm(
        '/sv/accessibility/feedback',
        '',
        { message: '', page: '' },
        // The client prepends whatever it likes; the proxy appends the address it saw.
        { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.50` },
      );
      statuses.push(res.statusCode);
    }
    assert.equal(statuses.filter((s) => s === 429).length, 2, statuses.join(','));
  });

  it('the addresses of one IPv6 /64 share one client limit', async () => {
    const limited = await buildTestApp();
    const client = await formClient(limited.app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await client
        .from(`2001:db8:1:2:${(i + 1).toString(16)}::${i + 7}`)
        .postForm('/sv/accessibility/feedback', '', { message: '', page: '' });
      statuses.push(res.statusCode);
    }
    assert.equal(statuses.filter((s) => s === 429).length, 2, statuses.join(','));
  });
});
