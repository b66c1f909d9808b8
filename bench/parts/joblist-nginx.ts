/**
 * Part joblist-nginx: the job list page (GET /sv/jobs) from the app against nginx serving the very
 * same bytes from a file, with wrk. nginx (one worker) sends the body the app sent — fetched once,
 * with the same Accept-Encoding wrk sends (`br, gzip`, as browsers do), so the same brotli bytes —
 * and the app's own response headers (security headers and all), so both put about the same bytes
 * on the wire. Then, alternately, several rounds of the same wrk load on: nginx; the app with the
 * response cache off (JOB_CACHE_SIZE=0, every request asks PostgreSQL); the app with its cache warm.
 * Targets: dynamic ≥ 10 % of nginx's requests per second, cached ≥ 40 % (issue 11). On the 100k-ad corpus.
 *
 * Nothing is installed at bench time: without the `nginx` and `wrk` binaries (Debian packages
 * `nginx` and `wrk`) the part is skipped with a note.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, chmodSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onCleanup, sleep, withTimeout } from '../lib/cleanup.ts';
import { startCorpusApp, type CorpusDatabase } from '../lib/corpus.ts';
import { ask, exited, freePort, get, stopChild, type ChildServer } from '../lib/proc.ts';
import { median, round } from '../lib/stats.ts';

export const PAGE = '/sv/jobs';
export const ACCEPT_ENCODING = 'br, gzip';
export const WRK = { threads: 1, connections: 32, seconds: 5 } as const;
export const TARGETS = { dynamic: 0.1, cached: 0.4 } as const;

export interface WrkFigures {
  rps: number;
  /** Latency percentiles (ms) as wrk reports them. */
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  socketErrors: number;
  /** CPU time (user + system) the serving process spent per request, µs (nginx: its worker). */
  cpuUsPerRequest?: number;
}

export type Variant = 'nginx' | 'dynamic' | 'cached';

export interface JoblistNginxResult {
  measuredAt: string;
  /** Set when the part could not run here (nginx or wrk missing). */
  skipped?: string;
  nginxVersion?: string;
  wrkVersion?: string;
  wrk: string;
  rounds: number;
  warmupSeconds: number;
  /** The page as the app sent it: encoding, wire bytes (dynamic and cached), decoded bytes. */
  page: { url: string; encoding: string; dynamicBytes: number; cachedBytes: number; headerBytes: number };
  figures: Record<Variant, WrkFigures[]>;
  median: Record<Variant, number>;
  dynamicRatio: number;
  cachedRatio: number;
  targets: typeof TARGETS;
  pass: boolean;
}

/** The full path of `name` on PATH (or in the sbin directories a non-root PATH may lack), if any. */
export function findBinary(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Parses wrk's report (with --latency). */
export function parseWrk(output: string): WrkFigures {
  const ms = (value: string, unit: string) =>
    Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 1);
  const percentile = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(output);
    return m ? round(ms(m[1] as string, m[2] as string), 2) : NaN;
  };
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN);
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = errors ? errors.slice(1).reduce((sum, v) => sum + Number(v), 0) : 0;
  if (!Number.isFinite(rps)) throw new Error(`could not read wrk's output:\n${output}`);
  return { rps: round(rps), p50: percentile('50'), p99: percentile('99'), requests, non2xx, socketErrors };
}

