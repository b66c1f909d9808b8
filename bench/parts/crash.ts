/**
 * Part `crash` (opt-in; also runs alone: `node --import tsx bench/parts/crash.ts [--kills 50]
 * [--seed n]`, which prints the figures but does not write docs/BENCHMARKS.md): 50 × kill -9 of
 * `node bin/lotsa.js ingest snapshot|stream` at random moments, against a JobStream stand-in whose
 * data changes between rounds, and after every kill and every completed run a check that the
 * database says exactly what the source says.
 *
 * The source (in this process) is JobStream's current state: 20,000 generated Dalarna ads plus 300
 * outside the region at first; between rounds some ads are updated (headline, newer timestamp),
 * re-sent unchanged with a newer timestamp, added, removed by a tombstone in the stream (most
 * without a timestamp, as JobStream sends them), moved out of the region, or given a past last
 * publication date, and in rounds that end with a snapshot some simply vanish (no tombstone: only
 * the snapshot can notice). `/snapshot` serves every published ad; `/stream` serves every current
 * record (ad or tombstone) whose time lies in the window asked for, bounds included (an ad's time is
 * its `timestamp`, a tombstone's its `timestamp` or else its `removed_date`).
 *
 * A round: change the source; start the ingester 1–3 times (snapshot or stream, at random) and
 * SIGKILL it after a random delay within the run time measured so far for that kind; then run the
 * round's final kind (a snapshot whenever ads vanished) to its end. Checks:
 *
 * - after every kill (once PostgreSQL has ended the dead process's backends), in one repeatable-read
 *   snapshot of the database: with C = job_ingest_state.stream_cursor, every current record with a
 *   time ≤ C is reflected in job_ads — an ad of the region not past its last publication date is
 *   open with the content hash of that version; one past it is closed with that hash; a tombstone or
 *   an ad outside the region has no row or a closed one. And every open row carries a content hash
 *   the source has served for that id at some time (nothing invented or mixed).
 * - after every completed run, additionally: the set of (id, content hash) of open ads equals the
 *   source's exactly (ads of the region, not expired; hashes by `contentHash` after the ingester's
 *   own `parseRecord`), no (region, id) twice, and the run's job_ingest_runs row says ok.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type pg from 'pg';
import { mulberry32 } from '../../src/modules/jobs/demo.ts';
import type { IngestScope } from '../../src/modules/jobs/ingest/apply.ts';
import { adInScope, contentHash, parseRecord } from '../../src/modules/jobs/ingest/normalize.ts';
import { stockholmLocalToDate, toStockholmLocal } from '../../src/modules/jobs/ingest/time.ts';
import { cleanupAll, onCleanup, sleep } from '../lib/cleanup.ts';
import { startBenchDatabase } from '../lib/db.ts';
import { connect, startCli, waitForOtherBackends, type CliRun, type IngestEnv } from '../lib/ingest-cli.ts';
import {
  corpusAds,
  dalarna,
  movedTo,
  outsideMunicipalities,
  REGION_ID,
  type Ad,
  type Place,
} from '../lib/ingest-corpus.ts';
import {
  startJobStreamServer,
  type JobStreamServer,
  type StreamWindowQuery,
} from '../lib/jobstream-server.ts';
import { median, round } from '../lib/stats.ts';

export const CRASH_ADS = 20_000;
export const OUTSIDE_ADS = 300;
export const KILLS = 50;
export const CRASH_SEED = 20_261_126;
/** Stop starting new rounds after this long (the report then says how many kills were done). */
const TIME_BUDGET_MS = 40 * 60_000;
const DAY_MS = 86_400_000;

type Kind = 'snapshot' | 'stream';
type Phase = 'start-up' | 'download' | 'apply';

/** What a current record must look like in job_ads. */
interface Expect {
  id: string;
  /** Ordering time: timestamp of an ad; timestamp or removed_date of a tombstone. */
  time: number;
  /** 'ad' in the region, 'gone' = tombstone or outside the region (no row, or a closed one). */
  kind: 'ad' | 'gone';
  hash: string | null;
  lastPublicationAt: number | null;
}

export interface KillRecord {
  round: number;
  kind: Kind;
  delayMs: number;
  phase: Phase;
  /** Rows of job_ads committed by the killed process before it died. */
  committedRows: number;
  cursorMoved: boolean;
  /** How long PostgreSQL took to end the dead process's backends, ms. */
  backendsGoneMs: number;
  violations: number;
}

