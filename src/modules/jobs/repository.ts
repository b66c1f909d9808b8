/**
 * Reading single ads: the job page, similar open jobs, the sitemap's jobs.
 */
import { sql, type Kysely } from 'kysely';
import type { DB, JobAdOrigin } from '../../platform/db/schema.ts';
import { CANONICAL_ELSEWHERE_SQL } from './canonical.ts';
import type { JobAd } from './jobtech.ts';
import { toSummary, type JobSummary, type SummaryRow } from './search/index.ts';

export interface JobDetail extends JobSummary {
  status: 'open' | 'closed';
  closedReason: 'removed' | 'expired' | 'missing' | null;
  employerOrgnr: string | null;
  occupationId: string | null;
  occupationFieldId: string | null;
  occupationFieldLabel: string;
  occupationGroupLabel: string;
  salaryTypeId: string | null;
  durationId: string | null;
  vacancies: number | null;
  lang: 'sv' | 'en';
  lastPublicationAt: Date | null;
  updatedAt: Date;
  /** JobTech's, the demo generator's, or an employer's own ad on Lotsa. */
  origin: JobAdOrigin;
  /** The ad as JobTech sent it, without contact persons. */
  raw: JobAd;
}

const ID = /^[A-Za-z0-9-]{1,64}$/;

export function isJobId(id: string): boolean {
  return ID.test(id);
}

export async function findJob(db: Kysely<DB>, regionId: string, id: string): Promise<JobDetail | null> {
  if (!isJobId(id)) return null;
  const r = await db
    .selectFrom('job_ads')
    .select([
      'id',
      'status',
      'closed_reason',
      'origin',
      'headline',
      'employer_name',
      'employer_orgnr',
      'workplace',
      'municipality_code',
      'occupation_id',
      'occupation_label',
      'occupation_group_id',
      'occupation_group_label',
      'occupation_field_id',
      'occupation_field_label',
      'employment_type_id',
      'worktime_extent_id',
      'salary_type_id',
      'duration_id',
      'remote',
      'vacancies',
      'lang',
      'published_at',
      'last_publication_at',
      'deadline_at',
      'updated_at',
      'raw',
    ])
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    status: r.status,
    closedReason: r.closed_reason,
    headline: r.headline,
    employerName: r.employer_name,
    employerOrgnr: r.employer_orgnr,
    workplace: r.workplace,
    municipalityCode: r.municipality_code,
    occupationId: r.occupation_id,
    occupationLabel: r.occupation_label,
    occupationGroupId: r.occupation_group_id,
    occupationGroupLabel: r.occupation_group_label,
    occupationFieldId: r.occupation_field_id,
    occupationFieldLabel: r.occupation_field_label,
    employmentTypeId: r.employment_type_id,
    worktimeId: r.worktime_extent_id,
    salaryTypeId: r.salary_type_id,
    durationId: r.duration_id,
    remote: r.remote,
    vacancies: r.vacancies,
    lang: r.lang,
    publishedAt: r.published_at,
    lastPublicationAt: r.last_publication_at,
    deadlineAt: r.deadline_at,
    updatedAt: r.updated_at,
    generated: r.origin === 'generated',
    origin: r.origin,
    raw: r.raw as JobAd,
  };
}

/** Open jobs like this one: same occupation group first, then field; same municipality first. */
export async function similarJobs(
  db: Kysely<DB>,
  regionId: string,
  job: Pick<JobDetail, 'id' | 'occupationGroupId' | 'occupationFieldId' | 'municipalityCode'>,
  limit = 5,
): Promise<JobSummary[]> {
  if (!job.occupationGroupId && !job.occupationFieldId) return [];
  const { rows } =
    await sql<SummaryRow>`SELECT id, headline, employer_name, employer_orgnr, workplace, municipality_code, occupation_label, occupation_group_id,
        employment_type_id, worktime_extent_id, remote, published_at, deadline_at, origin
      FROM job_ads
      WHERE region_id = ${regionId} AND status = 'open' AND id <> ${job.id}
        AND (occupation_group_id = ${job.occupationGroupId} OR occupation_field_id = ${job.occupationFieldId})
      ORDER BY occupation_group_id IS NOT DISTINCT FROM ${job.occupationGroupId} DESC,
        municipality_code IS NOT DISTINCT FROM ${job.municipalityCode} DESC,
        published_at DESC, id DESC
      LIMIT ${limit}`.execute(db);
  return rows.map(toSummary);
}

