import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { getItemBySlug, getVersion, publishedBySlug, saveVersion } from './store.ts';
import { seedDemoContent } from './seed.ts';

test('the demo seed publishes every demo item once, and never overwrites an editor’s change', async () => {
  const { db } = await createTestDatabase();
  assert.deepEqual(await seedDemoContent(db, { demo: false }), []);

  const now = new Date(Date.now() - 60_000);
  const [first] = await seedDemoContent(db, { demo: true, now });
  assert.deepEqual(first, { regionId: 'dalarna', inserted: 39, skipped: 0 });

  const falun = await publishedBySlug(db, 'dalarna', 'en', 'place', 'falun');
  assert.equal(falun?.title, 'Falun');
  assert.equal(falun?.municipalityCode, '2080');

  const story = await getItemBySlug(db, 'dalarna', 'story', 'priya-power-engineer-ludvika');
  assert.equal(story?.status, 'published');
  assert.equal(story?.demo, true);
  // Taken down at the start of the day its consent ends in Stockholm, as an editor's approval does
  // (the back-office showed "2028-09-14 02:00" while midnight UTC was stored).
  assert.equal(story?.unpublishAt?.toISOString(), '2028-09-13T22:00:00.000Z');

  const leksand = await getItemBySlug(db, 'dalarna', 'place', 'leksand');
  assert.ok(leksand);
  const v1 = await getVersion(db, 'dalarna', leksand);
  assert.ok(v1);
  const edited = { ...v1.data, title: { sv: 'Leksand vid Siljan', en: 'Leksand by Lake Siljan' } };
  const saved = await saveVersion(db, {
    regionId: 'dalarna',
    itemId: leksand.id,
    baseVersion: 1,
    data: edited,
    authorId: null,
  });
  assert.deepEqual(saved, { ok: true, version: 2 });

  const [second] = await seedDemoContent(db, { demo: true, now });
  assert.deepEqual(second, { regionId: 'dalarna', inserted: 0, skipped: 39 });
  const after = await getItemBySlug(db, 'dalarna', 'place', 'leksand');
  assert.equal(after?.version, 2);
  assert.equal((await getVersion(db, 'dalarna', after!))?.data.title.sv, 'Leksand vid Siljan');
});
