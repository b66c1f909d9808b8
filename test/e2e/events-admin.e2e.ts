/**
 * The organisers' back-office in a real browser: an editor creates an event through the form
 * (without JavaScript needed), adds a programme item and a question, and publishes it; then every
 * back-office page of events — list, form with errors, the event's page, a stand's QR, the
 * follow-up with its preview, the statistics, an exhibitor's view — at 375 px and 1280 px, with axe
 * finding nothing and nothing wider than the screen. EVENTS_ADMIN_SCREENSHOTS=dir saves screenshots.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addExhibitor, createEvent, createOrganiser, createRegistration } from '../helpers/events.ts';
import { REGION } from '../helpers/identity.ts';
import { launchBrowser, pageLooker, signedInContext, startSite } from './browser.ts';

const SHOTS = process.env.EVENTS_ADMIN_SCREENSHOTS;

describe('the events back-office at 375 px and 1280 px', async () => {
  const site = await startSite();
  const browser = await launchBrowser();
  const db = site.database.db;
  const editor = await createOrganiser(db);
  const employer = await createOrganiser(db, { role: 'employer_admin', language: 'en' });

  it('creates an event through the forms and publishes it', async () => {
    const context = await signedInContext(browser, site, editor.accountId, 1280);
    try {
      const page = await context.newPage();
      await page.goto(`${site.base}/admin/events`);
      await page.click('text=Nytt evenemang');
      await page.selectOption('#kind', 'fair');
      await page.fill('#title_sv', 'Rekryteringsmässa i Malmö');
      await page.fill('#title_en', 'Recruitment fair in Malmö');
      await page.fill('#summary_sv', 'Träffa arbetsgivare från Dalarna på Malmömässan.');
      await page.fill('#start_date', '2027-05-20');
      await page.fill('#start_time', '10:00');
      await page.fill('#end_time', '16:00');
      await page.check('#location_kind-away');
      await page.fill('#venue', 'Malmömässan');
      await page.fill('#locality', 'Malmö');
      await page.check('#languages-en');
      await page.check('#personas-international');
      await page.fill('#capacity', '300');
      await page.click('button[type=submit]:has-text("Skapa utkast")');
      await page.waitForURL(/\/admin\/events\/[0-9a-f-]{36}\?done=saved/);
      assert.match((await page.textContent('main h1')) ?? '', /Rekryteringsmässa i Malmö/);

      await page.fill('#programme-start', '10:30');
      await page.fill('#programme-title-sv', 'Invigning');
      await page.click('#programme-form button[type=submit]');
      await page.waitForURL(/done=programmeSaved/);
      await page.fill('#question-label-sv', 'Vilket yrke har du?');
      await page.click('#question-form button[type=submit]');
      await page.waitForURL(/done=questionSaved/);

      await page.click('button:has-text("Publicera")');
      await page.waitForURL(/done=published/);
      const row = await db
        .selectFrom('events')
        .select(['status', 'starts_at', 'location_kind', 'locality'])
        .where('region_id', '=', REGION)
        .where('title_sv', '=', 'Rekryteringsmässa i Malmö')
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'published');
      assert.equal(row.starts_at.toISOString(), '2027-05-20T08:00:00.000Z');
      assert.equal(row.locality, 'Malmö');
    } finally {
      await context.close();
    }
  });

  const event = await createEvent(db, { organisationId: employer.organisationId, capacity: 30 });
  const firm = await addExhibitor(db, event.id, { stand: 'A12' });
  const exhibitor = await createOrganiser(db, {
    role: 'employer_member',
    organisationId: firm.organisationId,
  });
  await db
    .insertInto('event_programme')
    .values({
      region_id: REGION,
      event_id: event.id,
      starts_at: new Date(Date.now() + 7 * 86_400_000),
      kind: 'session',
      title_sv: 'Välkommen',
      title_en: 'Welcome',
    })
    .execute();
  await db
    .insertInto('event_questions')
    .values({
      region_id: REGION,
      event_id: event.id,
      position: 1,
      kind: 'choice',
      label_sv: 'Vilken dag?',
      label_en: 'Which day?',
      choices: JSON.stringify([
        { sv: 'Lördag', en: 'Saturday' },
        { sv: 'Söndag', en: 'Sunday' },
      ]),
    })
    .execute();
  for (let i = 0; i < 4; i++) await createRegistration(db, event.id, { seats: 1 + (i % 2) });
  const past = await createEvent(db, {
    organisationId: employer.organisationId,
    startsAt: new Date(Date.now() - 6 * 3_600_000),
    endsAt: new Date(Date.now() - 3 * 3_600_000),
  });
  await createRegistration(db, past.id);
  const review = await createEvent(db, { status: 'in_review', organisationId: employer.organisationId });

  const pages: { who: string; paths: string[] }[] = [
    {
      who: editor.accountId,
      paths: [
        '/admin/events',
        '/admin/events?tab=review',
        '/admin/events/new',
        `/admin/events/${review.id}`,
        `/admin/events/${event.id}/edit`,
      ],
    },
    {
      who: employer.accountId,
      paths: [
        '/admin/events',
        `/admin/events/${event.id}`,
        `/admin/events/${event.id}?question=x`,
        `/admin/events/${event.id}/stands/${firm.organisationId}`,
        `/admin/events/${event.id}/stats`,
        `/admin/events/${past.id}/followup`,
        `/admin/events/${past.id}`,
        `/admin/events/${review.id}/delete`,
      ],
    },
    { who: exhibitor.accountId, paths: ['/admin/events', `/admin/events/${event.id}`] },
  ];

  for (const width of [375, 1280]) {
    it(`at ${width} px every page passes axe and fits`, async () => {
      const failures: string[] = [];
      const look = pageLooker(failures, SHOTS);
      for (const { who, paths } of pages) {
        const context = await signedInContext(browser, site, who, width);
        try {
          const page = await context.newPage();
          for (const path of paths) {
            const response = await page.goto(`${site.base}${path}`);
            assert.equal(response?.status(), 200, `${path} answers 200`);
            await look(page, `${path.replaceAll(/[/?=]/g, '_')}-${width}`);
          }
          // The form with its errors, and the follow-up's preview.
          if (who === editor.accountId) {
            await page.goto(`${site.base}/admin/events/new`);
            await page.fill('#start_time', '25:00');
            await page.click('button[type=submit]:has-text("Skapa utkast")');
            await page.waitForSelector('.error-summary');
            await look(page, `form-errors-${width}`);
          }
          if (who === employer.accountId) {
            await page.goto(`${site.base}/admin/events/${past.id}/followup`);
            await page.fill('#paragraph_sv', 'Tack för i år!');
            await page.click('button:has-text("Preview")');
            await page.waitForSelector('#preview-title');
            await look(page, `followup-preview-${width}`);
          }
        } finally {
          await context.close();
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});
