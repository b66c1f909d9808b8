/**
 * docs/BENCHMARKS.md: rewritten whole on every run. The figures are also kept as JSON in a comment at
 * the end, so a run of only some parts keeps the newest figures of the others (marked with their date).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Machine } from './lib/machine.ts';
import { kb } from './lib/stats.ts';
import type { AuthResult } from './parts/auth.ts';
import type { BreakdownResult } from './parts/breakdown.ts';
import type { ColdStartResult } from './parts/coldstart.ts';
import type { StartCpuResult } from './parts/startcpu.ts';
import type { CrashResult } from './parts/crash.ts';
import type { IngestResult } from './parts/ingest.ts';
import { crashSection, ingestSection, ingestSummaryRows, type Failed } from './lib/ingest-report.ts';

export type { Failed };
import type { LighthouseResult } from './parts/lighthouse.ts';
import { CATEGORIES } from './parts/lighthouse.ts';
import type { OverheadResult } from './parts/overhead.ts';
import type { WeightResult } from './parts/weight.ts';
import type { JobPagesWeightResult } from './parts/weight.ts';
import type { JoblistNginxResult } from './parts/joblist-nginx.ts';
import { WRK } from './parts/joblist-nginx.ts';
import type { LatencyStats, SearchDbResult } from './parts/search-db.ts';
import type { SearchHttpResult } from './parts/search-http.ts';
import type { SearchFloodResult } from './parts/search-flood.ts';
import type { TasksResult } from './parts/tasks.ts';
import { tasksSection, tasksSummaryRows } from './lib/tasks-report.ts';
import type { RelevanceBenchResult } from './parts/relevance.ts';
import { relevanceSection, relevanceSummaryRows } from './lib/relevance-report.ts';
import type { CompaniesBenchResult } from './parts/companies.ts';
import type { ContentSearchBenchResult } from './parts/content-search.ts';
import { companiesSection, companiesSummaryRows } from './lib/companies-report.ts';
import { talentMatchingSection, talentMatchingSummaryRows } from './lib/talent-matching-report.ts';
import type { TalentMatchingBenchResult } from './parts/talent-matching.ts';
import { talentCardsSection, talentCardsSummaryRows } from './lib/talent-cards-report.ts';
import type { TalentCardsFigures } from './parts/talent-cards.ts';
import { contentSearchSection, contentSearchSummaryRows } from './lib/content-search-report.ts';
import { navigatorSection, navigatorSummaryRows } from './lib/navigator-report.ts';
import type { NavigatorBenchResult } from './parts/navigator.ts';
import { eventsSection, eventsSummaryRows } from './lib/events-report.ts';
import type { EventsBenchResult } from './parts/events.ts';
import { toolboxSection, toolboxSummaryRows } from './lib/toolbox-report.ts';
import type { ToolboxBenchResult } from './parts/toolbox.ts';

export interface Results {
  overhead?: OverheadResult | Failed;
  breakdown?: BreakdownResult | Failed;
  weight?: WeightResult | Failed;
  lighthouse?: LighthouseResult | Failed;
  coldstart?: ColdStartResult | Failed;
  startcpu?: StartCpuResult | Failed;
  auth?: AuthResult | Failed;
  ingest?: IngestResult | Failed;
  crash?: CrashResult | Failed;
  jobWeight?: JobPagesWeightResult | Failed;
  searchDb?: SearchDbResult | Failed;
  searchHttp?: SearchHttpResult | Failed;
  searchFlood?: SearchFloodResult | Failed;
  joblistNginx?: JoblistNginxResult | Failed;
  tasks?: TasksResult | Failed;
  relevance?: RelevanceBenchResult | Failed;
  contentSearch?: ContentSearchBenchResult | Failed;
  companies?: CompaniesBenchResult | Failed;
  talentMatching?: TalentMatchingBenchResult | Failed;
  talentCards?: TalentCardsFigures | Failed;
  navigator?: NavigatorBenchResult | Failed;
  events?: EventsBenchResult | Failed;
  toolbox?: ToolboxBenchResult | Failed;
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
  if (r.auth) rows.push(authSummaryRow(r.auth));
  rows.push(...ingestSummaryRows(r.ingest, r.crash));
  rows.push(...tasksSummaryRows(r.tasks));
  rows.push(...jobBoardSummaryRows(r));
  rows.push(...relevanceSummaryRows(r.relevance));
  rows.push(...contentSearchSummaryRows(r.contentSearch));
  rows.push(...companiesSummaryRows(r.companies));
  rows.push(...talentMatchingSummaryRows(r.talentMatching));
  rows.push(...talentCardsSummaryRows(r.talentCards));
  rows.push(...navigatorSummaryRows(r.navigator));
  rows.push(...eventsSummaryRows(r.events));
  rows.push(...toolboxSummaryRows(r.toolbox));
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
Chromium ${r.chromeVersion ?? ''} (\`/usr/bin/chromium\`), on http://localhost:<port> and the paths below, of the app built as in
production with the demo data it seeds at start. The job page is one ad whose page here is the canonical
one, loaded for the measurement (the demo board's own ads are noindex, and its sample ads are
canonical on Platsbanken).
Command: \`npm run bench -- lighthouse\`.

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

function startCpuSection(report: Report, r: StartCpuResult | Failed): string {
  const head = '## Start-up CPU (startcpu)\n';
  if (failed(r)) return `${head}\nThe benchmark failed:\n\n${fence(r.error)}\n`;
  const row = (name: string, runs: StartCpuResult['source']) =>
    `| ${name} | ${runs.cpuMs.map(n).join(', ')} | **${ms(runs.medianMs)}** |`;
  return `${head}${dated(report, r.measuredAt)}
User+system CPU time of \`node bin/lotsa.js help\` (every module imported, nothing started), as each
process reports it at exit, ${r.source.cpuMs.length} runs of each after one unmeasured run (tsx's cache warm).
Without \`npm run build\`, \`npm start\` compiles the TypeScript through tsx at every start; with it,
\`bin/lotsa.js\` runs the compiled dist/ and no compiler is loaded.

| Start | CPU per run | median |
|---|---|---|
${row('no dist/: the sources through tsx', r.source)}
${row('built by `npm run build`: dist/', r.dist)}
`;
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

function authTotals(r: AuthResult) {
  const anonymous = r.scenarios.find((s) => s.key === 'anonymous');
  const total = (s: AuthResult['scenarios'][number]) => s.cpuUs + (s.postgresCpuUs ?? 0);
  return {
    rpsRatio: (s: AuthResult['scenarios'][number]) => (anonymous ? s.medianRps / anonymous.medianRps : NaN),
    cpuRatio: (s: AuthResult['scenarios'][number]) => (anonymous ? total(s) / total(anonymous) : NaN),
  };
}

const times = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)}×` : '–');

function authSummaryRow(r: AuthResult | Failed): string {
  if (failed(r)) return '| Signed-in requests (auth) | – | did not run | ❌ |';
  const { rpsRatio, cpuRatio } = authTotals(r);
  const parts = r.scenarios
    .filter((s) => s.key !== 'anonymous')
    .map((s) => `${s.path} ${pct(rpsRatio(s))} (${times(cpuRatio(s))})`);
  return `| Signed-in requests: req/s of anonymous GET /sv/ (CPU per request, app + PostgreSQL, × anonymous) | – | ${parts.join('; ')} | |`;
}

function authSection(report: Report, r: AuthResult | Failed): string {
  const head = '## Signed-in requests (auth)\n';
  const command = '\nCommand: `npm run bench -- auth`.\n';
  if (failed(r))
    return `${head}${dated(report, r.measuredAt)}\nThe benchmark failed:\n\n${fence(r.error)}\n${command}`;
  const { rpsRatio, cpuRatio } = authTotals(r);
  const rows = r.scenarios
    .map(
      (s) =>
        `| GET ${s.path} (${s.label}) | ${s.credential} | ${s.rounds.map((f) => n(f.rps)).join(' / ')} | **${n(s.medianRps)}** | ${pct(rpsRatio(s))} | ${s.medianP50} ms | ${s.medianP99} ms | **${s.cpuUs}** / ${s.postgresCpuUs ?? '–'} | ${times(cpuRatio(s))} | ${s.statements ?? '–'} | ${n(s.bytes)} |`,
    )
    .join('\n');
  const bad = r.scenarios.flatMap((s) => s.rounds).reduce((sum, f) => sum + f.non2xx + f.errors, 0);
  return `${head}${dated(report, r.measuredAt)}
What a signed-in person costs compared with an anonymous visitor, on the app built as in production
(every plugin and hook, pino at \`info\` writing to /dev/null) and the bench PostgreSQL. The runner creates,
directly in the database, a region admin (an account with an \`admin\` membership of the region's own
organisation) with a live session that has shown a second factor, sent as its \`lotsa_session\` cookie, and
an API token of the region organisation with \`OrgRead\`, sent as \`Authorization: Bearer lotsa_…\`; it removes
them at the end. autocannon (${r.connections} connections, pipelining ${r.pipelining}, no \`accept-encoding\`, so bodies go
uncompressed) in the runner process; ${r.warmupSeconds} s warm-up each, then ${r.rounds} rounds of ${r.roundSeconds} s alternating between the four
requests. Figures are medians of the rounds. *CPU µs/req* is the CPU time (user + system) per request
of the app's Node process and of PostgreSQL's processes (every child of the postmaster); *× anonymous*
compares their sum with the anonymous page's. *SQL statements/req* are PostgreSQL's transactions
(\`pg_stat_database\`) over ${n(r.countRequests)} requests made one at a time, less those it counts meanwhile with no request
coming in (${r.idleXactsPerSecond ?? '–'} a second: the job queue's polls and the runner's own reads); none of these routes opens
an explicit transaction, so one transaction is one statement.

| Request | Credential | req/s per round | median req/s | of anonymous | p50 | p99 | CPU µs/req: app / PostgreSQL | CPU × anonymous | SQL statements/req | Body bytes |
|---|---|---|---|---|---|---|---|---|---|---|
${rows}

The anonymous page is public and never reads the session. A request with a session cookie reads the
session by its token's hash together with its account, whether it has a second factor and its roles, in
one statement (writing \`last_seen_at\` at most once a minute), before the handler runs: /sv/me then reads
the account's dates and its list of sessions for the page, /admin renders from what was read. A request
with an API token counts a hit of the API's rate limit (600 a minute per client address, an \`INSERT … ON
CONFLICT\` in PostgreSQL), reads the token with its organisation and then the organisation; the bench's rate-limit
bucket starts every minute of the run far below zero, so the load gets answers rather than 429s.

Information, no target.${bad ? ` **${bad} non-2xx responses or errors** during the runs.` : ' Every response was a 2xx.'}
${command}`;
}

// ---------------------------------------------------------------------------------------------
// The job board: search in the database, the search page over HTTP, the job list against nginx,
// the weight of its pages.

const hit = (pass: boolean) => (pass ? '✅ pass' : '❌ miss');
const msf = (v: number) => `${v.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
const cell = (text: string) => text.replace(/\|/g, '\\|');

function corpusLine(c: SearchDbResult['corpus']): string {
  return (
    `${n(c.size)} generated ads (\`bench-1\`…, seed ${c.seed}, src/modules/jobs/demo.ts) in Dalarna, generated for ` +
    `${c.now.slice(0, 16).replace('T', ' ')} UTC (published over the 30 days before), ${(c.bytes / 1024 ** 2).toFixed(0)} MB on disk, ` +
    (c.built
      ? `built in this run in ${Math.round((c.buildMs ?? 0) / 1000)} s`
      : 'reused from var/bench/ (built by an earlier run)') +
    `; ${c.postgres}`
  );
}

function jobBoardSummaryRows(r: Results): string[] {
  const rows: string[] = [];
  const { searchDb: db, searchHttp: web, joblistNginx: ngx, jobWeight: jw } = r;
  if (db) {
    if (failed(db)) rows.push('| Job search in the database (search-db) | – | did not run | ❌ |');
    else {
      rows.push(
        `| Job search in the DB: \`searchJobs()\`, ${db.rotating.queries} rotating searches on ${n(db.corpus.size)} ads, ${n(db.rotating.stats.calls)} calls | p95 ≤ ${db.rotating.target} ms | p95 ${msf(db.rotating.stats.p95)} (p50 ${msf(db.rotating.stats.p50)}, p99 ${msf(db.rotating.stats.p99)}) | ${hit(db.rotating.pass)} |`,
        `| Job search in the DB: any single word (${db.singleWord.words} words, ${db.singleWord.frequent.length} of them in > 50 % of the ads) | p99 ≤ ${db.singleWord.target} ms | p99 ${msf(db.singleWord.stats.p99)} (p50 ${msf(db.singleWord.stats.p50)}, max ${msf(db.singleWord.stats.max)}) | ${hit(db.singleWord.pass)} |`,
        `| "Did you mean" lookup alone (\`suggestWord\`), ${n(db.suggest.stats.calls)} calls | p95 ≤ ${db.suggest.target} ms | p95 ${msf(db.suggest.stats.p95)} | ${hit(db.suggest.pass)} |`,
        `| "Did you mean": top suggestion for ${db.accuracy.words} misspelt occupations | ≥ ${db.accuracy.target * 100} % | ${pct(db.accuracy.rate)} (${db.accuracy.correct}/${db.accuracy.words}) | ${hit(db.accuracy.pass)} |`,
      );
    }
  }
  if (web) {
    if (failed(web)) rows.push('| Search page over HTTP (search-http) | – | did not run | ❌ |');
    else
      rows.push(
        `| Search page GET /sv/jobs?… (cache off) at half capacity: ${web.atHalf.offeredRate} of ${web.maxRps} req/s | p95 ≤ ${web.target} ms | p95 ${msf(web.atHalf.latency.p95)} (p50 ${msf(web.atHalf.latency.p50)}) | ${hit(web.pass)} |`,
      );
  }
  const flood = r.searchFlood;
  if (flood) {
    if (failed(flood)) rows.push('| Crafted-search flood (search-flood) | – | did not run | ❌ |');
    else {
      const figures = (f: Omit<SearchFloodResult, 'previous'>) =>
        `ordinary searches p99 ${msf(f.flood.search.latency.p99)}, /healthz p99 ${msf(f.flood.healthz.latency.p99)} (${f.code})`;
      rows.push(
        `| ${flood.connections} connections of crafted searches: p99 of ordinary searches and /healthz meanwhile | – | ${figures(flood)}${flood.previous ? `; before: ${figures(flood.previous)}` : ''} | |`,
      );
    }
  }
  if (ngx) {
    if (failed(ngx)) rows.push('| Job list vs nginx (joblist-nginx) | – | did not run | ❌ |');
    else if (ngx.skipped)
      rows.push(`| Job list vs nginx (joblist-nginx) | – | skipped: ${cell(ngx.skipped)} | |`);
    else
      rows.push(
        `| Job list GET /sv/jobs req/s, app with JOB_CACHE_SIZE=0 vs nginx sending the same bytes | ≥ ${ngx.targets.dynamic * 100} % | ${pct(ngx.dynamicRatio)} (${n(ngx.median.dynamic)} vs ${n(ngx.median.nginx)} req/s) | ${hit(ngx.dynamicRatio >= ngx.targets.dynamic)} |`,
        `| Job list GET /sv/jobs req/s, app with its cache warm vs nginx | ≥ ${ngx.targets.cached * 100} % | ${pct(ngx.cachedRatio)} (${n(ngx.median.cached)} vs ${n(ngx.median.nginx)} req/s) | ${hit(ngx.cachedRatio >= ngx.targets.cached)} |`,
      );
  }
  if (jw) {
    if (failed(jw)) rows.push('| Job board page weight | – | did not run | ❌ |');
    else
      for (const p of jw.pages)
        rows.push(
          `| Page weight ${p.page}: compressed, without images; JavaScript | ≤ 50 KB; ≤ 10 KB | ${kb(p.withoutImages ?? 0)}; ${kb(p.scriptWire ?? 0)} | ${hit(p.pass)} |`,
        );
  }
  return rows;
}

function searchDbSection(report: Report, r: SearchDbResult | Failed): string {
  const head = '## Job search in the database (search-db)\n';
  const command = '\nCommand: `npm run bench -- search-db`.\n';
  if (failed(r))
    return `${head}${dated(report, r.measuredAt)}\nThe benchmark failed:\n\n${fence(r.error)}\n${command}`;
  const stat = (label: string, s: LatencyStats, target: string, pass: boolean) =>
    `| ${label} | ${n(s.calls)} | ${msf(s.p50)} | ${msf(s.p95)} | ${msf(s.p99)} | ${msf(s.max)} | ${target} | ${hit(pass)} |`;
  const statements = (list: SearchDbResult['rotating']['statements']) =>
    list
      .map((s) => `| ${s.name} | ${n(s.calls)} | ${msf(s.p50)} | ${msf(s.p95)} | ${msf(s.max)} |`)
      .join('\n');
  const misses = r.accuracy.misses.length
    ? `Misses:\n\n| Misspelt | How | Original | Top suggestion |\n|---|---|---|---|\n${r.accuracy.misses
        .map((m) => `| ${m.misspelt} | ${m.how} | ${m.original} | ${m.got ?? '(none)'} |`)
        .join('\n')}\n`
    : 'No misses.\n';
  return `${head}${dated(report, r.measuredAt)}
\`searchJobs()\` (src/modules/jobs/search/) called in the runner process, one call at a time, on the
bench database: ${corpusLine(r.corpus)}. A pool of 10 connections, as the app has; \`now\` is the
corpus' instant; no response or facet cache is involved. A figure is the wall time of a whole call —
its SQL statements (some run side by side) plus the JavaScript around them. Each workload ran once
untimed first, so PostgreSQL's caches are warm.

| Workload | Calls | p50 | p95 | p99 | max | Target | |
|---|---|---|---|---|---|---|---|
${stat(`Rotating set: ${r.rotating.queries} searches built from the corpus' vocabulary (kinds below), about half with filters (municipality, occupation field, employment type, published within), ranked by relevance, pages 1–5`, r.rotating.stats, `p95 ≤ ${r.rotating.target} ms`, r.rotating.pass)}
${stat(`Single words: ${r.singleWord.words} words — all ${r.singleWord.frequent.length} whose stem is in more than half of the ads (ts_stat), six from each band of document frequency, occupations, municipalities, employers`, r.singleWord.stats, `p99 ≤ ${r.singleWord.target} ms`, r.singleWord.pass)}
${stat(`"Did you mean" lookup alone: \`suggestWord()\` on the ${r.accuracy.words} misspellings below`, r.suggest.stats, `p95 ≤ ${r.suggest.target} ms`, r.suggest.pass)}

Accuracy of "did you mean": ${r.accuracy.words} occupation words of the corpus (the head word of each
occupation label), each misspelt once (the operations take turns: drop diacritics, swap two adjacent
letters, drop a letter, double a letter, replace a vowel; never into a word the ads use). The top
suggestion was the original word for **${r.accuracy.correct} of ${r.accuracy.words} (${pct(r.accuracy.rate)})**
(target ≥ ${r.accuracy.target * 100} %) → ${hit(r.accuracy.pass)}. ${misses}
<details><summary>The ${r.accuracy.pairs.length} misspellings</summary>

${r.accuracy.pairs.join(', ')}

</details>

Rotating set by kind of search:

| Kind | Example | Calls | p50 | p95 | max |
|---|---|---|---|---|---|
${r.rotating.byKind.map((k) => `| ${k.kind} | \`${cell(decodeURIComponent(k.example))}\` | ${k.calls} | ${msf(k.p50)} | ${msf(k.p95)} | ${msf(k.max)} |`).join('\n')}

Where the time goes — the SQL statements of each call, timed by the client (statements of one call
partly overlap), rotating set:

| Statement | Calls that ran it | p50 | p95 | max |
|---|---|---|---|---|
${statements(r.rotating.statements)}

Single words:

| Statement | Calls that ran it | p50 | p95 | max |
|---|---|---|---|---|
${statements(r.singleWord.statements)}

Slowest calls:

| Search | Kind | Hits | Time |
|---|---|---|---|
${[
  ...r.rotating.slowest.map(
    (s) => `| \`${cell(decodeURIComponent(s.url))}\` | ${s.kind} | ${n(s.total)} | ${msf(s.ms)} |`,
  ),
  ...r.singleWord.slowest.map(
    (s) => `| \`${cell(s.word)}\` | single word: ${s.why} | ${n(s.total)} | ${msf(s.ms)} |`,
  ),
].join('\n')}

Words in more than half of the ads:

| Word | Ads with its stem | Hits | p50 | max |
|---|---|---|---|---|
${r.singleWord.frequent.map((f) => `| ${f.word} | ${pct(f.share)} | ${n(f.total)} | ${msf(f.p50)} | ${msf(f.max)} |`).join('\n')}
${command}`;
}

function searchHttpSection(report: Report, r: SearchHttpResult | Failed): string {
  const head = '## Search page over HTTP (search-http)\n';
  const command = '\nCommand: `npm run bench -- search-http`.\n';
  if (failed(r))
    return `${head}${dated(report, r.measuredAt)}\nThe benchmark failed:\n\n${fence(r.error)}\n${command}`;
  const row = (label: string, x: SearchHttpResult['atHalf']) =>
    `| ${label} | ${n(x.requests)} | ${x.rps} | ${msf(x.latency.p50)} | ${msf(x.latency.p95)} | ${msf(x.latency.p99)} | ${msf(x.latency.max)} | ${x.non2xx + x.errors} | ${x.appCpuUs ?? '–'} / ${x.postgresCpuUs ?? '–'} |`;
  return `${head}${dated(report, r.measuredAt)}
GET /sv/jobs?… — the whole search page (HTML, \`accept-encoding: br, gzip\`) — from the production app
(bench/servers/app.ts) in its own process on the same bench database as search-db, with
\`JOB_CACHE_SIZE=0\` (no response cache), over ${n(r.urls)} searches made like search-db's (its 240 first; ${n(r.distinctUrls ?? 0)} distinct URLs,
${n(r.distinctSearches ?? 0)} distinct texts with filters): more than an in-process cache of up to 1,000 searches holds, so
going round them finds one still cached only where a search recurs soon, as popular ones do. The load generator runs in the runner process. First search-db's 240, once each, one at a time
(warm-up; unloaded p50 ${msf(r.warmup.latency.p50)}, p95 ${msf(r.warmup.latency.p95)}, a page ${n(r.warmup.bytesMedian)} B on the wire at the median); the load then
goes on through the others and around. Capacity: closed loops (each connection sends its next request
when the last answer is in). Then the latency at half of the
best capacity, offered at a constant rate (open loop: every request is due at its own instant and
its latency counts from then, so queueing behind a slow answer is counted). *CPU µs/req* is the CPU time
(user + system) per request of the app's Node process and of PostgreSQL's processes; with two CPUs
shared with the load generator, their sum bounds the capacity.

| Load | Requests | 2xx per s | p50 | p95 | p99 | max | non-2xx + errors | CPU µs/req: app / PostgreSQL |
|---|---|---|---|---|---|---|---|---|
${r.capacity.map((c) => row(`capacity, ${c.connections} connections, ${round1(c.seconds)} s`, c)).join('\n')}
${row(`**constant ${r.atHalf.offeredRate} req/s (half of ${r.maxRps}), ${r.atHalf.seconds} s**`, r.atHalf)}

Target: p95 ≤ ${r.target} ms at half capacity → ${hit(r.pass)} (p95 ${msf(r.atHalf.latency.p95)}).
${command}`;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

function searchFloodSection(report: Report, r: SearchFloodResult | Failed): string {
  const head = '## Crafted searches under load (search-flood)\n';
  const command = '\nCommand: `npm run bench -- search-flood`.\n';
  if (failed(r))
    return `${head}${dated(report, r.measuredAt)}\nThe benchmark failed:\n\n${fence(r.error)}\n${command}`;
  const row = (label: string, x: SearchHttpResult['atHalf']) =>
    `| ${label} | ${n(x.requests)} | ${msf(x.latency.p50)} | ${msf(x.latency.p95)} | ${msf(x.latency.p99)} | ${msf(x.latency.max)} | ${x.non2xx} | ${x.errors} |`;
  const statuses = (s: Record<string, number>) =>
    Object.entries(s)
      .map(([k, v]) => `${k}: ${n(v)}`)
      .join(', ');
  const runTable = (
    x: Omit<SearchFloodResult, 'previous'>,
  ) => `Code measured: ${x.code} (${x.measuredAt.slice(0, 16).replace('T', ' ')} UTC).

| Measured | Requests | p50 | p95 | p99 | max | non-2xx | errors |
|---|---|---|---|---|---|---|---|
${row(`ordinary searches, quiet (${x.quiet.search.offeredRate} req/s)`, x.quiet.search)}
${row(`/healthz, quiet (${x.quiet.healthz.offeredRate} req/s)`, x.quiet.healthz)}
${row(`/readyz, quiet (${x.quiet.readyz.offeredRate} req/s)`, x.quiet.readyz)}
${row(`**ordinary searches, during the flood**`, x.flood.search)}
${row(`**/healthz, during the flood**`, x.flood.healthz)}
${row(`/readyz, during the flood`, x.flood.readyz)}

The flood itself: ${n(x.flood.attack.requests)} crafted searches (${n(x.flood.attack.rps)}/s), p50 ${msf(x.flood.attack.p50)}, p99 ${msf(x.flood.attack.p99)}; answers by status: ${statuses(x.flood.attack.statuses)}.
`;
  return `${head}${dated(report, r.measuredAt)}
${r.connections} connections from one client address send crafted search pages to the production app
(bench/servers/app.ts, response cache on, \`TRUST_PROXY=1\` so that X-Forwarded-For names the client; the flood from a process of its own)
on the bench database, each a fresh mix so that no cache answers: a \`q\` of the longest length kept
made of four-letter word endings joined by \`OR\` (the endings most words of the corpus end in, so each
one expands to the most compounds), half of them on the deepest page. For example:
\`${r.example}\`. Meanwhile ordinary searches (search-http's, each from an address of its own),
\`/healthz\` and \`/readyz\` are requested at constant rates (open loop: latency counts from when a
request was due). The same three are measured first without the flood. ${r.seconds} s of flood.

${runTable(r)}${r.previous ? `\n### Before: the last run on other code\n\n${runTable(r.previous)}` : ''}${command}`;
}

