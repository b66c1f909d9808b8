/**
 * "Jobs that suit you" on the own page in a real browser: a household's matches side by side at
 * 1280 px and stacked at 375 px, and a single person's list — no axe violations, nothing wider than
 * the screen. SCREENSHOTS=dir saves a picture of each.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { matchNextBatch } from '../../src/modules/talent/matching/incremental.ts';
import { REGION } from '../helpers/identity.ts';
import { loadAds, makeAd } from '../helpers/jobs.ts';
import { createProfile } from '../http/talent/matching-fixture.ts';
import { axeViolations, launchBrowser, pageOverflow, signedInContext, startSite } from './browser.ts';

describe('matches on the own page in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  await loadAds(db, [
    makeAd({
      id: 'e-nurse-falun',
      headline: 'Sjuksköterska till akutmottagningen i Falun',
      municipality: 'falun',
    }),
    makeAd({ id: 'e-nurse-mora', headline: 'Sjuksköterska, natt, Mora lasarett', municipality: 'mora' }),
    makeAd({
      id: 'e-teacher',
      headline: 'Lärare åk 1–3, Borlänge',
      municipality: 'borlange',
      occupation: 'teacher',
    }),
  ]);
  while (await matchNextBatch(db, REGION));
  const household = await createProfile(db, { partner: true });
  const single = await createProfile(db);
  const shots = process.env.SCREENSHOTS;

  for (const [who, accountId] of [
    ['household', household.accountId],
    ['single', single.accountId],
  ] as const) {
    for (const width of [375, 1280]) {
      it(`${who} at ${width} px`, async () => {
        const context = await signedInContext(browser, site, accountId, width);
        const page = await context.newPage();
        await page.goto(`${site.base}/sv/me`);
        await page.locator('#talent-matches').waitFor();
        const text = await page.locator('#talent-matches').innerText();
        assert.match(text, /Jobb som passar dig/);
        assert.match(text, /Varför: ditt yrke, i Falun/);
        if (who === 'household') {
          assert.match(text, /För din partner/);
          const sides = await page.locator('.talent-pair').first().locator('.talent-pair__side').all();
          const [a, b] = await Promise.all(sides.map((s) => s.boundingBox()));
          assert.ok(a && b);
          // Side by side from 800 px, stacked on a phone.
          if (width >= 800) assert.equal(Math.round(a.y), Math.round(b.y));
          else assert.ok(b.y > a.y);
        }
        if (shots)
          await page.screenshot({
            path: path.join(shots, `talent-matches-${who}-${width}.png`),
            fullPage: true,
          });
        const { scrollWidth, clientWidth, wide } = await pageOverflow(page);
        assert.ok(scrollWidth <= clientWidth, wide.join(' | '));
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      });
    }
  }
});
