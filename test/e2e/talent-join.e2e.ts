/**
 * Joining the talent pool in a real browser on a 375 px phone, in Swedish and in English: the
 * landing page, the steps (an occupation picked with the type-ahead, a skill with the "Sök"
 * button), the e-mail's link, the confirm button, and the own page with the profile. axe finds
 * nothing on any page, nothing scrolls sideways, no script errors. Screenshots go to /tmp/talent-join-*.png.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clickAndWait, launchBrowser, mailText, pageLooker, startSite, watchErrors } from './browser.ts';

describe('joining the talent pool in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const failures: string[] = [];
  const look = pageLooker(failures, '/tmp');

  for (const lang of ['sv', 'en'] as const) {
    it(`joins in ${lang === 'sv' ? 'Swedish' : 'English'} at 375 px`, async () => {
      failures.length = 0;
      const context = await browser.newContext({ viewport: { width: 375, height: 800 }, bypassCSP: true });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${site.base}/${lang}/talent-pool`);
      await look(page, `talent-join-${lang}-landing`);
      await clickAndWait(page, '.talent-start');

      // The type-ahead: type, pick the first suggestion.
      await page.fill('#q_occupations', lang === 'sv' ? 'sjuksköt' : 'nurse');
      await page.locator('#q_occupations-suggestions button').first().waitFor();
      await look(page, `talent-join-${lang}-typeahead`);
      await page.locator('#q_occupations-suggestions button').first().click();
      assert.equal(await page.locator('input[name="occupations"]:checked').count(), 1);
      // Search-and-pick with the button.
      await page.fill('#q_skills', 'svets');
      await clickAndWait(page, 'button[value="search:skills"]');
      assert.equal(await page.locator('input[name="occupations"]:checked').count(), 1, 'the pick is kept');
      await page.locator('.picker__results input[name="skills"]').first().check();
      await look(page, `talent-join-${lang}-step1`);
      await clickAndWait(page, 'button[value="next"]');

      // Step 2, first sent empty: the errors by their fields.
      await clickAndWait(page, 'button[value="next"]');
      assert.ok(await page.locator('.error-summary').isVisible());
      await look(page, `talent-join-${lang}-step2-errors`);
      await page.check('#experience-2to5');
      await page.check('#education-university');
      await page.check('#anywhere');
      await page.check('#move_when-within-a-year');
      await page.fill('#about', 'Skog, sjö och ett jobb nära förskolan.');
      await clickAndWait(page, 'button[value="next"]');

      await page.check('#has_partner');
      await page.fill('#children', '4');
      await look(page, `talent-join-${lang}-step3`);
      await clickAndWait(page, 'button[value="next"]');

      const email = `e2e-${lang}@example.se`;
      await page.fill('#email', email);
      await page.check('#consents-navigator');
      await look(page, `talent-join-${lang}-step4`);
      await clickAndWait(page, 'button[value="next"]');
      await look(page, `talent-join-${lang}-sent`);

      await site.queue.drain();
      const mail = site.received.find((m) => m.to.includes(email));
      assert.ok(mail, 'the e-mail came');
      const link = /(http:\/\/localhost:3000\/(sv|en)\/talent-pool\/confirm\/[A-Za-z0-9_-]{43})/.exec(
        mailText(mail),
      )?.[1];
      assert.ok(link);
      await page.goto(`${site.base}${new URL(link).pathname}`);
      await look(page, `talent-join-${lang}-confirm`);
      await clickAndWait(page, '.talent-join button[type="submit"]');
      assert.match(page.url(), /\/me\?talent=joined#talent$/);
      assert.ok(await page.locator('#talent').isVisible());
      await look(page, `talent-join-${lang}-me`);

      assert.deepEqual(errors.list(), []);
      assert.deepEqual(failures, []);
      await context.close();
    });
  }
});
