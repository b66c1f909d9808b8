/**
 * Check-in at the door in Chromium (issue 17's proof): an organiser opens the door page, the
 * network is cut, three people are checked in (two through the offline search, one by a typed
 * ticket code), the page says three wait; the network comes back, the page says all are sent and
 * the server has exactly three check-ins. The same queue sent again after a reload: still three.
 * The page has no axe violations and fits 375 px and 1280 px; without JavaScript the search and
 * its check-in button work. SHOTS=dir saves screenshots.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createEvent, createOrganiser, createRegistration } from '../helpers/events.ts';
import { REGION } from '../helpers/identity.ts';
import { launchBrowser, pageLooker, startSite, watchErrors, type Site } from './browser.ts';

async function organiserContext(
  browser: Browser,
  site: Site,
  cookie: string,
  width: number,
  javaScriptEnabled = true,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    bypassCSP: true,
    javaScriptEnabled,
  });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: site.base }]);
  return context;
}

describe('check-in at the door in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const organiser = await createOrganiser(db);
  const event = await createEvent(db, { title: 'Rekryteringsmässa i Malmö', capacity: 200 });
  const anna = await createRegistration(db, event.id, {
    name: 'Anna Andersson',
    email: 'anna@example.org',
    seats: 2,
  });
  const bo = await createRegistration(db, event.id, { name: 'Bo Berg', email: 'bo.berg@example.org' });
  const cia = await createRegistration(db, event.id, { name: 'Cia Carlsson' });
  await createRegistration(db, event.id, { name: 'Dan Dahl', email: 'dan.dahl@example.org', seats: 3 });
  await createRegistration(db, event.id, { name: 'Vera Väntar', status: 'waiting' });
  const door = `${site.base}/admin/events/${event.id}/checkin`;

  const checkinCount = async () =>
    (
      await db
        .selectFrom('event_checkins')
        .select('registration_id')
        .where('region_id', '=', REGION)
        .where('event_id', '=', event.id)
        .execute()
    ).length;

  it('checks in three people offline and the server counts exactly three, even when sent again', async () => {
    const context = await organiserContext(browser, site, organiser.cookie, 375);
    const page = await context.newPage();
    await page.goto(door);
    await page.locator('#checkin-answer', { hasText: 'Deltagarlistan (5)' }).waitFor();

    await context.setOffline(true);
    await page.locator('#checkin-queue', { hasText: 'Ingen uppkoppling' }).waitFor();

    await page.fill('#q', 'anna');
    await page.getByRole('button', { name: 'Checka in Anna Andersson' }).click();
    await page.fill('#q', 'bo berg');
    await page.getByRole('button', { name: 'Checka in Bo Berg' }).click();
    await page.fill('#code', cia.ticketCode);
    await page.press('#code', 'Enter');
    await page.locator('#checkin-queue', { hasText: '3 incheckningar väntar på att skickas' }).waitFor();
    // A used ticket is answered on the device too, and nothing more is queued.
    await page.fill('#code', cia.ticketCode);
    await page.press('#code', 'Enter');
    await page.locator('#checkin-answer', { hasText: 'Cia Carlsson checkades redan in' }).waitFor();
    // A forged one likewise.
    await page.fill('#code', 'LT1-AAAAAAAAAAAAAAAAAAAA');
    await page.press('#code', 'Enter');
    await page.locator('#checkin-answer', { hasText: 'Ingen anmälan har den här biljettkoden' }).waitFor();
    assert.match(await page.locator('#checkin-queue').innerText(), /3 incheckningar väntar/);
    assert.equal(await checkinCount(), 0);
    const queued = await page.evaluate((key) => localStorage.getItem(key), `lotsa.checkin.queue.${event.id}`);
    assert.ok(queued);
    assert.equal((JSON.parse(queued) as unknown[]).length, 3);

    await context.setOffline(false);
    await page
      .locator('#checkin-queue', { hasText: 'Alla incheckningar är skickade.' })
      .waitFor({ timeout: 20_000 });
    assert.equal(await checkinCount(), 3);
    const rows = await db
      .selectFrom('event_checkins')
      .select(['registration_id', 'people', 'method', 'recorded_at'])
      .where('event_id', '=', event.id)
      .execute();
    const byId = new Map(rows.map((r) => [r.registration_id, r]));
    assert.equal(byId.get(anna.id)?.people, 2);
    assert.equal(byId.get(bo.id)?.method, 'search');
    assert.equal(byId.get(cia.id)?.method, 'manual');
    const audits = await db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'event.checkin.recorded')
      .execute();
    assert.equal(audits.length, 3);
    assert.ok(audits.every((a) => (a.data as Record<string, unknown>).offline === true));
    // The counts shown are the server's.
    assert.equal((await page.locator('[data-count="checkedInPeople"]').innerText()).trim(), '4');

    // The same queue again after a reload (as if the answer had been lost): still three.
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [`lotsa.checkin.queue.${event.id}`, queued],
    );
    await page.reload();
    await page
      .locator('#checkin-queue', { hasText: 'Alla incheckningar är skickade.' })
      .waitFor({ timeout: 20_000 });
    assert.equal(await checkinCount(), 3);
    assert.equal(
      await page.evaluate((key) => localStorage.getItem(key), `lotsa.checkin.queue.${event.id}`),
      null,
    );
    await context.close();
  });

  it('has no axe violations and fits the screen at 375 px and 1280 px', async () => {
    const failures: string[] = [];
    const look = pageLooker(failures, process.env.SHOTS);
    for (const width of [375, 1280]) {
      const context = await organiserContext(browser, site, organiser.cookie, width);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(door);
      await page.locator('#checkin-answer', { hasText: 'Deltagarlistan' }).waitFor();
      await look(page, `checkin-${width}`);
      await page.fill('#q', 'a');
      await page.fill('#q', 'da');
      await page.getByRole('button', { name: 'Checka in Dan Dahl' }).waitFor();
      await look(page, `checkin-search-${width}`);
      await page.goto(`${door}?q=berg`);
      await look(page, `checkin-server-search-${width}`);
      await page.goto(door);
      await page.fill('#code', 'LT1-AAAAAAAAAAAAAAAAAAAA');
      await page.press('#code', 'Enter');
      await page.locator('#checkin-answer', { hasText: 'Ingen anmälan' }).waitFor();
      await look(page, `checkin-forged-${width}`);
      assert.deepEqual(errors.list(), []);
      await context.close();
    }
    assert.deepEqual(failures, []);
  });

  it('searches and checks in without JavaScript', async () => {
    // Axe needs scripts, so this page is only photographed (its markup is the one axe saw above).
    const shots = process.env.SHOTS;
    const look = async (page: Page, label: string) => {
      if (shots) await page.screenshot({ path: join(shots, `${label}.png`), fullPage: true });
    };
    const context = await organiserContext(browser, site, organiser.cookie, 375, false);
    const page = await context.newPage();
    await page.goto(door);
    await page.fill('#q', 'dahl');
    await Promise.all([page.waitForNavigation(), page.press('#q', 'Enter')]);
    await page.selectOption('select[name="people"]', '2');
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Checka in Dan Dahl' }).click(),
    ]);
    assert.match(await page.content(), /Dan Dahl är incheckad \(2 personer\)\./);
    await look(page, 'checkin-nojs-done');
    // The forged code through the plain form: the answer by the field.
    await page.fill('#code', 'LT1-BBBBBBBBBBBBBBBBBBBB');
    await Promise.all([page.waitForNavigation(), page.press('#code', 'Enter')]);
    assert.match(await page.locator('#code-error').innerText(), /Ingen anmälan har den här biljettkoden/);
    await look(page, 'checkin-nojs-forged');
    assert.equal(await checkinCount(), 4);
    await context.close();
  });
});
