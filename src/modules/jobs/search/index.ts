/**
 * Job search over a region's open ads in PostgreSQL: full text with Swedish stemming and English,
 * compounds from the ads' own vocabulary (lärare also finds förskollärare), "did you mean" from the
 * same vocabulary, filters with facet counts (each facet counted with every filter but its own),
 * and stable sorting and paging.
 *
 * This file runs a search and is what callers import; the parts, by concern: text.ts (free text →
 * tsquery, compounds, synonyms), filters.ts (filters as SQL conditions), facets.ts (facet counts and
 * the facets as shown), suggestions.ts ("did you mean"), labels.ts (taxonomy labels, each filter's
 * accepted values), bounds.ts (statement timeouts), summary.ts (an ad in a result list).
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { parseText, type JobQuery } from '../query.ts';
import { bounded, SEARCH_STATEMENT_TIMEOUT_MS } from './bounds.ts';
import {
  buildFacets,
  FACET_TIME_SLOT_MS,
  facetQuery,
  type FacetCache,
  type FacetRow,
  type Facets,
} from './facets.ts';
import { allBut, conditions } from './filters.ts';
import { conceptLabels } from './labels.ts';
import { suggest } from './suggestions.ts';
import { toSummary, type JobSummary, type SummaryRow } from './summary.ts';
import { buildTsquery, isCommonQuery } from './text.ts';

export { SEARCH_STATEMENT_TIMEOUT_MS, SearchTimedOut } from './bounds.ts';
export { FacetCache, type FacetOption, type FacetRow, type Facets } from './facets.ts';
export { conceptLabels, queryVocabulary, type ConceptLabels } from './labels.ts';
export { editDistance, suggestWord } from './suggestions.ts';
export { toSummary, type JobSummary, type SummaryRow } from './summary.ts';
export { MAX_COMPOUNDS } from './text.ts';

export interface SearchResult {
  total: number;
  items: JobSummary[];
  facets: Facets;
  /** The whole query with misspelt words replaced by words the ads use, or null. */
  suggestion: string | null;
  /** Words of the text left out of the search (past MAX_TEXT_WORDS), 0 for an ordinary search. */
  omittedWords: number;
}

export interface SearchOptions {
  now?: Date;
  /** Skip facet counting (RSS, similar jobs). */
  facets?: boolean;
  /**
   * Facet counts already computed for the same text and filters at the same version of the
   * region's ads (paging and sorting do not change them). Items are always read from the database.
   */
  facetCache?: { cache: FacetCache; version: string };
  /** Per statement (ms); past it the search throws SearchTimedOut. */
  statementTimeoutMs?: number;
}

