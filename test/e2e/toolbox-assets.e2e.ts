/**
 * The toolbox's photos and material in a real browser at 375 px and 1280 px, over the demo seed
 * (three of the library's photographs — one with its last day soon, one past it —, the drawn
 * wordmark and the graphic-profile PDF): the grid and a filtered grid, an asset's page, an expired
 * one's, the refused download (410), the organisation's downloads, and the back-office's list, edit
 * form and new form re-shown with its errors. Axe finds nothing and nothing is wider than the
 * screen; without JavaScript the filters filter. ASSETS_SCREENSHOTS=dir saves screenshots there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importDemoPhotos } from '../../src/modules/content/media/demo.ts';
import { mediaLimits } from '../../src/modules/content/media/module.ts';
import { seedAssets } from '../../src/modules/toolbox/assets/seed.ts';
import { storageFor } from '../../src/platform/storage/index.ts';
import { REGION } from '../helpers/identity.ts';
import { toolboxUser } from '../helpers/toolbox.ts';
import { clickAndWait, launchBrowser, pageLooker, signedInContext, startSite } from './browser.ts';

const SHOTS = process.env.ASSETS_SCREENSHOTS;

describe('the toolbox’s photos and material at 375 px and 1280 px', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  await importDemoPhotos(db, storageFor(site.config), REGION, mediaLimits(site.config), undefined, [
    'lake-jetty-sunset',
    'office-team-workshop',
    'midsommar-maypole',
  ]);
  await seedAssets(db, { demo: true, config: site.config });
  await seedAssets(db, { demo: true, config: site.config });
  const ids = new Map(
    (await db.selectFrom('toolbox_assets').select(['id', 'title_sv']).execute()).map((r) => [
      r.title_sv,
      r.id,
    ]),
  );
  assert.equal(ids.size, 5, 'three photos, the wordmark and the profile; seeding twice adds nothing');
  const soon = ids.get('Brygga i solnedgång')!;
  const expired = ids.get('Workshop i projektrummet')!;
  const logo = ids.get('Dalarnas ordmärke')!;
  const employer = await toolboxUser(db);
  const editor = await toolboxUser(db, { role: 'region_editor' });

  for (const width of [375, 1280]) {
    it(`at ${width} px every page passes axe and fits`, async () => {
      const failures: string[] = [];
      const look = pageLooker(failures, SHOTS);
      const visit = async (accountId: string, paths: ReadonlyArray<[string, number]>) => {
        const context = await signedInContext(browser, site, accountId, width);
        try {
          const page = await context.newPage();
          // one download, so the organisation's page has rows
          const download = await context.request.get(`${site.base}/sv/toolbox/assets/${logo}/download`);
          assert.equal(download.status(), 200);
          for (const [path, status] of paths) {
            const response = await page.goto(`${site.base}${path}`);
            assert.equal(response?.status(), status, `${path} answers ${status}`);
            await look(page, `assets${path.replace(/[/?&=]/g, '_')}-${width}`);
          }
          return page;
        } catch (error) {
          await context.close();
          throw error;
        }
      };
      const org = await visit(employer.accountId, [
        ['/sv/toolbox/assets', 200],
        ['/en/toolbox/assets?kind=photo&use=web', 200],
        [`/sv/toolbox/assets/${soon}`, 200],
        [`/en/toolbox/assets/${expired}`, 200],
        [`/sv/toolbox/assets/${logo}`, 200],
        [`/sv/toolbox/assets/${expired}/download`, 410],
        ['/sv/toolbox/assets/downloads', 200],
      ]);
      await org.context().close();
      const admin = await visit(editor.accountId, [
        ['/admin/toolbox/assets', 200],
        [`/admin/toolbox/assets/${soon}`, 200],
        [`/admin/toolbox/assets/${logo}`, 200],
        ['/admin/toolbox/assets/new', 200],
      ]);
      // The new form sent empty: re-shown with its errors by the fields.
      await clickAndWait(admin, 'form[action="/admin/toolbox/assets/new"] button[type="submit"]');
      assert.ok((await admin.locator('.field__error').count()) >= 3);
      await look(admin, `assets_admin_new_errors-${width}`);
      await admin.context().close();
      assert.deepEqual(failures, []);
    });
  }

  it('filters without JavaScript, and flags the expired photo in the grid', async () => {
    const context = await signedInContext(browser, site, employer.accountId, 375);
    try {
      const page = await context.newPage();
      await page.route('**/*.js', (route) => route.abort());
      await page.goto(`${site.base}/sv/toolbox/assets`);
      assert.equal(await page.locator('.asset-card').count(), 5);
      assert.match(await page.locator('.asset-card--gone').innerText(), /Licensen gick ut den/);
      await page.selectOption('#filter-kind', 'logo');
      await clickAndWait(page, '.asset-filters button[type="submit"]');
      assert.equal(await page.locator('.asset-card').count(), 1);
      assert.match(page.url(), /kind=logo/);
    } finally {
      await context.close();
    }
  });
});
