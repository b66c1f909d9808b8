/**
 * Search hardening, from a security finding: crafted searches (many OR terms, each expanding to
 * dozens of compounds) cost many times an ordinary one and nothing shed them. The text's expanded
 * terms are capped, a search that takes too long answers 503 with Retry-After, uncached searches are
 * rate-limited per client, the response cache key is what the response depends on (not the Host
 * header, not parameters the search ignores), and filter lists are capped.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JobSearch, searchJobs } from '../../../src/modules/jobs/search/index.ts';
import { planText, Stemmer } from '../../../src/modules/jobs/search/text.ts';
import { EMPTY_QUERY, parseText } from '../../../src/modules/jobs/query.ts';
import { loadRegions } from '../../../src/modules/regions/repository.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { whileLocked } from '../../helpers/db.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';

/** Four-letter word endings, each the end of 45 words of the ads' headlines. */
const ENDINGS =
  'tare nare kare lare rare dare gare sare pare vare mare fare bare hare jare tore nore kore lore rore'.split(
    ' ',
  );
const PREFIXES = Array.from(
  { length: 45 },
  (_, i) => `${'bcdfghjklmnprstv'[i % 16]}${'aeiouy'[i % 6]}${'lmnrst'[Math.floor(i / 16) % 6]}`,
);
/** The uncached searches one client may run per minute (routes.ts). */
const SEARCHES_PER_MINUTE = 60;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('search hardening', async () => {
  const { app, database } = await buildTestApp();
  const now = new Date();
  await loadAds(
    database.db,
    [
      ...ENDINGS.map((ending, i) =>
        makeAd({
          id: String(9100000 + i),
          headline: PREFIXES.map((p) => p + ending).join(' '),
          publishedDaysAgo: 2,
        }),
      ),
      {
        ...makeAd({
          id: '9100100',
          headline: 'Sjuksköterska till akutmottagningen',
          occupation: 'nurse',
          publishedDaysAgo: 1,
        }),
        webpage_url: null, // canonical here, so in the sitemap
      },
      makeAd({
        id: '9100101',
        headline: 'Förskollärare till Solstrålen',
        occupation: 'preschoolTeacher',
        publishedDaysAgo: 3,
      }),
    ],
    now,
  );
  const region = (await loadRegions(database.db)).find((r) => r.id === 'dalarna');
  assert.ok(region);

  // The plan a text becomes: every alternative is one posting list the search reads.
  const jobSearch = new JobSearch(database.db, { cacheSize: 100 });
  const planOf = async (q: string) => {
    const index = await jobSearch.indexes.get(region.id, 'test');
    const plan = await planText(index, new Stemmer(database.db, 0), parseText(q));
    return new Set(plan.groups.flatMap((g) => g.alternatives.map((a) => a.term)));
  };
  const search = (q: string) => searchJobs(database.db, region, { ...EMPTY_QUERY, q }, 'sv');
  const get = (url: string, headers: Record<string, string> = {}, remoteAddress = '198.51.100.1') =>
    app.inject({ method: 'GET', url, headers, remoteAddress });

  const whileIndexLocked = <T>(fn: () => Promise<T>, table?: string) => whileLocked(database, fn, table);
  /** The answer, or 'no answer' when there is none within `ms`. */
  const within = <T>(ms: number, answer: Promise<T>) =>
    Promise.race([answer, sleep(ms).then(() => 'no answer' as const)]);

  it('a crafted OR search matches against a capped number of terms, ordinary searches keep theirs', async () => {
    const crafted = ENDINGS.join(' OR ');
    assert.ok(crafted.length <= 200);
    const result = await search(crafted);
    const terms = await planOf(crafted);
    // Before: 20 words × (1 + 40 compounds) ≈ 840 terms, each a posting list to read.
    assert.ok(terms.size <= 160, `${terms.size} terms matched`);
    assert.ok(result.total > 0, 'the crafted search still finds ads');

    // An ordinary search loses nothing: all 45 compounds of one ending are up to 40 of them, as before.
    assert.equal((await planOf('tare')).size, 1 + 1 + 40, [...(await planOf('tare'))].join(' '));
    const two = await search('sjuksköterska OR förskollärare akutmottagningen');
    assert.equal(two.omittedWords, 0);
  });

  it('words beyond the cap are left out, the same ones every time, and the page can say so', async () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const words = Array.from({ length: 30 }, (_, i) => `ord${letters[i % 26]}${letters[Math.floor(i / 26)]}`);
    const first = await search(words.join(' OR '));
    const firstTerms = [...(await planOf(words.join(' OR ')))].sort();
    const again = await search(words.join(' OR '));
    assert.deepEqual([...(await planOf(words.join(' OR ')))].sort(), firstTerms);
    assert.ok(
      first.omittedWords > 0 && first.omittedWords === again.omittedWords,
      String(first.omittedWords),
    );
    assert.ok(firstTerms.length < words.length);
  });

  it('the search page tells the person, in their language, that words were left out', async () => {
    const words = Array.from({ length: 14 }, (_, i) => `ord${'abcdefghijklmn'[i]}`).join(' OR ');
    const sv = await get(`/sv/jobs?q=${encodeURIComponent(words)}`, { accept: 'text/html' });
    assert.equal(sv.statusCode, 200);
    assert.match(sv.body, /Sökningen var lång, så 2 av orden togs inte med\./);
    const en = await get(`/en/jobs?q=${encodeURIComponent(words)}`, { accept: 'text/html' });
    assert.match(en.body, /Your search was long, so 2 of its words were left out\./);
    const short = await get('/sv/jobs?q=sjuksk%C3%B6terska', { accept: 'text/html' });
    assert.doesNotMatch(short.body, /togs inte med/);
  });

  it('a search that takes too long answers 503 with Retry-After, never a 500 or no answer', async () => {
    // Searches answer from memory; a quoted phrase only in the description is checked in the database.
    const [page, api] = await whileIndexLocked(
      () =>
        Promise.all([
          within(12_000, get('/sv/jobs?q=%22v%C3%A4lkommen+med+din%22', { accept: 'text/html' })),
          within(12_000, get('/api/v1/jobs?q=%22med+din+ans%C3%B6kan%22')),
        ]),
      'job_ads',
    );
    assert.notEqual(page, 'no answer');
    assert.notEqual(api, 'no answer');
    if (page === 'no answer' || api === 'no answer') return;
    assert.equal(page.statusCode, 503);
    assert.ok(Number(page.headers['retry-after']) > 0);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.equal(api.statusCode, 503);
    assert.ok(Number(api.headers['retry-after']) > 0);
    assert.equal((api.json() as { error: { code: string } }).error.code, 'LOTSA_OVERLOADED');
    // Not kept: once the database answers, so does the search.
    assert.equal((await get('/sv/jobs?q=%22v%C3%A4lkommen+med+din%22')).statusCode, 200);
  });

  it('the cache answers the same search whatever the Host header or ignored parameters', async () => {
    // A quoted phrase is checked in the database, which the lock holds up: only the cache can answer.
    const q = '%22din+ans%C3%B6kan%22';
    const urls = [`/sv/jobs?q=${q}`, `/sv/jobs.rss?q=${q}`, `/api/v1/jobs?q=${q}`];
    for (const url of urls) assert.equal((await get(url, { host: 'localhost' })).statusCode, 200, url);
    const answers = await whileIndexLocked(
      () =>
        Promise.all([
          ...urls.map((url) => within(1500, get(url, { host: 'LOCALHOST' }))),
          ...urls.map((url) => within(1500, get(url, { host: 'attacker-variant-1.example' }))),
          within(1500, get(`/sv/jobs?utm_source=x&q=${q}&submit=`)),
          within(1500, get(`/sv/jobs.rss?q=${q}&x=1`)),
        ]),
      'job_ads',
    );
    for (const answer of answers) {
      assert.notEqual(answer, 'no answer', 'waited for the database instead of the cache');
      if (answer !== 'no answer') assert.equal(answer.statusCode, 200);
    }
  });

  it("the sitemap's job list is read once per version of the ads, not at every request on every host", async () => {
    const first = await get('/sitemap.xml', { host: 'localhost' });
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /\/jobs\/9100100/);
    const again = await whileIndexLocked(
      () => within(1500, get('/sitemap.xml', { host: 'attacker-variant-2.example' })),
      'job_ads',
    );
    assert.notEqual(again, 'no answer', 'read the ads again');
    if (again !== 'no answer') assert.match(again.body, /\/jobs\/9100100/);
  });

  it('a client with two uncached searches running gets 429 for a third at once', async () => {
    const client = '203.0.113.20';
    // Quoted phrases only in the description are checked in the database, which the lock holds up.
    const third = await whileIndexLocked(async () => {
      const running = [
        get('/sv/jobs?q=%22v%C3%A4lkommen+med%22+-parallell1', {}, client),
        get('/sv/jobs?q=%22v%C3%A4lkommen+med%22+-parallell2', {}, client),
      ];
      await sleep(200);
      const answer = await within(1000, get('/sv/jobs?q=%22v%C3%A4lkommen+med%22+-parallell3', {}, client));
      await Promise.all(running);
      return answer;
    }, 'job_ads');
    assert.notEqual(third, 'no answer', 'the third search waited for the database');
    if (third === 'no answer') return;
    assert.equal(third.statusCode, 429);
    assert.ok(Number(third.headers['retry-after']) > 0);
    // Once they are done, the client searches again.
    assert.equal((await get('/sv/jobs?q=%22v%C3%A4lkommen+med%22+-parallell3', {}, client)).statusCode, 200);
  });

  it(`one client's ${SEARCHES_PER_MINUTE + 1}st uncached search in a minute gets 429 with Retry-After; cached pages and others still answer`, async () => {
    // Stay inside one fixed window.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await sleep(60_500 - intoMinute);
    const client = '203.0.113.7';
    for (let i = 0; i < SEARCHES_PER_MINUTE; i++) {
      const res = await get(`/sv/jobs?q=ord${i}`, {}, client);
      assert.equal(res.statusCode, 200, `search ${i + 1}`);
    }
    const over = await get('/sv/jobs?q=en+till', {}, client);
    assert.equal(over.statusCode, 429);
    assert.ok(Number(over.headers['retry-after']) > 0);
    const overFeed = await get('/sv/jobs.rss?q=en+till', {}, client);
    assert.equal(overFeed.statusCode, 429);
    // A search this client already ran is in the cache; the job list is never limited.
    assert.equal((await get('/sv/jobs?q=ord3', {}, client)).statusCode, 200);
    assert.equal((await get('/sv/jobs', {}, client)).statusCode, 200);
    // Another client is not affected.
    assert.equal((await get('/sv/jobs?q=en+till', {}, '203.0.113.8')).statusCode, 200);
  });

  it('a filter with more values than anyone ticks is cut on pages and refused by the API', async () => {
    const groups = (
      await database.db
        .selectFrom('taxonomy_concepts')
        .select('concept_id')
        .where('type', '=', 'ssyk-level-4')
        .orderBy('concept_id')
        .limit(300)
        .execute()
    ).map((r) => r.concept_id);
    assert.ok(groups.length >= 100);
    const many = groups.map((g) => `occupation_group=${g}`).join('&');
    const api = await get(`/api/v1/jobs?${many}`);
    assert.equal(api.statusCode, 400);
    assert.match(api.body, /occupation_group/);
    const page = await get(`/sv/jobs?q=sjuksk%C3%B6terska&${many}`);
    assert.equal(page.statusCode, 200);
    assert.ok((page.body.match(/name="occupation_group"[^>]*checked/g) ?? []).length <= 25);
  });
});