export async function searchJobs(
  db: Kysely<DB>,
  region: Region,
  query: JobQuery,
  lang: Lang,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const now = options.now ?? new Date();
  const timeoutMs = options.statementTimeoutMs ?? SEARCH_STATEMENT_TIMEOUT_MS;
  const parsed = parseText(query.q);
  const c = conditions(query, now);
  // The text's tsquery, and whether it matches so many ads that the date index finds a page at once.
  const { tsquery, common } = await bounded(db, timeoutMs, async (trx) => {
    const tsquery = await buildTsquery(trx, region.id, parsed);
    const common = tsquery !== '' && (await isCommonQuery(trx, region.id, tsquery, allBut(c, null)));
    return { tsquery, common };
  });
  const hasText = tsquery !== '';
  const textEmpty = parsed.groups.length > 0 && !hasText;
  const base = sql<SqlBool>`region_id = ${region.id}${hasText ? sql` AND search @@ ${tsquery}::tsquery` : sql``}`;

  // Ranking reads the small headline+occupation vector; matching reads the full one.
  const ranked = query.sort === 'relevance' && hasText;
  const rank = ranked ? sql`ts_rank(title, ${tsquery}::tsquery)` : sql`0::real`;
  const orderBy = (t: string) => {
    const col = (name: string) => sql.ref(t ? `${t}.${name}` : name);
    return query.sort === 'deadline'
      ? sql`${col('deadline_at')} ASC NULLS LAST, ${col('published_at')} DESC, ${col('id')} DESC`
      : ranked
        ? sql`${col('r')} DESC, ${col('published_at')} DESC, ${col('id')} DESC`
        : sql`${col('published_at')} DESC, ${col('id')} DESC`;
  };

  // Relevance: ads whose headline or occupation matches the whole query come first, by how well;
  // then the ads that match only in their text, newest first. Each branch stops after the page.
  const upTo = query.offset + query.limit;
  // Newest-first among text matches: for a word most ads use, walking the date index finds a page
  // at once; for a rarer word that walk reads (and unpacks) thousands of vectors, so then the text
  // index's matches are sorted instead (the expression keeps the planner off the date index).
  const sortKey = common ? sql`published_at` : sql`(published_at + interval '0 seconds')`;
  const pageQuery = ranked
    ? sql`SELECT * FROM (
          (SELECT id, ${rank} AS r, published_at, deadline_at FROM job_index
            WHERE ${base} AND title @@ ${tsquery}::tsquery AND ${allBut(c, null)}
            ORDER BY r DESC, published_at DESC, id DESC LIMIT ${upTo})
          UNION ALL
          (SELECT id, 0::real AS r, published_at, deadline_at FROM job_index
            WHERE ${base} AND NOT (title @@ ${tsquery}::tsquery) AND ${allBut(c, null)}
            ORDER BY ${sortKey} DESC, id DESC LIMIT ${upTo})
        ) ranked ORDER BY r DESC, published_at DESC, id DESC LIMIT ${query.limit} OFFSET ${query.offset}`
    : hasText && query.sort !== 'deadline'
      ? sql`SELECT id, 0::real AS r, published_at, deadline_at FROM job_index
          WHERE ${base} AND ${allBut(c, null)}
          ORDER BY ${sortKey} DESC, id DESC LIMIT ${query.limit} OFFSET ${query.offset}`
      : sql`SELECT id, 0::real AS r, published_at, deadline_at FROM job_index
          WHERE ${base} AND ${allBut(c, null)}
          ORDER BY ${orderBy('')} LIMIT ${query.limit} OFFSET ${query.offset}`;
  const itemsPromise = textEmpty
    ? Promise.resolve({ rows: [] as SummaryRow[] })
    : bounded(db, timeoutMs, (trx) =>
        sql<SummaryRow>`SELECT a.id, a.headline, a.employer_name, a.workplace, a.municipality_code, a.occupation_label,
          a.occupation_group_id, a.employment_type_id, a.worktime_extent_id, a.remote, a.published_at,
          a.deadline_at, a.origin
        FROM (${pageQuery}) page
        JOIN job_ads a ON a.region_id = ${region.id} AND a.id = page.id
        ORDER BY ${orderBy('page')}`.execute(trx),
      );

  const wantFacets = options.facets ?? true;
  const cacheKey = options.facetCache
    ? JSON.stringify([
        region.id,
        options.facetCache.version,
        Math.floor(now.getTime() / FACET_TIME_SLOT_MS),
        wantFacets,
        tsquery,
        query.municipality,
        query.occupationField,
        query.occupationGroup,
        query.employmentType,
        query.worktime,
        query.remote,
        query.published,
        query.employer,
      ])
    : '';
  const cachedFacets = options.facetCache?.cache.get(cacheKey);
  const facetPromise = textEmpty
    ? Promise.resolve({ rows: [] as FacetRow[] })
    : cachedFacets
      ? Promise.resolve({ rows: cachedFacets })
      : wantFacets
        ? facetQuery(db, timeoutMs, base, c, query, now)
        : bounded(db, timeoutMs, (trx) =>
            sql<FacetRow>`SELECT 'total' AS facet, NULL AS value, NULL AS label, count(*)::int AS n
          FROM job_index WHERE ${base} AND ${allBut(c, null)}`.execute(trx),
          );

  const [items, facetRows] = await Promise.all([itemsPromise, facetPromise]);
  if (options.facetCache && !cachedFacets && !textEmpty)
    options.facetCache.cache.set(cacheKey, facetRows.rows);
  const total = facetRows.rows.find((r) => r.facet === 'total')?.n ?? 0;
  const labels = await conceptLabels(db);
  const facets = buildFacets(facetRows.rows, query, region, labels, lang);
  const suggestion =
    total < 5 && parsed.groups.length > 0
      ? await bounded(db, timeoutMs, (trx) => suggest(trx, region.id, query.q, parsed))
      : null;
  return { total, items: items.rows.map(toSummary), facets, suggestion, omittedWords: parsed.omitted };
}
