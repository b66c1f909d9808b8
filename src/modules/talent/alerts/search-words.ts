/**
 * A saved search as a value and in words: the alert's stored query string is read by the job
 * board's own parser (jobs/query.ts, `mode: 'api'` so a bad value is refused rather than dropped),
 * and described as the person would say it ("Sökord: sjuksköterska · Kommun: Falun").
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import {
  EMPTY_QUERY,
  parseJobQuery,
  queryParams,
  type JobQuery,
  type QueryProblem,
} from '../../jobs/query.ts';
import { conceptLabels, queryVocabulary } from '../../jobs/search/labels.ts';
import { alertMessages } from './messages.ts';

/** Parameters of the search page that are not part of what is watched (paging, order). */
const NOT_WATCHED = new Set(['page', 'sort', 'limit', 'offset', 'published']);

export interface ParsedSearch {
  query: JobQuery;
  /** The canonical query string stored on the alert (no leading '?'). */
  stored: string;
  problems: QueryProblem[];
}

/** Reads a search from URL parameters (what the search page links with, or what an alert stored). */
export async function parseSearch(
  db: Kysely<DB>,
  region: Region,
  params: Iterable<[string, string]>,
): Promise<ParsedSearch> {
  const kept = [...params].filter(([name]) => !NOT_WATCHED.has(name) && !name.startsWith('utm_'));
  const vocabulary = await queryVocabulary(db, region);
  const { query, problems } = parseJobQuery(kept, vocabulary, 'api');
  const watched: JobQuery = {
    ...query,
    sort: 'relevance',
    published: '',
    limit: EMPTY_QUERY.limit,
    offset: 0,
  };
  return { query: watched, stored: queryParams(watched, { sort: false }).toString(), problems };
}

/** The query string's parameters of a request's query object (repeated ones as lists). */
export function paramsOf(query: Record<string, string | string[] | undefined>): [string, string][] {
  return Object.entries(query).flatMap(([name, value]) =>
    value === undefined ? [] : [value].flat().map((v): [string, string] => [name, v]),
  );
}

/**
 * The employers' names by organisation number: the companies' directory (a published page) first,
 * else the newest ad's employer name; a number found in neither is left out (shown as the number).
 */
export async function employerNames(
  db: Kysely<DB>,
  regionId: string,
  orgnrs: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (orgnrs.length === 0) return names;
  const wanted = [...new Set(orgnrs)];
  const companies = await db
    .selectFrom('companies')
    .select(['org_number', 'name'])
    .where('region_id', '=', regionId)
    .where('org_number', 'in', wanted)
    .where('published_version', 'is not', null)
    .execute();
  for (const c of companies) if (c.name.trim()) names.set(c.org_number, c.name.trim());
  const missing = wanted.filter((n) => !names.has(n));
  if (missing.length === 0) return names;
  const { rows } = await sql<{ orgnr: string; name: string }>`SELECT DISTINCT ON (employer_orgnr)
      employer_orgnr AS orgnr, employer_name AS name
    FROM job_ads
    WHERE region_id = ${regionId} AND employer_orgnr = ANY(${missing}::text[]) AND employer_name <> ''
    ORDER BY employer_orgnr, published_at DESC`.execute(db);
  for (const r of rows) names.set(r.orgnr, r.name);
  return names;
}

/** The search in words, one line per filter; the region's whole board when it filters nothing. */
export async function describeSearch(
  db: Kysely<DB>,
  region: Region,
  lang: Lang,
  query: JobQuery,
): Promise<string[]> {
  const t = (key: Parameters<typeof alertMessages.t>[1], value = '') =>
    alertMessages.t(lang, key, { value, region: region.name[lang] });
  const labels = await conceptLabels(db);
  const list = (items: string[]) => new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
  const concepts = (ids: string[]) => list(ids.map((id) => labels.label(id, lang)?.text ?? id));
  const lines: string[] = [];
  if (query.q) lines.push(t('search.text', query.q));
  if (query.municipality.length)
    lines.push(
      t(
        'search.municipality',
        list(query.municipality.map((c) => region.municipalities.find((m) => m.code === c)?.shortName ?? c)),
      ),
    );
  if (query.occupationField.length) lines.push(t('search.occupationField', concepts(query.occupationField)));
  if (query.occupationGroup.length) lines.push(t('search.occupationGroup', concepts(query.occupationGroup)));
  if (query.employmentType.length) lines.push(t('search.employmentType', concepts(query.employmentType)));
  if (query.worktime.length) lines.push(t('search.worktime', concepts(query.worktime)));
  if (query.remote) lines.push(t('search.remote'));
  if (query.employer.length) {
    const names = await employerNames(db, region.id, query.employer);
    lines.push(t('search.employer', list(query.employer.map((n) => names.get(n) ?? n))));
  }
  if (query.language.length)
    lines.push(t('search.language', list(query.language.map((l) => t(`search.language.${l}`)))));
  if (lines.length === 0) lines.push(t('new.everything'));
  return lines;
}

/** A stored alert's search, read again (the vocabulary may have changed: unknown values dropped). */
export async function storedSearch(db: Kysely<DB>, region: Region, stored: string): Promise<JobQuery> {
  const vocabulary = await queryVocabulary(db, region);
  return parseJobQuery(new URLSearchParams(stored), vocabulary, 'page').query;
}
