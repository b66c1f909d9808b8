/**
 * Applying JobStream records to a region's job_ads. The rules:
 *
 * - rows are keyed by (region_id, id); a record is applied only when its `timestamp` is not older
 *   than the stored `source_timestamp` (older → `stale`, nothing written);
 * - an ad whose content hash and open/closed state are unchanged writes nothing (`unchanged`);
 * - a removal (`removed: true`) closes the ad we hold under that id, wherever its place fields point;
 * - an ad past its last publication date is stored closed as `expired`;
 * - an ad we hold that moves out of the region closes as `missing`;
 * - an employer's own ad (origin 'own', ids `own-…`) is never JobStream's to write or close: a
 *   record naming one is skipped, and the SQL below refuses it again;
 * - every call of `applyBatch` runs inside the caller's transaction, and whoever commits rows also
 *   bumps the region's generation and notifies `lotsa_jobs` in that same transaction;
 * - every transaction that writes a region's ads takes the region's write lock (`lockRegionWrites`)
 *   first, so their change numbers (migration 0014) commit in order: the in-memory search reads
 *   the changes after the last number it saw, and would never see a lower one committed later.
 *
 * `applyRecords` is the entry point for loading ads without HTTP (demo data, tests).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../../platform/db/schema.ts';
import { withSavepoint } from '../../../platform/db/transaction.ts';
import { refreshSearchWords } from '../words.ts';
import { adInScope, normalizeAd, parseRecordAt, type JobAdRow, type ParsedRecord } from './normalize.ts';
import type { IngestScope } from './scope.ts';
import { isOwnAdId } from '../own/ids.ts';

export { scopeForRegion, type IngestScope } from './scope.ts';

export interface ApplyCounts {
  /** Records handed in. received = written + unchanged + stale + malformed + skipped. */
  received: number;
  /** Rows inserted or updated (closing an ad included). */
  written: number;
  /** Records identical to what is stored (same content hash and open/closed state). */
  unchanged: number;
  /** Records older than what is stored. */
  stale: number;
  /** Ads that went from open (or new) to closed: removed, expired, moved away or missing. */
  closed: number;
  /** Records that are not usable ads or removals, and ads the database refused to store. */
  malformed: number;
  /** Ads outside the region, and removals of ads the region does not hold. */
  skipped: number;
}

export type IngestKind = 'snapshot' | 'stream' | 'demo';

export function emptyCounts(): ApplyCounts {
  return { received: 0, written: 0, unchanged: 0, stale: 0, closed: 0, malformed: 0, skipped: 0 };
}

export function addCounts(into: ApplyCounts, from: ApplyCounts): ApplyCounts {
  for (const key of Object.keys(into) as (keyof ApplyCounts)[]) into[key] += from[key];
  return into;
}

/** Upper bound of rows per INSERT (33 columns each; PostgreSQL allows 65 535 parameters). */
const ROWS_PER_STATEMENT = 500;

interface Stored {
  id: string;
  source_timestamp: number;
  content_hash: string;
  status: 'open' | 'closed';
  closed_reason: string | null;
  origin: string;
}

type ValidRecord = Exclude<ParsedRecord, { kind: 'malformed' }>;

function orderTime(record: ValidRecord, now: Date): number {
  return record.kind === 'ad' ? record.timestamp : (record.effectiveTime ?? now.getTime());
}

export interface BatchContext {
  now: Date;
  logger?: Logger | undefined;
}

/** Logs a malformed record: its id and the reason (a field name), never ad text. */
export function logMalformed(
  logger: Logger | undefined,
  regionId: string,
  record: Extract<ParsedRecord, { kind: 'malformed' }>,
): void {
  logger?.warn({ regionId, adId: record.id, reason: record.reason }, 'malformed JobStream record skipped');
}

/**
 * Errors that belong to one record's values, not to the database or the batch: data exceptions
 * (22), integrity constraints (23) and program limits such as "string is too long for tsvector"
 * (54). Anything else (a lost connection, a deadlock, a failing trigger) still fails the batch.
 */
function isRecordError(error: unknown): error is Error & { code: string; constraint?: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23|54)/.test(code);
}

/** Why the database refused a record, without any of its values (messages of class 22 quote them). */
function refusal(error: Error & { code: string; constraint?: string }): string {
  const detail = error.constraint
    ? ` (${error.constraint})`
    : error.code.startsWith('54')
      ? ` (${error.message.replace(/\s*\(.*$/, '')})`
      : '';
  return `the database refused it: SQLSTATE ${error.code}${detail}`;
}

