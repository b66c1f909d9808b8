/**
 * HTTP client for JobStream (`GET /snapshot`, `GET /stream`), on Node's global fetch. Rate limits
 * (429) and server errors (5xx) are retried with exponential backoff, honouring Retry-After; network
 * errors, stalled connections and bodies that are cut off or not one whole JSON array are retried
 * by fetching again. Other answers (400, 401, 404) fail at once. After `attempts` tries it fails
 * with a JobStreamError that says what happened last. A whole request, tries and waits included,
 * ends at its deadline (a server that trickles bytes never trips the idle timeout).
 */
import type { Logger } from 'pino';
import { JsonArrayError, parseJsonArray } from './json-array.ts';

export const DEFAULT_STREAM_URL = 'https://jobstream.api.jobtechdev.se';
export const USER_AGENT = 'Lotsa/0.1 (job board ingester)';

export interface JobStreamClientOptions {
  baseUrl?: string;
  /** Sent as header `api-key` when given (JobStream no longer requires one). */
  apiKey?: string | undefined;
  /** Tries per request, the first included (default 5). */
  attempts?: number;
  /** First backoff wait; doubles each time (default 2 s). Tests pass a few milliseconds. */
  baseDelayMs?: number;
  /** Longest wait between tries, Retry-After included (default 2 min). */
  maxDelayMs?: number;
  /** Give up on a try when no headers or body bytes arrive for this long (default 60 s). */
  idleTimeoutMs?: number;
  /** Give up on a request, every try and wait included, after this long (default 30 min). */
  deadlineMs?: number;
  logger?: Logger | undefined;
  /** Replaces the wait between tries (tests). */
  sleep?: (ms: number) => Promise<void>;
}

export interface StreamWindow {
  /** Naive Stockholm local time `YYYY-MM-DDTHH:MM:SS`: events with timestamp at or after it. */
  date: string;
  /** Naive Stockholm local time: events up to it. */
  updatedBefore: string;
  /** Server-side filter (municipality, region or country concept ids; OR-ed). */
  locationConceptIds?: readonly string[];
}

export class JobStreamError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'JobStreamError';
  }
}

/** No headers or body bytes arrived for idleTimeoutMs. */
class IdleTimeout extends Error {}

/** The request's deadline passed. */
class DeadlineExceeded extends Error {}

/** A failed try that may succeed when tried again, with the wait the server asked for. */
class Retryable extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = cause && typeof cause === 'object' && 'code' in cause ? ` (${String(cause.code)})` : '';
    return `${error.message}${code}`;
  }
  return String(error);
}

