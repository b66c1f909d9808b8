/**
 * Reading a region's ads for the in-memory search index: all open ads in one snapshot (in batches,
 * newest first), or the ads changed since a change number (migration 0014), open or closed.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { bounded, SEARCH_STATEMENT_TIMEOUT_MS } from './bounds.ts';
import type { DocRow } from './segment.ts';
import { toSummary, type SummaryRow } from './summary.ts';

/** Ads per statement while loading a whole region. */
export const LOAD_BATCH = 5000;
/** Each statement of a whole region's load may take this long (ms). */
const LOAD_STATEMENT_TIMEOUT_MS = 30_000;

interface LoadedRow extends SummaryRow {
  occupation_field_id: string | null;
  employer_key: string;
  status: string;
  change_seq: string;
  vector: string;
}

const COLUMNS = sql`id, headline, employer_name, employer_orgnr, workplace, municipality_code, occupation_label,
  occupation_group_id, occupation_field_id, employment_type_id, worktime_extent_id, remote, published_at,
  deadline_at, origin, lang, employer_key, status, change_seq, search::text AS vector`;

function toDoc(r: LoadedRow): DocRow {
  const summary = toSummary(r);
  // The number is the employer key when there is one: one string kept in memory, not two.
  if (summary.employerOrgnr === r.employer_key) summary.employerOrgnr = r.employer_key;
  return {
    summary,
    values: {
      mu: r.municipality_code,
      fi: r.occupation_field_id,
      gr: r.occupation_group_id,
      et: r.employment_type_id,
      wt: r.worktime_extent_id,
      ek: r.employer_key,
      la: r.lang,
    },
    employerName: r.employer_name,
    deadline: r.deadline_at ? r.deadline_at.getTime() : Number.NaN,
    vector: r.vector,
  };
}

/**
 * Every open ad of the region, newest first, and the highest change number they include. One
 * snapshot (REPEATABLE READ) so that the change number and the ads agree; `onBatch` gets each batch
 * as it arrives (the caller parses it while the next one is read).
 */
export async function loadOpenAds(
  db: Kysely<DB>,
  regionId: string,
  onBatch: (docs: DocRow[]) => void,
): Promise<{ seq: bigint }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`SELECT set_config('statement_timeout', ${String(LOAD_STATEMENT_TIMEOUT_MS)}, true)`.execute(
        trx,
      );
      const { rows } = await sql<{ seq: string }>`SELECT coalesce(max(change_seq), 0)::text AS seq
        FROM job_ads WHERE region_id = ${regionId}`.execute(trx);
      let after: { published: Date; id: string } | null = null;
      for (;;) {
        const keyset = after ? sql`AND (published_at, id) < (${after.published}, ${after.id})` : sql``;
        const batch = await sql<LoadedRow>`SELECT ${COLUMNS} FROM job_ads
          WHERE region_id = ${regionId} AND status = 'open' ${keyset}
          ORDER BY published_at DESC, id DESC LIMIT ${LOAD_BATCH}`.execute(trx);
        if (batch.rows.length === 0) break;
        onBatch(batch.rows.map(toDoc));
        const last = batch.rows[batch.rows.length - 1] as LoadedRow;
        after = { published: last.published_at, id: last.id };
        if (batch.rows.length < LOAD_BATCH) break;
      }
      return { seq: BigInt(rows[0]?.seq ?? '0') };
    });
}

/** Ads of the region changed after change number `since`: the open ones, and the ids of the others. */
export async function loadChangedAds(
  db: Kysely<DB>,
  regionId: string,
  since: bigint,
  limit: number,
): Promise<{ open: DocRow[]; closed: string[]; seq: bigint; complete: boolean }> {
  const { rows } = await bounded(db, SEARCH_STATEMENT_TIMEOUT_MS, (trx) =>
    sql<LoadedRow>`SELECT ${COLUMNS} FROM job_ads
      WHERE region_id = ${regionId} AND change_seq > ${String(since)}::bigint
      ORDER BY change_seq LIMIT ${limit + 1}`.execute(trx),
  );
  const complete = rows.length <= limit;
  const open: DocRow[] = [];
  const closed: string[] = [];
  let seq = since;
  for (const r of rows.slice(0, limit)) {
    const s = BigInt(r.change_seq);
    if (s > seq) seq = s;
    if (r.status === 'open') open.push(toDoc(r));
    else closed.push(r.id);
  }
  return { open, closed, seq, complete };
}
