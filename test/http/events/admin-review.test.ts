/**
 * Review of what an organisation without EventsApprove changes once its event is published: the
 * edit waits as pending changes (visitors and registrants keep the approved event) but for the
 * seats and registration window, which apply at once; an approver reads the diff and publishes the
 * changes over the version seen, or sends them back with a comment; new organisations on a
 * published event are the region's to add. Only a network manager sets a newcomer-network group.
 * A cancellation mails its registrations by a task, a chunk at a time.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { CANCEL_MAILS_TASK, MAIL_CHUNK } from '../../../src/modules/events/admin/service.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createEvent, createOrganiser, createRegistration } from '../../helpers/events.ts';
import { auditActions, createOrganisation } from '../../helpers/identity.ts';
import { createGroup } from '../../helpers/network.ts';

const eventRow = (db: Kysely<DB>, id: string) =>
  db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

function form(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    kind: 'afterwork',
    title_sv: 'After work i Uppsala',
    title_en: 'After-work in Uppsala',
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

describe('events back-office: review of published events', async () => {
  const { app, database, queue } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const editor = await createOrganiser(db);
  const employer = await createOrganiser(db, { role: 'employer_admin' });
  const navigator = await createOrganiser(db, { role: 'navigator' });

  it('keeps an employer’s edit of its published event pending until an approver publishes it', async () => {
    const event = await createEvent(db, {
      organisationId: employer.organisationId,
      title: 'Öppet hus i Borlänge',
    });
    const base = `/admin/events/${event.id}`;
    const live = await eventRow(db, event.id);

    const editForm = await client.get(`${base}/edit`, employer.cookie);
    assert.match(editForm.body, /Antal platser, största sällskap, anmälningstiden och svarstiden/);

    const saved = await client.postForm(
      `${base}/edit`,
      employer.cookie,
      form({
        version: String(live.version),
        title_sv: 'Öppet hus i Borlänge – nu med lunch',
        capacity: '55',
      }),
    );
    assert.equal(saved.statusCode, 303);
    assert.match(String(saved.headers.location), /done=changesPending/);
    let row = await eventRow(db, event.id);
    assert.equal(row.title_sv, 'Öppet hus i Borlänge', 'visitors keep the approved title');
    assert.equal(row.locality, live.locality);
    assert.equal(row.capacity, 55, 'the seats apply at once');
    assert.ok(row.pending);
    const publicPage = await client.get(`/sv/events/${row.slug}`);
    assert.match(publicPage.body, /Öppet hus i Borlänge/);
    assert.doesNotMatch(publicPage.body, /nu med lunch/);

    // The organiser sees that the changes wait, and goes on editing the pending version.
    const own = await client.get(base, employer.cookie);
    assert.match(own.body, /Ändringarna väntar på granskning/);
    const again = await client.get(`${base}/edit`, employer.cookie);
    assert.match(again.body, /value="Öppet hus i Borlänge – nu med lunch"/);

    // The approver reads the diff and sends the changes back with a comment.
    const review = await client.get(base, editor.cookie);
    assert.match(review.body, /Ändringar som väntar på granskning/);
    assert.match(review.body, /<ins>[^]*?nu med lunch[^]*?<\/ins>/);
    assert.match(review.body, /<h3 class="diff-field__label">Ort<\/h3>/);
    assert.match(review.body, /Publicera ändringarna/);
    const noComment = await client.postForm(`${base}/changes/send-back`, editor.cookie, { comment: ' ' });
    assert.equal(noComment.statusCode, 400);
    assert.match(noComment.body, /id="comment-error"/);
    const back = await client.postForm(`${base}/changes/send-back`, editor.cookie, {
      comment: 'Skriv vad lunchen kostar.',
    });
    assert.equal(back.statusCode, 303);
    const sentBack = await client.get(base, employer.cookie);
    assert.match(sentBack.body, /Regionen har skickat tillbaka ändringarna:/);
    assert.match(sentBack.body, /Skriv vad lunchen kostar\./);

    // The organiser edits again; the approver's old page is stale and refused.
    const stale = /action="[^"]+\/changes\/publish">[^]*?name="version" value="(\d+)"/.exec(review.body)?.[1];
    assert.ok(stale);
    row = await eventRow(db, event.id);
    assert.equal(
      (
        await client.postForm(
          `${base}/edit`,
          employer.cookie,
          form({
            version: String(row.version),
            title_sv: 'Öppet hus i Borlänge – lunch 50 kr',
            capacity: '55',
          }),
        )
      ).statusCode,
      303,
    );
    const refused = await client.postForm(`${base}/changes/publish`, editor.cookie, { version: stale });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /har ändrats sedan du öppnade sidan/);
    assert.equal((await eventRow(db, event.id)).title_sv, 'Öppet hus i Borlänge');

    const current = /action="[^"]+\/changes\/publish">[^]*?name="version" value="(\d+)"/.exec(
      refused.body,
    )?.[1];
    assert.ok(current);
    const published = await client.postForm(`${base}/changes/publish`, editor.cookie, { version: current });
    assert.equal(published.statusCode, 303);
    row = await eventRow(db, event.id);
    assert.equal(row.title_sv, 'Öppet hus i Borlänge – lunch 50 kr');
    assert.equal(row.locality, 'Uppsala');
    assert.equal(row.pending, null);
    assert.match((await client.get(`/sv/events/${row.slug}`)).body, /lunch 50 kr/);
    // An employer cannot publish its own changes.
    assert.equal(
      (await client.postForm(`${base}/changes/publish`, employer.cookie, { version: String(row.version) }))
        .statusCode,
      409,
    );
    const actions = await auditActions(db);
    for (const a of ['event.changes_submitted', 'event.changes_sent_back', 'event.changes_published'])
      assert.ok(actions.includes(a), a);
  });

  it('applies an edit of only the seats and the registration window at once, with nothing pending', async () => {
    const event = await createEvent(db, {
      organisationId: employer.organisationId,
      startsAt: new Date('2027-05-20T08:00:00Z'),
      endsAt: new Date('2027-05-20T12:00:00Z'),
    });
    const live = await eventRow(db, event.id);
    const { eventFormOf } = await import('../../../src/modules/events/admin/form.ts');
    const values = eventFormOf(live, '');
    const saved = await client.postForm(`/admin/events/${event.id}/edit`, employer.cookie, {
      ...values,
      capacity: '80',
      max_group: '3',
      offer_hours: '12',
    });
    assert.equal(saved.statusCode, 303);
    assert.match(String(saved.headers.location), /done=saved/);
    const row = await eventRow(db, event.id);
    assert.deepEqual([row.capacity, row.max_group, row.offer_hours, row.pending], [80, 3, 12, null]);
  });

  it('refuses an employer’s new exhibitor on its published event, and says why', async () => {
    const event = await createEvent(db, { organisationId: employer.organisationId });
    const firm = await createOrganisation(db, { kind: 'employer', name: 'Mora Snickeri AB' });
    const page = await client.get(`/admin/events/${event.id}`, employer.cookie);
    assert.match(page.body, /Be regionen om du vill lägga till/);
    const added = await client.postForm(`/admin/events/${event.id}/organisations`, employer.cookie, {
      organisation: firm,
      role: 'exhibitor',
      stand: 'B2',
    });
    assert.equal(added.statusCode, 409);
    assert.match(added.body, /regionen granskar nya medarrangörer och utställare/);
    const rows = await db
      .selectFrom('event_organisations')
      .select('organisation_id')
      .where('event_id', '=', event.id)
      .execute();
    assert.equal(rows.length, 0);
    // The region adds it.
    const byEditor = await client.postForm(`/admin/events/${event.id}/organisations`, editor.cookie, {
      organisation: firm,
      role: 'exhibitor',
      stand: 'B2',
    });
    assert.equal(byEditor.statusCode, 303);
  });

  it('lets only a network manager set an event’s newcomer-network group', async () => {
    const group = await createGroup(db, { name: 'Fikaträff Mora' });
    const employerForm = await client.get('/admin/events/new', employer.cookie);
    assert.doesNotMatch(employerForm.body, /name="network_group"/);
    const navigatorForm = await client.get(
      `/admin/events/new?kind=meetup&group=${group.id}`,
      navigator.cookie,
    );
    assert.match(navigatorForm.body, /name="network_group"/);

    const created = await client.postForm(
      '/admin/events/new',
      navigator.cookie,
      form({ kind: 'meetup', title_sv: 'Fika i Mora', network_group: group.id }),
    );
    assert.equal(created.statusCode, 303);
    const id = /\/admin\/events\/([0-9a-f-]{36})/.exec(String(created.headers.location))?.[1];
    assert.ok(id);
    assert.equal((await eventRow(db, id)).network_group_id, group.id);

    // An employer's posted group is ignored; an event with a group keeps it through its edit.
    const own = await client.postForm(
      '/admin/events/new',
      employer.cookie,
      form({ title_sv: 'Vår egen träff', network_group: group.id }),
    );
    const ownId = /\/admin\/events\/([0-9a-f-]{36})/.exec(String(own.headers.location))?.[1];
    assert.ok(ownId);
    assert.equal((await eventRow(db, ownId)).network_group_id, null);
    await db.updateTable('events').set({ network_group_id: group.id }).where('id', '=', ownId).execute();
    const row = await eventRow(db, ownId);
    const edited = await client.postForm(
      `/admin/events/${ownId}/edit`,
      employer.cookie,
      form({ title_sv: 'Vår egen träff', version: String(row.version), network_group: '' }),
    );
    assert.equal(edited.statusCode, 303);
    assert.equal((await eventRow(db, ownId)).network_group_id, group.id);
  });

  it('cancels an event with many registrations in one bounded request; a task mails them in chunks', async () => {
    const count = 2 * MAIL_CHUNK + 5;
    const event = await createEvent(db, { organisationId: employer.organisationId, capacity: count + 10 });
    for (let i = 0; i < count; i += 25)
      await Promise.all(
        Array.from({ length: Math.min(25, count - i) }, (_, j) =>
          createRegistration(db, event.id, { name: `Person ${i + j}`, email: `person${i + j}@example.org` }),
        ),
      );
    assert.equal((await eventRow(db, event.id)).seats_taken, count);
    const outbox = () =>
      db.selectFrom('mail_outbox').select('id').where('to_address', 'like', 'person%@example.org').execute();

    const cancelled = await client.postForm(`/admin/events/${event.id}/cancel`, employer.cookie, {
      reason: 'Vi har fått förhinder.',
    });
    assert.equal(cancelled.statusCode, 303);
    const row = await eventRow(db, event.id);
    assert.equal(row.status, 'cancelled');
    assert.equal(row.seats_taken, 0);
    assert.equal((await outbox()).length, 0, 'the request itself queues no mail');
    const tasks = await db.selectFrom('jobs').select('id').where('name', '=', CANCEL_MAILS_TASK).execute();
    assert.equal(tasks.length, 1);

    await queue.drain();
    assert.equal((await outbox()).length, count, 'each registration mailed once');
    const runs = await db.selectFrom('jobs').select('id').where('name', '=', CANCEL_MAILS_TASK).execute();
    assert.equal(runs.length, 3, 'one task per chunk');
  });
});