export class JobStreamClient {
  readonly baseUrl: string;
  private readonly apiKey: string | undefined;
  private readonly attempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly idleTimeoutMs: number;
  private readonly deadlineMs: number;
  private readonly logger: Logger | undefined;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: JobStreamClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_STREAM_URL).replace(/\/+$/, '');
    this.apiKey = options.apiKey || undefined;
    this.attempts = Math.max(1, options.attempts ?? 5);
    this.baseDelayMs = options.baseDelayMs ?? 2000;
    this.maxDelayMs = options.maxDelayMs ?? 120_000;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
    this.deadlineMs = options.deadlineMs ?? 30 * 60_000;
    this.logger = options.logger;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The URL of a stream window. */
  streamUrl(window: StreamWindow): string {
    const params = new URLSearchParams({ date: window.date, 'updated-before-date': window.updatedBefore });
    for (const id of window.locationConceptIds ?? []) params.append('location-concept-id', id);
    return `${this.baseUrl}/stream?${params.toString()}`;
  }

  /** Every record of a stream window. The whole body is read and parsed before anything returns. */
  async stream(window: StreamWindow): Promise<unknown[]> {
    return this.request(this.streamUrl(window), async (chunks) => {
      const records: unknown[] = [];
      for await (const element of parseJsonArray(chunks)) records.push(element);
      return records;
    });
  }

  /**
   * Streams the snapshot through `consume`, element by element. When the download fails or is cut
   * off, `consume` sees a JsonArrayError or network error and the snapshot is fetched again from the
   * start, so `consume` must start afresh on every call and must not act on a partial snapshot.
   */
  async snapshot<T>(consume: (elements: AsyncIterable<unknown>) => Promise<T>): Promise<T> {
    return this.request(`${this.baseUrl}/snapshot`, (chunks) => consume(parseJsonArray(chunks)));
  }

  private async request<T>(
    url: string,
    handle: (chunks: AsyncIterable<Uint8Array>) => Promise<T>,
  ): Promise<T> {
    const path = new URL(url).pathname;
    const deadline = Date.now() + this.deadlineMs;
    const late = () =>
      new JobStreamError(`GET ${path} did not finish within ${this.deadlineMs} ms`, null, this.attempts);
    let last: Retryable | undefined;
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      try {
        return await this.once(url, handle, deadline);
      } catch (error) {
        if (error instanceof DeadlineExceeded) throw late();
        if (!(error instanceof Retryable)) throw error;
        last = error;
        if (attempt === this.attempts) break;
        const backoff = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
        const wait = Math.min(this.maxDelayMs, error.retryAfterMs ?? backoff);
        if (Date.now() + wait >= deadline) throw late();
        this.logger?.warn(
          { path, attempt, status: error.status, waitMs: wait, err: error.message },
          'JobStream retry',
        );
        await this.sleep(wait);
      }
    }
    throw new JobStreamError(
      `GET ${path} failed after ${this.attempts} attempt(s): ${last?.message ?? 'unknown error'}`,
      last?.status ?? null,
      this.attempts,
    );
  }

  private async once<T>(
    url: string,
    handle: (chunks: AsyncIterable<Uint8Array>) => Promise<T>,
    deadline: number,
  ): Promise<T> {
    const controller = new AbortController();
    const stop = setTimeout(
      () => controller.abort(new DeadlineExceeded('deadline')),
      Math.max(0, deadline - Date.now()),
    );
    /** Every failure after the deadline is the deadline's. */
    const overdue = () => controller.signal.reason instanceof DeadlineExceeded;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => controller.abort(new IdleTimeout(`no data for ${this.idleTimeoutMs} ms`)),
        this.idleTimeoutMs,
      );
    };
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
    if (this.apiKey) headers['api-key'] = this.apiKey;
    arm();
    try {
      let response: Response;
      try {
        response = await fetch(url, { headers, signal: controller.signal });
      } catch (error) {
        if (overdue()) throw controller.signal.reason;
        throw new Retryable(`network error: ${describe(error)}`, null);
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        const message = `JobStream answered ${response.status}`;
        if (response.status === 429 || response.status >= 500) {
          throw new Retryable(message, response.status, parseRetryAfter(response.headers.get('retry-after')));
        }
        throw new JobStreamError(
          `GET ${new URL(url).pathname} failed: ${message}${response.status === 401 ? ' (check JOBTECH_API_KEY)' : ''}`,
          response.status,
          1,
        );
      }
      const body = response.body;
      if (!body) throw new Retryable('empty response body', response.status);
      const reader = body.getReader();
      const chunks = async function* () {
        try {
          for (;;) {
            arm();
            const { done, value } = await reader.read();
            if (done) return;
            yield value;
          }
        } finally {
          await reader.cancel().catch(() => {});
        }
      };
      try {
        return await handle(chunks());
      } catch (error) {
        if (overdue()) throw controller.signal.reason;
        if (error instanceof JsonArrayError) {
          throw new Retryable(error.truncated ? 'the response was cut off' : error.message, response.status);
        }
        if (
          error instanceof TypeError ||
          error instanceof IdleTimeout ||
          (error instanceof Error && error.name === 'AbortError')
        ) {
          throw new Retryable(`reading the response failed: ${describe(error)}`, response.status);
        }
        throw error;
      }
    } finally {
      clearTimeout(timer);
      clearTimeout(stop);
    }
  }
}
