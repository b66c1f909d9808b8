/**
 * `npm run bench [-- <part> …]`: the Lotsa benchmarks. Prints the figures and rewrites
 * docs/BENCHMARKS.md. Parts: overhead, breakdown, weight, lighthouse, auth, coldstart, startcpu, ingest, crash, and the
 * job board's search-db, search-http, search-flood and joblist-nginx on a 100k-ad bench database, and
 * relevance (judged queries on the demo board, in a PostgreSQL of its own), content-search (the site
 * search's content half on the demo content), navigator (the navigators' pages at 20,000 relocation
 * cases, and a slot booking race), events (the calendar and the organisers' pages at 2,000 events and
 * 40,000 registrations, and a registration race), toolbox (the employer toolbox's pages at 2,000 assets,
 * 200,000 downloads and 2,000 texts, the widget, and the expiry task over 2,000 expired assets) (default:
 * all but breakdown, which runs by itself when the overhead misses its target, and crash, which takes
 * about 10 minutes; and tasks, a sign-in e-mail while a 100k snapshot ingests, which runs only when
 * named). Everything talks only to
 * 127.0.0.1, is bounded in time, and stops its child processes and removes its temp dirs at the end,
 * on an error and on Ctrl-C.
 */
import path from 'node:path';
import { startAppServer } from './lib/app-server.ts';
import { cleanupAll } from './lib/cleanup.ts';
import { startBenchDatabase, type BenchDatabase } from './lib/db.ts';
import { describeMachine } from './lib/machine.ts';
import { ROOT, type ChildServer } from './lib/proc.ts';
import { kb } from './lib/stats.ts';
import { runAuth } from './parts/auth.ts';
import { runBreakdown } from './parts/breakdown.ts';
import { runColdStart } from './parts/coldstart.ts';
import { runStartCpu } from './parts/startcpu.ts';
import { describeCrash, runCrash } from './parts/crash.ts';
import { runIngest } from './parts/ingest.ts';
import { runTasks } from './parts/tasks.ts';
import { runLighthouse } from './parts/lighthouse.ts';
import { runOverhead } from './parts/overhead.ts';
import { runWeight } from './parts/weight.ts';
import { CORPUS_SEED, CORPUS_SIZE, openCorpusDatabase, type CorpusDatabase } from './lib/corpus.ts';
import { runJoblistNginx } from './parts/joblist-nginx.ts';
import { runSearchDb } from './parts/search-db.ts';
import { runSearchHttp } from './parts/search-http.ts';
import { runSearchFlood } from './parts/search-flood.ts';
import { runRelevance } from './parts/relevance.ts';
import { runCompanies } from './parts/companies.ts';
import { runTalentMatching } from './parts/talent-matching.ts';
import { runTalentCards } from './parts/talent-cards.ts';
import { runNavigator } from './parts/navigator.ts';
import { runEvents } from './parts/events.ts';
import { runToolbox } from './parts/toolbox.ts';
import { runContentSearch } from './parts/content-search.ts';
import { runJobPagesWeight } from './parts/weight.ts';
import { canonicalJobPath, PAGES as LIGHTHOUSE_PAGES } from './parts/lighthouse.ts';
import { readPrevious, writeReport, type Failed, type Results } from './report.ts';

const PARTS = [
  'overhead',
  'breakdown',
  'weight',
  'lighthouse',
  'auth',
  'coldstart',
  'startcpu',
  'ingest',
  'crash',
  'search-db',
  'search-http',
  'search-flood',
  'joblist-nginx',
  'relevance',
  'tasks',
  'content-search',
  'companies',
  'talent-matching',
  'talent-cards',
  'navigator',
  'events',
  'toolbox',
] as const;
type Part = (typeof PARTS)[number];
const DEFAULT: Part[] = [
  'overhead',
  'weight',
  'lighthouse',
  'auth',
  'coldstart',
  'startcpu',
  'ingest',
  'search-db',
  'search-http',
  'search-flood',
  'joblist-nginx',
  'relevance',
  'content-search',
  'companies',
  'talent-matching',
  'talent-cards',
  'navigator',
  'events',
  'toolbox',
];
// The ingest part takes 5–10 minutes, the crash part about 10.
const TIME_LIMIT_MS = (process.argv.some((a) => a === 'crash' || a === 'all') ? 60 : 30) * 60_000;
const REPORT = path.join(ROOT, 'docs', 'BENCHMARKS.md');

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(
    `Usage: npm run bench [-- <part> …]\n\nParts: ${PARTS.join(', ')} (default: ${DEFAULT.join(', ')};\nbreakdown also runs when the overhead misses its target). "all" runs every part.`,
  );
  process.exit(0);
}
const unknown = args.filter((a) => a !== 'all' && !PARTS.includes(a as Part));
if (unknown.length) {
  console.error(`Unknown part(s): ${unknown.join(', ')}. Parts: ${PARTS.join(', ')}, all.`);
  process.exit(2);
}
const chosen = new Set<Part>(args.includes('all') ? PARTS : args.length ? (args as Part[]) : DEFAULT);
const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;

