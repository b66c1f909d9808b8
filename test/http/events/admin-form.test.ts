/**
 * The event form: creating an event through it (a draft with a slug from its title, unique in the
 * region; Stockholm times stored as the right instants on both sides of a DST change), every error
 * by its field in the person's language with what was typed re-shown, editing over an older version
 * refused with the form kept, capacity never below the seats taken, and the audit events.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createEvent, createOrganiser, createRegistration } from '../../helpers/events.ts';
import { auditActions } from '../../helpers/identity.ts';

const eventRow = (db: Kysely<DB>, id: string) =>
  db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** A complete, valid form; tests change what they look at. */
function validForm(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    kind: 'afterwork',
    title_sv: 'After work för studenter i Uppsala',
    title_en: 'After-work for students in Uppsala',
    summary_sv: 'Träffa arbetsgivare från Dalarna.',
    summary_en: 'Meet employers from Dalarna.',
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
    accessibility_sv: 'Hiss finns.',
    accessibility_en: 'There is a lift.',
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

describe('the event form', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const editor = await createOrganiser(db);
  const employer = await createOrganiser(db, { role: 'employer_admin', language: 'en' });

  it('creates a draft of the person’s organisation, with a slug from its title', async () => {
    const page = await client.get('/admin/events/new', employer.cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>New event<\/h1>/);
    const res = await client.postForm('/admin/events/new', employer.cookie, validForm());
    assert.equal(res.statusCode, 303);
    const id = /\/admin\/events\/([0-9a-f-]{36})\?done=saved/.exec(res.headers.location as string)?.[1];
    assert.ok(id);
    const row = await eventRow(db, id);
    assert.equal(row.status, 'draft');
    assert.equal(row.organisation_id, employer.organisationId);
    assert.equal(row.slug, 'after-work-for-studenter-i-uppsala');
    assert.equal(row.capacity, 40);
    assert.deepEqual(row.languages, ['sv', 'en']);
    assert.equal(row.municipality_code, null);
    assert.equal(row.created_by, employer.accountId);
    assert.ok((await auditActions(db)).includes('event.created'));
    // The same title again gets the next free slug.
    const again = await client.postForm('/admin/events/new', employer.cookie, validForm());
    const id2 = /\/admin\/events\/([0-9a-f-]{36})/.exec(again.headers.location as string)![1]!;
    assert.equal((await eventRow(db, id2)).slug, 'after-work-for-studenter-i-uppsala-2');
  });

  it('stores Stockholm wall-clock times as the right instants across the spring and autumn changes', async () => {
    // 2027-03-28 02:00 the clocks go forward: 27 March is UTC+1, 29 March UTC+2.
    const before = await client.postForm(
      '/admin/events/new',
      editor.cookie,
      validForm({
        title_sv: 'Före sommartid',
        start_date: '2027-03-27',
        start_time: '17:00',
        end_time: '20:00',
      }),
    );
    const after = await client.postForm(
      '/admin/events/new',
      editor.cookie,
      validForm({
        title_sv: 'Efter sommartid',
        start_date: '2027-03-27',
        start_time: '22:00',
        end_date: '2027-03-29',
        end_time: '09:30',
      }),
    );
    const autumn = await client.postForm(
      '/admin/events/new',
      editor.cookie,
      validForm({
        title_sv: 'Efter vintertid',
        start_date: '2027-10-31',
        start_time: '10:00',
        end_time: '12:00',
        opens_date: '2027-10-01',
        opens_time: '08:00',
      }),
    );
    const idOf = (r: typeof before) =>
      /\/admin\/events\/([0-9a-f-]{36})/.exec(r.headers.location as string)![1]!;
    const a = await eventRow(db, idOf(before));
    assert.equal(a.starts_at.toISOString(), '2027-03-27T16:00:00.000Z');
    assert.equal(a.ends_at.toISOString(), '2027-03-27T19:00:00.000Z');
    const b = await eventRow(db, idOf(after));
    assert.equal(b.starts_at.toISOString(), '2027-03-27T21:00:00.000Z');
    assert.equal(b.ends_at.toISOString(), '2027-03-29T07:30:00.000Z');
    const c = await eventRow(db, idOf(autumn));
    assert.equal(c.starts_at.toISOString(), '2027-10-31T09:00:00.000Z');
    assert.equal(c.registration_opens_at?.toISOString(), '2027-10-01T06:00:00.000Z');
    // The edit form shows them again as they were typed.
    const edit = await client.get(`/admin/events/${b.id}/edit`, editor.cookie);
    assert.match(edit.body, /id="end_date"[^>]*value="2027-03-29"/);
    assert.match(edit.body, /id="end_time"[^>]*value="09:30"/);
  });

  it('shows every error by its field, in Swedish, with what was typed', async () => {
    const res = await client.postForm(
      '/admin/events/new',
      editor.cookie,
      validForm({
        kind: 'party',
        title_sv: '',
        title_en: '',
        start_date: '2027-02-30',
        start_time: '25:00',
        end_time: '7',
        location_kind: 'region',
        municipality_code: '9999',
        online_url: 'javascript:alert(1)',
        venue: 'Kulturhuset <Falun>',
        languages: [],
        capacity: 'många',
        max_group: '50',
        offer_hours: '0',
        image: 'finns-inte',
        network_group: '00000000-0000-0000-0000-000000000000',
      }),
    );
    assert.equal(res.statusCode, 400);
    const body = res.body;
    const errorOf = (id: string) => new RegExp(`id="${id}-error">([^<]*)<`).exec(body)?.[1];
    assert.equal(errorOf('kind'), 'Välj vilken typ av evenemang det är.');
    assert.equal(errorOf('title_sv'), 'Skriv en rubrik, på svenska eller engelska.');
    assert.match(errorOf('start_date') ?? '', /ÅÅÅÅ-MM-DD/);
    assert.match(errorOf('end_time') ?? '', /TT:MM/);
    assert.equal(errorOf('municipality_code'), 'Välj en av regionens kommuner.');
    assert.equal(errorOf('online_url'), 'Skriv en hel länk som börjar med https://.');
    assert.match(errorOf('languages') ?? '', /minst ett/);
    assert.match(errorOf('capacity') ?? '', /heltal från 1 till 100/);
    assert.match(errorOf('max_group') ?? '', /från 1 till 20/);
    assert.match(errorOf('offer_hours') ?? '', /från 1 till 168/);
    assert.equal(errorOf('image'), 'Välj en bild ur listan, eller ingen bild.');
    assert.equal(errorOf('network_group'), 'Välj en grupp ur listan, eller ingen grupp.');
    assert.match(body, /class="error-summary"/);
    // What was typed is there again, escaped.
    assert.match(body, /value="Kulturhuset &lt;Falun&gt;"/);
    assert.match(body, /value="många"/);
    assert.equal(
      await db.selectFrom('events').select('id').where('title_sv', '=', '').executeTakeFirst(),
      undefined,
    );
  });

  it('shows the errors in English to a person who reads English', async () => {
    const res = await client.postForm(
      '/admin/events/new',
      employer.cookie,
      validForm({ end_time: '16:00', location_kind: 'online', online_url: 'http://insecure.example.org' }),
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="end_time-error">The event must end after it starts\.</);
    assert.match(res.body, /id="online_url-error">Write a whole link starting with https:\/\/\.</);
    assert.match(res.body, /<html lang="en"/);
  });

  it('refuses a save started from an older version, keeping what was typed', async () => {
    const event = await createEvent(db, { status: 'draft', organisationId: employer.organisationId });
    const form = await client.get(`/admin/events/${event.id}/edit`, employer.cookie);
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1];
    assert.equal(version, '1');
    // A colleague saves first.
    const first = await client.postForm(
      `/admin/events/${event.id}/edit`,
      employer.cookie,
      validForm({ version: '1', title_sv: 'Kollegans rubrik' }),
    );
    assert.equal(first.statusCode, 303);
    assert.equal((await eventRow(db, event.id)).version, 2);
    // The first form is sent now, from version 1.
    const late = await client.postForm(
      `/admin/events/${event.id}/edit`,
      employer.cookie,
      validForm({ version: '1', title_sv: 'Min rubrik' }),
    );
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /Someone else saved the event while you were writing/);
    assert.match(late.body, /value="Min rubrik"/);
    assert.match(late.body, /name="version" value="2"/);
    assert.equal((await eventRow(db, event.id)).title_sv, 'Kollegans rubrik');
    // Saving the kept form again goes through.
    const again = await client.postForm(
      `/admin/events/${event.id}/edit`,
      employer.cookie,
      validForm({ version: '2', title_sv: 'Min rubrik' }),
    );
    assert.equal(again.statusCode, 303);
    assert.equal((await eventRow(db, event.id)).title_sv, 'Min rubrik');
    assert.ok((await auditActions(db)).includes('event.updated'));
  });

  it('refuses a capacity below the seats already taken, saying how many', async () => {
    const event = await createEvent(db, { capacity: 10 });
    await createRegistration(db, event.id, { seats: 3 });
    await createRegistration(db, event.id, { seats: 2 });
    const res = await client.postForm(
      `/admin/events/${event.id}/edit`,
      editor.cookie,
      validForm({ version: '1', capacity: '4' }),
    );
    assert.equal(res.statusCode, 400);
    assert.match(
      res.body,
      /id="capacity-error">Det går inte att ha färre platser än de 5 som redan är tagna/,
    );
    assert.equal((await eventRow(db, event.id)).capacity, 10);
    const ok = await client.postForm(
      `/admin/events/${event.id}/edit`,
      editor.cookie,
      validForm({ version: '1', capacity: '5' }),
    );
    assert.equal(ok.statusCode, 303);
    assert.equal((await eventRow(db, event.id)).capacity, 5);
  });

  it('prefills a meetup of a network group from the query', async () => {
    const page = await client.get('/admin/events/new?kind=meetup', editor.cookie);
    assert.match(page.body, /<option value="meetup" selected>/);
  });
});
