/** The demo seed's talent profiles: made from the ads there, never overwriting what exists. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seedTalentDemo } from '../../../src/modules/talent/demo/seed.ts';
import { createTestDatabase } from '../../helpers/db.ts';
import { REGION } from '../../helpers/identity.ts';
import { loadAds, makeAd } from '../../helpers/jobs.ts';

describe('demo talent profiles', async () => {
  const database = await createTestDatabase();
  const db = database.db;

  it('are generated from the occupations of the ads, with demo accounts, once', async () => {
    await loadAds(db, [
      makeAd({ id: 'd-1', headline: 'Sjuksköterska', text: 'Du har B-körkort.' }),
      makeAd({ id: 'd-2', headline: 'Sjuksköterska natt', municipality: 'mora' }),
      makeAd({ id: 'd-3', headline: 'Lärare', occupation: 'teacher' }),
    ]);
    await seedTalentDemo(db, 25);
    const profiles = await db
      .selectFrom('talent_profiles as p')
      .innerJoin('accounts as a', (j) =>
        j.onRef('a.region_id', '=', 'p.region_id').onRef('a.id', '=', 'p.account_id'),
      )
      .select(['a.email', 'p.occupations'])
      .where('p.region_id', '=', REGION)
      .orderBy('a.email')
      .execute();
    assert.equal(profiles.length, 25);
    assert.equal(profiles[0]!.email, 'talent-0001@demo.lotsa.invalid');
    const occupations = new Set(profiles.flatMap((p) => p.occupations));
    for (const o of occupations) assert.ok(['bXNH_MNX_dUR', 'VZoJ_4oe_xyR'].includes(o), o);
    const consents = await db
      .selectFrom('talent_consents')
      .select('purpose')
      .where('region_id', '=', REGION)
      .execute();
    assert.ok(consents.filter((c) => c.purpose === 'alerts').length >= 15);

    await seedTalentDemo(db, 25);
    const again = await db
      .selectFrom('talent_profiles')
      .select('id')
      .where('region_id', '=', REGION)
      .execute();
    assert.equal(again.length, 25, 'never overwrites or adds');
  });
});
