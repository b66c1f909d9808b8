import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { loadRegions } from './repository.ts';
import { createRegionDirectory, seedRegions, shippedRegions, validateRegion } from './service.ts';

describe('regions', async () => {
  const { db } = await createTestDatabase();

  it('seeds Dalarna with its 15 municipalities, official names, SCB codes and JobTech ids', async () => {
    const [dalarna] = await loadRegions(db);
    assert.equal(dalarna?.id, 'dalarna');
    assert.equal(dalarna?.jobtechConceptId, 'oDpK_oZ2_WYt');
    assert.equal(dalarna?.municipalities.length, 15);
    const falun = dalarna?.municipalities.find((m) => m.code === '2080');
    assert.deepEqual(falun, {
      code: '2080',
      officialName: 'Falu kommun',
      shortName: 'Falun',
      slug: 'falun',
      jobtechConceptId: 'N1wJ_Cuu_7Cs',
    });
    assert.equal(
      dalarna?.municipalities.find((m) => m.code === '2023')?.officialName,
      'Malung-Sälens kommun',
    );
    assert.equal(dalarna?.municipalities.find((m) => m.code === '2039')?.slug, 'alvdalen');
    assert.ok(dalarna?.municipalities.every((m) => /^20\d\d$/.test(m.code)));
  });

  it('seeding again changes nothing', async () => {
    const before = await loadRegions(db);
    await seedRegions(db);
    await seedRegions(db);
    assert.deepEqual(await loadRegions(db), before);
  });

  it('chooses the region from the host, with a default', async () => {
    const directory = await createRegionDirectory(db);
    assert.equal(directory.forHost('dalarna.lotsa.se').id, 'dalarna');
    assert.equal(directory.forHost('DALARNA.lotsa.se:443').id, 'dalarna');
    assert.equal(directory.forHost('unknown.example').id, 'dalarna');
    assert.equal(directory.forHost(undefined).id, 'dalarna');
  });

  it('refuses brand colours that are unreadable on white', () => {
    const region = structuredClone(shippedRegions()[0]!);
    assert.deepEqual(validateRegion(region), []);
    region.brand.primary = '#ffcc00';
    assert.match(validateRegion(region).join(), /brand\.primary has too little contrast/);
  });
});
