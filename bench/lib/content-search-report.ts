/** The `content-search` part's summary row and section of docs/BENCHMARKS.md (called by report.ts). */
import type { ContentSearchBenchResult } from '../parts/content-search.ts';
import { CONTENT_QUERIES } from '../parts/content-search.ts';
import type { Failed } from './ingest-report.ts';

const isFailed = (r: object | undefined): r is Failed => r !== undefined && 'error' in r;
const fence = (text: string) => '```\n' + text.replace(/```/g, "'''") + '\n```';
const ms = (v: number) => `${v} ms`;

function dated(runAt: string, measuredAt: string): string {
  return measuredAt < runAt
    ? `\n_Kept from an earlier run (${measuredAt.slice(0, 16).replace('T', ' ')} UTC); not measured in the latest run._\n`
    : '';
}

export function contentSearchSummaryRows(r: ContentSearchBenchResult | Failed | undefined): string[] {
  if (!r) return [];
  if (isFailed(r)) return ['| Site search, content (demo content) | – | did not run | ❌ |'];
  return [
    `| Site search, content: \`searchContent()\` on the demo content, p50 / p95 | – (information) | ${ms(r.stats.p50)} / ${ms(r.stats.p95)} | |`,
  ];
}

export function contentSearchSection(runAt: string, r: ContentSearchBenchResult | Failed): string {
  const head = '## Site search over the content (content-search)\n';
  const command = '\nCommand: `npm run bench -- content-search`.\n';
  if (isFailed(r))
    return `${head}${dated(runAt, r.measuredAt)}\nThe benchmark failed:\n\n${fence(r.error)}\n${command}`;
  const queries = CONTENT_QUERIES.map(
    ([lang, text, kind]) => `\`${text}\` (${lang}${kind ? `, ${kind} only` : ''})`,
  ).join(', ');
  return `${head}${dated(runAt, r.measuredAt)}
\`searchContent()\` (src/modules/content/search.ts: the places, guides, stories and paths half of
/sv/search; the jobs half is the job search above) called in the runner process, one call at a
time, on the demo content \`npm start\` seeds — ${r.rows} visible published rows (items × languages) —
in the bench PostgreSQL, five hits per kind (twenty for one kind). ${r.searches} searches, each run
once untimed, then ${r.rounds} rounds: ${queries}. A figure is the wall time of a whole call: its
statements in one transaction under the statement timeout (stems, vocabulary check, matching,
excerpts; for a text that finds nothing the "Menade du" lookup and a second search).

| Calls | p50 | p95 | p99 | max |
|---|---|---|---|---|
| ${r.stats.calls} | ${ms(r.stats.p50)} | ${ms(r.stats.p95)} | ${ms(r.stats.p99)} | ${ms(r.stats.max)} |
${command}`;
}
