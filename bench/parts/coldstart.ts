/**
 * Part 4: cold start of `npm start` (`node bin/lotsa.js serve`): time from spawn to the first
 * 200 answer of GET /sv/, polled every 20 ms. Once on an empty data directory (initdb, migrations,
 * seed), then three times on that, now initialised, directory, stopping with SIGINT in between.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onCleanup, sleep } from '../lib/cleanup.ts';
import { processAlive } from '../../src/platform/db/embedded.ts';
import { childEnv, freePort, get, ROOT, stopChild } from '../lib/proc.ts';
import { median, round } from '../lib/stats.ts';

const POLL_MS = 20;
const START_LIMIT_MS = 180_000;

export interface StartRun {
  /** Spawn to the first 200 of GET /sv/. */
  ms: number;
  /** Spawn to the log line "embedded PostgreSQL ready". */
  postgresReadyMs?: number;
  /** Spawn to the log line "Lotsa is listening". */
  listeningMs?: number;
  /** SIGINT to exit (app, worker and embedded PostgreSQL stopped). */
  stopMs: number;
  stoppedCleanly: boolean;
}

export interface ColdStartResult {
  measuredAt: string;
  first: StartRun;
  warm: StartRun[];
  medianWarm: number;
}

/** The pid of a PostgreSQL still running on `dataDir`, if any. */
function postgresPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return pid && processAlive(pid) ? pid : undefined;
}

/** Stops a PostgreSQL left behind by a Lotsa process that had to be killed. */
async function stopOrphanPostgres(dataDir: string): Promise<void> {
  const pid = postgresPid(dataDir);
  if (!pid) return;
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 500 && processAlive(pid); i++) await sleep(20);
  if (processAlive(pid)) process.kill(pid, 'SIGKILL');
}

async function startOnce(dataDir: string): Promise<StartRun> {
  const port = await freePort();
  const spawnedAt = Date.now();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/lotsa.js', 'serve'], {
    cwd: ROOT,
    env: childEnv({
      LOTSA_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATABASE_URL: undefined,
      PUBLIC_URL: undefined,
      LOTSA_SECRET: undefined,
      SMTP_URL: undefined,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const unregister = onCleanup(`lotsa serve (pid ${child.pid})`, async () => {
    if (!(await stopChild(child, 'SIGINT', 30_000))) await stopOrphanPostgres(dataDir);
  });
  let output = '';
  const marks: { postgresReadyMs?: number; listeningMs?: number } = {};
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as { msg?: string; time?: string };
        const at = entry.time ? Date.parse(entry.time) - spawnedAt : undefined;
        if (at === undefined) continue;
        if (entry.msg === 'embedded PostgreSQL ready') marks.postgresReadyMs = at;
        if (entry.msg === 'Lotsa is listening') marks.listeningMs = at;
      } catch {
        // not a log line
      }
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });

  let ms: number | undefined;
  try {
    while (ms === undefined) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `lotsa serve exited (${child.exitCode ?? child.signalCode}) before answering:\n${output}`,
        );
      }
      if (performance.now() - t0 > START_LIMIT_MS) {
        throw new Error(`no 200 from GET /sv/ within ${START_LIMIT_MS / 1000} s:\n${output}`);
      }
      try {
        const response = await get(port, '/sv/', { accept: 'text/html' }, 2000);
        if (response.status === 200) ms = performance.now() - t0;
        else await sleep(POLL_MS);
      } catch {
        await sleep(POLL_MS);
      }
    }
  } catch (error) {
    await unregister();
    throw error;
  }

  const s0 = performance.now();
  const stoppedCleanly = await stopChild(child, 'SIGINT', 30_000);
  const stopMs = performance.now() - s0;
  await unregister(); // a no-op now, or it stops what is left
  if (!stoppedCleanly) await stopOrphanPostgres(dataDir);
  // PostgreSQL removes its pid file as it exits; give a slow shutdown a moment before calling it left over.
  let left = postgresPid(dataDir);
  for (let i = 0; left && i < 250; i++) {
    await sleep(20);
    left = postgresPid(dataDir);
  }
  if (left) {
    let what = '';
    try {
      what = readFileSync(`/proc/${left}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    } catch {
      // gone, or not readable
    }
    await stopOrphanPostgres(dataDir);
    throw new Error(
      `PostgreSQL (pid ${left}${what ? `: ${what}` : ''}) still ran 5 s after lotsa serve exited ` +
        `(exit code ${child.exitCode ?? child.signalCode}); last output:\n${output}`,
    );
  }
  return {
    ms: round(ms),
    ...(marks.postgresReadyMs !== undefined ? { postgresReadyMs: marks.postgresReadyMs } : {}),
    ...(marks.listeningMs !== undefined ? { listeningMs: marks.listeningMs } : {}),
    stopMs: round(stopMs),
    stoppedCleanly,
  };
}

export async function runColdStart(warmRuns = 3): Promise<ColdStartResult> {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-start-'));
  chmodSync(parent, 0o755); // PostgreSQL runs as user `postgres` when we are root and must reach its data
  const removeDir = onCleanup(`temp dir ${parent}`, () => rmSync(parent, { recursive: true, force: true }));
  const dataDir = path.join(parent, 'data');
  const describe = (r: StartRun) =>
    `${r.ms} ms to first 200` +
    (r.postgresReadyMs !== undefined ? ` (PostgreSQL ready ${r.postgresReadyMs} ms` : '') +
    (r.listeningMs !== undefined
      ? `, listening ${r.listeningMs} ms)`
      : r.postgresReadyMs !== undefined
        ? ')'
        : '') +
    `; stopped in ${r.stopMs} ms${r.stoppedCleanly ? '' : ' (had to be killed)'}`;
  try {
    const first = await startOnce(dataDir);
    console.log(`  first-ever start (empty data dir): ${describe(first)}`);
    const warm: StartRun[] = [];
    for (let i = 1; i <= warmRuns; i++) {
      const run = await startOnce(dataDir);
      console.log(`  start ${i}: ${describe(run)}`);
      warm.push(run);
    }
    return { measuredAt: new Date().toISOString(), first, warm, medianWarm: median(warm.map((r) => r.ms)) };
  } finally {
    await removeDir();
  }
}
