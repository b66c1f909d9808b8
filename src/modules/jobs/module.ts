/**
 * The job board: search, job pages, RSS, the job API; the JobStream ingestion tasks; the taxonomy
 * and demo ads as seed; employers' own ads (own/: the back-office under /admin/jobs and the task
 * that closes them at their deadline). Its state per app is the change listener (LISTEN
 * lotsa_jobs) and the response cache that listener invalidates.
 */
import { SectionOrder } from '../../platform/html/layout.ts';
import { defineModule } from '../../platform/module.ts';
import { ResponseCache } from './cache.ts';
import { JobChanges } from './changes.ts';
import { registerJobBoardTasks } from './ingest/tasks.ts';
import { messages } from './messages.ts';
import { isCanonicalHere } from './canonical.ts';
import { countSitemapJobs, sitemapJobs } from './repository.ts';
import { registerJobRoutes } from './routes.ts';
import { seedJobBoard } from './seed.ts';
import { jobPath } from './views.ts';
import { jobsOpenApi } from './api-schema.ts';
import { JobSearch } from './search/index.ts';
import { registerJobBoardSearch } from './service.ts';
import type { Database } from '../../platform/db/index.ts';
import { Permission } from '../../platform/permissions.ts';
import { ownJobAuditGroups, ownJobAuditSentences } from './own/audit-sentences.ts';
import { companyOrOrganisationName } from './own/employer.ts';
import { ownJobMessages } from './own/messages.ts';
import { registerOwnJobRoutes } from './own/routes.ts';
import { registerOwnJobTasks } from './own/tasks.ts';
import { OWN_JOBS_PATH } from './own/views.ts';

/** The job board's state in one app. */
export interface JobBoardState {
  changes: JobChanges;
  cache: ResponseCache;
  /** The search, with each region's ads in memory. */
  search: JobSearch;
  database: Database;
}

export const jobBoardModule = defineModule<JobBoardState>({
  name: 'jobs',
  async seed(db, { demo, logger }) {
    await seedJobBoard(db, { demo, logger });
  },
  tasks: (queue, { database, config }) => {
    registerJobBoardTasks(queue, database, config);
    registerOwnJobTasks(queue, database.db);
  },
  async start({ database, logger, config }) {
    const changes = new JobChanges(database.pool, logger);
    const cache = new ResponseCache(changes, config.jobCacheSize);
    await changes.start();
    const search = new JobSearch(database.db, { cacheSize: config.jobCacheSize, logger });
    registerJobBoardSearch(database, { changes, search });
    return { changes, cache, search, database };
  },
  close: ({ changes }) => changes.stop(),
  navigation: [
    {
      path: '/jobs',
      label: (lang) => messages.t(lang, 'nav.jobs'),
      order: SectionOrder.jobs,
      footer: 'work',
    },
  ],
  // The job board itself, then the open jobs whose page here is the canonical one: not demo ads,
  // not ads mirrored from Platsbanken (their canonical page is there). The site caches answers per
  // `version`.
  sitemap: {
    version: (region, { changes }) => changes.version(region.id),
    count: async (region, { database }) => 1 + (await countSitemapJobs(database.db, region.id)),
    async *entries(region, { database }, offset, limit) {
      if (offset === 0 && limit > 0) yield { path: '/jobs', languages: ['sv', 'en'] as const };
      const from = Math.max(0, offset - 1);
      const rows = offset === 0 ? limit - 1 : limit;
      if (rows <= 0) return;
      for await (const job of sitemapJobs(database.db, region.id, from, rows)) {
        if (!isCanonicalHere({ generated: false, webpageUrl: job.webpageUrl })) continue;
        yield { path: jobPath(job.id), languages: ['sv', 'en'] as const, lastModified: job.updatedAt };
      }
    },
  },
  adminNavigation: [
    {
      path: OWN_JOBS_PATH,
      label: (lang) => ownJobMessages.t(lang, 'nav.ownJobs'),
      permission: Permission.JobAdsManage,
      // After the back-office home and identity's items (an employer's members, audit trail).
      order: 5,
    },
  ],
  auditSentences: ownJobAuditSentences,
  auditGroups: ownJobAuditGroups,
  openApi: () => jobsOpenApi,
  routes: (app, deps, state) => {
    registerJobRoutes(app, deps, state);
    registerOwnJobRoutes(app, {
      db: deps.database.db,
      employerName: companyOrOrganisationName,
      changed: (regionId) => state.changes.changed(regionId),
      rateLimiter: deps.rateLimiter,
    });
  },
});
