/**
 * Top matches for a talent: candidate jobs through indexed SQL on the region's open ads as the
 * matching keeps them (talent_job_features: the same occupation name or SSYK-4 group; the same
 * occupation field only when those are few), scored in memory (score.ts), best first; headline
 * and employer read from job_ads for the best only. For a household, each of the main mover's jobs is paired with the
 * partner's best job within about an hour of it: two jobs in reach of the same home.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { TalentProfile } from '../model.ts';
import { countyPlaces, type Places } from './geo.ts';
import {
  HOUSEHOLD_REACH_MINUTES,
  mainSide,
  partnerSide,
  scoreMatch,
  type JobForMatching,
  type MatchScore,
  type TalentSide,
} from './score.ts';

/** Candidates read by group (shared among the groups), newest first. */
export const MAX_CANDIDATES = 1200;
/** Candidates read per group and chosen municipality, newest first. */
export const PLACE_CANDIDATES = 200;
/** Candidates added by field when the groups give fewer than this. */
export const FIELD_CANDIDATES = 500;

export interface MatchedJob extends JobForMatching {
  headline: string;
  employerName: string;
  publishedAt: Date;
  match: MatchScore;
}

export interface HouseholdPair {
  main: MatchedJob;
  /** The partner's best job within reach of the main job's place, if any. */
  partner: MatchedJob | null;
}

const placesCache = new Map<string, { at: number; places: Places }>();

/** The region's places (its county map and municipality names), kept for five minutes. */
export async function regionPlaces(db: Kysely<DB>, regionId: string): Promise<Places> {
  const hit = placesCache.get(regionId);
  if (hit && Date.now() - hit.at < 300_000) return hit.places;
  const [region, municipalities] = await Promise.all([
    db.selectFrom('regions').select('county_code').where('id', '=', regionId).executeTakeFirst(),
    db
      .selectFrom('municipalities')
      .select(['code', 'short_name'])
      .where('region_id', '=', regionId)
      .execute(),
  ]);
  const places = countyPlaces(
    region?.county_code ?? null,
    municipalities.map((m) => [m.code, m.short_name] as [string, string]),
  );
  placesCache.set(regionId, { at: Date.now(), places });
  return places;
}

function candidateQuery(db: Kysely<DB>, regionId: string) {
  return db
    .selectFrom('talent_job_features as f')
    .select([
      'f.job_id',
      'f.published_at',
      'f.occupation_id',
      'f.occupation_group_id',
      'f.occupation_field_id',
      'f.municipality_code',
      'f.remote',
      'f.skills',
      'f.languages',
      'f.experience_months',
    ])
    .where('f.region_id', '=', regionId);
}

type CandidateRow = Awaited<ReturnType<ReturnType<typeof candidateQuery>['execute']>>[number];

/** A candidate as scoring reads it; headline and employer are read for the best ones only. */
export interface Candidate extends JobForMatching {
  publishedAt: Date;
}

function toCandidate(r: CandidateRow): Candidate {
  return {
    id: r.job_id,
    publishedAt: r.published_at,
    occupationId: r.occupation_id,
    occupationGroupId: r.occupation_group_id,
    occupationFieldId: r.occupation_field_id,
    municipalityCode: r.municipality_code,
    remote: r.remote,
    skills: r.skills,
    languages: r.languages,
    experienceMonths: r.experience_months,
  };
}

const anyOf = (values: readonly string[]) => sql<string>`ANY(${[...values]}::text[])`;

/**
 * The side's candidate jobs, not yet scored: the open ads (talent_job_features holds only those)
 * of their occupation names and groups, newest first; of their fields too when those are few.
 */
export async function candidates(
  db: Kysely<DB>,
  regionId: string,
  side: TalentSide,
  wanted: number,
): Promise<Candidate[]> {
  const groups = side.occupationGroups;
  const places = side.anywhere ? [] : side.municipalities;
  // One ordered index range per group (newest first), and per group and chosen municipality, so
  // that a good fit nearby is found however old it is; in parallel.
  const perGroup = Math.ceil(MAX_CANDIDATES / Math.max(1, groups.length));
  const queries = [
    ...groups.map((g) =>
      candidateQuery(db, regionId)
        .where('f.occupation_group_id', '=', g)
        .orderBy('f.published_at', 'desc')
        .limit(perGroup),
    ),
    ...groups.flatMap((g) =>
      places.map((m) =>
        candidateQuery(db, regionId)
          .where('f.occupation_group_id', '=', g)
          .where('f.municipality_code', '=', m)
          .orderBy('f.published_at', 'desc')
          .limit(PLACE_CANDIDATES),
      ),
    ),
  ];
  // Occupation names without a group (not from the taxonomy's tree): by name.
  if (groups.length === 0 && side.occupations.length > 0)
    queries.push(
      candidateQuery(db, regionId)
        .where('f.occupation_id', '=', anyOf(side.occupations))
        .orderBy('f.published_at', 'desc')
        .limit(MAX_CANDIDATES),
    );
  const rows: CandidateRow[] = (await Promise.all(queries.map((q) => q.execute()))).flat();
  const fields = side.occupationFields;
  if (rows.length < Math.max(wanted * 5, 100) && fields.length > 0) {
    let q = candidateQuery(db, regionId).where('f.occupation_field_id', '=', anyOf(fields));
    if (groups.length)
      q = q.where((eb) =>
        eb.or([
          eb('f.occupation_group_id', 'is', null),
          eb('f.occupation_group_id', '<>', sql<string>`ALL(${[...groups]}::text[])`),
        ]),
      );
    rows.push(...(await q.orderBy('f.published_at', 'desc').limit(FIELD_CANDIDATES).execute()));
  }
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.job_id) && seen.add(r.job_id)).map(toCandidate);
}