/** A job the sitemap may list, with what decides whether its page here is canonical. */
export interface SitemapJob {
  id: string;
  updatedAt: Date;
  webpageUrl: string | null;
}

/**
 * The region's open mirrored ads and employers' own ads the sitemap may list: never generated ones,
 * and not those whose
 * webpage_url the database can already tell is their canonical page elsewhere (the caller checks
 * the rest with isCanonicalHere). Newest first.
 */
function sitemapCandidates(db: Kysely<DB>, regionId: string) {
  return db
    .selectFrom('job_ads')
    .where('region_id', '=', regionId)
    .where('status', '=', 'open')
    .where('origin', 'in', ['jobtech', 'own'])
    .where(sql<boolean>`coalesce(raw->>'webpage_url', '') !~* ${CANONICAL_ELSEWHERE_SQL}`);
}

export async function countSitemapJobs(db: Kysely<DB>, regionId: string): Promise<number> {
  const row = await sitemapCandidates(db, regionId)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The candidates from position `offset` on, at most `limit`, read `batch` rows at a time (the first
 * batch by offset, the next ones after the last row read), so that memory stays bounded.
 */
export async function* sitemapJobs(
  db: Kysely<DB>,
  regionId: string,
  offset: number,
  limit: number,
  batch = 5_000,
): AsyncGenerator<SitemapJob> {
  // The last row's published_at as PostgreSQL's text: a Date would drop its microseconds.
  let last: { publishedAt: string; id: string } | undefined;
  let left = limit;
  while (left > 0) {
    const size = Math.min(batch, left);
    let query = sitemapCandidates(db, regionId)
      .select([
        'id',
        'updated_at',
        sql<string>`published_at::text`.as('published_key'),
        sql<string | null>`raw->>'webpage_url'`.as('webpage_url'),
      ])
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(size);
    query = last
      ? query.where(sql<boolean>`(published_at, id) < (${last.publishedAt}::timestamptz, ${last.id})`)
      : query.offset(offset);
    const rows = await query.execute();
    for (const r of rows) yield { id: r.id, updatedAt: r.updated_at, webpageUrl: r.webpage_url };
    const end = rows.at(-1);
    if (!end || rows.length < size) return;
    last = { publishedAt: end.published_key, id: end.id };
    left -= rows.length;
  }
}

/**
 * Open jobs in one municipality, for other sections' pages (a place page): how many (the same count
 * as the job search filtered to the municipality) and the newest `limit`.
 */
export async function openJobsInMunicipality(
  db: Kysely<DB>,
  regionId: string,
  municipalityCode: string,
  limit = 5,
): Promise<{ total: number; latest: JobSummary[] }> {
  const [count, latest] = await Promise.all([
    sql<{ n: number }>`SELECT count(*)::int AS n FROM job_ads
      WHERE region_id = ${regionId} AND status = 'open' AND municipality_code = ${municipalityCode}`.execute(
      db,
    ),
    sql<SummaryRow>`SELECT id, headline, employer_name, employer_orgnr, workplace, municipality_code, occupation_label,
        occupation_group_id, employment_type_id, worktime_extent_id, remote, published_at, deadline_at, origin, lang
      FROM job_ads
      WHERE region_id = ${regionId} AND status = 'open' AND municipality_code = ${municipalityCode}
      ORDER BY published_at DESC, id DESC
      LIMIT ${limit}`.execute(db),
  ]);
  return { total: count.rows[0]?.n ?? 0, latest: latest.rows.map(toSummary) };
}

/** Open jobs per municipality code of the region (municipalities without any are left out). */
export async function openJobCountsByMunicipality(
  db: Kysely<DB>,
  regionId: string,
): Promise<Map<string, number>> {
  const { rows } = await sql<{ code: string; n: number }>`SELECT municipality_code AS code, count(*)::int AS n
    FROM job_ads WHERE region_id = ${regionId} AND status = 'open' AND municipality_code IS NOT NULL
    GROUP BY municipality_code`.execute(db);
  return new Map(rows.map((r) => [r.code, r.n]));
}
