/** The `tasks` part's summary rows and section of docs/BENCHMARKS.md (called by report.ts). */
import type { TasksResult, TasksRun } from '../parts/tasks.ts';
import type { Failed } from './ingest-report.ts';

const isFailed = (r: object | undefined): r is Failed => r !== undefined && 'error' in r;
const ok = (pass: boolean) => (pass ? '✅ pass' : '❌ fail');
const n = (v: number) => Math.round(v).toLocaleString('en-US');
const s = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`);
const fence = (text: string) => '```\n' + text.replace(/```/g, "'''") + '\n```';

function dated(runAt: string, measuredAt: string): string {
  return measuredAt < runAt
    ? `\n_Kept from an earlier run (${measuredAt.slice(0, 16).replace('T', ' ')} UTC); not measured in the latest run._\n`
    : '';
}

const LAYOUT_NAMES: Record<TasksRun['layout'], string> = {
  inline: 'one `serve` process, task worker inside (the default)',
  worker: '`serve` with `TASK_CONCURRENCY_LONG=0` + one `lotsa worker`',
};

/** Median and max per phase (download, apply) of the e-mails sent while the snapshot ran. */
function phases(r: TasksRun): string {
  const parts = (['download', 'apply'] as const).map((phase) => {
    const times = r.trials
      .filter((t) => t.phase === phase && t.whileRunning && t.ms !== null)
      .map((t) => t.ms as number)
      .sort((a, b) => a - b);
    if (times.length === 0) return `${phase}: none`;
    const mid = times.length / 2;
    const median = times.length % 2 ? times[Math.floor(mid)]! : (times[mid - 1]! + times[mid]!) / 2;
    return `${phase} (${times.length}): median ${n(median)} ms, max ${n(times.at(-1)!)} ms`;
  });
  return parts.join('; ');
}

export function tasksSummaryRows(r: TasksResult | Failed | undefined): string[] {
  if (!r) return [];
  if (isFailed(r)) return ['| Sign-in e-mail while a snapshot ingests | ≤ 5 s | did not run | ❌ |'];
  return r.runs.map((run) => {
    const during = run.trials.filter((t) => t.whileRunning).length;
    return `| Sign-in e-mail while a ${n(r.corpus.ads)}-ad snapshot ingests, ${LAYOUT_NAMES[run.layout]} (POST /sv/login → SMTP; median / max of ${during}) | ≤ ${s(r.target)} | ${run.medianMs === null ? 'not every time' : `${n(run.medianMs)} / ${n(run.maxMs ?? 0)} ms`} | ${ok(run.pass)} |`;
  });
}

function runSection(run: TasksRun, target: number): string {
  const rows = run.trials
    .map(
      (t, i) =>
        `| ${i + 1} | ${t.askedAtS} s (${t.phase}) | ${n(t.answerMs)} ms (${t.status}) | ${t.ms === null ? 'not within 60 s' : `**${n(t.ms)} ms**`} | ${t.whileRunning ? 'yes' : 'no'} |`,
    )
    .join('\n');
  const problems = run.problems.length ? `\n${run.problems.map((p) => `- ${p}`).join('\n')}\n` : '';
  return `### ${LAYOUT_NAMES[run.layout]}

The snapshot task: ${run.snapshot.state} after ${s(run.snapshot.ms)} (the stand-in had sent the snapshot after
${s(run.snapshot.downloadMs)}), ${n(run.snapshot.openAds)} open ads. 1-minute load average before ${run.loadBefore}, after ${run.loadAfter}.

| E-mail | asked, into the snapshot | POST /sv/login answered | sent (POST → SMTP) | snapshot still running |
|---|---|---|---|---|
${rows}

Median ${run.medianMs === null ? '–' : `${n(run.medianMs)} ms`}, max ${run.maxMs === null ? '–' : `${n(run.maxMs)} ms`} over the e-mails sent while the snapshot ran (target ≤ ${s(target)}): ${ok(run.pass)}.
By phase: ${phases(run)}.
${problems}`;
}

export function tasksSection(runAt: string, r: TasksResult | Failed): string {
  const head = '## Tasks: a sign-in e-mail while a snapshot ingests\n';
  if (isFailed(r)) return `${head}\nThe benchmark failed:\n\n${fence(r.error)}\n`;
  const when = `${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC`;
  return `${head}${dated(runAt, r.measuredAt)}
Measured ${when}${r.machine ? ` on ${r.machine}` : ''}. The app as \`npm start\` runs it (bench/servers/app.ts, default lanes: 2 short slots, 1 long slot) on a
fresh bench PostgreSQL prepared by \`lotsa seed\` (\`LOTSA_SEED_DEMO=false\`), \`SMTP_URL\` pointing at a
local SMTP sink (bench/lib/smtp-sink.ts) and \`JOBTECH_STREAM_URL\` at the JobStream stand-in serving the
\`ingest\` part's corpus: ${n(r.corpus.ads)} ads, ${(r.corpus.bytes / 1e6).toFixed(1)} MB, seed ${r.corpus.seed}. A \`jobs.ingest.snapshot\` task is
queued; until it ends, a person asks for a sign-in link every few seconds (GET /sv/login, then POST
/sv/login with a fresh e-mail address, as a browser does, each from its own loopback address so that
the per-client limit of 10 per 15 minutes does not end the series). Timed from sending the POST to the
message's last byte at the SMTP server. "download" means the stand-in was still sending the snapshot
(download and parse in the ingesting process), "apply" that it had finished (batches of 500, closing,
search words). Two layouts, each on its own fresh database. Before the lanes, a process ran one task
at a time, so a sign-in e-mail queued behind a snapshot waited for the whole snapshot. With the worker
inside \`serve\`, the snapshot's download and JSON parse share the web process's event loop, so the
POST's own answer time is part of what the e-mail waits for; with a separate \`lotsa worker\` they do not.

${r.runs.map((run) => runSection(run, r.target)).join('\n')}
Command: \`npm run bench -- tasks\`.
`;
}
