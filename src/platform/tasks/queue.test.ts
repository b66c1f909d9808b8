import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pino from 'pino';
import { sql } from 'kysely';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { TaskQueue } from './queue.ts';

const silent = pino({ level: 'silent' });

/** Waits until `check` holds, looking every 20 ms; fails naming `what` after 15 s. */
async function until(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 750; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`gave up waiting: ${what}`);
}

/** A promise with its resolve, for tasks that run until the test lets them finish. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const database = await createTestDatabase();
const { db } = database;
const jobState = async (name: string) =>
  db.selectFrom('jobs').select(['state', 'attempts', 'last_error']).where('name', '=', name).execute();
const lockOf = async (name: string) =>
  db
    .selectFrom('jobs')
    .select(['state', 'locked_by', 'lock_token', 'locked_until', 'last_error'])
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
/** Marks task `name` as running under a worker that died, its lock running out `lockedFor` from now. */
const claimByDeadWorker = (name: string, lockedFor: string, attempts = 1) =>
  db
    .updateTable('jobs')
    .set({
      state: 'running',
      attempts,
      locked_by: 'dead-worker',
      lock_token: sql`gen_random_uuid()`,
      locked_until: sql`now() + ${lockedFor}::interval`,
    })
    .where('name', '=', name)
    .execute();

describe('task queue: running, deduplicating and retrying', () => {
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
});

describe('task queue: locks held by a worker', () => {
  it('a heartbeat extends the lock while the task runs, so no other worker takes it', async () => {
    const a = new TaskQueue(db, silent);
    const b = new TaskQueue(db, silent);
    const release = gate();
    let runs = 0;
    for (const q of [a, b]) {
      q.define({
        name: 'test.heartbeat',
        lockSeconds: 0.6,
        run: async () => {
          runs++;
          await release.opened;
        },
      });
    }
    await a.enqueue('test.heartbeat', {});
    const running = a.runNext();
    await until('the task runs', () => runs === 1);
    const first = await lockOf('test.heartbeat');
    assert.equal(first.state, 'running');
    assert.ok(first.lock_token, 'the claim gave the task a lock token');
    await until('the lock moves forward', async () => {
      const now = await lockOf('test.heartbeat');
      return now.locked_until!.getTime() > first.locked_until!.getTime();
    });
    // Past the first lock's end: without the heartbeat the task would be free to take.
    await until('the first lock has run out', async () => {
      const { rows } = await sql<{ past: boolean }>`SELECT now() > ${first.locked_until} AS past`.execute(db);
      return rows[0]?.past === true;
    });
    assert.equal(await b.runNext(), false, 'another worker does not take a task whose lock is renewed');
    const held = await lockOf('test.heartbeat');
    assert.equal(held.state, 'running');
    assert.equal(held.lock_token, first.lock_token);
    release.open();
    assert.equal(await running, true);
    assert.equal(runs, 1);
    const done = await lockOf('test.heartbeat');
    assert.equal(done.state, 'done');
    assert.equal(done.lock_token, null);
  });

  it('a worker whose lock was taken over cannot mark the task done or failed', async () => {
    const queue = new TaskQueue(db, silent);
    const takeOver = (name: string) =>
      db
        .updateTable('jobs')
        .set({ locked_by: 'other-worker', lock_token: sql`gen_random_uuid()`, attempts: sql`attempts + 1` })
        .where('name', '=', name)
        .execute();
    // Noticed by the heartbeat: the task's signal is aborted, and its success is not recorded.
    let aborted = false;
    queue.define({
      name: 'test.stale-done',
      lockSeconds: 0.3,
      run: async (_payload, { signal }) => {
        await takeOver('test.stale-done');
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        aborted = signal.aborted;
      },
    });
    // A failure after the takeover is not recorded either (no retry scheduled, no error written).
    queue.define({
      name: 'test.stale-failed',
      run: async () => {
        await takeOver('test.stale-failed');
        throw new Error('smtp down');
      },
    });
    for (const name of ['test.stale-done', 'test.stale-failed']) {
      await queue.enqueue(name, {});
      assert.equal(await queue.runNext(), true);
      const row = await lockOf(name);
      assert.equal(row.state, 'running', `${name}: still the other worker's`);
      assert.equal(row.locked_by, 'other-worker');
      assert.equal(row.last_error, null);
      // The other worker finishes it, so the next runNext takes the next task rather than this
      // one again once its short lock has run out (on a slow machine it could).
      await db
        .updateTable('jobs')
        .set({ state: 'done', locked_by: null, lock_token: null })
        .where('name', '=', name)
        .execute();
    }
    assert.equal(aborted, true, 'the task was told it lost its lock');
  });
});

