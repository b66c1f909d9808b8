/** The `toolbox` part's summary rows and section of docs/BENCHMARKS.md (called by report.ts). */
import type { ToolboxBenchResult } from '../parts/toolbox.ts';
import type { Failed } from './ingest-report.ts';

const isFailed = (r: object | undefined): r is Failed => r !== undefined && 'error' in r;
const fence = (text: string) => '```\n' + text.replace(/```/g, "'''") + '\n```';
const n = (v: number) => v.toLocaleString('en-US');

function dated(runAt: string, measuredAt: string): string {
  return measuredAt < runAt
    ? `\n_Kept from an earlier run (${measuredAt.slice(0, 16).replace('T', ' ')} UTC); not measured in the latest run._\n`
    : '';
}

export function toolboxSummaryRows(r: ToolboxBenchResult | Failed | undefined): string[] {
  if (!r) return [];
  if (isFailed(r)) return ['| Toolbox pages at 2,000 assets, 200,000 downloads | – | did not run | ❌ |'];
  const worst = r.pages.reduce((a, b) => (b.stats.p95 > a.stats.p95 ? b : a));
  const e = r.expiry;
  return [
    `| Toolbox pages, ${n(r.assets)} assets, ${n(r.downloads)} downloads, ${n(r.texts)} texts: slowest p95 (${worst.label}) | – | ${worst.stats.p95} ms | |`,
    `| Toolbox expiry task: ${n(e.expiring)} expired assets | each downloader told once | ${n(e.mails)} mails in ${e.runs.length} runs (≤ ${e.perRunCap} assets a run), ${n(Math.round(e.runs.reduce((s, x) => s + x.ms, 0) / 1000))} s | ${e.ok ? '✅ pass' : '❌ fail'} |`,
    `| Widget script \`lotsa-widget.js\` | ≤ 15 KB with its CSS | ${n(r.widgetScript.bytes)} B, ${n(r.widgetScript.gzip)} B gzip | ${r.widgetScript.bytes <= 15 * 1024 ? '✅ pass' : '❌ fail'} |`,
  ];
}

export function toolboxSection(runAt: string, r: ToolboxBenchResult | Failed): string {
  const head = '## Employer toolbox (toolbox)\n';
  const command =
    '\nCommand: `npm run bench -- toolbox` (standalone: `node --import tsx bench/parts/toolbox.ts [--rounds=N]`).\n';
  if (isFailed(r))
    return `${head}${dated(runAt, r.measuredAt)}\nThe benchmark failed:\n\n${fence(r.error)}\n${command}`;
  const rows = r.pages.map(
    (p) =>
      `| ${p.group} | ${p.label} | \`${p.path}\` | ${p.status} | ${p.stats.calls} | ${n(p.bytes)} | ${p.stats.p50} | ${p.stats.p95} | ${p.stats.max} |`,
  );
  const e = r.expiry;
  const runs = e.runs.map(
    (x, i) => `| ${i + 1} | ${n(x.notified)} | ${n(x.warned)} | ${n(x.mails)} | ${n(x.ms)} |`,
  );
  const totalMs = e.runs.reduce((s, x) => s + x.ms, 0);
  const m = r.machine;
  return `${head}${dated(runAt, r.measuredAt)}
The employer toolbox (issue 18, \`src/modules/toolbox/\`) at a large region's scale: Dalarna with the
demo data (its organisations, accounts, media library, job board and toolbox) and ${n(r.assets)} published
assets (${n(r.photos)} of them photos over the demo library's photographs, the rest logos, graphic
profiles, documents and templates sharing the demo files; 1–3 topics, 1–2 personas and 2–4 permitted
uses each; a last day 60–660 days ahead) plus 100 drafts; ${n(r.downloads)} download-log rows over the
last 23 months by ${n(r.accounts)} accounts of ${n(r.organisations)} organisations (popular assets and heavy
organisations: the demo employer of hr@example.org has ${n(r.heaviestOrganisationDownloads)}, the most
downloaded asset ${n(r.mostDownloadedAsset)}); ${n(r.texts)} approved texts over every persona, topic and the
15 municipalities (a third region-wide) plus 100 drafts; ${n(r.widgets)} widgets; written by bulk
\`INSERT … SELECT generate_series\` in ${n(Math.round(r.buildMs / 1000))} s. Requests go one at a time
through the real app in the part's process (\`buildApp\` + \`app.inject\`, no socket): the organisations'
pages with the demo employer admin's session (hr@example.org), the back-office with the region
admin's, both having shown their second factor; the widget without any. A figure is the server's time
for the answer including PostgreSQL. The builder uses ${r.jobsOfDemoEmployer ? `the newest of the demo employer's ${n(r.jobsOfDemoEmployer)} open ads` : 'the newest open ad on the demo board'}
with the persona "international" and every block; the widget's If-None-Match row sends the ETag of
its first answer (304). No target is set for these pages.

| Side | Answer | Path | Status | Requests | Bytes | p50 ms | p95 ms | max ms |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

The grid's last page is ${r.lastGridPage} (24 a page). Each download writes one log row, so the log grew by
those requests while it was measured. The texts page reads the outlines of at most ${n(r.textsCap)} approved texts (persona, topic, place,
languages), filters and counts them in memory and reads the words of its page's 20 only${r.texts > r.textsCap ? `: of the ${n(r.texts)} approved here, ${n(r.texts - r.textsCap)} are on none of its pages` : `: all ${n(r.texts)} approved texts are reachable`}.

The expiry task (\`toolbox.assets.expiry\`, \`runAssetExpiry\` called as the task calls it) on
${e.day}, a day after every bench asset's last day: ${n(e.expiring)} assets had expired (the bench's and
the demo's), owing ${n(e.expectedMails)} mails — one per account that downloaded any of them and still exists,
listing every asset of theirs. Run after run until one queued nothing:

| Run | Assets notified | Warned | Mails queued | ms |
| ---: | ---: | ---: | ---: | ---: |
${runs.join('\n')}

${n(e.mails)} mails were queued in all (\`mail_outbox\` rows added) in ${n(Math.round(totalMs / 1000))} s:
${e.ok ? 'exactly the mails owed, every expired asset notified once, and the run after the last queued none' : '**the check failed**'}.
One mail a person per run: the most one address got was ${n(e.mostToOneAddress)}. One run handles at most
${e.perRunCap} assets (each claimed in the transaction that queues its mails), so ${e.secondRunNone ? 'the second run queued none.' : `the second run did not queue none: it went on with the next ${n(e.runs[1]?.notified ?? 0)} assets (${n(e.runs[1]?.mails ?? 0)} mails). The task is daily, so at this scale the last downloaders hear of an expiry ${e.runs.length - 2} days late; nothing was mailed twice.`}

The widget script \`public/js/lotsa-widget.js\`: ${n(r.widgetScript.bytes)} B, ${n(r.widgetScript.gzip)} B
with gzip -9 (its CSS is inside it; the issue's limit is 15 KB).

Measured on ${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpuModel}, ${m.cpus} CPUs (\`nproc\`),
${m.memoryGiB} GiB, Node ${m.node} (${m.code}), while other processes ran on the same machine: load
average ${r.loadAtStart.join(' / ')} when the measuring began and ${r.loadAtEnd.join(' / ')} when it
ended. The figures are upper bounds; the tails (p95, max) carry most of that noise.
${command}`;
}
