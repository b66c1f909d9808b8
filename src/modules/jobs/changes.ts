/**
 * Which version of each region's job ads this process has seen. Ingestion bumps
 * `job_ingest_state.generation` and sends `NOTIFY lotsa_jobs, '<region>'` in the transaction that
 * changed rows; every web process LISTENs and drops what it cached for that region. If the
 * listening connection breaks, everything cached is dropped and the listener reconnects.
 */
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { ChannelListener } from '../../platform/db/listen.ts';

export const JOBS_CHANNEL = 'lotsa_jobs';

export class JobChanges {
  private readonly versions = new Map<string, number>();
  private epoch = 0;
  private readonly listeners = new Set<(regionId: string | null) => void>();
  private readonly listener: ChannelListener;

  constructor(pool: Pool, logger: Logger) {
    // A lost connection may have missed notifications: everything cached is dropped.
    this.listener = new ChannelListener(pool, {
      channel: JOBS_CHANNEL,
      onNotify: (regionId) => this.changed(regionId),
      onLost: (error) => {
        // The reason only: pg's stack says nothing about it (the database stopped or restarted).
        const err = error instanceof Error ? error.message : String(error);
        logger.warn({ err }, 'job change listener lost its connection; caches dropped');
        this.changed(null);
      },
    });
  }

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
    await this.listener.start();
  }

  async stop(): Promise<void> {
    await this.listener.stop();
  }
}
