/**
 * The back-office pages for accessibility reports in a real browser, at 320 px and 1280 px, in
 * Swedish and English: no axe violations (WCAG 2.1 A/AA and best practice), nothing wider than the
 * viewport (the table scrolls inside its own region), and the answer form in its error state too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { axeViolations, launchBrowser, startSite, pageOverflow } from './browser.ts';
import { createPerson, REGION, sessionFor } from '../helpers/identity.ts';

describe('accessibility reports in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const admin = await createPerson(db, { role: 'admin' });

  const report = async (values: { message: string; email?: string; page_url?: string; daysAgo: number }) =>
    (
      await db
        .insertInto('accessibility_feedback')
        .values({
          region_id: REGION,
          message: values.message,
          email: values.email ?? null,
          name: values.email ? 'Maria Costa' : null,
          page_url: values.page_url ?? null,
          language: 'sv',
          created_at: sql<Date>`now() - make_interval(days => ${values.daysAgo})`,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const overdue = await report({
    message: 'Kartan på sidan Lediga jobb går inte att använda med tangentbordet, och fokus syns inte alls.',
    email: 'maria.costa.med.en.mycket.lang.adress@example.org',
    page_url: 'https://dalarna.example/sv/jobb?q=sjukskoterska&kommun=2080&sortering=senaste&sida=3',
    daysAgo: 21,
  });
  const answered = await report({ message: 'Rubrikerna hoppar från h1 till h4.', daysAgo: 3 });
  await db
    .updateTable('accessibility_feedback')
    .set({
      status: 'answered',
      answer: 'Rättat, tack!',
      answered_at: sql<Date>`now()`,
      answered_by: admin.accountId,
    })
    .where('id', '=', answered)
    .execute();
  const closed = await report({ message: 'Köp klockor', daysAgo: 9 });
  await db
    .updateTable('accessibility_feedback')
    .set({
      status: 'closed',
      closed_at: sql<Date>`now()`,
      closed_by: admin.accountId,
      close_reason: 'spam',
      close_note: 'Reklam',
    })
    .where('id', '=', closed)
    .execute();

  const pages: Array<{ path: string; submit?: string; status?: number }> = [
    { path: '/admin/accessibility-reports' },
    { path: '/admin/accessibility-reports?status=all' },
    { path: '/admin/accessibility-reports?status=closed' },
    { path: `/admin/accessibility-reports/${overdue}` },
    { path: `/admin/accessibility-reports/${overdue}`, submit: 'form[action$="/answer"]', status: 422 },
    { path: `/admin/accessibility-reports/${overdue}`, submit: 'form[action$="/close"]', status: 422 },
    { path: `/admin/accessibility-reports/${answered}` },
    { path: `/admin/accessibility-reports/${closed}` },
  ];

  for (const width of [320, 1280]) {
    it(`every page at ${width}px, sv and en: no axe violations, no horizontal page scroll`, async () => {
      const failures: string[] = [];
      for (const lang of ['sv', 'en'] as const) {
        await db.updateTable('accounts').set({ language: lang }).where('id', '=', admin.accountId).execute();
        const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
        try {
          const [name, value] = (await sessionFor(db, admin.accountId, { secondFactor: true })).split(
            '=',
          ) as [string, string];
          await context.addCookies([{ name, value, url: site.base }]);
          for (const target of pages) {
            const page = await context.newPage();
            let response = await page.goto(`${site.base}${target.path}`);
            if (target.submit) {
              [response] = await Promise.all([
                page.waitForResponse((r) => r.request().method() === 'POST'),
                page.locator(`${target.submit} [type=submit]`).click(),
              ]);
              await page.waitForLoadState('load');
              assert.ok(await page.locator('.error-summary').isVisible(), `${target.path}: errors shown`);
            }
            const label = `${lang} ${width}px ${target.path}${target.submit ? ` (${target.submit} empty)` : ''}`;
            assert.equal(response?.status(), target.status ?? 200, label);
            assert.equal(await page.getAttribute('html', 'lang'), lang, `${label}: lang`);
            for (const violation of await axeViolations(page)) failures.push(`${label}: ${violation}`);
            const widths = await pageOverflow(page);
            if (widths.scrollWidth > width)
              failures.push(
                `${label}: page is ${widths.scrollWidth}px wide; past the edge: ${widths.wide.join(' | ')}`,
              );
            await page.close();
          }
        } finally {
          await context.close();
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});
