/**
 * The job board's routes: the search page, job pages (410 with similar jobs once closed), the RSS
 * feed of a search, the JSON API (`/api/v1/jobs`, `/api/v1/jobs/{id}`) and its OpenAPI description.
 * Search pages, API lists and feeds are served from the response cache when it is warm.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleDeps } from '../../platform/module.ts';
import { AppError } from '../../platform/errors.ts';
import { localPath, renderPage, type Page, type PageContext } from '../../platform/html/layout.ts';
import { clientKey, ConcurrencyLimit, type RateLimitRule } from '../../platform/http/rate-limit.ts';
import { siteOrigin } from '../../platform/http/origin.ts';
import { HTML_CONTENT_TYPE, pageContext } from '../../platform/html/send.ts';
import { Permission } from '../../platform/permissions.ts';
import type { ResponseCache } from './cache.ts';
import type { JobChanges } from './changes.ts';
import { loadMap } from './map.ts';
import { apiDocsPage } from './openapi.ts';
import {
  PAGE_SIZE,
  parseJobQuery,
  queryParams,
  queryString,
  type JobQuery,
  type QueryProblem,
} from './query.ts';
import { findJob, isJobId, similarJobs, type JobDetail } from './repository.ts';
import { jobsRss } from './rss.ts';
import {
  conceptLabels,
  FacetCache,
  queryVocabulary,
  searchJobs,
  SearchTimedOut,
  type ConceptLabels,
  type JobSummary,
  type SearchResult,
} from './search.ts';
import { closedJobPage, jobPage, jobPath, safeUrl, searchPage } from './views.ts';
import { sanitizeDescription } from './sanitize.ts';
import { langParam } from '../../platform/http/lang.ts';

const pub = { permission: Permission.Public } as const;

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
}

function searchParams(request: FastifyRequest): Iterable<[string, string]> {
  const at = request.url.indexOf('?');
  return at === -1 ? [] : new URLSearchParams(request.url.slice(at + 1));
}

function problemsError(problems: QueryProblem[]): AppError {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.param] ??= `${p.reason}: ${p.value.slice(0, 80)}`;
  return new AppError('LOTSA_BAD_REQUEST', {
    detail: problems.map((p) => `${p.param}=${p.value.slice(0, 80)} (${p.reason})`).join('; '),
    fields,
  });
}

export function registerJobRoutes(app: FastifyInstance, deps: ModuleDeps, board: JobBoardDeps): void {
  const { site, database } = deps;
  const db = database.db;
  const { cache, changes } = board;
  const context = (request: FastifyRequest): PageContext => pageContext(request, site);
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
   */
  async function cached(
    request: FastifyRequest,
    reply: FastifyReply,
    what: { key: string; limited: boolean; running?: boolean },
    produce: () => Promise<{ body: string; contentType: string; status?: number }>,
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
        });
      } finally {
        done?.();
      }
    }
    reply.code(response.status).type(response.contentType).header('vary', 'accept-encoding');
    const accepts = String(request.headers['accept-encoding'] ?? '');
    if (response.br && /\bbr\b/.test(accepts))
      return reply.header('content-encoding', 'br').send(response.br);
    if (response.gzip && /\bgzip\b/.test(accepts))
      return reply.header('content-encoding', 'gzip').send(response.gzip);
    return reply.send(response.body);
  }

  const facetCache = new FacetCache(1000);
  async function runSearch(request: FastifyRequest, query: JobQuery, facets = true): Promise<SearchResult> {
    try {
      return await searchJobs(db, request.region, query, request.lang, {
        facets,
        facetCache: { cache: facetCache, version: changes.version(request.region.id) },
      });
    } catch (error) {
      if (!(error instanceof SearchTimedOut)) throw error;
      request.log.warn({ reqId: request.id, queryLength: query.q.length }, 'search timed out');
      throw new AppError('LOTSA_OVERLOADED', { retryAfter: SEARCH_RETRY_AFTER, detail: error.message });
    }
  }

  /** The search of a page or feed URL, and its canonical query string ('' for the plain job list). */
  async function pageSearch(request: FastifyRequest, paging: boolean) {
    const vocabulary = await queryVocabulary(db, request.region);
    const { query } = parseJobQuery(searchParams(request), vocabulary, 'page');
    const page = query.offset / PAGE_SIZE + 1;
    const canonical = queryString(queryParams(query, paging ? { page, withPaging: 'page' } : {}));
    return { query, canonical };
  }

  // ---- Pages

  app.get('/:lang/jobs', { config: pub }, async (request, reply) => {
    langParam(request);
    const { query, canonical } = await pageSearch(request, true);
    return cached(request, reply, { key: `jobs${canonical}`, limited: canonical !== '' }, async () => {
      const result = await runSearch(request, query);
      const feedPath = `/jobs.rss${queryString(queryParams(query))}`;
      const map = request.region.countyCode ? loadMap(request.region.countyCode) : null;
      const page = searchPage(context(request), { query, result, map, feedPath });
      return { body: render(request, page), contentType: HTML_CONTENT_TYPE };
    });
  });

  app.get('/:lang/jobs.rss', { config: pub }, async (request, reply) => {
    langParam(request);
    const { query, canonical } = await pageSearch(request, false);
    return cached(request, reply, { key: `rss${canonical}`, limited: canonical !== '' }, async () => {
      const result = await runSearch(request, { ...query, sort: 'newest', offset: 0, limit: 50 }, false);
      const body = jobsRss(context(request), query, result.items);
      return { body, contentType: 'application/rss+xml; charset=utf-8' };
    });
  });

  const loadJob = async (request: FastifyRequest): Promise<{ job: JobDetail; labels: ConceptLabels }> => {
    const { id } = request.params as { id: string };
    if (!isJobId(id)) throw new AppError('LOTSA_NOT_FOUND');
    const [job, labels] = await Promise.all([findJob(db, request.region.id, id), conceptLabels(db)]);
    if (!job) throw new AppError('LOTSA_NOT_FOUND');
    return { job, labels };
  };

  app.get('/:lang/jobs/:id', { config: pub }, async (request, reply) => {
    langParam(request);
    const { job, labels } = await loadJob(request);
    const similar = await similarJobs(db, request.region.id, job, job.status === 'open' ? 5 : 8);
    if (job.status === 'closed') {
      return reply.page(closedJobPage(context(request), job, similar), { status: 410, cache: 'no-cache' });
    }
    return reply.page(jobPage(context(request), { job, similar, labels }), { cache: 'no-cache' });
  });

  // ---- JSON API

  const apiItem = (request: FastifyRequest, origin: string) => {
    const lang = request.lang;
    return (job: JobSummary) => {
      const municipality = request.region.municipalities.find((m) => m.code === job.municipalityCode);
      return {
        id: job.id,
        headline: job.headline,
        employer: { name: job.employerName, workplace: job.workplace },
        municipality: municipality
          ? { code: municipality.code, name: municipality.shortName }
          : { code: job.municipalityCode, name: null },
        occupation: { label: job.occupationLabel, group_id: job.occupationGroupId },
        employment_type_id: job.employmentTypeId,
        worktime_id: job.worktimeId,
        remote: job.remote,
        published_at: job.publishedAt.toISOString(),
        deadline_at: job.deadlineAt?.toISOString() ?? null,
        generated: job.generated,
        url: origin + localPath(lang, jobPath(job.id)),
      };
    };
  };

  const api = { ...pub, rateLimit: { name: 'api', max: 1200, windowSeconds: 60 } };

  app.get('/api/v1/jobs', { config: api }, async (request, reply) => {
    const vocabulary = await queryVocabulary(db, request.region);
    const { query, problems } = parseJobQuery(searchParams(request), vocabulary, 'api');
    if (problems.length) throw problemsError(problems);
    // Programs have the route's own limit (every request counts), and the running searches' limit.
    const canonical = queryString(queryParams(query, { withPaging: 'api' }));
    const what = { key: `api${canonical}`, limited: false, running: canonical !== '' };
    return cached(request, reply, what, async () => {
      const result = await runSearch(request, query);
      const origin = siteOrigin(request);
      const facet = (options: SearchResult['facets'][keyof SearchResult['facets']]) =>
        options.map((o) => ({ value: o.value, label: o.label, count: o.count, selected: o.selected }));
      const body = {
        total: result.total,
        offset: query.offset,
        limit: query.limit,
        suggestion: result.suggestion,
        facets: {
          municipality: facet(result.facets.municipality),
          occupation_field: facet(result.facets.occupationField),
          occupation_group: facet(result.facets.occupationGroup),
          employment_type: facet(result.facets.employmentType),
          worktime: facet(result.facets.worktime),
          remote: result.facets.remote.map((o) => ({ value: o.value, count: o.count, selected: o.selected })),
          published: result.facets.published.map((o) => ({
            value: o.value,
            count: o.count,
            selected: o.selected,
          })),
          employer: facet(result.facets.employer),
        },
        items: result.items.map(apiItem(request, origin)),
      };
      return { body: JSON.stringify(body), contentType: 'application/json; charset=utf-8' };
    });
  });

  app.get('/api/v1/jobs/:id', { config: api }, async (request, reply) => {
    const { job, labels } = await loadJob(request);
    if (job.status === 'closed')
      throw new AppError('LOTSA_GONE', { detail: `job ${job.id} is ${job.closedReason}` });
    const origin = siteOrigin(request);
    const lang = request.lang;
    const label = (id: string | null) => (id ? { id, label: labels.label(id, lang)?.text ?? null } : null);
    const details = job.raw.application_details ?? {};
    return reply.header('cache-control', 'no-cache').send({
      ...apiItem(request, origin)(job),
      status: job.status,
      employer: { name: job.employerName, workplace: job.workplace, organization_number: job.employerOrgnr },
      occupation: {
        id: job.occupationId,
        label: job.occupationLabel,
        group: { id: job.occupationGroupId, label: job.occupationGroupLabel },
        field: { id: job.occupationFieldId, label: job.occupationFieldLabel },
      },
      employment_type: label(job.employmentTypeId),
      worktime: label(job.worktimeId),
      salary_type: label(job.salaryTypeId),
      salary_description: job.raw.salary_description ?? null,
      duration: label(job.durationId),
      vacancies: job.vacancies,
      language: job.lang,
      description_html: sanitizeDescription(job.raw.description?.text_formatted, job.raw.description?.text),
      apply: {
        url: safeUrl(details.url),
        email: details.email ?? null,
        reference: details.reference ?? null,
        platsbanken_url: job.generated ? null : safeUrl(job.raw.webpage_url),
      },
      updated_at: job.updatedAt.toISOString(),
    });
  });

  app.get('/api/docs', { config: pub }, async (request, reply) =>
    reply.page(apiDocsPage(context(request), deps.openApi)),
  );
}
