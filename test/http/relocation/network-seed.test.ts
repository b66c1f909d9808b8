/** The network's demo seed: six groups with two upcoming meetups each and eight approved ambassadors, once. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { seedNetworkDemo } from '../../../src/modules/relocation/network/seed.ts';
import { createTestDatabase } from '../../helpers/db.ts';
import { REGION } from '../../helpers/identity.ts';

const database = await createTestDatabase();
const db = database.db;
after(() => database.close());

test('seeds groups, upcoming meetups and approved demo ambassadors, and seeding again changes nothing', async () => {
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
    .selectFrom('network_meetups')
    .select('starts_at')
    .where('region_id', '=', REGION)
    .execute();
  assert.equal(meetups.length, 12);
  assert.ok(meetups.every((m) => m.starts_at.getTime() > Date.now()));
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