let interrupted = false;
const abort = async (why: string, code: number) => {
  if (interrupted) process.exit(code);
  interrupted = true;
  console.error(`\n${why}; cleaning up…`);
  await cleanupAll();
  process.exit(code);
};
process.on('SIGINT', () => void abort('Interrupted', 130));
process.on('SIGTERM', () => void abort('Terminated', 143));
setTimeout(
  () => void abort(`Time limit of ${TIME_LIMIT_MS / 60_000} minutes reached`, 1),
  TIME_LIMIT_MS,
).unref();

const machine = describeMachine(ROOT);
const runAt = new Date().toISOString();
console.log(
  `Lotsa benchmarks — ${machine.cpuModel}, ${machine.cpus} CPUs, ${machine.memoryGiB} GiB, Node ${machine.node}`,
);
console.log(`Parts: ${[...chosen].join(', ')}`);
if ((machine.loadAverage[0] ?? 0) > 0.5) {
  console.log(
    `! Load average ${machine.loadAverage.join(' / ')}: something else is running; figures will be noisier.`,
  );
}

const results: Results = readPrevious(REPORT);
let hadError = false;
const failure = (error: unknown): Failed => {
  hadError = true;
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`  failed: ${message}`);
  return { measuredAt: new Date().toISOString(), error: message.split('\n').slice(0, 8).join('\n') };
};

let db: BenchDatabase | undefined;
const database = async () => (db ??= await startBenchDatabase());

