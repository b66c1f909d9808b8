/**
 * Leads at fair stands in a real browser: the stand staff's form (a lead saved, the empty form
 * again with "Sparat"), the visitor's page on a 375 px phone (the consent missed, then sent, the
 * thank-you page), and the leads lists — axe finds nothing and nothing is wider than the screen at
 * 375 px and 1280 px. EVENTS_LEADS_SCREENSHOTS=dir saves full-page screenshots there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addExhibitor, createEvent, createOrganiser, createRegistration } from '../helpers/events.ts';
import { clickAndWait, launchBrowser, pageLooker, signedInContext, startSite } from './browser.ts';

const SHOTS = process.env.EVENTS_LEADS_SCREENSHOTS;

describe('leads at fair stands at 375 px and 1280 px', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const organiser = await createOrganiser(db);
  const event = await createEvent(db, {
    organisationId: organiser.organisationId,
    kind: 'fair',
    title: 'Rekryteringsmässan i Malmö',
    titleEn: 'The recruitment fair in Malmö',
    startsAt: new Date(Date.now() + 2 * 3_600_000),
  });
  const employer = await createOrganiser(db, { role: 'employer_admin' });
  const stand = await addExhibitor(db, event.id, { organisationId: employer.organisationId, stand: 'B12' });
  await createRegistration(db, event.id, { name: 'Delar Gärna', shareWithExhibitors: true });

  it('the stand staff save a lead and get the empty form again', async () => {
    const context = await signedInContext(browser, site, employer.accountId, 1280);
    try {
      const page = await context.newPage();
      await page.goto(`${site.base}/admin/events/${event.id}/leads/new`);
      await page.fill('#name', 'Anna Lindqvist');
      await page.fill('#email', 'anna@example.org');
      await page.fill('#occupation', 'Sjuksköterska');
      await clickAndWait(page, 'form.lead-form button[type=submit]');
      // The lead consent was not ticked: the form says so by the field and keeps what was typed.
      assert.equal(await page.inputValue('#name'), 'Anna Lindqvist');
      assert.match(await page.locator('#consent_lead-error').innerText(), /godkänner texten/);
      await page.check('#consent_lead');
      await clickAndWait(page, 'form.lead-form button[type=submit]');
      assert.match(await page.locator('.lead-saved').innerText(), /Sparat: Anna Lindqvist/);
      assert.equal(await page.inputValue('#name'), '');
    } finally {
      await context.close();
    }
  });

  it('the visitor leaves their details on a 375 px phone', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, bypassCSP: true });
    try {
      const page = await context.newPage();
      const response = await page.goto(`${site.base}/en/events/${event.slug}/stand/${stand.standCode}`);
      assert.equal(response?.status(), 200);
      await page.fill('#name', 'Chloé Martin');
      await page.fill('#email', 'chloe@example.org');
      await page.check('#consent_lead');
      await clickAndWait(page, 'button.lead-send');
      assert.match(await page.locator('h1').innerText(), /Thank you!/);
    } finally {
      await context.close();
    }
  });

  const pages: { who: string; paths: string[] }[] = [
    {
      who: '',
      paths: [
        `/sv/events/${event.slug}/stand/${stand.standCode}`,
        `/en/events/${event.slug}/stand/${stand.standCode}`,
        `/sv/events/${event.slug}/stand/${stand.standCode}/thanks?w=tn`,
      ],
    },
    {
      who: employer.accountId,
      paths: [
        `/admin/events/${event.id}/leads/new`,
        `/admin/events/${event.id}/leads`,
        '/admin/events/leads',
      ],
    },
    {
      who: organiser.accountId,
      paths: [`/admin/events/${event.id}/leads/new`, `/admin/events/${event.id}/leads`],
    },
  ];

  for (const width of [375, 1280]) {
    it(`at ${width} px every page passes axe and fits`, async () => {
      const failures: string[] = [];
      const look = pageLooker(failures, SHOTS);
      for (const { who, paths } of pages) {
        const context = who
          ? await signedInContext(browser, site, who, width)
          : await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
        try {
          const page = await context.newPage();
          for (const path of paths) {
            const response = await page.goto(`${site.base}${path}`);
            assert.equal(response?.status(), 200, `${path} answers 200`);
            await look(page, `${who ? 'admin' : 'public'}${path.replace(/[/?=]/g, '_')}-${width}`);
          }
          // A form re-shown with its errors passes too.
          if (!who) {
            await page.goto(`${site.base}${paths[0]}`);
            await clickAndWait(page, 'button.lead-send');
            await look(page, `public-errors-${width}`);
          }
        } finally {
          await context.close();
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});
