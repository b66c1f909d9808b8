import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { emptyContent, isContentData } from './model.ts';
import {
  getItem,
  insertItem,
  listVersions,
  publish,
  publishedBySlug,
  publishedList,
  saveVersion,
  unpublish,
} from './store.ts';

const R = 'dalarna';

function guide(title: string) {
  const data = emptyContent('guide');
  data.title = { sv: title, en: `${title} (en)` };
  data.summary = { sv: 'Så flyttar du hit', en: 'How to move here' };
  data.body = {
    sv: { v: 1, blocks: [{ t: 'p', c: [{ t: 'text', v: 'Personnummer från Skatteverket' }] }] },
    en: { v: 1, blocks: [{ t: 'p', c: [{ t: 'text', v: 'A personal identity number' }] }] },
  };
  data.targetGroups = ['international'];
  return data;
}

test('an item keeps its versions; a save from an old version is told and stores nothing', async () => {
  const { db } = await createTestDatabase();
  const item = await insertItem(db, {
    regionId: R,
    kind: 'guide',
    slug: 'flytta-hit',
    municipalityCode: null,
    data: guide('Flytta hit'),
    authorId: null,
  });
  assert.ok(item);
  assert.equal(item.status, 'draft');
  assert.equal(
    await insertItem(db, {
      regionId: R,
      kind: 'guide',
      slug: 'flytta-hit',
      municipalityCode: null,
      data: guide('Igen'),
      authorId: null,
    }),
    undefined,
  );

  const first = await saveVersion(db, {
    regionId: R,
    itemId: item.id,
    baseVersion: 1,
    data: guide('Andra'),
    authorId: null,
  });
  assert.deepEqual(first, { ok: true, version: 2 });
  const second = await saveVersion(db, {
    regionId: R,
    itemId: item.id,
    baseVersion: 1,
    data: guide('Krock'),
    authorId: null,
  });
  assert.deepEqual(second, { ok: false, conflict: 2 });
  assert.deepEqual(
    (await listVersions(db, R, item.id)).map((v) => v.version),
    [2, 1],
  );
});

test('a published version is what visitors see, from its minute, in both languages, until unpublished', async () => {
  const { db } = await createTestDatabase();
  const item = await insertItem(db, {
    regionId: R,
    kind: 'guide',
    slug: 'personnummer',
    municipalityCode: null,
    data: guide('Personnummer'),
    authorId: null,
  });
  assert.ok(item);
  const later = new Date(Date.now() + 3_600_000);
  await publish(db, { regionId: R, itemId: item.id, version: 1, visibleFrom: later, visibleUntil: null });
  assert.equal(
    await publishedBySlug(db, R, 'sv', 'guide', 'personnummer'),
    undefined,
    'not before its minute',
  );

  await publish(db, {
    regionId: R,
    itemId: item.id,
    version: 1,
    visibleFrom: new Date(),
    visibleUntil: null,
  });
  const sv = await publishedBySlug(db, R, 'sv', 'guide', 'personnummer');
  const en = await publishedBySlug(db, R, 'en', 'guide', 'personnummer');
  assert.equal(sv?.title, 'Personnummer');
  assert.equal(en?.title, 'Personnummer (en)');
  assert.ok(sv && isContentData('guide', sv.data));
  assert.equal(
    (await publishedList(db, R, 'sv', { kind: 'guide', targetGroup: 'international', limit: 10 })).length,
    1,
  );
  assert.equal(
    (await publishedList(db, R, 'sv', { kind: 'guide', targetGroup: 'families', limit: 10 })).length,
    0,
  );

  const hits = await sql<{ n: string }>`SELECT count(*) AS n FROM content_published
    WHERE lang = 'sv' AND search @@ websearch_to_tsquery('swedish', 'skatteverket')`.execute(db);
  assert.equal(Number(hits.rows[0]?.n), 1, 'the text is searchable');

  await unpublish(db, R, item.id);
  assert.equal(await publishedBySlug(db, R, 'sv', 'guide', 'personnummer'), undefined);
  assert.equal((await getItem(db, R, item.id))?.status, 'unpublished');
});
