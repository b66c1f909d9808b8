import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { seedJobBoard } from './seed.ts';

test('seedJobBoard loads the demo board once a day and writes nothing on a repeated start', async () => {
  const { db } = await createTestDatabase();
  const now = new Date('2026-11-26T09:30:00Z');

  const first = await seedJobBoard(db, { demo: true, now });
  assert.equal(first.concepts, 0); // the template holds the taxonomy already
  assert.equal(first.demo.length, 1);
  const [dalarna] = first.demo;
  assert.equal(dalarna?.regionId, 'dalarna');
  assert.ok(dalarna.generated > 900 && dalarna.generated < 1150);
  // The generated ads, plus the two real Dalarna sample ads (closed: they expired in 2025).
  assert.equal(dalarna.counts.written, dalarna.generated + 2);

  const rows = await db
    .selectFrom('job_ads')
    .select(['origin', 'status', db.fn.countAll<string>().as('n')])
    .where('region_id', '=', 'dalarna')
    .groupBy(['origin', 'status'])
    .orderBy('origin')
    .execute();
  assert.deepEqual(
    rows.map((r) => [r.origin, r.status, Number(r.n)]),
    [
      ['generated', 'open', dalarna.generated],
      ['jobtech', 'closed', 2],
    ],
  );

  const again = await seedJobBoard(db, { demo: true, now: new Date('2026-11-26T20:00:00Z') });
  assert.equal(again.demo[0]?.counts.written, 0);

  const tomorrow = await seedJobBoard(db, { demo: true, now: new Date(now.getTime() + 86_400_000) });
  const written = tomorrow.demo[0]?.counts.written ?? 0;
  assert.ok(written > 0 && written < 80, String(written)); // one day's ads
});

test('seedJobBoard without demo only imports the taxonomy', async () => {
  const { db } = await createTestDatabase();
  const result = await seedJobBoard(db, { demo: false });
  assert.deepEqual(result, { concepts: 0, demo: [] });
  const ads = await db
    .selectFrom('job_ads')
    .select(db.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(ads.n), 0);
});
