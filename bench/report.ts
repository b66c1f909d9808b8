/**
 * docs/BENCHMARKS.md: rewritten whole on every run. The figures are also kept as JSON in a comment at
 * the end, so a run of only some parts keeps the newest figures of the others (marked with their date).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Machine } from './lib/machine.ts';
import { kb } from './lib/stats.ts';
import type { BreakdownResult } from './parts/breakdown.ts';
import type { ColdStartResult } from './parts/coldstart.ts';
import type { LighthouseResult } from './parts/lighthouse.ts';
import { CATEGORIES } from './parts/lighthouse.ts';
import type { OverheadResult } from './parts/overhead.ts';
import type { WeightResult } from './parts/weight.ts';

export interface Failed {
  measuredAt: string;
  error: string;
}

export interface Results {
  overhead?: OverheadResult | Failed;
  breakdown?: BreakdownResult | Failed;
  weight?: WeightResult | Failed;
  lighthouse?: LighthouseResult | Failed;
  coldstart?: ColdStartResult | Failed;
}

export interface Report {
  runAt: string;
  command: string;
  machine: Machine;
  results: Results;
}

const DATA_MARK = 'lotsa-bench-data';

export function readPrevious(file: string): Results {
  if (!existsSync(file)) return {};
  const match = new RegExp(`<!-- ${DATA_MARK}\\n([\\s\\S]*?)\\n-->`).exec(readFileSync(file, 'utf8'));
  if (!match?.[1]) return {};
  try {
    return (JSON.parse(match[1]) as { results?: Results }).results ?? {};
  } catch {
    return {};
  }
}

const failed = (r: object | undefined): r is Failed => r !== undefined && 'error' in r && !('pages' in r);
const ok = (pass: boolean) => (pass ? '✅ pass' : '❌ fail');
const n = (v: number) => Math.round(v).toLocaleString('en-US');
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const ms = (v: number | undefined) => (v === undefined ? '–' : `${n(v)} ms`);
const fence = (text: string) => '```\n' + text.replace(/```/g, "'''") + '\n```';

function dated(report: Report, measuredAt: string): string {
  const day = measuredAt.slice(0, 16).replace('T', ' ');
  return measuredAt < report.runAt
    ? `\n_Kept from an earlier run (${day} UTC); not measured in the latest run._\n`
    : '';
}

function summary(r: Results): string {
  const rows: string[] = [];
  const { overhead, weight, lighthouse, coldstart } = r;
  if (overhead)
    rows.push(
      failed(overhead)
        ? '| Plugin-stack overhead | ≥ 80 % of bare node:http | did not run | ❌ |'
        : `| Plugin-stack overhead: GET /healthz req/s vs bare node:http | ≥ 80 % | ${pct(overhead.ratio)} (${n(overhead.medianApp)} vs ${n(overhead.medianBare)} req/s)${overhead.sameBytesRatio ? `; ${pct(overhead.sameBytesRatio)} of a bare server sending the same bytes` : ''} | ${ok(overhead.pass)} |`,
    );
  if (weight)
    rows.push(
      failed(weight)
        ? '| Home page weight | ≤ 50 KB, 0 scripts | did not run | ❌ |'
        : `| Home page weight: ${weight.page} + CSS/images, compressed | ≤ 50 KB, 0 \`<script>\` | ${kb(weight.totalWire)}, ${weight.scripts} \`<script>\` | ${ok(weight.pass)} |`,
    );
  if (lighthouse) {
    if (failed(lighthouse) || lighthouse.error)
      rows.push('| Lighthouse (mobile) | 100/100/100/100 | could not run | ❌ |');
    else
      for (const p of lighthouse.pages)
        rows.push(
          `| Lighthouse ${p.url} (mobile): perf/a11y/best-practices/SEO | 100/100/100/100 | ${CATEGORIES.map((c) => p.scores[c] ?? 'n/a').join('/')} | ${ok(CATEGORIES.every((c) => p.scores[c] === 100))} |`,
        );
  }
  if (coldstart) {
    if (failed(coldstart)) rows.push('| Cold start | – | did not run | ❌ |');
    else {
      rows.push(
        `| Cold start to first 200 of /sv/ (initialised data dir, median of ${coldstart.warm.length}) | – | ${ms(coldstart.medianWarm)} | |`,
      );
      rows.push(
        `| First-ever start (empty data dir: initdb, migrations, seed) | – | ${ms(coldstart.first.ms)} | |`,
      );
    }
  }
  return ['| Benchmark | Target | Result | |', '|---|---|---|---|', ...rows].join('\n');
}

function overheadSection(report: Report, r: OverheadResult | Failed): string {
  const head = '## 1. Plugin-stack overhead\n';
  if (failed(r)) return `${head}\nThe benchmark failed:\n\n${fence(r.error)}\n`;
  const rows = r.bare.map((b, i) => {
    const s = r.sameBytes?.[i];
    const a = r.app[i];
    const o = r.ordinary?.[i];
    return (
      `| ${i + 1} | ${n(b.rps)} | ${a ? n(a.rps) : '–'} | ${a ? pct(a.rps / b.rps) : '–'} | ` +
      `${s ? n(s.rps) : '–'} | ${a && s ? pct(a.rps / s.rps) : '–'} | ` +
      `${o ? `${n(o.rps)} (${pct(o.rps / b.rps)})` : '–'} | ` +
      `${b.cpuUsPerRequest} / ${s?.cpuUsPerRequest ?? '–'} / ${a?.cpuUsPerRequest ?? '–'} / ${o?.cpuUsPerRequest ?? '–'} |`
    );
  });
  const errors = [...r.bare, ...r.app].reduce((sum, f) => sum + f.non2xx + f.errors, 0);
  const ordinary = r.ordinaryRoute ?? '/robots.txt';
  const p99 = (f: { p99: number }[] | undefined) => (f?.length ? Math.max(...f.map((x) => x.p99)) : '–');
  return `${head}${dated(report, r.measuredAt)}
GET /healthz on the app built as in production (every plugin and hook, real PostgreSQL, pino at
\`info\` writing to /dev/null) against a bare \`node:http\` server sending the same body with only a
content-type header — the target's baseline. Each server in its own process; autocannon
(${r.connections} connections, pipelining ${r.pipelining}) in the runner process. ${r.warmupSeconds} s warm-up each, then ${r.rounds} rounds of
${r.roundSeconds} s, alternating between the servers. For context, not part of the target, each round also loads:
a bare server sending exactly the bytes of the app's /healthz (its security headers, request id and
cache-control too), which separates the cost of the framework and plugins from that of the headers;
and GET ${ordinary} on the same app, a trivial route without the exemptions of /healthz (which
writes no log line and skips compression).

| Round | bare req/s | app /healthz req/s | app / bare | bare, same bytes req/s | app / same bytes | app ${ordinary} req/s (of bare) | server CPU µs/req: bare / same bytes / healthz / ${ordinary} |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
| **Median** | **${n(r.medianBare)}** | **${n(r.medianApp)}** | **${pct(r.ratio)}** | ${r.medianSameBytes ? n(r.medianSameBytes) : '–'} | ${r.sameBytesRatio ? pct(r.sameBytesRatio) : '–'} | ${r.medianOrdinary ? `${n(r.medianOrdinary)} (${pct(r.ordinaryRatio)})` : '–'} | ${r.cpuBare} / ${r.cpuSameBytes ?? '–'} / ${r.cpuApp} / ${r.cpuOrdinary ?? '–'} |

Worst p99 latency of any round: bare ${p99(r.bare)} ms, same bytes ${p99(r.sameBytes)} ms, app /healthz ${p99(r.app)} ms, app ${ordinary} ${p99(r.ordinary)} ms.

Target: the app's /healthz reaches ≥ ${r.target * 100} % of bare → ${ok(r.pass)}.${errors ? ` **${errors} non-2xx responses or errors** during the runs.` : ' Every response was a 2xx.'}
`;
}

function breakdownSection(report: Report, r: BreakdownResult | Failed): string {
  const head = '### Where the overhead goes\n';
  if (failed(r)) return `${head}\nThe breakdown failed:\n\n${fence(r.error)}\n`;
  const variants = r.variants
    .map(
      (v) =>
        `| ${v.name} | ${v.rps.map(n).join(' / ')} | ${n(v.median)} | ${v.cpuUs.toFixed(1)} | ${pct(v.ofBare)} | ${v.name === 'app (full stack)' ? '–' : (v.cpuVsApp > 0 ? '+' : '') + v.cpuVsApp.toFixed(1)} |`,
    )
    .join('\n');
  const table = (rows: { name: string; self: number; inclusive: number }[]) =>
    rows
      .slice(0, 15)
      .map(
        (g) =>
          `| \`${g.name.replace(/\|/g, '\\|')}\` | ${g.self.toFixed(1)} % | ${g.inclusive.toFixed(1)} % |`,
      )
      .join('\n');
  return `${head}${dated(report, r.measuredAt)}
(a) The same load on variants: the bare server, Fastify alone with the app's logger and one route, the
full app, and the app with one thing taken away (a plugin or one of the app's own installers replaced by
a no-op through a module resolve hook; the app's code is unchanged). ${r.rounds} interleaved rounds (each starting at a different variant) of
${r.roundSeconds} s (after a ${r.warmupSeconds} s warm-up of each server, and 1 s more before each round), with only the measured server running (the others are paused with SIGSTOP so
their timers do not disturb it). *CPU µs/req* is the server process's CPU time (user + system) per
answered request in its best round — steadier than req/s on a shared machine, as interference only
adds to it; *of bare (by CPU)* is the bare server's CPU per request divided by the variant's — the
share of bare throughput it could reach when the server's CPU is the limit — and steadier than the
req/s columns, which also move with whatever else slows the load generator; *vs app* is the
difference to the full app (negative: taking that thing away saves that much per request).
Differences of a few µs are within the noise.

| Variant | req/s per round | median req/s | CPU µs/req (best round) | of bare (by CPU) | vs app |
|---|---|---|---|---|---|
${variants}
${(r.notApplicable ?? []).length ? `\nNot measured, as they no longer apply to the app: ${(r.notApplicable ?? []).join('; ')}.\n` : ''}
(b) V8 CPU profiles under the same load for ${r.profileSeconds} s each (busy: app ${r.app.busy} %, bare ${r.bare.busy} %).
Shares are of busy time; *self* is time in that code itself, *inclusive* also counts what it called.
\`(native) writev\` is the socket write system call; on a 2-CPU machine shared with the load generator it
also absorbs time the process waited for a CPU inside that call, so it is inflated in both profiles.

Full app, by package / file:

| Code | self | inclusive |
|---|---|---|
${table(r.app.groups)}

Full app, by function:

| Function | self | inclusive |
|---|---|---|
${table(r.app.functions)}

Bare node:http, by package / file, for comparison:

| Code | self | inclusive |
|---|---|---|
${table(r.bare.groups.slice(0, 8))}
`;
}

function weightSection(report: Report, r: WeightResult | Failed): string {
  const head = '## 2. Home page weight\n';
  if (failed(r)) return `${head}\nThe benchmark failed:\n\n${fence(r.error)}\n`;
  const rows = r.items
    .map((i) => `| \`${i.url}\` | ${i.kind} | ${i.status} | ${i.encoding} | ${n(i.wire)} | ${n(i.decoded)} |`)
    .join('\n');
  const notes = [
    ...r.notCounted.map((x) => `- Not counted: \`${x.url}\` — ${x.why}.`),
    ...r.problems.map((p) => `- **Problem:** ${p}`),
  ].join('\n');
  return `${head}${dated(report, r.measuredAt)}
GET ${r.page} with \`accept-encoding: br, gzip\`, then every stylesheet, icon and image it references
(and any \`url()\` in those stylesheets). Bytes are response bodies as transferred; headers not counted.

| Resource | Kind | Status | Encoding | Bytes on the wire | Bytes decoded |
|---|---|---|---|---|---|
${rows}
| **Total** | | | | **${n(r.totalWire)}** (${kb(r.totalWire)}) | ${n(r.totalDecoded)} |

\`<script>\` elements in the page: **${r.scripts}** (no render-blocking JavaScript when 0).
Target: ≤ ${kb(r.budget)} and no script → ${ok(r.pass)}.
${notes ? '\n' + notes + '\n' : ''}`;
}

function lighthouseSection(report: Report, r: LighthouseResult | Failed): string {
  const head = '## 3. Lighthouse\n';
  if (failed(r) || r.error)
    return `${head}${dated(report, r.measuredAt)}\nLighthouse could not run here:\n\n${fence(r.error ?? '')}\n`;
  const rows = r.pages
    .map((p) => `| ${p.url} | ${CATEGORIES.map((c) => p.scores[c] ?? 'n/a').join(' | ')} |`)
    .join('\n');
  const metrics = r.pages
    .map(
      (p) =>
        `| ${p.url} | ${['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((m) => p.metrics[m] ?? '–').join(' | ')} |`,
    )
    .join('\n');
  const failing = r.pages.flatMap((p) =>
    p.failing.map(
      (f) =>
        `| ${p.url} | ${f.category} | \`${f.id}\` | ${f.title.replace(/\|/g, '\\|')} | ${f.score === null ? '–' : Math.round(f.score * 100)}${f.displayValue ? ` (${f.displayValue})` : ''} |`,
    ),
  );
  const warnings = r.pages.flatMap((p) => p.warnings.map((w) => `- ${p.url}: ${w}`));
  return `${head}${dated(report, r.measuredAt)}
Lighthouse ${r.lighthouseVersion ?? ''} (default config: mobile form factor, simulated throttling) in headless
Chromium ${r.chromeVersion ?? ''} (\`/usr/bin/chromium\`), on http://localhost:<port>/sv/ and /en/ of the app built as in production.

| Page | Performance | Accessibility | Best practices | SEO |
|---|---|---|---|---|
${rows}

| Page | FCP | LCP | TBT | CLS | Speed Index |
|---|---|---|---|---|---|
${metrics}

Target: 100 in every category → ${ok(r.pass)}.
${
  failing.length
    ? `\nAudits that cost points:\n\n| Page | Category | Audit | Title | Score |\n|---|---|---|---|---|\n${failing.join('\n')}\n`
    : '\nNo failing audits.\n'
}${warnings.length ? `\nLighthouse warnings:\n\n${warnings.join('\n')}\n` : ''}`;
}

function coldstartSection(report: Report, r: ColdStartResult | Failed): string {
  const head = '## 4. Cold start\n';
  if (failed(r)) return `${head}\nThe benchmark failed:\n\n${fence(r.error)}\n`;
  const row = (name: string, s: ColdStartResult['first']) =>
    `| ${name} | ${ms(s.postgresReadyMs)} | ${ms(s.listeningMs)} | **${ms(s.ms)}** | ${ms(s.stopMs)}${s.stoppedCleanly ? '' : ' (killed)'} |`;
  return `${head}${dated(report, r.measuredAt)}
\`node bin/lotsa.js serve\` (what \`npm start\` runs) with the embedded PostgreSQL, timed from spawn to the first
200 answer of GET /sv/ (polled every 20 ms). Stopped with SIGINT after each start, which also stops
its PostgreSQL. The intermediate marks come from the app's own log lines.

| Start | PostgreSQL ready | listening | first 200 of /sv/ | stop (SIGINT → exit) |
|---|---|---|---|---|
${row('first-ever (empty data dir: initdb, migrations, seed)', r.first)}
${r.warm.map((s, i) => row(`initialised data dir, run ${i + 1}`, s)).join('\n')}
| **median of ${r.warm.length} (initialised)** | | | **${ms(r.medianWarm)}** | |
`;
}

const HOW_TO_READ = `## How to read this

All figures come from one machine (below) in one run of \`npm run bench\`, every server on 127.0.0.1;
compare them only with runs on the same machine. Requests per second are the mean of autocannon's
per-second samples. With two CPUs the server and the load generator share the machine, so absolute
numbers are far below production hardware: the **ratio** of the app to a bare \`node:http\` server,
measured side by side in alternating rounds, is the figure that carries over, and the server's **CPU
time per request** is the steadiest figure of all. Round-to-round spread of more than a few percent,
or a load average well above 0 at the start, means something else was running; rerun on a quiet
machine before drawing conclusions. When the overhead misses its target, the breakdown under it
measures variants of the app with one part taken away, and CPU profiles, to show where the time goes.
Page weight is what a first visit downloads for the home page (bodies as compressed on the wire).
Lighthouse runs mobile emulation with simulated throttling, so its performance score reflects the
page's weight and structure rather than this machine's speed. Cold start is dominated by starting
PostgreSQL. Run single parts with \`npm run bench -- <part> …\` (overhead, breakdown, weight,
lighthouse, coldstart); parts not run keep their last figures, marked with their date.
`;

export function renderReport(report: Report): string {
  const { machine: m, results: r } = report;
  const sections = [
    r.overhead && overheadSection(report, r.overhead),
    r.breakdown && breakdownSection(report, r.breakdown),
    r.weight && weightSection(report, r.weight),
    r.lighthouse && lighthouseSection(report, r.lighthouse),
    r.coldstart && coldstartSection(report, r.coldstart),
  ].filter(Boolean);
  return `# Benchmarks

_Generated by \`${report.command}\` on ${report.runAt.slice(0, 19).replace('T', ' ')} UTC (bench/run.ts). Do not
edit: every run rewrites this file._

${HOW_TO_READ}
## Machine

| | |
|---|---|
| CPU | ${m.cpuModel}, ${m.cpus} logical CPUs (\`nproc\`) |
| Memory | ${m.memoryGiB} GiB |
| Node | ${m.node} |
| OS | ${m.os} |
| Load average at start (1/5/15 min) | ${m.loadAverage.join(' / ')} |
| Code measured | ${m.code ?? 'unknown'} |
| Command | \`${report.command}\` |

## Summary

${summary(r)}

${sections.join('\n')}
<!-- ${DATA_MARK}
${JSON.stringify({ runAt: report.runAt, machine: m, results: r }).replace(/-->/g, '--\\u003e')}
-->
`;
}

export function writeReport(file: string, report: Report): void {
  writeFileSync(file, renderReport(report));
}