type Close = { id: string; reason: 'removed' | 'missing'; at: Date; time: number };

/** What to write for a batch: rows to upsert (those in `closing` close an open or new ad), and closes. */
interface Plan {
  upserts: JobAdRow[];
  closing: Set<string>;
  closes: Close[];
}

/**
 * Applies parsed records to the region inside `trx` and adds to `counts`. Returns the number of
 * rows written; the caller bumps the generation (markChanged) in the same transaction when it is
 * not zero.
 */
export async function applyBatch(
  trx: Transaction<DB>,
  scope: IngestScope,
  records: readonly ParsedRecord[],
  context: BatchContext,
  counts: ApplyCounts,
): Promise<number> {
  counts.received += records.length;
  const winners = pickWinners(scope, records, context, counts);
  if (winners.size === 0) return 0;
  await lockRegionWrites(trx, [scope.regionId]);
  // Rows are locked and written in id order, so concurrent runs cannot deadlock on each other.
  const ids = [...winners.keys()].sort();
  const stored = await lockStored(trx, scope.regionId, ids);
  const plan = planWrites(scope, ids, winners, stored, context, counts);
  const written =
    (await writeUpserts(trx, scope, plan, context, counts)) +
    (await writeCloses(trx, scope, plan, stored, counts));
  counts.written += written;
  return written;
}

/** One winner per id: the newest record (the later one on a tie); the others are stale or duplicates. */
function pickWinners(
  scope: IngestScope,
  records: readonly ParsedRecord[],
  { now, logger }: BatchContext,
  counts: ApplyCounts,
): Map<string, ValidRecord> {
  const winners = new Map<string, ValidRecord>();
  for (const record of records) {
    if (record.kind === 'malformed') {
      counts.malformed++;
      logMalformed(logger, scope.regionId, record);
      continue;
    }
    const previous = winners.get(record.id);
    if (!previous) {
      winners.set(record.id, record);
      continue;
    }
    const [older, newer] =
      orderTime(record, now) >= orderTime(previous, now) ? [previous, record] : [record, previous];
    winners.set(record.id, newer);
    if (orderTime(older, now) < orderTime(newer, now)) counts.stale++;
    else counts.unchanged++;
  }
  return winners;
}

/** The region's stored rows for `ids` (sorted), locked FOR UPDATE in id order. */
async function lockStored(
  trx: Transaction<DB>,
  regionId: string,
  ids: string[],
): Promise<Map<string, Stored>> {
  const stored = new Map<string, Stored>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await trx
      .selectFrom('job_ads')
      .select(['id', 'source_timestamp', 'content_hash', 'status', 'closed_reason', 'origin'])
      .where('region_id', '=', regionId)
      .where('id', 'in', ids.slice(i, i + 1000))
      .orderBy('id')
      .forUpdate()
      .execute();
    for (const row of rows) stored.set(row.id, { ...row, source_timestamp: Number(row.source_timestamp) });
  }
  return stored;
}

/** Decides, record by record, what to write; counts what is stale, unchanged or skipped. */
function planWrites(
  scope: IngestScope,
  ids: string[],
  winners: Map<string, ValidRecord>,
  stored: Map<string, Stored>,
  { now, logger }: BatchContext,
  counts: ApplyCounts,
): Plan {
  const plan: Plan = { upserts: [], closing: new Set(), closes: [] };
  for (const id of ids) {
    const record = winners.get(id) as ValidRecord;
    const existing = stored.get(record.id);
    // An employer's own ad on Lotsa: JobStream has no say over it.
    if (isOwnAdId(record.id) || existing?.origin === 'own') {
      counts.skipped++;
      continue;
    }
    const time = orderTime(record, now);
    if (existing && time < existing.source_timestamp) {
      counts.stale++;
      continue;
    }
    if (record.kind === 'removal') {
      if (!existing) counts.skipped++;
      else if (existing.status === 'closed' && existing.closed_reason === 'removed') counts.unchanged++;
      else plan.closes.push({ id: record.id, reason: 'removed', at: record.removedAt ?? now, time });
      continue;
    }
    if (!adInScope(record, scope)) {
      // An ad we hold that now names a place outside the region is no longer the region's.
      if (existing?.status === 'open') plan.closes.push({ id: record.id, reason: 'missing', at: now, time });
      else counts.skipped++;
      continue;
    }
    if (record.dropped.length) {
      logger?.warn(
        { regionId: scope.regionId, adId: record.id, fields: record.dropped },
        'JobStream record: fields of the wrong type dropped',
      );
    }
    const row = normalizeAd(record, scope, now);
    if (existing && existing.content_hash === row.content_hash && existing.status === row.status) {
      counts.unchanged++;
      continue;
    }
    if (row.status === 'closed' && existing?.status !== 'closed') plan.closing.add(record.id);
    plan.upserts.push(row);
  }
  return plan;
}

