/** The `relevance` part's summary row and section of docs/BENCHMARKS.md (called by report.ts). */
import type { RelevanceBenchResult } from '../parts/relevance.ts';
import type { Failed } from './ingest-report.ts';

const isFailed = (r: object | undefined): r is Failed => r !== undefined && 'error' in r;
const ok = (pass: boolean) => (pass ? '✅ pass' : '❌ fail');
const f = (v: number) => v.toFixed(2);
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const fence = (text: string) => '```\n' + text.replace(/```/g, "'''") + '\n```';

function dated(runAt: string, measuredAt: string): string {
  return measuredAt < runAt
    ? `\n_Kept from an earlier run (${measuredAt.slice(0, 16).replace('T', ' ')} UTC); not measured in the latest run._\n`
    : '';
}

export function relevanceSummaryRows(r: RelevanceBenchResult | Failed | undefined): string[] {
  if (!r) return [];
  if (isFailed(r)) return ['| Search relevance (judged queries) | – | did not run | ❌ |'];
  return [
    `| Search relevance: ${r.queries} judged queries on the demo board, mean precision at 10 / recall at 50 | floor in the tests: ≥ ${f(r.floor.precisionAt10)} / ≥ ${f(r.floor.recallAt50)} | ${f(r.overall.precisionAt10)} / ${f(r.overall.recallAt50)} | ${ok(r.pass)} |`,
  ];
}

export function relevanceSection(runAt: string, r: RelevanceBenchResult | Failed): string {
  const head = '## Search relevance (judged queries)\n';
  const command = '\nCommand: `npm run bench -- relevance`.\n';
  if (isFailed(r))
    return `${head}${dated(runAt, r.measuredAt)}\nThe benchmark failed:\n\n${fence(r.error)}\n${command}`;
  const kinds = r.byKind
    .map((k) => `| ${k.kind} | ${k.queries} | ${f(k.precisionAt10)} | ${f(k.recallAt50)} |`)
    .join('\n');
  const worst = r.worst
    .map(
      (q) =>
        `| \`${cell(q.q)}\` | ${q.kind} | ${q.lang} | ${q.relevant} | ${q.total} | ${f(q.precisionAt10)} | ${f(q.recallAt50)} | ${q.top.length ? cell(q.top.join('; ')) : '–'} |`,
    )
    .join('\n');
  return `${head}${dated(runAt, r.measuredAt)}
The ${r.queries} queries of \`test/fixtures/search-judgments.json\` — Swedish and English, compounds, missing
diacritics, typos, employers, places, synonyms, phrases — each with a rule saying which ads a person
expects on the first page (occupation groups, headline, employer, municipality, language…), resolved
against the open ads of the demo board: the ads \`npm start\` seeds in ${r.board.regionId}, generated for
${r.board.day} (${r.board.ads} open ads; ${r.relevantPerQuery.min}–${r.relevantPerQuery.max} relevant per query, median ${r.relevantPerQuery.median}). Each query runs
through \`searchJobs()\` (sort by relevance, first 50). *P@10*: relevant ads among the first 10 ÷
min(10, relevant ads); *R@50*: relevant ads among the first 50 ÷ min(50, relevant ads); means over
the queries. The tests (\`test/http/jobs/relevance.test.ts\`) hold the overall means to a floor.

| Kind | Queries | P@10 | R@50 |
|---|---|---|---|
${kinds}
| **overall** | **${r.queries}** | **${f(r.overall.precisionAt10)}** | **${f(r.overall.recallAt50)}** |

Floor in the tests: P@10 ≥ ${f(r.floor.precisionAt10)}, R@50 ≥ ${f(r.floor.recallAt50)} → ${ok(r.pass)}.

The ten worst queries (lowest P@10 + R@50; ✓ marks a relevant result):

| Query | Kind | Page | Relevant ads | Found | P@10 | R@50 | First results |
|---|---|---|---|---|---|---|---|
${worst}
${command}`;
}
