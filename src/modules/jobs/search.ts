/**
 * Job search over a region's open ads in PostgreSQL: full text with Swedish stemming and English,
 * compounds from the ads' own vocabulary (lärare also finds förskollärare), "did you mean" from the
 * same vocabulary, filters with facet counts (each facet counted with every filter but its own),
 * and stable sorting and paging.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Region } from '../../platform/region.ts';
import {
  parseText,
  PUBLISHED_WITHIN,
  type JobQuery,
  type ParsedText,
  type PublishedWithin,
  type QueryVocabulary,
  type TextTerm,
} from './query.ts';
import { Lru } from './cache.ts';
import { englishSynonyms } from './synonyms.ts';
import { fold } from './words.ts';

export interface JobSummary {
  id: string;
  headline: string;
  employerName: string;
  workplace: string | null;
  municipalityCode: string | null;
  occupationLabel: string;
  occupationGroupId: string | null;
  employmentTypeId: string | null;
  worktimeId: string | null;
  remote: boolean;
  publishedAt: Date;
  deadlineAt: Date | null;
  generated: boolean;
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  /** Language of the label when it differs from the page's (taxonomy labels are Swedish). */
  lang?: Lang;
}

export interface Facets {
  municipality: FacetOption[];
  occupationField: FacetOption[];
  occupationGroup: FacetOption[];
  employmentType: FacetOption[];
  worktime: FacetOption[];
  remote: FacetOption[];
  published: FacetOption[];
  employer: FacetOption[];
}

export interface SearchResult {
  total: number;
  items: JobSummary[];
  facets: Facets;
  /** The whole query with misspelt words replaced by words the ads use, or null. */
  suggestion: string | null;
  /** Words of the text left out of the search (past MAX_TEXT_WORDS), 0 for an ordinary search. */
  omittedWords: number;
}

/**
 * Each statement of a search may take this long (ms) before PostgreSQL cancels it. An ordinary search's
 * slowest statement takes a tenth of a second on the 100k-ad bench database (docs/BENCHMARKS.md);
 * one that runs for seconds holds a connection others need and is better answered with "try again".
 */
export const SEARCH_STATEMENT_TIMEOUT_MS = 2000;

/** A statement of the search ran past its timeout (or the database cancelled it). */
export class SearchTimedOut extends Error {
  constructor() {
    super('search statement timed out');
    this.name = 'SearchTimedOut';
  }
}

/**
 * Runs `run` in a transaction whose statements PostgreSQL cancels after `timeoutMs` (SET LOCAL, so
 * the pooled connection keeps its own settings), with `settings` applied the same way.
 */
async function bounded<T>(
  db: Kysely<DB>,
  timeoutMs: number,
  run: (trx: Kysely<DB>) => Promise<T>,
  settings: Record<string, string> = {},
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const all = { statement_timeout: String(timeoutMs), ...settings };
      const set = Object.entries(all).map(([name, value]) => sql`set_config(${name}, ${value}, true)`);
      await sql`SELECT ${sql.join(set)}`.execute(trx);
      return run(trx);
    });
  } catch (error) {
    // 57014 query_canceled: the statement timeout (or a cancel request).
    if ((error as { code?: unknown } | null)?.code === '57014') throw new SearchTimedOut();
    throw error;
  }
}

/** Taxonomy labels for what the board filters on, from `taxonomy_concepts`. */
export interface ConceptLabels {
  label(conceptId: string, lang: Lang): { text: string; lang: Lang } | undefined;
  byType(type: string): string[];
}

const LABEL_TYPES = [
  'occupation-field',
  'ssyk-level-4',
  'employment-type',
  'worktime-extent',
  'salary-type',
  'employment-duration',
];

const labelsCache = new WeakMap<Kysely<DB>, Promise<ConceptLabels>>();

