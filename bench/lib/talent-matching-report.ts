/** The `talent-matching` part's summary rows and section of docs/BENCHMARKS.md (called by report.ts). */
import {
  TALENT_NEW_JOB_TARGET_MS,
  TALENT_TOP_TARGET_P95_MS,
  type TalentMatchingBenchResult,
} from '../parts/talent-matching.ts';
import type { Failed } from './ingest-report.ts';

const isFailed = (r: object | undefined): r is Failed => r !== undefined && 'error' in r;
const fence = (text: string) => '```\n' + text.replace(/```/g, "'''") + '\n```';
const ms = (v: number) => `${v} ms`;
const n = (v: number) => v.toLocaleString('en-US');

function dated(runAt: string, measuredAt: string): string {
  return measuredAt < runAt
    ? `\n_Kept from an earlier run (${measuredAt.slice(0, 16).replace('T', ' ')} UTC); not measured in the latest run._\n`
    : '';
}

export function talentMatchingSummaryRows(r: TalentMatchingBenchResult | Failed | undefined): string[] {
  if (!r) return [];
  if (isFailed(r)) return ['| Talent matching at 100k profiles × 100k jobs | – | did not run | ❌ |'];
  const top = r.top.p95 <= TALENT_TOP_TARGET_P95_MS;
  const job = r.newJob.max <= TALENT_NEW_JOB_TARGET_MS;
  return [
    `| Top 20 matches for one talent: p95, ${n(r.profiles)} profiles × ${n(r.ads)} jobs | ≤ ${TALENT_TOP_TARGET_P95_MS} ms | ${ms(r.top.p95)} (p50 ${ms(r.top.p50)}) | ${top ? '✅ pass' : '❌ fail'} |`,
    `| A new job matched against ${n(r.profiles)} profiles, inbox rows queued: slowest of ${r.newJob.calls} | ≤ ${TALENT_NEW_JOB_TARGET_MS} ms | ${ms(r.newJob.max)} (p50 ${ms(r.newJob.p50)}) | ${job ? '✅ pass' : '❌ fail'} |`,
  ];
}

export function talentMatchingSection(runAt: string, r: TalentMatchingBenchResult | Failed): string {
  const head = '## Talent matching (talent-matching)\n';
  const command = '\nCommand: `npm run bench -- talent-matching`.\n';
  if (isFailed(r))
    return `${head}${dated(runAt, r.measuredAt)}\nThe benchmark failed:\n\n${fence(r.error)}\n${command}`;
  const row = (label: string, s: TalentMatchingBenchResult['top']) =>
    `| ${label} | ${s.calls} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} |`;
  return `${head}${dated(runAt, r.measuredAt)}
In-process on a private copy of the ${n(r.ads)}-ad bench database. The matching's first run computed
every ad's features (JobTech's skills plus the taxonomy's skill labels found in headline and description;
${n(r.jobsWithSkills)} ads with at least one skill) in ${Math.round(r.featuresMs / 1000)} s. Then ${n(r.profiles)} profiles were generated from
the corpus' own distributions (occupations weighted by their ads, skills drawn from the skills found in
ads of that occupation, municipalities weighted by ads, about 45 % households) and inserted with accounts
and consents in ${Math.round(r.profilesMs / 1000)} s; ${n(r.alertProfiles)} consent to alerts.

- **Top 20 for one talent**: \`topMatches()\` (candidates from talent_job_features as ordered index
  ranges: the newest of each of the talent's SSYK-4 groups, and of each group in each municipality they
  chose; by field only when those are few; scored in memory, then headline and employer read for the
  best) for ${r.top.calls} random profiles after 30 untimed; on average ${r.topResults} results.
  Target p95 ≤ ${TALENT_TOP_TARGET_P95_MS} ms.
- **Household view**: \`profileMatches()\` (own top 20, the partner's top 200, paired within an hour) for
  the ${r.households} households among them; for information.
- **A new job**: an open ad gets a new version (a new change_seq), then one \`matchNextBatch()\` reads it,
  computes its features, scores it against every active profile of its occupation group whose owner
  consents to alerts (on average ${r.candidatesMean} profiles of its group) and inserts the inbox rows
  scoring at least the threshold, committed; ${r.inboxMean} rows per job on average, at most ${r.inboxMax} (the
  generated corpus has few occupations, so a group holds thousands of profiles). Target: ≤ ${TALENT_NEW_JOB_TARGET_MS} ms
  for every job (the slowest is the figure).

| Operation | Calls | p50 | p95 | p99 | max |
|---|---|---|---|---|---|
${row('Top 20 for one talent', r.top)}
${row('Household: own and partner matches, paired', r.household)}
${row('A new job matched, inbox queued', r.newJob)}
${command}`;
}
