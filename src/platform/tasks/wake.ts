/**
 * Wakes a process's idle task slots when a task is queued anywhere: enqueue() sends
 * `NOTIFY lotsa_tasks` in the same transaction as the insert (so it arrives only once the task can be
 * seen), and every process running tasks LISTENs on its own connection. Without the listener (or
 * while it reconnects) the slots still look every `pollMs`; it only saves the wait.
 */
import pg from 'pg';
import type { Logger } from 'pino';

export const TASKS_CHANNEL = 'lotsa_tasks';

export class TaskWakeListener {
  private client: pg.Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger,
    private readonly onWake: () => void,
  ) {}

  async start(): Promise<void> {
    this.closed = false;
    try {
      // Its own connection, outside the pool: closing the pool never waits for the listener.
      const { max: _max, idleTimeoutMillis: _idle, ...options } = this.pool.options;
      const client = new pg.Client(options);
      client.on('error', (error) => this.reconnect(client, error));
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === TASKS_CHANNEL) this.onWake();
      });
      await client.query(`LISTEN ${TASKS_CHANNEL}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
    } catch (error) {
      this.reconnect(undefined, error);
    }
  }

  private reconnect(client: pg.Client | undefined, error: unknown): void {
    if (this.closed) return;
    this.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'task wake listener lost');
    (client ?? this.client)?.end().catch(() => {});
    this.client = undefined;
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.start();
    }, 2000);
    this.retry.unref();
  }

  async stop(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}