export interface CrashResult {
  measuredAt: string;
  ads: number;
  outsideAds: number;
  seed: number;
  kills: number;
  target: number;
  killsByKind: Record<Kind, number>;
  killsByPhase: Record<Phase, number>;
  /** Kills after the process had committed some rows (the interesting ones). */
  killsAfterCommits: number;
  /** Kills that also had moved the cursor (the run was past its last transaction). */
  killsAfterCursor: number;
  /** Starts that ended by themselves before their kill came (not counted as kills). */
  finishedBeforeKill: number;
  rounds: number;
  completedRuns: Record<Kind, number>;
  runMsMedian: Record<Kind, number>;
  mutations: Record<string, number>;
  /** Database checks done (after kills and after completed runs). */
  checks: number;
  mismatches: number;
  violations: string[];
  backendsGoneMaxMs: number;
  /** job_ingest_runs rows left without an outcome (runs that were killed), of all rows. */
  runRows: { total: number; withoutOutcome: number };
  /** The checks found a change planted in the source but not in the database (they can fail). */
  selfTest: { cursorCheck: number; equalityCheck: number; pass: boolean };
  durationMs: number;
  pass: boolean;
}

class Source {
  readonly current = new Map<string, Ad>();
  /** Every content hash the source has had for an id (ads of the region). */
  readonly history = new Map<string, Set<string>>();
  private readonly parsed = new WeakMap<Ad, Expect>();
  private snapshotBody: Buffer | null = null;

  constructor(private readonly scope: IngestScope) {}

  expect(record: Ad): Expect {
    let e = this.parsed.get(record);
    if (e) return e;
    const r = parseRecord(record);
    if (r.kind === 'malformed') throw new Error(`the source made a malformed record ${r.id}: ${r.reason}`);
    if (r.kind === 'removal') {
      const time =
        typeof record.timestamp === 'number'
          ? record.timestamp
          : (stockholmLocalToDate(String(record.removed_date))?.getTime() ?? 0);
      e = { id: r.id, time, kind: 'gone', hash: null, lastPublicationAt: null };
    } else {
      const inScope = adInScope(r, this.scope);
      e = {
        id: r.id,
        time: r.timestamp,
        kind: inScope ? 'ad' : 'gone',
        hash: inScope ? contentHash(r.ad as unknown as Ad) : null,
        lastPublicationAt: r.lastPublicationAt?.getTime() ?? null,
      };
    }
    this.parsed.set(record, e);
    return e;
  }

  put(record: Ad): void {
    this.current.set(String(record.id), record);
    this.snapshotBody = null;
    const e = this.expect(record);
    if (e.hash) {
      const seen = this.history.get(e.id) ?? new Set<string>();
      seen.add(e.hash);
      this.history.set(e.id, seen);
    }
  }

  /** Puts `record` back as the current one without adding to the history (the self-test). */
  restore(record: Ad): void {
    this.current.set(String(record.id), record);
    this.snapshotBody = null;
  }

  vanish(id: string): void {
    this.current.delete(id);
    this.snapshotBody = null;
  }

  /** Ids of published ads of the region that are not past their last publication date. */
  live(now: number): string[] {
    const ids: string[] = [];
    for (const record of this.current.values()) {
      const e = this.expect(record);
      if (e.kind === 'ad' && !(e.lastPublicationAt !== null && e.lastPublicationAt < now)) ids.push(e.id);
    }
    return ids;
  }

  snapshot(): Buffer {
    if (!this.snapshotBody) {
      const parts: string[] = [];
      for (const record of this.current.values())
        if (record.removed !== true) parts.push(JSON.stringify(record));
      this.snapshotBody = Buffer.from(`[\n${parts.join(',\n')}\n]\n`);
    }
    return this.snapshotBody;
  }

  stream(window: StreamWindowQuery): Buffer {
    const from = window.from?.getTime() ?? -Infinity;
    const to = window.to?.getTime() ?? Infinity;
    const parts: string[] = [];
    for (const record of this.current.values()) {
      const t = this.expect(record).time;
      if (t >= from && t <= to) parts.push(JSON.stringify(record));
    }
    return Buffer.from(`[${parts.join(',\n')}]`);
  }
}

type Rng = () => number;

function pick<T>(rng: Rng, items: T[], n: number): T[] {
  const copy = [...items];
  const out: T[] = [];
  for (let i = 0; i < n && copy.length; i++) {
    const j = Math.floor(rng() * copy.length);
    out.push(copy[j] as T);
    copy[j] = copy[copy.length - 1] as T;
    copy.pop();
  }
  return out;
}

