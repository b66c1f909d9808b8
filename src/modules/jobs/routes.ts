/**
 * The job board's routes: the search page and its RSS feed (served from the response cache when
 * warm), job pages (410 with similar jobs once closed), the JSON API (api.ts) and its readable
 * description at /api/docs. Each route's `schema` validates and types its input; pages accept any
 * query string (they read what they know and ignore the rest).
 */
import { Type } from '@sinclair/typebox';
import { HTML_CONTENT_TYPE } from '../../platform/html/send.ts';
import { langParam } from '../../platform/http/lang.ts';
import { AnyQuery, LangParams, type App } from '../../platform/http/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { Permission } from '../../platform/permissions.ts';
import { registerJobApiRoutes } from './api.ts';
import { loadMap } from './map.ts';
import { apiDocsPage } from './openapi.ts';
import { queryParams, queryString } from './query.ts';
import { jobBoardHttp, type JobBoardDeps, type JobBoardHttp } from './respond.ts';
import { similarJobs } from './repository.ts';
import { jobsRss } from './rss.ts';
import { closedJobPage, jobPage, searchPage } from './views.ts';

export { SEARCH_CONCURRENCY, SEARCH_RATE_LIMIT, type JobBoardDeps } from './respond.ts';

const pub = { permission: Permission.Public } as const;
const searchSchema = { params: LangParams, querystring: AnyQuery };
const JobPageParams = Type.Object({ lang: Type.String(), id: Type.String() });

/** The search page and its RSS feed. */
function registerBoardRoutes(app: App, http: JobBoardHttp): void {
  app.get('/:lang/jobs', { schema: searchSchema, config: pub }, async (request, reply) => {
    langParam(request);
    const { query, canonical, droppedFilter } = await http.pageSearch(request, request.query, true);
    // A URL with a dropped filter value shows a note, so it is not the canonical search's entry.
    const key = `jobs${canonical}${droppedFilter ? '|dropped' : ''}`;
    return http.cached(request, reply, { key, limited: canonical !== '' }, async () => {
      const result = await http.runSearch(request, query);
      const feedPath = `/jobs.rss${queryString(queryParams(query))}`;
      const map = request.region.countyCode ? loadMap(request.region.countyCode) : null;
      const page = searchPage(http.context(request), { query, result, map, feedPath, droppedFilter });
      return { body: http.render(request, page), contentType: HTML_CONTENT_TYPE };
    });
  });

  app.get('/:lang/jobs.rss', { schema: searchSchema, config: pub }, async (request, reply) => {
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
  app.get('/:lang/jobs/:id', { schema, config: pub }, async (request, reply) => {
    langParam(request);
    const { job, labels } = await http.loadJob(request.region.id, request.params.id);
    const search = await http.pageSearch(request, request.query, true);
    const from = search.canonical ? { state: search.canonical, query: search.query } : undefined;
    const similar = await similarJobs(http.db, request.region.id, job, job.status === 'open' ? 5 : 8);
    if (job.status === 'closed') {
      return reply.page(closedJobPage(http.context(request), job, similar), {
        status: 410,
        cache: 'no-cache',
      });
    }
    // A generated demo ad is kept out of search engines (the page says noindex too).
    if (job.generated) reply.header('x-robots-tag', 'noindex');
    return reply.page(jobPage(http.context(request), { job, similar, labels, from }), { cache: 'no-cache' });
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
