/**
 * The toolbox's brand platform in a real browser at 375 px and 1280 px: /sv/toolbox and /en/toolbox
 * as an employer (the demo platform, its photographs), the page a talent gets, and the back-office
 * (overview, edit form, history with a diff, the form re-shown with an error). Axe finds nothing
 * and nothing is wider than the screen. BRAND_SCREENSHOTS=dir saves full-page screenshots there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importDemoPhotos } from '../../src/modules/content/media/demo.ts';
import { mediaLimits } from '../../src/modules/content/media/module.ts';
import { BEARER_PICTURES, HERO_PICTURES } from '../../src/modules/toolbox/brand/routes.ts';
import { seedBrand } from '../../src/modules/toolbox/brand/seed.ts';
import { storageFor } from '../../src/platform/storage/index.ts';
import { createPerson, REGION } from '../helpers/identity.ts';
import { toolboxUser } from '../helpers/toolbox.ts';
import { clickAndWait, launchBrowser, pageLooker, signedInContext, startSite } from './browser.ts';

const SHOTS = process.env.BRAND_SCREENSHOTS;

describe('the toolbox’s brand platform at 375 px and 1280 px', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  assert.equal(await seedBrand(db, { demo: true }), 1);
  await importDemoPhotos(db, storageFor(site.config), REGION, mediaLimits(site.config), undefined, [
    ...new Set([...HERO_PICTURES, ...BEARER_PICTURES.flat()]),
  ]);
  const employer = await toolboxUser(db);
  const editor = await toolboxUser(db, { role: 'region_editor' });
  const talent = await createPerson(db, { role: null });

  for (const width of [375, 1280]) {
    it(`at ${width} px every page passes axe and fits`, async () => {
      const failures: string[] = [];
      const look = pageLooker(failures, SHOTS);
      const visit = async (accountId: string, paths: readonly string[], status: number) => {
        const context = await signedInContext(browser, site, accountId, width);
        try {
          const page = await context.newPage();
          for (const path of paths) {
            const response = await page.goto(`${site.base}${path}`);
            assert.equal(response?.status(), status, `${path} answers ${status}`);
            await look(page, `brand${path.replace(/[/?&=]/g, '_')}-${width}`);
          }
          return page;
        } catch (error) {
          await context.close();
          throw error;
        }
      };
      const employerPage = await visit(employer.accountId, ['/sv/toolbox', '/en/toolbox'], 200);
      assert.equal(await employerPage.locator('.brand-hero figcaption').count(), 1);
      await employerPage.context().close();
      await (await visit(talent.accountId, ['/sv/toolbox', '/en/toolbox'], 403)).context().close();
      const admin = await visit(
        editor.accountId,
        ['/admin/toolbox', '/admin/toolbox/brand', '/admin/toolbox/brand/versions?diff=1'],
        200,
      );
      // The form re-shown with an error by its field.
      await admin.goto(`${site.base}/admin/toolbox/brand`);
      await admin.fill('#position_sv', 'x'.repeat(130));
      await clickAndWait(admin, '.brand-form button[type="submit"]');
      assert.match(await admin.locator('#position_sv-error').innerText(), /120/);
      await look(admin, `brand_admin_error-${width}`);
      await admin.context().close();
      assert.deepEqual(failures, []);
    });
  }
});
