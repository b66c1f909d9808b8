/**
 * The guides' SQL (toolbox_guides, toolbox_checklists of migration 0041). Every read names the
 * region; a checklist is read only with its organisation, so another organisation's is not found.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { readGuideData, type GuideRecord } from './guide.ts';

type Db = Kysely<DB> | Transaction<DB>;

interface GuideRow {
  slug: string;
  version: number;
  position: number;
  published: boolean;
  data: unknown;
  updated_at: Date;
}

const toGuide = (row: GuideRow): GuideRecord => ({
  slug: row.slug,
  version: row.version,
  position: row.position,
  published: row.published,
  data: readGuideData(row.data),
  updatedAt: row.updated_at,
});

const GUIDE_COLUMNS = ['slug', 'version', 'position', 'published', 'data', 'updated_at'] as const;

/** The region's guides in their order (only the published ones unless told). */
export async function listGuides(
  db: Db,
  regionId: string,
  options: { publishedOnly: boolean },
): Promise<GuideRecord[]> {
  let query = db.selectFrom('toolbox_guides').select(GUIDE_COLUMNS).where('region_id', '=', regionId);
  if (options.publishedOnly) query = query.where('published', '=', true);
  const rows = await query.orderBy('position').orderBy('slug').limit(100).execute();
  return rows.map(toGuide);
}

export async function guideBySlug(db: Db, regionId: string, slug: string): Promise<GuideRecord | undefined> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return undefined;
  const row = await db
    .selectFrom('toolbox_guides')
    .select(GUIDE_COLUMNS)
    .where('region_id', '=', regionId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? toGuide(row) : undefined;
}

/** Writes a guide's data over the version it was read at; false when another save came first. */
export async function writeGuide(
  db: Db,
  regionId: string,
  slug: string,
  expectedVersion: number,
  change: { data?: string; published?: boolean },
  accountId: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('toolbox_guides')
    .set({
      ...(change.data !== undefined ? { data: change.data } : {}),
      ...(change.published !== undefined ? { published: change.published } : {}),
      version: sql<number>`version + 1`,
      updated_by: accountId,
      updated_at: sql<Date>`now()`,
    })
    .where('region_id', '=', regionId)
    .where('slug', '=', slug)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ChecklistRow {
  id: string;
  guideSlug: string;
  label: string;
  done: string[];
  createdAt: Date;
  updatedAt: Date;
}

const CHECKLIST_COLUMNS = ['id', 'guide_slug', 'label', 'done', 'created_at', 'updated_at'] as const;

const toChecklist = (row: {
  id: string;
  guide_slug: string;
  label: string;
  done: string[];
  created_at: Date;
  updated_at: Date;
}): ChecklistRow => ({
  id: row.id,
  guideSlug: row.guide_slug,
  label: row.label,
  done: row.done,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The organisation's checklists, last changed first (at most the cap, so never unbounded). */
export async function checklistsOf(
  db: Db,
  regionId: string,
  organisationId: string,
): Promise<ChecklistRow[]> {
  const rows = await db
    .selectFrom('toolbox_checklists')
    .select(CHECKLIST_COLUMNS)
    .where('region_id', '=', regionId)
    .where('organisation_id', '=', organisationId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
  return rows.map(toChecklist);
}

/** One of the organisation's checklists (another organisation's is undefined). */
export async function checklistOf(
  db: Db,
  regionId: string,
  organisationId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ChecklistRow | undefined> {
  let query = db
    .selectFrom('toolbox_checklists')
    .select(CHECKLIST_COLUMNS)
    .where('region_id', '=', regionId)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toChecklist(row) : undefined;
}

export async function countChecklists(db: Db, regionId: string, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('toolbox_checklists')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('region_id', '=', regionId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Checklists per guide across the region (the editors' list). */
export async function checklistCounts(db: Db, regionId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('toolbox_checklists')
    .select(['guide_slug', (eb) => eb.fn.countAll<string>().as('n')])
    .where('region_id', '=', regionId)
    .groupBy('guide_slug')
    .execute();
  return new Map(rows.map((r) => [r.guide_slug, Number(r.n)]));
}

/** Serialises the organisation's checklist creations (the cap is counted under it). */
export async function lockOrganisationChecklists(
  trx: Transaction<DB>,
  regionId: string,
  organisationId: string,
) {
  await sql`select pg_advisory_xact_lock(hashtext(${`toolbox_checklists:${regionId}:${organisationId}`}))`.execute(
    trx,
  );
}
