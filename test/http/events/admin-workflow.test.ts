/**
 * From draft to published and after: an employer sends its draft for review, an editor sends it
 * back with a comment the employer sees, then publishes it (visible to visitors only then);
 * another organisation's event is a 404 for every page and POST; unpublishing with registrations is
 * refused; cancelling frees every seat and mails each person in their language (read back from a
 * real SMTP server); the follow-up goes once; the organisations, programme and questions; the
 * statistics from known rows; every change in the audit trail.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { visibleEventBySlug } from '../../../src/modules/events/events.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { addExhibitor, createEvent, createOrganiser, createRegistration } from '../../helpers/events.ts';
import { auditActions, createOrganisation, REGION } from '../../helpers/identity.ts';
import { readMail, startSmtpServer } from '../../helpers/smtp.ts';

const eventRow = (db: Kysely<DB>, id: string) =>
  db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  assert.fail(`gave up waiting: ${what}`);
}

describe('the events back-office workflow', async () => {
  const smtp = await startSmtpServer();
  const { app, database, queue } = await buildTestApp({ SMTP_URL: smtp.url }, undefined, {
    rateLimiter: unlimited,
  });
  const db = database.db;
  const client = await formClient(app);
  const editor = await createOrganiser(db);
  const employer = await createOrganiser(db, { role: 'employer_admin' });
  const other = await createOrganiser(db, { role: 'employer_admin', language: 'en' });

  it('an employer submits, an editor sends back with a comment, then publishes; visitors see it only then', async () => {
    const event = await createEvent(db, { status: 'draft', organisationId: employer.organisationId });
    const base = `/admin/events/${event.id}`;
    // An employer cannot publish itself: no button, and the POST is refused.
    const page = await client.get(base, employer.cookie);
    assert.doesNotMatch(page.body, /\/publish"/);
    assert.match(page.body, /Skicka för granskning/);
    const selfPublish = await client.postForm(`${base}/publish`, employer.cookie, {});
    assert.equal(selfPublish.statusCode, 409);
    assert.equal((await eventRow(db, event.id)).status, 'draft');

    const submitted = await client.postForm(`${base}/submit`, employer.cookie, {});
    assert.equal(submitted.statusCode, 303);
    assert.equal((await eventRow(db, event.id)).status, 'in_review');
    assert.equal(await visibleEventBySlug(db, REGION, event.slug), undefined);

    // The editor sees it waiting, and a comment is required to send it back.
    const review = await client.get('/admin/events?tab=review', editor.cookie);
    assert.match(review.body, new RegExp(event.title));
    const empty = await client.postForm(`${base}/send-back`, editor.cookie, { comment: '  ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /id="comment-error">Skriv vad arrangören behöver ändra\.</);
    const back = await client.postForm(`${base}/send-back`, editor.cookie, {
      comment: 'Lägg till en engelsk sammanfattning.',
    });
    assert.equal(back.statusCode, 303);
    const draft = await eventRow(db, event.id);
    assert.equal(draft.status, 'draft');
    const seen = await client.get(base, employer.cookie);
    assert.match(seen.body, /Regionen har skickat tillbaka evenemanget:/);
    assert.match(seen.body, /Lägg till en engelsk sammanfattning\./);

    await client.postForm(`${base}/submit`, employer.cookie, {});
    // Publishing carries the version the editor's page showed.
    const reviewed = await client.get(base, editor.cookie);
    const version = /action="[^"]+\/publish">[^]*?name="version" value="(\d+)"/.exec(reviewed.body)?.[1];
    assert.ok(version);
    const published = await client.postForm(`${base}/publish`, editor.cookie, { version });
    assert.equal(published.statusCode, 303);
    const row = await eventRow(db, event.id);
    assert.equal(row.status, 'published');
    assert.ok(row.published_at);
    assert.equal(row.review_comment, '');
    assert.equal((await visibleEventBySlug(db, REGION, event.slug))?.id, event.id);
    const actions = await auditActions(db);
    for (const action of ['event.submitted', 'event.sent_back', 'event.published'])
      assert.ok(actions.includes(action), action);
  });

  it('another organisation’s event is a 404 for its pages and its POSTs', async () => {
    const event = await createEvent(db, { status: 'draft', organisationId: employer.organisationId });
    const base = `/admin/events/${event.id}`;
    for (const path of ['', '/edit', '/stats', '/stats.csv', '/followup'])
      assert.equal((await client.get(`${base}${path}`, other.cookie)).statusCode, 404, path);
    for (const path of [
      '/submit',
      '/publish',
      '/unpublish',
      '/delete',
      '/cancel',
      '/send-back',
      '/edit',
      '/organisations',
      '/programme',
      '/questions',
      '/followup',
    ])
      assert.equal(
        (await client.postForm(`${base}${path}`, other.cookie, { reason: 'x' })).statusCode,
        404,
        path,
      );
    assert.equal((await eventRow(db, event.id)).status, 'draft');
    const list = await client.get('/admin/events?tab=drafts', other.cookie);
    assert.doesNotMatch(list.body, new RegExp(event.title));
    // A malformed id is a 404 too, not a 500.
    assert.equal((await client.get('/admin/events/not-a-uuid', editor.cookie)).statusCode, 404);
  });

  it('an exhibitor sees the facts only, and its event in "Events where we exhibit"', async () => {
    const event = await createEvent(db, { organisationId: employer.organisationId });
    await addExhibitor(db, event.id, { organisationId: other.organisationId, stand: 'B4' });
    const list = await client.get('/admin/events', other.cookie);
    assert.match(list.body, /Events where we exhibit/);
    assert.match(list.body, new RegExp(`/admin/events/${event.id}`));
    const page = await client.get(`/admin/events/${event.id}`, other.cookie);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /\/edit"/);
    assert.doesNotMatch(page.body, /action="[^"]*\/cancel"/);
    assert.doesNotMatch(page.body, /id="organisations-title"/);
    assert.match(page.body, /Your stand/);
    assert.match(page.body, new RegExp(`/admin/events/${event.id}/stands/${other.organisationId}`));
    assert.equal(
      (await client.get(`/admin/events/${event.id}/stands/${other.organisationId}`, other.cookie)).statusCode,
      200,
    );
    // Another exhibitor's code is not theirs to print.
    const rival = await addExhibitor(db, event.id, { stand: 'B5' });
    assert.equal(
      (await client.get(`/admin/events/${event.id}/stands/${rival.organisationId}`, other.cookie)).statusCode,
      404,
    );
    assert.equal((await client.get(`/admin/events/${event.id}/edit`, other.cookie)).statusCode, 404);
    assert.equal(
      (await client.postForm(`/admin/events/${event.id}/unpublish`, other.cookie, {})).statusCode,
      404,
    );
  });

  it('refuses to unpublish with registrations; cancelling frees the seats and mails everyone', async () => {
    const event = await createEvent(db, { capacity: 10, organisationId: employer.organisationId });
    const base = `/admin/events/${event.id}`;
    const anna = await createRegistration(db, event.id, {
      name: 'Anna',
      email: 'anna@example.org',
      seats: 2,
    });
    const ben = await createRegistration(db, event.id, {
      name: 'Ben',
      email: 'ben@example.org',
      language: 'en',
      status: 'offered',
      offerExpiresAt: new Date(Date.now() + 3_600_000),
    });
    const cleo = await createRegistration(db, event.id, {
      name: 'Cleo',
      email: 'cleo@example.org',
      status: 'waiting',
    });
    const gone = await createRegistration(db, event.id, { email: 'gone@example.org', status: 'cancelled' });
    assert.equal((await eventRow(db, event.id)).seats_taken, 3);

    const unpublish = await client.postForm(`${base}/unpublish`, employer.cookie, {});
    assert.equal(unpublish.statusCode, 409);
    assert.match(unpublish.body, /kan inte avpubliceras/);

    const noReason = await client.postForm(`${base}/cancel`, employer.cookie, { reason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /id="reason-error">/);
    const cancelled = await client.postForm(`${base}/cancel`, employer.cookie, {
      reason: 'Lokalen har brunnit. Vi återkommer med ett nytt datum.',
    });
    assert.equal(cancelled.statusCode, 303);
    const row = await eventRow(db, event.id);
    assert.equal(row.status, 'cancelled');
    assert.ok(row.cancelled_at);
    assert.equal(row.seats_taken, 0);
    const statuses = await db
      .selectFrom('event_registrations')
      .select(['id', 'status'])
      .where('event_id', '=', event.id)
      .execute();
    for (const r of [anna, ben, cleo]) assert.equal(statuses.find((s) => s.id === r.id)?.status, 'cancelled');
    assert.equal(statuses.find((s) => s.id === gone.id)?.status, 'cancelled');

    queue.start();
    try {
      await until('three mails reach the SMTP server', () =>
        ['anna@example.org', 'ben@example.org', 'cleo@example.org'].every((to) =>
          smtp.received.some((m) => m.to.includes(to)),
        ),
      );
    } finally {
      await queue.stop();
    }
    assert.ok(!smtp.received.some((m) => m.to.includes('gone@example.org')));
    const annaMail = readMail(smtp.received.find((m) => m.to.includes('anna@example.org'))!);
    assert.match(annaMail.subject, /^Inställt: /);
    assert.match(annaMail.text, /Hej Anna!/);
    assert.match(annaMail.text, /Lokalen har brunnit\./);
    assert.match(annaMail.text, /Vi ber om ursäkt/);
    const benMail = readMail(smtp.received.find((m) => m.to.includes('ben@example.org'))!);
    assert.match(benMail.subject, /^Cancelled: /);
    assert.match(benMail.text, /We apologise/);
    assert.ok((await auditActions(db)).includes('event.cancelled'));
    // A cancelled event is changed no more.
    assert.equal(
      (await client.postForm(`${base}/cancel`, employer.cookie, { reason: 'igen' })).statusCode,
      409,
    );
  });

  it('deletes a draft nobody registered for, and refuses one with registrations', async () => {
    const empty = await createEvent(db, { status: 'draft', organisationId: employer.organisationId });
    // The confirmation page's form says yes (the page itself: newuser-admin).
    const res = await client.postForm(`/admin/events/${empty.id}/delete`, employer.cookie, {
      confirm: 'yes',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(
      await db.selectFrom('events').select('id').where('id', '=', empty.id).executeTakeFirst(),
      undefined,
    );
    const used = await createEvent(db, { status: 'draft', organisationId: employer.organisationId });
    await createRegistration(db, used.id, { status: 'cancelled' });
    assert.equal(
      (await client.postForm(`/admin/events/${used.id}/delete`, employer.cookie, { confirm: 'yes' }))
        .statusCode,
      409,
    );
    assert.ok((await auditActions(db)).includes('event.deleted'));
  });

  it('adds exhibitors and co-organisers, shows the stand’s link and QR, and removes them', async () => {
    // A draft: once published, an employer's additions go through the region (attack-admin).
    const event = await createEvent(db, { status: 'draft', organisationId: employer.organisationId });
    const base = `/admin/events/${event.id}`;
    const firm = await createOrganisation(db, { kind: 'employer', name: 'Falu Verkstad AB' });
    const school = await createOrganisation(db, { kind: 'course_provider', name: 'Dalarnas Yrkesskola' });
    const search = await client.get(`${base}?orgq=verkstad`, employer.cookie);
    assert.match(search.body, /<option value="[^"]+">Falu Verkstad AB<\/option>/);
    assert.doesNotMatch(search.body, /Dalarnas Yrkesskola<\/option>/);
    const notEmployer = await client.postForm(`${base}/organisations`, employer.cookie, {
      organisation: school,
      role: 'exhibitor',
      stand: 'C1',
    });
    assert.equal(notEmployer.statusCode, 400);
    assert.match(notEmployer.body, /Bara arbetsgivare kan ställa ut/);
    const added = await client.postForm(`${base}/organisations`, employer.cookie, {
      organisation: firm,
      role: 'exhibitor',
      stand: 'A12',
    });
    assert.equal(added.statusCode, 303);
    const co = await client.postForm(`${base}/organisations`, employer.cookie, {
      organisation: school,
      role: 'co_organiser',
      stand: '',
    });
    assert.equal(co.statusCode, 303);
    const twice = await client.postForm(`${base}/organisations`, employer.cookie, {
      organisation: firm,
      role: 'exhibitor',
      stand: '',
    });
    assert.equal(twice.statusCode, 400);
    const stand = await db
      .selectFrom('event_organisations')
      .select('stand_code')
      .where('event_id', '=', event.id)
      .where('organisation_id', '=', firm)
      .executeTakeFirstOrThrow();
    const page = await client.get(base, employer.cookie);
    assert.match(page.body, new RegExp(`/sv/events/${event.slug}/stand/${stand.stand_code}`));
    const qr = await client.get(`${base}/stands/${firm}`, employer.cookie);
    assert.equal(qr.statusCode, 200);
    assert.match(qr.body, /<svg class="events-qr"[^>]*role="img"/);
    assert.match(qr.body, /<path d="M\d/);
    const removed = await client.postForm(`${base}/organisations/${firm}/remove`, employer.cookie, {});
    assert.equal(removed.statusCode, 303);
    assert.equal((await client.get(`${base}/stands/${firm}`, employer.cookie)).statusCode, 404);
    const actions = await auditActions(db);
    assert.ok(actions.includes('event.organisation_added') && actions.includes('event.organisation_removed'));
  });

  it('keeps a programme in Stockholm time, and questions in order with their choices', async () => {
    const event = await createEvent(db, {
      organisationId: employer.organisationId,
      startsAt: new Date('2027-06-12T07:00:00Z'),
      endsAt: new Date('2027-06-13T15:00:00Z'),
      kind: 'test_living',
      // A draft: once published, the programme and questions of an organisation without
      // EventsApprove are the region's to change (fix3-admin-review.test.ts).
      status: 'draft',
    });
    const base = `/admin/events/${event.id}`;
    const bad = await client.postForm(`${base}/programme`, employer.cookie, {
      date: '2027-06-12',
      start_time: '9',
      kind: 'session',
      title_sv: '',
      title_en: '',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="programme-start-error">|id="start_time-error">/);
    const item = await client.postForm(`${base}/programme`, employer.cookie, {
      date: '2027-06-12',
      start_time: '10:00',
      end_time: '11:30',
      kind: 'house_viewing',
      title_sv: 'Visning av hus i Leksand',
      title_en: 'House viewing in Leksand',
      place: 'Hjortnäs',
      organisation: '',
    });
    assert.equal(item.statusCode, 303);
    const row = await db
      .selectFrom('event_programme')
      .selectAll()
      .where('event_id', '=', event.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.starts_at.toISOString(), '2027-06-12T08:00:00.000Z');
    assert.equal(row.ends_at?.toISOString(), '2027-06-12T09:30:00.000Z');

    const q = (fields: Record<string, string>) =>
      client.postForm(`${base}/questions`, employer.cookie, fields);
    const few = await q({
      kind: 'choice',
      label_sv: 'Vilken dag?',
      label_en: '',
      choices_sv: 'Lördag',
      choices_en: '',
    });
    assert.equal(few.statusCode, 400);
    assert.match(few.body, /Skriv minst två svarsalternativ/);
    assert.equal(
      (
        await q({
          kind: 'choice',
          label_sv: 'Vilken dag?',
          label_en: 'Which day?',
          choices_sv: 'Lördag\nSöndag',
          choices_en: 'Saturday\nSunday',
          required: 'yes',
        })
      ).statusCode,
      303,
    );
    assert.equal(
      (
        await q({
          kind: 'text',
          label_sv: 'Allergier',
          label_en: 'Allergies',
          choices_sv: '',
          choices_en: '',
        })
      ).statusCode,
      303,
    );
    const questions = () =>
      db
        .selectFrom('event_questions')
        .select(['id', 'label_sv', 'choices', 'required'])
        .where('event_id', '=', event.id)
        .orderBy('position')
        .execute();
    const [day, allergies] = await questions();
    assert.deepEqual(day!.choices, [
      { sv: 'Lördag', en: 'Saturday' },
      { sv: 'Söndag', en: 'Sunday' },
    ]);
    assert.equal(day!.required, true);
    const moved = await client.postForm(`${base}/questions/${allergies!.id}/move`, employer.cookie, {
      direction: 'up',
    });
    assert.equal(moved.statusCode, 303);
    assert.deepEqual(
      (await questions()).map((x) => x.label_sv),
      ['Allergier', 'Vilken dag?'],
    );
    assert.equal(
      (await client.postForm(`${base}/questions/${day!.id}/remove`, employer.cookie, {})).statusCode,
      303,
    );
    assert.equal((await questions()).length, 1);
    const actions = await auditActions(db);
    for (const a of [
      'event.programme_added',
      'event.question_added',
      'event.question_moved',
      'event.question_removed',
    ])
      assert.ok(actions.includes(a), a);
  });

  it('sends the follow-up once, to those who checked in, in each person’s language', async () => {
    const event = await createEvent(db, {
      organisationId: employer.organisationId,
      startsAt: new Date(Date.now() - 5 * 3_600_000),
      endsAt: new Date(Date.now() - 2 * 3_600_000),
    });
    const base = `/admin/events/${event.id}`;
    const came = await createRegistration(db, event.id, {
      name: 'Dana',
      email: 'dana@example.org',
      language: 'en',
    });
    await createRegistration(db, event.id, { name: 'Erik', email: 'erik@example.org' });
    await db
      .insertInto('event_checkins')
      .values({ region_id: REGION, event_id: event.id, registration_id: came.id, people: 1 })
      .execute();
    const page = await client.get(`${base}/followup`, employer.cookie);
    assert.match(page.body, /De som checkade in \(1\)/);
    assert.match(page.body, /Alla med bekräftad plats \(2\)/);
    const preview = await client.postForm(`${base}/followup`, employer.cookie, {
      audience: 'checked_in',
      paragraph_sv: 'Nästa mässa är i mars.',
      paragraph_en: 'The next fair is in March.',
      step: 'preview',
    });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /Nästa mässa är i mars\./);
    assert.match(preview.body, /\/en\/talent-pool/);
    assert.match(preview.body, /\/sv\/move/);
    assert.equal(
      (await db.selectFrom('mail_outbox').select('id').where('to_address', '=', 'dana@example.org').execute())
        .length,
      0,
    );
    const send = await client.postForm(`${base}/followup`, employer.cookie, {
      audience: 'checked_in',
      paragraph_sv: 'Nästa mässa är i mars.',
      paragraph_en: 'The next fair is in March.',
      step: 'send',
    });
    assert.equal(send.statusCode, 303);
    // The mails are queued by a task, a chunk at a time.
    await queue.drain();
    const mails = await db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'language', 'text_body'])
      .where('to_address', 'in', ['dana@example.org', 'erik@example.org'])
      .execute();
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.language, 'en');
    assert.match(mails[0]!.subject, /^Thank you for coming to /);
    // Sent by now (the outbox keeps no body after sending): read back from the SMTP server.
    await until('the follow-up reaches the SMTP server', () =>
      smtp.received.some((m) => m.to.includes('dana@example.org')),
    );
    const text = readMail(smtp.received.find((m) => m.to.includes('dana@example.org'))!).text;
    assert.match(text, /The next fair is in March\./);
    assert.match(text, /http:\/\/localhost:3000\/en\/talent-pool/);
    assert.match(text, /http:\/\/localhost:3000\/en\/move/);
    assert.ok((await eventRow(db, event.id)).followup_sent_at);
    const again = await client.postForm(`${base}/followup`, employer.cookie, {
      audience: 'confirmed',
      paragraph_sv: '',
      paragraph_en: '',
      step: 'send',
    });
    assert.equal(again.statusCode, 409);
    assert.equal(
      (
        await db
          .selectFrom('mail_outbox')
          .select('id')
          .where('to_address', 'in', ['dana@example.org', 'erik@example.org'])
          .execute()
      ).length,
      1,
    );
    assert.ok((await auditActions(db)).includes('event.followup_sent'));
  });

  it('refuses the follow-up before the event has ended', async () => {
    const event = await createEvent(db, { organisationId: employer.organisationId });
    await createRegistration(db, event.id);
    const send = await client.postForm(`/admin/events/${event.id}/followup`, employer.cookie, {
      audience: 'confirmed',
      step: 'send',
    });
    assert.equal(send.statusCode, 409);
    assert.equal((await eventRow(db, event.id)).followup_sent_at, null);
  });

  it('counts the statistics from known rows, on the page and in the CSV', async () => {
    // An event that is over: only then do attendance and no-shows mean anything (newuser-admin).
    const event = await createEvent(db, {
      capacity: 20,
      organisationId: employer.organisationId,
      startsAt: new Date(Date.now() - 26 * 3_600_000),
      endsAt: new Date(Date.now() - 23 * 3_600_000),
    });
    const a = await createRegistration(db, event.id, { seats: 3 });
    const b = await createRegistration(db, event.id, { seats: 1 });
    await createRegistration(db, event.id, { seats: 2 });
    await createRegistration(db, event.id, { status: 'waiting', seats: 2 });
    await createRegistration(db, event.id, { status: 'expired' });
    await createRegistration(db, event.id, { status: 'cancelled' });
    await db
      .insertInto('event_checkins')
      .values([
        { region_id: REGION, event_id: event.id, registration_id: a.id, people: 3 },
        { region_id: REGION, event_id: event.id, registration_id: b.id, people: 1 },
      ])
      .execute();
    const firm = await addExhibitor(db, event.id, { stand: 'A1' });
    for (let i = 0; i < 3; i++)
      await db
        .insertInto('event_leads')
        .values({
          region_id: REGION,
          event_id: event.id,
          organisation_id: firm.organisationId,
          stand: 'A1',
          name: `Lead ${i}`,
          email: `lead${i}@example.org`,
          consent_text_version: 'x',
          source: 'stand_form',
        })
        .execute();
    const page = await client.get(`/admin/events/${event.id}/stats`, employer.cookie);
    assert.equal(page.statusCode, 200);
    const cell = (label: string) =>
      new RegExp(`<th scope="row">${label}</th>\\s*<td class="events-number">([^<]*)</td>`).exec(
        page.body,
      )?.[1];
    assert.equal(cell('Tagna platser'), '6');
    assert.equal(cell('Bekräftade anmälningar'), '3');
    assert.equal(cell('På väntelistan \\(platser\\)'), '2');
    assert.equal(cell('Erbjudna platser som gick ut'), '1');
    assert.equal(cell('Incheckade personer'), '4');
    assert.equal(cell('Närvaro \\(incheckade av bekräftade anmälningar\\)'), '67 %');
    assert.equal(cell('Bekräftade som inte kom'), '1');
    assert.match(page.body, /<svg class="chart chart--columns"/);
    const csv = await client.get(`/admin/events/${event.id}/stats.csv`, employer.cookie);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /^text\/csv/);
    assert.match(csv.body, /"figures","seats","Tagna platser","6"/);
    assert.match(csv.body, /"figures","attendance","[^"]+","67"/);
    assert.match(csv.body, /"leads","A1","[^"]+","3"/);
    const day = await db
      .selectFrom('event_registrations')
      .select(sql<string>`to_char(created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD')`.as('day'))
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    assert.match(csv.body, new RegExp(`"registrations_per_day","${day.day}","${day.day}","6"`));
  });
});
