/**
 * Part search-flood: crafted searches against the production app on the 100k-ad bench database.
 * 60 connections from one client address (autocannon in a process of its own,
 * search-flood-client.ts, so that sending the flood does not delay the timing) send the most expensive search pages the route accepts —
 * a 200-character `q` of `a OR b OR …` where every word is a word ending that dozens of the corpus'
 * words end in (so each one expands to the most compounds), the deepest page, and a fresh mix in every
 * request so that no cache answers — while ordinary searches (lib/queries.ts, each from an address of
 * its own), `/healthz` and `/readyz` are sent at a constant rate (open loop) and their latency measured.
 * The same three are measured first without the flood. The app runs with its response cache on, as in
 * production, and TRUST_PROXY=1 (one proxy in front) so that each client's address comes from X-Forwarded-For.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { mulberry32 } from '../../src/modules/jobs/demo.ts';
import { MAX_OFFSET, MAX_QUERY_LENGTH, PAGE_SIZE } from '../../src/modules/jobs/query.ts';
import { startCorpusApp, type CorpusDatabase } from '../lib/corpus.ts';
import { corpusVocabulary, rotatingQueries } from '../lib/queries.ts';
import { openLoop, type LoadRun } from './search-http.ts';

export const FLOOD_CONNECTIONS = 60;
/** Offered rates (req/s) of what is measured meanwhile. */
const RATES = { search: 4, healthz: 10, readyz: 2 };

export interface FloodFigures {
  requests: number;
  /** Answers per second, any status. */
  rps: number;
  p50: number;
  p99: number;
  /** Answers by status code ('error' for none). */
  statuses: Record<string, number>;
}

export interface Measured {
  search: LoadRun;
  healthz: LoadRun;
  readyz: LoadRun;
}

export interface SearchFloodResult {
  measuredAt: string;
  /** The code measured (commit, dirty or not), so that a run before a change can be told apart. */
  code: string;
  connections: number;
  seconds: number;
  /** One of the crafted search URLs, and how many distinct ones were sent. */
  example: string;
  crafted: number;
  quiet: Measured;
  flood: Measured & { attack: FloodFigures };
  /** The last run on other code (e.g. before a fix), kept for comparison. */
  previous?: Omit<SearchFloodResult, 'previous'>;
}

/** Word endings (of at least four letters, the shortest compounds are looked up for) that most words end in. */
async function expandingEndings(corpus: CorpusDatabase): Promise<string[]> {
  const { rows } = await sql<{ ending: string; words: number }>`
    SELECT right(word, 4) AS ending, count(*)::int AS words FROM job_search_words
    WHERE region_id = ${corpus.region.id} AND length(word) > 4 AND right(word, 4) ~ '^[[:alpha:]]{4}$'
    GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 60`.execute(corpus.db);
  return rows.map((r) => r.ending);
}

/** A fresh crafted search page for every call: endings joined by OR up to the longest q kept. */
export function craftedUrls(endings: string[], seed = 66): () => string {
  const rng = mulberry32(seed);
  const deepest = MAX_OFFSET / PAGE_SIZE + 1;
  return () => {
    const pool = [...endings];
    const words: string[] = [];
    let length = 0;
    while (pool.length) {
      const [word] = pool.splice(Math.floor(rng() * pool.length), 1) as [string];
      const next = length + (words.length ? 4 : 0) + word.length;
      if (next > MAX_QUERY_LENGTH) break;
      words.push(word);
      length = next;
    }
    const q = encodeURIComponent(words.join(' OR '));
    return `/sv/jobs?q=${q}&page=${rng() < 0.5 ? deepest : 1}`;
  };
}

export const tally = (r: {
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {})) out[code] = Number(count);
  if (r.errors + r.timeouts) out.error = r.errors + r.timeouts;
  return out;
};

export async function runSearchFlood(
  corpus: CorpusDatabase,
  code: string,
  options: { seconds?: number; quietSeconds?: number } = {},
): Promise<SearchFloodResult> {
  const seconds = options.seconds ?? 20;
  const quietSeconds = options.quietSeconds ?? 10;
  const vocab = await corpusVocabulary(corpus.db, corpus.region);
  const searches = rotatingQueries(vocab, 1500).map((q) => q.url);
  const endings = await expandingEndings(corpus);
  const nextCrafted = craftedUrls(endings);
  const example = decodeURIComponent(nextCrafted());
  const app = await startCorpusApp(corpus, { name: 'app (search flood)', env: { TRUST_PROXY: '1' } });
  try {
    // Each ordinary search from an address of its own (a rate limit per client must not be what is
    // measured); the probes from the load balancer's.
    let searchCursor = { next: 0 };
    const ordinary = (i: number) => ({ 'x-forwarded-for': `10.1.${(i >> 8) & 255}.${i & 255}` });
    const probe = () => ({ 'x-forwarded-for': '10.9.0.1' });
    const measure = async (secs: number, offset: number): Promise<Measured> => {
      const [search, healthz, readyz] = await Promise.all([
        openLoop(app.port, searches, RATES.search, secs, searchCursor, (i) => ordinary(offset + i)),
        openLoop(app.port, ['/healthz'], RATES.healthz, secs, { next: 0 }, probe),
        openLoop(app.port, ['/readyz'], RATES.readyz, secs, { next: 0 }, probe),
      ]);
      return { search, healthz, readyz };
    };
    const line = (label: string, m: Measured) =>
      console.log(
        `  ${label}: ordinary searches p50 ${m.search.latency.p50} ms, p99 ${m.search.latency.p99} ms` +
          ` (non-2xx ${m.search.non2xx}, errors ${m.search.errors}); /healthz p99 ${m.healthz.latency.p99} ms;` +
          ` /readyz p99 ${m.readyz.latency.p99} ms (non-2xx ${m.readyz.non2xx})`,
      );

    await openLoop(app.port, searches.slice(0, 40), 20, 2, { next: 0 }, (i) => ordinary(60_000 + i)); // warm-up
    searchCursor = { next: 40 };
    const quiet = await measure(quietSeconds, 0);
    line(`quiet, ${quietSeconds} s`, quiet);

    const attack = floodFromChild(app.port, seconds, endings);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // let the flood build up
    const during = await measure(seconds - 2, 10_000);
    const { crafted, ...attackFigures } = await attack;
    line(`${FLOOD_CONNECTIONS} connections flooding, ${seconds} s`, during);
    console.log(
      `  the flood: ${attackFigures.requests} crafted searches (${attackFigures.rps}/s), p50 ${attackFigures.p50} ms, ` +
        `p99 ${attackFigures.p99} ms, statuses ${JSON.stringify(attackFigures.statuses)}`,
    );
    return {
      measuredAt: new Date().toISOString(),
      code,
      connections: FLOOD_CONNECTIONS,
      seconds,
      example,
      crafted,
      quiet,
      flood: { ...during, attack: attackFigures },
    };
  } finally {
    await app.stop();
  }
}

/** Runs the flood in a child process (search-flood-client.ts) and reads its figures from its stdout. */
function floodFromChild(
  port: number,
  seconds: number,
  endings: string[],
): Promise<FloodFigures & { crafted: number }> {
  const script = fileURLToPath(new URL('./search-flood-client.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, JSON.stringify({ port, seconds, endings })],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`search-flood-client exited with ${code}`));
      try {
        resolve(JSON.parse(out) as FloodFigures & { crafted: number });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}
