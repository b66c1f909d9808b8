/**
 * The navigators' dashboard in a real browser at 320 px and 1280 px, with figures in every section,
 * empty, and with a bad date: nothing wider than the screen, axe finds nothing, and the form works
 * from the keyboard. DASHBOARD_SCREENSHOTS=dir saves full-page screenshots there.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { REGION } from '../helpers/identity.ts';
import { createCase, createNavigator } from '../helpers/relocation.ts';
import { launchBrowser, pageLooker, signedInContext, startSite } from './browser.ts';

const SHOTS = process.env.DASHBOARD_SCREENSHOTS;

describe('the navigators’ dashboard at 320 px and 1280 px', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const navigator = await createNavigator(db, { municipalityCode: '2080', name: 'Frida Falun' });

  const stages = ['new', 'new', 'in_contact', 'exploring', 'visit_planned', 'offer', 'moving'];
  const codes = ['2080', '2081', null, '2085', '2023', '2080', '2062'];
  for (let i = 0; i < 28; i++) {
    const { caseId } = await createCase(db, {
      municipalityCode: codes[i % codes.length],
      navigatorId: i % 3 === 0 ? navigator.accountId : null,
      stage: i < 20 ? stages[i % stages.length] : i < 25 ? 'moved' : 'closed',
      createdAt: new Date(Date.now() - (i * 11 + 3) * 86_400_000),
    });
    await db
      .updateTable('relocation_cases')
      .set({
        first_response_at: i % 4 === 0 ? null : sql`created_at + make_interval(hours => ${i * 3 + 1})`,
        ...(i >= 20 && i < 25
          ? {
              outcome_municipality: codes[i % codes.length] ?? '2080',
              outcome_main_employment: 'employed',
              outcome_partner_employment: i % 2 ? 'searching' : 'self_employed',
              moved_on: sql`(current_date - make_interval(days => ${i}))::date`,
            }
          : {}),
        ...(i >= 25 ? { close_reason: 'not_moving', closed_at: sql`now() - interval '2 days'` } : {}),
      })
      .where('region_id', '=', REGION)
      .where('id', '=', caseId)
      .execute();
  }

  for (const width of [320, 1280]) {
    it(`at ${width} px: the figures, an empty period and a bad date fit and pass axe`, async () => {
      const failures: string[] = [];
      const look = pageLooker(failures, SHOTS);
      const context = await signedInContext(browser, site, navigator.accountId, width);
      try {
        const page = await context.newPage();
        await page.goto(`${site.base}/admin/cases/dashboard?view=region`);
        assert.equal(await page.locator('svg.chart').count(), 4);
        await look(page, `dashboard-region-${width}`);
        if (SHOTS) {
          for (const section of await page.locator('.dashboard-section').all()) {
            const id = await section.getAttribute('id');
            await section.screenshot({ path: join(SHOTS, `${id}-${width}.png`) });
          }
        }

        // From the keyboard: "my cases", then an empty period.
        await page.locator('#view-me').focus();
        await page.keyboard.press('Space');
        await page.fill('#from', '2005-01-01');
        await page.fill('#to', '2005-12-31');
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        assert.match(page.url(), /view=me&from=2005-01-01&to=2005-12-31/);
        await look(page, `dashboard-empty-${width}`);

        await page.goto(`${site.base}/admin/cases/dashboard?from=2024-02-30`);
        assert.equal(await page.locator('#from-error').count(), 1);
        await look(page, `dashboard-error-${width}`);
      } finally {
        await context.close();
      }
      assert.deepEqual(failures, []);
    });
  }
});
