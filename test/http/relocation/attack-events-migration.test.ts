/**
 * The network migration (0036) turned every "Jag kommer" into a confirmed registration whose
 * manage_hash and ticket_hash are random placeholders ("the person manages it signed in, by
 * account_id"). But nothing lets a signed-in person manage a registration by account: the own page
 * (/me, "Dina evenemang") links each registration to its personal link, derived from the id — which
 * hashes to nothing stored, so the link is a 404 and the person cannot see, change or cancel their
 * seat (and the day-before reminder mails the same dead link). The seat stays taken.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, TEST_SECRET, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { createGroup, createMeetup } from '../../helpers/network.ts';

describe('attack: events from the network migration', async () => {
  const { app, database } = await buildTestApp({ LOTSA_SECRET: TEST_SECRET }, undefined, {
    rateLimiter: unlimited,
  });
  const db = database.db;
  const client = await formClient(app);

  it('a migrated "Jag kommer" can be opened and cancelled from the own page', async () => {
    const group = await createGroup(db);
    const meetup = await createMeetup(db, group.id, { title: 'Vandring vid Åsjön', capacity: 10 });
    const person = await createPerson(db, { email: `migrerad-${Date.now().toString(36)}@example.org` });
    // What migration 0036 writes for a sign-up.
    await db
      .insertInto('event_registrations')
      .values({
        region_id: REGION,
        event_id: meetup.id,
        account_id: person.accountId,
        name: 'Migrerad Deltagare',
        email: person.email,
        language: 'sv',
        seats: 1,
        status: 'confirmed',
        consent_text_version: 'events-registration-2026-12',
        manage_hash: sql<string>`'migrated:' || md5(gen_random_uuid()::text) || md5(gen_random_uuid()::text)`,
        ticket_hash: sql<string>`'migrated:' || md5(gen_random_uuid()::text) || md5(gen_random_uuid()::text)`,
      })
      .execute();
    await db.updateTable('events').set({ seats_taken: 1 }).where('id', '=', meetup.id).execute();
    const cookie = await sessionFor(db, person.accountId);

    const me = await client.get('/sv/me', cookie);
    assert.equal(me.statusCode, 200);
    const href = /href="(\/sv\/events\/registration\/[^"]+)"/.exec(me.body)?.[1];
    assert.ok(href, 'the own page lists the migrated registration with a link');
    const page = await client.get(href, cookie);
    assert.equal(
      page.statusCode,
      200,
      `the own page's link to the migrated registration answers ${page.statusCode}`,
    );
  });
});
