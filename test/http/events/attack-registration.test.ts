/**
 * Attacks on registration and what it keeps. The privacy notice (registration/personal-data.ts)
 * promises that registrations are kept "six months after the event" — nothing ever deletes them:
 * no task, no sweep, so a registrant without an account (who cannot use /me's deletion) keeps
 * their name, address, answers and check-in in the database for ever.
 *
 * An application (test-living weekends: "the organiser decides") is approved for the seats it
 * asked for; afterwards the personal link's seat form lets the applicant raise them to max_group
 * without any decision — the companions they named stay frozen, the seats do not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, TEST_SECRET, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createEvent, createOrganiser, createRegistration } from '../../helpers/events.ts';
import { tablesHolding } from '../../helpers/db-scan.ts';

describe('attack: registration', async () => {
  const { app, database, queue } = await buildTestApp({ LOTSA_SECRET: TEST_SECRET }, undefined, {
    rateLimiter: unlimited,
  });
  const db = database.db;
  const client = await formClient(app);
  const editor = await createOrganiser(db);

  it('registrations are gone six months after the event, as the privacy notice promises', async () => {
    const day = 86_400_000;
    const startsAt = new Date(Date.now() - 220 * day);
    const event = await createEvent(db, { organisationId: editor.organisationId, startsAt });
    const name = `Ingen Konto ${Date.now().toString(36)}`;
    await createRegistration(db, event.id, { name, email: `glomd-${Date.now().toString(36)}@example.org` });
    // Every sweep the app schedules that could delete it.
    for (const task of ['events.offers', 'events.reminders', 'platform.sweep', 'identity.sweep'])
      await queue.enqueue(task, {});
    await queue.drain();
    assert.deepEqual(
      await tablesHolding(db, name),
      [],
      'a registration for an event that ended seven months ago is still kept',
    );
  });

  it('an approved applicant cannot add seats the organiser never decided on', async () => {
    const event = await createEvent(db, {
      organisationId: editor.organisationId,
      kind: 'test_living',
      registration: 'application',
      capacity: 10,
      maxGroup: 4,
    });
    const reg = await createRegistration(db, event.id, { status: 'applied', seats: 1 });
    // The organiser approves a one-person application.
    const approved = await client.postForm(
      `/admin/events/${event.id}/registrations/${reg.id}/approve`,
      editor.cookie,
      {},
    );
    assert.equal(approved.statusCode, 303);
    // Then the applicant quietly brings three more people.
    await client.postForm(`/sv/events/registration/${reg.manageToken}/seats`, '', { seats: '4' });
    const row = await db
      .selectFrom('event_registrations')
      .select(['status', 'seats'])
      .where('id', '=', reg.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'confirmed');
    assert.equal(row.seats, 1, 'an approved application grew from 1 to 4 seats without the organiser');
  });
});
