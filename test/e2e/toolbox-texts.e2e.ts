/**
 * The toolbox's texts in a real browser at 375 px and 1280 px over the demo texts: the
 * organisations' page (all texts, one municipality in English with its facts, a bad filter) and
 * the editors' list, form and a refused save. Axe finds nothing and nothing is wider than the
 * screen. With JavaScript, the copy button copies the text with its source; without it, the
 * buttons stay hidden and the filter form filters. TOOLBOX_SCREENSHOTS=dir saves screenshots.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { seedTexts } from '../../src/modules/toolbox/texts/seed.ts';
import { toolboxUser, type ToolboxUser } from '../helpers/toolbox.ts';
import { launchBrowser, pageLooker, startSite, type Site } from './browser.ts';

const SHOTS = process.env.TOOLBOX_SCREENSHOTS;

async function contextFor(
  browser: Browser,
  site: Site,
  user: ToolboxUser,
  width: number,
  javaScriptEnabled = true,
) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    bypassCSP: true,
    javaScriptEnabled,
  });
  const [name, value] = user.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: site.base }]);
  return context;
}

describe('the toolbox’s texts at 375 px and 1280 px', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  await seedTexts(db);
  await seedTexts(db);
  const counts = await db
    .selectFrom('toolbox_texts')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  assert.ok(count('approved') >= 30, 'about thirty approved demo texts');
  assert.equal(count('draft'), 2, 'two drafts, once');
  const employer = await toolboxUser(db);
  const editor = await toolboxUser(db, { role: 'region_editor' });
  const approved = await db
    .selectFrom('toolbox_texts')
    .select('id')
    .where('status', '=', 'approved')
    .where('municipality_code', '=', '2080')
    .executeTakeFirstOrThrow();

  const pages: Array<[string, number]> = [
    ['/sv/toolbox/texts', 200],
    ['/en/toolbox/texts', 200],
    ['/sv/toolbox/texts?municipality=falun&language=en', 200],
    ['/en/toolbox/texts?persona=international&topic=career', 200],
    ['/sv/toolbox/texts?persona=pirates', 400],
  ];
  const adminPages = [
    '/admin/toolbox/texts',
    '/admin/toolbox/texts?status=draft',
    '/admin/toolbox/texts/new',
    `/admin/toolbox/texts/${approved.id}`,
  ];

  for (const width of [375, 1280]) {
    it(`at ${width} px every page passes axe and fits`, async () => {
      const failures: string[] = [];
      const look = pageLooker(failures, SHOTS);
      const label = (path: string) => `toolbox-texts${path.replace(/[/?&=]/g, '_')}-${width}`;
      const context = await contextFor(browser, site, employer, width);
      try {
        const page = await context.newPage();
        for (const [path, status] of pages) {
          const response = await page.goto(`${site.base}${path}`);
          assert.equal(response?.status(), status, path);
          await look(page, label(path));
        }
      } finally {
        await context.close();
      }
      const editing = await contextFor(browser, site, editor, width);
      try {
        const page = await editing.newPage();
        for (const path of adminPages) {
          const response = await page.goto(`${site.base}${path}`);
          assert.equal(response?.status(), 200, path);
          await look(page, label(path));
        }
        // A figure without its source: the form comes back with the errors by their fields.
        await page.goto(`${site.base}/admin/toolbox/texts/new`);
        await page.fill('#title_sv', 'Mora i siffror');
        await page.fill('#body_sv', 'Mora har cirka 20 400 invånare.');
        await Promise.all([page.waitForNavigation(), page.click('.texts-form button[type=submit]')]);
        assert.equal(await page.inputValue('#body_sv'), 'Mora har cirka 20 400 invånare.');
        assert.equal(await page.locator('#source_name-error').count(), 1);
        await look(page, label('/admin/toolbox/texts/new-refused'));
      } finally {
        await editing.close();
      }
      assert.deepEqual(failures, []);
    });
  }

  it('copies a text with its source when JavaScript runs', async () => {
    const context = await contextFor(browser, site, employer, 1280);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base });
    try {
      const page = await context.newPage();
      await page.goto(`${site.base}/sv/toolbox/texts?municipality=falun`);
      const card = page.locator('.text-card', { hasText: 'Falun – nära till Stockholm' });
      const button = card.locator('button.copy-button');
      assert.equal(await button.isVisible(), true);
      await button.click();
      await card.locator('.copy-status', { hasText: /kopierad|kopiera/ }).waitFor();
      const status = await card.locator('.copy-status').textContent();
      assert.equal(status, 'Texten är kopierad.');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(
        copied,
        /^Från Falun tar tåget cirka 2 timmar och 50 minuter[^\n]*\n\nDu kan bo i en levande småstad/,
      );
      assert.match(copied, /\n\nKälla: SJ, tidtabell, 1 november 2026$/);
    } finally {
      await context.close();
    }
  });

  it('filters without JavaScript, the copy buttons hidden and the text selectable', async () => {
    const context = await contextFor(browser, site, employer, 375, false);
    try {
      const page = await context.newPage();
      await page.goto(`${site.base}/sv/toolbox/texts`);
      assert.equal(await page.locator('button.copy-button').first().isVisible(), false);
      const all = await page.locator('.text-card').count();
      await page.selectOption('#tx-topic', 'commute');
      await Promise.all([page.waitForNavigation(), page.click('.texts-filters button[type=submit]')]);
      assert.match(page.url(), /topic=commute/);
      const some = await page.locator('.text-card').count();
      assert.ok(some > 0 && some < all, `${some} of ${all}`);
      for (const tag of await page.locator('.text-card__tags .tag:first-child').allTextContents())
        assert.equal(tag, 'Pendling och resor');
    } finally {
      await context.close();
    }
  });
});
