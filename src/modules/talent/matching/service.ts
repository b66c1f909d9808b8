/**
 * Top matches for a talent: candidate jobs through indexed SQL on the region's open ads (the same
 * occupation name or SSYK-4 group; the same occupation field only when those are few), scored in
 * memory (score.ts), best first. For a household, each of the main mover's jobs is paired with the
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

/** Candidates read by group or name, newest first. */
export const MAX_CANDIDATES = 3000;
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
    .selectFrom('job_ads as j')
    .leftJoin('talent_job_features as f', (join) =>
      join.onRef('f.region_id', '=', 'j.region_id').onRef('f.job_id', '=', 'j.id'),
    )
    .select([
      'j.id',
      'j.headline',
      'j.employer_name',
      'j.published_at',
      'j.occupation_id',
      'j.occupation_group_id',
      'j.occupation_field_id',
      'j.municipality_code',
      'j.remote',
      'f.skills',
      'f.languages',
      'f.experience_months',
    ])
    .where('j.region_id', '=', regionId)
    .where('j.status', '=', 'open');
}

type CandidateRow = Awaited<ReturnType<ReturnType<typeof candidateQuery>['execute']>>[number];

function toJob(r: CandidateRow): Omit<MatchedJob, 'match'> {
  return {
    id: r.id,
    headline: r.headline,
    employerName: r.employer_name,
    publishedAt: r.published_at,
    occupationId: r.occupation_id,
    occupationGroupId: r.occupation_group_id,
    occupationFieldId: r.occupation_field_id,
    municipalityCode: r.municipality_code,
    remote: r.remote,
    skills: r.skills ?? [],
    languages: r.languages ?? [],
    experienceMonths: r.experience_months ?? 0,
  };
}

/** The side's candidate jobs, not yet scored. */
export async function candidates(
  db: Kysely<DB>,
  regionId: string,
  side: TalentSide,
  wanted: number,
): Promise<Array<Omit<MatchedJob, 'match'>>> {
  const groups = [...side.occupationGroups];
  const names = [...side.occupations];
  const rows: CandidateRow[] = [];
  if (groups.length > 0 || names.length > 0) {
    rows.push(
      ...(await candidateQuery(db, regionId)
        .where((eb) =>
          eb.or([
            ...(groups.length ? [eb('j.occupation_group_id', '=', sql<string>`ANY(${groups}::text[])`)] : []),
            ...(names.length ? [eb('j.occupation_id', '=', sql<string>`ANY(${names}::text[])`)] : []),
          ]),
        )
        .orderBy('j.published_at', 'desc')
        .limit(MAX_CANDIDATES)
        .execute()),
    );
  }
  const fields = [...side.occupationFields];
  if (rows.length < Math.max(wanted * 5, 100) && fields.length > 0) {
    let q = candidateQuery(db, regionId).where(
      'j.occupation_field_id',
      '=',
      sql<string>`ANY(${fields}::text[])`,
    );
    if (groups.length)
      q = q.where((eb) =>
        eb.or([
          eb('j.occupation_group_id', 'is', null),
          eb('j.occupation_group_id', '<>', sql<string>`ALL(${groups}::text[])`),
        ]),
      );
    rows.push(...(await q.orderBy('j.published_at', 'desc').limit(FIELD_CANDIDATES).execute()));
  }
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map(toJob);
}

function byScore(a: MatchedJob, b: MatchedJob): number {
  return (
    b.match.score - a.match.score ||
    b.publishedAt.getTime() - a.publishedAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Scores jobs for a side, best first, those scoring above zero. */
export function rank(
  side: TalentSide,
  jobs: ReadonlyArray<Omit<MatchedJob, 'match'>>,
  places: Places,
  limit: number,
): MatchedJob[] {
  const scored: MatchedJob[] = [];
  for (const job of jobs) {
    const match = scoreMatch(side, job, places);
    if (match.score > 0) scored.push({ ...job, match });
  }
  scored.sort(byScore);
  return scored.slice(0, limit);
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
  return rank(side, jobs, p, limit);
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
