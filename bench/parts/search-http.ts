/**
 * Part search-http: the whole search page — GET /sv/jobs?… through the production app in its own
 * process, on the 100k-ad bench database, with the response cache off (JOB_CACHE_SIZE=0), for the
 * rotating searches of lib/queries.ts (search-db's 240 and more of the same kinds, 1,500 in all).
 * First the capacity: the most answers per second a closed loop gets with a few connection counts;
 * then the latency at half of that, offered at a constant rate (open loop: each request is due at
 * its own instant, and its latency counts from that instant, so a slow answer cannot hide the ones
 * queued behind it) → p95 ≤ 30 ms. The load generator runs in this process (a few hundred requests
 * a second at most).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startCorpusApp, type CorpusDatabase } from '../lib/corpus.ts';
import { corpusVocabulary, rotatingQueries } from '../lib/queries.ts';
import { median, round } from '../lib/stats.ts';
import { ask, type ChildServer } from '../lib/proc.ts';
import { childProcesses, processCpuUs } from './joblist-nginx.ts';
import { latencyStats, type LatencyStats } from './search-db.ts';

export const TARGET_P95_MS = 30;
/**
 * Distinct searches in the HTTP workload: more than an in-process cache of up to 1,000 searches can
 * hold, so that going round them in order never finds one still cached (with JOB_CACHE_SIZE=0 the
 * response cache is off; this keeps any other per-search cache from answering either).
 */
export const HTTP_SEARCHES = 1500;
/** The first searches (search-db's rotating set), requested once each before the load. */
export const WARMUP_URLS = 240;
export const ACCEPT_ENCODING = 'br, gzip';

export interface LoadRun {
  /** Closed loop: connections; open loop: the offered rate (req/s). */
  connections?: number;
  offeredRate?: number;
  seconds: number;
  requests: number;
  /** 2xx answers per second. */
  rps: number;
  latency: LatencyStats;
  non2xx: number;
  errors: number;
  /** CPU time per request (user + system), µs: the app's Node process, and PostgreSQL's processes. */
  appCpuUs?: number;
  postgresCpuUs?: number;
}

export interface SearchHttpResult {
  measuredAt: string;
  urls: number;
  distinctUrls?: number;
  /** Distinct text + filters (pages of one search counted once). */
  distinctSearches?: number;
  /** Every URL once, one at a time, before the load: also the latency of an unloaded server. */
  warmup: { ms: number; statuses: Record<string, number>; bytesMedian: number; latency: LatencyStats };
  capacity: LoadRun[];
  /** The most 2xx answers per second of any capacity run. */
  maxRps: number;
  atHalf: LoadRun;
  target: number;
  pass: boolean;
}

export interface Sample {
  /** When the request was due (open loop) or sent (closed loop) to when its answer was complete. */
  ms: number;
  status: number;
  bytes: number;
  error?: string;
}

/** One GET; `from` is the instant its latency counts from (default: now); `headers` go on top. */
export function request(
  agent: http.Agent,
  port: number,
  path: string,
  from = performance.now(),
  headers: Record<string, string> = {},
): Promise<Sample> {
  return new Promise((resolve) => {
    let bytes = 0;
    const done = (status: number, error?: string) =>
      resolve({ ms: performance.now() - from, status, bytes, ...(error ? { error } : {}) });
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path,
        agent,
        headers: {
          host: `localhost:${port}`,
          'accept-encoding': ACCEPT_ENCODING,
          accept: 'text/html',
          ...headers,
        },
      },
      (res) => {
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => done(res.statusCode ?? 0));
        res.on('error', (e) => done(0, e.message));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => done(0, e.message));
  });
}

function summarise(samples: Sample[], seconds: number, extra: Partial<LoadRun>): LoadRun {
  const ok = samples.filter((s) => s.status >= 200 && s.status < 300);
  return {
    ...extra,
    seconds,
    requests: samples.length,
    rps: round(ok.length / seconds, 1),
    latency: latencyStats(samples.map((s) => s.ms)),
    non2xx: samples.filter((s) => s.status && (s.status < 200 || s.status >= 300)).length,
    errors: samples.filter((s) => !s.status).length,
  };
}

