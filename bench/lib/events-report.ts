/** The `events` part's summary rows and section of docs/BENCHMARKS.md (called by report.ts). */
import type { EventsBenchResult } from '../parts/events.ts';
import type { Failed } from './ingest-report.ts';

const isFailed = (r: object | undefined): r is Failed => r !== undefined && 'error' in r;
const fence = (text: string) => '```\n' + text.replace(/```/g, "'''") + '\n```';
const n = (v: number) => v.toLocaleString('en-US');

function dated(runAt: string, measuredAt: string): string {
  return measuredAt < runAt
    ? `\n_Kept from an earlier run (${measuredAt.slice(0, 16).replace('T', ' ')} UTC); not measured in the latest run._\n`
    : '';
}

export function eventsSummaryRows(r: EventsBenchResult | Failed | undefined): string[] {
  if (!r) return [];
  if (isFailed(r)) return ['| Events pages at 2,000 events, 40,000 registrations | – | did not run | ❌ |'];
  const worst = r.pages.reduce((a, b) => (b.stats.p95 > a.stats.p95 ? b : a));
  const race = r.race;
  return [
    `| Events pages, ${n(r.upcoming)} upcoming events, ${n(r.registrations)} registrations: slowest p95 (${worst.label}) | – | ${worst.stats.p95} ms | |`,
    `| Registration race: ${race.racers} requests for the last ${race.seats} seats | seats ≤ capacity | ${race.confirmed} confirmed, ${race.waiting} waiting, seats ${race.seatsTaken}/${race.capacity}, all in ${n(Math.round(race.allMs))} ms | ${race.ok ? '✅ pass' : '❌ fail'} |`,
  ];
}

export function eventsSection(runAt: string, r: EventsBenchResult | Failed): string {
  const head = '## Events (events)\n';
  const command =
    '\nCommand: `npm run bench -- events` (standalone: `node --import tsx bench/parts/events.ts [events]`).\n';
  if (isFailed(r))
    return `${head}${dated(runAt, r.measuredAt)}\nThe benchmark failed:\n\n${fence(r.error)}\n${command}`;
  const rows = r.pages.map(
    (p) =>
      `| ${p.group} | ${p.label} | \`${p.path}\` | ${p.stats.calls} | ${n(p.bytes)} | ${p.stats.p50} | ${p.stats.p95} | ${p.stats.max} |`,
  );
  const race = r.race;
  const m = r.machine;
  const beyond = Math.max(0, r.upcoming - r.calendarCap);
  return `${head}${dated(runAt, r.measuredAt)}
The calendar, an event's pages and the organisers' back-office (issue 17, \`src/modules/events/\`) at a
large region's scale: Dalarna with the demo data (its organisations, accounts and demo events) and
${n(r.upcoming)} upcoming events that visitors see over the next year (published, 1 % of them cancelled;
every kind; most in one of the 15 municipalities, the rest away or online; owned by the region, the
municipalities and the demo employers; fairs with 3–7 exhibiting employers), past ones, drafts and some waiting for
review (${n(r.events)} events in all), and ${n(r.registrations)} registrations (confirmed while seats last,
then waiting; 5 % cancelled), of which ${n(r.bigRegistrations)} for one fair running today with
${n(r.bigCheckedIn)} checked in; written by bulk \`INSERT … SELECT generate_series\` in
${n(Math.round(r.buildMs / 1000))} s. Requests go one at a time through the real app in the part's process
(\`buildApp\` + \`app.inject\`, no socket); the back-office ones with the demo region admin's session
(every event) or the demo employer admin's (its own events and stands), both having shown their second
factor. A figure is the server's time for the page including PostgreSQL. No target is set for these
pages; the navigators' pages have p95 ≤ 300 ms.

| Side | Page | Path | Requests | Bytes | p50 ms | p95 ms | max ms |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

The calendar indexes at most ${n(r.calendarCap)} upcoming events (\`UPCOMING_CAP\`) — only the columns its
filters need, and the organisations' names — and filters, counts and pages them in memory; a page's 20
cards are then read by id, without descriptions or accessibility texts. ${
    beyond
      ? `Of the ${n(r.upcoming)} upcoming events, ${n(beyond)} (the later ones) are past the cap: the calendar says up to which day it reaches.`
      : `Every one of the ${n(r.upcoming)} upcoming events is on a page (the last is ${r.lastPage}) and in the filter counts.`
  }
The feed holds at most ${n(r.feedCap)} events: of those its filter picks, the soonest upcoming first,
then the most recently ended of the last 30 days while room is left, read by id the same way.

Registration under contention: ${race.racers} people (from as many addresses, one seat each) POST
\`/sv/events/:slug/register\` at once for the last ${race.seats} seats of an event with capacity
${race.capacity}: ${race.confirmed} were confirmed (303 to \`?done=registered\`), ${race.waiting} put on the
waiting list (303 to \`?done=waiting\`), ${race.other} anything else. Afterwards \`seats_taken\` is
${race.seatsTaken} of ${race.capacity} and the confirmed registrations hold ${race.confirmedSeats} seats:
${race.ok ? 'the seats never exceeded the capacity' : '**the check failed**'}. Every answer was in after
${n(Math.round(race.allMs))} ms (per request p50 ${race.stats.p50} ms, max ${race.stats.max} ms): the
registrations queue on the event row's lock, one transaction at a time.

Measured on ${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpuModel}, ${m.cpus} CPUs (\`nproc\`),
${m.memoryGiB} GiB, Node ${m.node} (${m.code}), while other processes ran on the same machine: load
average ${r.loadAtStart.join(' / ')} when the measuring began and ${r.loadAtEnd.join(' / ')} when it
ended. The figures are upper bounds; the tails (p95, max) carry most of that noise.
${command}`;
}