/** Loaded once per process: the taxonomy changes only when the app is seeded. */
export function conceptLabels(db: Kysely<DB>): Promise<ConceptLabels> {
  const cached = labelsCache.get(db);
  if (cached) return cached;
  const loading = (async (): Promise<ConceptLabels> => {
    const rows = await db
      .selectFrom('taxonomy_concepts')
      .select(['concept_id', 'type', 'label', 'label_en'])
      .where('type', 'in', LABEL_TYPES)
      .execute();
    const byId = new Map(rows.map((r) => [r.concept_id, r]));
    const types = new Map<string, string[]>();
    for (const r of rows) {
      const list = types.get(r.type) ?? [];
      list.push(r.concept_id);
      types.set(r.type, list);
    }
    return {
      label(conceptId: string, lang: Lang) {
        const row = byId.get(conceptId);
        if (!row) return undefined;
        if (lang === 'en' && row.label_en) return { text: row.label_en, lang: 'en' as const };
        return { text: row.label, lang: 'sv' as const };
      },
      byType: (type: string) => types.get(type) ?? [],
    };
  })().catch((error: unknown) => {
    labelsCache.delete(db);
    throw error;
  });
  labelsCache.set(db, loading);
  return loading;
}

const vocabularies = new WeakMap<Region, { labels: ConceptLabels; vocabulary: QueryVocabulary }>();

/**
 * The values each filter accepts in this region: its municipalities and the taxonomy's concepts.
 * Built once per region object (the directory replaces it when the region changes), not per request.
 */
export async function queryVocabulary(db: Kysely<DB>, region: Region): Promise<QueryVocabulary> {
  const labels = await conceptLabels(db);
  const known = vocabularies.get(region);
  if (known?.labels === labels) return known.vocabulary;
  const vocabulary: QueryVocabulary = {
    municipalities: new Set(region.municipalities.map((m) => m.code)),
    occupationFields: new Set(labels.byType('occupation-field')),
    occupationGroups: new Set(labels.byType('ssyk-level-4')),
    employmentTypes: new Set(labels.byType('employment-type')),
    worktimes: new Set(labels.byType('worktime-extent')),
  };
  vocabularies.set(region, { labels, vocabulary });
  return vocabulary;
}

// ---------------------------------------------------------------------------------------------
// Free text → tsquery

const COMPOUND_LIMIT = 40;
/**
 * Compounds of all the text's words together: up to COMPOUND_LIMIT for each of three words, fewer
 * each (the most used first) when more words share them. Every compound is one more lexeme to look up
 * in the text index and to test each candidate ad against.
 */
export const MAX_COMPOUNDS = 3 * COMPOUND_LIMIT;
const MIN_COMPOUND_BASE = 4;

