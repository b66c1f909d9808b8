/**
 * A navigator works cases in a real browser, keyboard only, at 320 px: opens the inbox, takes a
 * case, logs a contact, adds a task, moves it through the stages to 'moved' with the outcome, then
 * closes another case with a reason. The inbox and the case file have no axe violations and no
 * sideways scrolling.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createCase, createNavigator } from '../helpers/relocation.ts';
import { launchBrowser, pageLooker, signedInContext, startSite, watchErrors } from './browser.ts';

/** Presses Tab until the focused element matches `selector` (fails after `max` presses). */
async function tabTo(page: Page, selector: string, max = 250): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Enter on the focused control, waiting for the page it leads to. */
async function enter(page: Page): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
}

/** Picks an option of the focused <select> by typing the start of its label. */
async function choose(page: Page, selector: string, label: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(label, { delay: 20 });
  const chosen = await page.evaluate(
    (s) => (document.querySelector(s) as HTMLSelectElement).selectedOptions[0]?.textContent ?? '',
    selector,
  );
  assert.ok(chosen.startsWith(label), `${selector}: chose "${chosen}" for "${label}"`);
}

describe('a navigator works cases by keyboard', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const navigator = await createNavigator(db, { name: 'Rut Region' });
  const first = await createCase(db, {
    municipalityCode: '2080',
    main: { name: 'Karin Keyboard' },
    partner: { name: 'Kalle Keyboard' },
    childrenAges: [5],
    consents: ['followup'],
    createdAt: new Date(Date.now() - 2 * 3600_000),
  });
  const second = await createCase(db, { municipalityCode: null, main: { name: 'Stina Stänger' } });

  it('takes, logs, plans, moves and closes, at 320 px, with no axe violations', async () => {
    const failures: string[] = [];
    const look = pageLooker(failures, process.env.SHOTS);
    const context = await signedInContext(browser, site, navigator.accountId, 320);
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto(`${site.base}/admin/cases`);
    await look(page, 'inbox');
    await tabTo(page, `a[href="/admin/cases/${first.caseId}"]`);
    await enter(page);
    await look(page, 'case-file');

    await tabTo(page, 'form[action$="/take"] button');
    await enter(page);
    assert.match(await page.content(), /Ärendet är ditt\./);

    await choose(page, '#channel', 'En kontakt: T');
    await tabTo(page, '#body');
    await page.keyboard.type('Ringde Karin, de vill se skolorna i Falun.');
    await tabTo(page, 'form[action$="/note"] button[type="submit"]');
    await enter(page);
    assert.match(await page.content(), /Anteckningen är sparad\./);

    await tabTo(page, '#title');
    await page.keyboard.type('Skicka förskolelistan');
    await tabTo(page, '#due_on');
    await page.keyboard.type('2030-01-15');
    await enter(page);
    assert.match(await page.content(), /Uppgiften är tillagd\./);

    // A move to 'moved' without the outcome is refused by the field, then done with it.
    await choose(page, '#stage', 'Har f');
    await tabTo(page, 'form[action$="/stage"] button[type="submit"]');
    await enter(page);
    assert.match(await page.content(), /Välj huvudflyttarens sysselsättning\./);
    await look(page, 'case-file-stage-errors');
    await choose(page, '#outcome_municipality', 'Falun');
    await choose(page, '#main_employment', 'Anställd');
    await choose(page, '#partner_employment', 'Söker');
    await tabTo(page, '#moved_on');
    await page.keyboard.type('2026-01-10');
    await tabTo(page, 'form[action$="/stage"] button[type="submit"]');
    await enter(page);
    assert.match(await page.content(), /Steget är sparat\./);
    await look(page, 'case-file-moved');

    const moved = await db
      .selectFrom('relocation_cases')
      .select(['stage', 'navigator_id', 'outcome_municipality', 'first_response_at'])
      .where('id', '=', first.caseId)
      .executeTakeFirstOrThrow();
    assert.equal(moved.stage, 'moved');
    assert.equal(moved.navigator_id, navigator.accountId);
    assert.equal(moved.outcome_municipality, '2080');
    assert.ok(moved.first_response_at);
    const followups = await db
      .selectFrom('relocation_followups')
      .select('months')
      .where('case_id', '=', first.caseId)
      .execute();
    assert.equal(followups.length, 3);

    // Close the other case with a reason, from the inbox.
    await page.goto(`${site.base}/admin/cases`);
    await tabTo(page, `a[href="/admin/cases/${second.caseId}"]`);
    await enter(page);
    await choose(page, '#stage', 'Avslutat');
    await choose(page, '#close_reason', 'Flyttar inte hit');
    await tabTo(page, 'form[action$="/stage"] button[type="submit"]');
    await enter(page);
    assert.match(await page.content(), /till Avslutat \(Flyttar inte hit\)\./);
    const closed = await db
      .selectFrom('relocation_cases')
      .select(['stage', 'close_reason'])
      .where('id', '=', second.caseId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(closed, { stage: 'closed', close_reason: 'not_moving' });

    await context.close();
    assert.deepEqual(errors.list(), []);
    assert.deepEqual(failures, []);
  });

  it('the inbox views and a case file in English at 1280 px: no axe violations', async () => {
    await db.updateTable('accounts').set({ language: 'en' }).where('id', '=', navigator.accountId).execute();
    const failures: string[] = [];
    const look = pageLooker(failures, process.env.SHOTS);
    const context = await signedInContext(browser, site, navigator.accountId, 1280);
    const page = await context.newPage();
    for (const path of [
      '/admin/cases',
      '/admin/cases?view=mine',
      '/admin/cases?view=open',
      '/admin/cases?view=closed',
    ]) {
      await page.goto(`${site.base}${path}`);
      await look(page, `en-${path}`);
    }
    await page.goto(`${site.base}/admin/cases/${first.caseId}`);
    assert.match(await page.content(), /History/);
    await look(page, 'en-case-file');
    await context.close();
    assert.deepEqual(failures, []);
  });
});