const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

function tombstone(ad: Ad, now: number, withTimestamp: boolean): Ad {
  const concept = (v: unknown) =>
    v && typeof v === 'object' && 'concept_id' in v ? (v as { concept_id: unknown }).concept_id : null;
  const address = (ad.workplace_address ?? {}) as Record<string, unknown>;
  return {
    id: ad.id,
    removed: true,
    removed_date: toStockholmLocal(new Date(now)),
    occupation: concept(ad.occupation),
    occupation_group: concept(ad.occupation_group),
    occupation_field: concept(ad.occupation_field),
    municipality: address.municipality_concept_id ?? null,
    region: address.region_concept_id ?? null,
    country: 'i46j_HmG_v64',
    ...(withTimestamp ? { timestamp: now } : {}),
  };
}

/** Changes the source between rounds; returns what was done. */
function mutate(
  source: Source,
  rng: Rng,
  roundNo: number,
  options: { vanish: boolean; outside: Place[] },
): Record<string, number> {
  const now = Date.now();
  const live = source.live(now);
  const done: Record<string, number> = {};
  const count = (key: string, n: number) => (done[key] = (done[key] ?? 0) + n);
  const chosen = pick(rng, live, live.length);
  let at = 0;
  const take = (n: number) => {
    const ids = chosen.slice(at, at + n);
    at += ids.length;
    return ids.map((id) => source.current.get(id) as Ad);
  };
  for (const ad of take(between(rng, 0, 1500))) {
    const base = String(ad.headline).replace(/ \(version \d+\)$/, '');
    source.put({ ...ad, headline: `${base} (version ${roundNo})`, timestamp: now });
    count('updated', 1);
  }
  for (const ad of take(between(rng, 0, 300))) {
    source.put({ ...ad, timestamp: now }); // the same content, re-sent later
    count('resent unchanged', 1);
  }
  for (const ad of take(between(rng, 0, 150))) {
    source.put(tombstone(ad, now, rng() < 0.3));
    count('removed (tombstone)', 1);
  }
  for (const ad of take(between(rng, 0, 3))) {
    const place = options.outside[Math.floor(rng() * options.outside.length)] as Place;
    source.put({ ...movedTo(ad, place), timestamp: now });
    count('moved out of the region', 1);
  }
  for (const ad of take(between(rng, 0, 3))) {
    const past = toStockholmLocal(new Date(now - DAY_MS));
    source.put({ ...ad, last_publication_date: past, application_deadline: past, timestamp: now });
    count('expired', 1);
  }
  if (options.vanish) {
    for (const ad of take(between(rng, 1, 150))) {
      source.vanish(String(ad.id));
      count('vanished (no tombstone)', 1);
    }
  }
  const fresh = between(rng, 0, 300);
  const published = toStockholmLocal(new Date(now));
  let n = 0;
  for (const ad of corpusAds({
    count: fresh,
    seed: roundNo,
    now: new Date(now),
    prefix: `crash-r${roundNo}`,
  })) {
    const record = { ...ad, publication_date: published, timestamp: now };
    if (n++ % 10 === 9) {
      const place = options.outside[Math.floor(rng() * options.outside.length)] as Place;
      source.put(movedTo(record, place));
      count('added outside the region', 1);
    } else {
      source.put(record);
      count('added', 1);
    }
  }
  return done;
}

interface DbRow {
  status: string;
  hash: string;
}

async function readDb(client: pg.Client): Promise<{ cursor: number | null; rows: Map<string, DbRow> }> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  try {
    const state = await client.query<{ c: Date | null }>(
      `SELECT stream_cursor AS c FROM job_ingest_state WHERE region_id = $1`,
      [REGION_ID],
    );
    const { rows } = await client.query<{ id: string; status: string; content_hash: string }>(
      `SELECT id, status, content_hash FROM job_ads WHERE region_id = $1`,
      [REGION_ID],
    );
    return {
      cursor: state.rows[0]?.c?.getTime() ?? null,
      rows: new Map(rows.map((r) => [r.id, { status: r.status, hash: r.content_hash }])),
    };
  } finally {
    await client.query('COMMIT');
  }
}

