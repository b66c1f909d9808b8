/**
 * The job board: search, job pages, RSS, the job API; the JobStream ingestion tasks; the taxonomy
 * and demo ads as seed. Its state per app is the change listener (LISTEN lotsa_jobs) and the
 * response cache that listener invalidates.
 */
import type { SitemapEntry } from '../../platform/html/layout.ts';
import { defineModule } from '../../platform/module.ts';
import { ResponseCache } from './cache.ts';
import { JobChanges } from './changes.ts';
import { registerJobBoardTasks } from './ingest/tasks.ts';
import { messages } from './messages.ts';
import { openJobsForSitemap } from './repository.ts';
import { registerJobRoutes } from './routes.ts';
import { seedJobBoard } from './seed.ts';
import { jobPath } from './views.ts';
import { jobsOpenApi } from './api-schema.ts';
import { JobSearch } from './search/index.ts';
import type { Database } from '../../platform/db/index.ts';

/** The job board's state in one app. */
export interface JobBoardState {
  changes: JobChanges;
  cache: ResponseCache;
  /** The search, with each region's ads in memory. */
  search: JobSearch;
  /** Each region's sitemap list, kept for the version of its ads it was read at. */
  sitemapLists: Map<string, { version: string; list: Promise<SitemapEntry[]> }>;
  database: Database;
}

export const jobBoardModule = defineModule<JobBoardState>({
  name: 'jobs',
  async seed(db, { demo, logger }) {
    await seedJobBoard(db, { demo, logger });
  },
  tasks: (queue, { database, config }) => registerJobBoardTasks(queue, database, config),
  async start({ database, logger, config }) {
    const changes = new JobChanges(database.pool, logger);
    const cache = new ResponseCache(changes, config.jobCacheSize);
    await changes.start();
    const search = new JobSearch(database.db, { cacheSize: config.jobCacheSize, logger });
    return { changes, cache, search, sitemapLists: new Map(), database };
  },
  close: ({ changes }) => changes.stop(),
  navigation: [{ path: '/jobs', label: (lang) => messages.t(lang, 'nav.jobs') }],
  // The sitemap's job list depends only on the region's ads: read once per version of them, not on
  // every request for sitemap.xml (20,000 rows each), whatever host it is asked on.
  sitemap(region, { changes, sitemapLists, database }) {
    const version = changes.version(region.id);
    const known = sitemapLists.get(region.id);
    if (known?.version === version) return known.list;
    const list = openJobsForSitemap(database.db, region.id, 20_000).then((jobs) =>
      jobs.map((j) => ({ path: jobPath(j.id), languages: ['sv', 'en'] as const, lastModified: j.updatedAt })),
    );
    sitemapLists.set(region.id, { version, list });
    list.catch(() => {
      if (sitemapLists.get(region.id)?.list === list) sitemapLists.delete(region.id);
    });
    return list;
  },
  openApi: () => jobsOpenApi,
  routes: registerJobRoutes,
});