/** Scored candidates, best first, those scoring above zero. */
function scoreAll(
  side: TalentSide,
  jobs: readonly Candidate[],
  places: Places,
): Array<Candidate & { match: MatchScore }> {
  const scored: Array<Candidate & { match: MatchScore }> = [];
  for (const job of jobs) {
    const match = scoreMatch(side, job, places);
    if (match.score > 0) scored.push({ ...job, match });
  }
  return scored.sort(byScore);
}

/** Headline and employer of these open ads (one that closed meanwhile is left out). */
async function withDetails(
  db: Kysely<DB>,
  regionId: string,
  jobs: ReadonlyArray<Candidate & { match: MatchScore }>,
  limit: number,
): Promise<MatchedJob[]> {
  if (jobs.length === 0) return [];
  const rows = await db
    .selectFrom('job_ads')
    .select(['id', 'headline', 'employer_name'])
    .where('region_id', '=', regionId)
    .where('status', '=', 'open')
    .where(
      'id',
      'in',
      jobs.map((j) => j.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: MatchedJob[] = [];
  for (const job of jobs) {
    const row = byId.get(job.id);
    if (row) out.push({ ...job, headline: row.headline, employerName: row.employer_name });
    if (out.length === limit) break;
  }
  return out;
}

function byScore(a: Candidate & { match: MatchScore }, b: Candidate & { match: MatchScore }): number {
  return (
    b.match.score - a.match.score ||
    b.publishedAt.getTime() - a.publishedAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The side's top `limit` open jobs in the region. */
export async function topMatches(
  db: Kysely<DB>,
  regionId: string,
  side: TalentSide,
  limit = 20,
  places?: Places,
): Promise<MatchedJob[]> {
  const [jobs, p] = await Promise.all([
    candidates(db, regionId, side, limit),
    places ?? regionPlaces(db, regionId),
  ]);
  // A few spare ones, for ads closed since their features were read.
  return withDetails(db, regionId, scoreAll(side, jobs, p).slice(0, limit + 10), limit);
}

/** Whether two jobs can be reached from one home: within HOUSEHOLD_REACH_MINUTES, or remote. */
export function inReach(a: JobForMatching, b: JobForMatching, places: Places): boolean {
  if (a.remote || b.remote) return true;
  if (!a.municipalityCode || !b.municipalityCode) return false;
  const minutes = places.minutes(a.municipalityCode, b.municipalityCode);
  return minutes !== null && minutes <= HOUSEHOLD_REACH_MINUTES;
}

/** Each main job with the partner's best job in reach of the same home (partner list best first). */
export function pairHousehold(
  main: readonly MatchedJob[],
  partner: readonly MatchedJob[],
  places: Places,
): HouseholdPair[] {
  return main.map((m) => ({ main: m, partner: partner.find((p) => inReach(m, p, places)) ?? null }));
}

export interface ProfileMatches {
  main: MatchedJob[];
  /** Present for a household with the partner's occupations given. */
  household: HouseholdPair[] | null;
}

/** A profile's matches: its own, and for a household each paired with the partner's. */
export async function profileMatches(
  db: Kysely<DB>,
  regionId: string,
  profile: TalentProfile,
  limit = 20,
): Promise<ProfileMatches> {
  const places = await regionPlaces(db, regionId);
  const partner = partnerSide(profile);
  const [main, partnerJobs] = await Promise.all([
    topMatches(db, regionId, mainSide(profile), limit, places),
    partner ? topMatches(db, regionId, partner, 200, places) : Promise.resolve(null),
  ]);
  return { main, household: partnerJobs ? pairHousehold(main, partnerJobs, places) : null };
}
