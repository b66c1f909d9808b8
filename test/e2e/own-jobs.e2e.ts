/**
 * Employers' own job ads in a real browser: a member of an employer finds the occupation and picks
 * it without JavaScript, is told by the field that the deadline has passed (what was typed kept),
 * publishes, and finds the ad in the job search. Every page of it — the list, the form empty, with
 * occupations to pick and refused, the edit page, a closed ad, the public job page — at 320, 375
 * and 1280 px in Swedish and English: no axe violations, nothing wider than the screen.
 * SCREENSHOTS=dir saves a picture of each.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { toStockholmLocal } from '../../src/modules/jobs/ingest/time.ts';
import { createPerson } from '../helpers/identity.ts';
import {
  axeViolations,
  launchBrowser,
  pageOverflow,
  signedInContext,
  startSite,
  watchErrors,
} from './browser.ts';

const DAY = 86_400_000;
const dateIn = (days: number) => toStockholmLocal(new Date(Date.now() + days * DAY)).slice(0, 10);

describe('own job ads in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const member = await createPerson(db, { role: 'employer_member' });

  const signedIn = (width: number) =>
    signedInContext(browser, site, member.accountId, width, { secondFactor: false });

  /** Fills the form as a person would (the occupation is picked separately). */
  async function fill(page: Page, deadline: string) {
    await page.getByLabel('Rubrik').fill('Drifttekniker till Lotsaverkets kraftstation');
    await page.getByLabel('Kommun').selectOption('2085');
    await page.getByLabel('Anställningsform').selectOption('kpPX_CNN_gDU');
    await page.getByLabel('Heltid', { exact: true }).check();
    await page.getByLabel('Arbetstid och omfattning').fill('Dagtid med beredskap var femte vecka');
    await page.getByLabel('Arbetet kan helt eller delvis göras på distans').check();
    await page.getByLabel('Antal tjänster').fill('3');
    await page.getByLabel('Sista ansökningsdag').fill(deadline);
    await page.getByLabel('Länk till ansökan').fill('https://jobb.example.se/lotsaverket/drifttekniker');
    await page
      .getByLabel('Beskrivning på svenska')
      .fill('Vi söker drifttekniker.\n\nVälkommen med din ansökan!');
    await page.getByLabel('Beskrivning på engelska').fill('We are looking for operations technicians.');
  }

  let adId = '';

  it('lets a member pick the occupation, be told of a past deadline, publish, and find the ad', async () => {
    const context = await signedIn(1280);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/admin/jobs`);
    await page.getByRole('link', { name: 'Ny annons' }).click();
    await fill(page, dateIn(-2));
    await page.getByLabel('Yrke', { exact: true }).fill('drifttekn');
    await page.getByRole('button', { name: 'Sök yrke' }).click();
    // The occupations that match are radio buttons; what was typed is all still there.
    const choices = page.getByRole('group', { name: 'Välj yrke' }).getByRole('radio');
    assert.ok((await choices.count()) >= 1);
    assert.equal(
      await page.getByLabel('Rubrik').inputValue(),
      'Drifttekniker till Lotsaverkets kraftstation',
    );
    await choices.first().check();
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Publicera annonsen' }).click(),
    ]);
    assert.equal(refused.status(), 422);
    await page.waitForLoadState('load');
    assert.match(await page.locator('.error-summary').innerText(), /Sista ansökningsdagen har redan varit/);
    assert.match(await page.locator('#deadline-error').innerText(), /Sista ansökningsdagen har redan varit/);
    assert.equal(await page.getByLabel('Sista ansökningsdag').inputValue(), dateIn(-2));
    assert.equal(await page.getByLabel('Antal tjänster').inputValue(), '3');
    assert.ok(await choices.first().isChecked(), 'the picked occupation stays picked');

    await page.getByLabel('Sista ansökningsdag').fill(dateIn(21));
    await page.getByRole('button', { name: 'Publicera annonsen' }).click();
    await page.waitForURL(/\/admin\/jobs\/own-[a-z0-9]{12}\?done=published$/);
    adId = /own-[a-z0-9]{12}/.exec(page.url())![0];
    assert.match(await page.locator('.notice').innerText(), /Annonsen är publicerad/);

    await page.goto(`${site.base}/sv/jobs`);
    await page.getByRole('searchbox').first().fill('drifttekniker lotsaverkets');
    await page.keyboard.press('Enter');
    await page.waitForLoadState('load');
    await page
      .getByRole('link', { name: /Drifttekniker till Lotsaverkets kraftstation/ })
      .first()
      .click();
    await page.waitForURL(new RegExp(`/sv/jobs/${adId}`));
    assert.match(await page.locator('h1').innerText(), /Drifttekniker till Lotsaverkets kraftstation/);
    assert.deepEqual(errors.list(), []);
    await context.close();
  });

  it('every page at 320, 375 and 1280 px, sv and en: no axe violations, nothing wider than the screen', async () => {
    // A closed ad to show as well.
    const context0 = await signedIn(1280);
    const setup = await context0.newPage();
    await setup.goto(`${site.base}/admin/jobs/new`);
    await fill(setup, dateIn(10));
    await setup.getByLabel('Rubrik').fill('Stängd annons');
    await setup.getByLabel('Yrke', { exact: true }).fill('Backend-utvecklare');
    await setup.getByRole('button', { name: 'Publicera annonsen' }).click();
    await setup.waitForURL(/\?done=published$/);
    const closedId = /own-[a-z0-9]{12}/.exec(setup.url())![0];
    await setup.getByRole('button', { name: 'Stäng annonsen' }).click();
    await setup.waitForURL(/\/admin\/jobs\?done=closed$/);
    await context0.close();

    const screenshots = process.env.SCREENSHOTS;
    const failures: string[] = [];
    for (const width of [320, 375, 1280]) {
      for (const lang of ['sv', 'en'] as const) {
        await db.updateTable('accounts').set({ language: lang }).where('id', '=', member.accountId).execute();
        const context = await signedIn(width);
        const targets: Array<{
          name: string;
          path: string;
          act?: (page: Page) => Promise<unknown>;
          status?: number;
        }> = [
          { name: 'list', path: '/admin/jobs' },
          { name: 'new', path: '/admin/jobs/new' },
          {
            name: 'find',
            path: '/admin/jobs/new',
            act: async (page) => {
              await page.locator('#occupation').fill('sjuksköterska');
              await page.locator('button[value="find"]').click();
            },
          },
          {
            name: 'refused',
            path: '/admin/jobs/new',
            act: (page) => page.locator('button[value="publish"]').click(),
            status: 422,
          },
          { name: 'edit', path: `/admin/jobs/${adId}` },
          { name: 'closed', path: `/admin/jobs/${closedId}` },
          { name: 'job', path: `/${lang}/jobs/${adId}` },
        ];
        for (const target of targets) {
          const page = await context.newPage();
          let response = await page.goto(`${site.base}${target.path}`);
          if (target.act) {
            [response] = await Promise.all([
              page.waitForResponse((r) => r.request().method() === 'POST'),
              target.act(page),
            ]);
            await page.waitForLoadState('load');
          }
          const label = `${lang} ${width}px ${target.name}`;
          assert.equal(response?.status(), target.status ?? 200, label);
          assert.equal(await page.getAttribute('html', 'lang'), lang, `${label}: lang`);
          for (const violation of await axeViolations(page)) failures.push(`${label}: ${violation}`);
          const widths = await pageOverflow(page);
          if (widths.scrollWidth > width)
            failures.push(
              `${label}: page is ${widths.scrollWidth}px wide; past the edge: ${widths.wide.join(' | ')}`,
            );
          if (screenshots)
            await page.screenshot({
              path: path.join(screenshots, `own-jobs-${target.name}-${lang}-${width}.png`),
              fullPage: true,
            });
          await page.close();
        }
        await context.close();
      }
    }
    assert.deepEqual(failures, []);
  });
});
