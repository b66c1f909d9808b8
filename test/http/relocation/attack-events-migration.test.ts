/**
 * The network migration (0036) turned every "Jag kommer" into a confirmed registration whose
 * manage_hash and ticket_hash are random placeholders ("the person manages it signed in, by
 * account_id"). But nothing lets a signed-in person manage a registration by account: the own page
 * (/me, "Dina evenemang") links each registration to its personal link, derived from the id — which
 * hashes to nothing stored, so the link is a 404 and the person cannot see, change or cancel their
 * seat (and the day-before reminder mails the same dead link). The seat stays taken.
 *
 * And a cancelled meetup's sign-ups become *confirmed* registrations holding seats of a cancelled
 * event — the state cancelEvent never leaves behind (every live registration cancelled, seats
 * released): they show as confirmed on the person's own page and in the navigators' case panel.
 */

async function emptyDatabase(): Promise<Database> {
  const name = `lotsa_attack36_${randomBytes(4).toString('hex')}`;
  const admin = openDatabase(adminUrl(), { max: 1 });
  await admin.pool.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.close();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const database = openDatabase(url.href, { max: 2 });
  after(async () => {
    await database.close();
    const cleanup = openDatabase(adminUrl(), { max: 1 });
    await cleanup.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.close();
  });
  return database;
}
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../../src/platform/db/index.ts';
import { migrate, readMigrations } from '../../../src/platform/db/migrate.ts';
import { adminUrl } from '../../helpers/db.ts';
import { buildTestApp, TEST_SECRET, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { createGroup, createMeetup } from '../../helpers/network.ts';

describe('attack: events from the network migration', async () => {
  const { app, database, queue } = await buildTestApp({ LOTSA_SECRET: TEST_SECRET }, undefined, {
    rateLimiter: unlimited,
  });
  const db = database.db;
  const client = await formClient(app);

  it('a migrated "Jag kommer" can be opened from the own page', async () => {
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
    // The app's scheduled tasks run (the offers task, every minute, gives migrated sign-ups the
    // hashes of their derived links).
    await queue.drain();

    const me = await client.get('/sv/me', cookie);
    assert.equal(me.statusCode, 200);
    // The own page links through /me/events/:id, which answers 303 to the personal page.
    const own = /href="(\/sv\/me\/events\/[^"]+)"/.exec(me.body)?.[1];
    assert.ok(own, 'the own page lists the migrated registration with a link');
    const link = await client.get(own, cookie);
    assert.equal(link.statusCode, 303);
    const href = String(link.headers.location);
    assert.match(href, /^\/sv\/events\/registration\/[A-Za-z0-9_-]{32}$/);
    const page = await client.get(href, cookie);
    assert.equal(
      page.statusCode,
      200,
      `the own page's link to the migrated registration answers ${page.statusCode}`,
    );
  });

  it('a cancelled meetup’s sign-ups do not become confirmed seats of a cancelled event', async () => {
    const database = await emptyDatabase();
    await migrate(
      database.pool,
      readMigrations().filter((m) => m.version < 36),
    );
    const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
      (await database.pool.query(text, values)).rows as T[];
    await q(`INSERT INTO regions (id, name_sv, name_en, brand_primary, brand_accent, logo_path,
        contact_organisation, contact_email)
      VALUES ('testland', 'Testland', 'Testland', '#123456', '#654321', '/logo.svg', 'Region Testland', 'a@b.se')`);
    await q(`INSERT INTO municipalities (region_id, code, official_name, short_name, slug, jobtech_concept_id)
      VALUES ('testland', '2080', 'Falu kommun', 'Falun', 'falun', 'c1')`);
    const [anna] = await q<{ id: string }>(
      `INSERT INTO accounts (region_id, email, display_name) VALUES ('testland', 'anna@example.org', 'Anna') RETURNING id`,
    );
    const [group] = await q<{ id: string }>(
      `INSERT INTO network_groups (region_id, slug, name_sv, name_en, topic)
       VALUES ('testland', 'sprakcafe', 'Språkcafé', 'Language café', 'language_cafe') RETURNING id`,
    );
    const [cafe] = await q<{ id: string }>(
      `INSERT INTO network_meetups (region_id, group_id, title, starts_at, cancelled_at, capacity)
       VALUES ('testland', $1, 'Fika', now() + interval '10 days', now(), 5) RETURNING id`,
      [group!.id],
    );
    await q(
      `INSERT INTO network_meetup_attendees (region_id, meetup_id, account_id) VALUES ('testland', $1, $2)`,
      [cafe!.id, anna!.id],
    );
    await migrate(database.pool);
    const [event] = await q<{ status: string; seats_taken: number }>(
      `SELECT status, seats_taken FROM events WHERE id = $1`,
      [cafe!.id],
    );
    assert.equal(event!.status, 'cancelled');
    const regs = await q<{ status: string }>(`SELECT status FROM event_registrations WHERE event_id = $1`, [
      cafe!.id,
    ]);
    assert.deepEqual(
      regs.map((r) => r.status),
      ['cancelled'],
      'a sign-up for a cancelled meetup is a live registration',
    );
    assert.equal(event!.seats_taken, 0, 'a cancelled event holds no seats');
  });
});