function joblistNginxSection(report: Report, r: JoblistNginxResult | Failed): string {
  const head = '## Job list: the app against nginx (joblist-nginx)\n';
  const command = '\nCommand: `npm run bench -- joblist-nginx`.\n';
  if (failed(r))
    return `${head}${dated(report, r.measuredAt)}\nThe benchmark failed:\n\n${fence(r.error)}\n${command}`;
  if (r.skipped) return `${head}${dated(report, r.measuredAt)}\nSkipped: ${r.skipped}.\n${command}`;
  const rows = r.figures.nginx.map((x, i) => {
    const d = r.figures.dynamic[i];
    const c = r.figures.cached[i];
    const f = (y: typeof x | undefined) =>
      y
        ? `${n(y.rps)} (p50 ${y.p50} ms, p99 ${y.p99} ms${y.cpuUsPerRequest !== undefined ? `; ${y.cpuUsPerRequest} µs CPU/req` : ''})`
        : '–';
    return `| ${i + 1} | ${f(x)} | ${f(d)} | ${f(c)} |`;
  });
  const bad = Object.values(r.figures)
    .flat()
    .reduce((sum, f) => sum + f.non2xx + f.socketErrors, 0);
  return `${head}${dated(report, r.measuredAt)}
GET ${r.page.url} (the job list, no search) on the 100k-ad bench database, loaded by \`${r.wrk}\`
(${r.wrkVersion ?? 'wrk'}) against: nginx (${r.nginxVersion ?? 'nginx'}, one worker) serving the very bytes the app sent —
fetched once with the same Accept-Encoding, so the same ${r.page.encoding} body of ${n(r.page.dynamicBytes)} B, and the app's own
response headers (about ${n(r.page.headerBytes)} B) — from a file; the app with \`JOB_CACHE_SIZE=0\` (every request renders
the page from PostgreSQL); the app with its response cache warm (its ${r.page.encoding} copy is ${n(r.page.cachedBytes)} B). Each server ran a
${r.warmupSeconds} s warm-up, then ${r.rounds} rounds of ${WRK_SECONDS} s alternating between them; only the app being measured ran
(the other was paused). Requests per second as wrk reports them; *CPU/req* is the CPU time (user + system) of
the serving process per request — nginx's worker, the app's Node process (PostgreSQL's work not included):

| Round | nginx | app, JOB_CACHE_SIZE=0 | app, cache warm |
|---|---|---|---|
${rows.join('\n')}
| **Median** | **${n(r.median.nginx)}** | **${n(r.median.dynamic)} (${pct(r.dynamicRatio)})** | **${n(r.median.cached)} (${pct(r.cachedRatio)})** |

Targets: dynamic ≥ ${r.targets.dynamic * 100} % of nginx → ${hit(r.dynamicRatio >= r.targets.dynamic)}; cached ≥ ${r.targets.cached * 100} % → ${hit(r.cachedRatio >= r.targets.cached)}.${bad ? ` **${bad} non-2xx responses or socket errors.**` : ''}
${command}`;
}

