/**
 * The assets part's SQL over toolbox_assets and toolbox_downloads (migration 0041): an asset with
 * its media-library image's facts and its effective last day (EFFECTIVE_EXPIRY), the back-office's
 * list with download counts, the organisations' filtered grid with counts per option, the download
 * log by asset and by organisation, and the expiry task's picks. Every query names the region.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { EFFECTIVE_EXPIRY } from '../toolbox.ts';
import type { AssetKind, AssetStatus } from '../model.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface AssetRow {
  id: string;
  region_id: string;
  kind: AssetKind;
  status: AssetStatus;
  title_sv: string;
  title_en: string;
  description_sv: string;
  description_en: string;
  topics: string[];
  personas: string[];
  media_image_id: string | null;
  file_key: string | null;
  file_name: string | null;
  content_type: string | null;
  bytes: string | null;
  sha256: string | null;
  creator: string;
  licence: string;
  licence_url: string;
  permitted_uses: string[];
  use_note_sv: string;
  use_note_en: string;
  /** The asset's own last day (YYYY-MM-DD). */
  own_expiry: string | null;
  /** The earlier of its own and its image's (YYYY-MM-DD). */
  expiry: string | null;
  expiry_warned_at: Date | null;
  expiry_notified_at: Date | null;
  demo: boolean;
  updated_at: Date;
  created_at: Date;
}

function assets(db: Db) {
  return db
    .selectFrom('toolbox_assets as a')
    .leftJoin('media_images as m', (j) =>
      j.onRef('m.region_id', '=', 'a.region_id').onRef('m.id', '=', 'a.media_image_id'),
    )
    .select([
      'a.id',
      'a.region_id',
      'a.kind',
      'a.status',
      'a.title_sv',
      'a.title_en',
      'a.description_sv',
      'a.description_en',
      'a.topics',
      'a.personas',
      'a.media_image_id',
      'a.file_key',
      'a.file_name',
      'a.content_type',
      'a.bytes',
      'a.sha256',
      'a.creator',
      'a.licence',
      'a.licence_url',
      'a.permitted_uses',
      'a.use_note_sv',
      'a.use_note_en',
      sql<string | null>`to_char(a.expires_on, 'YYYY-MM-DD')`.as('own_expiry'),
      EFFECTIVE_EXPIRY.as('expiry'),
      'a.expiry_warned_at',
      'a.expiry_notified_at',
      'a.demo',
      'a.updated_at',
      'a.created_at',
    ]);
}

export async function assetById(db: Db, regionId: string, id: string): Promise<AssetRow | undefined> {
  return (await assets(db).where('a.region_id', '=', regionId).where('a.id', '=', id).executeTakeFirst()) as
    AssetRow | undefined;
}

export interface AdminListRow extends AssetRow {
  downloads: number;
}

/** Every asset of the region for the back-office, newest first, with its download count. */
export async function adminList(
  db: Db,
  regionId: string,
  offset: number,
  limit: number,
): Promise<{ rows: AdminListRow[]; total: number }> {
  // the page first, then its download counts: a count in the select list would run for every
  // skipped row of a deep page too
  const page = await assets(db)
    .where('a.region_id', '=', regionId)
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id')
    .offset(offset)
    .limit(limit)
    .execute();
  const counts = new Map<string, number>();
  if (page.length) {
    const grouped = await db
      .selectFrom('toolbox_downloads')
      .select(['asset_id', sql<number>`count(*)::int`.as('n')])
      .where('region_id', '=', regionId)
      .where(
        'asset_id',
        'in',
        page.map((row) => row.id),
      )
      .groupBy('asset_id')
      .execute();
    for (const g of grouped) counts.set(g.asset_id, g.n);
  }
  const rows = page.map((row) => ({ ...row, downloads: counts.get(row.id) ?? 0 }));
  const total = await db
    .selectFrom('toolbox_assets')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('region_id', '=', regionId)
    .executeTakeFirstOrThrow();
  return { rows: rows as AdminListRow[], total: total.n };
}

/** The back-office card's counts. */
export async function assetCounts(
  db: Db,
  regionId: string,
  today: string,
  soon: string,
): Promise<{ published: number; drafts: number; soon: number; expired: number }> {
  const row = await db
    .selectFrom('toolbox_assets as a')
    .leftJoin('media_images as m', (j) =>
      j.onRef('m.region_id', '=', 'a.region_id').onRef('m.id', '=', 'a.media_image_id'),
    )
    .select([
      sql<number>`count(*) filter (where a.status = 'published')::int`.as('published'),
      sql<number>`count(*) filter (where a.status = 'draft')::int`.as('drafts'),
      sql<number>`count(*) filter (where a.status = 'published' and ${EFFECTIVE_EXPIRY} >= ${today} and ${EFFECTIVE_EXPIRY} <= ${soon})::int`.as(
        'soon',
      ),
      sql<number>`count(*) filter (where a.status = 'published' and ${EFFECTIVE_EXPIRY} < ${today})::int`.as(
        'expired',
      ),
    ])
    .where('a.region_id', '=', regionId)
    .executeTakeFirstOrThrow();
  return row;
}

