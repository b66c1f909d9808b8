/**
 * Part `ingest`: the JobStream ingester at scale, through the real command line. A corpus of 100,000
 * generated ads in Dalarna's municipalities (fixed seed, JobTech-shaped; lib/ingest-corpus.ts) is
 * served as `/snapshot` by a local stand-in (lib/jobstream-server.ts, streamed from disk), and
 * `node bin/lotsa.js ingest snapshot|stream` runs as a child process against a fresh bench database
 * (prepared by `lotsa seed` without demo ads, as an operator would). Measured:
 *
 * 1. the full snapshot of 100,000 ads: wall time from spawn to exit (target ≤ 120 s);
 * 2. the same snapshot again, and a stream window holding the same 100,000 ads: rows written
 *    (target 0), read from what the command prints, from job_ingest_runs, from the job_ads row
 *    versions (xmin of every row before and after) and from pg_stat_user_tables;
 * 3. with the app running (lib/app-server.ts, same database), one ad changed in a stream window
 *    (headline + a unique word, newer timestamp): time from the moment the stand-in finished sending
 *    that window to the first answer of GET /api/v1/jobs?q=<word> that lists the ad, polled every
 *    50 ms after a first query had cached the empty answer (target ≤ 5 s; 5 trials).
 */
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import type pg from 'pg';
import type { ApplyCounts } from '../../src/modules/jobs/ingest/apply.ts';
import { startAppServer } from '../lib/app-server.ts';
import { onCleanup, sleep } from '../lib/cleanup.ts';
import { startBenchDatabase } from '../lib/db.ts';
import {
  connect,
  postgresCpuSeconds,
  runCli,
  startCli,
  waitForOtherBackends,
  type CliRun,
  type IngestEnv,
} from '../lib/ingest-cli.ts';
import { REGION_ID, writeCorpus } from '../lib/ingest-corpus.ts';
import { startJobStreamServer, type JobStreamServer } from '../lib/jobstream-server.ts';
import { get, type ChildServer } from '../lib/proc.ts';
import { median, round } from '../lib/stats.ts';

export const CORPUS_ADS = 100_000;
export const CORPUS_SEED = 42;
export const FULL_TARGET_MS = 120_000;
export const VISIBLE_TARGET_MS = 5_000;
export const LATENCY_TRIALS = 5;
export const POLL_MS = 50;
/** Unchanged ads sent with the changed one in each latency window (a window is never just one ad). */
const WINDOW_COMPANIONS = 50;

export interface WriteCheck {
  /** `written` as the command printed it. */
  printed: number | null;
  /** job_ingest_runs.written and outcome of the run. */
  recorded: number | null;
  outcome: string | null;
  /** pg_stat_user_tables n_tup_ins + n_tup_upd + n_tup_del of job_ads and job_index, after − before. */
  tupleDelta: number;
  /** job_ads rows whose xmin changed (rewritten), appeared or vanished. */
  rowsRewritten: number;
  /** max(updated_at) of job_ads moved. */
  updatedAtMoved: boolean;
  pass: boolean;
}

/** CPU seconds spent during a run: the ingesting process, and PostgreSQL (all its processes). */
export interface CpuFigures {
  ingester: number | null;
  postgres: number | null;
}

export interface RerunFigures {
  ms: number;
  records: number;
  counts: ApplyCounts | null;
  peakRssMiB: number | null;
  cpu: CpuFigures;
  check: WriteCheck;
}

export interface LatencyTrial {
  adId: string;
  /** Stream window served (last byte written) → first API answer listing the ad. */
  ms: number | null;
  /** Stream window served → the command's exit. */
  servedToExitMs: number;
  /** The command, spawn to exit. */
  cliMs: number;
  polls: number;
  /** 429 answers while polling. */
  limited: number;
}

export interface IngestResult {
  measuredAt: string;
  /** 1-minute load average before the full snapshot and at the end (the machine may be shared). */
  loadBefore: number;
  loadAfter: number;
  corpus: { ads: number; bytes: number; seed: number; generateMs: number };
  seedMs: number;
  full: {
    ms: number;
    /** Spawn → the stand-in finished sending the snapshot (start-up, download and parse). */
    downloadMs: number;
    /** Snapshot sent → exit (batches, closing, search words, exit). */
    applyMs: number;
    snapshotRequests: number;
    peakRssMiB: number | null;
    cpu: CpuFigures;
    counts: ApplyCounts | null;
    openAds: number;
    target: number;
    pass: boolean;
  };
  resnapshot: RerunFigures;
  restream: RerunFigures;
  latency: {
    trials: LatencyTrial[];
    medianMs: number | null;
    maxMs: number | null;
    pollMs: number;
    companions: number;
    target: number;
    pass: boolean;
  };
  problems: string[];
}

