import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';

const now = new Date();

const ADS = [
  makeAd({
    id: '9000001',
    headline: 'Förskollärare till Solstrålen',
    occupation: 'preschoolTeacher',
    municipality: 'falun',
    employer: 'Falu kommun',
    orgnr: '2120002627',
    publishedDaysAgo: 2,
  }),
  makeAd({
    id: '9000002',
    headline: 'Lärare i matematik åk 7-9',
    occupation: 'teacher',
    municipality: 'borlange',
    employer: 'Borlänge kommun',
    orgnr: '2120002650',
    publishedDaysAgo: 5,
    deadlineInDays: 3,
  }),
  makeAd({
    id: '9000003',
    headline: 'Sjuksköterska till akutmottagningen',
    occupation: 'nurse',
    municipality: 'falun',
    publishedDaysAgo: 1,
    text: '<p>Vi söker en <strong>sjuksköterska</strong> med erfarenhet av akutsjukvård.</p><script>alert(1)</script><p onclick="x()">Tjänsten utförs på plats.</p>',
  }),
  makeAd({
    id: '9000004',
    headline: 'Sjuksköterskor till vårdcentral i Mora',
    occupation: 'nurse',
    municipality: 'mora',
    publishedDaysAgo: 10,
  }),
  {
    ...makeAd({
      id: '9000005',
      headline: 'Backend developer to our Ludvika office',
      occupation: 'developer',
      municipality: 'ludvika',
      employer: 'Hitachi Energy Sweden AB',
      orgnr: '5560136474',
      publishedDaysAgo: 3,
      text: 'We are looking for a backend developer who enjoys working with power grids. You will work in an international team in English. Remote work is possible two days a week.',
    }),
    // Its own page is not on Platsbanken: the page here is the canonical one.
    webpage_url: 'https://careers.example.com/jobs/9000005',
  },
  makeAd({
    id: '9000006',
    headline: 'Undersköterska natt, ej sjuksköterska',
    occupation: 'nurse',
    municipality: 'borlange',
    publishedDaysAgo: 4,
  }),
  makeAd({
    id: '9000007',
    headline: 'Stängd tjänst: sjuksköterska',
    occupation: 'nurse',
    municipality: 'falun',
    publishedDaysAgo: 40,
    deadlineInDays: -2,
  }),
];

