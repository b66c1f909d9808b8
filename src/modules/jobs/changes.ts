/**
 * Which version of each region's job ads this process has seen. Ingestion bumps
 * `job_ingest_state.generation` and sends `NOTIFY lotsa_jobs, '<region>'` in the transaction that
 * changed rows; every web process LISTENs and drops what it cached for that region. If the
 * listening connection breaks, everything cached is dropped and the listener reconnects.
 */
import pg, { type Pool } from 'pg';
import type { Logger } from 'pino';

/** Its own connection, outside the pool: closing the pool never waits for the listener. */
export const JOBS_CHANNEL = 'lotsa_jobs';

export class JobChanges {
  private readonly versions = new Map<string, number>();
  private epoch = 0;
  private client: pg.Client | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(regionId: string | null) => void>();

  constructor(
    private readonly pool: Pool,
    private readonly logger: Logger,
  ) {}

  /** A key that changes whenever the region's ads change (or the listener had to reconnect). */
  version(regionId: string): string {
    return `${this.epoch}.${this.versions.get(regionId) ?? 0}`;
  }

  /** Called with the region whose ads changed, or null when everything must be dropped. */
  onChange(listener: (regionId: string | null) => void): void {
    this.listeners.add(listener);
  }

  /** Marks a region changed in this process (ingestion running in the same process calls it too). */
  changed(regionId: string | null): void {
    if (regionId === null) this.epoch += 1;
    else this.versions.set(regionId, (this.versions.get(regionId) ?? 0) + 1);
    for (const listener of this.listeners) listener(regionId);
  }

  async start(): Promise<void> {
    if (this.closed) return;
    try {
      const { max: _max, idleTimeoutMillis: _idle, ...options } = this.pool.options;
      const client = new pg.Client(options);
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === JOBS_CHANNEL) this.changed(message.payload ?? null);
      });
      client.on('error', (error) => this.reconnect(error));
      await client.query(`LISTEN ${JOBS_CHANNEL}`);
      this.client = client;
    } catch (error) {
      this.reconnect(error);
    }
  }

  private reconnect(error: unknown): void {
    this.logger.warn({ err: error }, 'job change listener lost its connection; caches dropped');
    this.changed(null);
    const client = this.client;
    this.client = undefined;
    client?.end().catch(() => {});
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.start();
    }, 2000);
    this.retry.unref();
  }

  async stop(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.query(`UNLISTEN ${JOBS_CHANNEL}`);
      } catch {
        // the connection is going away anyway
      }
      await client.end().catch(() => {});
    }
  }
}
