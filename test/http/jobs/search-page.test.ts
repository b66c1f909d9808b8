/**
 * The search page and the job page as a person sees them: the "Filtrera (3)" button, the way back
 * from a job to the exact search, a note for a filter value the page does not know, counts in the
 * language's plural, a page title that names the employer once, job facts in natural English, and
 * what the search did with the text (a correction, a place), the jobs-in-English filter and the
 * employers' "Visa alla".
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PageContext, Site } from '../../../src/platform/html/layout.ts';
import { EMPTY_QUERY, type JobQuery } from '../../../src/modules/jobs/query.ts';
import { searchJobs, type FacetOption } from '../../../src/modules/jobs/search/index.ts';
import { searchPage } from '../../../src/modules/jobs/views.ts';
import { loadRegions } from '../../../src/modules/regions/repository.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { loadAds, makeAd, textOf } from '../../helpers/jobs.ts';

const now = new Date();
const FALUN = '2080';
const MORA = '2062';
const FULL_TIME = '6YE1_gAC_R2G';
const PART_TIME = { concept_id: '947z_JGS_Uk2', label: 'Deltid' };

// 23 nurse ads in Falun (two pages), each with its own employer (the employer facet's "Visa alla"),
// one ad in Mora (the map's "1 job"), one whose headline names its employer, one part-time.
const NURSES = Array.from({ length: 23 }, (_, i) =>
  makeAd(
    {
      id: `9300${String(i + 1).padStart(3, '0')}`,
      headline: `Sjuksköterska nummer ${i + 1}`,
      occupation: 'nurse',
      municipality: 'falun',
      employer: `Vårdbolag ${String.fromCharCode(65 + i)} AB`,
      orgnr: null,
      publishedDaysAgo: 1 + (i % 5),
    },
    now,
  ),
);
const ADS = [
  ...NURSES,
  makeAd({ id: '9300101', headline: 'Lärare i Mora', occupation: 'teacher', municipality: 'mora' }, now),
  makeAd(
    {
      id: '9300102',
      headline: 'Anläggare till Mark & Väg Entreprenad AB',
      occupation: 'teacher',
      municipality: 'borlange',
      employer: 'Mark & Väg Entreprenad AB',
    },
    now,
  ),
  {
    ...makeAd({ id: '9300103', headline: 'Förskollärare halvtid', occupation: 'preschoolTeacher' }, now),
    working_hours_type: PART_TIME,
    scope_of_work: { min: 50, max: 50 },
  },
];

const resultLinks = (body: string) =>
  [...body.matchAll(/<h3 class="job-card__title"><a href="([^"]*)"/g)].map((m) =>
    m[1]!.replace(/&amp;/g, '&'),
  );

describe('search page and job page', async () => {
  const { app, database } = await buildTestApp();
  await loadAds(database.db, ADS, now);
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

  it('puts the filters behind a "Filtrera (3)" disclosure that counts the filters on', async () => {
    const three = await get(
      `/sv/jobs?q=sjuksk%C3%B6terska&municipality=${FALUN}&worktime=${FULL_TIME}&published=7`,
    );
    assert.equal(three.statusCode, 200);
    assert.match(
      three.body,
      /<details class="job-filters" id="job-filters">/,
      'closed: the results come first',
    );
    assert.equal(textOf(three.body, 'job-filters__toggle'), 'Filtrera (3)', 'the text is not a filter');
    const none = await get('/sv/jobs');
    assert.equal(textOf(none.body, 'job-filters__toggle'), 'Filtrera');
    const en = await get(`/en/jobs?municipality=${FALUN}&municipality=${MORA}`);
    assert.equal(textOf(en.body, 'job-filters__toggle'), 'Filter (2)');
    // The filters are inside the disclosure, and the results after it.
    const body = three.body;
    assert.ok(body.indexOf('id="job-filters"') < body.indexOf('name="municipality"'));
    assert.ok(body.indexOf('name="municipality"') < body.indexOf('id="job-results"'));
  });

  it('a result leads to its job and "Tillbaka till sökningen" back to the exact search, page included', async () => {
    const search = `/sv/jobs?q=sjuksk%C3%B6terska&municipality=${FALUN}&sort=newest&page=2`;
    const page2 = await get(search);
    const links = resultLinks(page2.body);
    assert.equal(links.length, 3, 'page 2 of 23');
    const link = links[0]!;
    const [path, state] = link.split('?');
    assert.match(path!, /^\/sv\/jobs\/9300\d{3}$/);
    assert.equal(`?${state}`, search.slice('/sv/jobs'.length), 'the link carries the search');

    const job = await get(link);
    assert.equal(job.statusCode, 200);
    const back = /<p class="job-page__back"><a href="([^"]*)">([^<]*)<\/a>/.exec(job.body);
    assert.equal(back?.[2], 'Tillbaka till sökningen');
    assert.equal(back?.[1]?.replace(/&amp;/g, '&'), search);
    const english = /<link rel="alternate" hreflang="en" href="([^"]*)">/.exec(job.body)?.[1];
    assert.equal(english, `http://localhost:3000${path!.replace('/sv/', '/en/')}`, 'no search in its URLs');
    assert.doesNotMatch(/<link rel="canonical" href="([^"]*)">/.exec(job.body)?.[1] ?? '', /\?/);
    const similar = resultLinks(job.body);
    assert.ok(similar.length > 0 && similar.every((href) => href.endsWith(`?${state}`)), 'similar jobs too');

    const again = await get(back![1]!.replace(/&amp;/g, '&'));
    assert.ok(resultLinks(again.body).includes(link), 'the same page of the same search');

    const plain = await get(path!);
    assert.match(plain.body, /<p class="job-page__back"><a href="\/sv\/jobs">Tillbaka till alla jobb<\/a>/);
  });

  it('only parsed parameters reach the back link: odd values are dropped or escaped', async () => {
    const hostile =
      '/sv/jobs/9300001?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E&municipality=9999&municipality=' +
      `${FALUN}&sort=javascript:alert(1)&page=-3&next=https%3A%2F%2Fevil.example`;
    const job = await get(hostile);
    assert.equal(job.statusCode, 200);
    const href = /<p class="job-page__back"><a href="([^"]*)">/.exec(job.body)?.[1];
    assert.ok(href);
    const url = new URL(href.replace(/&amp;/g, '&'), 'http://localhost');
    assert.equal(url.pathname, '/sv/jobs');
    assert.deepEqual([...url.searchParams.keys()], ['q', 'municipality']);
    assert.equal(url.searchParams.get('q'), '"><script>alert(1)</script>');
    assert.deepEqual(url.searchParams.getAll('municipality'), [FALUN]);
    assert.doesNotMatch(job.body, /<script>alert/);
    assert.doesNotMatch(job.body, /evil\.example/);
  });

  it('says so when a filter value in the address was not recognised, and the API still answers 400', async () => {
    const note = 'Ett filter i adressen kändes inte igen och har tagits bort.';
    const bad = await get(`/sv/jobs?municipality=${FALUN}&municipality=9999`);
    assert.equal(bad.statusCode, 200);
    assert.ok(bad.body.includes(note));
    assert.equal(textOf(bad.body, 'job-filters__toggle'), 'Filtrera (1)', 'the known value stays');
    const good = await get(`/sv/jobs?municipality=${FALUN}`);
    assert.ok(!good.body.includes(note), 'the clean search (same cache entry otherwise) has no note');
    const en = await get('/en/jobs?worktime=nope');
    assert.ok(en.body.includes('A filter in the address was not recognised and has been removed.'));
    const api = await get('/api/v1/jobs?municipality=9999');
    assert.equal(api.statusCode, 400);
    assert.match(api.body, /municipality/);
  });

  it('counts in the language’s plural: "1 job", "2 jobs"', async () => {
    const en = await get('/en/jobs');
    assert.match(en.body, /<title>Mora: 1 job<\/title>/);
    assert.match(en.body, /<title>Falun: 2\d jobs<\/title>/);
    assert.doesNotMatch(en.body, /: 1 jobs</);
    const one = await get(`/en/jobs?municipality=${MORA}`);
    assert.match(one.body, /1 job matches your search\./);
    const sv = await get('/sv/jobs');
    assert.match(sv.body, /<title>Mora: 1 jobb<\/title>/);
  });

  it('names the employer once in the title of a job whose headline already names it', async () => {
    const named = await get('/sv/jobs/9300102');
    const title = /<title>([^<]*)<\/title>/.exec(named.body)?.[1] ?? '';
    assert.equal(title.split('Mark &amp; Väg Entreprenad AB').length - 1, 1, title);
    assert.match(title, /^Anläggare till Mark &amp; Väg Entreprenad AB – /);
    const other = await get('/sv/jobs/9300001');
    assert.match(other.body, /<title>Sjuksköterska nummer 1 – Vårdbolag A AB – /);
  });

  it('writes the job facts in natural English', async () => {
    const fact = (body: string, term: string) =>
      new RegExp(`<dt>${term}</dt><dd>([^<]*)`).exec(body)?.[1]?.trim();
    const full = await get('/en/jobs/9300001');
    assert.equal(fact(full.body, 'Length of employment'), 'Permanent, with no end date');
    assert.equal(fact(full.body, 'Working hours'), 'Full-time');
    assert.equal(fact(full.body, 'Workload'), undefined, '100 % of a full-time job is not said twice');
    assert.doesNotMatch(full.body, /<dt>(Extent|Duration)<\/dt>|Until further notice|100 %/);
    const part = await get('/en/jobs/9300103');
    assert.equal(fact(part.body, 'Workload'), '50 % of full-time');
    const sv = await get('/sv/jobs/9300103');
    assert.equal(fact(sv.body, 'Omfattning'), '50 %');
    assert.equal(fact(sv.body, 'Varaktighet'), 'Tills vidare');
  });

  it('shows the top ten employers and the rest under "Visa alla (N)"', async () => {
    const res = await get('/sv/jobs?q=sjuksk%C3%B6terska');
    const fieldset =
      /<fieldset class="facet"[^>]*>\s*<legend class="facet__legend">Arbetsgivare[\s\S]*?<\/fieldset>/.exec(
        res.body,
      )?.[0];
    assert.ok(fieldset, 'the employer facet');
    const [top, rest = ''] = fieldset.split('<details class="facet__more">');
    assert.equal([...top!.matchAll(/name="employer"/g)].length, 10);
    assert.match(rest, /<summary>Visa alla \((\d+)\)<\/summary>/);
    const all = Number(/Visa alla \((\d+)\)/.exec(rest)?.[1]);
    assert.equal(10 + [...rest.matchAll(/name="employer"/g)].length, all);
  });

  /** The search page of a real search with what the engine reports in issue 11 added. */
  const region = (await loadRegions(database.db)).find((r) => r.id === 'dalarna')!;
  const query: JobQuery = { ...EMPTY_QUERY, q: 'sjukskoterska falun', language: [] };
  const render = async (lang: 'sv' | 'en', employers?: FacetOption[]) => {
    const result = await searchJobs(database.db, region, { ...query, q: 'sjuksköterska' }, lang);
    const ctx: PageContext = { lang, region, origin: 'http://localhost', site: {} as Site };
    const language = [{ value: 'en', label: 'en', count: 4, selected: false }];
    const extra = {
      corrected: { typed: 'sjukskoterska falun', searched: 'sjuksköterska' },
      places: [{ word: 'falun', code: FALUN }],
      facets: { ...result.facets, language, employer: employers ?? result.facets.employer },
      items: result.items.map((item, i) => ({
        ...item,
        lang: i === 0 ? ('en' as const) : ('sv' as const),
      })),
    };
    const page = searchPage(ctx, {
      query,
      result: { ...result, ...extra },
      map: null,
      feedPath: '/jobs.rss',
    });
    return String(page.main);
  };
  it('lists at most 250 employers: past that "Visa fler (250 av N)" and a hint to search by name', async () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      value: `arbetsgivare-${i}`,
      label: `Arbetsgivare ${i} AB`,
      count: 500 - i,
      selected: false,
    }));
    const sv = await render('sv', many);
    assert.equal([...sv.matchAll(/name="employer"/g)].length, 250);
    assert.match(sv, /<summary>Visa fler \(250 av 400\)<\/summary>/);
    assert.ok(sv.includes('Övriga arbetsgivare hittar du genom att söka på namnet.'));
    const few = await render('en', many.slice(0, 30));
    assert.equal([...few.matchAll(/name="employer"/g)].length, 30);
    assert.match(few, /<summary>Show all \(30\)<\/summary>/);
  });

  it('renders a correction, a place read from the text, the English filter and the card marker', async () => {
    const sv = await render('sv');
    assert.equal(
      textOf(sv, 'job-results__suggestion'),
      'Visar resultat för sjuksköterska — sök i stället efter ”sjukskoterska falun”',
    );
    const literal = /job-results__suggestion">[\s\S]*?<a href="([^"]*)"/
      .exec(sv)?.[1]
      ?.replace(/&amp;/g, '&');
    assert.equal(literal, '/sv/jobs?q=sjukskoterska+falun&literal=1');
    assert.equal(
      textOf(sv, 'job-results__places'),
      'Visar jobb i Falun. Sök i stället på ordet ”falun” i texten',
    );
    assert.match(
      sv,
      /<input type="checkbox" id="f-la-en" name="language" value="en"[^>]*\/>\s*<label for="f-la-en">Annonser på engelska <span class="facet__count">\(4\)<\/span>/,
    );
    assert.equal([...sv.matchAll(/<span class="tag">På engelska<\/span>/g)].length, 1);
    const en = await render('en');
    assert.equal(
      textOf(en, 'job-results__suggestion'),
      'Showing results for sjuksköterska — search for “sjukskoterska falun” instead',
    );
    assert.equal(
      textOf(en, 'job-results__places'),
      'Showing jobs in Falun. Search for “falun” as a word in the text instead',
    );
    assert.match(en, /Jobs in English <span class="facet__count">\(4\)<\/span>/);
    assert.match(en, /<span class="tag">In English<\/span>/);
    assert.doesNotMatch(en, /Did you mean/, 'a correction replaces "did you mean"');
  });
});