/** `connections` loops, each sending the next URL as soon as its last answer is in. */
/** Where a sequence of runs is in its list of URLs, so that one run goes on where the last stopped. */
export interface Cursor {
  next: number;
}

export async function closedLoop(
  port: number,
  urls: string[],
  connections: number,
  seconds: number,
  cursor: Cursor = { next: 0 },
  headers?: (i: number) => Record<string, string>,
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const samples: Sample[] = [];
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  let sent = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const url = urls[cursor.next++ % urls.length] as string;
        samples.push(await request(agent, port, url, performance.now(), headers?.(sent++)));
      }
    }),
  );
  agent.destroy();
  return summarise(samples, (performance.now() - started) / 1000, { connections });
}

/**
 * Requests at a constant `rate` for `seconds`, whatever the answers do; each one's latency counts
 * from when it was due. `headers(i)` adds headers to the i-th request (e.g. a client address).
 */
export async function openLoop(
  port: number,
  urls: string[],
  rate: number,
  seconds: number,
  cursor: Cursor = { next: 0 },
  headers?: (i: number) => Record<string, string>,
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.max(1, Math.round(rate * seconds));
  const pending: Promise<Sample>[] = [];
  const t0 = performance.now() + 20;
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && t0 + (sent * 1000) / rate <= now) {
        const due = t0 + (sent * 1000) / rate;
        const url = urls[cursor.next++ % urls.length] as string;
        pending.push(request(agent, port, url, due, headers?.(sent)));
        sent++;
      }
      if (sent >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  const samples = await Promise.all(pending);
  agent.destroy();
  return summarise(samples, seconds, { offeredRate: rate });
}

const cpuNote = (run: LoadRun) =>
  run.appCpuUs !== undefined
    ? `; CPU/req: app ${run.appCpuUs} µs, PostgreSQL ${run.postgresCpuUs ?? '?'} µs`
    : '';

