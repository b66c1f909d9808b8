/**
 * The job board's routes: the search page and its RSS feed (served from the response cache when
 * warm), job pages (410 with similar jobs once closed), the JSON API (api.ts) and its readable
 * description at /api/docs. Each route's `schema` validates and types its input; pages accept any
 * query string (they read what they know and ignore the rest).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { HTML_CONTENT_TYPE } from '../../platform/html/send.ts';
import { langParam } from '../../platform/http/lang.ts';
import { AnyQuery, LangParams, type App } from '../../platform/http/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { Permission } from '../../platform/permissions.ts';
import { registerJobApiRoutes } from './api.ts';
import { employerPages } from './employers.ts';
import { loadMap } from './map.ts';
import { apiDocsPage } from './openapi.ts';
import { queryParams, queryString } from './query.ts';
import { jobBoardHttp, type JobBoardDeps, type JobBoardHttp } from './respond.ts';
import { similarJobs } from './repository.ts';
import { jobsRss } from './rss.ts';
import { closedJobPage, jobPage, searchPage } from './views.ts';

export { SEARCH_CONCURRENCY, SEARCH_RATE_LIMIT, type JobBoardDeps } from './respond.ts';

const pub = { permission: Permission.Public } as const;

/** A failed read of the employer pages is logged; the page goes out without logos. */
const employersUnread = (request: FastifyRequest) => (err: unknown) =>
  request.log.warn({ reqId: request.id, err }, 'employer pages could not be read');
/**
 * The board's pages and feed are the same for everyone (they never read the session), so their ETag
 * (the body's, platform/http/conditional.ts) is too: 304 to a client whose copy is current.
 */
const board = { ...pub, conditional: true } as const;
const searchSchema = { params: LangParams, querystring: AnyQuery };
const JobPageParams = Type.Object({ lang: Type.String(), id: Type.String() });

/** The search page and its RSS feed. */
function registerBoardRoutes(app: App, http: JobBoardHttp): void {
  app.get('/:lang/jobs', { schema: searchSchema, config: board }, async (request, reply) => {
    langParam(request);
    const { query, canonical, droppedFilter } = await http.pageSearch(request, request.query, true);
    // The employers' company pages (logo and link on their cards) as of now: a page cached with an
    // older set of them is no longer asked for (employers.ts: the set is kept a short while).
    const employers = await employerPages(request.region.id, employersUnread(request));
    // A URL with a dropped filter value shows a note, so it is not the canonical search's entry.
    const key = `jobs${canonical}${droppedFilter ? '|dropped' : ''}|e${employers.version}`;
    return http.cached(request, reply, { key, limited: canonical !== '' }, async () => {
      const result = await http.runSearch(request, query);
      const feedPath = `/jobs.rss${queryString(queryParams(query))}`;
      const map = request.region.countyCode ? loadMap(request.region.countyCode) : null;
      const view = { query, result, map, feedPath, droppedFilter, employers };
      const page = searchPage(http.context(request), view);
      return { body: http.render(request, page), contentType: HTML_CONTENT_TYPE };
    });
  });

  app.get('/:lang/jobs.rss', { schema: searchSchema, config: board }, async (request, reply) => {
    langParam(request);
    const { query, canonical } = await http.pageSearch(request, request.query, false);
    return http.cached(request, reply, { key: `rss${canonical}`, limited: canonical !== '' }, async () => {
      const feed = { ...query, sort: 'newest' as const, offset: 0, limit: 50 };
      const result = await http.runSearch(request, feed, false);
      return {
        body: jobsRss(http.context(request), query, result.items),
        contentType: 'application/rss+xml; charset=utf-8',
      };
    });
  });
}

/**
 * A job's page; a closed job's page answers 410 and lists similar open jobs. Its query string is the
 * search it was reached from (the search page's parameters, read as the search page reads them),
 * written back only as parsed into the "Tillbaka till sökningen" link.
 */
function registerJobPageRoute(app: App, http: JobBoardHttp): void {
  const schema = { params: JobPageParams, querystring: AnyQuery };
  app.get('/:lang/jobs/:id', { schema, config: board }, async (request, reply) => {
    langParam(request);
    const { job, labels } = await http.loadJob(request.region.id, request.params.id);
    const search = await http.pageSearch(request, request.query, true);
    const from = search.canonical ? { state: search.canonical, query: search.query } : undefined;
    const [similar, employers] = await Promise.all([
      similarJobs(http.db, request.region.id, job, job.status === 'open' ? 5 : 8),
      employerPages(request.region.id, employersUnread(request)),
    ]);
    if (job.status === 'closed') {
      return reply.page(closedJobPage(http.context(request), job, similar), {
        status: 410,
        cache: 'no-cache',
      });
    }
    // A generated demo ad is kept out of search engines (the page says noindex too).
    if (job.generated) reply.header('x-robots-tag', 'noindex');
    const view = { job, similar, labels, from, employers };
    return reply.page(jobPage(http.context(request), view), { cache: 'no-cache' });
  });
}

export function registerJobRoutes(app: App, deps: ModuleDeps, board: JobBoardDeps): void {
  const http = jobBoardHttp(deps, board);
  registerBoardRoutes(app, http);
  registerJobPageRoute(app, http);
  registerJobApiRoutes(app, http);
  app.get('/api/docs', { config: pub }, async (request, reply) =>
    reply.page(apiDocsPage(http.context(request), deps.openApi)),
  );
}
