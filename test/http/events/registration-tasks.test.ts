/**
 * Registration's housekeeping tasks: retention (`events.retention`, daily) deletes registrations
 * six months after their event ended and those ended without a seat (cancelled, declined, expired)
 * 30 days after, with their check-ins, audited once per event with the count and no personal
 * data; sign-ups moved from the newcomer network (placeholder 'migrated:…' hashes) get the hashes
 * of their derived links in the offers task, and only then their reminder, whose link works.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, TEST_SECRET, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createEvent, createOrganiser, createRegistration } from '../../helpers/events.ts';
import { REGION } from '../../helpers/identity.ts';
import { registrationHashes, manageToken } from '../../../src/modules/events/tokens.ts';
import {
  KEEP_ENDED_DAYS,
  rehashMigrated,
  runRetention,
  sendReminders,
} from '../../../src/modules/events/registration/service.ts';

const DAY = 86_400_000;

describe('registration tasks', async () => {
  const { app, database, queue, config } = await buildTestApp({ LOTSA_SECRET: TEST_SECRET }, undefined, {
    rateLimiter: unlimited,
  });
  const db = database.db;
  const client = await formClient(app);
  const editor = await createOrganiser(db);
  const deps = { db, queue, secret: TEST_SECRET, origin: config.publicUrl.origin };

  const statusesOf = async (eventId: string) =>
    (
      await db
        .selectFrom('event_registrations')
        .select('status')
        .where('event_id', '=', eventId)
        .orderBy('status')
        .execute()
    ).map((r) => r.status);
  const auditsOf = (eventId: string) =>
    db
      .selectFrom('audit_events')
      .select(['action', 'subject_type', 'data', 'actor_label'])
      .where('subject_id', '=', eventId)
      .where('action', '=', 'event.registration.retention')
      .execute();
  const endedDaysAgo = (regId: string, days: number) =>
    db
      .updateTable('event_registrations')
      .set({ updated_at: new Date(Date.now() - days * DAY) })
      .where('id', '=', regId)
      .execute();

  it('deletes every registration and check-in of an event that ended over six months ago, audited once with the count', async () => {
    const startsAt = new Date(Date.now() - 200 * DAY);
    const event = await createEvent(db, { organisationId: editor.organisationId, startsAt });
    const name = `Gammal Gäst ${Date.now().toString(36)}`;
    const came = await createRegistration(db, event.id, { name, seats: 2 });
    await createRegistration(db, event.id, { status: 'waiting' });
    await createRegistration(db, event.id, { status: 'cancelled' });
    await db
      .insertInto('event_checkins')
      .values({ region_id: REGION, event_id: event.id, registration_id: came.id, people: 2 })
      .execute();
    const recent = await createEvent(db, {
      organisationId: editor.organisationId,
      startsAt: new Date(Date.now() - 150 * DAY),
    });
    await createRegistration(db, recent.id);

    const done = await runRetention(db);
    assert.ok(done.deleted >= 3);
    assert.deepEqual(await statusesOf(event.id), []);
    const checkins = await db
      .selectFrom('event_checkins')
      .select('registration_id')
      .where('event_id', '=', event.id)
      .execute();
    assert.deepEqual(checkins, [], 'the check-in went with its registration');
    assert.deepEqual(await statusesOf(recent.id), ['confirmed'], 'five months after: still kept');

    const audits = await auditsOf(event.id);
    assert.equal(audits.length, 1, 'one audit event for the event');
    assert.equal(audits[0]!.subject_type, 'event');
    assert.equal(audits[0]!.actor_label, 'system');
    assert.equal(audits[0]!.data.count, 3);
    assert.ok(!JSON.stringify(audits[0]!.data).includes(name), 'no personal data in the audit');
    assert.ok(!JSON.stringify(audits[0]!.data).includes(came.email));
    // The seats that were booked stay as the event's anonymous count.
    const row = await db
      .selectFrom('events')
      .select('seats_taken')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.seats_taken, 2);

    // A second pass finds nothing and writes nothing.
    await runRetention(db);
    assert.equal((await auditsOf(event.id)).length, 1);
  });

  it(`deletes registrations ended without a seat ${KEEP_ENDED_DAYS} days after, even before the event`, async () => {
    const event = await createEvent(db, { organisationId: editor.organisationId, capacity: 10 });
    const live = await createRegistration(db, event.id);
    const waiting = await createRegistration(db, event.id, { status: 'waiting' });
    await endedDaysAgo(live.id, 60);
    await endedDaysAgo(waiting.id, 60);
    for (const status of ['cancelled', 'declined', 'expired'] as const) {
      const old = await createRegistration(db, event.id, { status });
      await endedDaysAgo(old.id, KEEP_ENDED_DAYS + 1);
      const fresh = await createRegistration(db, event.id, { status });
      await endedDaysAgo(fresh.id, KEEP_ENDED_DAYS - 1);
    }
    await runRetention(db);
    assert.deepEqual(
      await statusesOf(event.id),
      ['cancelled', 'confirmed', 'declined', 'expired', 'waiting'],
      'the live ones and the recently ended ones are kept',
    );
    const audits = await auditsOf(event.id);
    assert.equal(audits.length, 1);
    assert.equal(audits[0]!.data.count, 3);
  });

  it('runs as the scheduled task events.retention', async () => {
    const event = await createEvent(db, {
      organisationId: editor.organisationId,
      startsAt: new Date(Date.now() - 400 * DAY),
    });
    await createRegistration(db, event.id);
    await queue.enqueue('events.retention', {});
    await queue.drain();
    assert.deepEqual(await statusesOf(event.id), []);
  });

  it('gives a migrated sign-up real hashes in the offers task; its reminder waits for them and its link works', async () => {
    const event = await createEvent(db, {
      organisationId: editor.organisationId,
      startsAt: new Date(Date.now() + 12 * 3_600_000),
    });
    const reg = await createRegistration(db, event.id, {
      email: `flyttad-${Date.now().toString(36)}@example.org`,
    });
    await db
      .updateTable('event_registrations')
      .set({
        manage_hash: sql<string>`'migrated:' || md5(gen_random_uuid()::text) || md5(gen_random_uuid()::text)`,
        ticket_hash: sql<string>`'migrated:' || md5(gen_random_uuid()::text) || md5(gen_random_uuid()::text)`,
      })
      .where('id', '=', reg.id)
      .execute();
    assert.equal((await client.get(`/sv/events/registration/${reg.manageToken}`)).statusCode, 404);

    // Before its hashes, no reminder with a dead link.
    const before = await sendReminders(deps);
    const reminded = await db
      .selectFrom('event_registrations')
      .select('reminded_at')
      .where('id', '=', reg.id)
      .executeTakeFirstOrThrow();
    assert.equal(reminded.reminded_at, null, `a reminder went out before the hashes (${before} sent)`);

    await queue.enqueue('events.offers', {});
    await queue.drain();
    assert.equal(await sendReminders(deps), 1);
    const row = await db
      .selectFrom('event_registrations')
      .select(['manage_hash', 'ticket_hash', 'reminded_at'])
      .where('id', '=', reg.id)
      .executeTakeFirstOrThrow();
    const expected = registrationHashes(TEST_SECRET, REGION, reg.id);
    assert.equal(row.manage_hash, expected.manage_hash);
    assert.equal(row.ticket_hash, expected.ticket_hash);
    assert.ok(row.reminded_at, 'the reminder went out once the link works');
    const mail = await db
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', reg.email)
      .executeTakeFirstOrThrow();
    const token = manageToken(TEST_SECRET, REGION, reg.id);
    assert.ok(mail.text_body.includes(`/sv/events/registration/${token}`), 'the reminder carries the link');
    assert.equal((await client.get(`/sv/events/registration/${token}`)).statusCode, 200);
    assert.equal(await rehashMigrated(deps), 0, 'nothing left to hash');
  });
});
