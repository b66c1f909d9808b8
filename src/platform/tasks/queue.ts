/**
 * A task queue and scheduler in PostgreSQL (tables `jobs` and `job_schedules`, named before tasks
 * were called tasks). Tasks take ids in their payload and must be safe to run
 * twice (a worker that dies mid-task leaves it to be picked up again when its lock expires). Workers
 * claim with FOR UPDATE SKIP LOCKED, so any number of processes can run them.
 */
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';

export interface TaskContext {
  taskId: number;
  attempt: number;
  log: Logger;
}

export interface TaskDefinition<P = unknown> {
  name: string;
  run(payload: P, context: TaskContext): Promise<void>;
  /** Attempts before the task is marked failed (default 5). */
  maxAttempts?: number;
  /** Seconds a running task may hold its lock before another worker may take it (default 300). */
  lockSeconds?: number;
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

/** Exponential backoff with a cap: 10 s, 40 s, 90 s … at most an hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 10 * attempt * attempt);
}

export class TaskQueue {
  private readonly definitions = new Map<string, TaskDefinition<never>>();
  private readonly schedules: Schedule[] = [];
  private readonly workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log: Logger,
    private readonly pollMs = 1000,
  ) {}

  define<P>(definition: TaskDefinition<P>): void {
    this.definitions.set(definition.name, definition as TaskDefinition<never>);
  }

  schedule(schedule: Schedule): void {
    this.schedules.push(schedule);
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
    this.wake?.();
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

  /** Claims and runs one due task. Returns false when none was due. */
  async runNext(): Promise<boolean> {
    const names = [...this.definitions.keys()];
    if (names.length === 0) return false;
    // Tasks whose worker died are released when their lock runs out.
    await this.db
      .updateTable('jobs')
      .set({ state: 'queued', locked_until: null, locked_by: null })
      .where('state', '=', 'running')
      .where('locked_until', '<', sql<Date>`now()`)
      .execute();
    const task = await this.db
      .updateTable('jobs')
      .set({
        state: 'running',
        attempts: sql`attempts + 1`,
        locked_by: this.workerId,
        locked_until: sql`now() + interval '5 minutes'`,
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
    if (!task) return false;
    const definition = this.definitions.get(task.name) as TaskDefinition<unknown>;
    const log = this.log.child({ task: task.name, taskId: task.id, attempt: task.attempts });
    try {
      await definition.run(task.payload, { taskId: task.id, attempt: task.attempts, log });
      await this.db
        .updateTable('jobs')
        .set({ state: 'done', finished_at: new Date(), locked_until: null, last_error: null })
        .where('id', '=', task.id)
        .execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed = task.attempts >= task.max_attempts;
      log.warn({ err: message, failed }, 'task failed');
      await this.db
        .updateTable('jobs')
        .set({
          state: failed ? 'failed' : 'queued',
          last_error: message.slice(0, 2000),
          locked_until: null,
          locked_by: null,
          finished_at: failed ? new Date() : null,
          run_at: sql`now() + ${backoffSeconds(task.attempts)} * interval '1 second'`,
        })
        .where('id', '=', task.id)
        .execute();
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

  /** Starts polling in the background. */
  start(): void {
    this.stopping = false;
    const loop = async () => {
      while (!this.stopping) {
        try {
          await this.drain();
        } catch (error) {
          this.log.error({ err: error instanceof Error ? error.message : String(error) }, 'task loop error');
        }
        if (this.stopping) break;
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          this.timer = setTimeout(resolve, this.pollMs);
        });
        this.wake = undefined;
      }
    };
    this.running = loop();
  }

  /** Stops polling and waits for the task in hand to finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.running;
  }
}
