/**
 * The public content pages in a real browser: a visitor answers the chooser on the home page and
 * lands on a path; axe finds nothing on the home page, a guide, a story and a path in both
 * languages nor on the chooser's error state; pictures do not move the page while they load.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { importDemoPhotos } from '../../src/modules/content/media/demo.ts';
import { mediaLimits } from '../../src/modules/content/media/module.ts';
import { storageFor } from '../../src/platform/storage/index.ts';
import { guideData, pathData, placeData, publishItem, R, storyData } from '../http/content/public-fixture.ts';
import { axeViolations, launchBrowser, pageOverflow, startSite } from './browser.ts';

describe('public content pages in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();

  before(async () => {
    const db = site.database.db;
    const photos = ['lake-jetty-sunset', 'office-team-workshop', 'autumn-forest-sunbeams'];
    await importDemoPhotos(db, storageFor(site.config), R, mediaLimits(site.config), undefined, photos);
    const guide = guideData('Arbetstillstånd');
    guide.heroImage = 'autumn-forest-sunbeams';
    await publishItem(db, 'guide', 'work-permit', guide);
    for (const name of ['Anna', 'Bo', 'Cecilia']) {
      const story = storyData(name);
      story.heroImage = 'office-team-workshop';
      await publishItem(db, 'story', name.toLowerCase(), story, { municipalityCode: '2080' });
    }
    const path = pathData('families', ['work-permit'], ['anna', 'bo']);
    path.heroImage = 'lake-jetty-sunset';
    await publishItem(db, 'path', 'families', path);
    const place = placeData('Falun');
    place.heroImage = 'lake-jetty-sunset';
    await publishItem(db, 'place', 'falun', place, { municipalityCode: '2080' });
  });

  it('a visitor answers the chooser on the home page and lands on a path', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(site.base + '/sv/');
    await page.getByRole('radio', { name: 'Jag har familj med barn' }).check();
    await page.getByRole('radio', { name: 'En enklare vardag med kortare avstånd' }).check();
    await page.getByRole('radio', { name: 'Jag har vuxit upp här eller har släkt här' }).check();
    await page.getByRole('button', { name: 'Visa min väg' }).click();
    await page.waitForURL(`${site.base}/sv/paths/families`);
    assert.equal(await page.locator('h1').textContent(), 'Vägen för families');
    assert.ok(await page.getByRole('link', { name: 'Arbetstillstånd' }).isVisible());

    // Two questions left unanswered: the form again, the answer given kept, errors by the fields.
    await page.goto(site.base + '/en/');
    await page.getByRole('radio', { name: "I'm building my career" }).check();
    await page.getByRole('button', { name: 'Show my path' }).click();
    await page.waitForURL(/\/en\/paths\/choose\?/);
    assert.equal(await page.getByRole('radio', { name: "I'm building my career" }).isChecked(), true);
    assert.ok(await page.getByText('Choose what you want more of').first().isVisible());
    assert.ok(await page.getByText('Choose where you live now').first().isVisible());
    await context.close();
  });

  it('axe finds nothing on home, guide, story, path (sv, en) and the chooser with errors; nothing scrolls sideways at 320 px', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 700 }, bypassCSP: true });
    const page = await context.newPage();
    const paths = [
      '/',
      '/guides/work-permit',
      '/stories/anna',
      '/paths/families',
      '/stories',
      '/guides',
      '/paths',
      '/move',
    ];
    for (const lang of ['sv', 'en']) {
      for (const path of [...paths, '/paths/choose?stage=family']) {
        const url = `/${lang}${path}`;
        await page.goto(site.base + url);
        assert.deepEqual(await axeViolations(page), [], url);
        const overflow = await pageOverflow(page);
        assert.equal(overflow.scrollWidth, overflow.clientWidth, `${url}: ${overflow.wide.join('\n')}`);
      }
    }
    await context.close();
  });

  it('no layout shift on the home page and a story while their pictures load (375 and 1280 px)', async () => {
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      await context.addInitScript(() => {
        const w = window as unknown as { __cls: number };
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[])
            if (!entry.hadRecentInput) w.__cls += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page = await context.newPage();
      for (const url of ['/sv/', '/en/stories/anna']) {
        await page.goto(site.base + url, { waitUntil: 'load' });
        // Scroll through the page so the lazy pictures load too.
        const height = await page.evaluate(() => document.body.scrollHeight);
        for (let y = 0; y < height; y += 600) await page.mouse.wheel(0, 600);
        await page.waitForLoadState('networkidle');
        const images = await page.evaluate(() =>
          Array.from(document.querySelectorAll('img')).map((img) => ({
            src: img.currentSrc,
            ok: img.complete,
            w: img.getAttribute('width'),
          })),
        );
        assert.ok(
          images.every((i) => i.w),
          `${url}: every image has its size`,
        );
        const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
        assert.equal(cls, 0, `${url} at ${width} px: cumulative layout shift`);
        const eager = await page.locator('img[loading="eager"]').count();
        assert.ok(eager <= 1, `${url}: only the hero loads eagerly`);
      }
      await context.close();
    }
  });
});