function jobWeightSection(report: Report, r: JobPagesWeightResult | Failed): string {
  const head = '### Job board pages\n';
  const command = '\nCommand: `npm run bench -- weight`.\n';
  if (failed(r))
    return `${head}${dated(report, r.measuredAt)}\nThe benchmark failed:\n\n${fence(r.error)}\n${command}`;
  const pages = r.pages.map((p) => {
    const rows = p.items
      .map(
        (i) => `| \`${i.url}\` | ${i.kind} | ${i.status} | ${i.encoding} | ${n(i.wire)} | ${n(i.decoded)} |`,
      )
      .join('\n');
    const problems = p.problems.map((x) => `- **Problem:** ${x}`).join('\n');
    return `${p.page}:

| Resource | Kind | Status | Encoding | Bytes on the wire | Bytes decoded |
|---|---|---|---|---|---|
${rows}
| **Total** | | | | **${n(p.totalWire)}** | ${n(p.totalDecoded)} |

Without images: **${kb(p.withoutImages ?? 0)}** (target ≤ ${kb(p.budget)}); JavaScript: **${kb(p.scriptWire ?? 0)}** on the wire, ${kb(p.scriptDecoded ?? 0)} decoded (target ≤ ${kb(p.rules?.maxScriptBytes ?? 0)} on the wire) → ${hit(p.pass)}.
${problems ? '\n' + problems + '\n' : ''}`;
  });
  return `${head}${dated(report, r.measuredAt)}
The job board's search page and the first job it lists, on the demo data the app seeds at start, measured
as above (bodies as transferred with \`accept-encoding: br, gzip\`), now with the scripts they load.
Target per page: ≤ 50 KB compressed without images, ≤ 10 KB of JavaScript.

${pages.join('\n')}${command}`;
}