/** The checks after a kill (and after a completed run); returns violations, described. */
function checkCursorAndRows(
  source: Source,
  db: { cursor: number | null; rows: Map<string, DbRow> },
): string[] {
  const problems: string[] = [];
  const now = Date.now();
  if (db.cursor !== null) {
    for (const record of source.current.values()) {
      const e = source.expect(record);
      if (e.time > db.cursor) continue;
      const row = db.rows.get(e.id);
      const at = `cursor ${new Date(db.cursor).toISOString()}, record ${e.id} of ${new Date(e.time).toISOString()}`;
      if (e.kind === 'gone') {
        if (row && row.status !== 'closed') problems.push(`${at}: removed or outside the region, but open`);
        continue;
      }
      const expired = e.lastPublicationAt !== null && e.lastPublicationAt < now;
      if (!row) problems.push(`${at}: no row`);
      else if (row.status !== (expired ? 'closed' : 'open'))
        problems.push(`${at}: ${row.status}, expected ${expired ? 'closed' : 'open'}`);
      else if (row.hash !== e.hash) problems.push(`${at}: an older version (content hash differs)`);
    }
  }
  for (const [id, row] of db.rows) {
    if (row.status !== 'open') continue;
    if (!source.history.get(id)?.has(row.hash))
      problems.push(`open row ${id} has a content hash the source never had`);
  }
  return problems;
}

/** After a completed run: the open (id, hash) set equals the source's exactly. */
function checkEquality(source: Source, db: { cursor: number | null; rows: Map<string, DbRow> }): string[] {
  const problems: string[] = [];
  const now = Date.now();
  const expected = new Map<string, string>();
  for (const record of source.current.values()) {
    const e = source.expect(record);
    if (e.kind !== 'ad' || e.hash === null) continue;
    if (e.lastPublicationAt !== null && e.lastPublicationAt < now) continue;
    expected.set(e.id, e.hash);
  }
  const late = (id: string) => {
    const t = source.current.get(id);
    return t && db.cursor !== null && source.expect(t).time > db.cursor
      ? ' (record newer than the cursor)'
      : '';
  };
  for (const [id, hash] of expected) {
    const row = db.rows.get(id);
    if (!row || row.status !== 'open') problems.push(`ad ${id} missing from the open ads${late(id)}`);
    else if (row.hash !== hash) problems.push(`ad ${id} open with another content hash${late(id)}`);
  }
  for (const [id, row] of db.rows)
    if (row.status === 'open' && !expected.has(id))
      problems.push(`ad ${id} open but not in the source${late(id)}`);
  return problems;
}

