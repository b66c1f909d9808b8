/**
 * A task queue and scheduler in PostgreSQL (tables `jobs` and `job_schedules`, named before tasks
 * were called tasks). Tasks take ids in their payload and must be safe to run twice. Workers claim
 * with FOR UPDATE SKIP LOCKED, so any number of processes can run them.
 *
 * Locks: a claim gives the task a fresh lock token and a lock of the definition's `lockSeconds`;
 * while the task runs, a heartbeat extends the lock every third of that time. A task whose worker
 * died is taken again only once its lock has run out. The outcome (done, failed, due again) is
 * written only while the worker still holds the token, so a worker that lost its task to another
 * cannot overwrite what the other does.
 *
 * Lanes: each definition runs in the `short` lane (mail, sweeps: the default) or the `long` lane
 * (ingestion, snapshots). `start()` runs each lane with its own number of slots, so long tasks can
 * never take the slots that a sign-in e-mail waits for.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';
import { TASKS_CHANNEL, TaskWakeListener } from './wake.ts';

export const TASK_LANES = ['short', 'long'] as const;
export type TaskLane = (typeof TASK_LANES)[number];

export interface TaskContext {
  taskId: number;
  attempt: number;
  log: Logger;
  /**
   * Aborted when this worker has lost the task's lock (it ran out and another worker took the task):
   * stop soon; the outcome of this run is not recorded.
   */
  signal: AbortSignal;
}

export interface TaskDefinition<P = unknown> {
  name: string;
  run(payload: P, context: TaskContext): Promise<void>;
  /** Attempts before the task is marked failed (default 5). */
  maxAttempts?: number;
  /**
   * Seconds a worker's lock on the running task lasts without a heartbeat (default 300). The
   * heartbeat renews it every third of that while the task runs; after the worker dies, another
   * worker takes the task once this much time has passed.
   */
  lockSeconds?: number;
  /** `long` for tasks that may run for minutes (ingestion); default `short`. */
  lane?: TaskLane;
}

export interface EnqueueOptions {
  runAt?: Date;
  /** A task with the same name and key is not queued again while one waits or runs. */
  dedupeKey?: string;
  maxAttempts?: number;
}

export interface Schedule {
  name: string;
  /** The task to queue. */
  task: string;
  everySeconds: number;
  payload?: unknown;
}

export interface TaskQueueOptions {
  /** How often an idle slot looks for due tasks, ms (default 1000); enqueue() wakes it at once. */
  pollMs?: number;
  /** Tasks of each lane that start() runs at the same time (default short 2, long 1; 0 runs none). */
  concurrency?: Partial<Record<TaskLane, number>>;
  /** The pool to open a LISTEN connection from, so a task queued by any process wakes start()'s slots. */
  pool?: pg.Pool;
}

export const DEFAULT_LOCK_SECONDS = 300;
export const DEFAULT_CONCURRENCY: Readonly<Record<TaskLane, number>> = { short: 2, long: 1 };

