/**
 * A new user's review of the organisers' back-office (issue 17): an HR person making an event, a
 * region editor reviewing, cancelling and reading the statistics. Each test asserts the right
 * behaviour; the mails are read back from a real SMTP server on loopback.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createEvent, createOrganiser, createRegistration } from '../../helpers/events.ts';
import { REGION } from '../../helpers/identity.ts';
import { startSmtpServer } from '../../helpers/smtp.ts';

const PERSONAS = ['families', 'nature', 'cottage', 'dreamers', 'students', 'international'];

describe('events: a new user in the back-office', async () => {
  const smtp = await startSmtpServer();
  const { app, database, queue } = await buildTestApp({ SMTP_URL: smtp.url });
  const db = database.db;
  const client = await formClient(app);
  const editor = await createOrganiser(db);
  const editorEn = await createOrganiser(db, { language: 'en' });
  const hr = await createOrganiser(db, { role: 'employer_admin' });

  it('the target groups an organiser ticks are named as the public calendar names them (sv and en)', async () => {
    await createEvent(db, { personas: PERSONAS, title: 'Alla målgrupper' });
    for (const [lang, organiser] of [
      ['sv', hr],
      ['en', editorEn],
    ] as const) {
      const calendar = await client.get(`/${lang}/events`);
      const form = await client.get('/admin/events/new', organiser.cookie);
      assert.equal(form.statusCode, 200);
      for (const key of PERSONAS) {
        const shown = new RegExp(`<option value="${key}"[^>]*>([^<]+?)(?: \\(\\d+\\))?<`).exec(
          calendar.body,
        )?.[1];
        const ticked = new RegExp(`for="personas-${key}">([^<]+?)<`).exec(form.body)?.[1];
        assert.ok(shown && ticked, `${lang} ${key}`);
        // e.g. the organiser ticks "Drömmare och entreprenörer", visitors filter by "Gårds- och garagedrömmare".
        assert.equal(ticked.trim(), shown.trim(), `${lang}: the target group "${key}"`);
      }
    }
  });

  it('an upcoming event’s statistics do not call the people who have not come yet no-shows', async () => {
    const event = await createEvent(db, { capacity: 20, startsAt: new Date(Date.now() + 14 * 86_400_000) });
    await createRegistration(db, event.id, { seats: 2 });
    await createRegistration(db, event.id, { seats: 1 });
    const stats = await client.get(`/admin/events/${event.id}/stats`, editor.cookie);
    assert.equal(stats.statusCode, 200);
    assert.match(stats.body, /Bekräftade anmälningar<\/th>\s*<td[^>]*>2</);
    assert.doesNotMatch(
      stats.body,
      /Bekräftade som inte kom<\/th>\s*<td[^>]*>2</,
      'two weeks before the event nobody has failed to come',
    );
    assert.doesNotMatch(stats.body, /Närvaro[^<]*<\/th>\s*<td[^>]*>0 %/, 'nor is the attendance 0 %');
  });

  it('an event that is over cannot be cancelled: no such button, and nobody gets a "Cancelled" mail afterwards', async () => {
    const event = await createEvent(db, {
      title: 'Företagsbesök som varit',
      startsAt: new Date(Date.now() - 26 * 3_600_000),
      endsAt: new Date(Date.now() - 23 * 3_600_000),
    });
    const guest = await createRegistration(db, event.id, { email: 'was.there@example.org' });
    const page = await client.get(`/admin/events/${event.id}`, editor.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Uppföljningsmejl/, 'the follow-up is offered, as it should be');
    assert.doesNotMatch(page.body, new RegExp(`action="/admin/events/${event.id}/cancel"`), 'no cancel form');
    const res = await client.postForm(`/admin/events/${event.id}/cancel`, editor.cookie, {
      reason: 'Fel knapp',
    });
    assert.notEqual(res.statusCode, 303, 'refused');
    const row = await db
      .selectFrom('event_registrations')
      .select('status')
      .where('region_id', '=', REGION)
      .where('id', '=', guest.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'confirmed', 'the registration of someone who came stays');
    await queue.drain();
    assert.equal(smtp.received.filter((m) => m.to.includes('was.there@example.org')).length, 0);
  });

  it('deleting a draft asks first: one press of "Ta bort utkastet" does not throw away the work', async () => {
    const draft = await createEvent(db, {
      organisationId: hr.organisationId,
      status: 'draft',
      title: 'Företagsbesök på stålverket (utkast)',
    });
    const page = await client.get(`/admin/events/${draft.id}`, hr.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Ta bort utkastet/);
    // The button's form holds nothing but the CSRF token: pressing it is all it takes.
    const res = await client.postForm(`/admin/events/${draft.id}/delete`, hr.cookie, {});
    const still = await db
      .selectFrom('events')
      .select('id')
      .where('region_id', '=', REGION)
      .where('id', '=', draft.id)
      .executeTakeFirst();
    assert.ok(
      still,
      `the draft is still there after one press (got ${res.statusCode} ${String(res.headers.location)})`,
    );
  });
});