/** CPU time so far (µs) of the PostgreSQL running on `dataDir`: the postmaster's children. */
function postgresCpuUs(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const all = childProcesses(pid).map(processCpuUs);
    return all.every((v) => v !== undefined)
      ? all.reduce((sum: number, v) => sum + (v as number), 0)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `load` and adds the app's and PostgreSQL's CPU time per request to its figures. */
async function withCpu(app: ChildServer, dataDir: string, load: () => Promise<LoadRun>): Promise<LoadRun> {
  const appCpu = () => ask<number>(app, { cpu: true }, 'cpu').catch(() => undefined);
  const [a0, p0] = [await appCpu(), postgresCpuUs(dataDir)];
  const run = await load();
  const [a1, p1] = [await appCpu(), postgresCpuUs(dataDir)];
  const per = (x?: number, y?: number) =>
    x !== undefined && y !== undefined && run.requests ? round((y - x) / run.requests) : undefined;
  const appCpuUs = per(a0, a1);
  const postgres = per(p0, p1);
  return {
    ...run,
    ...(appCpuUs !== undefined ? { appCpuUs } : {}),
    ...(postgres !== undefined ? { postgresCpuUs: postgres } : {}),
  };
}

export async function runSearchHttp(
  corpus: CorpusDatabase,
  options: { capacityConnections?: number[]; capacitySeconds?: number; rateSeconds?: number } = {},
): Promise<SearchHttpResult> {
  const connectionCounts = options.capacityConnections ?? [4, 16];
  const capacitySeconds = options.capacitySeconds ?? 8;
  const rateSeconds = options.rateSeconds ?? 30;
  const vocab = await corpusVocabulary(corpus.db, corpus.region);
  // The first WARMUP_URLS are search-db's rotating set; the load goes on through the rest and around.
  const searches = rotatingQueries(vocab, HTTP_SEARCHES);
  const urls = searches.map((q) => q.url);
  const distinctUrls = new Set(urls).size;
  const distinctSearches = new Set(searches.map((q) => JSON.stringify({ ...q.query, offset: 0 }))).size;
  const warmup = urls.slice(0, WARMUP_URLS);
  const cursor: Cursor = { next: WARMUP_URLS };
  // Each search from an address of its own (X-Forwarded-For behind one trusted proxy), as many people
  // searching are: one client's per-minute search limit is not what this part measures.
  const app = await startCorpusApp(corpus, {
    name: 'app (JOB_CACHE_SIZE=0)',
    env: { JOB_CACHE_SIZE: '0', TRUST_PROXY: '1' },
  });
  let clients = 0;
  const client = () => {
    const n = clients++;
    return { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
  };
  try {
    // Every URL once, one at a time: warms PostgreSQL's and the app's caches and checks the answers.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const statuses: Record<string, number> = {};
    const sizes: number[] = [];
    const times: number[] = [];
    const w0 = performance.now();
    for (const url of warmup) {
      const s = await request(agent, app.port, url, performance.now(), client());
      statuses[String(s.status || s.error)] = (statuses[String(s.status || s.error)] ?? 0) + 1;
      sizes.push(s.bytes);
      times.push(s.ms);
    }
    agent.destroy();
    const warmupMs = Math.round(performance.now() - w0);
    console.log(
      `  warm-up: ${warmup.length} search pages one at a time in ${warmupMs} ms (p50 ${latencyStats(times).p50} ms, ` +
        `p95 ${latencyStats(times).p95} ms, median ${median(sizes)} B on the wire); statuses ${JSON.stringify(statuses)}`,
    );

    const capacity: LoadRun[] = [];
    await closedLoop(app.port, urls, connectionCounts[0] ?? 4, 2, cursor, client); // settle
    for (const connections of connectionCounts) {
      const run = await withCpu(app, corpus.dataDir, () =>
        closedLoop(app.port, urls, connections, capacitySeconds, cursor, client),
      );
      capacity.push(run);
      console.log(
        `  capacity, ${String(connections).padStart(2)} connections: ${run.rps} req/s, p50 ${run.latency.p50} ms, p95 ${run.latency.p95} ms` +
          (run.non2xx || run.errors ? `, non-2xx ${run.non2xx}, errors ${run.errors}` : '') +
          cpuNote(run),
      );
    }
    const maxRps = Math.max(...capacity.map((r) => r.rps));
    const rate = round(maxRps / 2, 1);
    const atHalf = await withCpu(app, corpus.dataDir, () =>
      openLoop(app.port, urls, rate, rateSeconds, cursor, client),
    );
    const pass = atHalf.latency.p95 <= TARGET_P95_MS && atHalf.non2xx === 0 && atHalf.errors === 0;
    console.log(
      `  at half capacity (${rate} req/s for ${rateSeconds} s, open loop): p50 ${atHalf.latency.p50} ms, p95 ${atHalf.latency.p95} ms, ` +
        `p99 ${atHalf.latency.p99} ms, max ${atHalf.latency.max} ms (target p95 ≤ ${TARGET_P95_MS} ms: ${pass ? 'pass' : 'MISS'})` +
        (atHalf.non2xx || atHalf.errors ? `; non-2xx ${atHalf.non2xx}, errors ${atHalf.errors}` : '') +
        cpuNote(atHalf),
    );
    return {
      measuredAt: new Date().toISOString(),
      urls: urls.length,
      distinctUrls,
      distinctSearches,
      warmup: { ms: warmupMs, statuses, bytesMedian: median(sizes), latency: latencyStats(times) },
      capacity,
      maxRps,
      atHalf,
      target: TARGET_P95_MS,
      pass,
    };
  } finally {
    await app.stop();
  }
}
