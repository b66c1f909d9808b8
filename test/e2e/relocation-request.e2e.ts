/**
 * Asking a navigator in a real browser on a 375 px phone, keyboard only: Tab to the form, tick a
 * need, pick a time with the arrow keys, fill name and e-mail, give the contact consent, send with
 * Enter, and read the receipt naming the navigator. axe finds nothing on /sv/move, /en/move and the
 * receipt; nothing scrolls sideways. Screenshots go to /tmp/relocation-request-*.png.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { sql } from 'kysely';
import { launchBrowser, pageLooker, startSite, watchErrors } from './browser.ts';
import { REGION } from '../helpers/identity.ts';
import { createNavigator } from '../helpers/relocation.ts';

/** Presses Tab until the focused element matches `selector` (at most 300 times). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s: string) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe('asking a navigator in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const failures: string[] = [];
  const look = pageLooker(failures, '/tmp');
  const db = site.database.db;
  const anna = await createNavigator(db, { name: 'Anna Lind' });
  for (const hours of [8, 9, 13]) {
    await db
      .insertInto('relocation_slots')
      .values({
        region_id: REGION,
        navigator_id: anna.accountId,
        organisation_id: anna.organisationId,
        starts_at: sql<Date>`date_trunc('day', now()) + make_interval(days => 2, hours => ${hours})`,
        minutes: 30,
        channels: ['email', 'phone', 'video'],
      })
      .execute();
  }

  it('asks with the keyboard only and sees the receipt naming the navigator', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${site.base}/en/move`);
    await look(page, 'relocation-request-en');
    await page.goto(`${site.base}/sv/move`);
    await look(page, 'relocation-request-sv');

    await tabTo(page, '#needs-job');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[name="slot"]');
    const firstSlot = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    await page.keyboard.press('ArrowDown');
    const chosen = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    assert.notEqual(chosen, firstSlot);
    assert.equal(await page.locator(`input[name="slot"][value="${chosen}"]`).isChecked(), true);
    await tabTo(page, '#name');
    await page.keyboard.type('Ana Ferreira');
    await tabTo(page, '#email');
    await page.keyboard.type('ana.e2e@example.org');
    await tabTo(page, '#consent_contact');
    await page.keyboard.press('Space');
    await tabTo(page, '.ask-submit button');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);

    assert.match(page.url(), /\/sv\/move\/thanks\//);
    assert.match(await page.locator('.ask-receipt').innerText(), /Din lots är Anna Lind/);
    await look(page, 'relocation-request-receipt');
    const booked = await db
      .selectFrom('relocation_slots')
      .select('case_id')
      .where('id', '=', chosen)
      .executeTakeFirstOrThrow();
    assert.ok(booked.case_id);

    assert.deepEqual(errors.list(), []);
    assert.deepEqual(failures, []);
    await context.close();
  });
});
