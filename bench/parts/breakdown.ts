/**
 * Where the overhead of part 1 goes. (a) The same load on variants of the app with one thing taken
 * away (a plugin swapped for a no-op, or logging off), interleaved with the full app and the bare
 * server; (b) a V8 CPU profile of the full app under that load, summed by package / source file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAppServer, type AppServerOptions } from '../lib/app-server.ts';
import { onCleanup, sleep } from '../lib/cleanup.ts';
import type { BenchDatabase } from '../lib/db.ts';
import { ask, ROOT, startServer, type ChildServer } from '../lib/proc.ts';
import { median, round } from '../lib/stats.ts';
import { STUBS, stubFor } from '../lib/stubs.ts';
import { load, type LoadFigures } from './overhead.ts';

export interface Variant {
  name: string;
  rps: number[];
  median: number;
  /** Bare CPU µs/req ÷ this variant's: the share of bare throughput it could reach when CPU-bound. */
  ofBare: number;
  /** Server CPU time per request in the best round, µs. */
  cpuUs: number;
  /** cpuUs minus the full app's: negative = this variant saves that much per request. */
  cpuVsApp: number;
}

export interface ProfileShare {
  name: string;
  /** Percent of busy (non-idle) samples. */
  self: number;
  inclusive: number;
}

export interface ProfileSummary {
  /** Percent of profiled time the process was busy (not idle). */
  busy: number;
  groups: ProfileShare[];
  functions: ProfileShare[];
}

export interface BreakdownResult {
  measuredAt: string;
  rounds: number;
  roundSeconds: number;
  warmupSeconds: number;
  variants: Variant[];
  /** Stand-ins that no longer apply to the app, and why. */
  notApplicable: string[];
  profileSeconds: number;
  app: ProfileSummary;
  bare: ProfileSummary;
}

type VariantSpec = { name: string; path?: string } & (
  { file: 'bare.ts' | 'bare-same-bytes.ts' | 'fastify.ts' } | { options: AppServerOptions }
);

const FULL_APP = 'app (full stack)';

/** The variants that apply to the app as it is now, and the stand-ins that do not. */
function variants(): { specs: VariantSpec[]; notApplicable: string[] } {
  const applicable: string[] = [];
  const notApplicable: string[] = [];
  for (const name of Object.keys(STUBS)) {
    const stub = stubFor(name);
    if ('notApplicable' in stub) notApplicable.push(`${STUBS[name]?.label}: ${stub.notApplicable}`);
    else applicable.push(name);
  }
  return {
    specs: [
      { name: 'bare node:http', file: 'bare.ts' },
      { name: "bare node:http sending the app's /healthz bytes", file: 'bare-same-bytes.ts' },
      { name: 'Fastify alone (app logger, no plugins/hooks)', file: 'fastify.ts' },
      { name: FULL_APP, options: {} },
      ...applicable.map((name) => ({ name: `app − ${STUBS[name]?.label}`, options: { without: [name] } })),
      { name: 'app, LOG_LEVEL=silent', options: { logLevel: 'silent' } },
      { name: 'app − all of the above', options: { without: applicable, logLevel: 'silent' } },
      // /healthz writes no log line; an ordinary route does, one per request.
      { name: 'app, GET /robots.txt instead of /healthz', options: {}, path: '/robots.txt' },
      {
        name: 'app, GET /robots.txt, LOG_LEVEL=silent',
        options: { logLevel: 'silent' },
        path: '/robots.txt',
      },
      {
        name: 'app, GET /robots.txt, one synchronous log write per line (the destination before)',
        options: { syncLog: true },
        path: '/robots.txt',
      },
    ],
    notApplicable,
  };
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a frame's code lives: a package (`@fastify/compress`), a node core module, or a file of ours. */
function groupOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
  if (url.startsWith('node:')) return url;
  const file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    const parts = file.slice(modules + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? file);
  }
  return file.startsWith(ROOT) ? file.slice(ROOT.length) : file;
}

/** The file of a frame, relative to node_modules or the project. */
function fileOf(url: string): string {
  const file = url.replace(/^file:\/\//, '');
  const modules = file.lastIndexOf('/node_modules/');
  if (modules !== -1) return file.slice(modules + '/node_modules/'.length);
  return file.startsWith(ROOT) ? file.slice(ROOT.length) : file;
}

export function summariseProfile(profile: CpuProfile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfGroup = new Map<string, number>();
  const inclusiveGroup = new Map<string, number>();
  const selfFunction = new Map<string, number>();
  const inclusiveFunction = new Map<string, number>();
  let busy = 0;
  let total = 0;
  const add = (map: Map<string, number>, key: string, value: number) =>
    map.set(key, (map.get(key) ?? 0) + value);
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
    total += dt;
    const leaf = byId.get(id);
    if (!leaf || leaf.callFrame.functionName === '(idle)') return;
    busy += dt;
    const leafGroup = groupOf(leaf.callFrame.url, leaf.callFrame.functionName);
    add(selfGroup, leafGroup, dt);
    // Line numbers of our TypeScript files are those of tsx's output, so only the file is given.
    const fn = (n: typeof leaf) =>
      !n.callFrame.url
        ? groupOf('', n.callFrame.functionName)
        : `${n.callFrame.functionName || '(anonymous)'} ${fileOf(n.callFrame.url)}` +
          (n.callFrame.url.includes('/node_modules/') || n.callFrame.url.startsWith('node:')
            ? `:${n.callFrame.lineNumber + 1}`
            : '');
    add(selfFunction, fn(leaf), dt);
    const groups = new Set<string>();
    const functions = new Set<string>();
    for (let node: typeof leaf | undefined = leaf; node; node = byId.get(parent.get(node.id) ?? -1)) {
      if (node.callFrame.functionName === '(root)') break;
      groups.add(groupOf(node.callFrame.url, node.callFrame.functionName));
      functions.add(fn(node));
    }
    for (const g of groups) add(inclusiveGroup, g, dt);
    for (const f of functions) add(inclusiveFunction, f, dt);
  });
  const pct = (v: number) => round((100 * v) / busy, 1);
  const table = (
    self: Map<string, number>,
    inclusive: Map<string, number>,
    by: 'self' | 'inclusive',
    n: number,
  ) =>
    [...new Set([...self.keys(), ...inclusive.keys()])]
      .map((name) => ({ name, self: pct(self.get(name) ?? 0), inclusive: pct(inclusive.get(name) ?? 0) }))
      .sort((a, b) => b[by] - a[by])
      .slice(0, n);
  return {
    busy: round((100 * busy) / total, 1),
    groups: table(selfGroup, inclusiveGroup, 'self', 20),
    functions: table(selfFunction, inclusiveFunction, 'self', 20),
  };
}

