/**
 * The audit trail's filter at 1280 px reads as pairs: organisation beside person, the kind of event
 * on its own line (its options are long), and the two dates side by side ("from" beside "to", never
 * "from" beside "person"). At 320 px every field is one under the other, in the same order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPerson, sessionFor } from '../helpers/identity.ts';
import { launchBrowser, startSite } from './browser.ts';

describe('the audit filter in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const admin = await createPerson(site.database.db, { role: 'admin' });
  const cookie = await sessionFor(site.database.db, admin.accountId, { secondFactor: true });
  const [name, value] = cookie.split('=') as [string, string];

  for (const width of [1280, 320]) {
    it(`at ${width} px the dates sit together, after the kind of event`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      try {
        await context.addCookies([{ name, value, url: site.base }]);
        const page = await context.newPage();
        await page.goto(`${site.base}/admin/audit`);
        const box = async (id: string) => (await page.locator(`#${id}`).boundingBox())!;
        const [organisation, person, action, from, to] = await Promise.all(
          ['organisation', 'person', 'action', 'from', 'to'].map(box),
        );
        // Reading order top to bottom: organisation, person, kind of event, from, to.
        assert.ok(action!.y > person!.y && from!.y > action!.y, 'the kind of event comes before the dates');
        if (width === 1280) {
          assert.equal(Math.round(from!.y), Math.round(to!.y), 'from and to on one line');
          assert.ok(to!.x > from!.x);
          // A select and a text input differ by a few pixels in height; both sit on one row.
          const bottom = (b: { y: number; height: number }) => b.y + b.height;
          assert.ok(Math.abs(bottom(organisation!) - bottom(person!)) < 8, 'organisation beside person');
        } else {
          assert.ok(to!.y > from!.y && person!.y > organisation!.y);
        }
      } finally {
        await context.close();
      }
    });
  }
});
