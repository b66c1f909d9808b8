/**
 * A small in-process cache of rendered job-board responses (search pages, API lists, feeds), keyed
 * by region, language and URL. Entries carry the region's job version from `JobChanges`; when
 * ingestion changes the region's ads (NOTIFY from any process) the version moves and every entry of
 * that region is dropped. Least recently used entries go first; `JOB_CACHE_SIZE=0` turns it off.
 */
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { entityTag } from '../../platform/http/conditional.ts';
import type { JobChanges } from './changes.ts';

/**
 * Compression of a response sent once (the cache is off, or could not keep it): one synchronous call
 * at the fastest levels. A stored copy is compressed harder (`set`), as it is sent many times; for a
 * page rendered per request the stream compressor's set-up and a higher level cost more CPU than
 * the page's rendering (a 60 KB search page: brotli quality 4 ≈ 0.7 ms, quality 1 ≈ 0.2 ms for a
 * body 15 % larger, well within the page weight budget).
 */
export function compressOnce(
  body: Buffer,
  accepts: string,
): { encoding: 'br' | 'gzip'; body: Buffer } | null {
  if (body.length <= 1024) return null;
  if (/\bbr\b/.test(accepts))
    return {
      encoding: 'br',
      body: brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }),
    };
  if (/\bgzip\b/.test(accepts)) return { encoding: 'gzip', body: gzipSync(body, { level: 1 }) };
  return null;
}

export interface CachedResponse {
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  contentType: string;
  status: number;
  /** The weak entity tag of the body (conditional GET: platform/http/conditional.ts). */
  etag: string;
  /** Headers that belong to the body (the API's Link). */
  headers?: Record<string, string>;
}

/** A map that keeps at most `maxEntries`, dropping the least recently used (0 keeps nothing). */
export class Lru<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly maxEntries: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries)
      this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops every entry the predicate picks. */
  deleteWhere(pick: (value: V) => boolean): void {
    for (const [key, value] of this.entries) if (pick(value)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

export class ResponseCache {
  private readonly entries: Lru<{ version: string; regionId: string; response: CachedResponse }>;

  constructor(
    private readonly changes: JobChanges,
    readonly maxEntries: number,
  ) {
    this.entries = new Lru(maxEntries);
    changes.onChange((regionId) =>
      this.entries.deleteWhere((entry) => regionId === null || entry.regionId === regionId),
    );
  }

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  get(regionId: string, key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== this.changes.version(regionId)) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.response;
  }

  /**
   * Stores a response rendered for `version` (read before the database was asked, so a change that
   * lands meanwhile makes the entry stale rather than wrong). Compressed copies are made once here.
   */
  set(
    regionId: string,
    key: string,
    version: string,
    response: Omit<CachedResponse, 'gzip' | 'br' | 'etag'>,
  ): CachedResponse {
    const full: CachedResponse = { ...response, etag: entityTag(response.body) };
    if (!this.enabled || version !== this.changes.version(regionId)) return full;
    if (response.body.length > 1024) {
      full.gzip = gzipSync(response.body, { level: 6 });
      full.br = brotliCompressSync(response.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    }
    this.entries.set(key, { version, regionId, response: full });
    return full;
  }

  clear(): void {
    this.entries.clear();
  }
}