async function committedSince(client: pg.Client, xid: bigint): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM job_ads WHERE xmin::text::bigint >= $1`,
    [String(xid % 2n ** 32n)],
  );
  return Number(rows[0]?.n ?? 0);
}

async function currentXid(client: pg.Client): Promise<bigint> {
  const { rows } = await client.query<{ x: string }>(`SELECT pg_current_xact_id()::text AS x`);
  return BigInt(rows[0]?.x ?? '0');
}

function phaseAt(server: JobStreamServer, from: number): Phase {
  const mine = server.requests.filter((r) => r.receivedAt >= from && r.status === 200);
  const last = mine[mine.length - 1];
  if (!last) return 'start-up';
  return last.finishedAt === undefined ? 'download' : 'apply';
}

export async function runCrash(options: { kills?: number; seed?: number } = {}): Promise<CrashResult> {
  const target = options.kills ?? KILLS;
  const seed = options.seed ?? CRASH_SEED;
  const rng = mulberry32(seed);
  const started = performance.now();
  const { scope } = dalarna();
  const outside = outsideMunicipalities(scope);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-crash-'));
  chmodSync(dir, 0o755);
  const removeDir = onCleanup(`temp dir ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  const db = await startBenchDatabase();
  const server = await startJobStreamServer();
  const { client, close } = await connect(db.url);

  const source = new Source(scope);
  const now = new Date();
  for (const ad of corpusAds({ count: CRASH_ADS, seed, now, prefix: 'crash' })) source.put(ad);
  let n = 0;
  for (const ad of corpusAds({ count: OUTSIDE_ADS, seed: seed + 1, now, prefix: 'crash-out' }))
    source.put(movedTo(ad, outside[n++ % outside.length] as Place));
  server.set('/snapshot', () => source.snapshot());
  server.set('/stream', (window) => source.stream(window));
  const env: IngestEnv = { databaseUrl: db.url, streamUrl: server.url, dataDir: dir };

  const kills: KillRecord[] = [];
  const violations: string[] = [];
  let mismatches = 0;
  let checks = 0;
  let finishedBeforeKill = 0;
  let backendsGoneMaxMs = 0;
  const durations: Record<Kind, number[]> = { snapshot: [], stream: [] };
  const mutations: Record<string, number> = {};
  const report = (where: string, found: string[]) => {
    checks++;
    mismatches += found.length;
    for (const v of found.slice(0, 5)) if (violations.length < 30) violations.push(`${where}: ${v}`);
    if (found.length) console.log(`  ! ${where}: ${found.length} mismatch(es), e.g. ${found[0]}`);
  };

  const selfTest = { cursorCheck: 0, equalityCheck: 0, pass: false };
  const runRows = { total: 0, withoutOutcome: 0 };
  let roundNo = 0;
  /** Ads vanished from the source that no completed snapshot has closed yet (a stream cannot). */
  let pendingVanish = false;
  const complete = async (roundNo: number, kind: Kind): Promise<CliRun> => {
    const running = startCli(['ingest', kind], env);
    const timer = setTimeout(() => running.kill(), 600_000);
    const run = await running.done;
    clearTimeout(timer);
    backendsGoneMaxMs = Math.max(backendsGoneMaxMs, await waitForOtherBackends(client));
    if (run.code !== 0) {
      report(`round ${roundNo}, ${kind} to its end`, [
        `exited with ${run.code ?? run.signal}: ${run.output.slice(-500)}`,
      ]);
      return run;
    }
    durations[kind].push(run.ms);
    if (kind === 'snapshot') pendingVanish = false;
    const state = await readDb(client);
    const last = await client.query<{ outcome: string | null }>(
      `SELECT outcome FROM job_ingest_runs WHERE region_id = $1 AND kind = $2 ORDER BY id DESC LIMIT 1`,
      [REGION_ID, kind],
    );
    const dupes = await client.query(
      `SELECT region_id, id FROM job_ads GROUP BY region_id, id HAVING count(*) > 1 LIMIT 5`,
    );
    report(`round ${roundNo}, ${kind} to its end`, [
      ...checkCursorAndRows(source, state),
      ...checkEquality(source, state),
      ...(last.rows[0]?.outcome === 'ok' ? [] : [`job_ingest_runs outcome ${last.rows[0]?.outcome}`]),
      ...dupes.rows.map((r: { id: string }) => `ad ${r.id} stored twice`),
    ]);
    return run;
  };
  const addMutations = (done: Record<string, number>) => {
    for (const [k, v] of Object.entries(done)) mutations[k] = (mutations[k] ?? 0) + v;
  };

  try {
    // Round 0: the first snapshot and a stream window, uninterrupted (they also time each kind).
    await complete(0, 'snapshot');
    await sleep(1100);
    addMutations(mutate(source, rng, 0, { vanish: false, outside }));
    await sleep(1100);
    await complete(0, 'stream');
    // The checks must be able to fail: an ad changed in the source (before the cursor), not ingested.
    const state = await readDb(client);
    const victim = source.current.get(source.live(Date.now())[0] as string) as Ad;
    const planted = {
      ...victim,
      headline: `${String(victim.headline)} (planted)`,
      timestamp: (state.cursor ?? 0) - 1000,
    };
    source.restore(planted);
    selfTest.cursorCheck = checkCursorAndRows(source, state).length;
    selfTest.equalityCheck = checkEquality(source, state).length;
    source.restore(victim);
    selfTest.pass = selfTest.cursorCheck === 1 && selfTest.equalityCheck === 1;
    console.log(
      `  first snapshot ${durations.snapshot[0]} ms, first stream ${durations.stream[0]} ms; ` +
        `self-test (a planted change is found): ${selfTest.pass ? 'yes' : 'NO'}; now killing`,
    );

    while (kills.length < target && performance.now() - started < TIME_BUDGET_MS) {
      roundNo++;
      const finalKind: Kind = rng() < 0.35 ? 'snapshot' : 'stream';
      addMutations(mutate(source, rng, roundNo, { vanish: finalKind === 'snapshot', outside }));
      if (finalKind === 'snapshot') pendingVanish = true;
      const attempts = Math.min(between(rng, 1, 3), target - kills.length);
      for (let a = 0; a < attempts; a++) {
        const kind: Kind = rng() < 0.5 ? 'snapshot' : 'stream';
        const expected = median(durations[kind]);
        const delayMs = Math.round(rng() * expected);
        const xid = await currentXid(client);
        const before = (await readDb(client)).cursor;
        const running = startCli(['ingest', kind], env);
        await Promise.race([sleep(delayMs), running.done]);
        const phase = phaseAt(server, running.startedAt);
        if (!running.kill()) {
          finishedBeforeKill++;
          const run = await running.done;
          if (run.code === 0) durations[kind].push(run.ms);
          if (run.code === 0 && kind === 'snapshot') pendingVanish = false;
          await waitForOtherBackends(client);
          const state = await readDb(client);
          report(`round ${roundNo}, ${kind} that ended before its kill`, [
            ...checkCursorAndRows(source, state),
            ...(run.code !== 0
              ? [`exited with ${run.code}`]
              : pendingVanish
                ? []
                : checkEquality(source, state)),
          ]);
          continue;
        }
        await running.done;
        const gone = await waitForOtherBackends(client);
        backendsGoneMaxMs = Math.max(backendsGoneMaxMs, gone);
        const state = await readDb(client);
        const found = checkCursorAndRows(source, state);
        const record: KillRecord = {
          round: roundNo,
          kind,
          delayMs,
          phase,
          committedRows: await committedSince(client, xid),
          cursorMoved: state.cursor !== before,
          backendsGoneMs: gone,
          violations: found.length,
        };
        kills.push(record);
        report(`round ${roundNo}, kill ${kills.length} (${kind}, ${phase}, ${delayMs} ms)`, found);
        console.log(
          `  kill ${String(kills.length).padStart(2)}: ${kind.padEnd(8)} after ${String(delayMs).padStart(5)} ms (${phase}` +
            `${record.committedRows ? `, ${record.committedRows} rows committed` : ''}${record.cursorMoved ? ', cursor moved' : ''})` +
            `, ${found.length ? `${found.length} MISMATCHES` : 'consistent'}`,
        );
      }
      // Tombstones without a timestamp count from their whole second: leave that second first.
      await sleep(1100);
      const run = await complete(roundNo, finalKind);
      console.log(
        `  round ${roundNo}: ${finalKind} to its end in ${run.ms} ms (${run.counts ? `written ${run.counts.written}, closed ${run.counts.closed}` : 'no counts'})`,
      );
    }
    const runs = await client.query<{ total: string; open: string }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE outcome IS NULL) AS open FROM job_ingest_runs`,
    );
    runRows.total = Number(runs.rows[0]?.total ?? 0);
    runRows.withoutOutcome = Number(runs.rows[0]?.open ?? 0);
  } finally {
    await close();
    await server.close();
    await db.stop();
    await removeDir();
  }

  const byKind = { snapshot: 0, stream: 0 };
  const byPhase = { 'start-up': 0, download: 0, apply: 0 };
  for (const k of kills) {
    byKind[k.kind]++;
    byPhase[k.phase]++;
  }
  return {
    measuredAt: new Date().toISOString(),
    ads: CRASH_ADS,
    outsideAds: OUTSIDE_ADS,
    seed,
    kills: kills.length,
    target,
    killsByKind: byKind,
    killsByPhase: byPhase,
    killsAfterCommits: kills.filter((k) => k.committedRows > 0).length,
    killsAfterCursor: kills.filter((k) => k.cursorMoved).length,
    finishedBeforeKill,
    rounds: roundNo,
    completedRuns: { snapshot: durations.snapshot.length, stream: durations.stream.length },
    runMsMedian: { snapshot: round(median(durations.snapshot)), stream: round(median(durations.stream)) },
    mutations,
    checks,
    mismatches,
    violations,
    backendsGoneMaxMs,
    runRows,
    selfTest,
    durationMs: round(performance.now() - started),
    pass: mismatches === 0 && kills.length >= target && selfTest.pass,
  };
}

export function describeCrash(r: CrashResult): string {
  return (
    `  ${r.kills} kills (target ${r.target}: ${r.killsByKind.snapshot} snapshot, ${r.killsByKind.stream} stream; ` +
    `${r.killsByPhase['start-up']} in start-up, ${r.killsByPhase.download} downloading, ${r.killsByPhase.apply} applying; ` +
    `${r.killsAfterCommits} after some rows were committed), ${r.rounds} rounds, ${r.checks} checks, ` +
    `${r.mismatches} mismatches, in ${(r.durationMs / 60_000).toFixed(1)} min: ${r.pass ? 'pass' : 'FAIL'}`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : undefined;
  };
  const stop = async (code: number) => {
    await cleanupAll();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));
  try {
    const r = await runCrash({ kills: arg('kills'), seed: arg('seed') });
    console.log(describeCrash(r));
    for (const v of r.violations) console.log(`  ! ${v}`);
    await stop(r.pass ? 0 : 1);
  } catch (error) {
    console.error(error);
    await stop(1);
  }
}