function runWrk(wrk: string, port: number, seconds: number): Promise<WrkFigures> {
  const args = [
    `-t${WRK.threads}`,
    `-c${WRK.connections}`,
    `-d${seconds}s`,
    '--latency',
    '-H',
    `Host: localhost:${port}`,
    '-H',
    `Accept-Encoding: ${ACCEPT_ENCODING}`,
    `http://127.0.0.1:${port}${PAGE}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(wrk, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = onCleanup(`wrk (pid ${child.pid})`, async () => {
      await stopChild(child, 'SIGINT', 5000);
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      void stop();
      if (code !== 0) reject(new Error(`wrk exited with ${code}:\n${out}`));
      else {
        try {
          resolve(parseWrk(out));
        } catch (error) {
          reject(error);
        }
      }
    });
  });
}

/** Headers that describe this one response or the connection; everything else nginx sends as the app did. */
const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

function nginxConfig(
  dir: string,
  port: number,
  headers: Record<string, string>,
  contentType: string,
): string {
  const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const extra = Object.entries(headers)
    .map(([name, value]) => `      add_header ${name} ${quote(value)} always;`)
    .join('\n');
  return `# Written by bench/parts/joblist-nginx.ts for one run.
worker_processes 1;
daemon off;
master_process on;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 75s;
  server_tokens off;
  etag off;
  if_modified_since off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    location = ${PAGE} {
      root ${dir};
      try_files /page.body =404;
      types { }
      default_type ${quote(contentType)};
${extra}
    }
  }
}
`;
}

/** CPU time (user + system) of a process so far, µs, from /proc (clock ticks of 10 ms). */
export function processCpuUs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000; // utime, stime (fields 14, 15)
  } catch {
    return undefined;
  }
}

/** The child processes of a process (an nginx master's workers, a postmaster's backends). */
export function childProcesses(masterPid: number): number[] {
  try {
    return readFileSync(`/proc/${masterPid}/task/${masterPid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

async function startNginx(
  nginx: string,
  dir: string,
  port: number,
): Promise<{ stop(): Promise<void>; cpuUs(): number | undefined }> {
  const child = spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  child.on('error', () => {});
  const stop = onCleanup(`nginx (pid ${child.pid})`, async () => {
    // SIGTERM/SIGINT: fast shutdown of the master and its worker.
    await stopChild(child, 'SIGTERM', 10_000);
  });
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      let log = '';
      try {
        log = readFileSync(path.join(dir, 'error.log'), 'utf8');
      } catch {
        // none
      }
      throw new Error(`nginx exited (${child.exitCode}):\n${stderr}\n${log}`);
    }
    try {
      const r = await get(port, PAGE, { 'accept-encoding': ACCEPT_ENCODING }, 1000);
      if (r.status) break;
    } catch {
      // not yet
    }
    if (performance.now() - started > 10_000) {
      await stop();
      throw new Error(`nginx did not answer within 10 s:\n${stderr}`);
    }
    await sleep(50);
  }
  return {
    stop: () => withTimeout(stop(), 15_000, 'stopping nginx').then(() => exited(child)),
    cpuUs: () => {
      const workers = childProcesses(child.pid as number).map(processCpuUs);
      return workers.length && workers.every((w) => w !== undefined)
        ? workers.reduce((sum: number, w) => sum + (w as number), 0)
        : undefined;
    },
  };
}

function version(binary: string, args: string[]): string | undefined {
  // nginx -v writes to stderr; wrk -v exits non-zero after printing its version.
  const r = spawnSync(binary, args, { encoding: 'utf8', timeout: 5000 });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n')[0] || undefined;
}

const pause = (server: ChildServer) => server.child.kill('SIGSTOP');
/**
 * After a pause the app's load shedder sees the stall as event-loop delay and answers 503 until
 * its next sample (every 500 ms); the load starts after that has passed.
 */
const RESUME_MS = 1500;
const resume = (server: ChildServer) => server.child.kill('SIGCONT');

