/**
 * The open jobs a path shows: the job board's own search for a text (jobs/service.ts), as the job
 * search page would answer it, a few of them and the count. When the job board is not running in
 * this app, or its search gives up in time, the path shows no jobs rather than failing.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import type { Region } from '../../../platform/region.ts';
import type { JobSummary } from '../../jobs/search/index.ts';
import { searchOpenJobs } from '../../jobs/service.ts';

export interface JobsPreview {
  total: number;
  items: JobSummary[];
  /** The job search page for the same text (after the language prefix). */
  searchPath: string;
}

/** The first `limit` jobs for `text` (every open job when it is empty) and how many there are. */
export async function jobsPreview(
  deps: Pick<ModuleDeps, 'database' | 'logger'>,
  region: Region,
  lang: Lang,
  text: string,
  limit: number,
): Promise<JobsPreview> {
  const q = text.trim().slice(0, 200);
  const searchPath = q ? `/jobs?q=${encodeURIComponent(q)}` : '/jobs';
  try {
    const found = await searchOpenJobs(deps.database, region, lang, q, limit);
    return { total: found?.total ?? 0, items: found?.items.slice(0, limit) ?? [], searchPath };
  } catch (error) {
    deps.logger.warn({ err: error }, 'path jobs: the job search gave up');
    return { total: 0, items: [], searchPath };
  }
}
