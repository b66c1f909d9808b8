/** The `companies` part's summary rows and section of docs/BENCHMARKS.md (called by report.ts). */
import { COMPANIES_TARGET_P95_MS, type CompaniesBenchResult } from '../parts/companies.ts';
import type { Failed } from './ingest-report.ts';

const isFailed = (r: object | undefined): r is Failed => r !== undefined && 'error' in r;
const fence = (text: string) => '```\n' + text.replace(/```/g, "'''") + '\n```';
const ms = (v: number) => `${v} ms`;

function dated(runAt: string, measuredAt: string): string {
  return measuredAt < runAt
    ? `\n_Kept from an earlier run (${measuredAt.slice(0, 16).replace('T', ' ')} UTC); not measured in the latest run._\n`
    : '';
}

export function companiesSummaryRows(r: CompaniesBenchResult | Failed | undefined): string[] {
  if (!r) return [];
  if (isFailed(r)) return ['| Company pages at 100k ads | – | did not run | ❌ |'];
  return r.pages.map((p) => {
    const pass = p.status === 200 && p.stats.p95 <= COMPANIES_TARGET_P95_MS;
    return `| ${p.label}: p95, one request at a time, ${r.ads.toLocaleString('en-US')} ads | ≤ ${COMPANIES_TARGET_P95_MS} ms | ${ms(p.stats.p95)} (p50 ${ms(p.stats.p50)}) | ${pass ? '✅ pass' : '❌ fail'} |`;
  });
}

export function companiesSection(runAt: string, r: CompaniesBenchResult | Failed): string {
  const head = '## Company pages (companies)\n';
  const command = '\nCommand: `npm run bench -- companies`.\n';
  if (isFailed(r))
    return `${head}${dated(runAt, r.measuredAt)}\nThe benchmark failed:\n\n${fence(r.error)}\n${command}`;
  const rows = r.pages
    .map(
      (p) =>
        `| ${p.label} | \`${p.path}\` | ${p.status} | ${p.bytes.toLocaleString('en-US')} | ${ms(p.stats.p50)} | ${ms(p.stats.p95)} | ${ms(p.stats.p99)} | ${ms(p.stats.max)} |`,
    )
    .join('\n');
  return `${head}${dated(runAt, r.measuredAt)}
The public company list and a company page through the production app in its own process, on a
private copy of the ${r.ads.toLocaleString('en-US')}-ad bench database with ${r.companies} published companies added (one of them the
employer, by organisationsnummer, of ${r.bigEmployerJobs} open ads; the others of 0–60). Each page is requested
20 times untimed, then ${r.rounds} times one request at a time on loopback (compressed, br): a figure
is the server's time for the whole page — reading the companies and their open-job counts, or the
company and all its open jobs, rendering, counting the view — plus one loopback round trip.
Target: p95 ≤ ${COMPANIES_TARGET_P95_MS} ms.

| Page | Path | Status | Bytes | p50 | p95 | p99 | max |
|---|---|---|---|---|---|---|---|
${rows}
${command}`;
}
