/**
 * What search engines see of the job board: the sitemap lists only pages that are canonical here
 * (no demo ads, no ads mirrored from Platsbanken) and becomes an index of numbered files past its
 * URL limit (a small limit here); JobPosting only where the page is canonical, with baseSalary and
 * the employer's logo when the ad has them; demo ads are noindex.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sitemapJobs } from '../../../src/modules/jobs/repository.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';

const now = new Date();
const LOGO = 'https://arbetsformedlingen.se/rest/agas/api/v1/organisation/2321000032/logotyper/logo.png';

function ad(id: string, publishedDaysAgo: number, fields: Record<string, unknown> = {}) {
  return { ...makeAd({ id, headline: `Sjuksköterska ${id}`, publishedDaysAgo }, now), ...fields };
}

const ADS = [
  // Canonical here: no webpage_url; a salary with a sum and a logo.
  ad('9300001', 1, {
    webpage_url: null,
    logo_url: LOGO,
    salary_description: 'Månadslön 30 000 – 35 000 kr',
  }),
  // Canonical here: its page names a host that is not a known job source; no sum, logo over http.
  ad('9300002', 2, {
    webpage_url: 'https://jobb.example.se/9300002',
    logo_url: 'http://example.com/logo.png',
    salary_description: 'Enligt avtal',
  }),
  // Mirrored from Platsbanken: canonical there.
  ad('9300003', 3, { salary_description: '150 kr i timmen', logo_url: LOGO }),
  ad('9300004', 4, { webpage_url: 'https://www.arbetsformedlingen.se/platsbanken/annonser/9300004' }),
  // A generated demo ad.
  ad('9300005', 5, { webpage_url: null, lotsa_generated: true }),
  // Closed.
  ad('9300006', 40, { webpage_url: null, application_deadline: null, last_publication_date: null }),
  // More canonical ones, for the index.
  ...['9300007', '9300008', '9300009'].map((id, i) => ad(id, 6 + i, { webpage_url: null })),
];

const jsonLdOf = (body: string) => {
  const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(body)?.[1];
  return json ? (JSON.parse(json) as Record<string, unknown>) : undefined;
};
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1] as string);

describe('job board for search engines', async () => {
  // 6 URLs a file: three entries of two languages each.
  const { app, database } = await buildTestApp({}, undefined, { sitemapUrlLimit: 6 });
  await loadAds(database.db, ADS, now);
  await database.db
    .updateTable('job_ads')
    .set({ status: 'closed', closed_reason: 'expired', closed_at: now })
    .where('id', '=', '9300006')
    .execute();
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('marks up a job canonical here as JobPosting, with baseSalary and the logo', async () => {
    const res = await get('/sv/jobs/9300001');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<link rel="canonical" href="http:\/\/localhost:3000\/sv\/jobs\/9300001">/);
    assert.doesNotMatch(res.body, /name="robots"/);
    const posting = jsonLdOf(res.body) as {
      '@type': string;
      url: string;
      hiringOrganization: { logo?: string };
      baseSalary?: unknown;
    };
    assert.equal(posting['@type'], 'JobPosting');
    assert.equal(posting.url, 'http://localhost:3000/sv/jobs/9300001');
    assert.equal(posting.hiringOrganization.logo, LOGO);
    assert.deepEqual(posting.baseSalary, {
      '@type': 'MonetaryAmount',
      currency: 'SEK',
      value: { '@type': 'QuantitativeValue', minValue: 30000, maxValue: 35000, unitText: 'MONTH' },
    });
    // The logo is only data for search engines: the page itself does not load it.
    assert.doesNotMatch(res.body, /<img[^>]+arbetsformedlingen\.se/);
  });

  it('leaves out baseSalary without a sum, and a logo that is not https', async () => {
    const posting = jsonLdOf((await get('/en/jobs/9300002')).body) as {
      hiringOrganization: Record<string, unknown>;
    };
    assert.ok(posting);
    assert.ok(!('baseSalary' in posting));
    assert.ok(!('logo' in posting.hiringOrganization));
  });

  it('gives no JobPosting on a page whose canonical page is on Platsbanken', async () => {
    for (const id of ['9300003', '9300004']) {
      const res = await get(`/sv/jobs/${id}`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<link rel="canonical" href="https:\/\/(www\.)?arbetsformedlingen\.se\//);
      assert.equal(jsonLdOf(res.body), undefined, id);
    }
  });

  it('keeps demo ads out of search engines: noindex, X-Robots-Tag, no JobPosting', async () => {
    const res = await get('/sv/jobs/9300005');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<meta name="robots" content="noindex">/);
    assert.equal(res.headers['x-robots-tag'], 'noindex');
    assert.equal(jsonLdOf(res.body), undefined);
    const real = await get('/sv/jobs/9300001');
    assert.equal(real.headers['x-robots-tag'], undefined);
  });

  it('splits the sitemap into numbered files under an index past its URL limit', async () => {
    const root = await get('/sitemap.xml');
    assert.equal(root.statusCode, 200);
    assert.match(String(root.headers['content-type']), /application\/xml/);
    assert.match(root.body, /<sitemapindex xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
    const files = locs(root.body);
    // Own pages: /, /accessibility, /privacy (two languages each) and /lattlast; the job board and
    // 5 jobs; the company list; the content lists (/move, guides, stories, paths, places) and the six
    // paths; 3 a file.
    assert.deepEqual(
      files,
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `http://localhost:3000/sitemap-${n}.xml`),
    );
    const urls: string[] = [];
    for (const file of files) {
      const res = await get(new URL(file).pathname);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /application\/xml/);
      assert.match(res.body, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<urlset /);
      assert.ok(locs(res.body).length <= 6, `${file} has at most 6 URLs`);
      urls.push(...locs(res.body));
    }
    assert.equal(new Set(urls).size, urls.length, 'no URL twice');
    const jobs = urls.filter((u) => u.includes('/sv/jobs/')).map((u) => u.split('/').pop());
    assert.deepEqual(jobs, ['9300001', '9300002', '9300007', '9300008', '9300009']);
    for (const u of [
      '/sv/',
      '/en/',
      '/en/privacy',
      '/sv/lattlast',
      '/sv/jobs',
      '/en/jobs/9300001',
      '/sv/places',
      '/en/move',
      '/en/paths/international',
      '/sv/companies',
    ])
      assert.ok(urls.includes(`http://localhost:3000${u}`), u);
    for (const n of ['0', '9', 'x', '01']) assert.equal((await get(`/sitemap-${n}.xml`)).statusCode, 404, n);
  });

  it('reads the sitemap jobs a batch at a time without losing or repeating any', async () => {
    const read = async (offset: number, limit: number, batch: number) => {
      const ids: string[] = [];
      for await (const job of sitemapJobs(database.db, 'dalarna', offset, limit, batch)) ids.push(job.id);
      return ids;
    };
    const all = await read(0, 100, 100);
    assert.deepEqual(all, ['9300001', '9300002', '9300007', '9300008', '9300009']);
    assert.deepEqual(await read(0, 100, 2), all);
    assert.deepEqual(await read(1, 3, 2), all.slice(1, 4));
  });
});
