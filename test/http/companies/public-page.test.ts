/**
 * A company's page as a visitor sees it, in both languages: the hero (logo, name, photo with its
 * credit), each badge with the company's own text, who they are and what they mean for the world,
 * photographs with credits and the film (a stored address that is not a web address is no link),
 * the people who work there (their stories), career paths with the occupations, facts, the
 * municipalities, "Vi kommer att behöva", every open job of its organisationsnummer (and only
 * those) linked through the counting route; Organization JSON-LD and the og:image; the site's 404
 * page for what is not published; the views and clicks counted without cookies.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { mediaLimits } from '../../../src/modules/content/media/module.ts';
import { importDemoPhotos } from '../../../src/modules/content/media/demo.ts';
import { storageFor } from '../../../src/platform/storage/index.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import { publishItem } from '../../helpers/published-content.ts';
import { addCompany, companyData, importLogo, jsonLd, ORG, para, R, statsToday } from './public-fixture.ts';

const PHOTO = 'office-team-workshop';

describe('a company page', async () => {
  const { app, database, config } = await buildTestApp();
  const db = database.db;
  let steelId = '';
  let unpublishedId = '';
  before(async () => {
    await importLogo(db, config);
    await importDemoPhotos(db, storageFor(config), R, mediaLimits(config), undefined, [PHOTO]);
    await publishItem(db, R, {
      kind: 'story',
      slug: 'anna-smaltare',
      title: { sv: 'Anna blev smältare', en: 'Anna became a smelter' },
      summary: { sv: 'Från Göteborg till verket.', en: 'From Gothenburg to the works.' },
    });
    steelId = await addCompany(db, {
      slug: 'bergslagens-stal',
      orgNumber: ORG.steel,
      data: companyData('Bergslagens Stål', {
        summary: { sv: 'Stål för världens vindkraft.', en: 'Steel for the world’s wind power.' },
        about: {
          sv: para('Vi har gjort stål i Borlänge sedan 1878.'),
          en: para('We have made steel in Borlänge since 1878.'),
        },
        impact: {
          sv: para('Vårt stål finns i varannan vindturbin.'),
          en: para('Our steel is in every other wind turbine.'),
        },
        industries: ['24'],
        municipalities: ['2081', '2085'],
        logo: 'logo-test',
        photos: [PHOTO],
        filmUrl: 'https://video.example/bergslagen',
        website: 'https://bergslagen.example',
        sameAs: [
          'https://www.linkedin.com/company/bergslagen',
          'http://insecure.example',
          'javascript:alert(1)',
        ],
        facts: {
          employees: 850,
          sites: { sv: 'Borlänge (verket)', en: 'Borlänge (the works)' },
          languages: ['sv', 'en'],
        },
        badges: [
          {
            badge: 'relocation',
            text: { sv: 'Vi betalar flytten upp till 30 000 kr.', en: 'We pay the move up to SEK 30,000.' },
          },
          {
            badge: 'partner',
            text: { sv: 'Din partner får en egen jobbcoach.', en: 'Your partner gets a job coach.' },
          },
        ],
        careerPaths: [
          {
            title: { sv: 'Från operatör till produktionschef', en: 'From operator to production manager' },
            steps: [
              {
                occupationId: 'eU1q_zvL_9Rf',
                title: { sv: 'Operatör', en: 'Operator' },
                text: { sv: 'Du börjar med en handledare.', en: 'You start with a mentor.' },
              },
              {
                occupationId: 'bXNH_MNX_dUR',
                title: { sv: 'Skiftledare', en: 'Shift leader' },
                text: { sv: 'Efter två år.', en: 'After two years.' },
              },
            ],
          },
        ],
        stories: ['anna-smaltare', 'finns-inte'],
      }),
    });
    await db
      .insertInto('company_competence_needs')
      .values([
        { region_id: R, company_id: steelId, occupation_id: 'eU1q_zvL_9Rf', people: 40 },
        { region_id: R, company_id: steelId, occupation_id: 'bXNH_MNX_dUR', people: 1 },
      ])
      .execute();
    // A stored film address that is not a web address stays text (it came from a form once).
    await addCompany(db, {
      slug: 'dala-energi',
      orgNumber: ORG.energy,
      demo: true,
      data: companyData('Dala Energi', { filmUrl: 'javascript:alert(1)' }),
    });
    unpublishedId = await addCompany(db, {
      slug: 'hemlig',
      orgNumber: ORG.secret,
      draft: true,
      data: companyData('Hemliga Bolaget'),
    });
    await loadAds(db, [
      makeAd({
        id: 'steel-old',
        headline: 'Valsare',
        orgnr: ORG.steel,
        publishedDaysAgo: 5,
        municipality: 'borlange',
      }),
      makeAd({
        id: 'steel-new',
        headline: 'Smältare',
        orgnr: ORG.steel,
        publishedDaysAgo: 1,
        municipality: 'borlange',
      }),
      makeAd({
        id: 'steel-mid',
        headline: 'Elektriker',
        orgnr: ORG.steel,
        publishedDaysAgo: 3,
        municipality: 'ludvika',
      }),
      makeAd({ id: 'other-1', headline: 'Sjuksköterska', orgnr: ORG.other }),
      makeAd({ id: 'secret-1', headline: 'Hemligt jobb', orgnr: ORG.secret }),
    ]);
  });

  it('shows the hero, each badge with its text, who they are and what they mean for the world', async () => {
    const res = await app.inject('/sv/companies/bergslagens-stal');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-cache');
    const body = res.body;
    assert.match(body, /<title>Bergslagens Stål/);
    assert.match(body, /<h1>Bergslagens Stål<\/h1>/);
    assert.match(body, /<img class="company-hero__logo-img" src="\/media\/[^"]+\.svg" alt=""/);
    assert.match(body, /<p class="company-hero__lead">Stål för världens vindkraft.<\/p>/);
    assert.match(body, /<a class="button" href="#company-jobs">Se 3 lediga jobb<\/a>/);
    assert.match(
      body,
      /<a class="button button--secondary" href="https:\/\/bergslagen.example" rel="noopener nofollow ugc">Företagets webbplats<\/a>/,
    );
    assert.match(body, /Det här erbjuder Bergslagens Stål dig som flyttar hit/);
    assert.match(
      body,
      /<h3 class="company-offer__title">Hjälper med flytten<\/h3>\s*<p>Vi betalar flytten upp till 30 000 kr.<\/p>/,
    );
    assert.match(
      body,
      /<h3 class="company-offer__title">Partnervänlig arbetsgivare<\/h3>\s*<p>Din partner får en egen jobbcoach.<\/p>/,
    );
    assert.match(
      body,
      /<h2 id="company-about-title">Om Bergslagens Stål<\/h2>[\s\S]*Vi har gjort stål i Borlänge sedan 1878./,
    );
    assert.match(
      body,
      /Vad Bergslagens Stål betyder för världen<\/h2>[\s\S]*Vårt stål finns i varannan vindturbin./,
    );
  });

  it('shows the photographs with their credits and the film link; an unsafe film address is no link', async () => {
    const body = (await app.inject('/sv/companies/bergslagens-stal')).body;
    assert.match(body, /<figure class="media-figure company-hero__picture">/);
    assert.match(body, /<figcaption>[\s\S]*Foto: [^<]+/);
    assert.match(
      body,
      /<a class="company-film__link" href="https:\/\/video.example\/bergslagen" rel="noopener nofollow ugc">Se filmen om Bergslagens Stål<\/a>/,
    );
    const energy = (await app.inject('/sv/companies/dala-energi')).body;
    assert.doesNotMatch(energy, /javascript:/);
    assert.doesNotMatch(energy, /company-film/);
    // A demo company says so.
    assert.match(energy, /<p class="company-demo" role="note">Demo:/);
  });

  it('shows the people who work there, career paths with occupations, facts, places and competence needs', async () => {
    const sv = (await app.inject('/sv/companies/bergslagens-stal')).body;
    assert.match(sv, /<h2 id="company-people-title">Människor som jobbar här<\/h2>/);
    assert.match(sv, /<a class="company-person__link" href="\/sv\/stories\/anna-smaltare">Anna Berg<\/a>/);
    assert.doesNotMatch(sv, /finns-inte/, 'a story that is not published is left out');
    assert.match(sv, /<h3 class="company-path__title">Från operatör till produktionschef<\/h3>/);
    assert.match(
      sv,
      /Steg 1<\/p>\s*<h4 class="company-path__step-title">Operatör<\/h4>\s*<p class="company-path__occupation">Yrke: Personlig assistent<\/p>/,
    );
    assert.match(sv, /<dt>Anställda i regionen<\/dt><dd>850<\/dd>/);
    assert.match(sv, /<dt>Språk på jobbet<\/dt><dd>svenska, engelska<\/dd>/);
    assert.match(sv, /<dt>Organisationsnummer<\/dt><dd>\d{6}-\d{4}<\/dd>/);
    assert.match(
      sv,
      /<li><a href="\/sv\/places\/borlange">Borlänge<\/a><\/li><li><a href="\/sv\/places\/ludvika">Ludvika<\/a><\/li>/,
    );
    assert.match(sv, /<h2 id="company-needs-title">Vi kommer att behöva<\/h2>/);
    assert.match(
      sv,
      /<span class="company-need__occupation">Personlig assistent<\/span> <span class="company-need__people">40 personer<\/span>/,
    );
    assert.match(
      sv,
      /Sjuksköterska, grundutbildad<\/span> <span class="company-need__people">1 person<\/span>/,
    );

    const en = (await app.inject('/en/companies/bergslagens-stal')).body;
    assert.match(en, /<h2 id="company-needs-title">We will need<\/h2>/);
    assert.match(en, /<dt>Languages at work<\/dt><dd>Swedish, English<\/dd>/);
    assert.match(en, /What Bergslagens Stål offers people moving here/);
    assert.match(en, /We pay the move up to SEK 30,000./);
    // The occupations in English: the taxonomy's, else its group's English title (Statistics Sweden's).
    assert.match(
      en,
      /<span class="company-need__occupation">Personal assistants<\/span> <span class="company-need__people">40 people<\/span>/,
    );
    assert.match(
      en,
      /<span class="company-need__occupation">Professional nurses<\/span> <span class="company-need__people">1 person<\/span>/,
    );
    assert.match(en, /<p class="company-path__occupation">Occupation: Personal assistants<\/p>/);
  });

  it('lists every open job of its organisationsnummer, newest first, each linked through the counting route', async () => {
    const body = (await app.inject('/sv/companies/bergslagens-stal')).body;
    const jobs =
      /<section class="company-section company-jobs" id="company-jobs"[\s\S]*?<\/section>/.exec(body)?.[0] ??
      '';
    assert.match(jobs, /Lediga jobb hos Bergslagens Stål/);
    assert.match(jobs, /Just nu finns 3 lediga jobb./);
    const links = [...jobs.matchAll(/<a href="([^"]+)" rel="nofollow">([^<]+)<\/a>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    assert.deepEqual(links, [
      ['/sv/companies/bergslagens-stal/jobs/steel-new', 'Smältare'],
      ['/sv/companies/bergslagens-stal/jobs/steel-mid', 'Elektriker'],
      ['/sv/companies/bergslagens-stal/jobs/steel-old', 'Valsare'],
    ]);
    assert.doesNotMatch(jobs, /Sjuksköterska/);
    const none = (await app.inject('/sv/companies/dala-energi')).body;
    assert.match(none, /Just nu finns inga lediga jobb hos Dala Energi/);
  });

  it('lists the newest 200 of many open jobs, then links to the job search filtered to the employer', async () => {
    await addCompany(db, {
      slug: 'mora-mjukvara',
      orgNumber: ORG.software,
      data: companyData('Mora Mjukvara'),
    });
    const ads = Array.from({ length: 203 }, (_, i) =>
      makeAd({ id: `soft-${i}`, headline: `Utvecklare ${i}`, orgnr: ORG.software, occupation: 'developer' }),
    );
    await loadAds(db, ads);
    const body = (await app.inject('/sv/companies/mora-mjukvara')).body;
    assert.match(body, /Just nu finns 203 lediga jobb. Här visas de 200 senaste./);
    assert.equal([...body.matchAll(/href="\/sv\/companies\/mora-mjukvara\/jobs\//g)].length, 200);
    const more = /<a class="button" href="([^"]+)">Se alla 203 jobb i jobbsökningen<\/a>/.exec(body)?.[1];
    assert.equal(more, `/sv/jobs?employer=${ORG.software}`);
    const search = await app.inject(more);
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /203 jobb matchar/);
  });

  it('carries Organization JSON-LD with absolute URLs from configuration, and an og:image', async () => {
    const body = (
      await app.inject({ url: '/en/companies/bergslagens-stal', headers: { host: 'evil.example' } })
    ).body;
    const org = jsonLd(body).find((d) => d['@type'] === 'Organization');
    assert.ok(org);
    assert.equal(org['@context'], 'https://schema.org');
    assert.equal(org.name, 'Bergslagens Stål');
    assert.equal(org.url, 'http://localhost:3000/en/companies/bergslagens-stal');
    assert.match(String(org.logo), /^http:\/\/localhost:3000\/media\/[^"]+\.svg$/);
    assert.deepEqual(org.sameAs, [
      'https://bergslagen.example',
      'https://www.linkedin.com/company/bergslagen',
    ]);
    assert.deepEqual(
      (org.address as { addressLocality: string }[]).map((a) => a.addressLocality),
      ['Borlänge', 'Ludvika'],
    );
    assert.equal(org.description, 'Steel for the world’s wind power.');
    assert.doesNotMatch(body, /evil\.example/);
    assert.match(body, /<meta property="og:image" content="http:\/\/localhost:3000\/media\/[^"]+\.jpg">/);
    assert.match(body, /<meta property="og:description" content="Steel for the world’s wind power.">/);
  });

  it('is the site’s 404 page for a slug that is not published, or not a slug at all', async () => {
    for (const url of [
      '/sv/companies/finns-inte',
      '/sv/companies/hemlig',
      '/en/companies/Bergslagens-Stal',
      '/sv/companies/bergslagens%20stal',
      `/sv/companies/${'a'.repeat(90)}`,
      '/de/companies/bergslagens-stal',
    ]) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /text\/html/, url);
    }
    assert.equal(await statsToday(db, unpublishedId), undefined);
  });

  it('counts each view without cookies: GETs only, not HEAD or a prefetch; the page sets no cookie', async () => {
    const before = (await statsToday(db, steelId))?.views ?? 0;
    const res = await app.inject('/sv/companies/bergslagens-stal');
    assert.equal(res.headers['set-cookie'], undefined);
    assert.equal((await statsToday(db, steelId))?.views, before + 1);
    await app.inject({ method: 'HEAD', url: '/sv/companies/bergslagens-stal' });
    await app.inject({ url: '/en/companies/bergslagens-stal', headers: { 'sec-purpose': 'prefetch' } });
    assert.equal((await statsToday(db, steelId))?.views, before + 1);
    await app.inject('/en/companies/bergslagens-stal');
    assert.equal((await statsToday(db, steelId))?.views, before + 2);
  });

  it('counts a click to one of its own jobs and redirects there (303); any other ad is a 404', async () => {
    const before = (await statsToday(db, steelId))?.job_clicks ?? 0;
    const res = await app.inject('/sv/companies/bergslagens-stal/jobs/steel-new');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sv/jobs/steel-new');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal((await statsToday(db, steelId))?.job_clicks, before + 1);
    const en = await app.inject('/en/companies/bergslagens-stal/jobs/steel-old');
    assert.equal(en.headers.location, '/en/jobs/steel-old');
    for (const url of [
      '/sv/companies/bergslagens-stal/jobs/other-1',
      '/sv/companies/bergslagens-stal/jobs/finns-inte',
      '/sv/companies/bergslagens-stal/jobs/..%2F..%2Fadmin',
      '/sv/companies/hemlig/jobs/secret-1',
      '/sv/companies/finns-inte/jobs/steel-new',
    ]) {
      const res404 = await app.inject(url);
      assert.equal(res404.statusCode, 404, url);
    }
    assert.equal((await statsToday(db, steelId))?.job_clicks, before + 2);
    assert.equal(await statsToday(db, unpublishedId), undefined);
  });
});
