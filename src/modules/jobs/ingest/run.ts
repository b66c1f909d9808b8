/**
 * Ingestion runs: a stream window or a snapshot for one or more regions, and the local expiry of
 * ads past their last publication date. Each run is a row in job_ingest_runs.
 *
 * Crash safety: every batch commits its rows, the generation bump and (for the stream, with the
 * last batch) the new cursor in one transaction. The cursor therefore never runs ahead of the rows;
 * after a crash the next run reads the same window again, and re-applying it is harmless because
 * unchanged and older records write nothing.
 */
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../../platform/db/schema.ts';
import { refreshSearchWords } from '../words.ts';
import {
  addCounts,
  applyBatch,
  emptyCounts,
  lockRegionWrites,
  logMalformed,
  markChanged,
  runCounts,
  type ApplyCounts,
  type IngestKind,
  type IngestScope,
} from './apply.ts';
import type { JobStreamClient } from './client.ts';
import { adInScope, parseRecordAt, type ParsedRecord } from './normalize.ts';
import { stockholmLocalToDate, stockholmLowerBound, toStockholmLocal } from './time.ts';

/** Records per transaction. */
export const BATCH_SIZE = 500;
/** How far back each stream window reaches before the cursor: JobStream lags by a few minutes. */
export const STREAM_OVERLAP_MS = 10 * 60_000;
/** JobStream keeps removals for 90 days; a cursor older than this needs a snapshot instead. */
export const MAX_CURSOR_AGE_MS = 89 * 24 * 3_600_000;
/**
 * No run lasts this long (the client gives up on a download after 30 minutes): a run without an
 * outcome that started this long ago died with its process (kill -9, a crash), and is marked
 * `abandoned` when the next run starts.
 */
export const ABANDONED_AFTER_MS = 3 * 3_600_000;
/** The share of a region's open ads one snapshot may close as missing without --allow-mass-close. */
export const DEFAULT_MAX_CLOSE_PERCENT = 25;

export interface RunOptions {
  /** The clock (tests pin it). */
  now?: () => Date;
  logger?: Logger | undefined;
  batchSize?: number;
  overlapMs?: number;
  /** Called after each committed batch (tests use it to stop a run half-way). */
  afterBatch?: (index: number) => Promise<void> | void;
  /**
   * A snapshot that would close more than this share (percent) of a region's open ads as missing
   * is refused (default 25; JOBTECH_SNAPSHOT_MAX_CLOSE_PERCENT).
   */
  maxClosePercent?: number;
  /** The operator's override of that guard (`npx lotsa ingest snapshot --allow-mass-close`). */
  allowMassClose?: boolean;
}

export interface RunResult {
  regionId: string;
  kind: IngestKind;
  counts: ApplyCounts;
  ok: boolean;
  error?: string;
  /** The stream could not run: the region needs a snapshot first (no cursor, or a stale one). */
  needsSnapshot?: boolean;
  /** The snapshot would have closed too many open ads; nothing was applied (see `error`). */
  refused?: boolean;
}

/** The region's stream cursor is missing or too old for JobStream's 90 days of removals. */
export class NeedsSnapshotError extends Error {
  constructor(regionId: string, cursor: Date | null) {
    super(
      cursor
        ? `region ${regionId}: the stream cursor (${cursor.toISOString()}) is older than JobStream keeps removals; run \`npx lotsa ingest snapshot\``
        : `region ${regionId} has no stream cursor yet; run \`npx lotsa ingest snapshot\` first`,
    );
    this.name = 'NeedsSnapshotError';
  }
}

/** Marks the region's runs that never finished (their process died) as abandoned. */
async function markAbandoned(db: Kysely<DB>, regionId: string, now: Date, logger?: Logger): Promise<void> {
  const rows = await db
    .updateTable('job_ingest_runs')
    .set({
      outcome: 'abandoned',
      finished_at: now,
      error: 'the run never finished: its process stopped (killed or crashed) before recording an outcome',
    })
    .where('region_id', '=', regionId)
    .where('outcome', 'is', null)
    .where('started_at', '<', new Date(now.getTime() - ABANDONED_AFTER_MS))
    .returning(['id', 'kind', 'started_at'])
    .execute();
  for (const row of rows) {
    logger?.warn(
      { regionId, runId: String(row.id), kind: row.kind, startedAt: row.started_at },
      'ingest run never finished; marked abandoned',
    );
  }
}

