/**
 * The company list as a visitor sees it: every published company as a card (never a draft), the
 * filters of one GET form with a count by each option, the chosen filters as chips, the sort
 * orders, the county map linking to the list filtered to a municipality, a bad filter answered
 * 400 with the page saying what was wrong (never a 500); and where companies show elsewhere: the
 * header menu, the sitemap, a place page's companies section, the home page's featured companies.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import { addCompany, cardNames, companyData, ORG } from './public-fixture.ts';

/** The options of a select on the page: value → label. */
function options(body: string, name: string): Map<string, string> {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(body)?.[1] ?? '';
  return new Map(
    [...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [
      m[1] ?? '',
      m[2] ?? '',
    ]),
  );
}

describe('the company list', async () => {
  const { app, database } = await buildTestApp();
  const db = database.db;
  before(async () => {
    await addCompany(db, {
      slug: 'bergslagens-stal',
      orgNumber: ORG.steel,
      featured: true,
      publishedAt: new Date('2026-01-01T10:00:00Z'),
      data: companyData('Bergslagens Stål', {
        industries: ['24'],
        municipalities: ['2081', '2085'],
        badges: [
          { badge: 'relocation', text: { sv: 'Vi betalar flytten.', en: 'We pay for the move.' } },
          { badge: 'english', text: { sv: 'Engelska i verket.', en: 'English at the works.' } },
        ],
      }),
    });
    await addCompany(db, {
      slug: 'dala-energi',
      orgNumber: ORG.energy,
      publishedAt: new Date('2026-03-01T10:00:00Z'),
      data: companyData('Dala Energi', {
        industries: ['35'],
        municipalities: ['2080'],
        badges: [{ badge: 'partner', text: { sv: 'Jobb åt din partner.', en: 'Work for your partner.' } }],
      }),
    });
    await addCompany(db, {
      slug: 'mora-mjukvara',
      orgNumber: ORG.software,
      publishedAt: new Date('2026-02-01T10:00:00Z'),
      data: companyData('Mora Mjukvara', {
        industries: ['62'],
        municipalities: ['2062'],
        badges: [
          { badge: 'remote', text: { sv: 'Jobba hemifrån.', en: 'Work from home.' } },
          { badge: 'english', text: { sv: 'Vi talar engelska.', en: 'We speak English.' } },
        ],
      }),
    });
    await addCompany(db, {
      slug: 'hemlig',
      orgNumber: ORG.secret,
      draft: true,
      data: companyData('Hemliga Bolaget', { municipalities: ['2081'] }),
    });
    await loadAds(db, [
      makeAd({ id: 'steel-1', headline: 'Smältare', orgnr: ORG.steel, municipality: 'borlange' }),
      makeAd({ id: 'steel-2', headline: 'Valsare', orgnr: ORG.steel, municipality: 'borlange' }),
      makeAd({ id: 'steel-3', headline: 'Elektriker', orgnr: ORG.steel, municipality: 'ludvika' }),
      makeAd({ id: 'soft-1', headline: 'Utvecklare', orgnr: ORG.software, municipality: 'mora' }),
      makeAd({ id: 'other-1', headline: 'Sjuksköterska', orgnr: ORG.other }),
    ]);
  });

  it('lists every published company as a card with its facts, chips and open jobs; never a draft', async () => {
    const res = await app.inject('/sv/companies');
    assert.equal(res.statusCode, 200);
    const body = res.body;
    assert.match(body, /<h1>Företagen i Dalarna<\/h1>/);
    assert.match(body, /<h2 class="companies__count" id="companies-count">3 företag<\/h2>/);
    assert.deepEqual(cardNames(body), ['Bergslagens Stål', 'Dala Energi', 'Mora Mjukvara']);
    assert.doesNotMatch(body, /Hemliga Bolaget/);
    const steel = body.slice(body.indexOf('Bergslagens Stål</a>'), body.indexOf('Dala Energi</a>'));
    assert.match(body, /<a class="company-card__link" href="\/sv\/companies\/bergslagens-stal">/);
    assert.match(steel, /Stål- och metallframställning/);
    assert.match(steel, /Borlänge, Ludvika/);
    assert.match(steel, /<li class="company-chip company-chip--relocation">Hjälper med flytten<\/li>/);
    assert.match(steel, /<li class="company-chip company-chip--english">Engelska som arbetsspråk<\/li>/);
    assert.match(steel, /3 lediga jobb/);
    const energy = body.slice(body.indexOf('Dala Energi</a>'), body.indexOf('Mora Mjukvara</a>'));
    assert.match(energy, /Inga lediga jobb just nu/);
    const en = await app.inject('/en/companies');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<h1>Companies in Dalarna<\/h1>/);
    assert.match(en.body, />3 companies</);
    assert.match(en.body, /Helps you relocate/);
    assert.match(en.body, /3 open jobs/);
  });

  it('counts by each filter option what choosing it would show, the other filters applied', async () => {
    const all = (await app.inject('/sv/companies')).body;
    const industry = options(all, 'industry');
    assert.equal(industry.get(''), 'Alla');
    assert.equal(industry.get('C'), 'Tillverkning (1)');
    assert.equal(industry.get('D'), 'Försörjning av el, gas, värme och kyla (1)');
    assert.equal(industry.get('J'), 'Informations- och kommunikationsverksamhet (1)');
    assert.equal(industry.has('A'), false, 'an industry without companies is not offered');
    assert.equal(options(all, 'badge').get('english'), 'Engelska som arbetsspråk (2)');
    assert.match(all, /Bara företag med lediga jobb <span class="company-filters__count">\(2\)<\/span>/);

    const steel = await app.inject('/sv/companies?industry=C');
    assert.equal(steel.statusCode, 200);
    assert.deepEqual(cardNames(steel.body), ['Bergslagens Stål']);
    const places = options(steel.body, 'municipality');
    assert.equal(places.get('borlange'), 'Borlänge (1)');
    assert.equal(places.get('ludvika'), 'Ludvika (1)');
    assert.equal(places.has('falun'), false);
    // Its own filter's counts are without itself: the other industries stay on offer.
    assert.equal(options(steel.body, 'industry').get('D'), 'Försörjning av el, gas, värme och kyla (1)');
    assert.match(steel.body, /<option value="C" selected>Tillverkning \(1\)<\/option>/);
  });

  it('filters by badge, municipality and open jobs, and shows each chosen filter as a chip that takes itself off', async () => {
    assert.deepEqual(cardNames((await app.inject('/sv/companies?badge=english')).body), [
      'Bergslagens Stål',
      'Mora Mjukvara',
    ]);
    assert.deepEqual(cardNames((await app.inject('/sv/companies?municipality=falun')).body), ['Dala Energi']);
    const jobs = (await app.inject('/sv/companies?jobs=1&badge=english')).body;
    assert.deepEqual(cardNames(jobs), ['Bergslagens Stål', 'Mora Mjukvara']);
    assert.match(jobs, /<input type="checkbox" id="cf-jobs" name="jobs" value="1" checked>/);
    assert.match(
      jobs,
      /<a class="company-chosen__chip" href="\/sv\/companies\?jobs=1">Engelska som arbetsspråk/,
    );
    assert.match(
      jobs,
      /<a class="company-chosen__chip" href="\/sv\/companies\?badge=english">Bara företag med lediga jobb/,
    );
    assert.match(jobs, /<a class="company-chosen__clear" href="\/sv\/companies">Rensa filtren<\/a>/);
    const none = await app.inject('/sv/companies?municipality=vansbro');
    assert.equal(none.statusCode, 200);
    assert.match(none.body, />0 företag</);
    assert.match(none.body, /Inga företag matchar filtren/);
  });

  it('sorts by name, most open jobs or newest', async () => {
    const order = async (sort: string) => cardNames((await app.inject(`/sv/companies?sort=${sort}`)).body);
    assert.deepEqual(await order('name'), ['Bergslagens Stål', 'Dala Energi', 'Mora Mjukvara']);
    assert.deepEqual(await order('jobs'), ['Bergslagens Stål', 'Mora Mjukvara', 'Dala Energi']);
    assert.deepEqual(await order('newest'), ['Dala Energi', 'Mora Mjukvara', 'Bergslagens Stål']);
  });

  it('draws the county map: each municipality with companies a link to the list filtered to it', async () => {
    const body = (await app.inject('/sv/companies?badge=english')).body;
    assert.match(body, /<svg class="company-map__svg"[^>]*role="group"/);
    assert.match(
      body,
      /<a href="\/sv\/companies\?municipality=borlange&amp;badge=english" class="company-map__area[^"]*"><title>Borlänge: 1 företag<\/title>/,
    );
    assert.match(body, /<title>Mora: 1 företag<\/title>/);
    assert.doesNotMatch(body, /<title>Falun:/, 'Falun has no company offering English');
  });

  it('answers a filter it does not know with 400, saying what was wrong, and lists all companies', async () => {
    for (const [url, text] of [
      ['/sv/companies?industry=ZZ', 'Det finns ingen bransch som heter ”ZZ”'],
      ['/sv/companies?municipality=stockholm', 'Det finns ingen kommun ”stockholm” i Dalarna'],
      ['/sv/companies?badge=pool', 'Det finns inget erbjudande som heter ”pool”'],
      ['/sv/companies?sort=salary', 'Det går inte att sortera efter ”salary”'],
      ['/sv/companies?jobs=yes', 'Lediga jobb kan bara vara ”1”'],
      ['/sv/companies?industry=C&industry=D', 'Välj bara ett värde för ”Bransch”'],
    ] as const) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.ok(res.body.includes(text), `${url}: ${text}`);
      assert.match(res.body, /class="error-summary"/, url);
      assert.equal(cardNames(res.body).length, 3, url);
    }
    const en = await app.inject('/en/companies?industry=%3Cscript%3E');
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /There is no industry called “&lt;script&gt;”/);
    // Malformed query strings are the platform's 400, never a 500.
    for (const url of ['/sv/companies?industry=%00', '/sv/companies?sort=%E0%A4%A']) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 400, url);
    }
    // Parameters it does not know are ignored.
    assert.equal((await app.inject('/sv/companies?utm_source=news')).statusCode, 200);
  });

  it('is in the header menu and the footer, and in the sitemap in both languages', async () => {
    const home = (await app.inject('/sv/')).body;
    assert.match(home, /<a href="\/sv\/companies"[^>]*>Företag<\/a>/);
    const xml = (await app.inject('/sitemap.xml')).body;
    for (const path of ['/companies', '/companies/bergslagens-stal', '/companies/mora-mjukvara'])
      for (const lang of ['sv', 'en']) {
        const start = xml.indexOf(`<url><loc>http://localhost:3000/${lang}${path}</loc>`);
        assert.ok(start >= 0, `${lang}${path}`);
        const entry = xml.slice(start, xml.indexOf('</url>', start));
        assert.ok(
          entry.includes(
            `<xhtml:link rel="alternate" hreflang="en" href="http://localhost:3000/en${path}"/>`,
          ),
        );
      }
    assert.doesNotMatch(xml, /companies\/hemlig/);
  });

  it('a place page lists the companies working there, featured first, and links to them all', async () => {
    const borlange = (await app.inject('/sv/places/borlange')).body;
    assert.match(borlange, /<h2 id="place-companies">Företag i Borlänge<\/h2>/);
    assert.match(borlange, /<a href="\/sv\/companies\/bergslagens-stal">Bergslagens Stål<\/a>/);
    assert.match(borlange, /href="\/sv\/companies\?municipality=borlange">Alla företag i Borlänge<\/a>/);
    assert.doesNotMatch(borlange, /Hemliga Bolaget/);
    assert.match((await app.inject('/en/places/borlange')).body, /Companies in Borlänge/);
    // A municipality without companies has no such section (no empty heading).
    assert.doesNotMatch((await app.inject('/sv/places/vansbro')).body, /place-companies/);
  });

  it('the home page shows the featured companies, and only those', async () => {
    const home = (await app.inject('/sv/')).body;
    const section =
      /<section class="csection" aria-labelledby="home-companies-title">([\s\S]*?)<\/section>/.exec(
        home,
      )?.[1];
    assert.ok(section, 'the featured companies section');
    assert.match(section, /Arbetsgivare att lära känna/);
    assert.match(section, /href="\/sv\/companies\/bergslagens-stal">Bergslagens Stål<\/a>/);
    assert.doesNotMatch(section, /Dala Energi|Mora Mjukvara/);
    assert.match(section, /<a class="csection__more" href="\/sv\/companies">Alla företag<\/a>/);
  });
});