try {
  if (chosen.has('overhead')) {
    console.log('\n1. Plugin-stack overhead (GET /healthz, app vs bare node:http)');
    try {
      const r = await runOverhead(await database());
      results.overhead = r;
      console.log(
        `  median bare ${r.medianBare} req/s, app ${r.medianApp} req/s → ${(r.ratio * 100).toFixed(1)} % (target ≥ 80 %): ${r.pass ? 'pass' : 'FAIL'}` +
          `\n  server CPU per request: bare ${r.cpuBare} µs, app ${r.cpuApp} µs` +
          `\n  for context, vs a bare server sending the same bytes (${r.medianSameBytes} req/s, ${r.cpuSameBytes} µs CPU/req): ${(r.sameBytesRatio * 100).toFixed(1)} %` +
          `\n  for context, app ${r.ordinaryRoute}: ${r.medianOrdinary} req/s (${(r.ordinaryRatio * 100).toFixed(1)} % of bare), ${r.cpuOrdinary} µs CPU/req`,
      );
      if (!r.pass && !args.length) chosen.add('breakdown');
    } catch (error) {
      results.overhead = failure(error);
    }
  }

  if (chosen.has('breakdown')) {
    console.log('\n1b. Where the overhead goes (app variants, CPU profile)');
    try {
      const r = await runBreakdown(await database());
      results.breakdown = r;
      for (const v of r.variants) {
        console.log(
          `  ${v.name.padEnd(46)} ${String(v.median).padStart(7)} req/s ${(v.ofBare * 100).toFixed(1).padStart(5)} % of bare by CPU` +
            `  ${v.cpuUs.toFixed(1).padStart(6)} µs CPU/req`,
        );
      }
      console.log(`  CPU profile of the full app (busy ${r.app.busy} %), top code by self time:`);
      for (const g of r.app.groups.slice(0, 12))
        console.log(`    ${g.self.toFixed(1).padStart(5)} %  ${g.name}`);
    } catch (error) {
      results.breakdown = failure(error);
    }
  }

  if (chosen.has('weight') || chosen.has('lighthouse')) {
    let app: ChildServer | undefined;
    try {
      app = await startAppServer(await database());
    } catch (error) {
      const failed = failure(error);
      if (chosen.has('weight')) results.weight = results.jobWeight = failed;
      if (chosen.has('lighthouse')) results.lighthouse = failed;
    }
    if (app && chosen.has('weight')) {
      console.log('\n2. Home page weight (GET /sv/, accept-encoding: br, gzip)');
      try {
        const r = await runWeight(app.port);
        results.weight = r;
        for (const i of r.items)
          console.log(`  ${String(i.wire).padStart(6)} B  ${i.encoding.padEnd(8)} ${i.url}`);
        console.log(
          `  total ${kb(r.totalWire)} (target ≤ ${kb(r.budget)}), <script> ${r.scripts}: ${r.pass ? 'pass' : 'FAIL'}`,
        );
        for (const p of r.problems) console.log(`  ! ${p}`);
      } catch (error) {
        results.weight = failure(error);
      }
      console.log('\n2b. Job board page weight (search page and a job page, demo data)');
      try {
        const r = await runJobPagesWeight(app.port);
        results.jobWeight = r;
        for (const p of r.pages) {
          console.log(
            `  ${p.page}: ${kb(p.withoutImages ?? 0)} without images (target ≤ ${kb(p.budget)}), ` +
              `JavaScript ${kb(p.scriptWire ?? 0)} (target ≤ ${kb(p.rules?.maxScriptBytes ?? 0)}): ${p.pass ? 'pass' : 'FAIL'}`,
          );
          for (const problem of p.problems) console.log(`  ! ${problem}`);
        }
      } catch (error) {
        results.jobWeight = failure(error);
      }
    }
    if (app && chosen.has('lighthouse')) {
      const job = await canonicalJobPath((await database()).url).catch((error: unknown) => {
        console.log(`  no job page to measure: ${String(error)}`);
        return undefined;
      });
      const pages = [...LIGHTHOUSE_PAGES, ...(job ? [job] : [])];
      console.log(`\n3. Lighthouse (mobile) on ${pages.join(', ')}`);
      const r = await runLighthouse(app.port, pages);
      results.lighthouse = r;
      if (r.error) {
        hadError = true;
        console.log(`  Lighthouse could not run: ${r.error}`);
      } else console.log(`  every category 100: ${r.pass ? 'pass' : 'FAIL'}`);
    }
    await app?.stop();
  }

  if (chosen.has('auth')) {
    console.log('\nSigned-in requests: a session cookie and an API token vs an anonymous page (GET /sv/)');
    try {
      const r = await runAuth(await database());
      results.auth = r;
      const anonymous = r.scenarios.find((s) => s.key === 'anonymous');
      const total = (s: (typeof r.scenarios)[number]) => s.cpuUs + (s.postgresCpuUs ?? 0);
      for (const s of r.scenarios) {
        console.log(
          `  ${`GET ${s.path} (${s.credential})`.padEnd(46)} median ${String(s.medianRps).padStart(6)} req/s` +
            (anonymous ? ` (${((s.medianRps / anonymous.medianRps) * 100).toFixed(1)} % of anonymous)` : '') +
            `  p50 ${s.medianP50} ms  p99 ${s.medianP99} ms  CPU/req: app ${s.cpuUs} µs, PostgreSQL ${s.postgresCpuUs ?? '?'} µs` +
            (anonymous ? ` (${(total(s) / total(anonymous)).toFixed(1)}×)` : '') +
            `  SQL statements/req ${s.statements ?? '?'}`,
        );
      }
    } catch (error) {
      results.auth = failure(error);
    }
  }
  await db?.stop(); // before the cold start, which runs its own PostgreSQL

  if (chosen.has('coldstart')) {
    console.log('\n4. Cold start (node bin/lotsa.js serve → first 200 of GET /sv/)');
    try {
      const r = await runColdStart();
      results.coldstart = r;
      console.log(
        `  median of ${r.warm.length}: ${Math.round(r.medianWarm)} ms; first-ever start ${r.first.ms} ms`,
      );
    } catch (error) {
      results.coldstart = failure(error);
    }
  }

  if (chosen.has('startcpu')) {
    console.log('\nStart-up CPU of lotsa help: TypeScript through tsx vs the built dist/');
    try {
      const r = await runStartCpu();
      results.startcpu = r;
      console.log(`  median user+sys: tsx ${r.source.medianMs} ms, dist ${r.dist.medianMs} ms`);
    } catch (error) {
      results.startcpu = failure(error);
    }
  }

  if (chosen.has('ingest')) {
    console.log('\nIngestion: 100,000 ads through node bin/lotsa.js ingest (own PostgreSQL)');
    try {
      results.ingest = await runIngest();
    } catch (error) {
      results.ingest = failure(error);
    }
  }

  if (chosen.has('tasks')) {
    console.log('\nTasks: sign-in e-mails while a 100,000-ad snapshot ingests in the app (own PostgreSQL)');
    try {
      results.tasks = await runTasks();
    } catch (error) {
      results.tasks = failure(error);
    }
  }

  if (chosen.has('crash')) {
    console.log('\nCrash safety: kill -9 of node bin/lotsa.js ingest at random moments (own PostgreSQL)');
    try {
      const r = await runCrash();
      results.crash = r;
      console.log(describeCrash(r));
    } catch (error) {
      results.crash = failure(error);
    }
  }

  // The job board on the 100k-ad bench database (built once, kept in var/bench/ between runs).
  let corpus: CorpusDatabase | undefined;
  const corpusDatabase = async () =>
    (corpus ??= await openCorpusDatabase({ size: CORPUS_SIZE, seed: CORPUS_SEED }));
  if (chosen.has('search-db')) {
    console.log(
      `\nJob search in the database: searchJobs() in-process on ${CORPUS_SIZE.toLocaleString('en-US')} ads`,
    );
    try {
      results.searchDb = await runSearchDb(await corpusDatabase());
    } catch (error) {
      results.searchDb = failure(error);
    }
  }
  if (chosen.has('search-http')) {
    console.log('\nSearch page over HTTP: GET /sv/jobs?… on the app, JOB_CACHE_SIZE=0');
    try {
      results.searchHttp = await runSearchHttp(await corpusDatabase());
    } catch (error) {
      results.searchHttp = failure(error);
    }
  }
  if (chosen.has('search-flood')) {
    console.log(
      '\nCrafted searches: 60 connections flooding GET /sv/jobs?q=…OR… while ordinary searches and the probes are timed',
    );
    try {
      const previous = results.searchFlood;
      const r = await runSearchFlood(await corpusDatabase(), machine.code);
      // The last figures measured on other code (before a change) stay beside the new ones.
      const before =
        previous && 'code' in previous && previous.code !== r.code
          ? previous
          : previous && 'previous' in previous
            ? previous.previous
            : undefined;
      if (before) {
        const { previous: _older, ...kept } = before as typeof r;
        r.previous = kept;
      }
      results.searchFlood = r;
    } catch (error) {
      results.searchFlood = failure(error);
    }
  }
  if (chosen.has('joblist-nginx')) {
    console.log('\nJob list page: the app (cache off, cache warm) vs nginx sending the same bytes, wrk');
    try {
      const r = await runJoblistNginx(await corpusDatabase());
      results.joblistNginx = r;
      if (r.skipped) console.log(`  skipped: ${r.skipped}`);
    } catch (error) {
      results.joblistNginx = failure(error);
    }
  }
  await corpus?.close();

  if (chosen.has('relevance')) {
    console.log('\nSearch relevance: judged queries through searchJobs() on the demo board (own PostgreSQL)');
    try {
      results.relevance = await runRelevance();
    } catch (error) {
      results.relevance = failure(error);
    }
  }

  if (chosen.has('content-search')) {
    console.log('\nSite search over the content: searchContent() on the demo content (bench PostgreSQL)');
    try {
      results.contentSearch = await runContentSearch();
    } catch (error) {
      results.contentSearch = failure(error);
    }
  }

  if (chosen.has('companies')) {
    console.log('\nCompany pages: the list and a page with 200 open jobs on the 100k-ad bench database');
    try {
      results.companies = await runCompanies();
    } catch (error) {
      results.companies = failure(error);
    }
  }

  if (chosen.has('talent-matching')) {
    console.log('\nTalent matching: 100,000 profiles × 100,000 jobs on the bench database');
    try {
      results.talentMatching = await runTalentMatching();
    } catch (error) {
      results.talentMatching = failure(error);
    }
  }

  if (chosen.has('talent-cards')) {
    console.log("\nTalent cards: the employers' card search over 100,000 generated profiles");
    try {
      results.talentCards = await runTalentCards();
    } catch (error) {
      results.talentCards = failure(error);
    }
  }

  if (chosen.has('navigator')) {
    console.log(
      "\nNavigator: the navigators' pages at 20,000 relocation cases, and 50 households racing for 10 slots",
    );
    try {
      results.navigator = await runNavigator();
    } catch (error) {
      results.navigator = failure(error);
    }
  }

  if (chosen.has('events')) {
    console.log(
      "\nEvents: the calendar and the organisers' pages at 2,000 events and 40,000 registrations, and 200 people racing for 10 seats",
    );
    try {
      results.events = await runEvents();
    } catch (error) {
      results.events = failure(error);
    }
  }

  if (chosen.has('toolbox')) {
    console.log(
      "\nToolbox: the organisations' pages, the widget and the back-office at 2,000 assets, 200,000 downloads and 2,000 texts, and the expiry task",
    );
    try {
      results.toolbox = await runToolbox();
    } catch (error) {
      results.toolbox = failure(error);
    }
  }

  if (interrupted) await new Promise(() => {}); // abort() cleans up and exits; no report from a torn run
  // Another run may have written the report meanwhile: keep its figures, replace only this run's.
  const measured = Object.entries(results).filter(([, r]) => r && r.measuredAt >= runAt);
  writeReport(REPORT, {
    runAt,
    command,
    machine,
    results: { ...readPrevious(REPORT), ...Object.fromEntries(measured) },
  });
  console.log(`\nWrote ${path.relative(process.cwd(), REPORT) || REPORT}`);
} catch (error) {
  failure(error);
} finally {
  await cleanupAll();
}
process.exit(hadError ? 1 : 0);