/** Inserts or updates `rows`, writing only what is newer and changed; returns the ids written. */
function upsertRows(trx: Transaction<DB>, rows: JobAdRow[]) {
  return trx
    .insertInto('job_ads')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'id'])
        .doUpdateSet({
          origin: (eb) => eb.ref('excluded.origin'),
          status: (eb) => eb.ref('excluded.status'),
          closed_reason: (eb) => eb.ref('excluded.closed_reason'),
          closed_at: (eb) => eb.ref('excluded.closed_at'),
          source_timestamp: (eb) => eb.ref('excluded.source_timestamp'),
          content_hash: (eb) => eb.ref('excluded.content_hash'),
          raw: (eb) => eb.ref('excluded.raw'),
          lang: (eb) => eb.ref('excluded.lang'),
          headline: (eb) => eb.ref('excluded.headline'),
          employer_name: (eb) => eb.ref('excluded.employer_name'),
          employer_key: (eb) => eb.ref('excluded.employer_key'),
          employer_orgnr: (eb) => eb.ref('excluded.employer_orgnr'),
          workplace: (eb) => eb.ref('excluded.workplace'),
          municipality_code: (eb) => eb.ref('excluded.municipality_code'),
          occupation_id: (eb) => eb.ref('excluded.occupation_id'),
          occupation_label: (eb) => eb.ref('excluded.occupation_label'),
          occupation_group_id: (eb) => eb.ref('excluded.occupation_group_id'),
          occupation_group_label: (eb) => eb.ref('excluded.occupation_group_label'),
          occupation_field_id: (eb) => eb.ref('excluded.occupation_field_id'),
          occupation_field_label: (eb) => eb.ref('excluded.occupation_field_label'),
          employment_type_id: (eb) => eb.ref('excluded.employment_type_id'),
          worktime_extent_id: (eb) => eb.ref('excluded.worktime_extent_id'),
          salary_type_id: (eb) => eb.ref('excluded.salary_type_id'),
          duration_id: (eb) => eb.ref('excluded.duration_id'),
          remote: (eb) => eb.ref('excluded.remote'),
          vacancies: (eb) => eb.ref('excluded.vacancies'),
          description_text: (eb) => eb.ref('excluded.description_text'),
          published_at: (eb) => eb.ref('excluded.published_at'),
          last_publication_at: (eb) => eb.ref('excluded.last_publication_at'),
          deadline_at: (eb) => eb.ref('excluded.deadline_at'),
          updated_at: sql`now()`,
        })
        // The same rules again in SQL, so nothing unchanged or older is ever written even if a
        // row appeared after the SELECT above.
        .where(sql<boolean>`excluded.source_timestamp >= job_ads.source_timestamp`)
        .where(sql<boolean>`job_ads.origin <> 'own'`)
        .where(
          sql<boolean>`(job_ads.content_hash IS DISTINCT FROM excluded.content_hash
            OR job_ads.status IS DISTINCT FROM excluded.status)`,
        ),
    )
    .returning(['id'])
    .execute();
}

/** Writes the planned upserts in chunks; returns the number of rows written. */
async function writeUpserts(
  trx: Transaction<DB>,
  scope: IngestScope,
  { upserts, closing }: Plan,
  { logger }: BatchContext,
  counts: ApplyCounts,
): Promise<number> {
  let written = 0;
  for (let i = 0; i < upserts.length; i += ROWS_PER_STATEMENT) {
    const chunk = upserts.slice(i, i + ROWS_PER_STATEMENT);
    let refused = 0;
    // One record the database refuses (too large for the index, say) must not fail its
    // neighbours: the chunk is tried whole, and when a record is at fault, one row at a time, each
    // in its own savepoint; the refused ones are skipped and counted as malformed.
    const whole = await withSavepoint(trx, 'apply_chunk', () => upsertRows(trx, chunk), isRecordError);
    const returned = whole.ok ? whole.value : [];
    if (!whole.ok) {
      for (const row of chunk) {
        const one = await withSavepoint(trx, 'apply_row', () => upsertRows(trx, [row]), isRecordError);
        if (one.ok) {
          returned.push(...one.value);
          continue;
        }
        refused++;
        counts.malformed++;
        const reason = refusal(one.error as Error & { code: string; constraint?: string });
        logMalformed(logger, scope.regionId, { kind: 'malformed', id: row.id, reason });
      }
    }
    written += returned.length;
    counts.unchanged += chunk.length - refused - returned.length;
    for (const { id } of returned) if (closing.has(id)) counts.closed++;
  }
  return written;
}