interface TableState {
  tuples: number;
  xmin: Map<string, string>;
  maxUpdatedAt: string | null;
}

async function tableState(client: pg.Client): Promise<TableState> {
  await client.query('SELECT pg_stat_clear_snapshot()');
  const stats = await client.query<{ n: string }>(
    `SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) AS n FROM pg_stat_user_tables
      WHERE relname IN ('job_ads', 'job_index')`,
  );
  const rows = await client.query<{ id: string; x: string }>(
    `SELECT region_id || '/' || id AS id, xmin::text AS x FROM job_ads`,
  );
  const max = await client.query<{ m: string | null }>(`SELECT max(updated_at)::text AS m FROM job_ads`);
  return {
    tuples: Number(stats.rows[0]?.n ?? 0),
    xmin: new Map(rows.rows.map((r) => [r.id, r.x])),
    maxUpdatedAt: max.rows[0]?.m ?? null,
  };
}

function rewritten(before: TableState, after: TableState): number {
  let n = 0;
  for (const [id, x] of after.xmin) if (before.xmin.get(id) !== x) n++;
  for (const id of before.xmin.keys()) if (!after.xmin.has(id)) n++;
  return n;
}

async function lastRun(client: pg.Client, kind: string) {
  const { rows } = await client.query<{ written: number; outcome: string | null }>(
    `SELECT written, outcome FROM job_ingest_runs WHERE region_id = $1 AND kind = $2 ORDER BY id DESC LIMIT 1`,
    [REGION_ID, kind],
  );
  return rows[0] ?? null;
}