export async function runJoblistNginx(
  corpus: CorpusDatabase,
  options: { rounds?: number; warmupSeconds?: number } = {},
): Promise<JoblistNginxResult> {
  const rounds = options.rounds ?? 3;
  const warmupSeconds = options.warmupSeconds ?? 2;
  const measuredAt = new Date().toISOString();
  const wrkCommand = `wrk -t${WRK.threads} -c${WRK.connections} -d${WRK.seconds}s --latency -H 'Host: localhost:<port>' -H 'Accept-Encoding: ${ACCEPT_ENCODING}' http://127.0.0.1:<port>${PAGE}`;
  const nginx = findBinary('nginx');
  const wrk = findBinary('wrk');
  const empty = {
    measuredAt,
    wrk: wrkCommand,
    rounds: 0,
    warmupSeconds,
    page: { url: PAGE, encoding: '', dynamicBytes: 0, cachedBytes: 0, headerBytes: 0 },
    figures: { nginx: [], dynamic: [], cached: [] },
    median: { nginx: 0, dynamic: 0, cached: 0 },
    dynamicRatio: 0,
    cachedRatio: 0,
    targets: TARGETS,
    pass: false,
  };
  if (!nginx || !wrk) {
    const missing = [!nginx && 'nginx', !wrk && 'wrk'].filter(Boolean).join(' and ');
    return {
      ...empty,
      skipped: `${missing} not installed (the bench installs nothing; \`apt-get install -y nginx wrk\` to run this part)`,
    };
  }
  const nginxVersion = version(nginx, ['-v'])?.replace(/^nginx version:\s*/, '');
  const wrkVersion = version(wrk, ['-v'])?.replace(/\s+Copyright.*$/, '');

  const dynamic = await startCorpusApp(corpus, {
    name: 'app (JOB_CACHE_SIZE=0)',
    env: { JOB_CACHE_SIZE: '0' },
  });
  let cached: ChildServer | undefined;
  let server: Awaited<ReturnType<typeof startNginx>> | undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-nginx-'));
  chmodSync(dir, 0o755); // the worker may run as another user
  const removeDir = onCleanup(`temp dir ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  try {
    cached = await startCorpusApp(corpus, { name: 'app (cache on)' });
    const headers = { 'accept-encoding': ACCEPT_ENCODING, accept: 'text/html' };
    const fromApp = await get(dynamic.port, PAGE, headers, 30_000);
    if (fromApp.status !== 200) throw new Error(`GET ${PAGE} answered ${fromApp.status}`);
    await get(cached.port, PAGE, headers, 30_000); // fills the cache
    const fromCache = await get(cached.port, PAGE, headers, 30_000);
    const encoding = String(fromApp.headers['content-encoding'] ?? 'identity');
    const kept: Record<string, string> = {};
    for (const [name, value] of Object.entries(fromApp.headers)) {
      if (OWN_HEADERS.has(name) || name === 'content-type' || value === undefined) continue;
      kept[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const headerBytes = Object.entries(fromApp.headers).reduce(
      (sum, [name, value]) => sum + name.length + String(value).length + 4,
      0,
    );
    writeFileSync(path.join(dir, 'page.body'), fromApp.body, { mode: 0o644 });
    const port = await freePort();
    writeFileSync(
      path.join(dir, 'nginx.conf'),
      nginxConfig(dir, port, kept, String(fromApp.headers['content-type'] ?? 'text/html')),
    );
    server = await startNginx(nginx, dir, port);
    const fromNginx = await get(port, PAGE, headers);
    if (
      !fromNginx.body.equals(fromApp.body) ||
      fromNginx.headers['content-encoding'] !== fromApp.headers['content-encoding']
    )
      throw new Error('nginx does not send the bytes the app sent');
    console.log(
      `  ${PAGE}: ${fromApp.body.length} B ${encoding} from the app (${fromCache.body.length} B from its cache), ` +
        `served by nginx ${nginxVersion ?? ''} from a file with the app's ${Object.keys(kept).length} headers`,
    );

    const targets: Record<Variant, { port: number; app?: ChildServer }> = {
      nginx: { port },
      dynamic: { port: dynamic.port, app: dynamic },
      cached: { port: cached.port, app: cached },
    };
    const apps = [dynamic, cached];
    /** Only the measured app runs; the other is paused so its timers do not disturb it. */
    const only = (app: ChildServer | undefined) => {
      for (const a of apps) (a === app ? resume : pause)(a);
    };
    const variants: Variant[] = ['nginx', 'dynamic', 'cached'];
    try {
      for (const v of variants) {
        only(targets[v].app);
        await sleep(RESUME_MS);
        await runWrk(wrk, targets[v].port, warmupSeconds);
      }
      const figures: Record<Variant, WrkFigures[]> = { nginx: [], dynamic: [], cached: [] };
      for (let round_ = 1; round_ <= rounds; round_++) {
        for (const v of variants) {
          only(targets[v].app);
          await sleep(RESUME_MS);
          const app = targets[v].app;
          const cpu = async () =>
            app ? await ask<number>(app, { cpu: true }, 'cpu').catch(() => undefined) : server?.cpuUs();
          const before = await cpu();
          const f = await runWrk(wrk, targets[v].port, WRK.seconds);
          const after = await cpu();
          if (before !== undefined && after !== undefined && f.requests)
            f.cpuUsPerRequest = round((after - before) / f.requests, 1);
          figures[v].push(f);
          console.log(
            `  round ${round_} ${v.padEnd(8)} ${String(f.rps).padStart(8)} req/s  p50 ${f.p50} ms  p99 ${f.p99} ms` +
              (f.cpuUsPerRequest !== undefined ? `  ${f.cpuUsPerRequest} µs CPU/req` : '') +
              (f.non2xx || f.socketErrors ? `  non-2xx ${f.non2xx}, socket errors ${f.socketErrors}` : ''),
          );
        }
      }
      const med = {
        nginx: median(figures.nginx.map((f) => f.rps)),
        dynamic: median(figures.dynamic.map((f) => f.rps)),
        cached: median(figures.cached.map((f) => f.rps)),
      };
      const dynamicRatio = round(med.dynamic / med.nginx, 4);
      const cachedRatio = round(med.cached / med.nginx, 4);
      const clean = Object.values(figures)
        .flat()
        .every((f) => f.non2xx === 0);
      console.log(
        `  median: nginx ${med.nginx}, dynamic ${med.dynamic} (${(dynamicRatio * 100).toFixed(1)} %, target ≥ ${TARGETS.dynamic * 100} %), ` +
          `cached ${med.cached} req/s (${(cachedRatio * 100).toFixed(1)} %, target ≥ ${TARGETS.cached * 100} %)`,
      );
      return {
        ...empty,
        ...(nginxVersion ? { nginxVersion } : {}),
        ...(wrkVersion ? { wrkVersion } : {}),
        rounds,
        page: {
          url: PAGE,
          encoding,
          dynamicBytes: fromApp.body.length,
          cachedBytes: fromCache.body.length,
          headerBytes,
        },
        figures,
        median: med,
        dynamicRatio,
        cachedRatio,
        pass: clean && dynamicRatio >= TARGETS.dynamic && cachedRatio >= TARGETS.cached,
      };
    } finally {
      for (const a of apps) resume(a);
    }
  } finally {
    await server?.stop();
    await cached?.stop();
    await dynamic.stop();
    await removeDir();
  }
}
