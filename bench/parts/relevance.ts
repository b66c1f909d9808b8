/**
 * Part relevance: how well the job search finds what a person expects. The judged queries of
 * test/fixtures/search-judgments.json (Swedish and English, compounds, missing diacritics, typos,
 * employers, places, synonyms, phrases) run through `searchJobs()` on the demo board (the ads
 * `npm start` seeds, generated for a fixed day) in a PostgreSQL of its own, scored by precision at 10
 * and recall at 50 (test/helpers/relevance.ts). The tests hold the same figures to a floor
 * (test/http/jobs/relevance.test.ts).
 */
import { loadRegions } from '../../src/modules/regions/repository.ts';
import { openDatabase } from '../../src/platform/db/index.ts';
import {
  describeRelevance,
  evaluateRelevance,
  JUDGED_DAY,
  loadJudgments,
  RELEVANCE_FLOOR,
  seedJudgedBoard,
  type QueryScore,
  type RelevanceResult,
} from '../../test/helpers/relevance.ts';
import { startBenchDatabase } from '../lib/db.ts';

export interface RelevanceBenchResult {
  measuredAt: string;
  board: { day: string; regionId: string; ads: number };
  queries: number;
  /** Relevant ads per query on the board: fewest, median, most. */
  relevantPerQuery: { min: number; median: number; max: number };
  overall: RelevanceResult['overall'];
  byKind: RelevanceResult['byKind'];
  worst: QueryScore[];
  floor: { precisionAt10: number; recallAt50: number };
  pass: boolean;
  /** Time to run every query (informative only). */
  ms: number;
}

const REGION = 'dalarna';

export async function runRelevance(): Promise<RelevanceBenchResult> {
  const server = await startBenchDatabase();
  const database = openDatabase(server.url, { max: 4, applicationName: 'lotsa-bench-relevance' });
  try {
    await seedJudgedBoard(database.db);
    const region = (await loadRegions(database.db)).find((r) => r.id === REGION);
    if (!region) throw new Error(`no region ${REGION}`);
    const judgments = loadJudgments();
    const started = performance.now();
    const r = await evaluateRelevance(database.db, region, judgments);
    const ms = Math.round(performance.now() - started);
    if (r.unjudgeable.length)
      throw new Error(`judged queries without a relevant ad: ${r.unjudgeable.join(', ')}`);
    const ads = await database.db
      .selectFrom('job_ads')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('region_id', '=', region.id)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const counts = r.perQuery.map((q) => q.relevant).sort((a, b) => a - b);
    console.log(
      `  ${r.perQuery.length} queries on ${ads.n} open ads (the demo board of ${JUDGED_DAY.toISOString().slice(0, 10)}) in ${ms} ms\n` +
        describeRelevance(r),
    );
    const pass =
      r.overall.precisionAt10 >= RELEVANCE_FLOOR.precisionAt10 &&
      r.overall.recallAt50 >= RELEVANCE_FLOOR.recallAt50;
    return {
      measuredAt: new Date().toISOString(),
      board: { day: JUDGED_DAY.toISOString().slice(0, 10), regionId: region.id, ads: Number(ads.n) },
      queries: r.perQuery.length,
      relevantPerQuery: {
        min: counts[0] ?? 0,
        median: counts[Math.floor(counts.length / 2)] ?? 0,
        max: counts.at(-1) ?? 0,
      },
      overall: r.overall,
      byKind: r.byKind,
      worst: r.worst.slice(0, 10),
      floor: { ...RELEVANCE_FLOOR },
      pass,
      ms,
    };
  } finally {
    await database.close();
    await server.stop();
  }
}
