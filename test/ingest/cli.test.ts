import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lotsaCli } from '../helpers/cli.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { fixture, shiftDates, startJobStreamReplay } from '../helpers/jobstream.ts';

/** Moves the September 2025 sample so that its ads were published yesterday and are open today. */
const SHIFT = Date.now() - Date.parse('2025-09-11T09:00:00Z') - 86_400_000;

describe('npx lotsa ingest', async () => {
  const database = await createTestDatabase();
  const replay = await startJobStreamReplay({
    snapshot: { body: shiftDates(fixture('snapshot.json'), SHIFT) },
    stream: { body: shiftDates(fixture('stream.json'), SHIFT) },
  });
  const lotsa = lotsaCli(database.url, { JOBTECH_STREAM_URL: replay.url });

  const open = async () =>
    (
      await database.db
        .selectFrom('job_ads')
        .select('id')
        .where('region_id', '=', 'dalarna')
        .where('status', '=', 'open')
        .orderBy('id')
        .execute()
    ).map((r) => r.id);

  it('loads the snapshot end to end and prints a summary', async () => {
    const { code, stdout, stderr } = await lotsa('ingest', 'snapshot');
    assert.equal(code, 0, stderr);
    assert.match(
      stdout,
      /dalarna snapshot: received 10, written 6, unchanged 0, stale 0, closed 0, malformed 0, skipped 4/,
    );
    assert.deepEqual(await open(), ['30016536', '30016539', '30016558', '30016563', '30016587', '30016589']);
    assert.equal(replay.requests.filter((r) => r.path === '/snapshot').length, 1);
    const state = await database.db.selectFrom('job_ingest_state').selectAll().executeTakeFirst();
    assert.ok(state?.snapshot_at && state.stream_cursor);
  });

  it('then applies the stream for one region', async () => {
    const { code, stdout, stderr } = await lotsa('ingest', 'stream', '--region', 'dalarna');
    assert.equal(code, 0, stderr);
    assert.match(
      stdout,
      /dalarna stream: received 8, written 3, unchanged 0, stale 0, closed 1, malformed 0, skipped 5/,
    );
    const request = replay.requests.findLast((r) => r.path === '/stream');
    assert.deepEqual(request?.query.getAll('location-concept-id'), ['oDpK_oZ2_WYt']);
    assert.match(request?.query.get('date') ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    assert.ok((await open()).includes('30016482'));
    assert.ok(!(await open()).includes('30016589'));
  });

  it('refuses a snapshot that would close most open ads until --allow-mass-close is given', async () => {
    const before = await open();
    assert.ok(before.length >= 5);
    const outside = shiftDates(fixture('snapshot.json'), SHIFT).filter((r) => r.id === '30016591');
    replay.script('/snapshot', { body: outside });
    const refused = await lotsa('ingest', 'snapshot');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /dalarna snapshot REFUSED: .*would close \d+ of \d+ open ads/);
    assert.match(refused.stderr, /npx lotsa ingest snapshot --allow-mass-close/);
    assert.deepEqual(await open(), before);

    replay.script('/snapshot', { body: outside });
    const forced = await lotsa('ingest', 'snapshot', '--allow-mass-close');
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, new RegExp(`dalarna snapshot: .*closed ${before.length},`));
    assert.deepEqual(await open(), []);

    const misplaced = await lotsa('ingest', 'stream', '--allow-mass-close');
    assert.equal(misplaced.code, 2);
    assert.match(misplaced.stderr, /--allow-mass-close/);
  });

  it('exits non-zero when JobStream fails, and on bad arguments', async () => {
    replay.script('/snapshot', { status: 400, body: { message: 'bad request' } });
    const failed = await lotsa('ingest', 'snapshot');
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /dalarna snapshot FAILED: GET \/snapshot failed: JobStream answered 400/);

    const unknown = await lotsa('ingest', 'stream', '--region', 'nowhere');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown region "nowhere"/);

    const usage = await lotsa('ingest', 'everything');
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Unknown ingest command: everything[\s\S]*ingest snapshot \[--region <id>\]/);
  });
});
