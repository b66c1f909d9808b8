/**
 * Found by trying the security round as a new employer admin would, on a phone: the members page,
 * where colleagues are invited (and where the invitation limits answer), must not scroll sideways.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOrganisation, createPerson, sessionFor } from '../helpers/identity.ts';
import { axeViolations, launchBrowser, startSite } from './browser.ts';

describe('an employer admin on a phone', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;

  it('the members page, its tables and the invitation form fit a 375px screen', async () => {
    const employer = await createOrganisation(db, { kind: 'employer', name: 'Telefonbolaget AB' });
    const admin = await createPerson(db, { role: 'employer_admin', organisationId: employer });
    await createPerson(db, { role: 'employer_member', organisationId: employer });
    const [name, value] = (await sessionFor(db, admin.accountId)).split('=') as [string, string];
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    try {
      await context.addCookies([{ name, value, url: site.base }]);
      const page = await context.newPage();
      const response = await page.goto(`${site.base}/admin/organisations/${employer}/members`);
      assert.equal(response?.status(), 200);
      // An invitation, so the pending list is there too.
      const form = page.locator('form:has(input[name=email])');
      await form.locator('input[name=email]').fill('kollega@example.org');
      await form.locator('select[name=role]').selectOption('employer_member');
      await form.locator('[type=submit]').click();
      await page.waitForLoadState('load');
      assert.equal(
        (await page.getByText('kollega@example.org').count()) > 0,
        true,
        'the invitation is listed',
      );
      const widths = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        // What sticks out past the right edge, to name in the failure message.
        wide: Array.from(document.querySelectorAll('body *'))
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .filter((el) => !el.closest('.table-scroll') || getComputedStyle(el).position === 'absolute')
          .slice(0, 5)
          .map((el) => el.outerHTML.slice(0, 100)),
      }));
      assert.ok(
        widths.scrollWidth <= 375,
        `page is ${widths.scrollWidth}px wide in a 375px viewport; past the edge: ${widths.wide.join(' | ')}`,
      );
    } finally {
      await context.close();
    }
  });

  it('the invitation limit’s answer (429, the error by the field) and a search with words left out pass axe', async () => {
    const employer = await createOrganisation(db, { kind: 'employer', name: 'Gränsbolaget AB' });
    const admin = await createPerson(db, { role: 'employer_admin', organisationId: employer });
    const [name, value] = (await sessionFor(db, admin.accountId)).split('=') as [string, string];
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, bypassCSP: true });
    try {
      await context.addCookies([{ name, value, url: site.base }]);
      const page = await context.newPage();
      let status: number | undefined;
      for (let i = 1; i <= 4; i += 1) {
        await page.goto(`${site.base}/admin/organisations/${employer}/members`);
        const form = page.locator('form:has(input[name=email])');
        await form.locator('input[name=email]').fill('samma.person@example.org');
        await form.locator('select[name=role]').selectOption('employer_member');
        const [post] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'POST'),
          form.locator('[type=submit]').click(),
        ]);
        status = post.status();
        await page.waitForLoadState('load');
      }
      assert.equal(status, 429, 'the fourth invitation to one address in a day');
      assert.equal(await page.inputValue('#email'), 'samma.person@example.org', 'what was typed is kept');
      const failures = await axeViolations(page);
      await page.goto(
        `${site.base}/en/jobs?q=${encodeURIComponent('one two three four five six seven eight nine ten eleven twelve thirteen fourteen')}`,
      );
      assert.match(await page.locator('main').innerText(), /2 of its words were left out/);
      failures.push(...(await axeViolations(page)));
      assert.deepEqual(failures, []);
    } finally {
      await context.close();
    }
  });
});
