/**
 * Part 1: the production plugin stack on a trivial route (GET /healthz) against a bare node:http
 * server (and, for context, one sending the very same bytes), side by side in one run. Each server runs in a child process of its own; autocannon runs
 * here. Rounds alternate bare/app so drift (thermal, noisy neighbours) hits both alike.
 */
import autocannon from 'autocannon';
import { startAppServer } from '../lib/app-server.ts';
import type { BenchDatabase } from '../lib/db.ts';
import { ask, startServer, type ChildServer } from '../lib/proc.ts';
import { median, round } from '../lib/stats.ts';

export const CONNECTIONS = 10;
export const PIPELINING = 1;
/** A trivial route without the exemptions of /healthz: no database, a short text body. */
export const ORDINARY_ROUTE = '/robots.txt';

const LABELS = { bare: 'bare', sameBytes: 'bare, same bytes', app: 'app', ordinary: 'app %s' } as const;

export interface LoadFigures {
  /** Mean requests per second over the run (autocannon's per-second samples). */
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  requests: number;
  /** CPU time (user + system) the server process spent per request answered, in µs. */
  cpuUsPerRequest: number;
}

export interface OverheadResult {
  measuredAt: string;
  connections: number;
  pipelining: number;
  rounds: number;
  roundSeconds: number;
  warmupSeconds: number;
  bare: LoadFigures[];
  /**
   * For context, not the target: a bare node:http server sending exactly the app's /healthz bytes
   * (its security headers, request id and cache-control too).
   */
  sameBytes: LoadFigures[];
  app: LoadFigures[];
  /**
   * For context, not the target: the same app on an ordinary trivial route, which (unlike /healthz)
   * writes its log line and passes the compression hooks.
   */
  ordinary: LoadFigures[];
  ordinaryRoute: string;
  medianBare: number;
  medianSameBytes: number;
  medianApp: number;
  medianOrdinary: number;
  ratio: number;
  /** app /healthz ÷ the same-bytes bare server. */
  sameBytesRatio: number;
  ordinaryRatio: number;
  /** Median server CPU time per request, µs. */
  cpuBare: number;
  cpuSameBytes: number;
  cpuApp: number;
  cpuOrdinary: number;
  target: number;
  pass: boolean;
}

export async function load(
  server: ChildServer,
  seconds: number,
  path = '/healthz',
  headers: Record<string, string> = {},
): Promise<LoadFigures> {
  const cpuBefore = await ask<number>(server, { cpu: true }, 'cpu');
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}${path}`,
    headers: { host: `localhost:${server.port}`, ...headers },
    connections: CONNECTIONS,
    pipelining: PIPELINING,
    duration: seconds,
    timeout: 10,
  });
  const cpuAfter = await ask<number>(server, { cpu: true }, 'cpu');
  const requests = result.requests.total;
  return {
    rps: round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    requests,
    cpuUsPerRequest: requests ? round((cpuAfter - cpuBefore) / requests, 1) : NaN,
  };
}

export async function runOverhead(
  db: BenchDatabase,
  options: { rounds?: number; roundSeconds?: number; warmupSeconds?: number } = {},
): Promise<OverheadResult> {
  const rounds = options.rounds ?? 4;
  const roundSeconds = options.roundSeconds ?? 5;
  const warmupSeconds = options.warmupSeconds ?? 2;
  const bare = await startServer('bare', 'bare.ts', { PORT: '0' });
  const sameBytes = await startServer('bare, same bytes', 'bare-same-bytes.ts', { PORT: '0' });
  const app = await startAppServer(db);
  try {
    console.log(`  warm-up ${warmupSeconds} s each`);
    await load(bare, warmupSeconds);
    await load(sameBytes, warmupSeconds);
    await load(app, warmupSeconds);
    await load(app, warmupSeconds, ORDINARY_ROUTE);
    const figures = {
      bare: [] as LoadFigures[],
      sameBytes: [] as LoadFigures[],
      app: [] as LoadFigures[],
      ordinary: [] as LoadFigures[],
    };
    for (let i = 1; i <= rounds; i++) {
      for (const [name, server, path] of [
        ['bare', bare, '/healthz'],
        ['sameBytes', sameBytes, '/healthz'],
        ['app', app, '/healthz'],
        ['ordinary', app, ORDINARY_ROUTE],
      ] as const) {
        const f = await load(server, roundSeconds, path);
        figures[name].push(f);
        console.log(
          `  round ${i} ${LABELS[name].replace('%s', path).padEnd(22)} ${String(f.rps).padStart(7)} req/s` +
            `  ${f.cpuUsPerRequest} µs CPU/req  p50 ${f.p50} ms  p99 ${f.p99} ms` +
            (f.non2xx || f.errors ? `  non-2xx ${f.non2xx} errors ${f.errors}` : ''),
        );
      }
    }
    const medianBare = round(median(figures.bare.map((f) => f.rps)));
    const medianSameBytes = round(median(figures.sameBytes.map((f) => f.rps)));
    const medianApp = round(median(figures.app.map((f) => f.rps)));
    const medianOrdinary = round(median(figures.ordinary.map((f) => f.rps)));
    const ratio = medianApp / medianBare;
    const cpuBare = round(median(figures.bare.map((f) => f.cpuUsPerRequest)), 1);
    const cpuSameBytes = round(median(figures.sameBytes.map((f) => f.cpuUsPerRequest)), 1);
    const cpuApp = round(median(figures.app.map((f) => f.cpuUsPerRequest)), 1);
    const cpuOrdinary = round(median(figures.ordinary.map((f) => f.cpuUsPerRequest)), 1);
    const target = 0.8;
    const clean = [...figures.bare, ...figures.app].every((f) => f.non2xx === 0 && f.errors === 0);
    return {
      measuredAt: new Date().toISOString(),
      connections: CONNECTIONS,
      pipelining: PIPELINING,
      rounds,
      roundSeconds,
      warmupSeconds,
      ...figures,
      ordinaryRoute: ORDINARY_ROUTE,
      medianBare,
      medianSameBytes,
      medianApp,
      medianOrdinary,
      ratio: round(ratio, 3),
      sameBytesRatio: round(medianApp / medianSameBytes, 3),
      ordinaryRatio: round(medianOrdinary / medianBare, 3),
      cpuBare,
      cpuSameBytes,
      cpuApp,
      cpuOrdinary,
      target,
      pass: clean && ratio >= target,
    };
  } finally {
    await app.stop();
    await sameBytes.stop();
    await bare.stop();
  }
}
