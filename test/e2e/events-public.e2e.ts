/**
 * The visitors' event pages in a real browser at 375 px and 1280 px, in Swedish and English, over
 * the demo events: the calendar, a filtered calendar, event pages (a test-living weekend with its
 * programme, the fair in Malmö with its exhibitors, a cancelled one). Axe finds nothing and nothing
 * is wider than the screen; with JavaScript off, the filter form filters and a chip takes its
 * filter off. EVENTS_SCREENSHOTS=dir saves full-page screenshots there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedDemoEvents } from '../../src/modules/events/public/seed.ts';
import { createEvent } from '../helpers/events.ts';
import { launchBrowser, pageLooker, startSite } from './browser.ts';

const SHOTS = process.env.EVENTS_SCREENSHOTS;

describe('the events’ public pages at 375 px and 1280 px', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  assert.equal(await seedDemoEvents(db, true), 7);
  // Seeding again changes nothing.
  assert.equal(await seedDemoEvents(db, true), 0);
  const cancelled = await createEvent(db, {
    slug: 'installd-informationstraff',
    title: 'Inställd informationsträff',
    titleEn: 'Cancelled information meeting',
    kind: 'info',
    status: 'cancelled',
  });
  await db
    .updateTable('events')
    .set({ cancel_reason: 'Föreläsaren är sjuk. Vi bjuder in till ett nytt datum snart.' })
    .where('id', '=', cancelled.id)
    .execute();

  const paths = [
    '/sv/events',
    '/en/events',
    '/sv/events?where=away&persona=students',
    '/en/events?kind=company_visit',
    '/sv/events/testbo-helg-i-rattvik',
    '/en/events/testbo-helg-i-rattvik',
    '/sv/events/dalarna-pa-framtidsmassan-i-malmo',
    '/en/events/digital-jobbdag-dalarna',
    `/sv/events/${cancelled.slug}`,
    '/sv/places/rattvik',
  ];

  for (const width of [375, 1280]) {
    it(`at ${width} px every page passes axe and fits`, async () => {
      const failures: string[] = [];
      const look = pageLooker(failures, SHOTS);
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      try {
        const page = await context.newPage();
        for (const path of paths) {
          const response = await page.goto(`${site.base}${path}`);
          assert.equal(response?.status(), 200, `${path} answers 200`);
          await look(page, `events${path.replace(/[/?&=]/g, '_')}-${width}`);
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(failures, []);
    });
  }

  it('filters without JavaScript: the form’s selects, then a chip takes its filter off', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 900 },
      javaScriptEnabled: false,
    });
    try {
      const page = await context.newPage();
      await page.goto(`${site.base}/sv/events`);
      const all = await page.locator('.event-card').count();
      assert.ok(all >= 7);
      await page.selectOption('#ef-kind', 'company_visit');
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Visa evenemang' }).click(),
      ]);
      assert.match(page.url(), /\/sv\/events\?kind=company_visit(&|$)/);
      assert.equal(await page.locator('.event-card').count(), 2);
      assert.match(await page.locator('#events-count').innerText(), /2 kommande evenemang/);
      await Promise.all([page.waitForNavigation(), page.locator('.event-chosen__chip').first().click()]);
      assert.match(page.url(), /\/sv\/events$/);
      assert.equal(await page.locator('.event-card').count(), all);
      // An event page and its calendar file are plain links.
      await Promise.all([
        page.waitForNavigation(),
        page.getByRole('link', { name: 'Testbo-helg i Rättvik' }).click(),
      ]);
      assert.equal(await page.locator('h1').innerText(), 'Testbo-helg i Rättvik');
      assert.equal(await page.locator('.event-programme__day').count(), 3);
      const ics = await page.getByRole('link', { name: 'Lägg till i kalendern' }).getAttribute('href');
      const res = await fetch(`${site.base}${ics}`);
      assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
      assert.match(await res.text(), /SUMMARY:Testbo-helg i Rättvik/);
    } finally {
      await context.close();
    }
  });
});
