/**
 * Attack on the admin fixes (pending changes, versioned publishing): what an organisation without
 * EventsApprove changes on its published event must not reach visitors unreviewed, and an approver
 * must not publish what the page it acted on did not show.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createEvent, createOrganiser } from '../../helpers/events.ts';
import { REGION, createOrganisation } from '../../helpers/identity.ts';

const eventRow = (db: Kysely<DB>, id: string) =>
  db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

function form(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    kind: 'afterwork',
    title_sv: 'Öppet hus',
    title_en: 'Open house',
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

describe('attack 2: unreviewed changes to published events', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const editor = await createOrganiser(db);
  const employer = await createOrganiser(db, { role: 'employer_admin' });

  it('does not put a non-approver’s new programme item on the published public page', async () => {
    const event = await createEvent(db, {
      organisationId: employer.organisationId,
      startsAt: new Date('2027-06-12T07:00:00Z'),
      endsAt: new Date('2027-06-12T15:00:00Z'),
    });
    const base = `/admin/events/${event.id}`;
    const res = await client.postForm(`${base}/programme`, employer.cookie, {
      date: '2027-06-12',
      start_time: '10:00',
      end_time: '11:00',
      kind: 'session',
      title_sv: 'Gratis iPhone till alla – klicka här',
      title_en: 'Free iPhone for everyone',
      place: 'Scenen',
      organisation: '',
    });
    const page = await client.get(`/sv/events/${event.slug}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(
      page.body,
      /Gratis iPhone till alla/,
      `a programme item added by a non-approver (HTTP ${res.statusCode}) is live on the public page unreviewed`,
    );
  });

  it('does not put a non-approver’s new registration question on the published form', async () => {
    const event = await createEvent(db, { organisationId: employer.organisationId });
    const base = `/admin/events/${event.id}`;
    const res = await client.postForm(`${base}/questions`, employer.cookie, {
      kind: 'text',
      label_sv: 'Ange ditt personnummer och bankkortsnummer',
      label_en: 'Your ID number and card number',
      choices_sv: '',
      choices_en: '',
      required: 'yes',
    });
    const form = await client.get(`/sv/events/${event.slug}/register`);
    assert.equal(form.statusCode, 200);
    assert.doesNotMatch(
      form.body,
      /personnummer och bankkortsnummer/,
      `a question added by a non-approver (HTTP ${res.statusCode}) is live on the registration form unreviewed`,
    );
  });

  it('does not let a non-approver take an exhibitor off its published event', async () => {
    const event = await createEvent(db, { organisationId: employer.organisationId });
    const firm = await createOrganisation(db, { kind: 'employer' });
    await db
      .insertInto('event_organisations')
      .values({
        region_id: (await eventRow(db, event.id)).region_id,
        event_id: event.id,
        organisation_id: firm,
        role: 'exhibitor',
        stand: 'Monter 4',
        position: 0,
      })
      .execute();
    const res = await client.postForm(
      `/admin/events/${event.id}/organisations/${firm}/remove`,
      employer.cookie,
      {},
    );
    const still = await db
      .selectFrom('event_organisations')
      .select('organisation_id')
      .where('event_id', '=', event.id)
      .where('organisation_id', '=', firm)
      .executeTakeFirst();
    assert.ok(
      still,
      `a non-approver removed an exhibitor from a published event at once (HTTP ${res.statusCode}); adding one is the region's`,
    );
  });

  it('refuses an approver’s publish when the programme changed after the page it acted on', async () => {
    const event = await createEvent(db, {
      organisationId: employer.organisationId,
      status: 'in_review',
      startsAt: new Date('2027-06-12T07:00:00Z'),
      endsAt: new Date('2027-06-12T15:00:00Z'),
    });
    const base = `/admin/events/${event.id}`;
    // The approver opens the page: it shows this version, with no programme.
    const seen = await client.get(base, editor.cookie);
    assert.equal(seen.statusCode, 200);
    const version = String((await eventRow(db, event.id)).version);
    // Meanwhile the organiser adds a programme item.
    const added = await client.postForm(`${base}/programme`, employer.cookie, {
      date: '2027-06-12',
      start_time: '10:00',
      end_time: '11:00',
      kind: 'session',
      title_sv: 'Något approvern aldrig såg',
      title_en: 'Something the approver never saw',
      place: '',
      organisation: '',
    });
    assert.equal(added.statusCode, 303);
    const published = await client.postForm(`${base}/publish`, editor.cookie, { version });
    assert.equal(
      published.statusCode,
      409,
      'the publish carried the version seen, yet a programme added after that page was published unseen',
    );
  });

  it('refuses an approver’s publish when a question changed after the page it acted on', async () => {
    const event = await createEvent(db, { organisationId: employer.organisationId, status: 'in_review' });
    const base = `/admin/events/${event.id}`;
    await client.get(base, editor.cookie);
    const version = String((await eventRow(db, event.id)).version);
    const added = await client.postForm(`${base}/questions`, employer.cookie, {
      kind: 'text',
      label_sv: 'Fråga som approvern aldrig såg',
      label_en: '',
      choices_sv: '',
      choices_en: '',
      required: '',
    });
    assert.equal(added.statusCode, 303);
    const published = await client.postForm(`${base}/publish`, editor.cookie, { version });
    assert.equal(published.statusCode, 409, 'a question added after the page was published unseen');
  });

  it('shows the approver which picture a pending change puts on the event, not an id', async () => {
    const image = await db
      .insertInto('media_images')
      .values({
        region_id: REGION,
        slug: 'ny-bild-fran-arbetsgivaren',
        alt_sv: 'En bild arbetsgivaren laddat upp',
        alt_en: 'A picture the employer uploaded',
        width: 1200,
        height: 800,
        format: 'jpeg',
        bytes: 1000,
        storage_prefix: 'x',
        file_hash: 'abc123def0',
        widths: [400, 800, 1200],
        organisation_id: employer.organisationId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const event = await createEvent(db, { organisationId: employer.organisationId });
    const base = `/admin/events/${event.id}`;
    const live = await eventRow(db, event.id);
    const saved = await client.postForm(
      `${base}/edit`,
      employer.cookie,
      form({
        version: String(live.version),
        title_sv: live.title_sv,
        title_en: live.title_en,
        image: 'ny-bild-fran-arbetsgivaren',
      }),
    );
    assert.equal(
      saved.statusCode,
      303,
      [...saved.body.matchAll(/id="([a-z_]+-error)"[^>]*>([^<]*)/g)]
        .map((m) => `${m[1] ?? ''}${m[2] ?? ''}`)
        .join('; '),
    );
    const pending = (await eventRow(db, event.id)).pending as { values: { image_id: string } } | null;
    assert.equal(pending?.values.image_id, image.id, 'the picture waits for review');
    const review = await client.get(base, editor.cookie);
    const diff = /class="events-diff">([^]*?)<\/div>\s*<form/.exec(review.body)?.[1] ?? review.body;
    assert.doesNotMatch(
      diff,
      new RegExp(image.id),
      'the approver’s diff shows the picture as a bare uuid: what is published is not what was seen',
    );
  });
});
