/**
 * Place facts: numbers and lists about each municipality (population, median house price, travel
 * times, preschools and schools, nature and culture), each with its source, source URL and date,
 * shown on the place pages. They arrive as a dated data file (PlaceFactsFile, read and validated by
 * facts-data.ts): the one Lotsa ships, imported at every seed when its date is newer than the last
 * one applied (so an editor's newer upload is never overwritten), or one an editor uploads at
 * /admin/places/facts. A file is applied whole or not at all, with a record of who, when and the
 * file's own date (migration 0018). Repository and service in one file: the SQL is small.
 */
import { existsSync, readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { AuditActor } from '../../platform/audit.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Region } from '../../platform/region.ts';
import { factRowsOf, fileDate, parseFactsFile, type FactRow, type PlaceFactsFile } from './facts-file.ts';

export type { FactRow, PlaceFactsFile };

/** A fact as stored, with the import it came from. */
export interface StoredFact extends FactRow {
  municipalityCode: string;
}

/** The last file applied: who, when, the file's own date. */
export interface FactImport {
  id: number;
  origin: 'shipped' | 'upload';
  fileDate: string;
  actorId: string | null;
  actorLabel: string;
  importedAt: Date;
  municipalityCount: number;
  factCount: number;
}

/** A fact older than this many years is flagged to editors. */
export const STALE_AFTER_YEARS = 2;

/** Whether a fact's date (YYYY-MM-DD) is more than STALE_AFTER_YEARS before `now`. */
export function isStale(asOf: string, now: Date = new Date()): boolean {
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() - STALE_AFTER_YEARS);
  return asOf < limit.toISOString().slice(0, 10);
}

// ---- Repository -------------------------------------------------------------------------------

const FACT_COLUMNS = [
  'municipality_code',
  'key',
  'kind',
  'value',
  'unit',
  'label_sv',
  'label_en',
  'items_sv',
  'items_en',
  'source',
  'source_url',
  'approx',
] as const;

interface FactSelect {
  municipality_code: string;
  key: string;
  kind: 'number' | 'list';
  value: string | null;
  unit: string | null;
  label_sv: string;
  label_en: string;
  items_sv: string[];
  items_en: string[];
  source: string;
  source_url: string;
  as_of: string;
  approx: boolean;
}

function toFact(r: FactSelect): StoredFact {
  return {
    municipalityCode: r.municipality_code,
    key: r.key,
    kind: r.kind,
    value: r.value === null ? null : Number(r.value),
    unit: r.unit as StoredFact['unit'],
    label: { sv: r.label_sv, en: r.label_en },
    items: { sv: r.items_sv, en: r.items_en },
    source: r.source,
    sourceUrl: r.source_url,
    asOf: r.as_of,
    approx: r.approx,
  };
}

function factsQuery(db: Kysely<DB>, regionId: string) {
  return db
    .selectFrom('place_facts')
    .select([...FACT_COLUMNS, sql<string>`as_of::text`.as('as_of')])
    .where('region_id', '=', regionId)
    .orderBy('municipality_code')
    .orderBy('key');
}

/** Every fact of the region, by municipality code then key. */
export async function allFacts(db: Kysely<DB>, regionId: string): Promise<StoredFact[]> {
  const rows = await factsQuery(db, regionId).execute();
  return rows.map(toFact);
}

/** One municipality's facts, by key. */
export async function factsOf(db: Kysely<DB>, regionId: string, code: string): Promise<StoredFact[]> {
  const rows = await factsQuery(db, regionId).where('municipality_code', '=', code).execute();
  return rows.map(toFact);
}

/** The import whose facts are current (the last one applied), if any. */
export async function currentImport(db: Kysely<DB>, regionId: string): Promise<FactImport | undefined> {
  const row = await db
    .selectFrom('place_fact_imports')
    .select([
      'id',
      'origin',
      sql<string>`file_date::text`.as('file_date'),
      'actor_id',
      'actor_label',
      'imported_at',
      'municipality_count',
      'fact_count',
    ])
    .where('region_id', '=', regionId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    origin: row.origin,
    fileDate: row.file_date,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    importedAt: row.imported_at,
    municipalityCount: row.municipality_count,
    factCount: row.fact_count,
  };
}

/** The name an account goes by (display name, else e-mail), for "uploaded by". */
export async function accountName(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('accounts')
    .select(['display_name', 'email'])
    .where('region_id', '=', regionId)
    .where('id', '=', accountId)
    .executeTakeFirst();
  return row ? row.display_name || row.email : null;
}