describe('job board', async () => {
  const { app, database } = await buildTestApp();
  await loadAds(database.db, ADS, now);

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });
  const api = async (query: string) => {
    const res = await get(`/api/v1/jobs${query}`);
    return {
      res,
      body: res.json() as Record<string, unknown> & { items: Array<Record<string, unknown>>; total: number },
    };
  };

  it('lists every open job of the region, newest first, with the count announced', async () => {
    const res = await get('/sv/jobs');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h2 id="results-title"[^>]*>6 jobb matchar din sökning\.<\/h2>/);
    const order = [...res.body.matchAll(/href="\/sv\/jobs\/(\d+)"/g)].map((m) => m[1]);
    assert.deepEqual(order.slice(0, 6), ['9000003', '9000001', '9000005', '9000006', '9000002', '9000004']);
    assert.ok(!res.body.includes('9000007'), 'an expired ad is not listed');
    assert.match(res.body, /<html lang="sv"/);
  });

  it('finds compounds: lärare also finds förskollärare', async () => {
    const { body } = await api('?q=l%C3%A4rare');
    const ids = body.items.map((i) => i.id).sort();
    assert.deepEqual(ids, ['9000001', '9000002']);
  });

  it('stems Swedish: sjuksköterskor finds sjuksköterska, and -exclude and "phrases" work', async () => {
    const plural = await api(`?q=${encodeURIComponent('sjuksköterskor')}`);
    assert.ok(plural.body.items.some((i) => i.id === '9000003'));
    const excluded = await api(`?q=${encodeURIComponent('sjuksköterska -mora')}`);
    assert.ok(!excluded.body.items.some((i) => i.id === '9000004'));
    assert.ok(excluded.body.items.some((i) => i.id === '9000003'));
    const phrase = await api(`?q=${encodeURIComponent('"till akutmottagningen"')}`);
    assert.deepEqual(
      phrase.body.items.map((i) => i.id),
      ['9000003'],
    );
  });

  it('finds Swedish ads from English words and English ads by English text', async () => {
    const nurse = await api('?q=nurse');
    assert.ok(nurse.body.items.some((i) => i.id === '9000003'));
    const grids = await api('?q=developers');
    assert.ok(grids.body.items.some((i) => i.id === '9000005'));
  });

  it('forgives missing å/ä/ö, reads a place in the text as its filter and corrects a typo that finds nothing', async () => {
    const folded = await api('?q=sjukskoterska');
    assert.ok(folded.body.items.some((i) => i.id === '9000003'));
    assert.equal(folded.body.suggestion, null);
    assert.equal(folded.body.corrected, null);

    const place = await api(`?q=${encodeURIComponent('sjuksköterska falun')}`);
    assert.deepEqual(place.body.places, [{ word: 'falun', municipality: '2080' }]);
    assert.deepEqual(
      place.body.items.map((i) => i.id),
      ['9000003'],
    );
    const literal = await api(`?q=${encodeURIComponent('sjuksköterska falun')}&literal=1`);
    assert.deepEqual(literal.body.places, []);
    const borlange = await api('?q=Borlange');
    assert.ok(borlange.body.total > 0);
    assert.ok(borlange.body.items.every((i) => (i.municipality as { code: string }).code === '2081'));

    const typo = await api('?q=sjuksk%C3%B6terka');
    assert.deepEqual(typo.body.corrected, { typed: 'sjuksköterka', searched: 'sjuksköterska' });
    assert.ok(typo.body.items.some((i) => i.id === '9000003'));
    const asTyped = await api('?q=sjuksk%C3%B6terka&literal=1');
    assert.equal(asTyped.body.total, 0);
    assert.equal(asTyped.body.suggestion, 'sjuksköterska');
  });

  it('filters by several municipalities and counts each facet without its own filter', async () => {
    const { body } = await api('?municipality=2080&municipality=2062');
    assert.deepEqual(body.items.map((i) => i.id).sort(), ['9000001', '9000003', '9000004']);
    const facets = body.facets as Record<string, Array<{ value: string; count: number; selected: boolean }>>;
    const mu = Object.fromEntries((facets.municipality ?? []).map((o) => [o.value, o]));
    assert.equal(mu['2080']?.count, 2);
    assert.equal(mu['2081']?.count, 2, 'Borlänge still shows its count while Falun and Mora are chosen');
    assert.equal(mu['2080']?.selected, true);
    const fields = Object.fromEntries((facets.occupation_field ?? []).map((o) => [o.value, o.count]));
    assert.equal(fields.NYW6_mP6_vwf, 2, 'fields are counted within the chosen municipalities');
  });

  it('filters by occupation field, remote, employer and published within', async () => {
    const field = await api('?occupation_field=MVqp_eS8_kDZ');
    assert.equal(field.body.total, 2);
    const remote = await api('?remote=true');
    assert.deepEqual(
      remote.body.items.map((i) => i.id),
      ['9000005'],
    );
    const employer = await api('?employer=2120002627');
    assert.deepEqual(
      employer.body.items.map((i) => i.id),
      ['9000001'],
    );
    const recent = await api('?published=7');
    assert.deepEqual(recent.body.items.map((i) => i.id).sort(), [
      '9000001',
      '9000002',
      '9000003',
      '9000005',
      '9000006',
    ]);
  });

  it('sorts by deadline and pages stably', async () => {
    const { body } = await api('?sort=deadline&limit=2');
    assert.equal(body.items[0]?.id, '9000002');
    const all = await api('?sort=newest&limit=100');
    const pages = [];
    for (let offset = 0; offset < 6; offset += 2)
      pages.push(...(await api(`?sort=newest&limit=2&offset=${offset}`)).body.items);
    assert.deepEqual(
      pages.map((i) => i.id),
      all.body.items.map((i) => i.id),
    );
  });

  it('answers the API with the documented fields and names a bad parameter in a 400', async () => {
    const { res, body } = await api('?q=förskollärare');
    assert.equal(res.statusCode, 200);
    const item = body.items[0] as Record<string, unknown> & {
      employer: { name: string };
      municipality: { code: string; name: string };
    };
    assert.equal(item.id, '9000001');
    assert.equal(item.employer.name, 'Falu kommun');
    assert.deepEqual(item.municipality, { code: '2080', name: 'Falun' });
    assert.match(String(item.url), /^http:\/\/[^/]+\/(sv|en)\/jobs\/9000001$/);
    assert.ok(typeof item.published_at === 'string');
    for (const bad of [
      '?municipality=9999',
      '?sort=random',
      '?limit=1000',
      '?occupation_field=nope',
      '?colour=blue',
    ]) {
      const r = await get(`/api/v1/jobs${bad}`);
      assert.equal(r.statusCode, 400, bad);
      const fields = (r.json() as { error: { fields: Record<string, string> } }).error.fields;
      const param = bad.slice(1).split('=')[0] as string;
      assert.ok(fields[param], `${bad} names ${param}`);
    }
  });

  it('shows a job with its facts and how to apply, but no contact persons', async () => {
    const res = await get('/sv/jobs/9000003');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 id="job-title">Sjuksköterska till akutmottagningen<\/h1>/);
    assert.match(res.body, /href="https:\/\/jobb\.example\.se\/ansok\/9000003"/);
    assert.ok(!res.body.includes('Kontaktperson 1') && !res.body.includes('010-000 00 00'));
    assert.ok(
      !res.body.includes('<script>alert') && !res.body.includes('onclick'),
      'the description is sanitised',
    );
    assert.match(res.body, /<strong>sjuksköterska<\/strong>/);
    assert.match(
      res.body,
      /<link rel="canonical" href="https:\/\/arbetsformedlingen\.se\/platsbanken\/annonser\/9000003">/,
    );
    assert.ok(!res.body.includes('application/ld+json'), 'no JobPosting where Platsbanken is canonical');
    assert.ok(
      res.body.includes('href="/sv/jobs/9000006"') || res.body.includes('href="/sv/jobs/9000004"'),
      'similar jobs',
    );
  });

  it('marks up a job whose page here is the canonical one as JobPosting', async () => {
    const res = await get('/sv/jobs/9000005');
    assert.match(res.body, /<link rel="canonical" href="http:\/\/localhost:3000\/sv\/jobs\/9000005">/);
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(res.body)?.[1];
    assert.ok(json);
    const posting = JSON.parse(json) as Record<string, unknown> & {
      hiringOrganization: { name: string };
      jobLocation: { address: { addressLocality: string } };
    };
    assert.equal(posting['@type'], 'JobPosting');
    for (const key of [
      'title',
      'description',
      'datePosted',
      'validThrough',
      'hiringOrganization',
      'jobLocation',
      'identifier',
    ])
      assert.ok(posting[key], key);
    assert.equal(posting.hiringOrganization.name, 'Hitachi Energy Sweden AB');
    assert.equal(posting.jobLocation.address.addressLocality, 'Ludvika');
    assert.equal(posting.employmentType, 'FULL_TIME');
  });

  it('answers 410 for a closed job, with similar open jobs and no JobPosting', async () => {
    const res = await get('/en/jobs/9000007');
    assert.equal(res.statusCode, 410);
    assert.match(res.body, /This job is no longer open/);
    assert.ok(!res.body.includes('application/ld+json'));
    assert.match(res.body, /href="\/en\/jobs\/900000[346]"/);
    const apiRes = await get('/api/v1/jobs/9000007');
    assert.equal(apiRes.statusCode, 410);
    assert.equal((await get('/sv/jobs/1234')).statusCode, 404);
    assert.equal((await get('/sv/jobs/%3Cscript%3E')).statusCode, 404);
  });

  it('lists open jobs canonical here in the sitemap and follows a search in RSS', async () => {
    const sitemap = await get('/sitemap.xml');
    assert.match(sitemap.body, /\/sv\/jobs\/9000005<\/loc>/);
    assert.ok(!sitemap.body.includes('9000003'), 'canonical on Platsbanken');
    assert.ok(!sitemap.body.includes('9000007'), 'closed');
    const rss = await get('/en/jobs.rss?municipality=2080');
    assert.equal(rss.statusCode, 200);
    assert.match(String(rss.headers['content-type']), /application\/rss\+xml/);
    const links = [...rss.body.matchAll(/<link>[^<]*\/en\/jobs\/(\d+)<\/link>/g)].map((m) => m[1]);
    assert.deepEqual(links, ['9000003', '9000001']);
  });

  it('documents the API in OpenAPI', async () => {
    const spec = (await get('/api/openapi.json')).json() as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    assert.equal(spec.openapi, '3.1.0');
    assert.ok(spec.paths['/api/v1/jobs'] && spec.paths['/api/v1/jobs/{id}']);
    const docs = await get('/api/docs', { 'accept-language': 'en' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /<code>GET \/api\/v1\/jobs<\/code>/);
  });

  it('keeps a bookmarked page with stale values working and never answers 500 to odd input', async () => {
    for (const url of [
      '/sv/jobs?municipality=9999&page=abc',
      '/sv/jobs?q=' + encodeURIComponent('"""--OR OR -'),
      '/sv/jobs?q=' + 'x'.repeat(500),
      '/sv/jobs?page=99999',
      '/sv/jobs?q=%27%3B+DROP+TABLE+job_ads%3B--',
      '/sv/jobs?q=och',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
    }
  });

  it('drops cached pages when ingestion changes the ads', async () => {
    const before = await get('/sv/jobs?q=brandman');
    assert.match(before.body, /Inga jobb matchar/);
    await loadAds(
      database.db,
      [makeAd({ id: '9000008', headline: 'Brandman i Falun', municipality: 'falun' })],
      now,
    );
    // The NOTIFY reaches the app's listener asynchronously.
    let after = '';
    for (let i = 0; i < 50 && !after.includes('9000008'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      after = (await get('/sv/jobs?q=brandman')).body;
    }
    assert.match(after, /href="\/sv\/jobs\/9000008\?q=brandman"/);

    // The search follows the ad when it changes and when it closes.
    const until = async (
      url: string,
      done: (body: { total: number; items: Array<Record<string, unknown>> }) => boolean,
    ) => {
      let body = (await api(url)).body;
      for (let i = 0; i < 50 && !done(body); i++) {
        await new Promise((r) => setTimeout(r, 20));
        body = (await api(url)).body;
      }
      return body;
    };
    const later = Date.now() + 60_000;
    await loadAds(
      database.db,
      [
        makeAd({
          id: '9000008',
          headline: 'Räddningsledare i Falun',
          municipality: 'falun',
          timestamp: later,
        }),
      ],
      now,
    );
    const renamed = await until('?q=r%C3%A4ddningsledare', (b) => b.total === 1);
    assert.deepEqual(
      renamed.items.map((i) => i.id),
      ['9000008'],
    );
    assert.equal((await until('?q=brandman', (b) => b.total === 0)).total, 0);
    await loadAds(
      database.db,
      [
        {
          ...makeAd({ id: '9000008', headline: 'Räddningsledare i Falun', timestamp: later + 1 }),
          removed: true,
        },
      ],
      now,
    );
    assert.equal((await until('?q=r%C3%A4ddningsledare', (b) => b.total === 0)).total, 0);
  });
});