const WRK_SECONDS = WRK.seconds;

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
PostgreSQL. The auth part compares signed-in requests (a session cookie, an API token) with an anonymous
page on the same app, as information without a target. The ingestion parts run the real \`lotsa ingest\`
command against a local JobStream stand-in and a PostgreSQL of their own; \`crash\` is not in the default
set (it takes about 10 minutes), nor is \`tasks\` (sign-in e-mails while the app's own task worker ingests a
100,000-ad snapshot, about 10 minutes). Run single parts with \`npm run bench -- <part> …\` (overhead, breakdown,
weight, lighthouse, auth, coldstart, startcpu, ingest, crash, tasks, search-db, search-http, search-flood,
joblist-nginx, relevance, content-search, companies, talent-matching, talent-cards, navigator, events, toolbox); parts not run keep their last figures, marked with
their date.

The job board parts (search-db, search-http, search-flood, joblist-nginx) and the company pages (companies) run on a bench database of 100,000
generated ads, built once (about a minute and a half) and kept in var/bench/ for later runs (rebuilt
after 7 days, or when the ads or a migration changed). Their searches come from the corpus' own vocabulary
and are the same in every run. search-db times \`searchJobs()\` in-process; search-http the whole page
through the app; search-flood times ordinary searches and the probes while 60 connections send crafted
searches; joblist-nginx compares the app's requests per second with nginx sending the same
bytes (it needs the \`nginx\` and \`wrk\` binaries and is skipped without them). Latencies are
percentiles of every call (p95: 95 % of the calls were at least this fast). The relevance part scores
the search against judged queries on the demo board (about 1,000 ads) in a PostgreSQL of its own.
`;

