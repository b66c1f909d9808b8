/**
 * Part companies: the public company list (/sv/companies, with and without filters) and a company
 * page with 200 open jobs (/sv/companies/…), through the production app in its own process, on a
 * private copy of the 100k-ad bench database with 60 published companies added — one of them the
 * employer (by organisationsnummer) of exactly 200 open ads, the others of 0–60 each. Requests go
 * one at a time on loopback, so a figure is the server's time for the page plus a loopback round
 * trip → p95 ≤ 15 ms for each page.
 */
import http from 'node:http';
import { sql } from 'kysely';
import { emptyCompany, type CompanyData } from '../../src/modules/companies/model.ts';
import { insertCompany, publishCompanyVersion } from '../../src/modules/companies/store.ts';
import { parseMarkup } from '../../src/platform/html/richtext.ts';
import { openCorpusDatabase, startCorpusApp, CORPUS_SEED, CORPUS_SIZE } from '../lib/corpus.ts';
import { latencyStats, type LatencyStats } from './search-db.ts';

export const COMPANIES_TARGET_P95_MS = 15;
const COMPANIES = 60;
const BIG_EMPLOYER_JOBS = 200;
const ROUNDS = 300;

export interface CompaniesPageResult {
  label: string;
  path: string;
  status: number;
  bytes: number;
  stats: LatencyStats;
}

export interface CompaniesBenchResult {
  measuredAt: string;
  ads: number;
  companies: number;
  bigEmployerJobs: number;
  rounds: number;
  pages: CompaniesPageResult[];
}

/** A valid organisationsnummer (Luhn) for bench company n: 559 + n, padded, + check digit. */
export function benchOrgNumber(n: number): string {
  const body = `559${String(900000 + n).padStart(6, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(body[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

function companyData(n: number, municipalities: string[]): CompanyData {
  const data = emptyCompany(`Benchbolaget ${n} AB`);
  const doc = (text: string) => parseMarkup(text).doc;
  data.summary = {
    sv: `Ett påhittat företag för mätningar, nummer ${n}.`,
    en: `A made-up company for measuring, number ${n}.`,
  };
  data.about = {
    sv: doc(
      `## Vilka vi är\n\nVi tillverkar komponenter för elnät och ${n} andra saker.\n\n- Kvalitet\n- Omtanke`,
    ),
    en: doc(
      `## Who we are\n\nWe make components for power grids and ${n} other things.\n\n- Quality\n- Care`,
    ),
  };
  data.impact = { sv: doc('Våra kunder finns i 40 länder.'), en: doc('Our customers are in 40 countries.') };
  data.industries = [['24', '27', '35', '62', '86'][n % 5] as string];
  data.municipalities = municipalities;
  data.badges = [
    {
      badge: 'relocation',
      text: {
        sv: 'Vi betalar flytten och två månaders hyra.',
        en: 'We pay the move and two months of rent.',
      },
    },
    { badge: n % 2 ? 'english' : 'partner', text: { sv: 'Vi hjälper till.', en: 'We help.' } },
  ];
  data.facts = {
    employees: 100 + n * 10,
    sites: { sv: 'Borlänge', en: 'Borlänge' },
    languages: ['sv', 'en'],
  };
  data.careerPaths = [
    {
      title: { sv: 'Från operatör till chef', en: 'From operator to manager' },
      steps: [
        {
          occupationId: 'bench-step-1',
          title: { sv: 'Operatör', en: 'Operator' },
          text: { sv: 'Start.', en: 'Start.' },
        },
        {
          occupationId: 'bench-step-2',
          title: { sv: 'Tekniker', en: 'Technician' },
          text: { sv: 'Sedan.', en: 'Then.' },
        },
        {
          occupationId: 'bench-step-3',
          title: { sv: 'Chef', en: 'Manager' },
          text: { sv: 'Till sist.', en: 'At last.' },
        },
      ],
    },
  ];
  return data;
}

function get(port: number, path: string): Promise<{ status: number; bytes: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path, headers: { 'accept-encoding': 'br, gzip' } },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
  });
}

