/** The `navigator` part's summary rows and section of docs/BENCHMARKS.md (called by report.ts). */
import { NAVIGATOR_TARGET_P95_MS, type NavigatorBenchResult } from '../parts/navigator.ts';
import type { Failed } from './ingest-report.ts';

const isFailed = (r: object | undefined): r is Failed => r !== undefined && 'error' in r;
const fence = (text: string) => '```\n' + text.replace(/```/g, "'''") + '\n```';
const n = (v: number) => v.toLocaleString('en-US');

function dated(runAt: string, measuredAt: string): string {
  return measuredAt < runAt
    ? `\n_Kept from an earlier run (${measuredAt.slice(0, 16).replace('T', ' ')} UTC); not measured in the latest run._\n`
    : '';
}

export function navigatorSummaryRows(r: NavigatorBenchResult | Failed | undefined): string[] {
  if (!r) return [];
  if (isFailed(r)) return ['| Navigator pages at 20,000 cases | – | did not run | ❌ |'];
  const worst = r.pages.reduce((a, b) => (b.stats.p95 > a.stats.p95 ? b : a));
  const ok = worst.stats.p95 <= NAVIGATOR_TARGET_P95_MS;
  const b = r.booking;
  const raceOk = b.booked === b.slots && b.taken === b.contenders - b.slots && b.slotsWithCase === b.slots;
  return [
    `| Navigator pages, ${n(r.cases)} cases: slowest p95 (${worst.navigator}, ${worst.label}) | ≤ ${NAVIGATOR_TARGET_P95_MS} ms | ${worst.stats.p95} ms | ${ok ? '✅ pass' : '❌ fail'} |`,
    `| Slot booking race: ${b.contenders} requests for ${b.slots} slots | exactly ${b.slots} booked | ${b.booked} booked, ${b.taken} × 409, all in ${b.allMs} ms | ${raceOk ? '✅ pass' : '❌ fail'} |`,
  ];
}

/**
 * The same part measured once on the code before migration 0034 and the duplicates rewrite (commit
 * d619539, 2026-12-07 06:00 UTC, same machine, load 0.37 / 3.43 / 5.24 at the start), kept for
 * comparison.
 */
const BEFORE_FIX: Array<[navigator: string, label: string, p50: number, p95: number]> = [
  ['region', 'Inbox, "new" tab', 63.7, 71.1],
  ['region', 'Inbox, "all open" tab', 69.5, 100.6],
  ['region', 'Case file (random cases)', 8.3, 14.4],
  ['region', 'Dashboard, region, default period', 19.5, 23.3],
  ['region', 'Dashboard CSV, region, default period', 19, 25.9],
  ['municipality', 'Inbox, "new" tab', 46.9, 55],
  ['municipality', 'Inbox, "all open" tab', 74.1, 94.8],
  ['municipality', 'Case file (random cases)', 10.3, 17.8],
  ['municipality', 'Dashboard, region, default period', 24.8, 33],
  ['municipality', 'Dashboard CSV, region, default period', 23.4, 29.7],
];

export function navigatorSection(runAt: string, r: NavigatorBenchResult | Failed): string {
  const head = '## Navigator (navigator)\n';
  const command =
    '\nCommand: `npm run bench -- navigator` (standalone: `node --import tsx bench/parts/navigator.ts [cases]`).\n';
  if (isFailed(r))
    return `${head}${dated(runAt, r.measuredAt)}\nThe benchmark failed:\n\n${fence(r.error)}\n${command}`;
  const rows = r.pages.map(
    (p) =>
      `| ${p.navigator} | ${p.label} | \`${p.path}\` | ${p.stats.calls} | ${n(p.bytes)} | ${p.stats.p50} | ${p.stats.p95} | ${p.stats.max} |`,
  );
  const b = r.booking;
  return `${head}${dated(runAt, r.measuredAt)}
The navigators' back-office pages (issue 16, \`src/modules/relocation/\`) at a large region's scale:
Dalarna with ${n(r.cases)} relocation cases over its 15 municipalities (15 % "not sure yet") and every
stage, created over the last 3 years, ~60 % with a first response, moved ones with outcomes, ${n(r.persons)}
household members (a main mover with an e-mail; a partner for half, children for a third), ${n(r.events)}
history events (5 a case), tasks, meetings, booked slots, 12-month follow-ups, ${r.navigators} navigators
and ${n(r.openSlots)} open slots, written by bulk \`INSERT … SELECT generate_series\` in ${n(Math.round(r.buildMs / 1000))} s.
Requests go one at a time through the real app in the part's process (\`buildApp\` + \`app.inject\`, no
socket), with a navigator's session that has shown its second factor: a region navigator (every case)
and a municipality navigator of Falun (${n(r.municipalityScope)} cases in scope); case files are random
cases of the scope. A figure is the server's time for the page including PostgreSQL. Target (issue 16):
p95 ≤ ${NAVIGATOR_TARGET_P95_MS} ms for each page.

| Navigator | Page | Path | Requests | Bytes | p50 ms | p95 ms | max ms |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Before migration 0034 and the rewrite of the duplicates' query (commit d619539, the same data on the
same machine, run right after the figures above; load 0.37 / 3.43 / 5.24 at its start), p50 / p95 in
ms. An earlier run of that code while the machine was busy (load 5.35 / 6.21 / 6.41) measured the
region's "new" tab at p50 101 ms / p95 212 ms and its case files at p95 57 ms: on this shared 2-CPU
machine the tails move with whatever else runs.

| Navigator | Page | p50 before | p95 before |
| --- | --- | ---: | ---: |
${BEFORE_FIX.map(([who, label, p50, p95]) => `| ${who} | ${label} | ${p50} | ${p95} |`).join('\n')}
| region | Possible duplicates | > 15,000 | > 15,000 |

The duplicates page could not be measured then: its e-mail source alone (a self-join of the adults
on \`lower(p2.email) = lower(trim(p1.email))\` under \`LIMIT 200\`, which the planner ran as a nested
loop over every pair of adults, 18,600 × 30,000) was cancelled by a 15 s statement timeout, and one
request ran for over two minutes. Each source now groups the visible adults by its key once and
pairs only keys shared by two cases. The inbox read every slot of the region for each listed case
(no index on \`relocation_slots.case_id\`: about 1 ms a row) and hashed every case's consents for the
"contact withdrawn" column; 0034 adds \`relocation_slots_case\` and \`relocation_consents_person\`, and
that column is one aggregate per listed case.

Slot booking under contention: ${b.contenders} households (from as many addresses) POST \`/sv/move\` at
once, five for each of the same ${b.slots} slots: ${b.booked} were booked (303 to the receipt), ${b.taken}
got the form again with its "slot taken" notice (409), ${b.other} anything else; ${b.slotsWithCase} of
the ${b.slots} slots hold a case. Every answer was in after ${b.allMs} ms (per request p50 ${b.stats.p50} ms,
max ${b.stats.max} ms).

The machine is shared with other work: load average ${r.loadAtStart.join(' / ')} when the measuring
began and ${r.loadAtEnd.join(' / ')} when it ended, on ${'the CPUs in "Machine" above'}; the tails
(p95, max) carry that noise.
${command}`;
}