export function renderReport(report: Report): string {
  const { machine: m, results: r } = report;
  const sections = [
    r.overhead && overheadSection(report, r.overhead),
    r.breakdown && breakdownSection(report, r.breakdown),
    r.weight && weightSection(report, r.weight),
    r.jobWeight && jobWeightSection(report, r.jobWeight),
    r.lighthouse && lighthouseSection(report, r.lighthouse),
    r.coldstart && coldstartSection(report, r.coldstart),
    r.startcpu && startCpuSection(report, r.startcpu),
    r.auth && authSection(report, r.auth),
    r.ingest && ingestSection(report.runAt, r.ingest),
    r.crash && crashSection(report.runAt, r.crash),
    r.tasks && tasksSection(report.runAt, r.tasks),
    r.searchDb && searchDbSection(report, r.searchDb),
    r.searchHttp && searchHttpSection(report, r.searchHttp),
    r.searchFlood && searchFloodSection(report, r.searchFlood),
    r.joblistNginx && joblistNginxSection(report, r.joblistNginx),
    r.relevance && relevanceSection(report.runAt, r.relevance),
    r.contentSearch && contentSearchSection(report.runAt, r.contentSearch),
    r.companies && companiesSection(report.runAt, r.companies),
    r.talentMatching && talentMatchingSection(report.runAt, r.talentMatching),
    r.talentCards && talentCardsSection(report.runAt, r.talentCards),
    r.navigator && navigatorSection(report.runAt, r.navigator),
    r.events && eventsSection(report.runAt, r.events),
    r.toolbox && toolboxSection(report.runAt, r.toolbox),
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
