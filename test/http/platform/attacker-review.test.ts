/**
 * An attacker's review of the security round (issue 9): bypasses of its fixes and the same patterns
 * elsewhere, each a regression test that failed before its fix.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { whileLocked } from '../../helpers/db.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('attacker review', async () => {
  const { app, database } = await buildTestApp();
  const now = new Date();
  await loadAds(
    database.db,
    [
      makeAd({ id: '9300001', headline: 'Sjuksköterska till akutmottagningen', publishedDaysAgo: 1 }),
      makeAd({ id: '9300002', headline: 'Undersköterska \uFFFE natt \uFFFF', publishedDaysAgo: 0 }),
    ],
    now,
  );

  const get = (url: string, headers: Record<string, string> = {}, remoteAddress = '198.51.100.1') =>
    app.inject({ method: 'GET', url, headers, remoteAddress });

  const within = <T>(ms: number, answer: Promise<T>) =>
    Promise.race([answer, sleep(ms).then(() => 'no answer' as const)]);

  it('the JSON API search has the same per-client limit of running searches as the pages', async () => {
    // Before: the API's uncached searches were never counted as running, so a program could hold
    // every database connection with parallel crafted searches (issue 9, finding 6, through /api).
    const client = '203.0.113.40';
    const third = await whileLocked(database, async () => {
      const running = [
        get('/api/v1/jobs?q=parallell1', {}, client),
        get('/api/v1/jobs?q=parallell2', {}, client),
      ];
      await sleep(200);
      const answer = await within(1000, get('/api/v1/jobs?q=parallell3', {}, client));
      await Promise.all(running);
      return answer;
    });
    assert.notEqual(third, 'no answer', 'the third API search waited for the database');
    if (third === 'no answer') return;
    assert.equal(third.statusCode, 429);
    assert.ok(Number(third.headers['retry-after']) > 0);
    assert.equal((third.json() as { code: string }).code, 'LOTSA_RATE_LIMITED');
    assert.equal((await get('/api/v1/jobs?q=parallell3', {}, client)).statusCode, 200);
  });

  it('an RSS feed stays well-formed XML when an ad or the search holds characters XML forbids', async () => {
    for (const url of ['/sv/jobs.rss', '/sv/jobs.rss?q=natt%EF%BF%BE']) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /Undersk/);
      // XML 1.0 Char: no U+FFFE/U+FFFF (nor lone surrogates); a feed reader refuses the whole feed.
      assert.doesNotMatch(res.body, /[\uFFFE\uFFFF]/, url);
    }
  });

  it('sign-in e-mails per mailbox count an international domain and its punycode form together', async () => {
    // `exämple.se` and `xn--exmple-cua.se` are one domain (IDNA), so one mailbox: the per-mailbox
    // limit (5 in 15 minutes) must not double by writing the domain both ways.
    const remoteAddress = '198.51.100.77';
    const { postForm } = await formClient(app, { remoteAddress });
    const post = (email: string) => postForm('/sv/login', '', { email });
    for (const email of ['gun@exämple.se', 'gun@EXÄMPLE.se', 'gun+1@exämple.se', 'gun@exa\u0308mple.se']) {
      assert.equal((await post(email)).statusCode, 200, email);
    }
    assert.equal((await post('gun@xn--exmple-cua.se')).statusCode, 200, 'the fifth');
    const sixth = await post('gun@XN--EXMPLE-CUA.se');
    assert.equal(sixth.statusCode, 429, 'the sixth e-mail to the same mailbox');
    assert.ok(Number(sixth.headers['retry-after']) > 0);
  });
});

describe('attacker review: client addresses as proxies write them', async () => {
  const proxied = await buildTestApp({ TRUST_PROXY: '1' });
  const { postForm } = await formClient(proxied.app, { remoteAddress: '10.0.0.2' }); // the proxy
  const feedbackVia = (forwardedFor: string) =>
    postForm(
      '/sv/accessibility/feedback',
      '',
      { message: '', page: '' },
      { 'x-forwarded-for': forwardedFor },
    );

  it('a client address with a port (as some load balancers write it) is one client whatever its port', async () => {
    // Before: `203.0.113.60:1000` and `203.0.113.60:1001` were two clients, so a client escaped every
    // per-address limit by opening a new connection (a new source port) for each request.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await feedbackVia(`203.0.113.60:${1000 + i}`)).statusCode);
    assert.equal(statuses.filter((s) => s === 429).length, 2, statuses.join(','));
  });

  it('an IPv6 client in brackets with a port, and an IPv4 client written as IPv6, are one client each', async () => {
    const six: number[] = [];
    for (let i = 0; i < 12; i++)
      six.push((await feedbackVia(`[2001:db8:7:7::${i + 1}]:${2000 + i}`)).statusCode);
    assert.equal(six.filter((s) => s === 429).length, 2, six.join(','));
    const forms = [
      '198.51.100.61',
      '::ffff:198.51.100.61',
      '0:0:0:0:0:ffff:198.51.100.61',
      '::ffff:c633:643d',
      '[::ffff:198.51.100.61]:443',
    ];
    const four: number[] = [];
    for (let i = 0; i < 12; i++) four.push((await feedbackVia(forms[i % forms.length] as string)).statusCode);
    assert.equal(four.filter((s) => s === 429).length, 2, four.join(','));
  });
});
