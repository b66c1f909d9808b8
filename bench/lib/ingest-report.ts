/** The ingestion parts' summary rows and sections of docs/BENCHMARKS.md (called by report.ts). */
import type { CrashResult } from '../parts/crash.ts';
import type { IngestResult, RerunFigures } from '../parts/ingest.ts';

/** A part that did not finish, with when and why. */
export interface Failed {
  measuredAt: string;
  error: string;
}

type Maybe<T> = T | Failed | undefined;

const isFailed = (r: object | undefined): r is Failed => r !== undefined && 'error' in r;
const ok = (pass: boolean) => (pass ? '✅ pass' : '❌ fail');
const n = (v: number) => Math.round(v).toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fence = (text: string) => '```\n' + text.replace(/```/g, "'''") + '\n```';
const orDash = (v: number | null | undefined) => (v === null || v === undefined ? '–' : String(v));

function dated(runAt: string, measuredAt: string): string {
  return measuredAt < runAt
    ? `\n_Kept from an earlier run (${measuredAt.slice(0, 16).replace('T', ' ')} UTC); not measured in the latest run._\n`
    : '';
}

export function ingestSummaryRows(ingest: Maybe<IngestResult>, crash: Maybe<CrashResult>): string[] {
  const rows: string[] = [];
  if (ingest) {
    if (isFailed(ingest)) rows.push('| JobStream ingestion | ≤ 120 s; 0 rows; ≤ 5 s | did not run | ❌ |');
    else {
      const { full, resnapshot, restream, latency } = ingest;
      rows.push(
        `| Full snapshot of ${n(ingest.corpus.ads)} ads (\`lotsa ingest snapshot\`, empty database), wall time | ≤ ${s(full.target)} | ${s(full.ms)} | ${ok(full.pass)} |`,
        `| The same snapshot again: rows written | 0 | ${orDash(resnapshot.check.printed)} (${s(resnapshot.ms)}) | ${ok(resnapshot.check.pass)} |`,
        `| A stream window with the same ${n(restream.records)} ads: rows written | 0 | ${orDash(restream.check.printed)} (${s(restream.ms)}) | ${ok(restream.check.pass)} |`,
        `| Changed ad searchable after its stream window is served (median / max of ${latency.trials.length}) | ≤ ${s(latency.target)} | ${latency.medianMs === null ? 'not every time' : `${n(latency.medianMs)} / ${n(latency.maxMs ?? 0)} ms`} | ${ok(latency.pass)} |`,
      );
    }
  }
  if (crash) {
    if (isFailed(crash)) rows.push('| Ingester crash safety (kill -9) | 0 mismatches | did not run | ❌ |');
    else
      rows.push(
        `| Ingester killed (kill -9) at random moments; database = source after every restart | ${crash.target} kills, 0 mismatches | ${crash.kills} kills, ${crash.mismatches} mismatches | ${ok(crash.pass)} |`,
      );
  }
  return rows;
}

function countsCell(r: { counts: RerunFigures['counts'] }): string {
  const c = r.counts;
  return c
    ? `${n(c.received)} / ${n(c.written)} / ${n(c.unchanged)} / ${n(c.stale)} / ${n(c.closed)} / ${n(c.skipped)}`
    : 'not printed';
}

const cpuCell = (cpu: { ingester: number | null; postgres: number | null }) =>
  `${orDash(cpu.ingester)} s / ${orDash(cpu.postgres)} s`;

export function ingestSection(runAt: string, r: IngestResult | Failed): string {
  const head = '## JobStream ingestion\n';
  if (isFailed(r)) return `${head}\nThe benchmark failed:\n\n${fence(r.error)}\n`;
  const { full, resnapshot, restream, latency } = r;
  const check = (name: string, f: RerunFigures) =>
    `| ${name} | ${orDash(f.check.printed)} | ${orDash(f.check.recorded)} (${f.check.outcome ?? 'no row'}) | ${n(f.check.tupleDelta)} | ${n(f.check.rowsRewritten)} | ${f.check.updatedAtMoved ? 'yes' : 'no'} | ${ok(f.check.pass)} |`;
  const trials = latency.trials
    .map(
      (t, i) =>
        `| ${i + 1} | ${t.adId} | ${t.ms === null ? 'not within 60 s' : `${n(t.ms)} ms`} | ${n(t.servedToExitMs)} ms | ${s(t.cliMs)} | ${t.polls}${t.limited ? ` (${t.limited} × 429)` : ''} |`,
    )
    .join('\n');
  return `${head}${dated(runAt, r.measuredAt)}
A corpus of ${n(r.corpus.ads)} generated ads (\`iterateAds\`, seed ${r.corpus.seed}, Dalarna's municipalities;
${(r.corpus.bytes / 1e6).toFixed(1)} MB as one JSON array; without the \`lotsa_generated\` mark, so they are stored as JobTech
ads and a snapshot that lacks one closes it) is served as \`GET /snapshot\` by a local JobStream stand-in
(bench/lib/jobstream-server.ts, streamed from disk). The real command, \`node bin/lotsa.js ingest snapshot|stream\`
with \`JOBTECH_STREAM_URL\` pointing at the stand-in, runs as a child process against a fresh PostgreSQL
(the bench's embedded server, prepared by \`lotsa seed\` with \`LOTSA_SEED_DEMO=false\`: regions and taxonomy,
no demo ads). Wall time is spawn to exit, start-up included. CPU is that of the ingesting process and
of every PostgreSQL process over the same run (user + system); a sum above the wall time means they
ran in parallel. 1-minute load average before the full snapshot ${r.loadBefore},
after the part ${r.loadAfter} (above 0 means something else was running too).

| Run | Records | Wall time | CPU ingester / PostgreSQL | Peak RSS of the ingester | received / written / unchanged / stale / closed / skipped | Target | |
|---|---|---|---|---|---|---|---|
| Full snapshot, empty database | ${n(r.corpus.ads)} | **${s(full.ms)}** (the stand-in finished sending after ${s(full.downloadMs)}: start-up, download and parse; then ${s(full.applyMs)}: batches of 500, closing, search words, exit) | ${cpuCell(full.cpu)} | ${orDash(full.peakRssMiB)} MiB | ${countsCell(full)} | ≤ ${s(full.target)} | ${ok(full.pass)} |
| The same snapshot again | ${n(resnapshot.records)} | ${s(resnapshot.ms)} | ${cpuCell(resnapshot.cpu)} | ${orDash(resnapshot.peakRssMiB)} MiB | ${countsCell(resnapshot)} | 0 written | ${ok(resnapshot.check.pass)} |
| A stream window with the same ads | ${n(restream.records)} | ${s(restream.ms)} | ${cpuCell(restream.cpu)} | ${orDash(restream.peakRssMiB)} MiB | ${countsCell(restream)} | 0 written | ${ok(restream.check.pass)} |

After the full snapshot ${n(full.openAds)} ads were open. Rows written by the runs on unchanged data, counted
four ways: what the command printed; \`job_ingest_runs\`; the change of \`n_tup_ins + n_tup_upd + n_tup_del\` of
job_ads and job_index in \`pg_stat_user_tables\` (read once PostgreSQL had ended the command's backends);
and the job_ads rows whose \`xmin\` (the transaction that wrote the row version) changed, with max(updated_at).

| Run | printed | job_ingest_runs | tuple counter delta | rows with a new xmin | max(updated_at) moved | 0 rows written |
|---|---|---|---|---|---|---|
${check('The same snapshot again', resnapshot)}
${check('A stream window with the same ads', restream)}

**A changed ad becomes searchable.** With the app running (bench/servers/app.ts, production config and
response cache, same database, \`LOTSA_SEED_DEMO=false\`), one ad's headline gets a unique word and a newer
timestamp, and \`ingest stream\` is served a window with that ad and ${latency.companions} unchanged ones. A first
\`GET /api/v1/jobs?q=<word>\` caches the empty answer, so the cache's invalidation by NOTIFY is part of the
measure. Timed from the moment the stand-in had written the window's last byte to the arrival of the first
answer that lists the ad, polling every ${latency.pollMs} ms. The command itself exits later: after its commit it
rebuilds the region's search vocabulary.

| Trial | Ad | served → searchable | served → command exit | command wall time | polls |
|---|---|---|---|---|---|
${trials}
| **Median / max** | | **${latency.medianMs === null ? '–' : `${n(latency.medianMs)} ms`} / ${latency.maxMs === null ? '–' : `${n(latency.maxMs)} ms`}** | | | |

Target: searchable ≤ ${s(latency.target)} after the stream delivers it → ${ok(latency.pass)}.
${r.problems.length ? `\n${r.problems.map((p) => `- **Problem:** ${p}`).join('\n')}\n` : ''}`;
}

export function crashSection(runAt: string, r: CrashResult | Failed): string {
  const head = '## Ingester crash safety\n';
  if (isFailed(r)) return `${head}\nThe benchmark failed:\n\n${fence(r.error)}\n`;
  const mutations = Object.entries(r.mutations)
    .map(([k, v]) => `${k} ${n(v)}`)
    .join(', ');
  return `${head}${dated(runAt, r.measuredAt)}
Opt-in (\`npm run bench -- crash\`, or alone: \`node --import tsx bench/parts/crash.ts\`), as it takes longer
than the other parts. The JobStream stand-in serves a source that starts with ${n(r.ads)} generated Dalarna ads
and ${n(r.outsideAds)} outside the region and changes between rounds. A round: change the source; start
\`node bin/lotsa.js ingest snapshot\` or \`… stream\` (at random) 1–3 times and \`kill -9\` it after a random
delay within the run time measured so far for that kind; then run the round's own kind to its end (a
snapshot whenever ads vanished without a tombstone, since only a snapshot can notice that). Checks, each
in one repeatable-read view of the database, after PostgreSQL has ended the killed process's backends:

- **after every kill**: with C = \`job_ingest_state.stream_cursor\`, every record the stand-in would serve with a
  time ≤ C (an ad's \`timestamp\`; a tombstone's \`timestamp\` or else its \`removed_date\`) is in job_ads: an ad of
  the region, not past its last publication date, open with the content hash of that version; one past it,
  closed with that hash; a tombstone or an ad outside the region, no row or a closed one. So the cursor is
  never ahead of the rows it covers. Also, every open row has a content hash the source has had for that id.
- **after every completed run**, also: the set of (id, content hash) of open ads equals the source's exactly
  (its ads in the region and not expired, hashed with \`contentHash\` after the ingester's own \`parseRecord\`),
  no (region, id) twice, and the run's job_ingest_runs row says \`ok\`.

| | |
|---|---|
| kill -9 done | **${r.kills}** (target ${r.target}): ${r.killsByKind.snapshot} of \`ingest snapshot\`, ${r.killsByKind.stream} of \`ingest stream\` |
| when they struck | ${r.killsByPhase['start-up']} during start-up (no request yet), ${r.killsByPhase.download} while downloading, ${r.killsByPhase.apply} while applying; ${r.killsAfterCommits} after the process had committed rows, ${r.killsAfterCursor} of them after it had moved the cursor |
| runs that ended before their kill came (not counted) | ${r.finishedBeforeKill} |
| rounds | ${r.rounds}; runs to completion: ${r.completedRuns.snapshot} snapshots (median ${s(r.runMsMedian.snapshot)}), ${r.completedRuns.stream} stream windows (median ${s(r.runMsMedian.stream)}) |
| changes to the source | ${mutations} |
| database checks | ${n(r.checks)} |
| **mismatches** | **${r.mismatches}** |
| the checks find a change planted in the source but not in the database | ${r.selfTest.pass ? 'yes' : `**no** (cursor check ${r.selfTest.cursorCheck}, equality ${r.selfTest.equalityCheck})`} |
| longest wait for PostgreSQL to end a killed process's backends | ${n(r.backendsGoneMaxMs)} ms |
| job_ingest_runs rows left without an outcome (killed runs; they stay so) | ${r.runRows ? `${n(r.runRows.withoutOutcome)} of ${n(r.runRows.total)}` : '–'} |
| time taken | ${(r.durationMs / 60_000).toFixed(1)} min (seed ${r.seed}: the source's changes and the kill delays) |

Target: ${r.target} kills, 0 mismatches → ${ok(r.pass)}.
${r.violations.length ? `\nMismatches (first ${r.violations.length}):\n\n${r.violations.map((v) => `- ${v}`).join('\n')}\n` : ''}`;
}
