/**
 * Part content-search: the site search's content half, `searchContent()`
 * (src/modules/content/search.ts), called in the runner process one call at a time on the demo
 * content `npm start` seeds (places, guides, stories, paths in both languages), in the bench
 * PostgreSQL. The searches are fixed: Swedish and English words, compounds, a word being typed,
 * several words, typos (which also look for "Menade du" and search again), one kind paged.
 */
import { seedDemoContent } from '../../src/modules/content/seed.ts';
import { searchContent } from '../../src/modules/content/search.ts';
import { openDatabase } from '../../src/platform/db/index.ts';
import { startBenchDatabase } from '../lib/db.ts';
import { latencyStats, type LatencyStats } from './search-db.ts';

export interface ContentSearchBenchResult {
  measuredAt: string;
  /** Visible published rows (items × languages) searched. */
  rows: number;
  searches: number;
  rounds: number;
  stats: LatencyStats;
}

const REGION = 'dalarna';
const ROUNDS = 10;

/** [language, text, kind?]: the same in every run. */
export const CONTENT_QUERIES: ReadonlyArray<
  readonly [lang: 'sv' | 'en', text: string, kind?: 'guide' | 'place']
> = [
  ['sv', 'förskola'],
  ['sv', 'skola'],
  ['sv', 'bostad'],
  ['sv', 'personnummer'],
  ['sv', 'sjuksköterska'],
  ['sv', 'fjäll'],
  ['sv', 'Falun'],
  ['sv', 'Borlänge'],
  ['sv', 'jobb för min partner'],
  ['sv', 'flytta hit från utlandet'],
  ['sv', 'försk'],
  ['sv', 'grundsk'],
  ['sv', 'förskloa'],
  ['sv', 'bostadd'],
  ['sv', 'skola', 'place'],
  ['sv', 'och i på'],
  ['en', 'preschool'],
  ['en', 'housing'],
  ['en', 'school'],
  ['en', 'healthcare'],
  ['en', 'moving from the EU'],
  ['en', 'work permit'],
  ['en', 'hous'],
  ['en', 'preschol'],
  ['en', 'lake', 'guide'],
];

export async function runContentSearch(): Promise<ContentSearchBenchResult> {
  const server = await startBenchDatabase();
  const database = openDatabase(server.url, { max: 4, applicationName: 'lotsa-bench-content-search' });
  try {
    await seedDemoContent(database.db, { demo: true });
    const run = (lang: 'sv' | 'en', text: string, kind?: 'guide' | 'place') =>
      searchContent(database.db, REGION, lang, text, {
        limitPerKind: kind ? 20 : 5,
        kinds: kind ? [kind] : undefined,
      });
    // Untimed once: PostgreSQL's caches and the search's vocabulary are warm.
    for (const [lang, text, kind] of CONTENT_QUERIES) await run(lang, text, kind);
    const samples: number[] = [];
    for (let round = 0; round < ROUNDS; round++)
      for (const [lang, text, kind] of CONTENT_QUERIES) {
        const started = performance.now();
        await run(lang, text, kind);
        samples.push(performance.now() - started);
      }
    const { rows } = await database.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM content_published WHERE region_id = $1 AND visible_from <= now()
         AND (visible_until IS NULL OR visible_until > now())`,
      [REGION],
    );
    const stats = latencyStats(samples);
    console.log(
      `  ${samples.length} calls on ${rows[0]?.n} visible rows: p50 ${stats.p50} ms, p95 ${stats.p95} ms, p99 ${stats.p99} ms, max ${stats.max} ms`,
    );
    return {
      measuredAt: new Date().toISOString(),
      rows: Number(rows[0]?.n ?? 0),
      searches: CONTENT_QUERIES.length,
      rounds: ROUNDS,
      stats,
    };
  } finally {
    await database.close();
    await server.stop();
  }
}
