/**
 * The network's demo seed: six groups with two upcoming meetups each (events of kind 'meetup' with
 * the group set) and eight approved ambassadors, once.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { seedNetworkDemo } from '../../../src/modules/relocation/network/seed.ts';
import { createTestDatabase } from '../../helpers/db.ts';
import { REGION } from '../../helpers/identity.ts';

const database = await createTestDatabase();
const db = database.db;
after(() => database.close());

test('seeds groups, upcoming meetups as events and approved demo ambassadors, and seeding again changes nothing', async () => {
  await seedNetworkDemo(db);
  await seedNetworkDemo(db);
  const groups = await db
    .selectFrom('network_groups')
    .select(['topic'])
    .where('region_id', '=', REGION)
    .execute();
  assert.deepEqual(groups.map((g) => g.topic).sort(), [
    'families',
    'food',
    'language_cafe',
    'outdoors',
    'sports',
    'tech',
  ]);
  const meetups = await db
    .selectFrom('events as e')
    .innerJoin('network_groups as g', (j) =>
      j.onRef('g.region_id', '=', 'e.region_id').onRef('g.id', '=', 'e.network_group_id'),
    )
    .innerJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'e.region_id').onRef('o.id', '=', 'e.organisation_id'),
    )
    .select(['e.starts_at', 'e.kind', 'e.status', 'e.title_en', 'o.kind as owner', 'g.slug'])
    .where('e.region_id', '=', REGION)
    .execute();
  assert.equal(meetups.length, 12);
  assert.ok(meetups.every((m) => m.starts_at.getTime() > Date.now()));
  assert.ok(meetups.every((m) => m.kind === 'meetup' && m.status === 'published' && m.owner === 'region'));
  assert.ok(meetups.every((m) => m.title_en !== ''));
  assert.equal(meetups.filter((m) => m.slug === 'sprakcafe').length, 2);
  // An editor's change to a seeded meetup survives seeding again.
  await db
    .updateTable('events')
    .set({ title_sv: 'Ändrad av redaktören' })
    .where('region_id', '=', REGION)
    .where('kind', '=', 'meetup')
    .where('title_sv', '=', 'Kodkväll')
    .execute();
  await seedNetworkDemo(db);
  const reseeded = await db
    .selectFrom('events')
    .select(['title_sv'])
    .where('region_id', '=', REGION)
    .where('kind', '=', 'meetup')
    .execute();
  assert.equal(reseeded.length, 12);
  assert.ok(reseeded.some((e) => e.title_sv === 'Ändrad av redaktören'));
  assert.ok(!reseeded.some((e) => e.title_sv === 'Kodkväll'));
  const ambassadors = await db
    .selectFrom('network_ambassadors as n')
    .innerJoin('accounts as a', 'a.id', 'n.account_id')
    .select(['a.email', 'n.status'])
    .where('n.region_id', '=', REGION)
    .orderBy('a.email')
    .execute();
  assert.equal(ambassadors.length, 8);
  assert.ok(
    ambassadors.every((a) => a.status === 'approved' && /^ambassador-\d@demo\.lotsa\.invalid$/.test(a.email)),
  );
});