async function startRun(
  db: Kysely<DB>,
  regionId: string,
  kind: IngestKind,
  startedAt: Date,
  logger?: Logger,
): Promise<string> {
  await markAbandoned(db, regionId, startedAt, logger);
  const row = await db
    .insertInto('job_ingest_runs')
    .values({ region_id: regionId, kind, started_at: startedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

async function finishRun(
  db: Kysely<DB>,
  regionId: string,
  runId: string,
  counts: ApplyCounts,
  error?: string,
  outcome: 'failed' | 'refused' = 'failed',
): Promise<void> {
  await db
    .updateTable('job_ingest_runs')
    .set({
      finished_at: new Date(),
      outcome: error ? outcome : 'ok',
      error: error ? error.slice(0, 2000) : null,
      ...runCounts(counts),
    })
    .where('region_id', '=', regionId)
    .where('id', '=', runId)
    .execute();
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Applies `records` in batches, one transaction each; `last` runs inside the final batch's
 * transaction (the stream moves its cursor there). Returns the rows written.
 */
async function applyInBatches(
  db: Kysely<DB>,
  scope: IngestScope,
  records: readonly ParsedRecord[],
  counts: ApplyCounts,
  options: RunOptions,
  now: Date,
  last?: (trx: Parameters<typeof markChanged>[0]) => Promise<void>,
): Promise<number> {
  const batchSize = Math.min(5000, Math.max(1, options.batchSize ?? BATCH_SIZE));
  const batches = chunk(records, batchSize);
  if (batches.length === 0) batches.push([]);
  let written = 0;
  for (const [index, batch] of batches.entries()) {
    const batchCounts = emptyCounts();
    await db.transaction().execute(async (trx) => {
      const n = await applyBatch(trx, scope, batch, { now, logger: options.logger }, batchCounts);
      if (n > 0) await markChanged(trx, scope.regionId);
      if (index === batches.length - 1 && last) await last(trx);
    });
    // Counted only once committed, so a failed run reports what it really wrote.
    addCounts(counts, batchCounts);
    written += batchCounts.written;
    await options.afterBatch?.(index);
  }
  return written;
}

/**
 * Reads the region's stream from its cursor (less the overlap) up to now, applies it, and moves
 * the cursor to the window's upper bound in the transaction of the last batch.
 */
export async function runStream(
  db: Kysely<DB>,
  scope: IngestScope,
  client: JobStreamClient,
  options: RunOptions = {},
): Promise<RunResult> {
  const now = options.now?.() ?? new Date();
  const { regionId } = scope;
  const counts = emptyCounts();
  const runId = await startRun(db, regionId, 'stream', now, options.logger);
  try {
    const state = await db
      .selectFrom('job_ingest_state')
      .select('stream_cursor')
      .where('region_id', '=', regionId)
      .executeTakeFirst();
    const cursor = state?.stream_cursor ?? null;
    if (!cursor || now.getTime() - cursor.getTime() > MAX_CURSOR_AGE_MS) {
      throw new NeedsSnapshotError(regionId, cursor);
    }
    // The upper bound is sent as a local time; the cursor becomes the earliest instant it can mean.
    const updatedBefore = toStockholmLocal(now);
    const upper = stockholmLocalToDate(updatedBefore) as Date;
    const date = stockholmLowerBound(new Date(cursor.getTime() - (options.overlapMs ?? STREAM_OVERLAP_MS)));
    const elements = await client.stream({
      date,
      updatedBefore,
      locationConceptIds: [scope.regionConceptId],
    });
    const records = elements.map((element) => parseRecordAt(element, now));
    const written = await applyInBatches(db, scope, records, counts, options, now, async (trx) => {
      await trx
        .insertInto('job_ingest_state')
        .values({ region_id: regionId, stream_cursor: upper })
        .onConflict((oc) =>
          oc.column('region_id').doUpdateSet({
            stream_cursor: sql`greatest(job_ingest_state.stream_cursor, excluded.stream_cursor)`,
            updated_at: sql`now()`,
          }),
        )
        .execute();
    });
    await finishRun(db, regionId, runId, counts);
    if (written > 0) await refreshSearchWords(db, regionId);
    options.logger?.info(
      { regionId, kind: 'stream', date, updatedBefore, ...counts },
      'JobStream window applied',
    );
    return { regionId, kind: 'stream', counts, ok: true };
  } catch (error) {
    await finishRun(db, regionId, runId, counts, message(error)).catch(() => {});
    options.logger?.error({ regionId, kind: 'stream', err: message(error) }, 'JobStream run failed');
    return {
      regionId,
      kind: 'stream',
      counts,
      ok: false,
      error: message(error),
      needsSnapshot: error instanceof NeedsSnapshotError,
    };
  }
}

/** The region's open JobTech ads a snapshot that saw `seen` would close as missing. */
function missingAds(db: Kysely<DB>, regionId: string, seen: ReadonlySet<string>, now: Date) {
  return (
    db
      .updateTable('job_ads')
      .where('region_id', '=', regionId)
      .where('status', '=', 'open')
      .where('origin', '=', 'jobtech')
      // Ads changed since the snapshot started came from the stream: they are not missing.
      .where(sql<boolean>`source_timestamp < ${now.getTime()}::bigint`)
      .where(sql<boolean>`NOT (id = ANY(${[...seen]}::text[]))`)
  );
}

/**
 * Why the snapshot must not be applied to the region: it would close more than the allowed share
 * of the region's open ads as missing (a tiny or wrong snapshot would empty the board). Null when
 * it may be applied, or when the operator allowed it.
 */
async function massCloseRefusal(
  db: Kysely<DB>,
  regionId: string,
  seen: ReadonlySet<string>,
  now: Date,
  options: RunOptions,
): Promise<string | null> {
  const percent = options.maxClosePercent ?? DEFAULT_MAX_CLOSE_PERCENT;
  const { rows } = await sql<{ open: string; missing: string }>`
    SELECT count(*) AS open,
           count(*) FILTER (WHERE NOT (id = ANY(${[...seen]}::text[]))) AS missing
    FROM job_ads
    WHERE region_id = ${regionId} AND status = 'open' AND origin = 'jobtech'
      AND source_timestamp < ${now.getTime()}::bigint`.execute(db);
  const open = Number(rows[0]?.open ?? 0);
  const missing = Number(rows[0]?.missing ?? 0);
  // The share of the region's ads after the snapshot (those it lists and those it closes) that it
  // closes: a snapshot that brings new ads and lacks a few old ones is ordinary.
  const total = missing + seen.size;
  if (missing === 0 || missing * 100 <= total * percent) return null;
  const share = Math.round((missing * 100) / total);
  const text =
    `this snapshot would close ${missing} of ${open} open ads as missing (${share} % of the ${total} ` +
    `it lists or closes), more than the ${percent} % allowed (JOBTECH_SNAPSHOT_MAX_CLOSE_PERCENT)`;
  if (options.allowMassClose) {
    options.logger?.warn({ regionId, missing, open }, `${text}; allowed by --allow-mass-close`);
    return null;
  }
  return (
    `refused: ${text}; nothing was applied or closed. If the snapshot is right, run ` +
    '`npx lotsa ingest snapshot --allow-mass-close`'
  );
}

/**
 * Downloads the snapshot once for all `scopes`, keeping only each region's records (and counting
 * the rest as skipped). Nothing is applied until the whole snapshot has been read; then each
 * region's records are applied in batches, and finally — in one transaction — the region's open
 * JobTech ads that the snapshot did not contain are closed as `missing`, `snapshot_at` is set and
 * the stream cursor moves up to the snapshot's start. A download that fails or is cut off (after
 * the client's retries) applies nothing and closes nothing.
 */
export async function runSnapshot(
  db: Kysely<DB>,
  scopes: readonly IngestScope[],
  client: JobStreamClient,
  options: RunOptions = {},
): Promise<RunResult[]> {
  const now = options.now?.() ?? new Date();
  const logger = options.logger;
  const regions = scopes.map((scope) => ({
    scope,
    counts: emptyCounts(),
    records: [] as ParsedRecord[],
    seen: new Set<string>(),
    runId: '',
  }));
  for (const region of regions) {
    region.runId = await startRun(db, region.scope.regionId, 'snapshot', now, logger);
  }

  let ads = 0;
  try {
    await client.snapshot(async (elements) => {
      // A retried download starts again from nothing.
      ads = 0;
      for (const region of regions) {
        region.counts = emptyCounts();
        region.records = [];
        region.seen = new Set();
      }
      let malformedLogged = 0;
      for await (const element of elements) {
        const record = parseRecordAt(element, now);
        if (record.kind === 'malformed') {
          for (const region of regions) {
            region.counts.received++;
            region.counts.malformed++;
            // The snapshot still lists the ad, only unreadably: keep what we hold open.
            if (record.id !== null) region.seen.add(record.id);
          }
          if (malformedLogged++ < 100) logMalformed(logger, '*', record);
          continue;
        }
        if (record.kind === 'ad') ads++;
        for (const region of regions) {
          if (record.kind === 'ad' && !adInScope(record, region.scope)) {
            region.counts.received++;
            region.counts.skipped++;
            continue;
          }
          region.records.push(record);
          if (record.kind === 'ad') region.seen.add(record.id);
        }
      }
    });
    if (ads === 0) throw new Error('the snapshot contained no ads; nothing was closed');
  } catch (error) {
    const text = message(error);
    logger?.error({ kind: 'snapshot', err: text }, 'JobStream snapshot failed');
    for (const region of regions)
      await finishRun(db, region.scope.regionId, region.runId, region.counts, text).catch(() => {});
    return regions.map((r) => ({
      regionId: r.scope.regionId,
      kind: 'snapshot',
      counts: r.counts,
      ok: false,
      error: text,
    }));
  }

  const results: RunResult[] = [];
  for (const region of regions) {
    const { scope } = region;
    const counts = emptyCounts();
    // The skipped and malformed records were counted while reading; the rest are counted as applied.
    counts.received = region.counts.received;
    counts.skipped = region.counts.skipped;
    counts.malformed = region.counts.malformed;
    try {
      const refusal = await massCloseRefusal(db, scope.regionId, region.seen, now, options);
      if (refusal) {
        await finishRun(db, region.scope.regionId, region.runId, counts, refusal, 'refused');
        logger?.error(
          { regionId: scope.regionId, kind: 'snapshot', err: refusal },
          'JobStream snapshot refused',
        );
        results.push({
          regionId: scope.regionId,
          kind: 'snapshot',
          counts,
          ok: false,
          refused: true,
          error: refusal,
        });
        continue;
      }
      let written = await applyInBatches(db, scope, region.records, counts, options, now);
      await db.transaction().execute(async (trx) => {
        await lockRegionWrites(trx, [scope.regionId]);
        const missing = await missingAds(trx, scope.regionId, region.seen, now)
          .set({ status: 'closed', closed_reason: 'missing', closed_at: now, updated_at: sql`now()` })
          .executeTakeFirst();
        const closed = Number(missing.numUpdatedRows);
        counts.closed += closed;
        counts.written += closed;
        written += closed;
        if (closed > 0) await markChanged(trx, scope.regionId);
        await trx
          .insertInto('job_ingest_state')
          .values({ region_id: scope.regionId, snapshot_at: now, stream_cursor: now })
          .onConflict((oc) =>
            oc.column('region_id').doUpdateSet({
              snapshot_at: now,
              stream_cursor: sql`greatest(job_ingest_state.stream_cursor, excluded.stream_cursor)`,
              updated_at: sql`now()`,
            }),
          )
          .execute();
      });
      await finishRun(db, region.scope.regionId, region.runId, counts);
      if (written > 0) await refreshSearchWords(db, scope.regionId);
      logger?.info({ regionId: scope.regionId, kind: 'snapshot', ...counts }, 'JobStream snapshot applied');
      results.push({ regionId: scope.regionId, kind: 'snapshot', counts, ok: true });
    } catch (error) {
      const text = message(error);
      await finishRun(db, region.scope.regionId, region.runId, counts, text).catch(() => {});
      logger?.error({ regionId: scope.regionId, kind: 'snapshot', err: text }, 'JobStream snapshot failed');
      results.push({ regionId: scope.regionId, kind: 'snapshot', counts, ok: false, error: text });
    }
  }
  return results;
}

/**
 * Closes open ads whose last publication date has passed (JobStream may send no removal for
 * them; an employer's own ad has none and closes at its deadline by its own task), bumping each affected region's generation in the same transaction. Returns the number
 * closed per region.
 */
export async function expireAds(
  db: Kysely<DB>,
  options: { now?: Date; regionId?: string; logger?: Logger | undefined } = {},
): Promise<Map<string, number>> {
  const now = options.now ?? new Date();
  const closed = await db.transaction().execute(async (trx) => {
    // The regions with ads to close, locked before any is written (lockRegionWrites); only theirs
    // are closed now, any other waits for the next sweep.
    let expiring = trx
      .selectFrom('job_ads')
      .select('region_id')
      .distinct()
      .where('status', '=', 'open')
      .where('origin', '<>', 'own')
      .where('last_publication_at', '<', now);
    if (options.regionId) expiring = expiring.where('region_id', '=', options.regionId);
    const regions = (await expiring.execute()).map((r) => r.region_id);
    if (regions.length === 0) return new Map<string, number>();
    await lockRegionWrites(trx, regions);
    const query = trx
      .updateTable('job_ads')
      .set({
        status: 'closed',
        closed_reason: 'expired',
        closed_at: sql`last_publication_at`,
        updated_at: sql`now()`,
      })
      .where('status', '=', 'open')
      .where('origin', '<>', 'own')
      .where('last_publication_at', '<', now)
      .where('region_id', 'in', regions);
    const rows = await query.returning('region_id').execute();
    const perRegion = new Map<string, number>();
    for (const { region_id } of rows) perRegion.set(region_id, (perRegion.get(region_id) ?? 0) + 1);
    for (const regionId of perRegion.keys()) await markChanged(trx, regionId);
    return perRegion;
  });
  for (const [regionId, count] of closed) {
    await refreshSearchWords(db, regionId);
    options.logger?.info({ regionId, closed: count }, 'expired job ads closed');
  }
  return closed;
}
