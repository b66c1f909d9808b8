/**
 * The real ingestion command, `node bin/lotsa.js ingest snapshot|stream`, as a child process against
 * a bench database and the JobStream stand-in, plus what the ingestion benchmarks read back from
 * PostgreSQL. The child is registered for clean-up (SIGKILL: there is nothing to save) until it exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import type { ApplyCounts } from '../../src/modules/jobs/ingest/apply.ts';
import { onCleanup, sleep } from './cleanup.ts';
import { childEnv, exited, ROOT } from './proc.ts';

export interface IngestEnv {
  databaseUrl: string;
  streamUrl: string;
  /** LOTSA_DATA_DIR for the child (the ingest command does not write to it, but it must exist). */
  dataDir: string;
  /** More environment for the child (e.g. SMTP_URL for `lotsa worker`); undefined removes a variable. */
  extra?: Record<string, string | undefined>;
}

export interface CliRun {
  args: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Spawn to exit, ms. */
  ms: number;
  /** performance.now() at spawn and at exit. */
  startedAt: number;
  endedAt: number;
  /** The last bytes of stdout and stderr. */
  output: string;
  /** Peak resident set size (VmHWM), MiB, as last sampled. */
  peakRssMiB: number | null;
  /** CPU time (user + system) of the process, s, as last sampled (every 100 ms). */
  cpuSeconds: number | null;
  /** The counts line the command printed for the region, if it printed one. */
  counts: ApplyCounts | null;
}

export interface RunningCli {
  child: ChildProcess;
  startedAt: number;
  done: Promise<CliRun>;
  /** SIGKILL now; true if the process was still running. */
  kill(): boolean;
}

const COUNTS =
  /(\w+) (snapshot|stream): received (\d+), written (\d+), unchanged (\d+), stale (\d+), closed (\d+), malformed (\d+), skipped (\d+)/;

export function parseCounts(output: string, regionId: string): ApplyCounts | null {
  for (const line of output.split('\n').reverse()) {
    const m = COUNTS.exec(line);
    if (!m || m[1] !== regionId) continue;
    const [received, written, unchanged, stale, closed, malformed, skipped] = m
      .slice(3)
      .map(Number) as number[];
    return {
      received: received ?? 0,
      written: written ?? 0,
      unchanged: unchanged ?? 0,
      stale: stale ?? 0,
      closed: closed ?? 0,
      malformed: malformed ?? 0,
      skipped: skipped ?? 0,
    };
  }
  return null;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS = 100;

/** utime, stime, cutime, cstime of a process, in seconds; null when it is gone. */
function cpuOf(pid: number): { self: number; children: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based).
    const at = (n: number) => Number(fields[n - 3] ?? 0) / TICKS;
    return { self: at(14) + at(15), children: at(16) + at(17) };
  } catch {
    return null;
  }
}

function ppidOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by the PostgreSQL listening on `port`: its postmaster, its live processes,
 * and (through the postmaster's child times) every backend that has exited.
 */
export function postgresCpuSeconds(port: number): number | null {
  let postmaster: number | null = null;
  const pids = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  for (const pid of pids) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!args[0]?.endsWith('/postgres')) continue;
      const p = args.indexOf('-p');
      if (p >= 0 && args[p + 1] === String(port)) postmaster = pid;
    } catch {
      // gone
    }
  }
  if (postmaster === null) return null;
  const own = cpuOf(postmaster);
  if (!own) return null;
  let total = own.self + own.children;
  for (const pid of pids) if (ppidOf(pid) === postmaster) total += cpuOf(pid)?.self ?? 0;
  return Math.round(total * 10) / 10;
}

function vmHwmMiB(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Starts `node bin/lotsa.js <args>` (logging at info, as in production; the output is kept). */
export function startCli(args: string[], env: IngestEnv, regionId = 'dalarna'): RunningCli {
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['bin/lotsa.js', ...args], {
    cwd: ROOT,
    env: childEnv({
      DATABASE_URL: env.databaseUrl,
      JOBTECH_STREAM_URL: env.streamUrl,
      JOBTECH_API_KEY: undefined,
      JOBTECH_INGEST: undefined,
      LOTSA_DATA_DIR: env.dataDir,
      LOTSA_SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      PUBLIC_URL: undefined,
      LOTSA_SECRET: undefined,
      SMTP_URL: undefined,
      ...env.extra,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.on('error', () => {});
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let peak: number | null = null;
  let cpu: number | null = null;
  const sampler = setInterval(() => {
    if (!child.pid) return;
    peak = vmHwmMiB(child.pid) ?? peak;
    const c = cpuOf(child.pid);
    if (c) cpu = Math.round(c.self * 10) / 10;
  }, 100);
  const unregister = onCleanup(`lotsa ${args.join(' ')} (pid ${child.pid})`, async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited(child);
  });
  const done = exited(child).then(async () => {
    clearInterval(sampler);
    const endedAt = performance.now();
    await unregister();
    return {
      args,
      code: child.exitCode,
      signal: child.signalCode,
      ms: Math.round(endedAt - startedAt),
      startedAt,
      endedAt,
      output,
      peakRssMiB: peak,
      cpuSeconds: cpu,
      counts: parseCounts(output, regionId),
    };
  });
  return {
    child,
    startedAt,
    done,
    kill: () => {
      if (child.exitCode !== null || child.signalCode !== null) return false;
      return child.kill('SIGKILL');
    },
  };
}

/** Runs the command to its end (bounded by `limitMs`, then killed and reported as an error). */
export async function runCli(args: string[], env: IngestEnv, limitMs = 600_000): Promise<CliRun> {
  const running = startCli(args, env);
  const timer = setTimeout(() => running.kill(), limitMs);
  try {
    const run = await running.done;
    if (run.signal === 'SIGKILL')
      throw new Error(`lotsa ${args.join(' ')} took longer than ${limitMs / 1000} s`);
    return run;
  } finally {
    clearTimeout(timer);
  }
}

/** A plain pg client on the bench database, for checks (not the app's code); `close` ends it. */
export async function connect(url: string): Promise<{ client: pg.Client; close: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url, application_name: 'lotsa-bench-check' });
  await client.connect();
  const close = onCleanup('bench check connection', () => client.end().catch(() => {}));
  return { client, close };
}

/**
 * Waits until no other client has a backend on the database: after a kill -9, PostgreSQL finishes
 * (commits or rolls back) what the dead process had sent only when it notices the socket is gone.
 * Returns how long that took, ms; throws after `limitMs`.
 */
export async function waitForOtherBackends(client: pg.Client, limitMs = 60_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    if (Number(rows[0]?.n ?? 0) === 0) return Math.round(performance.now() - started);
    if (performance.now() - started > limitMs) {
      throw new Error(
        `other backends still on the database ${Math.round(limitMs / 1000)} s after the ingester ended`,
      );
    }
    await sleep(20);
  }
}