describe('task queue: lanes and waking', () => {
  it('a lane full of long tasks does not hold up short ones', async () => {
    const queue = new TaskQueue(db, silent, { pollMs: 50, concurrency: { short: 1, long: 1 } });
    const release = gate();
    const mailed: number[] = [];
    queue.define({ name: 'test.long', lane: 'long', run: () => release.opened });
    queue.define<{ n: number }>({ name: 'test.mail', run: async ({ n }) => void mailed.push(n) });
    for (let i = 0; i < 3; i++) await queue.enqueue('test.long', {});
    queue.start();
    try {
      const states = async () =>
        (await db.selectFrom('jobs').select('state').where('name', '=', 'test.long').execute())
          .map((r) => r.state)
          .sort();
      await until('a long task runs', async () => (await states()).includes('running'));
      await queue.enqueue('test.mail', { n: 1 });
      await queue.enqueue('test.mail', { n: 2 });
      await until('both short tasks ran', () => mailed.length === 2);
      assert.deepEqual(await states(), ['queued', 'queued', 'running'], 'the long lane is still busy');
      release.open();
      await until('the long tasks finish', async () => (await states()).every((s) => s === 'done'));
    } finally {
      release.open();
      await queue.stop();
    }
    assert.deepEqual(mailed, [1, 2]);
  });

  it('a process with no long slots leaves long tasks to other workers', async () => {
    const web = new TaskQueue(db, silent, { pollMs: 50, concurrency: { short: 1, long: 0 } });
    const ran: string[] = [];
    web.define({ name: 'test.web-long', lane: 'long', run: async () => void ran.push('long') });
    web.define({ name: 'test.web-short', run: async () => void ran.push('short') });
    await web.enqueue('test.web-long', {});
    await web.enqueue('test.web-short', {});
    web.start();
    try {
      await until('the short task ran', () => ran.includes('short'));
    } finally {
      await web.stop();
    }
    assert.deepEqual(ran, ['short']);
    assert.deepEqual(await jobState('test.web-long'), [{ state: 'queued', attempts: 0, last_error: null }]);
  });

  it("a task queued in another process's transaction wakes the idle slots when it commits", async () => {
    // Polls only once a minute: the task can only start this soon because of the notification.
    const worker = new TaskQueue(db, silent, { pollMs: 60_000, pool: database.pool });
    const web = new TaskQueue(db, silent);
    let ran = 0;
    worker.define({ name: 'test.notified', run: async () => void ran++ });
    worker.start();
    try {
      await until('the worker listens', async () => {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND query = 'LISTEN lotsa_tasks'`.execute(db);
        return (rows[0]?.n ?? 0) > 0;
      });
      await db.transaction().execute(async (trx) => {
        await web.enqueue('test.notified', {}, {}, trx);
        await new Promise((r) => setTimeout(r, 100));
        assert.equal(ran, 0, 'not before the commit');
      });
      await until('the notified task ran', () => ran === 1);
    } finally {
      await worker.stop();
    }
  });
});

describe('task queue: workers that died', () => {
  /** A queue that defines task `name` (counting its runs) and one such task queued. */
  async function queueCountedTask(name: string, maxAttempts?: number) {
    const queue = new TaskQueue(db, silent);
    let count = 0;
    queue.define({ name, ...(maxAttempts ? { maxAttempts } : {}), run: async () => void count++ });
    await queue.enqueue(name, {});
    return { queue, runs: () => count };
  }

  it("a dead worker's task is taken again only after its lock runs out", async () => {
    const { queue, runs } = await queueCountedTask('test.dead');
    await claimByDeadWorker('test.dead', '1 minute');
    assert.equal(await queue.drain(), 0, 'its lock still holds');
    assert.equal(runs(), 0);
    await claimByDeadWorker('test.dead', '-1 second');
    assert.equal(await queue.drain(), 1);
    assert.equal(runs(), 1);
    assert.equal((await jobState('test.dead'))[0]?.state, 'done');
  });

  it('a task whose worker died on its last attempt is marked failed, not run again', async () => {
    const { queue, runs } = await queueCountedTask('test.killer', 2);
    await claimByDeadWorker('test.killer', '-1 second', 2);
    assert.equal(await queue.drain(), 0);
    assert.equal(runs(), 0);
    const [row] = await jobState('test.killer');
    assert.equal(row?.state, 'failed');
    assert.match(row?.last_error ?? '', /lock/);
  });

  it('takes over a job whose worker died (its lock ran out)', async () => {
    const { queue, runs } = await queueCountedTask('test.orphan');
    await claimByDeadWorker('test.orphan', '-1 minute');
    await queue.drain();
    assert.equal(runs(), 1);
    assert.equal((await jobState('test.orphan'))[0]?.state, 'done');
  });
});

describe('task queue: many workers and schedules', () => {
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
