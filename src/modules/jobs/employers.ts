/**
 * The job board's side of the employers' company pages (the companies module):
 *
 *   setEmployerPages(source)        the companies module says which employers have a published
 *                                   page (called once per app at start); the job board never
 *                                   imports that module (it imports the job board)
 *   employerPages(regionId)         what job cards and job pages show of an employer: its page's
 *                                   path, name and logo, by organisationsnummer, with a `version`
 *                                   that moves whenever the answer does (the search page's cache
 *                                   key carries it, so a cached page never outlives a change of it)
 *   openJobCounts / employerJobs    the open ads of employers by organisationsnummer (the partial
 *                                   index job_ads_orgnr: region, number, newest first, open only)
 *   employerJob                     whether an ad is one of this employer's (any status)
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { isJobId } from './repository.ts';
import { toSummary, type JobSummary, type SummaryRow } from './search/index.ts';

/** What a job card or a job page shows of an employer with a company page here. */
export interface EmployerPage {
  /** The company page's path after the language prefix, e.g. `/companies/stora-kraft`. */
  path: string;
  name: string;
  /** The logo's site path and size (a library image), or null. */
  logo: { src: string; width: number; height: number } | null;
}

export interface EmployerPages {
  /** Changes whenever what `get` answers changes. */
  readonly version: string;
  get(orgNumber: string | null | undefined): EmployerPage | undefined;
}

/** The region's employers with a published page (the source may keep its answer a short while). */
export type EmployerPagesSource = (regionId: string) => Promise<EmployerPages>;

const NONE: EmployerPages = { version: '0', get: () => undefined };
let source: EmployerPagesSource | undefined;

/** The companies module tells the job board where the pages are (undefined: nowhere). */
export function setEmployerPages(next: EmployerPagesSource | undefined): void {
  source = next;
}

/**
 * The region's employer pages; none when no module has said where they are, or when they cannot be
 * read (`onError` hears why): a job page never fails for want of a logo.
 */
export async function employerPages(
  regionId: string,
  onError?: (error: unknown) => void,
): Promise<EmployerPages> {
  if (!source) return NONE;
  try {
    return await source(regionId);
  } catch (error) {
    onError?.(error);
    return NONE;
  }
}

const ORGNR = /^[0-9]{10}$/;
/** Organisationsnummer asked about at once, at most (the company list: every published company). */
const MAX_NUMBERS = 2_000;

/** Open ads per organisationsnummer (numbers without any are left out): one grouped query. */
export async function openJobCounts(
  db: Kysely<DB>,
  regionId: string,
  orgNumbers: readonly string[],
): Promise<Map<string, number>> {
  const wanted = [...new Set(orgNumbers)].filter((n) => ORGNR.test(n)).slice(0, MAX_NUMBERS);
  if (wanted.length === 0) return new Map();
  const { rows } = await sql<{ orgnr: string; n: number }>`SELECT employer_orgnr AS orgnr, count(*)::int AS n
    FROM job_ads
    WHERE region_id = ${regionId} AND status = 'open' AND employer_orgnr = ANY(${wanted}::text[])
    GROUP BY employer_orgnr`.execute(db);
  return new Map(rows.map((r) => [r.orgnr, r.n]));
}

/** An employer's open ads, newest first (at most `limit`), and how many there are in all. */
export async function employerJobs(
  db: Kysely<DB>,
  regionId: string,
  orgNumber: string,
  limit: number,
): Promise<{ total: number; jobs: JobSummary[] }> {
  if (!ORGNR.test(orgNumber)) return { total: 0, jobs: [] };
  const [count, jobs] = await Promise.all([
    openJobCounts(db, regionId, [orgNumber]),
    sql<SummaryRow>`SELECT id, headline, employer_name, employer_orgnr, workplace, municipality_code,
        occupation_label, occupation_group_id, employment_type_id, worktime_extent_id, remote,
        published_at, deadline_at, origin, lang
      FROM job_ads
      WHERE region_id = ${regionId} AND status = 'open' AND employer_orgnr = ${orgNumber}
      ORDER BY published_at DESC, id DESC
      LIMIT ${Math.max(0, Math.min(limit, 1_000))}`.execute(db),
  ]);
  return { total: count.get(orgNumber) ?? 0, jobs: jobs.rows.map(toSummary) };
}

/** Whether ad `id` (open or closed) is this employer's. */
export async function employerJob(
  db: Kysely<DB>,
  regionId: string,
  orgNumber: string,
  id: string,
): Promise<boolean> {
  if (!isJobId(id) || !ORGNR.test(orgNumber)) return false;
  const row = await db
    .selectFrom('job_ads')
    .select('id')
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .where('employer_orgnr', '=', orgNumber)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * An organisation's own open ads on Lotsa (origin 'own'), newest first, at most `limit`; with `now`,
 * only those whose deadline has not passed by then (the toolbox's widget and builder).
 */
export async function organisationOpenJobs(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
  limit: number,
  now?: Date,
): Promise<JobSummary[]> {
  const { rows } = await sql<SummaryRow>`SELECT id, headline, employer_name, employer_orgnr, workplace,
      municipality_code, occupation_label, occupation_group_id, employment_type_id, worktime_extent_id,
      remote, published_at, deadline_at, origin, lang
    FROM job_ads
    WHERE region_id = ${regionId} AND origin = 'own' AND organisation_id = ${organisationId}
      AND status = 'open' AND (${now ?? null}::timestamptz IS NULL OR deadline_at IS NULL OR deadline_at > ${now ?? null})
    ORDER BY published_at DESC, id DESC
    LIMIT ${Math.max(0, Math.min(limit, 100))}`.execute(db);
  return rows.map(toSummary);
}

/**
 * The job board's employer keys of the organisation's own open ads (its number, or its name's key
 * when it has none): what `/jobs?employer=` filters by. A few at most (the name rarely changes).
 */
export async function organisationEmployerKeys(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
  now: Date,
): Promise<string[]> {
  const { rows } = await sql<{ employer_key: string }>`SELECT DISTINCT employer_key
    FROM job_ads
    WHERE region_id = ${regionId} AND origin = 'own' AND organisation_id = ${organisationId}
      AND status = 'open' AND (deadline_at IS NULL OR deadline_at > ${now})
    ORDER BY employer_key
    LIMIT 5`.execute(db);
  return rows.map((r) => r.employer_key);
}
