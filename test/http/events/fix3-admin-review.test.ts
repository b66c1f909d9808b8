/**
 * The second review's fixes to the back-office (fix3-admin): an organisation without EventsApprove
 * does not change the programme, the questions or the organisations of its published event (a
 * clear refusal, sv and en), while the region does; every such change is a new version; sending
 * changes back is a new version too, so another approver's older page cannot publish them; the
 * approver sees a pending picture by its name, alt text and a thumbnail; a follow-up chunk run
 * twice mails nobody twice.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { followupMails } from '../../../src/modules/events/admin/service.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createEvent, createOrganiser, createRegistration } from '../../helpers/events.ts';
import { REGION, createOrganisation } from '../../helpers/identity.ts';

const eventRow = (db: Kysely<DB>, id: string) =>
  db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const item = (title: string) => ({
  date: '2027-06-12',
  start_time: '10:00',
  end_time: '11:00',
  kind: 'session',
  title_sv: title,
  title_en: '',
  place: '',
  organisation: '',
});

const question = (label: string) => ({
  kind: 'text',
  label_sv: label,
  label_en: '',
  choices_sv: '',
  choices_en: '',
  required: '',
});

function editForm(over: Record<string, string | string[]>): Record<string, string | string[]> {
  return {
    kind: 'afterwork',
    summary_sv: 'Träffa arbetsgivare.',
    summary_en: 'Meet employers.',
    description_sv: '',
    description_en: '',
    start_date: '2027-03-27',
    start_time: '17:00',
    end_date: '',
    end_time: '20:00',
    location_kind: 'away',
    municipality_code: '',
    venue: 'Nationshuset',
    street_address: 'Sankt Larsgatan 13',
    postal_code: '753 11',
    locality: 'Uppsala',
    online_url: '',
    languages: ['sv', 'en'],
    personas: ['students'],
    accessibility_sv: '',
    accessibility_en: '',
    registration: 'open',
    capacity: '40',
    max_group: '2',
    opens_date: '',
    opens_time: '',
    closes_date: '',
    closes_time: '',
    offer_hours: '24',
    image: '',
    network_group: '',
    ...over,
  };
}

describe('fix3-admin: changes to published events and their versions', async () => {
  const { app, database, queue } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const editor = await createOrganiser(db);
  const second = await createOrganiser(db);
  const employer = await createOrganiser(db, { role: 'employer_admin' });
  const english = await createOrganiser(db, {
    role: 'employer_admin',
    organisationId: employer.organisationId,
    language: 'en',
  });
  const published = () =>
    createEvent(db, {
      organisationId: employer.organisationId,
      startsAt: new Date('2027-06-12T07:00:00Z'),
      endsAt: new Date('2027-06-12T15:00:00Z'),
    });

  it('refuses a non-approver’s programme and question changes on a published event, in words, sv and en', async () => {
    const event = await published();
    const base = `/admin/events/${event.id}`;
    const sv = await client.postForm(`${base}/programme`, employer.cookie, item('Ny punkt'));
    assert.equal(sv.statusCode, 409);
    assert.match(sv.body, /regionen granskar ändringar i programmet/);
    const en = await client.postForm(`${base}/questions`, english.cookie, question('Ny fråga'));
    assert.equal(en.statusCode, 409);
    assert.match(en.body, /the region reviews changes to the registration questions/);
    const rows = await db
      .selectFrom('event_programme')
      .select('id')
      .where('event_id', '=', event.id)
      .execute();
    assert.equal(rows.length, 0);
    // The region's editor changes the published programme at once, and visitors see it.
    const version = (await eventRow(db, event.id)).version;
    const byRegion = await client.postForm(`${base}/programme`, editor.cookie, item('Regionens punkt'));
    assert.equal(byRegion.statusCode, 303);
    assert.ok((await eventRow(db, event.id)).version > version, 'the programme change is a new version');
    const page = await client.get(`/sv/events/${event.slug}`);
    assert.match(page.body, /Regionens punkt/);
    // And the non-approver cannot take the region's item off again either.
    const [row] = await db
      .selectFrom('event_programme')
      .select('id')
      .where('event_id', '=', event.id)
      .execute();
    const removed = await client.postForm(`${base}/programme/${row!.id}/remove`, employer.cookie, {});
    assert.equal(removed.statusCode, 409);
  });

  it('refuses a non-approver taking an organisation off a published event, but not the region', async () => {
    const event = await published();
    const firm = await createOrganisation(db, { kind: 'employer' });
    await db
      .insertInto('event_organisations')
      .values({
        region_id: REGION,
        event_id: event.id,
        organisation_id: firm,
        role: 'exhibitor',
        stand: '',
        position: 0,
      })
      .execute();
    const base = `/admin/events/${event.id}`;
    const refused = await client.postForm(`${base}/organisations/${firm}/remove`, english.cookie, {});
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Ask the region to remove the organisation/);
    const version = (await eventRow(db, event.id)).version;
    const done = await client.postForm(`${base}/organisations/${firm}/remove`, editor.cookie, {});
    assert.equal(done.statusCode, 303);
    assert.ok((await eventRow(db, event.id)).version > version, 'removing an organisation is a new version');
  });

  it('lets the organiser build the programme and questions of its draft, each change a new version', async () => {
    const event = await createEvent(db, { organisationId: employer.organisationId, status: 'draft' });
    const base = `/admin/events/${event.id}`;
    const versions = [(await eventRow(db, event.id)).version];
    assert.equal(
      (await client.postForm(`${base}/questions`, employer.cookie, question('Ett'))).statusCode,
      303,
    );
    versions.push((await eventRow(db, event.id)).version);
    assert.equal(
      (await client.postForm(`${base}/questions`, employer.cookie, question('Två'))).statusCode,
      303,
    );
    versions.push((await eventRow(db, event.id)).version);
    const rows = await db
      .selectFrom('event_questions')
      .select('id')
      .where('event_id', '=', event.id)
      .orderBy('position')
      .execute();
    const moved = await client.postForm(`${base}/questions/${rows[1]!.id}/move`, employer.cookie, {
      direction: 'up',
    });
    assert.equal(moved.statusCode, 303);
    versions.push((await eventRow(db, event.id)).version);
    const removed = await client.postForm(`${base}/questions/${rows[0]!.id}/remove`, employer.cookie, {});
    assert.equal(removed.statusCode, 303);
    versions.push((await eventRow(db, event.id)).version);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! > versions[i - 1]!, `change ${i}`);
  });

  it('does not let a second approver’s older page publish changes another approver just sent back', async () => {
    const event = await published();
    const base = `/admin/events/${event.id}`;
    const live = await eventRow(db, event.id);
    const saved = await client.postForm(
      `${base}/edit`,
      employer.cookie,
      editForm({ version: String(live.version), title_sv: 'Ändrad titel', title_en: live.title_en }),
    );
    assert.equal(saved.statusCode, 303);
    // The second approver opens the page with the pending changes …
    assert.equal((await client.get(base, second.cookie)).statusCode, 200);
    const seen = String((await eventRow(db, event.id)).version);
    // … the first sends them back …
    const back = await client.postForm(`${base}/changes/send-back`, editor.cookie, {
      comment: 'Titeln behöver ses över.',
    });
    assert.equal(back.statusCode, 303);
    // … and the second's publish over what its page showed is refused.
    const publish = await client.postForm(`${base}/changes/publish`, second.cookie, { version: seen });
    assert.equal(publish.statusCode, 409);
    const row = await eventRow(db, event.id);
    assert.equal(row.title_sv, live.title_sv, 'the changes sent back were not published');
    assert.ok(row.pending, 'the changes stay with the organiser');
  });

  it('shows a pending picture to the approver as a thumbnail with its name and alt text', async () => {
    const image = await db
      .insertInto('media_images')
      .values({
        region_id: REGION,
        slug: 'fix3-ny-bild',
        alt_sv: 'Arbetsgivarens nya bild',
        alt_en: 'The employer’s new picture',
        width: 1200,
        height: 800,
        format: 'jpeg',
        bytes: 1000,
        storage_prefix: 'x',
        file_hash: 'f1e3aa0b99',
        widths: [400, 800, 1200],
        organisation_id: employer.organisationId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const event = await published();
    const base = `/admin/events/${event.id}`;
    const live = await eventRow(db, event.id);
    const saved = await client.postForm(
      `${base}/edit`,
      employer.cookie,
      editForm({
        version: String(live.version),
        title_sv: live.title_sv,
        title_en: live.title_en,
        image: 'fix3-ny-bild',
      }),
    );
    assert.equal(saved.statusCode, 303);
    const review = await client.get(base, editor.cookie);
    assert.match(review.body, /fix3-ny-bild – Arbetsgivarens nya bild/);
    assert.match(
      review.body,
      new RegExp(`<img src="/media/${image.id}/[^"]+" [^>]*alt="Arbetsgivarens nya bild"`),
    );
    assert.match(review.body, /Bilden efter ändringen/);
  });

  it('does not mail a follow-up twice when its chunk runs again', async () => {
    const event = await createEvent(db, {
      organisationId: employer.organisationId,
      startsAt: new Date(Date.now() - 5 * 3_600_000),
      endsAt: new Date(Date.now() - 2 * 3_600_000),
    });
    for (let i = 0; i < 3; i++)
      await createRegistration(db, event.id, { name: `Again ${i}`, email: `fix3again${i}@example.org` });
    const at = new Date();
    await db.updateTable('events').set({ followup_sent_at: at }).where('id', '=', event.id).execute();
    await db
      .updateTable('event_registrations')
      .set({ followup_sent_at: at })
      .where('event_id', '=', event.id)
      .execute();
    const chunk = { regionId: REGION, eventId: event.id, origin: 'https://example.org', after: '' };
    assert.equal(await followupMails({ db, queue }, chunk), 3);
    assert.equal(await followupMails({ db, queue }, chunk), 0, 'the chunk run again queues nothing');
    await queue.drain();
    const mails = await db
      .selectFrom('mail_outbox')
      .select('id')
      .where('to_address', 'like', 'fix3again%@example.org')
      .execute();
    assert.equal(mails.length, 3);
  });
});
