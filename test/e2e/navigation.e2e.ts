/**
 * The site's header in a real browser: at 320 px brand, menu button and language switch share one
 * row and nothing scrolls sideways; the menu opens with the keyboard and its links are reachable;
 * at 1280 px the sections are one row with no menu button; axe finds nothing, menu open or closed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axeViolations, launchBrowser, pageOverflow, startSite } from './browser.ts';

describe('the site navigation in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();

  it('at 320 px: one row, no sideways scrolling, the menu opens by keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 700 }, bypassCSP: true });
    const page = await context.newPage();
    for (const path of ['/sv/', '/en/jobs']) {
      await page.goto(site.base + path);
      const overflow = await pageOverflow(page);
      assert.equal(overflow.scrollWidth, overflow.clientWidth, `${path}: ${overflow.wide.join('\n')}`);
      const boxes = await Promise.all(
        ['.brand', '.site-menu__button', '.site-header .lang-switch'].map((s) =>
          page.locator(s).boundingBox(),
        ),
      );
      const tops = boxes.map((b) => Math.round(b!.y + b!.height / 2));
      assert.ok(Math.max(...tops) - Math.min(...tops) <= 4, `${path}: one row (${tops.join(', ')})`);
      for (const b of boxes.slice(1)) assert.ok(b!.height >= 24 && b!.width >= 24, 'target size');
      assert.equal(await page.locator('.site-nav--bar').isVisible(), false);

      // Tab from the top of the page: skip link, brand, then the menu button.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'site-menu__button');
      assert.equal(await page.locator('.site-menu__panel').isVisible(), false);
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('.site-menu__panel').isVisible(), true);
      // The menu's search field first, its button, then the sections.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'menu-q');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.getAttribute('href'));
      assert.equal(first, path.slice(0, 4), 'the first section is next in the tab order');
      assert.deepEqual(await axeViolations(page), [], `${path} with the menu open`);
      const overflowOpen = await pageOverflow(page);
      assert.equal(overflowOpen.scrollWidth, overflowOpen.clientWidth);
      // Space closes it again.
      await page.locator('.site-menu__button').focus();
      await page.keyboard.press('Space');
      assert.equal(await page.locator('.site-menu__panel').isVisible(), false);
    }
    await context.close();
  });

  it('at 1280 px: the sections in one row, the current one marked, no menu button', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(site.base + '/en/jobs');
    assert.equal(await page.locator('.site-menu').isVisible(), false);
    const links = page.locator('.site-nav--bar a');
    const tops = new Set(
      await links.evaluateAll((as) => as.map((a) => Math.round(a.getBoundingClientRect().top))),
    );
    assert.equal(tops.size, 1, 'one row');
    assert.equal(await page.locator('.site-nav--bar [aria-current="page"]').textContent(), 'Jobs');
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});
