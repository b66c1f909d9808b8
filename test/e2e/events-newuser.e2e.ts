/**
 * A new user's review of events in Chromium (issue 17): door staff checking people in on a phone.
 * The door page is opened at a phone's size (375 × 740); the ticket code field, the scan button's
 * place and the name search must be on the first screen, not below the back-office's menu.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEvent, createOrganiser, createRegistration } from '../helpers/events.ts';
import { launchBrowser, startSite } from './browser.ts';

describe('events: door staff on a phone', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const staff = await createOrganiser(db);
  const event = await createEvent(db, { title: 'Företagsbesök på stålverket', capacity: 40 });
  await createRegistration(db, event.id, { name: 'Lea Wait', email: 'lea@example.de' });

  it('the ticket field and the search are on the first screen of a phone, without scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, bypassCSP: true });
    const [name, value] = staff.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: site.base }]);
    const page = await context.newPage();
    try {
      await page.goto(`${site.base}/admin/events/${event.id}/checkin`);
      const code = await page.locator('#code').boundingBox();
      const search = await page.locator('#q').boundingBox();
      assert.ok(code && search);
      // Today the back-office's header and menu (about 600 px) and the counts come first: the code
      // field starts at about 1,350 px, two screens down, for every person at the door.
      assert.ok(code.y + code.height <= 740, `the ticket code field is at ${Math.round(code.y)} px`);
      assert.ok(search.y + search.height <= 740 * 1.5, `the name search is at ${Math.round(search.y)} px`);
    } finally {
      await context.close();
    }
  });
});