async function openAds(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM job_ads WHERE region_id = $1 AND status = 'open'`,
    [REGION_ID],
  );
  return Number(rows[0]?.n ?? 0);
}

function failIfBad(run: CliRun, what: string): void {
  if (run.code !== 0)
    throw new Error(`${what} exited with ${run.code ?? run.signal}:\n${run.output.slice(-3000)}`);
}

/** Runs `ingest <kind>` on unchanged data and checks that it wrote nothing. */
/** Runs the command and what PostgreSQL spent meanwhile. */
async function timed(
  args: string[],
  env: IngestEnv,
  pgPort: number,
): Promise<{ run: CliRun; cpu: CpuFigures }> {
  const pgBefore = postgresCpuSeconds(pgPort);
  const run = await runCli(args, env, 900_000);
  const pgAfter = postgresCpuSeconds(pgPort);
  const postgres = pgBefore !== null && pgAfter !== null ? round(pgAfter - pgBefore, 1) : null;
  return { run, cpu: { ingester: run.cpuSeconds, postgres } };
}

async function rerun(
  client: pg.Client,
  env: IngestEnv,
  kind: 'snapshot' | 'stream',
  records: number,
  pgPort: number,
): Promise<RerunFigures> {
  await waitForOtherBackends(client);
  const before = await tableState(client);
  const { run, cpu } = await timed(['ingest', kind], env, pgPort);
  failIfBad(run, `ingest ${kind}`);
  await waitForOtherBackends(client);
  const after = await tableState(client);
  const recorded = await lastRun(client, kind);
  const check: WriteCheck = {
    printed: run.counts?.written ?? null,
    recorded: recorded?.written ?? null,
    outcome: recorded?.outcome ?? null,
    tupleDelta: after.tuples - before.tuples,
    rowsRewritten: rewritten(before, after),
    updatedAtMoved: before.maxUpdatedAt !== after.maxUpdatedAt,
    pass: false,
  };
  check.pass =
    check.printed === 0 &&
    check.recorded === 0 &&
    check.outcome === 'ok' &&
    check.tupleDelta === 0 &&
    check.rowsRewritten === 0 &&
    !check.updatedAtMoved;
  return { ms: run.ms, records, counts: run.counts, peakRssMiB: run.peakRssMiB, cpu, check };
}

/** A word no ad uses: letters only, so every text search configuration keeps it whole. */
function uniqueWord(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let word = 'lotsaprov';
  for (let i = 0; i < 8; i++) word += letters[randomInt(letters.length)];
  return `${word}x`;
}

async function search(port: number, word: string): Promise<{ status: number; ids: string[] }> {
  const response = await get(port, `/api/v1/jobs?q=${encodeURIComponent(word)}`, {
    accept: 'application/json',
  });
  if (response.status !== 200) return { status: response.status, ids: [] };
  const body = JSON.parse(response.body.toString()) as { items?: { id: string }[] };
  return { status: 200, ids: (body.items ?? []).map((i) => i.id) };
}

async function latencyTrial(
  client: pg.Client,
  server: JobStreamServer,
  env: IngestEnv,
  app: ChildServer,
  companions: unknown[],
  ads: number,
): Promise<LatencyTrial> {
  const adId = `bench-${randomInt(1, ads + 1)}`;
  const word = uniqueWord();
  const { rows } = await client.query<{ raw: Record<string, unknown> }>(
    `SELECT raw FROM job_ads WHERE region_id = $1 AND id = $2`,
    [REGION_ID, adId],
  );
  const ad = rows[0]?.raw;
  if (!ad) throw new Error(`ad ${adId} is not in the database`);
  const changed = { ...ad, headline: `${String(ad.headline)} ${word}`, timestamp: Date.now() };
  const before = await search(app.port, word); // caches the empty answer
  if (before.status !== 200 || before.ids.length)
    throw new Error(`GET ?q=${word} before: ${before.status} ${before.ids}`);
  server.set('/stream', { buffer: Buffer.from(JSON.stringify([...companions, changed])) });

  const served = server.nextServed('/stream', 120_000);
  const running = startCli(['ingest', 'stream'], env);
  const sent = await Promise.race([
    served,
    running.done.then((run) => {
      throw new Error(
        `ingest stream ended (${run.code ?? run.signal}) before the window was sent:\n${run.output.slice(-2000)}`,
      );
    }),
  ]);
  if (sent.aborted || sent.finishedAt === undefined) throw new Error('the stream window was not sent whole');
  const t0 = sent.finishedAt;
  let ms: number | null = null;
  let polls = 0;
  let limited = 0;
  while (ms === null && performance.now() - t0 < 60_000) {
    const asked = performance.now();
    const answer = await search(app.port, word).catch(() => ({ status: 0, ids: [] as string[] }));
    polls++;
    if (answer.status === 429) limited++;
    if (answer.ids.includes(adId)) ms = performance.now() - t0;
    else await sleep(Math.max(0, POLL_MS - (performance.now() - asked)));
  }
  const run = await running.done;
  failIfBad(run, 'ingest stream');
  if (run.counts?.written !== 1)
    throw new Error(`the stream window wrote ${run.counts?.written} rows, not 1`);
  return {
    adId,
    ms: ms === null ? null : round(ms),
    servedToExitMs: round(run.endedAt - t0),
    cliMs: run.ms,
    polls,
    limited,
  };
}

export async function runIngest(options: { ads?: number; trials?: number } = {}): Promise<IngestResult> {
  const ads = options.ads ?? CORPUS_ADS;
  const problems: string[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-ingest-'));
  chmodSync(dir, 0o755);
  const removeDir = onCleanup(`temp dir ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  const db = await startBenchDatabase();
  const server = await startJobStreamServer();
  const { client, close } = await connect(db.url);
  let app: ChildServer | undefined;
  try {
    const file = path.join(dir, 'snapshot.json');
    const corpus = await writeCorpus(file, {
      count: ads,
      seed: CORPUS_SEED,
      now: new Date(),
      prefix: 'bench',
    });
    console.log(
      `  corpus: ${corpus.ads} ads, ${(corpus.bytes / 1e6).toFixed(1)} MB (seed ${CORPUS_SEED}) in ${(corpus.ms / 1000).toFixed(1)} s`,
    );
    const env: IngestEnv = { databaseUrl: db.url, streamUrl: server.url, dataDir: dir };
    server.set('/snapshot', { file });

    const seed = await runCli(['seed'], env);
    failIfBad(seed, 'lotsa seed');
    console.log(`  lotsa seed (taxonomy, no demo ads): ${seed.ms} ms`);

    // 1. The full snapshot.
    const pgPort = Number(new URL(db.url).port);
    const loadBefore = round(os.loadavg()[0] ?? 0, 2);
    const requestsBefore = server.requests.length;
    const served = server.nextServed('/snapshot', 900_000);
    served.catch(() => {});
    const { run: full, cpu: fullCpu } = await timed(['ingest', 'snapshot'], env, pgPort);
    failIfBad(full, 'ingest snapshot');
    const sent = await served;
    const downloadMs = round((sent.finishedAt ?? full.endedAt) - full.startedAt);
    const snapshotRequests = server.requests
      .slice(requestsBefore)
      .filter((r) => r.path === '/snapshot').length;
    if (snapshotRequests !== 1) problems.push(`the full snapshot was downloaded ${snapshotRequests} times`);
    const open = await openAds(client);
    if (full.counts?.written !== ads) problems.push(`the full snapshot wrote ${full.counts?.written} rows`);
    if (open !== ads) problems.push(`${open} open ads after the full snapshot, not ${ads}`);
    const fullFigures = {
      ms: full.ms,
      downloadMs,
      applyMs: round(full.endedAt - (sent.finishedAt ?? full.endedAt)),
      snapshotRequests,
      peakRssMiB: full.peakRssMiB,
      cpu: fullCpu,
      counts: full.counts,
      openAds: open,
      target: FULL_TARGET_MS,
      pass: full.ms <= FULL_TARGET_MS && full.counts?.written === ads && open === ads,
    };
    console.log(
      `  full snapshot: ${(full.ms / 1000).toFixed(1)} s (sent after ${(downloadMs / 1000).toFixed(1)} s), peak RSS ${full.peakRssMiB} MiB, CPU ${fullCpu.ingester} s ingester + ${fullCpu.postgres} s PostgreSQL, ${open} open (target ≤ ${FULL_TARGET_MS / 1000} s): ${fullFigures.pass ? 'pass' : 'MISS'}`,
    );

    // 2. Unchanged data: the snapshot again, then a stream window with the same ads.
    const resnapshot = await rerun(client, env, 'snapshot', ads, pgPort);
    console.log(
      `  unchanged snapshot: ${(resnapshot.ms / 1000).toFixed(1)} s, written ${resnapshot.check.printed} (runs ${resnapshot.check.recorded}), tuple delta ${resnapshot.check.tupleDelta}, rows rewritten ${resnapshot.check.rowsRewritten}: ${resnapshot.check.pass ? 'pass' : 'MISS'}`,
    );
    server.set('/stream', { file });
    const restream = await rerun(client, env, 'stream', ads, pgPort);
    console.log(
      `  unchanged stream window (${ads} ads): ${(restream.ms / 1000).toFixed(1)} s, written ${restream.check.printed} (runs ${restream.check.recorded}), tuple delta ${restream.check.tupleDelta}, rows rewritten ${restream.check.rowsRewritten}: ${restream.check.pass ? 'pass' : 'MISS'}`,
    );

    // 3. A changed ad: stream window served → searchable through the app.
    const saved = process.env.LOTSA_SEED_DEMO;
    process.env.LOTSA_SEED_DEMO = 'false'; // the app must not add demo ads to the measured database
    try {
      app = await startAppServer(db, { name: 'app (ingest)' });
    } finally {
      if (saved === undefined) delete process.env.LOTSA_SEED_DEMO;
      else process.env.LOTSA_SEED_DEMO = saved;
    }
    const { rows } = await client.query<{ raw: unknown }>(
      `SELECT raw FROM job_ads WHERE region_id = $1 AND status = 'open' ORDER BY random() LIMIT ${WINDOW_COMPANIONS}`,
      [REGION_ID],
    );
    const companions = rows.map((r) => r.raw);
    const trials: LatencyTrial[] = [];
    for (let i = 0; i < (options.trials ?? LATENCY_TRIALS); i++) {
      const trial = await latencyTrial(client, server, env, app, companions, ads);
      trials.push(trial);
      console.log(
        `  changed ad ${trial.adId}: searchable ${trial.ms === null ? 'never (60 s)' : `${trial.ms} ms`} after the window was sent` +
          ` (command exited after ${trial.servedToExitMs} ms; ${trial.polls} polls${trial.limited ? `, ${trial.limited} × 429` : ''})`,
      );
    }
    const times = trials.map((t) => t.ms);
    const all = times.every((t): t is number => t !== null);
    const medianMs = all ? round(median(times as number[])) : null;
    const maxMs = all ? Math.max(...(times as number[])) : null;
    const latency = {
      trials,
      medianMs,
      maxMs,
      pollMs: POLL_MS,
      companions: WINDOW_COMPANIONS,
      target: VISIBLE_TARGET_MS,
      pass: maxMs !== null && maxMs <= VISIBLE_TARGET_MS,
    };
    console.log(
      `  changed ad searchable: median ${medianMs ?? '–'} ms, max ${maxMs ?? 'never'} ms (target ≤ ${VISIBLE_TARGET_MS} ms): ${latency.pass ? 'pass' : 'MISS'}`,
    );
    for (const p of problems) console.log(`  ! ${p}`);
    return {
      measuredAt: new Date().toISOString(),
      loadBefore,
      loadAfter: round(os.loadavg()[0] ?? 0, 2),
      corpus: { ads: corpus.ads, bytes: corpus.bytes, seed: CORPUS_SEED, generateMs: corpus.ms },
      seedMs: seed.ms,
      full: fullFigures,
      resnapshot,
      restream,
      latency,
      problems,
    };
  } finally {
    await app?.stop();
    await close();
    await server.close();
    await db.stop();
    await removeDir();
  }
}
