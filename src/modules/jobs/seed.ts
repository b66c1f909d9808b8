/**
 * Seeding the job board: the JobTech taxonomy on every seed (cheap when nothing changed), and, for
 * demo installations, a living demo board per region: the real sample ads plus about 1,000
 * generated ads for every region that has a JobTech concept id and municipalities.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../platform/db/schema.ts';
import { loadRegions } from '../regions/repository.ts';
import { demoPlaces, generateDemoBoard, sampleAds } from './demo.ts';
import { applyRecords, scopeForRegion, type ApplyCounts } from './ingest/apply.ts';
import { importTaxonomy } from './taxonomy.ts';

/** Fixed, so that the same day always gives the same demo ads. */
const DEMO_SEED = 20_260_101;
const DEMO_OPEN_ADS = 1000;

export interface SeedJobBoardResult {
  /** Taxonomy rows written (0 when the table was up to date). */
  concepts: number;
  /** What the demo load did per region (empty without demo). */
  demo: Array<{ regionId: string; generated: number; counts: ApplyCounts }>;
}

/** FNV-1a: a region's demo seed from its id, so that regions get different ads. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Imports the taxonomy and, with `demo`, loads the sample ads and the day's demo board into every
 * region that can have one. Safe to run on every start: on the same day the demo ads are the same
 * (same content hashes), so nothing is written; on a new day one day of ads is added, and the ads
 * that left the window have passed their last publication date and are closed by the expiry job.
 */
export async function seedJobBoard(
  db: Kysely<DB>,
  options: { demo: boolean; logger?: Logger; now?: Date },
): Promise<SeedJobBoardResult> {
  const started = performance.now();
  const concepts = await importTaxonomy(db);
  options.logger?.info(
    { written: concepts, ms: Math.round(performance.now() - started) },
    'taxonomy imported',
  );
  const result: SeedJobBoardResult = { concepts, demo: [] };
  if (!options.demo) return result;

  const now = options.now ?? new Date();
  const samples = sampleAds();
  for (const region of await loadRegions(db)) {
    const scope = scopeForRegion(region);
    const places = demoPlaces(region);
    if (!scope || !places) continue;
    const generated = generateDemoBoard({
      seed: hash(`${DEMO_SEED}:${region.id}`),
      now,
      targetOpen: DEMO_OPEN_ADS,
      ...places,
    });
    const counts = await applyRecords(db, scope, [...samples, ...generated], {
      kind: 'demo',
      now,
      ...(options.logger ? { logger: options.logger } : {}),
    });
    result.demo.push({ regionId: region.id, generated: generated.length, counts });
  }
  return result;
}