/** Closes the planned ads (removed or moved away); returns the number of rows written. */
async function writeCloses(
  trx: Transaction<DB>,
  scope: IngestScope,
  { closes }: Plan,
  stored: Map<string, Stored>,
  counts: ApplyCounts,
): Promise<number> {
  let written = 0;
  for (const close of closes) {
    const result = await trx
      .updateTable('job_ads')
      .set({
        status: 'closed',
        closed_reason: close.reason,
        closed_at: close.at,
        // Remember the removal's time so that an older copy of the ad cannot reopen it.
        source_timestamp: sql`greatest(source_timestamp, ${close.time}::bigint)`,
        updated_at: sql`now()`,
      })
      .where('region_id', '=', scope.regionId)
      .where('id', '=', close.id)
      .where('origin', '<>', 'own')
      .where(sql<boolean>`source_timestamp <= ${close.time}::bigint`)
      .returning('id')
      .executeTakeFirst();
    if (result) {
      written++;
      if (stored.get(close.id)?.status === 'open') counts.closed++;
    } else counts.unchanged++;
  }
  return written;
}

/** Key space of the regions' write locks (pg_advisory_xact_lock's first key): "JOBS". */
const REGION_WRITE_LOCK = 0x4a4f4253;

/**
 * Takes the regions' write locks until the transaction ends (in region order, so that two writers
 * never wait for each other). Called before the transaction's first write to the regions' ads: change
 * numbers are taken when rows are written, so a writer that commits after a later one would leave
 * behind it a number the search has already read past.
 */
export async function lockRegionWrites(trx: Kysely<DB>, regionIds: Iterable<string>): Promise<void> {
  for (const regionId of [...new Set(regionIds)].sort())
    await sql`SELECT pg_advisory_xact_lock(${REGION_WRITE_LOCK}::int, hashtext(${regionId}))`.execute(trx);
}

/** Bumps the region's generation and tells listening web processes (in the caller's transaction). */
export async function markChanged(trx: Transaction<DB>, regionId: string): Promise<void> {
  await trx
    .insertInto('job_ingest_state')
    .values({ region_id: regionId, generation: 1 })
    .onConflict((oc) =>
      oc.column('region_id').doUpdateSet({
        generation: sql`job_ingest_state.generation + 1`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
  await sql`SELECT pg_notify('lotsa_jobs', ${regionId})`.execute(trx);
}

/**
 * Applies records (JobStream ads and removals, or generated demo ads) to the region in one
 * transaction, records the call in job_ingest_runs, and refreshes the search vocabulary when
 * anything changed.
 */
export async function applyRecords(
  db: Kysely<DB>,
  scope: IngestScope,
  records: readonly unknown[],
  options: { now?: Date; logger?: Logger; kind?: 'snapshot' | 'stream' | 'demo' } = {},
): Promise<ApplyCounts> {
  const startedAt = new Date();
  const now = options.now ?? startedAt;
  const counts = emptyCounts();
  const parsed = records.map((record) => parseRecordAt(record, now));
  await db.transaction().execute(async (trx) => {
    const written = await applyBatch(trx, scope, parsed, { now, logger: options.logger }, counts);
    if (written > 0) await markChanged(trx, scope.regionId);
    await trx
      .insertInto('job_ingest_runs')
      .values({
        region_id: scope.regionId,
        kind: options.kind ?? 'demo',
        started_at: startedAt,
        finished_at: new Date(),
        outcome: 'ok',
        ...runCounts(counts),
      })
      .execute();
  });
  if (counts.written > 0) await refreshSearchWords(db, scope.regionId);
  options.logger?.info(
    { regionId: scope.regionId, kind: options.kind ?? 'demo', ...counts },
    'job ads applied',
  );
  return counts;
}

/** The counts job_ingest_runs has columns for. */
export function runCounts(counts: ApplyCounts) {
  const { skipped: _skipped, ...rest } = counts;
  return rest;
}
