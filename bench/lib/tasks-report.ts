/** The `tasks` part's summary row and section of docs/BENCHMARKS.md (called by report.ts). */
import type { TasksResult } from '../parts/tasks.ts';
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

/** Median and max per phase (download, apply) of the e-mails sent while the snapshot ran. */
function phases(r: TasksResult): string {
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
  return `By phase — ${parts.join('; ')}.`;
}

export function tasksSummaryRows(r: TasksResult | Failed | undefined): string[] {
  if (!r) return [];
  if (isFailed(r)) return ['| Sign-in e-mail while a snapshot ingests | ≤ 5 s | did not run | ❌ |'];
  const during = r.trials.filter((t) => t.whileRunning).length;
  return [
    `| Sign-in e-mail sent while a ${n(r.corpus.ads)}-ad snapshot ingests (POST /sv/login → at the SMTP server; median / max of ${during}) | ≤ ${s(r.target)} | ${r.medianMs === null ? 'not every time' : `${n(r.medianMs)} / ${n(r.maxMs ?? 0)} ms`} | ${ok(r.pass)} |`,
  ];
}

export function tasksSection(runAt: string, r: TasksResult | Failed): string {
  const head = '## Tasks: a sign-in e-mail while a snapshot ingests\n';
  if (isFailed(r)) return `${head}\nThe benchmark failed:\n\n${fence(r.error)}\n`;
  const rows = r.trials
    .map(
      (t, i) =>
        `| ${i + 1} | ${t.askedAtS} s (${t.phase}) | ${n(t.answerMs)} ms (${t.status}) | ${t.ms === null ? 'not within 60 s' : `**${n(t.ms)} ms**`} | ${t.whileRunning ? 'yes' : 'no'} |`,
    )
    .join('\n');
  const problems = r.problems.length ? `\n${r.problems.map((p) => `- ${p}`).join('\n')}\n` : '';
  return `${head}${dated(runAt, r.measuredAt)}
The app as \`npm start\` runs it (bench/servers/app.ts: web server with the task worker inside, the
default lanes — 2 short slots, 1 long slot) on a fresh bench PostgreSQL prepared by \`lotsa seed\`
(\`LOTSA_SEED_DEMO=false\`), \`SMTP_URL\` pointing at a local SMTP sink (bench/lib/smtp-sink.ts) and
\`JOBTECH_STREAM_URL\` at the JobStream stand-in serving the \`ingest\` part's corpus: ${n(r.corpus.ads)} ads,
${(r.corpus.bytes / 1e6).toFixed(1)} MB, seed ${r.corpus.seed}. A \`jobs.ingest.snapshot\` task is queued; while it runs, a
person asks for a sign-in link every few seconds until it ends (GET /sv/login, then POST /sv/login
with a fresh e-mail address, as a browser does, each from its own loopback address so that the
per-client limit of 10 per 15 minutes does not end the series). Timed from sending the POST to the message's last byte at the SMTP
server; "phase" says whether the stand-in was still sending the snapshot (download and parse) or had
finished (batches, closing, search words). The snapshot task itself: ${r.snapshot.state} after ${s(r.snapshot.ms)}
(snapshot sent after ${s(r.snapshot.downloadMs)}), ${n(r.snapshot.openAds)} open ads. 1-minute load average before
${r.loadBefore}, after ${r.loadAfter} (the machine may be shared).

| E-mail | asked, into the snapshot | POST /sv/login answered | sent (POST → SMTP) | snapshot still running |
|---|---|---|---|---|
${rows}

Median ${r.medianMs === null ? '–' : `${n(r.medianMs)} ms`}, max ${r.maxMs === null ? '–' : `${n(r.maxMs)} ms`} over the e-mails sent while the snapshot ran (target ≤ ${s(r.target)}): ${ok(r.pass)}.
${phases(r)}
${problems}
Command: \`npm run bench -- tasks\`.
`;
}
