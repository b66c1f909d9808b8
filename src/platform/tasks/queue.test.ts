import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { TaskQueue } from './queue.ts';

const silent = pino({ level: 'silent' });

describe('job queue', async () => {
  const database = await createTestDatabase();
  const { db } = database;
  const jobState = async (name: string) =>
    db.selectFrom('jobs').select(['state', 'attempts', 'last_error']).where('name', '=', name).execute();

  it('runs a queued job with its payload once', async () => {
    const queue = new TaskQueue(db, silent);
    const seen: unknown[] = [];
    queue.define<{ id: number }>({ name: 'test.once', run: async (payload) => void seen.push(payload) });
    await queue.enqueue('test.once', { id: 7 });
    assert.equal(await queue.drain(), 1);
    assert.equal(await queue.drain(), 0);
    assert.deepEqual(seen, [{ id: 7 }]);
    assert.deepEqual(await jobState('test.once'), [{ state: 'done', attempts: 1, last_error: null }]);
  });

  it('does not queue a job twice while one with the same key waits', async () => {
    const queue = new TaskQueue(db, silent);
    let runs = 0;
    queue.define({ name: 'test.dedupe', run: async () => void runs++ });
    await queue.enqueue('test.dedupe', {}, { dedupeKey: 'k' });
    await queue.enqueue('test.dedupe', {}, { dedupeKey: 'k' });
    await queue.drain();
    assert.equal(runs, 1);
    await queue.enqueue('test.dedupe', {}, { dedupeKey: 'k' }); // the first is done: a new one may queue
    await queue.drain();
    assert.equal(runs, 2);
  });

  it('retries a failing job later and marks it failed after its last attempt', async () => {
    const queue = new TaskQueue(db, silent);
    queue.define({
      name: 'test.fail',
      maxAttempts: 2,
      run: async () => Promise.reject(new Error('smtp down')),
    });
    await queue.enqueue('test.fail', {});
    await queue.drain();
    let [row] = await jobState('test.fail');
    assert.equal(row?.state, 'queued');
    assert.equal(row?.last_error, 'smtp down');
    assert.equal(await queue.drain(), 0, 'backoff: not due again at once');
    await db
      .updateTable('jobs')
      .set({ run_at: sql`now()` })
      .where('name', '=', 'test.fail')
      .execute();
    await queue.drain();
    [row] = await jobState('test.fail');
    assert.equal(row?.state, 'failed');
    assert.equal(row?.attempts, 2);
  });

  it('takes over a job whose worker died (its lock ran out)', async () => {
    const queue = new TaskQueue(db, silent);
    let runs = 0;
    queue.define({ name: 'test.orphan', run: async () => void runs++ });
    await queue.enqueue('test.orphan', {});
    await db
      .updateTable('jobs')
      .set({
        state: 'running',
        attempts: 1,
        locked_by: 'dead-worker',
        locked_until: sql`now() - interval '1 minute'`,
      })
      .where('name', '=', 'test.orphan')
      .execute();
    await queue.drain();
    assert.equal(runs, 1);
    assert.equal((await jobState('test.orphan'))[0]?.state, 'done');
  });

  it('two workers never run the same job', async () => {
    const a = new TaskQueue(db, silent);
    const b = new TaskQueue(db, silent);
    const ran: number[] = [];
    for (const q of [a, b]) {
      q.define<{ n: number }>({
        name: 'test.many',
        run: async ({ n }) => {
          ran.push(n);
          await new Promise((r) => setTimeout(r, 2));
        },
      });
    }
    for (let n = 0; n < 20; n++) await a.enqueue('test.many', { n });
    await Promise.all([a.drain(), b.drain()]);
    assert.deepEqual(
      [...ran].sort((x, y) => x - y),
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  it('queues scheduled jobs when due, once per period', async () => {
    const queue = new TaskQueue(db, silent);
    let runs = 0;
    queue.define({ name: 'test.scheduled', run: async () => void runs++ });
    queue.schedule({ name: 'test.every-hour', task: 'test.scheduled', everySeconds: 3600 });
    await queue.drain();
    await queue.drain();
    assert.equal(runs, 1);
    const schedule = await db
      .selectFrom('job_schedules')
      .selectAll()
      .where('name', '=', 'test.every-hour')
      .executeTakeFirst();
    assert.ok(schedule && schedule.next_run_at.getTime() > Date.now() + 3500_000);
  });
});