/** Exponential backoff with a cap: 10 s, 40 s, 90 s … at most an hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 10 * attempt * attempt);
}

interface Claimed {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  token: string;
}

export class TaskQueue {
  private readonly definitions = new Map<string, TaskDefinition<never>>();
  private readonly schedules: Schedule[] = [];
  private readonly workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private readonly pollMs: number;
  private readonly concurrency: Record<TaskLane, number>;
  private readonly wakers = new Set<() => void>();
  private running: Promise<void>[] = [];
  private stopping = false;
  private readonly listener: TaskWakeListener | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log: Logger,
    options: TaskQueueOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.concurrency = { ...DEFAULT_CONCURRENCY, ...options.concurrency };
    this.listener = options.pool && new TaskWakeListener(options.pool, log, () => this.wakeAll());
  }

  private wakeAll(): void {
    for (const wake of this.wakers) wake();
  }

  define<P>(definition: TaskDefinition<P>): void {
    this.definitions.set(definition.name, definition as TaskDefinition<never>);
  }

  schedule(schedule: Schedule): void {
    this.schedules.push(schedule);
  }

  /** The lane a task runs in (`short` unless its definition says otherwise). */
  laneOf(name: string): TaskLane {
    return this.definitions.get(name)?.lane ?? 'short';
  }

  /** Queues a task; pass a transaction as `db` to queue it atomically with other writes. */
  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}, db: Kysely<DB> = this.db) {
    await db
      .insertInto('jobs')
      .values({
        name,
        payload: JSON.stringify(payload ?? {}),
        run_at: options.runAt ?? new Date(),
        dedupe_key: options.dedupeKey ?? null,
        max_attempts: options.maxAttempts ?? this.definitions.get(name)?.maxAttempts ?? 5,
      })
      .onConflict((oc) =>
        oc
          .columns(['name', 'dedupe_key'])
          .where('dedupe_key', 'is not', null)
          .where('state', 'in', ['queued', 'running'])
          .doNothing(),
      )
      .execute();
    // Delivered at commit when `db` is a transaction: every listening process looks at once.
    await sql`SELECT pg_notify(${TASKS_CHANNEL}, '')`.execute(db);
    this.wakeAll();
  }

  /** Moves due schedules forward and queues their tasks. */
  async tickSchedules(): Promise<number> {
    if (this.schedules.length === 0) return 0;
    for (const s of this.schedules) {
      await this.db
        .insertInto('job_schedules')
        .values({ name: s.name, every_seconds: s.everySeconds, next_run_at: new Date() })
        .onConflict((oc) => oc.column('name').doUpdateSet({ every_seconds: s.everySeconds }))
        .execute();
    }
    const due = await this.db
      .updateTable('job_schedules')
      .set({
        next_run_at: sql`now() + every_seconds * interval '1 second'`,
        last_run_at: sql`now()`,
      })
      .where(
        'name',
        'in',
        this.schedules.map((s) => s.name),
      )
      .where('next_run_at', '<=', sql<Date>`now()`)
      .returning('name')
      .execute();
    for (const { name } of due) {
      const s = this.schedules.find((x) => x.name === name) as Schedule;
      await this.enqueue(s.task, s.payload ?? {}, { dedupeKey: `schedule:${s.name}` });
    }
    return due.length;
  }

  /**
   * Tasks whose lock ran out (their worker died or hung) are queued again, or marked failed when
   * that was their last attempt: a task that kills its worker every time must not loop forever.
   */
  async releaseExpired(): Promise<number> {
    const released = await this.db
      .updateTable('jobs')
      .set({
        state: sql`CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END`,
        finished_at: sql`CASE WHEN attempts >= max_attempts THEN now() END`,
        last_error: 'the worker stopped renewing its lock (it died or hung)',
        locked_until: null,
        locked_by: null,
        lock_token: null,
      })
      .where('state', '=', 'running')
      .where('locked_until', '<', sql<Date>`now()`)
      .executeTakeFirst();
    return Number(released.numUpdatedRows);
  }

  /** Claims one due task of `lane` (of any lane when absent) with a fresh lock token. */
  private async claim(lane?: TaskLane): Promise<Claimed | undefined> {
    const names = [...this.definitions.keys()].filter((n) => !lane || this.laneOf(n) === lane);
    if (names.length === 0) return undefined;
    await this.releaseExpired();
    const lockSeconds = Object.fromEntries(
      names.map((n) => [n, this.definitions.get(n)?.lockSeconds ?? DEFAULT_LOCK_SECONDS]),
    );
    const token = randomUUID();
    const task = await this.db
      .updateTable('jobs')
      .set({
        state: 'running',
        attempts: sql`attempts + 1`,
        locked_by: this.workerId,
        lock_token: token,
        locked_until: sql`now() + (${JSON.stringify(lockSeconds)}::jsonb ->> name)::float8 * interval '1 second'`,
      })
      .where(
        'id',
        '=',
        this.db
          .selectFrom('jobs')
          .select('id')
          .where('state', '=', 'queued')
          .where('run_at', '<=', sql<Date>`now()`)
          .where('name', 'in', names)
          .orderBy('run_at')
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'name', 'payload', 'attempts', 'max_attempts'])
      .executeTakeFirst();
    return task && { ...task, token };
  }

  /** Extends the lock while the token is still the task's; false when the task was taken over. */
  private async renewLock(task: Claimed, lockSeconds: number): Promise<boolean> {
    const renewed = await this.db
      .updateTable('jobs')
      .set({ locked_until: sql`now() + ${lockSeconds}::float8 * interval '1 second'` })
      .where('id', '=', task.id)
      .where('lock_token', '=', task.token)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(renewed.numUpdatedRows) === 1;
  }

  /** Renews the lock every third of `lockSeconds` until stopped; aborts `controller` if it is lost. */
  private heartbeat(task: Claimed, lockSeconds: number, controller: AbortController, log: Logger) {
    const timer = setInterval(
      () => {
        this.renewLock(task, lockSeconds).then(
          (held) => {
            if (held || controller.signal.aborted) return;
            log.warn('task lock lost: another worker took the task over');
            controller.abort();
            clearInterval(timer);
          },
          (error: unknown) =>
            log.warn({ err: error instanceof Error ? error.message : String(error) }, 'lock renewal failed'),
        );
      },
      Math.max(50, (lockSeconds * 1000) / 3),
    );
    return () => clearInterval(timer);
  }

  /** Writes the outcome while this worker still holds the task; false when it no longer does. */
  private async finish(task: Claimed, error: string | undefined): Promise<boolean> {
    const failed = error !== undefined && task.attempts >= task.max_attempts;
    const result = await this.db
      .updateTable('jobs')
      .set(
        error === undefined
          ? { state: 'done', finished_at: new Date(), last_error: null }
          : {
              state: failed ? 'failed' : 'queued',
              last_error: error.slice(0, 2000),
              finished_at: failed ? new Date() : null,
              run_at: sql`now() + ${backoffSeconds(task.attempts)} * interval '1 second'`,
            },
      )
      .set({ locked_until: null, locked_by: null, lock_token: null })
      .where('id', '=', task.id)
      .where('lock_token', '=', task.token)
      .where('state', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Claims and runs one due task (of `lane`, or of any lane). Returns false when none was due. */
  async runNext(lane?: TaskLane): Promise<boolean> {
    const task = await this.claim(lane);
    if (!task) return false;
    const definition = this.definitions.get(task.name) as TaskDefinition<unknown>;
    const lockSeconds = definition.lockSeconds ?? DEFAULT_LOCK_SECONDS;
    const log = this.log.child({ task: task.name, taskId: task.id, attempt: task.attempts });
    const controller = new AbortController();
    const stopHeartbeat = this.heartbeat(task, lockSeconds, controller, log);
    let error: string | undefined;
    try {
      await definition.run(task.payload, {
        taskId: task.id,
        attempt: task.attempts,
        log,
        signal: controller.signal,
      });
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
    } finally {
      stopHeartbeat();
    }
    if (error !== undefined) {
      log.warn({ err: error, failed: task.attempts >= task.max_attempts }, 'task failed');
    }
    if (!(await this.finish(task, error))) {
      log.warn({ outcome: error === undefined ? 'done' : 'failed' }, 'task lock lost; outcome not recorded');
    }
    return true;
  }

  /** Runs due schedules and tasks until nothing is due (tests and `lotsa worker --once`). */
  async drain(): Promise<number> {
    await this.tickSchedules();
    let count = 0;
    while (await this.runNext()) count++;
    return count;
  }

  /** Waits `pollMs`, or less when a task is queued meanwhile or the queue stops. */
  private pause(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.pollMs);
      this.wakers.add(done);
    });
  }

  /** One slot of a lane: runs its due tasks, then waits; the first short slot also ticks schedules. */
  private async slot(lane: TaskLane, ticksSchedules: boolean): Promise<void> {
    while (!this.stopping) {
      try {
        if (ticksSchedules) await this.tickSchedules();
        while (!this.stopping && (await this.runNext(lane))) {
          // next
        }
      } catch (error) {
        this.log.error(
          { lane, err: error instanceof Error ? error.message : String(error) },
          'task loop error',
        );
      }
      if (this.stopping) break;
      await this.pause();
    }
  }

  /** Starts each lane's slots polling in the background (a lane with 0 slots is left to others). */
  start(): void {
    this.stopping = false;
    void this.listener?.start();
    let ticker = true;
    for (const lane of TASK_LANES) {
      for (let i = 0; i < this.concurrency[lane]; i++) {
        this.running.push(this.slot(lane, ticker));
        ticker = false;
      }
    }
  }

  /** Stops polling and waits for the tasks in hand to finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.listener?.stop();
    this.wakeAll();
    await Promise.all(this.running);
    this.running = [];
  }
}