export interface GridFilter {
  kind?: string;
  topic?: string;
  persona?: string;
  use?: string;
}

const FACETS = ['kind', 'topic', 'persona', 'use'] as const;
export type Facet = (typeof FACETS)[number];

/** The published assets matching the filter (newest first), one page of them, and the total. */
export async function publishedAssets(
  db: Db,
  regionId: string,
  filter: GridFilter,
  offset: number,
  limit: number,
): Promise<{ rows: AssetRow[]; total: number }> {
  const base = filtered(db, regionId, filter, undefined);
  const rows = await assets(db)
    .where('a.region_id', '=', regionId)
    .where('a.id', 'in', base.select('f.id'))
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .offset(offset)
    .limit(limit)
    .execute();
  const total = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { rows: rows as AssetRow[], total: total.n };
}

/** The published assets under every filter but `skip` (counts per option of the `skip` facet). */
function filtered(db: Db, regionId: string, filter: GridFilter, skip: Facet | undefined) {
  let query = db
    .selectFrom('toolbox_assets as f')
    .where('f.region_id', '=', regionId)
    .where('f.status', '=', 'published');
  if (filter.kind && skip !== 'kind') query = query.where('f.kind', '=', filter.kind as AssetKind);
  if (filter.topic && skip !== 'topic') query = query.where(sql<boolean>`${filter.topic} = any(f.topics)`);
  if (filter.persona && skip !== 'persona')
    query = query.where(sql<boolean>`${filter.persona} = any(f.personas)`);
  if (filter.use && skip !== 'use') query = query.where(sql<boolean>`${filter.use} = any(f.permitted_uses)`);
  return query;
}

/**
 * For each facet, how many published assets each option would show with the other filters kept
 * (value → count), and the count with this facet's filter off ('').
 */
export async function facetCounts(
  db: Db,
  regionId: string,
  filter: GridFilter,
): Promise<Record<Facet, Map<string, number>>> {
  const column: Record<Facet, ReturnType<typeof sql<string>>> = {
    kind: sql<string>`f.kind`,
    topic: sql<string>`unnest(f.topics)`,
    persona: sql<string>`unnest(f.personas)`,
    use: sql<string>`unnest(f.permitted_uses)`,
  };
  const result = {} as Record<Facet, Map<string, number>>;
  for (const facet of FACETS) {
    const base = filtered(db, regionId, filter, facet);
    const [values, all] = await Promise.all([
      db
        .selectFrom(base.select(column[facet].as('v')).as('x'))
        .select(['x.v', sql<number>`count(*)::int`.as('n')])
        .groupBy('x.v')
        .execute(),
      base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    ]);
    result[facet] = new Map([['', all.n], ...values.map((r): [string, number] => [r.v, r.n])]);
  }
  return result;
}

export async function insertDownload(
  db: Db,
  row: { regionId: string; assetId: string; accountId: string; organisationId: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('toolbox_downloads')
    .values({
      region_id: row.regionId,
      asset_id: row.assetId,
      account_id: row.accountId,
      organisation_id: row.organisationId,
      downloaded_at: row.at,
    })
    .execute();
}

export interface LogRow {
  id: string;
  downloaded_at: Date;
  organisation: string | null;
  person: string | null;
}

/** An asset's download log, newest first (who: the organisation and the person's name). */
export async function downloadsOfAsset(
  db: Db,
  regionId: string,
  assetId: string,
  limit: number,
): Promise<LogRow[]> {
  return db
    .selectFrom('toolbox_downloads as d')
    .leftJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'd.region_id').onRef('o.id', '=', 'd.organisation_id'),
    )
    .leftJoin('accounts as p', (j) =>
      j.onRef('p.region_id', '=', 'd.region_id').onRef('p.id', '=', 'd.account_id'),
    )
    .select([
      'd.id',
      'd.downloaded_at',
      'o.name as organisation',
      sql<string | null>`coalesce(nullif(p.display_name, ''), p.email)`.as('person'),
    ])
    .where('d.region_id', '=', regionId)
    .where('d.asset_id', '=', assetId)
    .orderBy('d.downloaded_at', 'desc')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

