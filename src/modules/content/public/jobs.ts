/**
 * The open jobs a path (and the home page) shows: the job board's search for a text, as the job
 * search page would answer it, a few of them and the count.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { EMPTY_QUERY } from '../../jobs/query.ts';
import { JobSearch, type JobSummary } from '../../jobs/search/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { jobAdsVersion } from './repository.ts';

export interface JobsPreview {
  total: number;
  items: JobSummary[];
  /** The job search page for the same text (after the language prefix). */
  searchPath: string;
}

/** The job search the public content pages use, one per app. */
export class ContentJobs {
  private readonly search: JobSearch;

  constructor(
    private readonly db: Kysely<DB>,
    options: { cacheSize: number; logger?: Logger },
  ) {
    this.search = new JobSearch(db, options);
  }

  /** The first `limit` jobs for `text` (every open job when it is empty) and how many there are. */
  async preview(region: Region, lang: Lang, text: string, limit: number): Promise<JobsPreview> {
    const version = await jobAdsVersion(this.db, region.id);
    const q = text.trim().slice(0, 200);
    const result = await this.search.search(region, version, { ...EMPTY_QUERY, q, limit }, lang, {
      facets: false,
    });
    return {
      total: result.total,
      items: result.items.slice(0, limit),
      searchPath: q ? `/jobs?q=${encodeURIComponent(q)}` : '/jobs',
    };
  }
}

const perDatabase = new WeakMap<object, ContentJobs>();

/** The app's ContentJobs (one per database: the renderers get only the module's deps). */
export function contentJobs(deps: Pick<ModuleDeps, 'database' | 'config' | 'logger'>): ContentJobs {
  let jobs = perDatabase.get(deps.database);
  if (!jobs) {
    jobs = new ContentJobs(deps.database.db, { cacheSize: deps.config.jobCacheSize, logger: deps.logger });
    perDatabase.set(deps.database, jobs);
  }
  return jobs;
}
