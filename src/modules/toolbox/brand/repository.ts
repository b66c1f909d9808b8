/**
 * The brand platform's versions (toolbox_brand_versions): the newest, one by number, a page of the
 * history with who saved each (the account's display name; null once the account is gone), and a
 * new version.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { BrandData } from '../model.ts';
import { readBrand } from './data.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface BrandVersion {
  version: number;
  data: BrandData;
  note: string;
  savedBy: string | null;
  /** The saver's display name (else e-mail), or null when the account is gone. */
  savedByName: string | null;
  savedAt: Date;
}

export type VersionSummary = Omit<BrandVersion, 'data'>;

function versions(db: Db, regionId: string) {
  return db
    .selectFrom('toolbox_brand_versions as v')
    .leftJoin('accounts as a', (join) =>
      join.onRef('a.region_id', '=', 'v.region_id').onRef('a.id', '=', 'v.saved_by'),
    )
    .where('v.region_id', '=', regionId);
}

const nameOf = (row: { display_name: string | null; email: string | null }) =>
  row.display_name?.trim() || row.email || null;

/** The newest version, or undefined when none is saved. */
export async function latestVersion(db: Db, regionId: string): Promise<BrandVersion | undefined> {
  const row = await versions(db, regionId)
    .select(['v.version', 'v.data', 'v.note', 'v.saved_by', 'v.saved_at', 'a.display_name', 'a.email'])
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toVersion(row);
}

/** One version by its number. */
export async function versionByNumber(
  db: Db,
  regionId: string,
  version: number,
): Promise<BrandVersion | undefined> {
  const row = await versions(db, regionId)
    .select(['v.version', 'v.data', 'v.note', 'v.saved_by', 'v.saved_at', 'a.display_name', 'a.email'])
    .where('v.version', '=', version)
    .executeTakeFirst();
  return row && toVersion(row);
}

/** A version and the one before it (for the diff). */
export async function versionPair(
  db: Db,
  regionId: string,
  version: number,
): Promise<{ current?: BrandVersion; previous?: BrandVersion }> {
  const rows = await versions(db, regionId)
    .select(['v.version', 'v.data', 'v.note', 'v.saved_by', 'v.saved_at', 'a.display_name', 'a.email'])
    .where('v.version', '<=', version)
    .orderBy('v.version', 'desc')
    .limit(2)
    .execute();
  const current = rows[0]?.version === version ? toVersion(rows[0]) : undefined;
  return { current, previous: current && rows[1] ? toVersion(rows[1]) : undefined };
}

/** At most `limit` versions below `before` (all when undefined), newest first, without their data. */
export async function versionHistory(
  db: Db,
  regionId: string,
  options: { before?: number; limit: number },
): Promise<VersionSummary[]> {
  let query = versions(db, regionId)
    .select(['v.version', 'v.note', 'v.saved_by', 'v.saved_at', 'a.display_name', 'a.email'])
    .orderBy('v.version', 'desc')
    .limit(options.limit);
  if (options.before !== undefined) query = query.where('v.version', '<', options.before);
  const rows = await query.execute();
  return rows.map((r) => ({
    version: r.version,
    note: r.note,
    savedBy: r.saved_by,
    savedByName: nameOf(r),
    savedAt: r.saved_at,
  }));
}

function toVersion(row: {
  version: number;
  data: unknown;
  note: string;
  saved_by: string | null;
  saved_at: Date;
  display_name: string | null;
  email: string | null;
}): BrandVersion {
  return {
    version: row.version,
    data: readBrand(row.data),
    note: row.note,
    savedBy: row.saved_by,
    savedByName: nameOf(row),
    savedAt: row.saved_at,
  };
}

/** Inserts a version (the primary key refuses a number already taken: a concurrent save). */
export async function insertVersion(
  db: Db,
  input: {
    regionId: string;
    version: number;
    data: BrandData;
    note: string;
    savedBy: string | null;
    savedAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('toolbox_brand_versions')
    .values({
      region_id: input.regionId,
      version: input.version,
      data: JSON.stringify(input.data),
      note: input.note,
      saved_by: input.savedBy,
      saved_at: input.savedAt,
    })
    .execute();
}

/** Whether the region has any version (the demo seed writes only when not). */
export async function hasVersion(db: Db, regionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('toolbox_brand_versions')
    .select('version')
    .where('region_id', '=', regionId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
