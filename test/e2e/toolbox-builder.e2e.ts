/**
 * The recruitment-text builder in a real browser: an employer searches the board, picks an ad, a
 * persona, English and two blocks, gets the text and copies it (JavaScript on); and without
 * JavaScript picks "no particular job", types a title and a municipality, gets the text and
 * downloads it. Every page at 375 and 1280 px, Swedish and English: no axe violations, nothing wider
 * than the screen, no console errors. SCREENSHOTS=dir saves a picture of each.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { importShippedFacts } from '../../src/modules/regions/facts.ts';
import { shippedRegions } from '../../src/modules/regions/service.ts';
import { loadAds, makeAd } from '../helpers/jobs.ts';
import { sampleFactsFile } from '../helpers/place-facts.ts';
import { createText, toolboxUser } from '../helpers/toolbox.ts';
import { axeViolations, launchBrowser, pageOverflow, startSite, watchErrors, type Site } from './browser.ts';

const shots = process.env.SCREENSHOTS;

async function context(browser: Browser, site: Site, cookie: string, width: number, javaScript = true) {
  const ctx = await browser.newContext({
    viewport: { width, height: 900 },
    bypassCSP: true,
    javaScriptEnabled: javaScript,
  });
  const [name, value] = cookie.split('=') as [string, string];
  await ctx.addCookies([{ name, value, url: site.base }]);
  return ctx;
}

/** A screenshot when asked, nothing wider than the screen, and axe (it needs the page's JavaScript). */
async function look(page: Page, label: string, axe = true): Promise<void> {
  if (shots) await page.screenshot({ path: path.join(shots, `${label}.png`), fullPage: true });
  const { scrollWidth, clientWidth, wide } = await pageOverflow(page);
  assert.ok(scrollWidth <= clientWidth, `${label}: ${scrollWidth}px wide: ${wide.join(' | ')}`);
  if (axe) assert.deepEqual(await axeViolations(page), [], label);
}

describe('the recruitment-text builder in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const user = await toolboxUser(db);
  const org = await db
    .selectFrom('organisations')
    .select(['name', 'org_number'])
    .where('id', '=', user.organisationId)
    .executeTakeFirstOrThrow();
  await importShippedFacts(db, shippedRegions()[0]!, sampleFactsFile('2099-01-01'));
  await loadAds(db, [
    makeAd({ id: 'e2e-1', headline: 'Underhållstekniker', employer: org.name, orgnr: org.org_number }),
    makeAd({ id: 'e2e-2', headline: 'Sjuksköterska till akuten', municipality: 'mora' }),
  ]);
  await createText(db, {
    persona: 'international',
    topic: 'schools',
    body: 'Det finns internationella skolor.',
    bodyEn: 'There are international schools.',
    sourceName: 'Skolverket',
    sourceUrl: 'https://www.skolverket.se/',
    sourceDate: '2025-01-01',
  });
  await createText(db, {
    topic: 'nature',
    body: 'Skogen börjar vid stan.',
    bodyEn: 'The forest starts at the town.',
  });

  for (const width of [375, 1280]) {
    it(`searches, picks and copies the text with JavaScript at ${width} px`, async () => {
      const ctx = await context(browser, site, user.cookie, width);
      await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base });
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      await page.goto(`${site.base}/sv/toolbox/builder`);
      assert.equal(await page.locator('h1').innerText(), 'Textbyggaren');
      await look(page, `builder-sv-start-${width}`);
      await page.getByLabel('Sök bland alla öppna jobb i regionen').fill('sjuksköterska');
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sök jobb' }).click()]);
      await page.getByLabel(/Sjuksköterska till akuten/).check();
      await page.getByLabel('Internationella talanger').check();
      await page.getByLabel('Engelska', { exact: true }).check();
      await page.getByLabel('Hjälp med flytten genom regionens flyttlots').check();
      await page.getByLabel('Engelska fungerar på arbetsplatsen').check();
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Skriv texten' }).click(),
      ]);
      assert.match(page.url(), /#builder-result$/);
      const preview = page.locator('.builder-preview');
      assert.equal(await preview.getAttribute('lang'), 'en');
      assert.match(
        await preview.innerText(),
        /Region Dalarna is looking for a new colleague in Mora: Sjuksköterska till akuten\./,
      );
      assert.match(await preview.innerText(), /There are international schools\./);
      assert.match(await preview.innerText(), /English works in our daily work\./);
      await look(page, `builder-sv-result-${width}`);
      const copy = page.locator('button[data-copy="builder-plain"]');
      assert.ok(await copy.isVisible());
      await copy.click();
      await page
        .locator('[data-copy-status="builder-plain"]')
        .filter({ hasText: /Kopierat!|kopiera/ })
        .waitFor();
      await page.goto(`${site.base}/en/toolbox/builder?job=e2e-1&text=sv&persona=families`);
      assert.equal(await page.locator('.builder-preview').getAttribute('lang'), 'sv');
      await look(page, `builder-en-result-${width}`);
      await page.goto(`${site.base}/en/toolbox/builder?job=none&title=&municipality=x`);
      assert.match(await page.locator('.error-summary').innerText(), /Type the job title\./);
      await look(page, `builder-en-refused-${width}`);
      assert.deepEqual(errors.list(), []);
      await ctx.close();
    });
  }

  it('works without JavaScript: a title of its own, the text, and its download', async () => {
    const ctx = await context(browser, site, user.cookie, 375, false);
    const page = await ctx.newPage();
    await page.goto(`${site.base}/sv/toolbox/builder`);
    await page.getByLabel('Inget särskilt jobb – jag skriver titeln själv').check();
    await page.getByLabel('Jobbtitel').fill('Lärare <i>i</i> matematik');
    await page.getByLabel('Kommun').selectOption('2062');
    await page.getByLabel('Vi hjälper din partner').check();
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Skriv texten' }).click()]);
    const plain = await page.locator('#builder-plain').inputValue();
    assert.match(plain, new RegExp(`${org.name} söker Lärare <i>i</i> matematik i Mora`));
    assert.match(plain, /Flyttar ni tillsammans\?/);
    assert.match(await page.locator('#builder-html').inputValue(), /Lärare &lt;i&gt;i&lt;\/i&gt; matematik/);
    // Without JavaScript the copy buttons stay hidden; the text is there to select.
    assert.equal(await page.locator('button[data-copy]').first().isVisible(), false);
    await look(page, 'builder-sv-nojs-375', false);
    const href = await page.getByRole('link', { name: 'Ladda ner som textfil' }).getAttribute('href');
    const download = await ctx.request.get(`${site.base}${href}`);
    assert.equal(download.headers()['content-disposition'], 'attachment; filename="rekryteringstext.txt"');
    assert.equal(await download.text(), plain.replace(/\r\n/g, '\n') + (plain.endsWith('\n') ? '' : '\n'));
    await ctx.close();
  });
});
