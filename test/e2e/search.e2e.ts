/**
 * The site search in a real browser, in both languages: at 320 px the header stays on one row and
 * its menu holds a search field that leads to the results; the page with results, with none, with
 * a typo corrected and with a too-long text has no axe violations and nothing scrolls sideways; at
 * 1280 px the header's search link is on the brand's row (with more than five sections the section
 * bar has a row of its own under it).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, launchBrowser, pageOverflow, startSite } from './browser.ts';
import { loadAds, makeAd } from '../helpers/jobs.ts';
import { publishCorpus } from '../helpers/published-content.ts';

describe('the site search in a browser', async () => {
  const site = await startSite();
  await publishCorpus(site.database.db, 'dalarna');
  await loadAds(site.database.db, [
    makeAd({ id: '9500001', headline: 'Förskollärare till Borlänge', occupation: 'preschoolTeacher' }),
  ]);
  const browser = await launchBrowser();

  const oneRow = async (page: Page, selectors: string[], what: string) => {
    const boxes = await Promise.all(selectors.map((s) => page.locator(s).boundingBox()));
    const middles = boxes.map((b) => Math.round(b!.y + b!.height / 2));
    assert.ok(Math.max(...middles) - Math.min(...middles) <= 4, `${what}: one row (${middles.join(', ')})`);
  };

  it('at 320 px: one header row; the menu searches; results, none, a typo corrected and an error pass axe', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 700 }, bypassCSP: true });
    const page = await context.newPage();
    for (const [lang, text, summary] of [
      ['sv', 'förskola', /träffar för ”förskola”/],
      ['en', 'preschool', /results for “preschool”/],
    ] as const) {
      await page.goto(`${site.base}/${lang}/`);
      await oneRow(page, ['.brand', '.site-menu__button', '.site-header .lang-switch'], `/${lang}/`);
      assert.equal(await page.locator('.search-link').isVisible(), false);
      await page.locator('.site-menu__button').click();
      await page.locator('#menu-q').fill(text);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\?q=/);
      assert.match(await page.locator('.site-search__summary').innerText(), summary);
      assert.equal(await page.locator('#site-q').inputValue(), text, 'the text is kept');
      assert.ok((await page.locator('.search-group h2').count()) >= 4);
      await oneRow(page, ['.brand', '.site-menu__button', '.site-header .lang-switch'], 'search page');
      for (const path of [
        `/${lang}/search`,
        page.url().slice(site.base.length),
        `/${lang}/search?q=qwxzvb`,
        `/${lang}/search?q=f%C3%B6rskloa`,
        `/${lang}/search?q=${'skola '.repeat(60)}`,
        `/${lang}/search?q=skola&kind=guide`,
      ]) {
        await page.goto(site.base + path);
        assert.deepEqual(await axeViolations(page), [], path);
        const overflow = await pageOverflow(page);
        assert.equal(overflow.scrollWidth, overflow.clientWidth, `${path}: ${overflow.wide.join('\n')}`);
      }
    }
    // The menu's search field beside the page's own: two search landmarks, each with its own name.
    await page.goto(`${site.base}/en/search?q=school`);
    await page.locator('.site-menu__button').click();
    assert.deepEqual(await axeViolations(page), [], '/en/search with the menu open');
    // A typo shows the results for the corrected word, and says so.
    await page.goto(`${site.base}/sv/search?q=f%C3%B6rskloa`);
    assert.match(await page.locator('.site-search__corrected').innerText(), /Visar träffar för ”förskola”/);
    assert.ok((await page.locator('.search-hit').count()) > 0);
    await context.close();
  });

  it('at 375 and 1280 px: the brand row keeps one row, the search link on it at 1280 px', async () => {
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
      const page = await context.newPage();
      for (const lang of ['sv', 'en']) {
        await page.goto(`${site.base}/${lang}/search?q=skola`);
        const row =
          width < 800
            ? ['.brand', '.site-menu__button', '.site-header .lang-switch']
            : ['.brand', '.search-link', '.site-header .lang-switch'];
        await oneRow(page, row, `${width} px /${lang}/`);
        assert.equal(await page.locator('.search-link').isVisible(), width >= 800);
        assert.deepEqual(await axeViolations(page), [], `${width} px /${lang}/search`);
      }
      await context.close();
    }
  });
});
