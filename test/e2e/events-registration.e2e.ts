/**
 * Registration in a real browser: registering and cancelling with JavaScript disabled (the form,
 * the personal page with the ticket, the confirm step), then every registration page at 375 px
 * and 1280 px in Swedish and English — the form (also with its errors), the personal page, the
 * cancel step, the exhibitors' consent, the delete offer and its confirmation, an online event's
 * page, a test-living application, the organisers' list — with axe finding nothing and
 * nothing wider than the screen. EVENTS_SCREENSHOTS=dir saves full-page screenshots there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REGION } from '../helpers/identity.ts';
import { addExhibitor, createEvent, createOrganiser, createRegistration } from '../helpers/events.ts';
import { clickAndWait, launchBrowser, pageLooker, signedInContext, startSite } from './browser.ts';

const SHOTS = process.env.EVENTS_SCREENSHOTS;

describe('registration pages in a browser', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const editor = await createOrganiser(db);
  const event = await createEvent(db, {
    capacity: 40,
    title: 'Jobbmässa i Falun',
    titleEn: 'Job fair in Falun',
  });
  await db
    .insertInto('event_questions')
    .values([
      {
        region_id: REGION,
        event_id: event.id,
        position: 1,
        kind: 'choice',
        label_sv: 'Vilken dag kommer du?',
        label_en: 'Which day are you coming?',
        choices: JSON.stringify([
          { sv: 'Lördag', en: 'Saturday' },
          { sv: 'Söndag', en: 'Sunday' },
        ]),
        required: true,
      },
      {
        region_id: REGION,
        event_id: event.id,
        position: 2,
        kind: 'yes_no',
        label_sv: 'Behöver du tolk?',
        label_en: 'Do you need an interpreter?',
        required: false,
      },
      {
        region_id: REGION,
        event_id: event.id,
        position: 3,
        kind: 'text',
        label_sv: 'Allergier',
        label_en: 'Allergies',
        required: false,
      },
    ])
    .execute();
  const weekend = await createEvent(db, { kind: 'test_living', registration: 'application', capacity: 8 });
  const waiting = await createRegistration(db, event.id, { status: 'waiting', name: 'Vera Väntar' });
  // The personal page's other sections: the exhibitors' consent, the delete offer, an online event.
  const fair = await createEvent(db, { kind: 'fair', capacity: 100, title: 'Mässan i Borlänge' });
  await addExhibitor(db, fair.id, { stand: 'A4' });
  const sharing = await createRegistration(db, fair.id, { name: 'Sara Delar', shareWithExhibitors: true });
  const notSharing = await createRegistration(db, fair.id, { name: 'Nils Delar Inte' });
  const cancelled = await createRegistration(db, event.id, { status: 'cancelled', name: 'Ada Avbokad' });
  const online = await createEvent(db, { locationKind: 'online', capacity: 100, title: 'Digital jobbdag' });
  const onlineReg = await createRegistration(db, online.id, { name: 'Olle Online' });
  await createRegistration(db, weekend.id, { status: 'applied', name: 'Ali Ansöker' });

  it('registers and cancels with JavaScript disabled', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 375, height: 900 },
    });
    try {
      const page = await context.newPage();
      await page.goto(`${site.base}/sv/events/${event.slug}/register`);
      await page.fill('#name', 'Ebba Ek');
      await page.fill('#email', 'ebba@example.org');
      await page.selectOption('#seats', '2');
      await clickAndWait(page, '.reg-form button[type=submit]');
      // Forgot the consent and the required question: the form again, what was typed kept.
      assert.match(await page.locator('.error-summary').innerText(), /Kryssa i/);
      assert.equal(await page.inputValue('#name'), 'Ebba Ek');
      await page.check('#consent-yes');
      const question = page.locator('select[name^="q_"]');
      await question.selectOption('1');
      await clickAndWait(page, '.reg-form button[type=submit]');
      assert.match(page.url(), /\/sv\/events\/registration\/[A-Za-z0-9_-]{32}\?done=registered$/);
      const body = await page.locator('main').innerText();
      assert.match(body, /Du är anmäld med 2 personer/);
      assert.match(body, /LT1-/);
      assert.equal(await page.locator('svg[role=img]').count(), 1);

      await clickAndWait(page, 'a:has-text("Avboka min anmälan")');
      assert.match(await page.locator('h1').innerText(), /Avboka din anmälan\?/);
      await clickAndWait(page, 'button:has-text("Ja, avboka")');
      assert.match(await page.locator('main').innerText(), /Din anmälan är avbokad/);
      const row = await db
        .selectFrom('event_registrations')
        .select('status')
        .where('email', '=', 'ebba@example.org')
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'cancelled');

      // Then the details deleted at once, as the privacy text promises.
      await clickAndWait(page, 'button:has-text("Radera mina uppgifter")');
      assert.match(page.url(), /\/sv\/events\/registration\/erased$/);
      assert.match(await page.locator('h1').innerText(), /Dina uppgifter är raderade/);
      const gone = await db
        .selectFrom('event_registrations')
        .select('id')
        .where('email', '=', 'ebba@example.org')
        .executeTakeFirst();
      assert.equal(gone, undefined);
    } finally {
      await context.close();
    }
  });

  for (const width of [375, 1280]) {
    it(`at ${width} px every registration page passes axe and fits`, async () => {
      const failures: string[] = [];
      const look = pageLooker(failures, SHOTS);
      const reg = await createRegistration(db, event.id, { seats: 3, name: 'Kim Konfirmerad' });
      const offered = await createRegistration(db, event.id, {
        status: 'offered',
        offerExpiresAt: new Date(Date.now() + 3_600_000),
      });
      const anon = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      try {
        const page = await anon.newPage();
        for (const path of [
          `/sv/events/${event.slug}/register`,
          `/en/events/${event.slug}/register`,
          `/sv/events/${weekend.slug}/register`,
          `/sv/events/registration/${reg.manageToken}`,
          `/en/events/registration/${reg.manageToken}`,
          `/sv/events/registration/${reg.manageToken}/cancel`,
          `/sv/events/registration/${waiting.manageToken}`,
          `/sv/events/registration/${offered.manageToken}`,
          `/sv/events/registration/${sharing.manageToken}`,
          `/en/events/registration/${notSharing.manageToken}`,
          `/sv/events/registration/${cancelled.manageToken}`,
          `/en/events/registration/${onlineReg.manageToken}`,
          '/sv/events/registration/erased',
          '/en/events/registration/erased',
        ]) {
          const response = await page.goto(`${site.base}${path}`);
          assert.equal(response?.status(), 200, `${path} answers 200`);
          await look(page, `${path.replaceAll('/', '_')}-${width}`);
        }
        await page.goto(`${site.base}/sv/events/${event.slug}/register`);
        await clickAndWait(page, '.reg-form button[type=submit]');
        await look(page, `register-errors-${width}`);
      } finally {
        await anon.close();
      }
      const staff = await signedInContext(browser, site, editor.accountId, width);
      try {
        const page = await staff.newPage();
        for (const path of [
          `/admin/events/${event.id}/registrations`,
          `/admin/events/${weekend.id}/registrations?status=applied`,
        ]) {
          const response = await page.goto(`${site.base}${path}`);
          assert.equal(response?.status(), 200, `${path} answers 200`);
          await look(page, `${path.replaceAll('/', '_').replaceAll('?', '_')}-${width}`);
        }
      } finally {
        await staff.close();
      }
      assert.deepEqual(failures, []);
    });
  }
});
