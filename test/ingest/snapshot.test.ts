import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { applyRecords, scopeForRegion, type IngestScope } from '../../src/modules/jobs/ingest/apply.ts';
import { JobStreamClient } from '../../src/modules/jobs/ingest/client.ts';
import { runSnapshot } from '../../src/modules/jobs/ingest/run.ts';
import { shippedRegions } from '../../src/modules/regions/service.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { makeAd } from '../helpers/jobs.ts';
import { fixture, fixtureAd, startJobStreamReplay } from '../helpers/jobstream.ts';

const scope = scopeForRegion(shippedRegions().find((r) => r.id === 'dalarna')!) as IngestScope;
const NOW = new Date('2025-09-12T10:00:00Z');
const SNAPSHOT_IDS = ['30016536', '30016539', '30016558', '30016563', '30016587', '30016589'];

describe('runSnapshot', async () => {
  const database = await createTestDatabase();
  const { db } = database;
  const replay = await startJobStreamReplay();
  const client = new JobStreamClient({ baseUrl: replay.url, baseDelayMs: 1, attempts: 3 });
  const now = () => NOW;

  const ads = async () =>
    Object.fromEntries(
      (await db.selectFrom('job_ads').select(['id', 'status', 'closed_reason']).orderBy('id').execute()).map(
        (r) => [r.id, r.closed_reason ? `${r.status}:${r.closed_reason}` : r.status],
      ),
    );
  const state = () =>
    db.selectFrom('job_ingest_state').selectAll().where('region_id', '=', 'dalarna').executeTakeFirst();
  /** Held before the snapshot: an old JobTech ad it no longer has, and a generated demo ad. */
  const holdOldAds = async () => {
    await db.deleteFrom('job_ads').execute();
    await db.deleteFrom('job_ingest_state').execute();
    await applyRecords(
      db,
      scope,
      [
        fixtureAd('stream.json', '30016482'),
        { ...fixtureAd('snapshot.json', '30016589'), id: 'demo-1', lotsa_generated: true },
      ],
      { now: NOW, kind: 'demo' },
    );
    replay.requests.length = 0;
  };

  it("loads the region's ads, closes the ones the snapshot lacks, and sets snapshot_at and the cursor", async () => {
    await holdOldAds();
    replay.script('/snapshot', { fixture: 'snapshot.json', chunkSize: 4096 });
    const [result] = await runSnapshot(db, [scope], client, { now });
    assert.equal(result?.ok, true, result?.error);
    assert.deepEqual(result?.counts, {
      received: 10,
      written: 7,
      unchanged: 0,
      stale: 0,
      closed: 1,
      malformed: 0,
      skipped: 4,
    });
    const expected: Record<string, string> = Object.fromEntries(SNAPSHOT_IDS.map((id) => [id, 'open']));
    expected['30016482'] = 'closed:missing';
    expected['demo-1'] = 'open'; // generated ads are not JobTech's to close
    assert.deepEqual(await ads(), expected);
    const s = await state();
    assert.equal(s?.snapshot_at?.toISOString(), NOW.toISOString());
    assert.equal(s?.stream_cursor?.toISOString(), NOW.toISOString());
    const runs = await db.selectFrom('job_ingest_runs').selectAll().where('kind', '=', 'snapshot').execute();
    assert.equal(runs.at(-1)?.outcome, 'ok');
    assert.equal(runs.at(-1)?.closed, 1);
  });

  it('writes nothing when the same snapshot comes again', async () => {
    const before = (
      await sql<{
        v: string;
      }>`SELECT string_agg(id || xmin::text, ',' ORDER BY id) AS v FROM job_ads`.execute(db)
    ).rows[0]?.v;
    const generation = (await state())?.generation;
    const [result] = await runSnapshot(db, [scope], client, { now });
    assert.equal(result?.counts.written, 0);
    assert.equal(result?.counts.unchanged, 6);
    const after = (
      await sql<{
        v: string;
      }>`SELECT string_agg(id || xmin::text, ',' ORDER BY id) AS v FROM job_ads`.execute(db)
    ).rows[0]?.v;
    assert.equal(after, before);
    assert.equal((await state())?.generation, generation);
  });

  it('reads a cut-off download again and only then closes missing ads', async () => {
    await holdOldAds();
    replay.script(
      '/snapshot',
      { fixture: 'snapshot.json', dropAfter: 40_000 },
      { fixture: 'snapshot.json', truncateAt: 60_000 },
    );
    const [result] = await runSnapshot(db, [scope], client, { now });
    assert.equal(result?.ok, true, result?.error);
    assert.equal(replay.requests.length, 3);
    assert.equal(result?.counts.received, 10, 'counted once, from the complete download');
    assert.equal((await ads())['30016482'], 'closed:missing');
  });

  it('applies and closes nothing when the snapshot never arrives whole', async () => {
    await holdOldAds();
    const before = await ads();
    replay.script(
      '/snapshot',
      { fixture: 'snapshot.json', truncateAt: 50_000 },
      { status: 500 },
      { fixture: 'snapshot.json', dropAfter: 70_000 },
    );
    const [result] = await runSnapshot(db, [scope], client, { now });
    assert.equal(result?.ok, false);
    assert.match(result?.error ?? '', /GET \/snapshot failed after 3 attempt\(s\)/);
    assert.deepEqual(await ads(), before, 'the ad missing from the partial snapshot is still open');
    assert.equal((await state())?.snapshot_at ?? null, null);
    const [run] = await db.selectFrom('job_ingest_runs').selectAll().orderBy('id', 'desc').limit(1).execute();
    assert.equal(run?.kind, 'snapshot');
    assert.equal(run?.outcome, 'failed');
    assert.ok(run?.finished_at);
  });

  it('closes nothing when the snapshot is empty', async () => {
    await holdOldAds();
    replay.script('/snapshot', { body: [] });
    const [result] = await runSnapshot(db, [scope], client, { now });
    assert.equal(result?.ok, false);
    assert.match(result?.error ?? '', /no ads/);
    assert.equal((await ads())['30016482'], 'open');
  });

  it('counts a malformed record and applies the rest', async () => {
    await holdOldAds();
    const records: unknown[] = fixture('snapshot.json');
    records.splice(
      3,
      0,
      { id: '30088888', headline: 'Trasig', publication_date: 'i morgon', timestamp: 1 },
      [1, 2],
    );
    replay.script('/snapshot', { body: records });
    const [result] = await runSnapshot(db, [scope], client, { now });
    assert.equal(result?.ok, true);
    assert.equal(result?.counts.malformed, 2);
    assert.equal(result?.counts.received, 12);
    assert.equal(result?.counts.written, 7);
  });

  it('keeps an ad open when the snapshot lists it but its record is malformed', async () => {
    await holdOldAds();
    replay.script('/snapshot', { fixture: 'snapshot.json' });
    await runSnapshot(db, [scope], client, { now });
    const records = (fixture('snapshot.json') as Array<Record<string, unknown>>).map((r) =>
      r.id === '30016539' ? { ...r, number_of_vacancies: 'två', timestamp: Number(r.timestamp) + 1 } : r,
    );
    replay.script('/snapshot', { body: records });
    const [result] = await runSnapshot(db, [scope], client, { now });
    assert.equal(result?.ok, true);
    assert.equal(result?.counts.malformed, 1);
    assert.equal((await ads())['30016539'], 'open');
  });

  it('does not close an ad that changed after the snapshot started (it came from the stream)', async () => {
    await holdOldAds();
    const fresh = {
      ...fixtureAd('stream.json', '30016482'),
      headline: 'Senior Fullstack Developer (ny version)',
      timestamp: NOW.getTime() + 60_000,
    };
    await applyRecords(db, scope, [fresh], { now: NOW, kind: 'stream' });
    const [result] = await runSnapshot(db, [scope], client, { now });
    assert.equal(result?.ok, true);
    assert.equal((await ads())['30016482'], 'open');
  });
  it("refuses to close most of the region's open ads without the operator's override", async () => {
    await db.deleteFrom('job_ads').execute();
    await db.deleteFrom('job_ingest_state').execute();
    const held = Array.from({ length: 40 }, (_, i) =>
      makeAd({ id: `9100${String(i).padStart(3, '0')}`, headline: `Annons ${i}`, publishedDaysAgo: 1 }, NOW),
    );
    await applyRecords(db, scope, held, { now: NOW, kind: 'stream' });
    await db
      .insertInto('job_ingest_state')
      .values({ region_id: 'dalarna', stream_cursor: new Date(NOW.getTime() - 3_600_000) })
      .onConflict((oc) =>
        oc.column('region_id').doUpdateSet({ stream_cursor: new Date(NOW.getTime() - 3_600_000) }),
      )
      .execute();
    const openCount = async () =>
      Number(
        (
          await db
            .selectFrom('job_ads')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('status', '=', 'open')
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.equal(await openCount(), 40);
    // A well-formed snapshot that holds a single ad, outside the region.
    const tiny = [fixtureAd('snapshot.json', '30016591')];
    replay.script('/snapshot', { body: tiny });
    const [refused] = await runSnapshot(db, [scope], client, { now });
    assert.equal(refused?.ok, false);
    assert.equal(refused?.refused, true);
    assert.match(
      refused?.error ?? '',
      /would close 40 of 40 open ads as missing \(100 %.*25 %.*--allow-mass-close/,
    );
    assert.equal(await openCount(), 40, 'nothing was closed');
    assert.equal((await state())?.snapshot_at ?? null, null, 'the snapshot was not taken as done');
    const [run] = await db.selectFrom('job_ingest_runs').selectAll().orderBy('id', 'desc').limit(1).execute();
    assert.equal(run?.outcome, 'refused');
    assert.match(run?.error ?? '', /--allow-mass-close/);

    // The share comes from the configuration: closing 5 of the 46 ads it lists or closes (11 %).
    const most = [...fixture('snapshot.json'), ...held.slice(0, 35)];
    replay.script('/snapshot', { body: most });
    const [strict] = await runSnapshot(db, [scope], client, { now, maxClosePercent: 10 });
    assert.equal(strict?.refused, true);
    assert.equal(await openCount(), 40);
    replay.script('/snapshot', { body: most });
    const [within] = await runSnapshot(db, [scope], client, { now, maxClosePercent: 20 });
    assert.equal(within?.ok, true, within?.error);
    assert.equal(within?.counts.closed, 5);

    replay.script('/snapshot', { body: tiny });
    const [forced] = await runSnapshot(db, [scope], client, { now, allowMassClose: true });
    assert.equal(forced?.ok, true, forced?.error);
    assert.equal(await openCount(), 0);
  });

  it('marks runs that never finished (the process was killed) as abandoned', async () => {
    const dead = await db
      .insertInto('job_ingest_runs')
      .values({ region_id: 'dalarna', kind: 'snapshot', started_at: new Date(NOW.getTime() - 86_400_000) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const recent = await db
      .insertInto('job_ingest_runs')
      .values({ region_id: 'dalarna', kind: 'stream', started_at: new Date(NOW.getTime() - 60_000) })
      .returning('id')
      .executeTakeFirstOrThrow();
    replay.script('/snapshot', { fixture: 'snapshot.json' });
    await runSnapshot(db, [scope], client, { now });
    const rows = await db
      .selectFrom('job_ingest_runs')
      .selectAll()
      .where('id', 'in', [dead.id, recent.id])
      .orderBy('id')
      .execute();
    assert.equal(rows[0]?.outcome, 'abandoned');
    assert.ok(rows[0]?.finished_at);
    assert.match(rows[0]?.error ?? '', /never finished/);
    assert.equal(rows[1]?.outcome, null, 'a run that may still be going is left alone');
  });
});
