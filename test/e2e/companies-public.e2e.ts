/**
 * The public company pages in a real browser: axe finds nothing on the list (also filtered, and
 * with a filter it does not know), on a company page with everything on it, and on a job page
 * showing the employer's logo, in both languages; nothing sticks out of a 320 px screen; a visitor
 * filters the list with the form, opens a company and follows one of its jobs to the job's page.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { importDemoPhotos } from '../../src/modules/content/media/demo.ts';
import { mediaLimits } from '../../src/modules/content/media/module.ts';
import { storageFor } from '../../src/platform/storage/index.ts';
import { publishItem } from '../helpers/published-content.ts';
import { loadAds, makeAd } from '../helpers/jobs.ts';
import { addCompany, companyData, importLogo, ORG, para, R } from '../http/companies/public-fixture.ts';
import { axeViolations, launchBrowser, pageOverflow, startSite, watchErrors } from './browser.ts';

const PHOTOS = ['office-team-workshop', 'office-open-plan-workers'];

describe('public company pages in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();

  before(async () => {
    const db = site.database.db;
    await importDemoPhotos(db, storageFor(site.config), R, mediaLimits(site.config), undefined, PHOTOS);
    await importLogo(db, site.config);
    await publishItem(db, R, {
      kind: 'story',
      slug: 'anna-smaltare',
      title: { sv: 'Anna blev smältare', en: 'Anna became a smelter' },
      summary: { sv: 'Från Göteborg till verket.', en: 'From Gothenburg to the works.' },
    });
    await addCompany(db, {
      slug: 'bergslagens-stal',
      orgNumber: ORG.steel,
      featured: true,
      data: companyData('Bergslagens Stål', {
        about: { sv: para('Vi har gjort stål sedan 1878.'), en: para('We have made steel since 1878.') },
        impact: { sv: para('Stål till vindkraft.'), en: para('Steel for wind power.') },
        industries: ['24'],
        municipalities: ['2081', '2085'],
        logo: 'logo-test',
        photos: PHOTOS,
        filmUrl: 'https://video.example/bergslagen',
        website: 'https://bergslagen.example',
        facts: { employees: 850, sites: { sv: 'Borlänge', en: 'Borlänge' }, languages: ['sv', 'en'] },
        badges: [
          { badge: 'relocation', text: { sv: 'Vi betalar flytten.', en: 'We pay for the move.' } },
          { badge: 'english', text: { sv: 'Engelska i verket.', en: 'English at the works.' } },
        ],
        careerPaths: [
          {
            title: { sv: 'Från operatör till chef', en: 'From operator to manager' },
            steps: [
              {
                occupationId: 'eU1q_zvL_9Rf',
                title: { sv: 'Operatör', en: 'Operator' },
                text: { sv: 'Med handledare.', en: 'With a mentor.' },
              },
              {
                occupationId: 'bXNH_MNX_dUR',
                title: { sv: 'Skiftledare', en: 'Shift leader' },
                text: { sv: 'Efter två år.', en: 'After two years.' },
              },
            ],
          },
        ],
        stories: ['anna-smaltare'],
      }),
    });
    await addCompany(db, {
      slug: 'dala-energi',
      orgNumber: ORG.energy,
      demo: true,
      data: companyData('Dala Energi', {
        industries: ['35'],
        municipalities: ['2080'],
        badges: [{ badge: 'partner', text: { sv: 'Jobb åt din partner.', en: 'Work for your partner.' } }],
      }),
    });
    await db
      .selectFrom('companies')
      .select('id')
      .where('slug', '=', 'bergslagens-stal')
      .executeTakeFirstOrThrow()
      .then(({ id }) =>
        db
          .insertInto('company_competence_needs')
          .values({ region_id: R, company_id: id, occupation_id: 'eU1q_zvL_9Rf', people: 12 })
          .execute(),
      );
    await loadAds(db, [
      makeAd({ id: 'steel-1', headline: 'Smältare', employer: 'Bergslagens Stål AB', orgnr: ORG.steel }),
      makeAd({ id: 'steel-2', headline: 'Elektriker', employer: 'Bergslagens Stål AB', orgnr: ORG.steel }),
    ]);
  });

  for (const path of [
    '/sv/companies',
    '/en/companies',
    '/sv/companies?industry=C&badge=english',
    '/sv/companies/bergslagens-stal',
    '/en/companies/bergslagens-stal',
    '/sv/companies/dala-energi',
    '/sv/jobs/steel-1',
    '/en/jobs',
  ]) {
    it(`${path}: no axe violations, nothing wider than a 320 px screen`, async () => {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 320, height: 800 } });
      const page = await context.newPage();
      const errors = watchErrors(page);
      const res = await page.goto(site.base + path);
      assert.equal(res?.status(), 200);
      assert.deepEqual(await axeViolations(page), []);
      const overflow = await pageOverflow(page);
      assert.ok(overflow.scrollWidth <= overflow.clientWidth, overflow.wide.join('\n'));
      assert.deepEqual(errors.list(), []);
      await context.close();
    });
  }

  it('a filter the list does not know: 400, said by the field, and still no axe violations', async () => {
    for (const lang of ['sv', 'en']) {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const res = await page.goto(`${site.base}/${lang}/companies?industry=ZZ`);
      assert.equal(res?.status(), 400);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    }
  });

  it('a visitor filters the list, opens a company and follows one of its jobs', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.base}/sv/companies`);
    await page.selectOption('#cf-badge', 'relocation');
    await page.check('#cf-jobs');
    await page.click('button.company-filters__submit');
    await page.waitForURL(/badge=relocation/);
    assert.equal(await page.locator('.company-card').count(), 1);
    await page.click('text=Bergslagens Stål');
    await page.waitForURL(/\/sv\/companies\/bergslagens-stal$/);
    assert.equal(await page.locator('h1').textContent(), 'Bergslagens Stål');
    await page.click('#company-jobs >> text=Smältare');
    await page.waitForURL(/\/sv\/jobs\/steel-1$/);
    assert.match((await page.locator('.job__employer').textContent()) ?? '', /Bergslagens Stål AB/);
    await context.close();
  });
});
