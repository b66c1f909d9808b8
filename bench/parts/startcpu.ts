/**
 * Start-up CPU of `lotsa help` (every module imported, nothing started): from the TypeScript sources
 * through tsx (what `npm start` runs without a build) against the compiled dist/ (`npm run build`).
 * Each process reports its own user+system CPU time at exit; the two kinds alternate, five runs
 * each, after one unmeasured run of each (tsx's cache warm, files in the page cache). Builds dist/ if
 * it is missing or stale, and removes it again if it was not there before.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { childEnv, ROOT } from '../lib/proc.ts';
import { median } from '../lib/stats.ts';

const RUNS = 5;

export interface StartCpuRuns {
  /** User+system CPU of each run, in ms. */
  cpuMs: number[];
  medianMs: number;
}

export interface StartCpuResult {
  measuredAt: string;
  source: StartCpuRuns;
  dist: StartCpuRuns;
}

/** Loaded with --import into the measured process: writes its CPU time to $LOTSA_BENCH_CPU at exit. */
const REPORT_CPU = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeFileSync(process.env.LOTSA_BENCH_CPU, String((u.user + u.system) / 1000)); });",
)}`;

function cpuOf(args: string[], file: string): number {
  const run = spawnSync(process.execPath, ['--import', REPORT_CPU, ...args], {
    cwd: ROOT,
    env: childEnv({ LOTSA_BENCH_CPU: file, NODE_OPTIONS: undefined }),
    encoding: 'utf8',
  });
  if (run.status !== 0 || !run.stdout.startsWith('Usage: lotsa')) {
    throw new Error(`node ${args.join(' ')} failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
  }
  return Number(readFileSync(file, 'utf8'));
}

export async function runStartCpu(): Promise<StartCpuResult> {
  const measuredAt = new Date().toISOString();
  const distModule = '../../bin/dist.js'; // plain JavaScript, without types
  const { distIsCurrent } = (await import(distModule)) as { distIsCurrent(): boolean };
  const hadDist = existsSync(path.join(ROOT, 'dist'));
  if (!distIsCurrent()) execFileSync(process.execPath, ['bin/build.js'], { cwd: ROOT, stdio: 'ignore' });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-startcpu-'));
  const file = path.join(tmp, 'cpu');
  const source = ['--import', 'tsx', 'src/main.ts', 'help'];
  const dist = ['bin/lotsa.js', 'help']; // what `npm start` runs once dist/ is built
  try {
    cpuOf(source, file);
    cpuOf(dist, file);
    const measured = { source: [] as number[], dist: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      measured.source.push(cpuOf(source, file));
      measured.dist.push(cpuOf(dist, file));
    }
    const runs = (cpuMs: number[]) => ({ cpuMs: cpuMs.map(Math.round), medianMs: Math.round(median(cpuMs)) });
    return { measuredAt, source: runs(measured.source), dist: runs(measured.dist) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    if (!hadDist) rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
  }
}
