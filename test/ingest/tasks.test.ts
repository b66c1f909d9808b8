import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { applyRecords, scopeForRegion, type IngestScope } from '../../src/modules/jobs/ingest/apply.ts';
import { JobStreamClient } from '../../src/modules/jobs/ingest/client.ts';
import { INGEST_TASKS, registerJobBoardTasks } from '../../src/modules/jobs/ingest/tasks.ts';
import { shippedRegions } from '../../src/modules/regions/service.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { TaskQueue } from '../../src/platform/tasks/queue.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { fixture, shiftDates, startJobStreamReplay } from '../helpers/jobstream.ts';

const silent = pino({ level: 'silent' });
const scope = scopeForRegion(shippedRegions().find((r) => r.id === 'dalarna')!) as IngestScope;
const SHIFT = Date.now() - Date.parse('2025-09-11T09:00:00Z') - 86_400_000;

describe('job board jobs', async () => {
  const database = await createTestDatabase();
  const { db } = database;
  const replay = await startJobStreamReplay({
    snapshot: { body: shiftDates(fixture('snapshot.json'), SHIFT) },
    stream: { body: shiftDates(fixture('stream.json'), SHIFT) },
  });
  const client = new JobStreamClient({ baseUrl: replay.url, baseDelayMs: 1 });
  const schedules = async () =>
    (
      await db
        .selectFrom('job_schedules')
        .select('name')
        .where('name', 'like', 'jobs.%')
        .orderBy('name')
        .execute()
    ).map((s) => s.name);

  it('never call JobTech unless JOBTECH_INGEST=true; only the local expiry sweep is scheduled', async () => {
    const queue = new TaskQueue(db, silent);
    registerJobBoardTasks(queue, database, loadConfig({ JOBTECH_STREAM_URL: replay.url }), { client });
    await queue.drain();
    assert.deepEqual(await schedules(), ['jobs.expire.15min']);
    assert.equal(replay.requests.length, 0, 'JobStream was not called');
  });

  it('when enabled: stream every 5 minutes, snapshot nightly, expiry every 15 minutes', async () => {
    const queue = new TaskQueue(db, silent);
    registerJobBoardTasks(
      queue,
      database,
      loadConfig({ JOBTECH_INGEST: 'true', JOBTECH_STREAM_URL: replay.url }),
      {
        client,
      },
    );
    await queue.drain();
    assert.deepEqual(await schedules(), [
      'jobs.expire.15min',
      'jobs.ingest.snapshot.nightly',
      'jobs.ingest.stream.5min',
    ]);
    const every = await db
      .selectFrom('job_schedules')
      .select(['name', 'every_seconds'])
      .where('name', 'like', 'jobs.%')
      .execute();
    assert.deepEqual(Object.fromEntries(every.map((s) => [s.name, s.every_seconds])), {
      'jobs.expire.15min': 900,
      'jobs.ingest.snapshot.nightly': 86_400,
      'jobs.ingest.stream.5min': 300,
    });
    // The first stream run found no cursor and queued a snapshot instead of failing; all ran.
    const jobs = await db
      .selectFrom('jobs')
      .select(['name', 'state'])
      .where('name', 'like', 'jobs.%')
      .execute();
    assert.ok(
      jobs.every((j) => j.state === 'done'),
      JSON.stringify(jobs),
    );
    const open = await db.selectFrom('job_ads').select('id').where('status', '=', 'open').execute();
    assert.equal(open.length, 6);
    assert.equal(replay.requests.filter((r) => r.path === '/snapshot').length, 1, 'one snapshot, not two');
  });

  it('jobs.expire closes ads past their last publication date', async () => {
    await db.deleteFrom('job_ads').execute();
    await applyRecords(db, scope, fixture('snapshot.json'), { now: new Date('2025-09-12T10:00:00Z') });
    const queue = new TaskQueue(db, silent);
    registerJobBoardTasks(queue, database, loadConfig({}), { client });
    await queue.enqueue(INGEST_TASKS.expire, {});
    await queue.drain();
    const rows = await db.selectFrom('job_ads').select(['status', 'closed_reason']).execute();
    assert.equal(rows.length, 6);
    assert.ok(rows.every((r) => r.status === 'closed' && r.closed_reason === 'expired'));
  });
});
