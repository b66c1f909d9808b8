/**
 * Part talent-matching: the talent pool's matching at 100,000 profiles and 100,000 jobs, in-process
 * on a private copy of the 100k-ad bench database.
 *
 *   setup     the matching's first run computes every ad's features (skills found in the text);
 *             100,000 profiles are generated from the corpus' own occupation and skill
 *             distributions (talent/demo/generate.ts) and inserted with accounts and consents
 *   top-20    topMatches() for one talent's own side, 300 random talents: p95 ≤ 50 ms; and the
 *             household view (profileMatches(): own and partner's matches, paired) for information
 *   new job   an open ad is changed (a new version: a new change_seq), then one matchNextBatch()
 *             reads it, computes its features, matches it against every consenting active profile
 *             of its occupation group and queues its inbox rows, committed: ≤ 1 s, 30 ads
 */
import { sql } from 'kysely';
import { regionDistribution } from '../../src/modules/talent/demo/distribution.ts';
import { generateProfiles } from '../../src/modules/talent/demo/generate.ts';
import { demoConsents, insertProfiles } from '../../src/modules/talent/demo/seed.ts';
import { matchNextBatch } from '../../src/modules/talent/matching/incremental.ts';
import { mainSide } from '../../src/modules/talent/matching/score.ts';
import { profileMatches, topMatches } from '../../src/modules/talent/matching/service.ts';
import { profileFromRow } from '../../src/modules/talent/profiles.ts';
import { openCorpusDatabase, CORPUS_SEED, CORPUS_SIZE } from '../lib/corpus.ts';
import { latencyStats, type LatencyStats } from './search-db.ts';

export const TALENT_TOP_TARGET_P95_MS = 50;
export const TALENT_NEW_JOB_TARGET_MS = 1000;
const PROFILES = 100_000;
const TALENTS = 300;
const NEW_JOBS = 30;

export interface TalentMatchingBenchResult {
  measuredAt: string;
  ads: number;
  profiles: number;
  /** Profiles consenting to alerts. */
  alertProfiles: number;
  featuresMs: number;
  profilesMs: number;
  /** Jobs with at least one skill found. */
  jobsWithSkills: number;
  top: LatencyStats;
  /** Mean number of results of the top-20 calls. */
  topResults: number;
  household: LatencyStats;
  households: number;
  newJob: LatencyStats;
  /** Inbox rows queued per new job: mean and max. */
  inboxMean: number;
  inboxMax: number;
  /** Profiles of the new jobs' occupation groups (candidates): mean. */
  candidatesMean: number;
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await f();
  return [value, performance.now() - started];
}

export async function runTalentMatching(): Promise<TalentMatchingBenchResult> {
  const corpus = await openCorpusDatabase({ size: CORPUS_SIZE, seed: CORPUS_SEED, fresh: true });
  try {
    const db = corpus.db;
    const regionId = corpus.region.id;
    const [, featuresMs] = await timed(async () => {
      while (await matchNextBatch(db, regionId, 2000));
    });
    console.log(`  features of ${corpus.size} ads in ${Math.round(featuresMs / 1000)} s`);
    const [, profilesMs] = await timed(async () => {
      const dist = await regionDistribution(db, regionId);
      const profiles = generateProfiles(PROFILES, 4242, dist);
      await insertProfiles(db, regionId, profiles, {
        email: (n) => `bench-talent-${n}@bench.lotsa.invalid`,
        consents: demoConsents,
      });
    });
    console.log(`  ${PROFILES} profiles in ${Math.round(profilesMs / 1000)} s`);
    await sql`ANALYZE talent_profiles`.execute(db);
    await sql`ANALYZE talent_consents`.execute(db);
    await sql`ANALYZE talent_job_features`.execute(db);

    const counts = await sql<{ profiles: string; alerts: string; skilled: string }>`
      SELECT (SELECT count(*) FROM talent_profiles WHERE region_id = ${regionId}) AS profiles,
             (SELECT count(*) FROM talent_consents WHERE region_id = ${regionId} AND purpose = 'alerts'
                AND withdrawn_at IS NULL) AS alerts,
             (SELECT count(*) FROM talent_job_features WHERE region_id = ${regionId}
                AND cardinality(skills) > 0) AS skilled`.execute(db);
    const c = counts.rows[0]!;

    // Top 20 for one talent: 300 random profiles, 30 untimed first.
    const sample = await db
      .selectFrom('talent_profiles')
      .selectAll()
      .where('region_id', '=', regionId)
      .orderBy(sql`md5(id::text)`)
      .limit(TALENTS)
      .execute();
    const talents = sample.map(profileFromRow);
    for (const p of talents.slice(0, 30)) await topMatches(db, regionId, mainSide(p), 20);
    const topSamples: number[] = [];
    let results = 0;
    for (const p of talents) {
      const [jobs, ms] = await timed(() => topMatches(db, regionId, mainSide(p), 20));
      topSamples.push(ms);
      results += jobs.length;
    }
    const householdSamples: number[] = [];
    for (const p of talents.filter((t) => t.household.hasPartner)) {
      const [, ms] = await timed(() => profileMatches(db, regionId, p, 20));
      householdSamples.push(ms);
    }

    // A new version of an open ad, matched against every profile.
    const ads = await db
      .selectFrom('job_ads')
      .select('id')
      .where('region_id', '=', regionId)
      .where('status', '=', 'open')
      .where('occupation_group_id', 'is not', null)
      .orderBy(sql`md5(id)`)
      .limit(NEW_JOBS + 5)
      .execute();
    const newJobSamples: number[] = [];
    const inboxCounts: number[] = [];
    const candidateCounts: number[] = [];
    for (const [i, { id }] of ads.entries()) {
      await db
        .updateTable('job_ads')
        .set({ updated_at: new Date() })
        .where('region_id', '=', regionId)
        .where('id', '=', id)
        .execute();
      const [result, ms] = await timed(() => matchNextBatch(db, regionId));
      if (i < 5) continue; // warm-up
      newJobSamples.push(ms);
      inboxCounts.push(result?.inboxed ?? 0);
      const group = await db
        .selectFrom('job_ads')
        .select('occupation_group_id')
        .where('region_id', '=', regionId)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const n = await sql<{ n: string }>`
        SELECT count(*) AS n FROM talent_profiles
        WHERE region_id = ${regionId} AND status = 'active'
          AND (occupation_groups @> ARRAY[${group.occupation_group_id}]::text[]
            OR partner_occupation_groups @> ARRAY[${group.occupation_group_id}]::text[])`.execute(db);
      candidateCounts.push(Number(n.rows[0]!.n));
    }
    const mean = (xs: number[]) =>
      Math.round((xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length)) * 10) / 10;
    return {
      measuredAt: new Date().toISOString(),
      ads: corpus.size,
      profiles: Number(c.profiles),
      alertProfiles: Number(c.alerts),
      featuresMs: Math.round(featuresMs),
      profilesMs: Math.round(profilesMs),
      jobsWithSkills: Number(c.skilled),
      top: latencyStats(topSamples),
      topResults: mean(talents.map(() => results / talents.length)),
      household: latencyStats(householdSamples),
      households: householdSamples.length,
      newJob: latencyStats(newJobSamples),
      inboxMean: mean(inboxCounts),
      inboxMax: Math.max(0, ...inboxCounts),
      candidatesMean: mean(candidateCounts),
    };
  } finally {
    await corpus.close();
  }
}
