/**
 * The company pages' back-office in a real browser: an employer admin (Swedish, on a 320 px phone) creates
 * the company page, gets a missing badge text answered by its field, then saves it with a logo, two
 * badges and a career path (an occupation picked by its name, no script needed), records competence
 * needs and sends the page for review; a region editor (English, on a wide screen) finds it first
 * in the list, reviews the diff and approves it. The published page shows the company's jobs from
 * the board (linked by organisationsnummer); the employer posts an ad of its own, finds it by
 * search, and sees it on the page too. axe finds nothing on any page, and nothing scrolls sideways.
 *
 * COMPANIES_SCREENSHOTS=dir saves a full-page screenshot of every page looked at.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { companyOfOrganisation } from '../../src/modules/companies/store.ts';
import { createOrganisation, createPerson, REGION } from '../helpers/identity.ts';
import { loadAds, makeAd } from '../helpers/jobs.ts';
import {
  clickAndWait,
  launchBrowser,
  pageLooker,
  signedInContext,
  startSite,
  watchErrors,
} from './browser.ts';

const SHOTS = process.env.COMPANIES_SCREENSHOTS;

describe('company pages: an employer makes its page, the region approves it', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const employer = await createOrganisation(db, { kind: 'employer', name: 'Bergslagens Stål AB' });
  const hr = await createPerson(db, { role: 'employer_admin', organisationId: employer });
  const editor = await createPerson(db, {
    role: 'region_editor',
    organisationId: await createOrganisation(db, { kind: 'region' }),
    language: 'en',
  });
  const logo = join(mkdtempSync(join(tmpdir(), 'lotsa-logo-')), 'logo.png');
  writeFileSync(
    logo,
    await sharp({ create: { width: 320, height: 160, channels: 3, background: '#1d4e89' } })
      .png()
      .toBuffer(),
  );
  const failures: string[] = [];

  const signedIn = (accountId: string, width: number) => signedInContext(browser, site, accountId, width);

  const look = pageLooker(failures, SHOTS);

  const submit = clickAndWait;

  it('lets the employer create, fill in and send the page on a 320 px phone', async () => {
    failures.length = 0;
    const context = await signedIn(hr.accountId, 320);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/admin/companies`);
    assert.match(page.url(), /\/admin\/companies\/own$/);
    await look(page, 'own-320');
    await submit(page, 'form[action$="/own/create"] [type=submit]');
    assert.match(page.url(), /\?done=created$/);
    await look(page, 'edit-created-320');

    await page.fill('#name', 'Bergslagens Stål');
    await page.fill('#summary_sv', 'Vi gör stål för broar och bilar i Borlänge.');
    await page.fill('#summary_en', 'We make steel for bridges and cars in Borlänge.');
    await page.fill('#about_sv', '## Om oss\n\nStål sedan 1878.');
    await page.fill('#about_en', '## About us\n\nSteel since 1878.');
    await page.check('#badges-relocation');
    await page.fill('#badge_relocation_sv', 'Vi betalar flytten och hjälper med bostad.');
    // English text forgotten: answered by the field, the rest kept.
    await page.check('#badges-english');
    await page.fill('#badge_english_sv', 'Engelska är arbetsspråk i labbet.');
    await page.fill('#badge_english_en', 'English is the working language in the lab.');
    await page.selectOption('#industry_0', '24');
    await page.check('#municipalities-2081');
    await page.fill('#path_0_title_sv', 'Från operatör till specialist');
    await page.fill('#path_0_title_en', 'From operator to specialist');
    await page.fill('#path_0_step_0_q', 'Svetsare');
    await submit(page, 'form.content-form [type=submit]');
    assert.match(await page.locator('#badge_relocation_en-error').innerText(), /Skriv på engelska/);
    assert.equal(await page.inputValue('#summary_en'), 'We make steel for bridges and cars in Borlänge.');
    await look(page, 'edit-error-320');

    await page.fill('#badge_relocation_en', 'We pay for the move and help you find a home.');
    await page.setInputFiles('#logo_file', logo);
    await submit(page, 'form.content-form [type=submit]');
    assert.match(await page.locator('[role=status]').innerText(), /Version 2 är sparad/);
    assert.match(await page.locator('main').innerText(), /Valt yrke: Svetsare/);
    assert.match(await page.inputValue('#logo'), /^bergslagens-stal-ab-logotyp-/);
    await look(page, 'edit-saved-320');

    await submit(page, 'a[href$="/needs"]');
    await page.fill('#need_0_q', 'Svetsare');
    await page.fill('#need_0_people', '4');
    await submit(page, 'form.content-form [type=submit]');
    assert.match(await page.locator('[role=status]').innerText(), /Kompetensbehoven är sparade/);
    await look(page, 'needs-320');
    await page.goBack();
    await page.goto(page.url().replace(/\/needs.*$/, '/images'));
    await look(page, 'images-320');
    await page.goto(page.url().replace(/\/images.*$/, ''));

    await submit(page, 'form[action$="/submit"] [type=submit]');
    assert.match(await page.locator('[role=status]').innerText(), /skickad för granskning/);
    await look(page, 'edit-review-320');
    assert.deepEqual(errors.list(), []);
    assert.deepEqual(failures, []);
    await context.close();
  });

  it('shows the region’s list and review on a 320 px phone too', async () => {
    failures.length = 0;
    const context = await signedIn(editor.accountId, 320);
    const page = await context.newPage();
    await page.goto(`${site.base}/admin/companies`);
    await look(page, 'list-320');
    await submit(page, 'a[href$="/review"]');
    await look(page, 'review-320');
    assert.deepEqual(failures, []);
    await context.close();
  });

  it('lets the region editor find, review and approve it on a wide screen, in English', async () => {
    failures.length = 0;
    const context = await signedIn(editor.accountId, 1280);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/admin/companies`);
    assert.match(await page.locator('h1').innerText(), /Company pages/);
    await look(page, 'list-1280');
    await submit(page, 'a[href$="/review"]');
    assert.match(await page.locator('h1').innerText(), /Review: Bergslagens Stål/);
    assert.match(await page.locator('main').innerText(), /Helps you relocate/);
    await look(page, 'review-1280');
    await submit(page, 'form[action$="/approve"] [type=submit]');
    assert.match(await page.locator('[role=status]').innerText(), /approved and published/);
    await look(page, 'edit-approved-1280');
    const company = await companyOfOrganisation(db, REGION, employer);
    assert.equal(company?.status, 'published');
    await page.goto(`${site.base}/admin/companies/new`);
    await look(page, 'new-1280');
    await page.goto(`${site.base}/admin/companies/settings`);
    await look(page, 'settings-1280');
    assert.deepEqual(errors.list(), []);
    assert.deepEqual(failures, []);
    await context.close();
  });

  it('shows the published page with its jobs, and an ad the employer posts is found by search and on the page', async () => {
    failures.length = 0;
    const org = await db
      .selectFrom('organisations')
      .select('org_number')
      .where('id', '=', employer)
      .executeTakeFirstOrThrow();
    // The board's ads of the same organisationsnummer (as JobTech sends them).
    await loadAds(db, [
      makeAd({
        id: 'e2e-stal-1',
        headline: 'Smältverksoperatör i Borlänge',
        employer: 'Bergslagens Stål AB',
        orgnr: org.org_number,
      }),
      makeAd({
        id: 'e2e-stal-2',
        headline: 'Underhållstekniker till valsverket',
        employer: 'Bergslagens Stål AB',
        orgnr: org.org_number,
      }),
    ]);
    const company = await companyOfOrganisation(db, REGION, employer);
    assert.ok(company);
    const context = await signedIn(hr.accountId, 1280);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/sv/companies/${company.slug}`);
    assert.match(await page.locator('h1').innerText(), /Bergslagens Stål/);
    const main = page.locator('main');
    assert.match(await main.innerText(), /Smältverksoperatör i Borlänge/);
    assert.match(await main.innerText(), /Underhållstekniker till valsverket/);
    assert.match(await main.innerText(), /Hjälper med flytten/);
    assert.ok(await page.locator('main img[src*="/media/"]').count(), 'the logo is shown');
    await look(page, 'public-page-1280');

    await page.goto(`${site.base}/admin/jobs/new`);
    await page.getByLabel('Rubrik').fill('Metallurg till Bergslagens Stål');
    await page.getByLabel('Yrke', { exact: true }).fill('Svetsare');
    await page.getByRole('button', { name: 'Sök yrke' }).click();
    await page.waitForLoadState('load');
    const choices = page.getByRole('group', { name: 'Välj yrke' }).getByRole('radio');
    if (await choices.count()) await choices.first().check();
    await page.getByLabel('Kommun').selectOption('2081');
    await page.getByLabel('Anställningsform').selectOption('kpPX_CNN_gDU');
    await page.getByLabel('Heltid', { exact: true }).check();
    await page.getByLabel('Antal tjänster').fill('1');
    const deadline = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Sista ansökningsdag').fill(deadline);
    await page.getByLabel('Länk till ansökan').fill('https://jobb.example.se/bergslagens-stal/metallurg');
    await page.getByLabel('Beskrivning på svenska').fill('Vi söker en metallurg till smältverket.');
    await page.getByRole('button', { name: 'Publicera annonsen' }).click();
    await page.waitForURL(/\/admin\/jobs\/own-[a-z0-9]{12}\?done=published$/);

    await page.goto(`${site.base}/sv/jobs`);
    await page.getByRole('searchbox').first().fill('metallurg bergslagens');
    await page.keyboard.press('Enter');
    await page.waitForLoadState('load');
    await page
      .getByRole('link', { name: /Metallurg till Bergslagens Stål/ })
      .first()
      .waitFor();
    await page.goto(`${site.base}/sv/companies/${company.slug}`);
    assert.match(await page.locator('main').innerText(), /Metallurg till Bergslagens Stål/);
    assert.deepEqual(errors.list(), []);
    assert.deepEqual(failures, []);
    await context.close();
  });
});
