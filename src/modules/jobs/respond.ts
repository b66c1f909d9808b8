/**
 * What the job board's routes share: the page context, the response cache in front of searches
 * (with the per-client search limits), the search with its timeout answer, and a search read from a
 * page's query string.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { renderPage, type Page, type PageContext } from '../../platform/html/layout.ts';
import { pageContext } from '../../platform/html/send.ts';
import { clientKey, ConcurrencyLimit, type RateLimitRule } from '../../platform/http/rate-limit.ts';
import type { AnyQuery } from '../../platform/http/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { compressOnce, type ResponseCache } from './cache.ts';
import type { JobChanges } from './changes.ts';
import { PAGE_SIZE, parseJobQuery, queryParams, queryString, type JobQuery } from './query.ts';
import { findJob, isJobId, type JobDetail } from './repository.ts';
import {
  conceptLabels,
  queryVocabulary,
  SearchTimedOut,
  type JobSearch,
  type ConceptLabels,
  type SearchResult,
} from './search/index.ts';

/**
 * Searches (pages and feeds) one client may have run that the response cache could not answer: a
 * person refining a search makes a few a minute; cached pages, and the job list itself, never count.
 */
export const SEARCH_RATE_LIMIT: RateLimitRule = { name: 'search', max: 60, windowSeconds: 60 };
/**
 * Uncached searches one client may have running at once in this process. The per-minute limit alone
 * lets a burst of 60 run side by side, each holding database connections everyone else waits for.
 */
export const SEARCH_CONCURRENCY = 2;
/** Seconds a client is asked to wait after a search ran past its statement timeout. */
const SEARCH_RETRY_AFTER = 5;

export interface JobBoardDeps {
  changes: JobChanges;
  cache: ResponseCache;
  search: JobSearch;
}

/** A query-string object (as the route's schema typed it) as name/value pairs, in order. */
export function queryPairs(query: Record<string, unknown>): [string, string][] {
  return Object.entries(query).flatMap(([name, value]) =>
    [value].flat().map((v): [string, string] => [name, String(v)]),
  );
}

export type JobBoardHttp = ReturnType<typeof jobBoardHttp>;

export function jobBoardHttp(deps: ModuleDeps, board: JobBoardDeps) {
  const db = deps.database.db;
  const { cache, changes } = board;
  const context = (request: FastifyRequest): PageContext => pageContext(request, deps.site);
  const render = (request: FastifyRequest, page: Page) => renderPage(context(request), page);

  /** Uncached searches running now, per client (keyed hash of the address). */
  const running = new ConcurrencyLimit(SEARCH_CONCURRENCY);

  /**
   * Answers from the cache, or renders, stores and answers. `what` names the response by what it
   * depends on besides the region and language — the route and the search as its canonical query
   * string — so neither the Host header nor parameters the search ignores make another entry.
   * `limited`: a miss counts against the client's SEARCH_RATE_LIMIT (429 past it). `running`: a miss
   * counts as one of the client's SEARCH_CONCURRENCY running searches (429 past it) — the API's
   * searches too, which have their own per-minute limit but cost the database as much as a page's.
   * The answer carries the body's ETag, made once when it was cached.
   */
  async function cached(
    request: FastifyRequest,
    reply: FastifyReply,
    what: { key: string; limited: boolean; running?: boolean },
    produce: () => Promise<{
      body: string;
      contentType: string;
      status?: number;
      headers?: Record<string, string>;
    }>,
  ) {
    const regionId = request.region.id;
    const key = `${regionId}|${request.lang}|${what.key}`;
    let response = cache.get(regionId, key);
    if (!response) {
      const counted = what.limited || what.running === true;
      const client = counted ? clientKey(request, deps.secret) : undefined;
      // In memory first: a client flooding with parallel searches is turned away without a query.
      const done = client === undefined ? undefined : running.enter(client);
      if (client !== undefined && !done) throw new AppError('LOTSA_RATE_LIMITED', { retryAfter: 1 });
      try {
        if (client !== undefined && what.limited) {
          const wait = await deps.rateLimiter.hit(`${SEARCH_RATE_LIMIT.name}:${client}`, SEARCH_RATE_LIMIT);
          if (wait !== undefined) throw new AppError('LOTSA_RATE_LIMITED', { retryAfter: wait });
        }
        const version = changes.version(regionId);
        const produced = await produce();
        response = cache.set(regionId, key, version, {
          body: Buffer.from(produced.body),
          contentType: produced.contentType,
          status: produced.status ?? 200,
          headers: produced.headers,
        });
      } finally {
        done?.();
      }
    }
    // The API's language comes from Accept-Language; pages and feeds have it in their path.
    const vary = request.url.startsWith('/api/') ? 'accept-encoding, accept-language' : 'accept-encoding';
    reply.code(response.status).type(response.contentType).header('vary', vary);
    // The tag of the body (the route's `conditional` answers 304 to a client that has it).
    reply.header('etag', response.etag).headers(response.headers ?? {});
    const accepts = String(request.headers['accept-encoding'] ?? '');
    if (response.br && /\bbr\b/.test(accepts))
      return reply.header('content-encoding', 'br').send(response.br);
    if (response.gzip && /\bgzip\b/.test(accepts))
      return reply.header('content-encoding', 'gzip').send(response.gzip);
    // Not kept (the cache is off): compressed here, at once and cheaply, not by the stream compressor.
    const once = response.br || response.gzip ? null : compressOnce(response.body, accepts);
    if (once) return reply.header('content-encoding', once.encoding).send(once.body);
    return reply.send(response.body);
  }

  async function runSearch(request: FastifyRequest, query: JobQuery, facets = true): Promise<SearchResult> {
    try {
      const version = changes.version(request.region.id);
      return await board.search.search(request.region, version, query, request.lang, { facets });
    } catch (error) {
      if (!(error instanceof SearchTimedOut)) throw error;
      request.log.warn({ reqId: request.id, queryLength: query.q.length }, 'search timed out');
      throw new AppError('LOTSA_OVERLOADED', { retryAfter: SEARCH_RETRY_AFTER, detail: error.message });
    }
  }

  /**
   * The search of a page or feed URL, its canonical query string ('' for the plain job list), and
   * whether the URL named a filter value the region does not know (dropped; the page says so).
   */
  async function pageSearch(request: FastifyRequest, params: AnyQuery, paging: boolean) {
    const vocabulary = await queryVocabulary(db, request.region);
    const { query, problems } = parseJobQuery(queryPairs(params), vocabulary, 'page');
    const page = query.offset / PAGE_SIZE + 1;
    const canonical = queryString(queryParams(query, paging ? { page, withPaging: 'page' } : {}));
    const droppedFilter = problems.some((p) => p.reason === 'unknown_value');
    return { query, canonical, droppedFilter };
  }

  /** One ad of the region, open or closed, with the taxonomy's labels; 404 when there is none. */
  async function loadJob(regionId: string, id: string): Promise<{ job: JobDetail; labels: ConceptLabels }> {
    if (!isJobId(id)) throw new AppError('LOTSA_NOT_FOUND');
    const [job, labels] = await Promise.all([findJob(db, regionId, id), conceptLabels(db)]);
    if (!job) throw new AppError('LOTSA_NOT_FOUND');
    return { job, labels };
  }

  return { db, context, render, cached, runSearch, pageSearch, loadJob };
}
