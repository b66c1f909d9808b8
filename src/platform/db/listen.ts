/**
 * LISTEN on one PostgreSQL channel, on a connection of its own outside the pool (closing the pool
 * never waits for it). When the connection breaks or cannot be opened, `onLost` is told and the
 * listener connects again after two seconds; `stop()` ends it until `start()` is called again.
 */
import pg from 'pg';

/** How long a lost listener waits before it connects again. */
const RECONNECT_MS = 2000;

export interface ChannelListenerOptions {
  channel: string;
  /** A notification on the channel, with its payload (null when it has none). */
  onNotify: (payload: string | null) => void;
  /** The connection was lost or could not be opened; called before reconnecting. */
  onLost: (error: unknown) => void;
}

export class ChannelListener {
  private client: pg.Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: ChannelListenerOptions,
  ) {}

  async start(): Promise<void> {
    this.closed = false;
    const { channel, onNotify } = this.options;
    try {
      const { max: _max, idleTimeoutMillis: _idle, ...options } = this.pool.options;
      const client = new pg.Client(options);
      client.on('error', (error) => this.lost(client, error));
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? null);
      });
      await client.query(`LISTEN ${channel}`);
      if (this.closed) {
        await client.end();
        return;
      }
      this.client = client;
    } catch (error) {
      this.lost(undefined, error);
    }
  }

  private lost(client: pg.Client | undefined, error: unknown): void {
    if (this.closed) return;
    this.options.onLost(error);
    (client ?? this.client)?.end().catch(() => {});
    this.client = undefined;
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.start();
    }, RECONNECT_MS);
    this.retry.unref();
  }

  async stop(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    try {
      await client.query(`UNLISTEN ${this.options.channel}`);
    } catch {
      // the connection is going away anyway
    }
    await client.end().catch(() => {});
  }
}
