/**
 * The job board's search for other modules (the site search's jobs group, a place page's open
 * jobs): the app's own JobSearch, with the region's ads in memory and kept current by the board's
 * change listener. The board registers its state when it starts; other modules ask by the app's
 * database, so no module reaches into another's state.
 */
import type { Database } from '../../platform/db/index.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Region } from '../../platform/region.ts';
import type { JobChanges } from './changes.ts';
import { EMPTY_QUERY } from './query.ts';
import type { JobSearch, JobSummary } from './search/index.ts';

const boards = new WeakMap<Database, { changes: JobChanges; search: JobSearch }>();

/** Called by the job board's start: its search answers for this database from now on. */
export function registerJobBoardSearch(
  database: Database,
  board: { changes: JobChanges; search: JobSearch },
) {
  boards.set(database, board);
}

export interface OpenJobs {
  total: number;
  items: JobSummary[];
  /** The text that was searched when the typed one found nothing (its spelling corrected). */
  searched: string;
}

/**
 * The first `limit` open jobs the job board's search finds for `text` (as /:lang/jobs?q=text ranks
 * them), or undefined when the job board is not running in this app. Throws SearchTimedOut.
 */
export async function searchOpenJobs(
  database: Database,
  region: Region,
  lang: Lang,
  text: string,
  limit: number,
  options: { correct?: boolean } = {},
): Promise<OpenJobs | undefined> {
  const board = boards.get(database);
  if (!board) return undefined;
  const version = board.changes.version(region.id);
  const query = { ...EMPTY_QUERY, q: text, limit };
  const result = await board.search.search(region, version, query, lang, { ...options, facets: false });
  return { total: result.total, items: result.items, searched: result.corrected?.searched ?? text };
}