/** The file the current facts came from, as applied (for download). */
export async function currentFile(db: Kysely<DB>, regionId: string): Promise<unknown> {
  const row = await db
    .selectFrom('place_fact_imports')
    .select('file')
    .where('region_id', '=', regionId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.file;
}

/** Replaces the region's facts with `rows` and records the import (call inside a transaction). */
async function replaceFacts(
  trx: Kysely<DB>,
  regionId: string,
  record: { origin: 'shipped' | 'upload'; fileDate: string; actor: AuditActor; file: unknown },
  rows: StoredFact[],
): Promise<number> {
  const imported = await trx
    .insertInto('place_fact_imports')
    .values({
      region_id: regionId,
      origin: record.origin,
      file_date: record.fileDate,
      actor_id: record.actor.id,
      actor_label: record.actor.label,
      municipality_count: new Set(rows.map((r) => r.municipalityCode)).size,
      fact_count: rows.length,
      file: JSON.stringify(record.file),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.deleteFrom('place_facts').where('region_id', '=', regionId).execute();
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('place_facts')
      .values(
        rows.slice(i, i + 500).map((f) => ({
          region_id: regionId,
          municipality_code: f.municipalityCode,
          key: f.key,
          kind: f.kind,
          value: f.value,
          unit: f.unit,
          label_sv: f.label.sv,
          label_en: f.label.en,
          items_sv: f.items.sv,
          items_en: f.items.en,
          source: f.source,
          source_url: f.sourceUrl,
          as_of: f.asOf,
          approx: f.approx,
          import_id: imported.id,
        })),
      )
      .execute();
  }
  return imported.id;
}

// ---- Service ----------------------------------------------------------------------------------

/** A region's facts, grouped by municipality code. */
export async function factsByMunicipality(
  db: Kysely<DB>,
  regionId: string,
): Promise<Map<string, StoredFact[]>> {
  const byCode = new Map<string, StoredFact[]>();
  for (const fact of await allFacts(db, regionId)) {
    const list = byCode.get(fact.municipalityCode) ?? [];
    list.push(fact);
    byCode.set(fact.municipalityCode, list);
  }
  return byCode;
}

/** The rows of a file for the region's municipalities (the file's codes are checked by its loader). */
function rowsFor(region: Region, file: PlaceFactsFile): StoredFact[] {
  const known = new Set(region.municipalities.map((m) => m.code));
  return factRowsOf(file).filter((r) => known.has(r.municipalityCode));
}

export type ImportOutcome = { applied: true; importId: number } | { applied: false; storedDate: string };

/**
 * Imports the shipped file when its date is newer than the last file applied (shipped or uploaded);
 * otherwise leaves what is stored alone (an editor's newer upload stays).
 */
export async function importShippedFacts(
  db: Kysely<DB>,
  region: Region,
  file: PlaceFactsFile,
): Promise<ImportOutcome> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('place_facts'), hashtext(${region.id}))`.execute(trx);
    const current = await currentImport(trx, region.id);
    if (current && current.fileDate >= fileDate(file))
      return { applied: false, storedDate: current.fileDate };
    const importId = await replaceFacts(
      trx,
      region.id,
      { origin: 'shipped', fileDate: fileDate(file), actor: { id: null, label: 'system' }, file },
      rowsFor(region, file),
    );
    return { applied: true, importId };
  });
}

/**
 * Applies an editor's file (already validated whole by the loader): replaces every fact, records
 * the import and an audit event in the same transaction.
 */
export async function applyUploadedFacts(
  db: Kysely<DB>,
  region: Region,
  actor: AuditActor,
  file: PlaceFactsFile,
): Promise<{ importId: number; factCount: number; municipalityCount: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('place_facts'), hashtext(${region.id}))`.execute(trx);
    const rows = rowsFor(region, file);
    const importId = await replaceFacts(
      trx,
      region.id,
      { origin: 'upload', fileDate: fileDate(file), actor, file },
      rows,
    );
    const municipalityCount = new Set(rows.map((r) => r.municipalityCode)).size;
    await recordAudit(trx, {
      regionId: region.id,
      actor,
      action: 'place.facts.uploaded',
      subjectType: 'place_facts',
      subjectId: String(importId),
      data: {
        name: fileDate(file),
        fileDate: fileDate(file),
        facts: rows.length,
        municipalities: municipalityCount,
      },
    });
    return { importId, factCount: rows.length, municipalityCount };
  });
}

/** A fact's text in a language: a number with its unit is formatted by the page; a list is joined. */
export function listItems(fact: Pick<FactRow, 'items'>, lang: Lang): string[] {
  return fact.items[lang].length ? fact.items[lang] : fact.items[lang === 'sv' ? 'en' : 'sv'];
}

const SHIPPED_FILE = new URL('./data/place-facts.json', import.meta.url);

/**
 * At every seed: the shipped facts file for each region, when the file exists and is newer than
 * what the region has. A shipped file that does not pass its checks stops the seed (a release bug).
 */
export async function seedPlaceFacts(
  db: Kysely<DB>,
  regions: readonly Region[],
  readFile: () => string | undefined = readShippedFile,
): Promise<void> {
  const text = readFile();
  if (text === undefined) return;
  for (const region of regions) {
    const codes = region.municipalities.map((m) => m.code);
    const parsed = parseFactsFile(text, codes);
    if (!parsed.file) {
      const first = parsed.problems
        .slice(0, 5)
        .map((p) => `${p.municipality || 'file'} ${p.fact}: ${p.message}`)
        .join('; ');
      throw new Error(`place-facts.json for ${region.id}: ${first}`);
    }
    await importShippedFacts(db, region, parsed.file);
  }
}

function readShippedFile(): string | undefined {
  return existsSync(SHIPPED_FILE) ? readFileSync(SHIPPED_FILE, 'utf8') : undefined;
}
