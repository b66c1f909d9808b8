/**
 * The toolbox's guides in a real browser at 375 px and 1280 px: the list with photo cards and a
 * checklist, each guide, a checklist, its delete step, and the editors' list and form. Axe finds
 * nothing and nothing is wider than the screen. Without JavaScript a checklist is ticked and saved;
 * printed, a guide leaves out the navigation and forms and writes its links out.
 * GUIDES_SCREENSHOTS=dir saves full-page screenshots there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importDemoPhotos } from '../../src/modules/content/media/demo.ts';
import { mediaLimits } from '../../src/modules/content/media/module.ts';
import { BASE_GUIDES } from '../../src/modules/toolbox/guides/content.ts';
import { storageFor } from '../../src/platform/storage/index.ts';
import { REGION } from '../helpers/identity.ts';
import { toolboxUser } from '../helpers/toolbox.ts';
import { launchBrowser, pageLooker, startSite, type Site } from './browser.ts';
import type { Browser } from 'playwright-core';

const SHOTS = process.env.GUIDES_SCREENSHOTS;

async function contextFor(browser: Browser, site: Site, cookie: string, width: number, js = true) {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    bypassCSP: true,
    javaScriptEnabled: js,
  });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: site.base }]);
  return context;
}

describe('the toolbox guides at 375 px and 1280 px', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  await importDemoPhotos(
    db,
    storageFor(site.config),
    REGION,
    mediaLimits(site.config),
    undefined,
    BASE_GUIDES.flatMap((g) => (g.data.image ? [g.data.image] : [])),
  );
  const hr = await toolboxUser(db);
  const editor = await toolboxUser(db, { role: 'region_editor' });
  const checklist = await db
    .insertInto('toolbox_checklists')
    .values({
      region_id: REGION,
      organisation_id: hr.organisationId,
      guide_slug: BASE_GUIDES[0]!.slug,
      label: 'Processingenjör, våren 2027',
      done: ['offer-terms', 'permit-offer'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const hrPaths = [
    '/sv/toolbox/guides',
    '/en/toolbox/guides',
    ...BASE_GUIDES.map((g) => `/sv/toolbox/guides/${g.slug}`),
    `/en/toolbox/guides/${BASE_GUIDES[2]!.slug}`,
    `/sv/toolbox/guides/checklists/${checklist.id}`,
    `/en/toolbox/guides/checklists/${checklist.id}/delete`,
  ];
  const editorPaths = ['/admin/toolbox/guides', `/admin/toolbox/guides/${BASE_GUIDES[1]!.slug}`];

  for (const width of [375, 1280]) {
    it(`at ${width} px every page passes axe and fits`, async () => {
      const failures: string[] = [];
      const look = pageLooker(failures, SHOTS);
      for (const [cookie, paths] of [
        [hr.cookie, hrPaths],
        [editor.cookie, editorPaths],
      ] as const) {
        const context = await contextFor(browser, site, cookie, width);
        try {
          const page = await context.newPage();
          for (const path of paths) {
            const response = await page.goto(`${site.base}${path}`);
            assert.equal(response?.status(), 200, `${path} answers 200`);
            await look(page, `guides${path.replace(/[/?&=]/g, '_')}-${width}`);
          }
        } finally {
          await context.close();
        }
      }
      assert.deepEqual(failures, []);
    });
  }

  it('shows the guides with their photographs', async () => {
    const context = await contextFor(browser, site, hr.cookie, 1280);
    try {
      const page = await context.newPage();
      await page.goto(`${site.base}/sv/toolbox/guides`);
      assert.equal(await page.locator('.guide-card').count(), 3);
      assert.equal(await page.locator('.guide-card img').count(), 3);
      const loaded = await page
        .locator('.guide-card img')
        .first()
        .evaluate((img: HTMLImageElement) => img.naturalWidth);
      assert.ok(loaded > 0, 'the card photo loads');
    } finally {
      await context.close();
    }
  });

  it('ticks a checklist and saves it without JavaScript', async () => {
    const context = await contextFor(browser, site, hr.cookie, 375, false);
    try {
      const page = await context.newPage();
      await page.goto(`${site.base}/sv/toolbox/guides/checklists/${checklist.id}`);
      await page.locator('#done-family-apply').check();
      await page.locator('#done-offer-terms').uncheck();
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Spara bockarna' }).click(),
      ]);
      assert.match(await page.locator('[role="status"]').first().innerText(), /Bockarna är sparade/);
      assert.ok(await page.locator('#done-family-apply').isChecked());
      assert.ok(!(await page.locator('#done-offer-terms').isChecked()));
      const row = await db
        .selectFrom('toolbox_checklists')
        .select('done')
        .where('id', '=', checklist.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([...row.done].sort(), ['family-apply', 'permit-offer']);
    } finally {
      await context.close();
    }
  });

  it('prints a guide without navigation or forms, with its links written out', async () => {
    const context = await contextFor(browser, site, hr.cookie, 1280);
    try {
      const page = await context.newPage();
      await page.goto(`${site.base}/sv/toolbox/guides/${BASE_GUIDES[0]!.slug}`);
      assert.equal(await page.locator('.toolbox-nav').isVisible(), true);
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.toolbox-nav').isVisible(), false);
      assert.equal(await page.locator('.guide-start-box').isVisible(), false);
      assert.equal(await page.locator('.guide-item__url').first().isVisible(), true);
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 10_000);
    } finally {
      await context.close();
    }
  });
});
