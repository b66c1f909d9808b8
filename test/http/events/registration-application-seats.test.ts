/**
 * An application's seats on the personal page: the organiser decides on the number applied for,
 * so the page offers only fewer, more is refused with a clear sentence (before and after the
 * decision), and fewer frees the seats as for any registration. An open registration still grows
 * while seats are free.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, TEST_SECRET, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createEvent, createOrganiser, createRegistration } from '../../helpers/events.ts';

describe('an application’s seats on the personal page', async () => {
  const { app, database } = await buildTestApp({ LOTSA_SECRET: TEST_SECRET }, undefined, {
    rateLimiter: unlimited,
  });
  const db = database.db;
  const client = await formClient(app);
  const editor = await createOrganiser(db);

  const seatsOf = async (regId: string) =>
    (
      await db
        .selectFrom('event_registrations')
        .select(['status', 'seats'])
        .where('id', '=', regId)
        .executeTakeFirstOrThrow()
    ).seats;
  const takenOf = async (eventId: string) =>
    (await db.selectFrom('events').select('seats_taken').where('id', '=', eventId).executeTakeFirstOrThrow())
      .seats_taken;
  const weekend = () =>
    createEvent(db, {
      organisationId: editor.organisationId,
      kind: 'test_living',
      registration: 'application',
      capacity: 10,
      maxGroup: 4,
    });

  it('refuses more seats with a sentence, allows fewer and frees them', async () => {
    const event = await weekend();
    const reg = await createRegistration(db, event.id, { status: 'applied', seats: 3 });
    const approved = await client.postForm(
      `/admin/events/${event.id}/registrations/${reg.id}/approve`,
      editor.cookie,
      {},
    );
    assert.equal(approved.statusCode, 303);
    assert.equal(await takenOf(event.id), 3);

    const page = await client.get(`/sv/events/registration/${reg.manageToken}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Här kan ni bli färre, men inte fler/);
    assert.match(page.body, /<option value="3"[^>]*selected/);
    assert.doesNotMatch(page.body, /<option value="4"/, 'the form offers no more than was decided');

    const more = await client.postForm(`/en/events/registration/${reg.manageToken}/seats`, '', {
      seats: '4',
    });
    assert.equal(more.statusCode, 303);
    assert.match(String(more.headers.location), /\?done=seatsDecided$/);
    const shown = await client.get(String(more.headers.location));
    assert.match(shown.body, /An application cannot take more people here/);
    assert.equal(await seatsOf(reg.id), 3);
    assert.equal(await takenOf(event.id), 3);

    const fewer = await client.postForm(`/sv/events/registration/${reg.manageToken}/seats`, '', {
      seats: '1',
    });
    assert.match(String(fewer.headers.location), /\?done=seats$/);
    assert.equal(await seatsOf(reg.id), 1);
    assert.equal(await takenOf(event.id), 1, 'the seats given back are free');
  });

  it('refuses more seats before the decision too', async () => {
    const event = await weekend();
    const reg = await createRegistration(db, event.id, { status: 'applied', seats: 2 });
    const more = await client.postForm(`/sv/events/registration/${reg.manageToken}/seats`, '', {
      seats: '3',
    });
    assert.match(String(more.headers.location), /\?done=seatsDecided$/);
    assert.equal(await seatsOf(reg.id), 2);
    const fewer = await client.postForm(`/sv/events/registration/${reg.manageToken}/seats`, '', {
      seats: '1',
    });
    assert.match(String(fewer.headers.location), /\?done=seats$/);
    assert.equal(await seatsOf(reg.id), 1);
  });

  it('an open registration still grows while seats are free', async () => {
    const event = await createEvent(db, { organisationId: editor.organisationId, capacity: 10, maxGroup: 4 });
    const reg = await createRegistration(db, event.id, { seats: 1 });
    const more = await client.postForm(`/sv/events/registration/${reg.manageToken}/seats`, '', {
      seats: '3',
    });
    assert.match(String(more.headers.location), /\?done=seats$/);
    assert.equal(await seatsOf(reg.id), 3);
    assert.equal(await takenOf(event.id), 3);
  });
});