/** Words of the region's ads that end in `word` (Swedish compounds put the head last). */
async function compoundsOf(
  db: Kysely<DB>,
  regionId: string,
  words: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const wanted = [...new Set(words.filter((w) => w.length >= MIN_COMPOUND_BASE && /^\p{L}+$/u.test(w)))];
  if (wanted.length === 0) return out;
  const each = Math.min(COMPOUND_LIMIT, Math.floor(MAX_COMPOUNDS / wanted.length));
  const parts = wanted.map(
    (w) => sql<{ base: string; word: string }>`(SELECT ${w}::text AS base, word FROM job_search_words
      WHERE region_id = ${regionId} AND reverse(word) LIKE ${[...w].reverse().join('') + '%'}
        AND word <> ${w}
      ORDER BY ads DESC, word LIMIT ${each})`,
  );
  const { rows } = await sql<{ base: string; word: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(
    db,
  );
  for (const row of rows) {
    const list = out.get(row.base) ?? [];
    list.push(row.word);
    out.set(row.base, list);
  }
  return out;
}

type Tsq = RawBuilder<unknown>;

function termQuery(term: TextTerm, compounds: Map<string, string[]>, expand: boolean): Tsq {
  if (term.words.length > 1) {
    const phrase = term.words.join(' ');
    return sql`(phraseto_tsquery('swedish', ${phrase}) || phraseto_tsquery('english', ${phrase}))`;
  }
  const word = term.words[0] as string;
  const alternatives = expand ? [...(compounds.get(word) ?? []), ...englishSynonyms(word)] : [];
  const extra = alternatives.filter((w) => /^[\p{L} ]+$/u.test(w));
  const base = sql`(plainto_tsquery('swedish', ${word}) || plainto_tsquery('english', ${word})`;
  if (extra.length === 0) return sql`${base})`;
  const ors = extra.map((w) => sql`plainto_tsquery('swedish', ${w})`);
  return sql`${base} || ${sql.join(ors, sql` || `)})`;
}

/** The text query as a tsquery string, or '' when nothing searchable is left (only stop words). */
async function buildTsquery(db: Kysely<DB>, regionId: string, parsed: ParsedText): Promise<string> {
  if (parsed.groups.length === 0) return '';
  const single = parsed.groups.flat().filter((t) => t.words.length === 1);
  const compounds = await compoundsOf(
    db,
    regionId,
    single.map((t) => t.words[0] as string),
  );
  const groups = parsed.groups.map((group) => {
    const terms = group.map((t) => termQuery(t, compounds, true));
    return terms.length === 1 ? (terms[0] as Tsq) : sql`(${sql.join(terms, sql` || `)})`;
  });
  let query = sql`${sql.join(groups, sql` && `)}`;
  for (const term of parsed.exclude) query = sql`${query} && !!${termQuery(term, compounds, false)}`;
  const { rows } = await sql<{
    q: string;
    n: number;
  }>`SELECT (${query})::text AS q, numnode(${query}) AS n`.execute(db);
  const row = rows[0];
  return row && row.n > 0 ? row.q : '';
}

/** Whether PostgreSQL expects the text and filters to match more than a fifth of the open ads. */
async function isCommonQuery(
  db: Kysely<DB>,
  regionId: string,
  tsquery: string,
  filters: Condition,
): Promise<boolean> {
  // Two independent reads: ask for both at once.
  const [plan, size] = await Promise.all([
    sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`EXPLAIN (FORMAT JSON)
      SELECT 1 FROM job_index WHERE region_id = ${regionId} AND search @@ ${tsquery}::tsquery AND ${filters}`.execute(
      db,
    ),
    sql<{ n: number }>`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'job_index'::regclass`.execute(
      db,
    ),
  ]);
  const estimate = plan.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0;
  const all = size.rows;
  return estimate > 0.2 * Math.max(1, all[0]?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Filters

type Condition = RawBuilder<SqlBool>;
const TRUE = sql<SqlBool>`true`;

const DAY_MS = 86_400_000;

interface Conditions {
  municipality: Condition;
  occupationField: Condition;
  occupationGroup: Condition;
  employmentType: Condition;
  worktime: Condition;
  remote: Condition;
  published: Condition;
  employer: Condition;
}

function since(days: PublishedWithin, now: Date): Date {
  return new Date(now.getTime() - Number(days) * DAY_MS);
}

function conditions(query: JobQuery, now: Date): Conditions {
  const anyOf = (column: string, values: string[]): Condition =>
    values.length ? sql<SqlBool>`${sql.ref(column)} = ANY(${values}::text[])` : TRUE;
  return {
    municipality: anyOf('municipality_code', query.municipality),
    occupationField: anyOf('occupation_field_id', query.occupationField),
    occupationGroup: anyOf('occupation_group_id', query.occupationGroup),
    employmentType: anyOf('employment_type_id', query.employmentType),
    worktime: anyOf('worktime_extent_id', query.worktime),
    remote: query.remote ? sql<SqlBool>`remote` : TRUE,
    published: query.published ? sql<SqlBool>`published_at >= ${since(query.published, now)}` : TRUE,
    employer: anyOf('employer_key', query.employer),
  };
}

const and = (conds: Condition[]): Condition => {
  const real = conds.filter((c) => c !== TRUE);
  return real.length ? sql<SqlBool>`(${sql.join(real, sql` AND `)})` : TRUE;
};

function allBut(c: Conditions, except: keyof Conditions | null): Condition {
  return and((Object.keys(c) as (keyof Conditions)[]).filter((k) => k !== except).map((k) => c[k]));
}

// ---------------------------------------------------------------------------------------------
// The search

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

/** Facet counts (and the total) per region version, text and filters; least recently used go first. */
export class FacetCache extends Lru<FacetRow[]> {}

/** Published-within buckets move with time: facet counts are reused for at most five minutes. */
const FACET_TIME_SLOT_MS = 5 * 60_000;

export interface FacetRow {
  facet: string;
  value: string | null;
  label: string | null;
  n: number;
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

/** The columns of job_ads a job summary is made from. */
export interface SummaryRow {
  id: string;
  headline: string;
  employer_name: string;
  workplace: string | null;
  municipality_code: string | null;
  occupation_label: string;
  occupation_group_id: string | null;
  employment_type_id: string | null;
  worktime_extent_id: string | null;
  remote: boolean;
  published_at: Date;
  deadline_at: Date | null;
  origin: string;
}

export function toSummary(r: SummaryRow): JobSummary {
  return {
    id: r.id,
    headline: r.headline,
    employerName: r.employer_name,
    workplace: r.workplace,
    municipalityCode: r.municipality_code,
    occupationLabel: r.occupation_label,
    occupationGroupId: r.occupation_group_id,
    employmentTypeId: r.employment_type_id,
    worktimeId: r.worktime_extent_id,
    remote: r.remote,
    publishedAt: r.published_at,
    deadlineAt: r.deadline_at,
    generated: r.origin === 'generated',
  };
}

const EMPLOYER_FACET_SIZE = 15;

interface GroupedRow {
  g: number;
  mu: string | null;
  fi: string | null;
  gr: string | null;
  et: string | null;
  wt: string | null;
  ek: string | null;
  en: string | null;
  n_all: number;
  n_mu: number;
  n_fi: number;
  n_gr: number;
  n_et: number;
  n_wt: number;
  n_ek: number;
  n_re: number;
  n_p1: number;
  n_p3: number;
  n_p7: number;
  n_p30: number;
}

type GroupedKey = 'mu' | 'fi' | 'gr' | 'et' | 'wt' | 'ek';
type GroupedCount = 'n_mu' | 'n_fi' | 'n_gr' | 'n_et' | 'n_wt' | 'n_ek';

/** GROUPING(mu, fi, gr, et, wt, ek) has one bit per column (mu highest); a set's own column is 0. */
const ALL_ROWS = 0b111111;
const GROUPED_FACETS: Array<{
  grouping: number;
  facet: keyof Conditions;
  value: GroupedKey;
  count: GroupedCount;
}> = [
  { grouping: 0b011111, facet: 'municipality', value: 'mu', count: 'n_mu' },
  { grouping: 0b101111, facet: 'occupationField', value: 'fi', count: 'n_fi' },
  { grouping: 0b110111, facet: 'occupationGroup', value: 'gr', count: 'n_gr' },
  { grouping: 0b111011, facet: 'employmentType', value: 'et', count: 'n_et' },
  { grouping: 0b111101, facet: 'worktime', value: 'wt', count: 'n_wt' },
  { grouping: 0b111110, facet: 'employer', value: 'ek', count: 'n_ek' },
];

/**
 * Every facet in one pass over the matching rows: GROUPING SETS hash each row into one table per
 * facet, and each count leaves out its own facet's filter (so the other options keep their counts).
 */
async function facetQuery(
  db: Kysely<DB>,
  timeoutMs: number,
  base: Condition,
  c: Conditions,
  query: JobQuery,
  now: Date,
): Promise<{ rows: FacetRow[] }> {
  // Only the filters in use become FILTER clauses; an unfiltered facet is a plain count.
  const columns = [
    ['municipality', 'c_mu'],
    ['occupationField', 'c_fi'],
    ['occupationGroup', 'c_gr'],
    ['employmentType', 'c_et'],
    ['worktime', 'c_wt'],
    ['remote', 'c_re'],
    ['published', 'c_pa'],
    ['employer', 'c_ek'],
  ] as const;
  const active = columns.filter(([k]) => c[k] !== TRUE);
  const count = (extra: RawBuilder<SqlBool> | null, except: keyof Conditions | null) => {
    const parts = active.filter(([k]) => k !== except).map(([, col]) => col);
    const where = [...(extra ? [extra] : []), ...parts.map((p) => sql.raw(p))];
    return where.length
      ? sql`count(*) FILTER (WHERE ${sql.join(where, sql` AND `)})::int`
      : sql`count(*)::int`;
  };
  const bucket = (d: PublishedWithin) =>
    count(sql<SqlBool>`pa >= ${since(d, now)}::timestamptz`, 'published');
  // The planner prices `search @@ q` as cheap and, for a common word, reads the table instead of
  // the text index; that unpacks every ad's vector. The index answers exactly, so insist on it.
  const rows = await bounded(
    db,
    timeoutMs,
    async (trx) =>
      (
        await sql<GroupedRow>`
    WITH f AS (
      SELECT municipality_code AS mu, occupation_field_id AS fi, occupation_group_id AS gr,
             employment_type_id AS et, worktime_extent_id AS wt, remote AS re, published_at AS pa,
             employer_key AS ek, employer_name AS en,
             ${c.municipality} AS c_mu, ${c.occupationField} AS c_fi, ${c.occupationGroup} AS c_gr,
             ${c.employmentType} AS c_et, ${c.worktime} AS c_wt, ${c.remote} AS c_re,
             ${c.published} AS c_pa, ${c.employer} AS c_ek
      FROM job_index WHERE ${base}
    )
    SELECT GROUPING(mu, fi, gr, et, wt, ek)::int AS g, mu, fi, gr, et, wt, ek,
      CASE WHEN GROUPING(ek) = 0 THEN min(en) END AS en,
      ${count(null, null)} AS n_all,
      ${count(null, 'municipality')} AS n_mu,
      ${count(null, 'occupationField')} AS n_fi,
      ${count(null, 'occupationGroup')} AS n_gr,
      ${count(null, 'employmentType')} AS n_et,
      ${count(null, 'worktime')} AS n_wt,
      ${count(null, 'employer')} AS n_ek,
      ${count(sql<SqlBool>`re`, 'remote')} AS n_re,
      ${bucket('1')} AS n_p1, ${bucket('3')} AS n_p3, ${bucket('7')} AS n_p7, ${bucket('30')} AS n_p30
    FROM f
    GROUP BY GROUPING SETS ((mu), (fi), (gr), (et), (wt), (ek), ())`.execute(trx)
      ).rows,
    { enable_seqscan: 'off' },
  );

  const out: FacetRow[] = [];
  const employers: FacetRow[] = [];
  for (const r of rows) {
    if (r.g === ALL_ROWS) {
      out.push({ facet: 'total', value: null, label: null, n: r.n_all });
      out.push({ facet: 'remote', value: 'true', label: null, n: r.n_re });
      for (const [days, n] of [
        ['1', r.n_p1],
        ['3', r.n_p3],
        ['7', r.n_p7],
        ['30', r.n_p30],
      ] as const)
        out.push({ facet: 'published', value: days, label: null, n });
      continue;
    }
    const set = GROUPED_FACETS.find((f) => f.grouping === r.g);
    if (!set) continue;
    const value = r[set.value];
    const n = r[set.count];
    if (set.facet === 'employer') {
      if (n > 0 || (value && query.employer.includes(value)))
        employers.push({ facet: 'employer', value, label: r.en, n });
    } else if (n > 0) out.push({ facet: set.facet, value, label: null, n });
  }
  employers.sort(
    (a, b) =>
      Number(query.employer.includes(b.value as string)) -
        Number(query.employer.includes(a.value as string)) ||
      b.n - a.n ||
      String(a.value).localeCompare(String(b.value)),
  );
  out.push(...employers.slice(0, Math.max(EMPLOYER_FACET_SIZE, query.employer.length)));
  return { rows: out };
}

function buildFacets(
  rows: FacetRow[],
  query: JobQuery,
  region: Region,
  labels: ConceptLabels,
  lang: Lang,
): Facets {
  const counts = (facet: string) => {
    const map = new Map<string, FacetRow>();
    for (const r of rows) if (r.facet === facet && r.value !== null) map.set(r.value, r);
    return map;
  };
  const collator = new Intl.Collator(lang === 'sv' ? 'sv' : 'en');
  const concept = (facet: keyof Facets, selected: string[]): FacetOption[] => {
    const map = counts(facet);
    const values = new Set([...map.keys(), ...selected]);
    return [...values]
      .map((value) => {
        const label = labels.label(value, lang);
        return {
          value,
          label: label?.text ?? value,
          count: map.get(value)?.n ?? 0,
          selected: selected.includes(value),
          ...(label && label.lang !== lang ? { lang: label.lang } : {}),
        };
      })
      .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
  };
  const municipalities = counts('municipality');
  const published = counts('published');
  const remote = counts('remote').get('true')?.n ?? 0;
  const employer = counts('employer');
  return {
    municipality: region.municipalities
      .map((m) => ({
        value: m.code,
        label: m.shortName,
        count: municipalities.get(m.code)?.n ?? 0,
        selected: query.municipality.includes(m.code),
      }))
      .sort((a, b) => collator.compare(a.label, b.label)),
    occupationField: concept('occupationField', query.occupationField),
    occupationGroup: concept('occupationGroup', query.occupationGroup).slice(
      0,
      Math.max(25, query.occupationGroup.length),
    ),
    employmentType: concept('employmentType', query.employmentType),
    worktime: concept('worktime', query.worktime),
    remote: [{ value: 'true', label: 'remote', count: remote, selected: query.remote }],
    published: PUBLISHED_WITHIN.map((d) => ({
      value: d,
      label: d,
      count: published.get(d)?.n ?? 0,
      selected: query.published === d,
    })),
    employer: [...employer.values()].map((r) => ({
      value: r.value as string,
      label: r.label ?? (r.value as string),
      count: r.n,
      selected: query.employer.includes(r.value as string),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Did you mean

const MIN_SUGGEST_LENGTH = 4;
/** Words looked up for "did you mean" (one trigram search each, one after the other), the first ones. */
const MAX_SUGGEST_WORDS = 6;

/** Edit distance with transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n] as number;
}

interface Candidate {
  word: string;
  folded: string;
  ads: number;
  sim: number;
}

/** The best word of the ads' vocabulary for a word they do not use, or null. */
export async function suggestWord(db: Kysely<DB>, regionId: string, word: string): Promise<string | null> {
  const folded = fold(word);
  const { rows } = await sql<Candidate>`
    SELECT word, folded, ads, similarity(folded, ${folded}) AS sim
    FROM job_search_words
    WHERE region_id = ${regionId} AND folded % ${folded}
    ORDER BY sim DESC, ads DESC
    LIMIT 25`.execute(db);
  let best: { word: string; score: number; ads: number } | null = null;
  const limit = Math.max(1, Math.floor(folded.length / 3));
  for (const c of rows) {
    if (c.word === word) return null;
    const distance = c.folded === folded ? 0 : editDistance(c.folded, folded);
    if (distance > limit) continue;
    // Closer spellings first; among equals, the word more ads use.
    const score = distance * 1000 - Math.log(1 + c.ads) - c.sim;
    if (!best || score < best.score) best = { word: c.word, score, ads: c.ads };
  }
  return best?.word ?? null;
}

async function suggest(
  db: Kysely<DB>,
  regionId: string,
  q: string,
  parsed: ParsedText,
): Promise<string | null> {
  const words = [
    ...new Set(
      parsed.groups
        .flat()
        .flatMap((t) => t.words)
        .filter((w) => w.length >= MIN_SUGGEST_LENGTH && /^\p{L}+$/u.test(w)),
    ),
  ];
  if (words.length === 0) return null;
  words.splice(MAX_SUGGEST_WORDS);
  const known = await db
    .selectFrom('job_search_words')
    .select('word')
    .where('region_id', '=', regionId)
    .where('word', 'in', words)
    .execute();
  const knownSet = new Set(known.map((r) => r.word));
  let suggestion = q;
  let changed = false;
  for (const word of words) {
    if (knownSet.has(word)) continue;
    const better = await suggestWord(db, regionId, word);
    if (!better) continue;
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word)}(?=$|[^\\p{L}\\p{N}])`, 'giu');
    suggestion = suggestion.replace(pattern, (_, before: string) => before + better);
    changed = true;
  }
  return changed && suggestion !== q ? suggestion : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
