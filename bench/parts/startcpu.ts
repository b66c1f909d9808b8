/**
 * Start-up CPU of `node bin/lotsa.js help` (every module imported, nothing started): without dist/,
 * so the TypeScript sources run through tsx (what `npm start` runs without a build), then with the
 * compiled dist/ (`npm run build`). Each process reports its own user+system CPU time at exit; five
 * runs of each, after one unmeasured run (tsx's cache warm, files in the page cache). A dist/ that
 * is there is set aside for the first runs; one built here is removed at the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
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
  const dist = path.join(ROOT, 'dist');
  const aside = path.join(ROOT, `dist-startcpu-${process.pid}`);
  const hadDist = existsSync(dist);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-startcpu-'));
  const file = path.join(tmp, 'cpu');
  const help = ['bin/lotsa.js', 'help']; // what `npm start` runs, with and without dist/
  const measure = () => {
    cpuOf(help, file); // unmeasured: tsx's cache and the page cache warm
    return Array.from({ length: RUNS }, () => cpuOf(help, file));
  };
  const runs = (cpuMs: number[]) => ({ cpuMs: cpuMs.map(Math.round), medianMs: Math.round(median(cpuMs)) });
  try {
    if (hadDist) renameSync(dist, aside);
    const source = measure();
    if (hadDist) renameSync(aside, dist);
    if (!distIsCurrent()) execFileSync(process.execPath, ['bin/build.js'], { cwd: ROOT, stdio: 'ignore' });
    const built = measure();
    return { measuredAt, source: runs(source), dist: runs(built) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    if (existsSync(aside)) renameSync(aside, dist);
    if (!hadDist) rmSync(dist, { recursive: true, force: true });
  }
}
