/**
 * Migration 0036 on a database with meetups: each network meetup becomes an event of the region's
 * organisation (kind 'meetup', the group, the same id, a valid unique slug, the end from the
 * length, the municipality of the group or else the region's first, seats taken = sign-ups; a
 * cancelled meetup a cancelled event holding no seats), each "Jag kommer" a confirmed one-seat
 * registration of the account (cancelled, holding no seat, for a cancelled meetup) with placeholder
 * hashes the offers task replaces, and the two tables are gone.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import { openDatabase, type Database } from '../../../src/platform/db/index.ts';
import { migrate, readMigrations } from '../../../src/platform/db/migrate.ts';
import { adminUrl } from '../../helpers/db.ts';

async function emptyDatabase(): Promise<Database> {
  const name = `lotsa_m0036_${randomBytes(4).toString('hex')}`;
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

test('migration 0036 turns meetups into events and sign-ups into registrations, then drops the tables', async () => {
  const database = await emptyDatabase();
  const all = readMigrations();
  await migrate(
    database.pool,
    all.filter((m) => m.version < 36),
  );
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    (await database.pool.query(text, values)).rows as T[];

  await q(`INSERT INTO regions (id, name_sv, name_en, brand_primary, brand_accent, logo_path,
      contact_organisation, contact_email)
    VALUES ('testland', 'Testland', 'Testland', '#123456', '#654321', '/logo.svg', 'Region Testland', 'a@b.se')`);
  await q(`INSERT INTO municipalities (region_id, code, official_name, short_name, slug, jobtech_concept_id)
    VALUES ('testland', '2085', 'Ludvika kommun', 'Ludvika', 'ludvika', 'c2'),
           ('testland', '2080', 'Falu kommun', 'Falun', 'falun', 'c1')`);
  const [anna] = await q<{ id: string }>(
    `INSERT INTO accounts (region_id, email, display_name, language)
     VALUES ('testland', 'anna@example.org', 'Anna Lind', 'en') RETURNING id`,
  );
  const [bo] = await q<{ id: string }>(
    `INSERT INTO accounts (region_id, email) VALUES ('testland', 'bo.berg@example.org') RETURNING id`,
  );
  const [local] = await q<{ id: string }>(
    `INSERT INTO network_groups (region_id, slug, name_sv, name_en, topic, municipality_code)
     VALUES ('testland', 'ut-i-skogen', 'Ut i skogen', 'Into the forest', 'outdoors', '2085') RETURNING id`,
  );
  const [whole] = await q<{ id: string }>(
    `INSERT INTO network_groups (region_id, slug, name_sv, name_en, topic)
     VALUES ('testland', 'sprakcafe', 'Språkcafé', 'Language café', 'language_cafe') RETURNING id`,
  );
  const [hike] = await q<{ id: string }>(
    `INSERT INTO network_meetups (region_id, group_id, title, starts_at, minutes, place, description, capacity)
     VALUES ('testland', $1, 'Söndagsvandring vid Åsjön!', '2027-05-02 08:00:00+00', 90, 'Parkeringen',
       'Ta med fika.', 10) RETURNING id`,
    [local!.id],
  );
  const [cafe] = await q<{ id: string }>(
    `INSERT INTO network_meetups (region_id, group_id, title, starts_at, cancelled_at)
     VALUES ('testland', $1, '!!!', '2027-05-06 16:00:00+00', now()) RETURNING id`,
    [whole!.id],
  );
  await q(
    `INSERT INTO network_meetup_attendees (region_id, meetup_id, account_id)
     VALUES ('testland', $1, $2), ('testland', $1, $3), ('testland', $4, $2)`,
    [hike!.id, anna!.id, bo!.id, cafe!.id],
  );

  // 0036 runs first; later migrations follow it.
  assert.equal((await migrate(database.pool))[0], '0036_network_meetups_to_events');

  const events = await q<Record<string, unknown>>(
    `SELECT e.*, o.kind AS owner_kind, o.name AS owner_name FROM events e
     JOIN organisations o ON o.region_id = e.region_id AND o.id = e.organisation_id ORDER BY e.starts_at`,
  );
  assert.equal(events.length, 2);
  const [first, second] = events as [Record<string, unknown>, Record<string, unknown>];
  assert.equal(first.id, hike!.id);
  assert.equal(first.kind, 'meetup');
  assert.equal(first.status, 'published');
  assert.equal(first.owner_kind, 'region');
  assert.equal(first.owner_name, 'Region Testland');
  assert.equal(first.network_group_id, local!.id);
  assert.equal(first.title_sv, 'Söndagsvandring vid Åsjön!');
  assert.equal(first.title_en, 'Söndagsvandring vid Åsjön!');
  assert.equal(first.description_sv, 'Ta med fika.');
  assert.equal(first.venue, 'Parkeringen');
  assert.equal(first.location_kind, 'region');
  assert.equal(first.municipality_code, '2085');
  assert.equal((first.ends_at as Date).toISOString(), '2027-05-02T09:30:00.000Z');
  assert.equal(first.capacity, 10);
  assert.equal(first.seats_taken, 2);
  assert.ok(first.published_at instanceof Date);
  assert.match(String(first.slug), /^sondagsvandring-vid-asjon-[0-9a-f]{12}$/);
  assert.equal(second.status, 'cancelled');
  assert.ok(second.cancelled_at instanceof Date);
  assert.equal(second.municipality_code, '2080', 'a group of the whole region: the first municipality');
  assert.match(String(second.slug), /^traff-[0-9a-f]{12}$/);
  assert.equal(second.seats_taken, 0, 'a cancelled event holds no seats');
  assert.equal((second.ends_at as Date).toISOString(), '2027-05-06T18:00:00.000Z');

  const registrations = await q<Record<string, unknown>>(
    `SELECT * FROM event_registrations ORDER BY event_id = $1 DESC, name`,
    [hike!.id],
  );
  assert.equal(registrations.length, 3);
  const [annaAtHike, boAtHike, annaAtCafe] = registrations as [
    Record<string, unknown>,
    Record<string, unknown>,
    Record<string, unknown>,
  ];
  assert.equal(annaAtHike.name, 'Anna Lind');
  assert.equal(annaAtHike.account_id, anna!.id);
  assert.equal(annaAtHike.email, 'anna@example.org');
  assert.equal(annaAtHike.language, 'en');
  assert.equal(boAtHike.name, 'bo.berg', 'no display name: the e-mail’s local part');
  assert.equal(annaAtHike.status, 'confirmed');
  assert.equal(boAtHike.status, 'confirmed');
  assert.equal(annaAtHike.cancelled_at, null);
  assert.equal(annaAtCafe.event_id, cafe!.id);
  assert.equal(annaAtCafe.status, 'cancelled', 'a sign-up for a cancelled meetup holds no seat');
  assert.deepEqual(annaAtCafe.cancelled_at, second.cancelled_at);
  for (const r of registrations) {
    assert.equal(r.seats, 1);
    assert.equal(r.consent_text_version, 'events-registration-2026-12');
    assert.match(String(r.manage_hash), /^migrated:[0-9a-f]{64}$/);
    assert.match(String(r.ticket_hash), /^migrated:[0-9a-f]{64}$/);
  }
  assert.equal(new Set(registrations.map((r) => r.manage_hash)).size, 3);

  const left = await q(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_name IN ('network_meetups', 'network_meetup_attendees')`,
  );
  assert.deepEqual(left, []);
});
