/**
 * Part 3: Lighthouse (mobile, the default config) on the home page in both languages and on the job
 * board's search page and a job page, in the system Chromium. Reports the four category scores and,
 * for any score below 100, the audits that cost it.
 */
import { existsSync } from 'node:fs';
import type { Flags, Result } from 'lighthouse';
import { onCleanup, withTimeout } from '../lib/cleanup.ts';

export const CHROME_PATH = '/usr/bin/chromium';
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/**
 * The pages measured by default: home (a photograph), the job board, a place page and a story with pictures
 * (the demo content), the company list and a company page with its logo, photos and jobs; the runner adds a job page (`/sv/jobs/<id>`) whose page is the canonical one
 * (canonicalJobPath).
 */
export const PAGES = [
  '/sv/',
  '/en/',
  '/sv/jobs',
  '/en/jobs',
  '/sv/places/mora',
  '/en/places/mora',
  '/en/stories/felix-season-that-stayed-alvdalen',
  '/sv/companies',
  '/en/companies/kraftnat-komponenter',
];

/** The id of the ad canonicalJobPath loads. */
const CANONICAL_JOB_ID = '9990001';

/**
 * A job page search engines may index. The demo board's open ads are all generated (noindex, which
 * Lighthouse's SEO category counts against the page) and its sample ads are mirrored from
 * Platsbanken; so one sample ad, in the region's first municipality, published today, without a
 * Platsbanken page, is loaded into the benchmark's database (as ingestion would load it).
 */
export async function canonicalJobPath(databaseUrl: string): Promise<string> {
  const [{ openDatabase }, { loadRegions }, { applyRecords, scopeForRegion }, { sampleAds }] =
    await Promise.all([
      import('../../src/platform/db/index.ts'),
      import('../../src/modules/regions/repository.ts'),
      import('../../src/modules/jobs/ingest/apply.ts'),
      import('../../src/modules/jobs/demo.ts'),
    ]);
  const database = openDatabase(databaseUrl, { max: 1 });
  try {
    const region = (await loadRegions(database.db)).find((r) => scopeForRegion(r) && r.municipalities.length);
    const scope = region && scopeForRegion(region);
    const sample = sampleAds()[0];
    const place = region?.municipalities[0];
    if (!region || !scope || !sample || !place)
      throw new Error('no region with municipalities to load an ad into');
    const now = new Date();
    const day = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 19);
    const ad = {
      ...sample,
      id: CANONICAL_JOB_ID,
      webpage_url: null,
      publication_date: day(-1),
      last_publication_date: day(20),
      application_deadline: day(20),
      timestamp: now.getTime() - 60_000,
      workplace_address: {
        ...sample.workplace_address,
        municipality: place.shortName,
        municipality_code: place.code,
        municipality_concept_id: place.jobtechConceptId,
        region_concept_id: region.jobtechConceptId,
      },
    };
    await applyRecords(database.db, scope, [ad], { kind: 'stream', now });
    return `/${region.defaultLanguage}/jobs/${CANONICAL_JOB_ID}`;
  } finally {
    await database.close();
  }
}

export interface FailingAudit {
  category: string;
  id: string;
  title: string;
  score: number | null;
  displayValue?: string;
  weight: number;
}

export interface PageScores {
  url: string;
  scores: Record<string, number | null>;
  failing: FailingAudit[];
  metrics: Record<string, string>;
  warnings: string[];
}

export interface LighthouseResult {
  measuredAt: string;
  lighthouseVersion?: string;
  chromeVersion?: string;
  pages: PageScores[];
  /** Set when Lighthouse could not run at all. */
  error?: string;
  pass: boolean;
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

function summarise(url: string, lhr: Result): PageScores {
  const scores: Record<string, number | null> = {};
  const failing: FailingAudit[] = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    scores[id] = category?.score === null || category === undefined ? null : Math.round(category.score * 100);
    if (!category || category.score === 1) continue;
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1) continue;
      if (ref.weight === 0 && audit.scoreDisplayMode !== 'binary') continue;
      failing.push({
        category: id,
        id: ref.id,
        title: audit.title,
        score: audit.score,
        ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
        weight: ref.weight,
      });
    }
  }
  const metrics: Record<string, string> = {};
  for (const id of METRICS) {
    const audit = lhr.audits[id];
    if (audit?.displayValue) metrics[id] = audit.displayValue;
  }
  const warnings = lhr.runWarnings.map(String);
  if (lhr.runtimeError) warnings.push(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  return { url, scores, failing, metrics, warnings };
}

export async function runLighthouse(port: number, pages = PAGES): Promise<LighthouseResult> {
  const measuredAt = new Date().toISOString();
  if (!existsSync(CHROME_PATH)) {
    return {
      measuredAt,
      pages: [],
      error: `${CHROME_PATH} not found (install it with \`apt-get install -y chromium\`)`,
      pass: false,
    };
  }
  let chrome: { port: number; kill(): void } | undefined;
  let stopChrome: (() => Promise<void>) | undefined;
  try {
    const [{ default: lighthouse }, chromeLauncher] = await Promise.all([
      import('lighthouse'),
      import('chrome-launcher'),
    ]);
    const launched = await withTimeout(
      chromeLauncher.launch({
        chromePath: CHROME_PATH,
        chromeFlags: CHROME_FLAGS,
        logLevel: 'silent',
        handleSIGINT: false, // the runner's own Ctrl-C handling stops Chromium with everything else
      }),
      60_000,
      'starting Chromium',
    );
    chrome = launched;
    stopChrome = onCleanup(`Chromium (pid ${launched.pid})`, () => launched.kill());
    const results: PageScores[] = [];
    let lighthouseVersion: string | undefined;
    let chromeVersion: string | undefined;
    for (const page of pages) {
      const url = `http://localhost:${port}${page}`;
      const flags: Flags = {
        port: launched.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      };
      const run = await withTimeout(lighthouse(url, flags), 180_000, `Lighthouse on ${url}`);
      if (!run) throw new Error(`Lighthouse returned no result for ${url}`);
      lighthouseVersion = run.lhr.lighthouseVersion;
      chromeVersion = run.lhr.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1];
      const summary = summarise(page, run.lhr);
      console.log(
        `  ${page.padEnd(9)} ` + CATEGORIES.map((c) => `${c} ${summary.scores[c] ?? 'n/a'}`).join('  '),
      );
      for (const f of summary.failing) {
        console.log(
          `        ✗ [${f.category}] ${f.id}: ${f.title}${f.displayValue ? ` (${f.displayValue})` : ''}`,
        );
      }
      for (const w of summary.warnings) console.log(`        ! ${w}`);
      results.push(summary);
    }
    return {
      measuredAt,
      ...(lighthouseVersion ? { lighthouseVersion } : {}),
      ...(chromeVersion ? { chromeVersion } : {}),
      pages: results,
      pass: results.every((r) => CATEGORIES.every((c) => r.scores[c] === 100)),
    };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { measuredAt, pages: [], error: message.split('\n').slice(0, 6).join('\n'), pass: false };
  } finally {
    if (stopChrome) await stopChrome();
    else chrome?.kill();
  }
}
