import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { applyRecords, scopeForRegion, type IngestScope } from '../../src/modules/jobs/ingest/apply.ts';
import { JobStreamClient } from '../../src/modules/jobs/ingest/client.ts';
import { runStream, STREAM_OVERLAP_MS } from '../../src/modules/jobs/ingest/run.ts';
import { toStockholmLocal } from '../../src/modules/jobs/ingest/time.ts';
import { shippedRegions } from '../../src/modules/regions/service.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { fixture, startJobStreamReplay } from '../helpers/jobstream.ts';

const scope = scopeForRegion(shippedRegions().find((r) => r.id === 'dalarna')!) as IngestScope;
const CURSOR = new Date('2025-09-11T09:30:00Z');
const NOW = new Date('2025-09-12T10:00:00.250Z');

describe('runStream', async () => {
  const database = await createTestDatabase();
  const { db } = database;
  const replay = await startJobStreamReplay();
  const client = new JobStreamClient({ baseUrl: replay.url, baseDelayMs: 1, attempts: 3 });
  const now = () => NOW;

  const cursor = async () =>
    (
      await db
        .selectFrom('job_ingest_state')
        .select('stream_cursor')
        .where('region_id', '=', 'dalarna')
        .executeTakeFirst()
    )?.stream_cursor ?? null;
  const status = async () =>
    Object.fromEntries(
      (await db.selectFrom('job_ads').select(['id', 'status', 'headline']).orderBy('id').execute()).map(
        (r) => [r.id, `${r.status}:${r.headline}`],
      ),
    );
  /** The state after a snapshot at CURSOR: the snapshot fixture's six Dalarna ads, cursor at CURSOR. */
  const startFromSnapshot = async () => {
    await db.deleteFrom('job_ads').execute();
    await db.deleteFrom('job_ingest_state').execute();
    await applyRecords(db, scope, fixture('snapshot.json'), { now: NOW, kind: 'snapshot' });
    await db
      .updateTable('job_ingest_state')
      .set({ stream_cursor: CURSOR })
      .where('region_id', '=', 'dalarna')
      .execute();
    replay.requests.length = 0;
  };

  it('needs a snapshot first: without a cursor it asks JobStream nothing', async () => {
    const result = await runStream(db, scope, client, { now });
    assert.equal(result.ok, false);
    assert.equal(result.needsSnapshot, true);
    assert.match(result.error ?? '', /no stream cursor yet; run `npx lotsa ingest snapshot` first/);
    assert.equal(replay.requests.length, 0);
    const [run] = await db.selectFrom('job_ingest_runs').selectAll().orderBy('id', 'desc').limit(1).execute();
    assert.equal(run?.kind, 'stream');
    assert.equal(run?.outcome, 'failed');
  });

  it('applies a window and moves the cursor to its upper bound', async () => {
    await startFromSnapshot();
    replay.script('/stream', { fixture: 'stream.json' });
    const result = await runStream(db, scope, client, { now });
    assert.equal(result.ok, true, result.error);
    // Avesta updated, Säter new, Borlänge removed; 3 ads elsewhere and 2 removals of ads we never had.
    assert.deepEqual(result.counts, {
      received: 8,
      written: 3,
      unchanged: 0,
      stale: 0,
      closed: 1,
      malformed: 0,
      skipped: 5,
    });
    const [request] = replay.requests;
    assert.equal(
      request?.query.get('date'),
      toStockholmLocal(new Date(CURSOR.getTime() - STREAM_OVERLAP_MS)),
    );
    assert.equal(request?.query.get('date'), '2025-09-11T11:20:00');
    assert.equal(request?.query.get('updated-before-date'), '2025-09-12T12:00:00');
    assert.deepEqual(request?.query.getAll('location-concept-id'), ['oDpK_oZ2_WYt']);
    assert.equal((await cursor())?.toISOString(), '2025-09-12T10:00:00.000Z');
    const ads = await status();
    assert.equal(ads['30016539'], 'open:Enhetschef till Avesta kommun (uppdaterad)');
    assert.equal(ads['30016482'], 'open:Senior Fullstack Developer within eHealth');
    assert.equal(ads['30016589'], 'closed:Säljare till Borlänge!');
    const words = await db
      .selectFrom('job_search_words')
      .select('word')
      .where('region_id', '=', 'dalarna')
      .execute();
    assert.ok(words.some((w) => w.word === 'fullstack'));
  });

  it('writes nothing when the same window is read again', async () => {
    const before = (
      await sql<{
        v: string;
      }>`SELECT string_agg(id || xmin::text, ',' ORDER BY id) AS v FROM job_ads`.execute(db)
    ).rows[0]?.v;
    replay.script('/stream', { fixture: 'stream.json' });
    const result = await runStream(db, scope, client, { now });
    assert.deepEqual(result.counts, {
      received: 8,
      written: 0,
      unchanged: 3,
      stale: 0,
      closed: 0,
      malformed: 0,
      skipped: 5,
    });
    const after = (
      await sql<{
        v: string;
      }>`SELECT string_agg(id || xmin::text, ',' ORDER BY id) AS v FROM job_ads`.execute(db)
    ).rows[0]?.v;
    assert.equal(after, before);
  });

  it('waits out a 429 and a 500, then applies', async () => {
    await startFromSnapshot();
    replay.script(
      '/stream',
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 500 },
      { fixture: 'stream.json' },
    );
    const result = await runStream(db, scope, client, { now });
    assert.equal(result.ok, true, result.error);
    assert.equal(result.counts.written, 3);
    assert.equal(replay.requests.length, 3);
  });

  it('re-fetches a cut-off body and applies nothing of a body that never arrives whole', async () => {
    await startFromSnapshot();
    const before = await status();
    replay.script('/stream', { fixture: 'stream.json', truncateAt: 20_000 }, { fixture: 'stream.json' });
    let result = await runStream(db, scope, client, { now });
    assert.equal(result.ok, true);
    assert.equal(result.counts.written, 3);

    await startFromSnapshot();
    replay.script(
      '/stream',
      { fixture: 'stream.json', truncateAt: 20_000 },
      { fixture: 'stream.json', dropAfter: 30_000 },
      { fixture: 'stream.json', truncateAt: 50_000 },
    );
    result = await runStream(db, scope, client, { now });
    assert.equal(result.ok, false);
    assert.match(result.error ?? '', /failed after 3 attempt\(s\): the response was cut off/);
    assert.deepEqual(await status(), before, 'not half-applied');
    assert.equal((await cursor())?.toISOString(), CURSOR.toISOString(), 'cursor unchanged');
  });

  it('commits the cursor with the last batch: a failure there leaves both untouched, and a rerun resumes', async () => {
    await startFromSnapshot();
    // Make the last batch fail inside its transaction (as a crash would).
    await sql`CREATE FUNCTION fail_borlange() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'simulated crash'; END $$`.execute(db);
    await sql`CREATE TRIGGER fail_borlange BEFORE UPDATE ON job_ads FOR EACH ROW
      WHEN (NEW.id = '30016589' AND NEW.status = 'closed') EXECUTE FUNCTION fail_borlange()`.execute(db);
    replay.script('/stream', { fixture: 'stream.json' });
    // Batches of 4: [Avesta, Säter, two elsewhere] then [one elsewhere, three removals].
    const result = await runStream(db, scope, client, { now, batchSize: 4 });
    assert.equal(result.ok, false);
    assert.match(result.error ?? '', /simulated crash/);
    assert.equal(result.counts.written, 2, 'the first batch committed');
    let ads = await status();
    assert.equal(ads['30016482']?.startsWith('open'), true);
    assert.equal(ads['30016589']?.startsWith('open'), true, 'the failed batch left nothing');
    assert.equal((await cursor())?.toISOString(), CURSOR.toISOString(), 'the cursor did not move');
    const [run] = await db.selectFrom('job_ingest_runs').selectAll().orderBy('id', 'desc').limit(1).execute();
    assert.equal(run?.outcome, 'failed');
    assert.equal(run?.written, 2);

    await sql`DROP TRIGGER fail_borlange ON job_ads`.execute(db);
    await sql`DROP FUNCTION fail_borlange()`.execute(db);
    replay.script('/stream', { fixture: 'stream.json' });
    const rerun = await runStream(db, scope, client, { now, batchSize: 4 });
    assert.equal(rerun.ok, true);
    assert.deepEqual(rerun.counts, {
      received: 8,
      written: 1,
      unchanged: 2,
      stale: 0,
      closed: 1,
      malformed: 0,
      skipped: 5,
    });
    ads = await status();
    assert.equal(ads['30016589']?.startsWith('closed'), true);
    assert.equal((await cursor())?.toISOString(), '2025-09-12T10:00:00.000Z');
  });

  it('applies the rest of a window that has a malformed record in it', async () => {
    await startFromSnapshot();
    const records = fixture('stream.json');
    records.splice(1, 0, { id: '30099999', headline: 42 } as unknown as Record<string, unknown>);
    replay.script('/stream', { body: records });
    const result = await runStream(db, scope, client, { now });
    assert.equal(result.ok, true);
    assert.deepEqual(result.counts, {
      received: 9,
      written: 3,
      unchanged: 0,
      stale: 0,
      closed: 1,
      malformed: 1,
      skipped: 5,
    });
    const [run] = await db.selectFrom('job_ingest_runs').selectAll().orderBy('id', 'desc').limit(1).execute();
    assert.equal(run?.malformed, 1);
  });

  it('an ad too large for the full-text index neither fails its window nor stops the cursor', async () => {
    await startFromSnapshot();
    const records = fixture('stream.json');
    // More than 1 MB of distinct words: more than a tsvector can hold.
    const words = Array.from({ length: 150_000 }, (_, i) => `w${i.toString(36)}x`).join(' ');
    records.splice(1, 0, {
      ...records[0],
      id: '30088888',
      headline: 'Enorm annons',
      description: { text: words, text_formatted: words },
    });
    replay.script('/stream', { body: records });
    const result = await runStream(db, scope, client, { now });
    assert.equal(result.ok, true, result.error);
    assert.equal(result.counts.received, 9);
    assert.equal(result.counts.malformed, 0);
    assert.equal((await cursor())?.toISOString(), '2025-09-12T10:00:00.000Z', 'the cursor moved on');
    const ads = await status();
    assert.equal(ads['30016539'], 'open:Enhetschef till Avesta kommun (uppdaterad)');
    assert.equal(ads['30088888'], 'open:Enorm annons', 'stored with its texts capped');
    const big = await db
      .selectFrom('job_ads')
      .select('description_text')
      .where('id', '=', '30088888')
      .executeTakeFirst();
    assert.ok((big?.description_text.length ?? 0) < 100_000);
  });

  it('one element that is not valid JSON is counted as malformed and its window goes on', async () => {
    await startFromSnapshot();
    const records = fixture('stream.json');
    const text = `[${records.map((r) => JSON.stringify(r)).join(',')},{"id":"30077777","headline":}]`;
    replay.script('/stream', { body: text });
    const result = await runStream(db, scope, client, { now });
    assert.equal(result.ok, true, result.error);
    assert.equal(result.counts.received, records.length + 1);
    assert.equal(result.counts.malformed, 1);
    assert.equal((await cursor())?.toISOString(), '2025-09-12T10:00:00.000Z', 'the cursor moved on');
    assert.equal((await status())['30016539'], 'open:Enhetschef till Avesta kommun (uppdaterad)');
  });

  it('refuses a cursor older than JobStream keeps removals', async () => {
    await db
      .updateTable('job_ingest_state')
      .set({ stream_cursor: new Date(NOW.getTime() - 100 * 86_400_000) })
      .where('region_id', '=', 'dalarna')
      .execute();
    replay.requests.length = 0;
    const result = await runStream(db, scope, client, { now });
    assert.equal(result.needsSnapshot, true);
    assert.match(result.error ?? '', /older than JobStream keeps removals/);
    assert.equal(replay.requests.length, 0);
  });
});
