/**
 * A visitor's journey through the public site in a real browser, with JavaScript on and off: language
 * choice, language switch, accessibility statement, the feedback form's error state and receipt, and the
 * e-mail that reaches the region. Then keyboard use: skip link and visible focus in the header.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser, mailText, startSite, watchErrors } from './browser.ts';

/** Clicks the form's submit button and waits for the page the POST answers with. */
async function submit(page: Page): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/accessibility/feedback'),
    ),
    page.click('form.form button[type="submit"]'),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

describe('visitor journey', async () => {
  const site = await startSite();
  const browser = await launchBrowser();

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';

    it(`${mode}: Swedish landing, language switch, feedback form with errors, receipt and e-mail`, async () => {
      const context = await browser.newContext({ locale: 'sv-SE', javaScriptEnabled });
      const page = await context.newPage();
      const errors = watchErrors(page);
      try {
        // A Swedish browser lands on the Swedish site.
        const landing = await page.goto(`${site.base}/`);
        assert.equal(landing?.status(), 200);
        assert.equal(new URL(page.url()).pathname, '/sv/', 'Accept-Language sv leads to /sv/');
        assert.equal(await page.getAttribute('html', 'lang'), 'sv');

        // The language switch leads to the same page in English.
        await Promise.all([page.waitForURL('**/en/'), page.click('a.lang-switch')]);
        assert.equal(new URL(page.url()).pathname, '/en/');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');

        // The footer links to the accessibility statement.
        await Promise.all([
          page.waitForURL('**/en/accessibility'),
          page.click('footer.site-footer a[href="/en/accessibility"]'),
        ]);
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.equal(await page.locator('h1').count(), 1);

        // An empty message: the form comes back with the error summary and the field's own error.
        await page.fill('#name', 'Åsa Öberg');
        await page.fill('#email', 'asa@example.se');
        assert.equal(await submit(page), 422);
        const summary = page.locator('.error-summary');
        assert.ok(await summary.isVisible(), 'error summary shown');
        assert.equal(await summary.getAttribute('role'), 'alert');
        assert.equal(
          await summary.locator('a[href="#message"]').count(),
          1,
          'summary links to the message field',
        );
        const fieldError = page.locator('.field:has(#message) #message-error');
        assert.ok(await fieldError.isVisible(), 'error shown in the message field');
        assert.ok(((await fieldError.textContent()) ?? '').trim().length > 0, 'error has text');
        assert.equal(await page.getAttribute('#message', 'aria-invalid'), 'true');
        assert.match((await page.getAttribute('#message', 'aria-describedby')) ?? '', /\bmessage-error\b/);
        assert.equal(await page.inputValue('#name'), 'Åsa Öberg', 'typed name kept');
        assert.equal(await page.inputValue('#email'), 'asa@example.se', 'typed e-mail kept');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');

        // The summary's link takes the visitor to the field.
        await page.click('.error-summary a[href="#message"]');
        assert.equal(await page.locator('#message').evaluate((el) => el === document.activeElement), true);

        // A message: the visitor gets a receipt.
        const message = `The job search cannot be used with a keyboard (${mode}).\nTab skips the filters.`;
        await page.fill('#message', message);
        assert.equal(await submit(page), 303, 'the POST redirects (see other)');
        await page.waitForURL((url) => url.pathname === '/en/accessibility/feedback/sent');
        assert.equal(new URL(page.url()).pathname, '/en/accessibility/feedback/sent');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        assert.equal(await page.locator('h1').count(), 1);

        // The region's contact gets the message by e-mail.
        await site.queue.drain();
        const mails = site.received.filter((m) => mailText(m).includes(`(${mode}).`));
        assert.equal(mails.length, 1, 'one e-mail with the message');
        const text = mailText(mails[0]!);
        assert.deepEqual(mails[0]!.to, ['lotsa@dalarna.example']);
        assert.match(text, new RegExp(`The job search cannot be used with a keyboard \\(${mode}\\)\\.`));
        assert.match(text, /Tab skips the filters\./);
        assert.match(text, /Åsa Öberg/);
        assert.match(text, /^Reply-To: asa@example\.se/m);

        assert.deepEqual(errors.list(), [], 'no console errors or failed requests');
      } finally {
        await context.close();
      }
    });
  }

  it('keyboard only: the skip link is the first stop and leads to main; every header stop shows focus', async () => {
    const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${site.base}/sv/`);

      // Unfocused look of every stop in the header, to compare with its focused look.
      // (Shown ones only: at this width the phone menu's button and links are hidden.)
      const stops = page.locator(
        'header.site-header :is(a[href], summary, button, input, select, textarea, [tabindex]:not([tabindex="-1"])) >> visible=true',
      );
      const count = await stops.count();
      assert.ok(count >= 3, `header has its links (found ${count})`);
      const before = await stops.evaluateAll((els) =>
        els.map((el) => {
          const s = getComputedStyle(el);
          return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow };
        }),
      );

      // First Tab: the skip link, shown inside the viewport.
      await page.keyboard.press('Tab');
      const skip = page.locator('a.skip-link');
      assert.equal(
        await skip.evaluate((el) => el === document.activeElement),
        true,
        'skip link focused first',
      );
      const box = await skip.boundingBox();
      const viewport = page.viewportSize()!;
      assert.ok(box, 'skip link has a box');
      assert.ok(box.width > 20 && box.height > 20, `skip link is not clipped (${box.width}×${box.height})`);
      assert.ok(
        box.x >= 0 &&
          box.y >= 0 &&
          box.x + box.width <= viewport.width &&
          box.y + box.height <= viewport.height,
        `skip link inside the viewport: ${JSON.stringify(box)}`,
      );
      assert.ok(await skip.isVisible());

      // Enter: focus and scroll move to main.
      await page.keyboard.press('Enter');
      await page.waitForURL('**/sv/#main');
      const main = await page.evaluate(() => ({
        focused: document.activeElement?.id === 'main',
        top: document.getElementById('main')!.getBoundingClientRect().top,
        scrollY: window.scrollY,
      }));
      assert.ok(main.focused, 'main has focus after the skip link');
      assert.ok(main.scrollY > 0 && Math.abs(main.top) <= 2, `scrolled to main: ${JSON.stringify(main)}`);

      // Through the header from the top: each stop gets a visible focus indicator.
      await page.goto(`${site.base}/sv/`);
      await page.keyboard.press('Tab'); // skip link
      for (let i = 0; i < count; i++) {
        await page.keyboard.press('Tab');
        const stop = stops.nth(i);
        const name = `${await stop.evaluate((el) => el.outerHTML.slice(0, 80))}`;
        assert.equal(await stop.evaluate((el) => el === document.activeElement), true, `Tab reaches ${name}`);
        const focused = await stop.evaluate((el) => {
          const s = getComputedStyle(el);
          return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow };
        });
        const unfocused = before[i]!;
        const outline =
          focused.outlineStyle !== 'none' &&
          parseFloat(focused.outlineWidth) >= 2 &&
          (focused.outlineStyle !== unfocused.outlineStyle ||
            focused.outlineWidth !== unfocused.outlineWidth);
        const shadow = focused.boxShadow !== 'none' && focused.boxShadow !== unfocused.boxShadow;
        assert.ok(
          outline || shadow,
          `visible focus on ${name}: focused ${JSON.stringify(focused)}, unfocused ${JSON.stringify(unfocused)}`,
        );
      }
    } finally {
      await context.close();
    }
  });
});