async function profileOf(server: ChildServer, dir: string, seconds: number): Promise<ProfileSummary> {
  const file = path.join(dir, `${server.child.pid}.cpuprofile`);
  server.child.kill('SIGCONT');
  try {
    await sleep(1200);
    await load(server, 1);
    await ask(server, { profile: 'start' }, 'profiling');
    await load(server, seconds);
    await ask(server, { profile: 'stop', file }, 'profiled');
  } finally {
    server.child.kill('SIGSTOP');
  }
  return summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
}

export async function runBreakdown(
  db: BenchDatabase,
  options: { rounds?: number; roundSeconds?: number; warmupSeconds?: number; profileSeconds?: number } = {},
): Promise<BreakdownResult> {
  const rounds = options.rounds ?? 3;
  const roundSeconds = options.roundSeconds ?? 2;
  const warmupSeconds = options.warmupSeconds ?? 3;
  const profileSeconds = options.profileSeconds ?? 5;
  const { specs, notApplicable } = variants();
  const appIndex = specs.findIndex((v) => v.name === FULL_APP);
  for (const reason of notApplicable) console.log(`  not applicable: ${reason}`);
  const servers: ChildServer[] = [];
  try {
    for (const v of specs) {
      servers.push(
        'file' in v
          ? await startServer(v.name, v.file, { PORT: '0' })
          : await startAppServer(db, { ...v.options, name: v.name }),
      );
    }
    // Only the server being measured runs; the others are paused (SIGSTOP), so their timers (event-loop
    // delay monitors, the job queue's poll) do not disturb it.
    for (const server of servers) server.child.kill('SIGSTOP');
    const measure = async (i: number, seconds: number, warmup: number) => {
      const server = servers[i] as ChildServer;
      server.child.kill('SIGCONT');
      try {
        // Load shedding sees the pause as one long event-loop delay and answers 503 until its next
        // sample (at most 1 s later); wait that out, then warm up.
        await sleep(1200);
        await load(server, warmup, specs[i]?.path);
        return await load(server, seconds, specs[i]?.path);
      } finally {
        server.child.kill('SIGSTOP');
      }
    };
    console.log(
      `  ${specs.length} servers up; ${warmupSeconds} s warm-up each, then ${rounds} rounds of ${roundSeconds} s, ` +
        'one server running at a time',
    );
    for (const i of servers.keys()) await measure(i, 1, warmupSeconds); // until the JIT has settled
    const figures: LoadFigures[][] = specs.map(() => []);
    for (let r = 1; r <= rounds; r++) {
      // Each round starts at a different variant, so a passing disturbance hits different ones.
      const shift = Math.round(((r - 1) * servers.length) / rounds);
      const order = servers.map((_, k) => (k + shift) % servers.length);
      for (const i of order) {
        const f = await measure(i, roundSeconds, 1);
        const name = servers[i]?.name;
        if (f.non2xx || f.errors) console.log(`  ${name}: non-2xx ${f.non2xx} errors ${f.errors}`);
        figures[i]?.push(f);
      }
      console.log(`  round ${r} done`);
    }
    const medians = figures.map((f) => median(f.map((x) => x.rps)));
    // Interference from other processes only ever adds CPU time, so the best round is the truest.
    const cpu = figures.map((f) => Math.min(...f.map((x) => x.cpuUsPerRequest)));
    const bareCpu = cpu[0] ?? NaN;
    const appCpu = cpu[appIndex] ?? NaN;
    const measured = specs.map((v, i) => ({
      name: v.name,
      rps: (figures[i] ?? []).map((f) => f.rps),
      median: medians[i] ?? NaN,
      ofBare: round(bareCpu / (cpu[i] ?? NaN), 3),
      cpuUs: round(cpu[i] ?? NaN, 1),
      cpuVsApp: round((cpu[i] ?? NaN) - appCpu, 1),
    }));

    // CPU profiles of the bare server and the full app, only the load in them.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-prof-'));
    const removeDir = onCleanup(`temp dir ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
    try {
      const bare = await profileOf(servers[0] as ChildServer, dir, profileSeconds); // the brief's baseline
      const app = await profileOf(servers[appIndex] as ChildServer, dir, profileSeconds);
      return {
        measuredAt: new Date().toISOString(),
        rounds,
        roundSeconds,
        warmupSeconds,
        variants: measured,
        notApplicable,
        profileSeconds,
        app,
        bare,
      };
    } finally {
      await removeDir();
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
}