export async function downloadCount(db: Db, regionId: string, assetId: string): Promise<number> {
  const row = await db
    .selectFrom('toolbox_downloads')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('region_id', '=', regionId)
    .where('asset_id', '=', assetId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface OrgDownloadRow {
  id: string;
  downloaded_at: Date;
  person: string | null;
  asset_id: string;
  title_sv: string;
  title_en: string;
  status: AssetStatus;
  expiry: string | null;
}

/** An organisation's downloads, newest first, with each asset's status and effective last day. */
export async function downloadsOfOrganisation(
  db: Db,
  regionId: string,
  organisationId: string,
  limit: number,
): Promise<OrgDownloadRow[]> {
  return db
    .selectFrom('toolbox_downloads as d')
    .innerJoin('toolbox_assets as a', (j) =>
      j.onRef('a.region_id', '=', 'd.region_id').onRef('a.id', '=', 'd.asset_id'),
    )
    .leftJoin('media_images as m', (j) =>
      j.onRef('m.region_id', '=', 'a.region_id').onRef('m.id', '=', 'a.media_image_id'),
    )
    .leftJoin('accounts as p', (j) =>
      j.onRef('p.region_id', '=', 'd.region_id').onRef('p.id', '=', 'd.account_id'),
    )
    .select([
      'd.id',
      'd.downloaded_at',
      sql<string | null>`coalesce(nullif(p.display_name, ''), p.email)`.as('person'),
      'a.id as asset_id',
      'a.title_sv',
      'a.title_en',
      'a.status',
      EFFECTIVE_EXPIRY.as('expiry'),
    ])
    .where('d.region_id', '=', regionId)
    .where('d.organisation_id', '=', organisationId)
    .orderBy('d.downloaded_at', 'desc')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}

/**
 * The assets an organisation downloaded that may no longer be used (withdrawn, or past their last
 * day on `today`), each once.
 */
export async function unusableOfOrganisation(
  db: Db,
  regionId: string,
  organisationId: string,
  today: string,
): Promise<
  Array<{ id: string; title_sv: string; title_en: string; status: AssetStatus; expiry: string | null }>
> {
  return db
    .selectFrom('toolbox_assets as a')
    .leftJoin('media_images as m', (j) =>
      j.onRef('m.region_id', '=', 'a.region_id').onRef('m.id', '=', 'a.media_image_id'),
    )
    .select(['a.id', 'a.title_sv', 'a.title_en', 'a.status', EFFECTIVE_EXPIRY.as('expiry')])
    .where('a.region_id', '=', regionId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('toolbox_downloads as d')
          .select('d.id')
          .whereRef('d.region_id', '=', 'a.region_id')
          .whereRef('d.asset_id', '=', 'a.id')
          .where('d.organisation_id', '=', organisationId),
      ),
    )
    .where((eb) =>
      eb.or([eb('a.status', '=', 'withdrawn'), eb(sql<string>`${EFFECTIVE_EXPIRY}`, '<', today)]),
    )
    .orderBy('a.title_sv')
    .limit(100)
    .execute();
}

/** Where a media-library image is used by the toolbox's assets (its slug). */
export async function assetsOfImage(
  db: Db,
  regionId: string,
  slug: string,
): Promise<Array<{ id: string; title_sv: string; title_en: string; status: AssetStatus }>> {
  return db
    .selectFrom('toolbox_assets as a')
    .innerJoin('media_images as m', (j) =>
      j.onRef('m.region_id', '=', 'a.region_id').onRef('m.id', '=', 'a.media_image_id'),
    )
    .select(['a.id', 'a.title_sv', 'a.title_en', 'a.status'])
    .where('a.region_id', '=', regionId)
    .where('m.slug', '=', slug)
    .orderBy('a.created_at', 'desc')
    .limit(50)
    .execute();
}

/** When the asset was withdrawn (its audit event), else undefined. */
export async function withdrawnAt(db: Db, regionId: string, assetId: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('audit_events')
    .select('at')
    .where('region_id', '=', regionId)
    .where('subject_type', '=', 'toolbox_asset')
    .where('subject_id', '=', assetId)
    .where('action', '=', 'toolbox.asset.withdrawn')
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.at;
}

export interface Recipient {
  account_id: string;
  email: string;
  display_name: string;
  language: string;
}

/**
 * The distinct (asset, account) pairs of the accounts still present that downloaded one of the
 * assets, with what a mail needs.
 */
export async function downloadersOf(
  db: Db,
  regionId: string,
  assetIds: readonly string[],
): Promise<(Recipient & { asset_id: string })[]> {
  if (assetIds.length === 0) return [];
  return db
    .selectFrom('toolbox_downloads as d')
    .innerJoin('accounts as p', (j) =>
      j.onRef('p.region_id', '=', 'd.region_id').onRef('p.id', '=', 'd.account_id'),
    )
    .select(['d.asset_id', 'p.id as account_id', 'p.email', 'p.display_name', 'p.language'])
    .distinct()
    .where('d.region_id', '=', regionId)
    .where('d.asset_id', 'in', [...assetIds])
    .orderBy('p.id')
    .orderBy('d.asset_id')
    .execute();
}
