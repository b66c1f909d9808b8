/**
 * The job board and the company pages: a job card and a job page show the employer's logo and
 * link to its company page when a published company has the ad's organisationsnummer (never for a
 * draft, never for another employer); the search page's response cache does not keep a page from
 * before a company was published once the set of employer pages is read again.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { employerPagesChanged } from '../../../src/modules/companies/public/index.ts';
import { setEmployerPages } from '../../../src/modules/jobs/employers.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';
import { addCompany, companyData, importLogo, ORG } from './public-fixture.ts';

/** The job card of a headline on a search page. */
function card(body: string, headline: string): string {
  const at = body.indexOf(`>${headline}</a>`);
  assert.ok(at >= 0, headline);
  const start = body.lastIndexOf('<li class="job-card">', at);
  return body.slice(start, body.indexOf('</li>', at));
}

describe('employer logos and links on the job board', async () => {
  const { app, database, config, logs } = await buildTestApp();
  const db = database.db;
  before(async () => {
    await importLogo(db, config);
    await addCompany(db, {
      slug: 'bergslagens-stal',
      orgNumber: ORG.steel,
      data: companyData('Bergslagens Stål', { logo: 'logo-test' }),
    });
    await addCompany(db, {
      slug: 'hemlig',
      orgNumber: ORG.secret,
      draft: true,
      data: companyData('Hemliga Bolaget', { logo: 'logo-test' }),
    });
    await loadAds(db, [
      makeAd({
        id: 'steel-1',
        headline: 'Smältare till valsverket',
        employer: 'Bergslagens Stål AB',
        orgnr: ORG.steel,
      }),
      makeAd({
        id: 'other-1',
        headline: 'Sjuksköterska till akuten',
        employer: 'Dala Energi AB',
        orgnr: ORG.energy,
      }),
      makeAd({
        id: 'secret-1',
        headline: 'Hemligt jobb i skogen',
        employer: 'Hemliga Bolaget AB',
        orgnr: ORG.secret,
      }),
      makeAd({ id: 'none-1', headline: 'Jobb utan nummer', employer: 'Enskild firma', orgnr: null }),
    ]);
  });

  it('a job card shows the logo and links to the company page; others show the name only', async () => {
    for (const lang of ['sv', 'en'] as const) {
      const res = await app.inject(`/${lang}/jobs`);
      assert.equal(res.statusCode, 200);
      const steel = card(res.body, 'Smältare till valsverket');
      assert.match(
        steel,
        /<img class="employer-logo" src="\/media\/[^"]+\.svg" alt="" width="\d+" height="\d+" loading="lazy"/,
      );
      assert.match(
        steel,
        new RegExp(`<a href="/${lang}/companies/bergslagens-stal">Bergslagens Stål AB</a>`),
      );
      for (const headline of ['Sjuksköterska till akuten', 'Hemligt jobb i skogen', 'Jobb utan nummer']) {
        const other = card(res.body, headline);
        assert.doesNotMatch(other, /employer-logo|\/companies\//, headline);
      }
    }
  });

  it('a job page shows the logo, links the employer and says where to read more about it', async () => {
    const res = await app.inject('/sv/jobs/steel-1');
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      /<p class="job__employer"><img class="employer-logo" [^>]+><a href="\/sv\/companies\/bergslagens-stal">Bergslagens Stål AB<\/a>/,
    );
    assert.match(
      res.body,
      /<a href="\/sv\/companies\/bergslagens-stal">Mer om Bergslagens Stål som arbetsgivare<\/a>/,
    );
    const en = await app.inject('/en/jobs/steel-1');
    assert.match(
      en.body,
      /<a href="\/en\/companies\/bergslagens-stal">More about Bergslagens Stål as an employer<\/a>/,
    );
    // The similar jobs are cards too: the employer's logo and link there as well.
    const similar = await app.inject('/sv/jobs/other-1');
    assert.match(
      similar.body,
      /<section class="job-similar"[\s\S]*<a href="\/sv\/companies\/bergslagens-stal">Bergslagens Stål AB<\/a>/,
    );
    for (const id of ['other-1', 'secret-1', 'none-1']) {
      const other = await app.inject(`/sv/jobs/${id}`);
      assert.equal(other.statusCode, 200, id);
      const employer = /<p class="job__employer">[\s\S]*?<\/p>/.exec(other.body)?.[0] ?? '';
      assert.doesNotMatch(employer, /employer-logo|\/sv\/companies\//, id);
      assert.doesNotMatch(other.body, /som arbetsgivare/, id);
    }
  });

  it('a company published later shows on the cached search page once the employer pages are read again', async () => {
    const first = await app.inject('/sv/jobs');
    assert.doesNotMatch(card(first.body, 'Sjuksköterska till akuten'), /\/companies\//);
    await addCompany(db, { slug: 'dala-energi', orgNumber: ORG.energy, data: companyData('Dala Energi') });
    // Until the set is read again (a minute, or at once where the back-office says so) the page is the same.
    employerPagesChanged('dalarna');
    const after = await app.inject('/sv/jobs');
    assert.match(
      card(after.body, 'Sjuksköterska till akuten'),
      /<a href="\/sv\/companies\/dala-energi">Dala Energi AB<\/a>/,
    );
    assert.notEqual(after.headers.etag, first.headers.etag);
  });

  // Last: it replaces the app's employer pages with a source that fails.
  it('a job page and the search page go out without logos when the employer pages cannot be read', async () => {
    setEmployerPages(() => Promise.reject(new Error('the database is away')));
    const job = await app.inject('/sv/jobs/steel-1');
    assert.equal(job.statusCode, 200);
    assert.doesNotMatch(job.body, /employer-logo/);
    const search = await app.inject('/sv/jobs?q=sm%C3%A4ltare');
    assert.equal(search.statusCode, 200);
    assert.doesNotMatch(search.body, /employer-logo/);
    assert.ok(logs.some((line) => line.msg === 'employer pages could not be read'));
  });
});