export async function runCompanies(): Promise<CompaniesBenchResult> {
  const corpus = await openCorpusDatabase({ size: CORPUS_SIZE, seed: CORPUS_SEED, fresh: true });
  try {
    const db = corpus.db;
    const regionId = corpus.region.id;
    const codes = corpus.region.municipalities.map((m) => m.code);
    // Open ads without an organisationsnummer, handed out to the bench companies.
    const open = await db
      .selectFrom('job_ads')
      .select('id')
      .where('region_id', '=', regionId)
      .where('status', '=', 'open')
      .where('employer_orgnr', 'is', null)
      .orderBy('id')
      .limit(BIG_EMPLOYER_JOBS + COMPANIES * 60)
      .execute();
    let next = 0;
    let bigSlug = '';
    for (let n = 0; n < COMPANIES; n++) {
      const orgNumber = benchOrgNumber(n);
      const jobs = n === 0 ? BIG_EMPLOYER_JOBS : (n * 7) % 61;
      const ids = open.slice(next, next + jobs).map((r) => r.id);
      next += jobs;
      const data = companyData(n, [
        codes[n % codes.length] as string,
        codes[(n + 3) % codes.length] as string,
      ]);
      await db.transaction().execute(async (trx) => {
        const made = await insertCompany(trx, {
          regionId,
          slug: `benchbolaget-${n}`,
          orgNumber,
          organisationId: null,
          data,
          authorId: null,
          demo: true,
        });
        if (!made.ok) throw new Error(`bench company ${n}: ${made.clash} taken`);
        await publishCompanyVersion(trx, regionId, made.company.id, 1, data.name);
        if (n % 10 === 0)
          await trx
            .updateTable('companies')
            .set({ featured: true })
            .where('id', '=', made.company.id)
            .execute();
        if (ids.length > 0)
          await trx
            .updateTable('job_ads')
            .set({ employer_orgnr: orgNumber, employer_name: data.name })
            .where('region_id', '=', regionId)
            .where('id', 'in', ids)
            .execute();
        if (n === 0) bigSlug = made.company.slug;
      });
    }
    await sql`ANALYZE job_ads`.execute(db);
    const bigJobs = await db
      .selectFrom('job_ads')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('region_id', '=', regionId)
      .where('status', '=', 'open')
      .where('employer_orgnr', '=', benchOrgNumber(0))
      .executeTakeFirstOrThrow();

    const app = await startCorpusApp(corpus, { name: 'companies app' });
    try {
      const pages: Array<[label: string, path: string]> = [
        ['Company list', '/sv/companies'],
        [
          'Company list, filtered (industry + badge + has jobs)',
          '/sv/companies?industry=C&badge=relocation&jobs=1',
        ],
        ['Company list, English, sorted by open jobs', '/en/companies?sort=jobs'],
        [`Company page with ${Number(bigJobs.n)} open jobs`, `/sv/companies/${bigSlug}`],
        [`Company page with ${Number(bigJobs.n)} open jobs, English`, `/en/companies/${bigSlug}`],
      ];
      // Untimed: the app's and PostgreSQL's caches are warm.
      for (let i = 0; i < 20; i++) for (const [, path] of pages) await get(app.port, path);
      const results: CompaniesPageResult[] = [];
      for (const [label, path] of pages) {
        const samples: number[] = [];
        let last = { status: 0, bytes: 0, ms: 0 };
        for (let round = 0; round < ROUNDS; round++) {
          last = await get(app.port, path);
          samples.push(last.ms);
        }
        const stats = latencyStats(samples);
        console.log(
          `  ${label} (${path}): ${last.status}, ${last.bytes} B, p50 ${stats.p50} ms, p95 ${stats.p95} ms`,
        );
        results.push({ label, path, status: last.status, bytes: last.bytes, stats });
      }
      return {
        measuredAt: new Date().toISOString(),
        ads: corpus.size,
        companies: COMPANIES,
        bigEmployerJobs: Number(bigJobs.n),
        rounds: ROUNDS,
        pages: results,
      };
    } finally {
      await app.stop();
    }
  } finally {
    await corpus.close();
  }
}
