/**
 * The toolbox in a real browser as a new user works it, keyboard only: in the recruitment-text
 * builder an HR person first says who they want to reach and which extra paragraphs are true for
 * them, then searches the board for the job. The search must not throw away what they chose.
 * Both with JavaScript and without it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadAds, makeAd } from '../helpers/jobs.ts';
import { toolboxUser } from '../helpers/toolbox.ts';
import { launchBrowser, startSite } from './browser.ts';

describe('newuser: the toolbox in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const hr = await toolboxUser(db, { language: 'en' });
  await loadAds(db, [
    makeAd({
      id: 'nu-5001',
      headline: 'Process engineer',
      employer: 'Smältverket Norr AB',
      orgnr: '5560000999',
    }),
  ]);

  for (const javaScriptEnabled of [true, false]) {
    it(`keeps the audience and the ticked paragraphs when the job search runs (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 900 }, javaScriptEnabled });
      const [name, value] = hr.cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: site.base }]);
      try {
        const page = await context.newPage();
        await page.goto(`${site.base}/en/toolbox/builder`);
        // Keyboard only: focus the choices, tick them with the space bar.
        await page.focus('#persona-international');
        await page.keyboard.press('Space');
        await page.focus('#text-en');
        await page.keyboard.press('Space');
        await page.focus('#blocks-partner');
        await page.keyboard.press('Space');
        await page.focus('#blocks-navigator');
        await page.keyboard.press('Space');
        assert.equal(await page.isChecked('#persona-international'), true);
        assert.equal(await page.isChecked('#blocks-partner'), true);
        // Then step 1: search the board for the job, and press Enter.
        await page.focus('#q');
        await page.keyboard.type('engineer');
        await Promise.all([page.waitForURL(/q=engineer/), page.keyboard.press('Enter')]);
        assert.equal(await page.isChecked('#job-nu-5001').catch(() => false), false);
        assert.ok(await page.locator('#job-nu-5001').count(), 'the ad is found');
        // Seen now: the search form carries persona=everyone and no blocks, so the page comes back
        // with "Everyone" chosen and both paragraphs unticked.
        assert.equal(await page.isChecked('#persona-international'), true, 'the audience is kept');
        assert.equal(await page.isChecked('#blocks-partner'), true, 'the partner paragraph is kept');
        assert.equal(await page.isChecked('#blocks-navigator'), true, 'the navigator paragraph is kept');
      } finally {
        await context.close();
      }
    });
  }
});
