/**
 * SQL for the content module's items (content_items, content_versions, content_published). Every
 * read and write names the region. Writes take the caller's transaction: the editorial service
 * holds the workflow's rules and the audit; this file only stores. Saving is guarded by the version
 * the editor started from (optimistic locking), so two editors saving at once cannot overwrite each
 * other: the second gets `conflict`.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ContentItemsTable, DB } from '../../platform/db/schema.ts';
import { richTextPlain } from '../../platform/html/rich-doc.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import {
  isContentData,
  isContentKind,
  type ContentData,
  type ContentKind,
  type ContentStatus,
  type TargetGroup,
} from './model.ts';

export type ContentItemRow = Selectable<ContentItemsTable>;

export interface ContentItem {
  id: string;
  kind: ContentKind;
  slug: string;
  municipalityCode: string | null;
  status: ContentStatus;
  version: number;
  publishedVersion: number | null;
  publishAt: Date | null;
  unpublishAt: Date | null;
  publishedAt: Date | null;
  /** A new version of the live item approved for a later minute: visitors see it from `at`. */
  scheduled: { version: number; at: Date; until: Date | null } | null;
  demo: boolean;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ContentVersion {
  version: number;
  data: ContentData;
  authorId: string | null;
  savedAt: Date;
  note: string;
}

/** An item as visitors see it, in one language. */
export interface PublishedItem {
  itemId: string;
  kind: ContentKind;
  slug: string;
  lang: Lang;
  municipalityCode: string | null;
  version: number;
  title: string;
  summary: string;
  heroImage: string | null;
  targetGroups: TargetGroup[];
  data: ContentData;
  visibleFrom: Date;
  visibleUntil: Date | null;
  publishedAt: Date;
}

export class StoredContentError extends Error {}

function toItem(row: ContentItemRow): ContentItem {
  if (!isContentKind(row.kind)) throw new StoredContentError(`content item ${row.id} has kind ${row.kind}`);
  return {
    id: row.id,
    kind: row.kind,
    slug: row.slug,
    municipalityCode: row.municipality_code,
    status: row.status as ContentStatus,
    version: row.version,
    publishedVersion: row.published_version,
    publishAt: row.publish_at,
    unpublishAt: row.unpublish_at,
    publishedAt: row.published_at,
    scheduled:
      row.scheduled_version !== null && row.scheduled_at !== null
        ? { version: row.scheduled_version, at: row.scheduled_at, until: row.scheduled_until }
        : null,
    demo: row.demo,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toData(kind: ContentKind, value: unknown, where: string): ContentData {
  if (!isContentData(kind, value)) throw new StoredContentError(`${where}: stored content is malformed`);
  return value;
}

export interface NewItem {
  regionId: string;
  kind: ContentKind;
  slug: string;
  municipalityCode: string | null;
  data: ContentData;
  authorId: string | null;
  demo?: boolean;
  note?: string;
}

/** A new item in draft with its first version; undefined when the slug is taken for its kind. */
export async function insertItem(trx: Kysely<DB>, item: NewItem): Promise<ContentItem | undefined> {
  const row = await trx
    .insertInto('content_items')
    .values({
      region_id: item.regionId,
      kind: item.kind,
      slug: item.slug,
      municipality_code: item.municipalityCode,
      demo: item.demo ?? false,
      created_by: item.authorId,
      updated_by: item.authorId,
    })
    .onConflict((oc) => oc.columns(['region_id', 'kind', 'slug']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  await trx
    .insertInto('content_versions')
    .values({
      region_id: item.regionId,
      item_id: row.id,
      version: 1,
      data: JSON.stringify(item.data),
      author_id: item.authorId,
      note: item.note ?? '',
    })
    .execute();
  return toItem(row);
}

export interface SaveVersion {
  regionId: string;
  itemId: string;
  /** The version the editor's form was made from. */
  baseVersion: number;
  data: ContentData;
  authorId: string | null;
  note?: string;
  /** Changes that go with the save (a renamed slug, a new status). */
  slug?: string;
  status?: ContentStatus;
}

export type SaveResult =
  { ok: true; version: number } | { ok: false; conflict: number } | { ok: false; missing: true };

/**
 * Saves a new version when the item is still at `baseVersion`; otherwise tells the version it is
 * at now (someone else saved meanwhile) and stores nothing.
 */
export async function saveVersion(trx: Kysely<DB>, save: SaveVersion): Promise<SaveResult> {
  const updated = await trx
    .updateTable('content_items')
    .set({
      version: sql`version + 1`,
      updated_by: save.authorId,
      updated_at: sql`now()`,
      ...(save.slug === undefined ? {} : { slug: save.slug }),
      ...(save.status === undefined ? {} : { status: save.status }),
    })
    .where('region_id', '=', save.regionId)
    .where('id', '=', save.itemId)
    .where('version', '=', save.baseVersion)
    .returning('version')
    .executeTakeFirst();
  if (!updated) {
    const now = await trx
      .selectFrom('content_items')
      .select('version')
      .where('region_id', '=', save.regionId)
      .where('id', '=', save.itemId)
      .executeTakeFirst();
    return now ? { ok: false, conflict: now.version } : { ok: false, missing: true };
  }
  await trx
    .insertInto('content_versions')
    .values({
      region_id: save.regionId,
      item_id: save.itemId,
      version: updated.version,
      data: JSON.stringify(save.data),
      author_id: save.authorId,
      note: save.note ?? '',
    })
    .execute();
  return { ok: true, version: updated.version };
}

export async function getItem(
  db: Kysely<DB>,
  regionId: string,
  itemId: string,
): Promise<ContentItem | undefined> {
  const row = await db
    .selectFrom('content_items')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', itemId)
    .executeTakeFirst();
  return row && toItem(row);
}

export async function getItemBySlug(
  db: Kysely<DB>,
  regionId: string,
  kind: ContentKind,
  slug: string,
): Promise<ContentItem | undefined> {
  const row = await db
    .selectFrom('content_items')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('kind', '=', kind)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && toItem(row);
}

/** One version of an item (the latest when `version` is omitted). */
export async function getVersion(
  db: Kysely<DB>,
  regionId: string,
  item: Pick<ContentItem, 'id' | 'kind' | 'version'>,
  version = item.version,
): Promise<ContentVersion | undefined> {
  const row = await db
    .selectFrom('content_versions')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('item_id', '=', item.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    version: row.version,
    data: toData(item.kind, row.data, `content ${item.id} v${row.version}`),
    authorId: row.author_id,
    savedAt: row.saved_at,
    note: row.note,
  };
}

/** An item's versions, newest first, without their data. */
export async function listVersions(
  db: Kysely<DB>,
  regionId: string,
  itemId: string,
  limit = 200,
): Promise<Omit<ContentVersion, 'data'>[]> {
  const rows = await db
    .selectFrom('content_versions')
    .select(['version', 'author_id', 'saved_at', 'note'])
    .where('region_id', '=', regionId)
    .where('item_id', '=', itemId)
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ version: r.version, authorId: r.author_id, savedAt: r.saved_at, note: r.note }));
}

const SEARCH_CONFIG: Record<Lang, string> = { sv: 'swedish', en: 'english' };

/** The words of an item in one language, by weight: title (A), summary and facts (B), text (C). */
export function searchTexts(data: ContentData, lang: Lang): { a: string; b: string; c: string } {
  const b = [data.summary[lang]];
  const c = [richTextPlain(data.body[lang])];
  if (data.story) {
    b.push(
      data.story.personName,
      data.story.profession[lang],
      data.story.employer,
      data.story.movedFrom[lang],
    );
    c.push(data.story.quote[lang]);
  }
  if (data.guide) {
    for (const step of data.guide.steps) {
      b.push(step.title[lang], step.authority[lang]);
      c.push(step.bring[lang], step.text[lang]);
    }
  }
  if (data.place) c.push(data.place.newcomerText[lang]);
  return { a: data.title[lang], b: b.join('\n'), c: c.join('\n') };
}

export interface Publish {
  regionId: string;
  itemId: string;
  version: number;
  /** When visitors first see it (a scheduled minute, or now). */
  visibleFrom: Date;
  visibleUntil: Date | null;
  /**
   * A version swapped in for a live one (the scheduler's): the item keeps the time it has been
   * visible since (not `visibleFrom`), in visitors' rows and its publish_at, so there is never a
   * gap whatever the clocks say; and its workflow status (a newer version may be in review).
   */
  swap?: boolean;
}

/**
 * Makes `version` what visitors see from `visibleFrom` (until `visibleUntil`): its rows in
 * content_published for both languages, the item's published version, status and schedule.
 */
export async function publish(trx: Kysely<DB>, p: Publish): Promise<void> {
  const item = await getItem(trx, p.regionId, p.itemId);
  if (!item) throw new StoredContentError(`content ${p.itemId} is missing`);
  const version = await getVersion(trx, p.regionId, item, p.version);
  if (!version) throw new StoredContentError(`content ${p.itemId} has no version ${p.version}`);
  const since = p.swap
    ? await trx
        .selectFrom('content_published')
        .select((eb) => eb.fn.min<Date>('visible_from').as('since'))
        .where('region_id', '=', p.regionId)
        .where('item_id', '=', p.itemId)
        .executeTakeFirst()
    : undefined;
  const rowsFrom =
    since?.since && since.since.getTime() < p.visibleFrom.getTime() ? since.since : p.visibleFrom;
  await trx
    .deleteFrom('content_published')
    .where('region_id', '=', p.regionId)
    .where('item_id', '=', p.itemId)
    .execute();
  for (const lang of ['sv', 'en'] as const) {
    const words = searchTexts(version.data, lang);
    const config = SEARCH_CONFIG[lang];
    await trx
      .insertInto('content_published')
      .values({
        region_id: p.regionId,
        item_id: p.itemId,
        lang,
        kind: item.kind,
        slug: item.slug,
        municipality_code: item.municipalityCode,
        version: p.version,
        title: version.data.title[lang],
        summary: version.data.summary[lang],
        hero_image: version.data.heroImage,
        target_groups: version.data.targetGroups,
        data: JSON.stringify(version.data),
        search: sql<string>`setweight(to_tsvector(${config}::regconfig, ${words.a}), 'A')
          || setweight(to_tsvector(${config}::regconfig, ${words.b}), 'B')
          || setweight(to_tsvector(${config}::regconfig, ${words.c}), 'C')`,
        visible_from: rowsFrom,
        visible_until: p.visibleUntil,
      })
      .execute();
  }
  await trx
    .updateTable('content_items')
    .set({
      ...(p.swap ? {} : { status: 'published' as const }),
      published_version: p.version,
      published_at: sql`now()`,
      publish_at: rowsFrom,
      unpublish_at: p.visibleUntil,
      scheduled_version: null,
      scheduled_at: null,
      scheduled_until: null,
      updated_at: sql`now()`,
    })
    .where('region_id', '=', p.regionId)
    .where('id', '=', p.itemId)
    .execute();
}

/**
 * Notes `version` to replace the live version at `at` (until `until`); visitors keep seeing the
 * live one meanwhile. The scheduler swaps it in with `publish` (replacing an earlier such note).
 */
export async function scheduleVersion(
  trx: Kysely<DB>,
  regionId: string,
  itemId: string,
  s: { version: number; at: Date; until: Date | null },
): Promise<void> {
  await trx
    .updateTable('content_items')
    .set({
      status: 'published',
      scheduled_version: s.version,
      scheduled_at: s.at,
      scheduled_until: s.until,
      updated_at: sql`now()`,
    })
    .where('region_id', '=', regionId)
    .where('id', '=', itemId)
    .execute();
}

/** Takes an item off the site: visitors no longer see any version of it (nor a scheduled one). */
export async function unpublish(trx: Kysely<DB>, regionId: string, itemId: string): Promise<void> {
  await trx
    .deleteFrom('content_published')
    .where('region_id', '=', regionId)
    .where('item_id', '=', itemId)
    .execute();
  await trx
    .updateTable('content_items')
    .set({
      status: 'unpublished',
      published_version: null,
      unpublish_at: null,
      scheduled_version: null,
      scheduled_at: null,
      scheduled_until: null,
      updated_at: sql`now()`,
    })
    .where('region_id', '=', regionId)
    .where('id', '=', itemId)
    .execute();
}

function toPublished(row: Selectable<DB['content_published']>): PublishedItem | undefined {
  if (!isContentKind(row.kind) || (row.lang !== 'sv' && row.lang !== 'en')) return undefined;
  if (!isContentData(row.kind, row.data)) return undefined;
  return {
    itemId: row.item_id,
    kind: row.kind,
    slug: row.slug,
    lang: row.lang,
    municipalityCode: row.municipality_code,
    version: row.version,
    title: row.title,
    summary: row.summary,
    heroImage: row.hero_image,
    targetGroups: row.target_groups as TargetGroup[],
    data: row.data,
    visibleFrom: row.visible_from,
    visibleUntil: row.visible_until,
    publishedAt: row.published_at,
  };
}

function visible(db: Kysely<DB>, regionId: string, lang: Lang) {
  return db
    .selectFrom('content_published')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('lang', '=', lang)
    .where('visible_from', '<=', sql<Date>`now()`)
    .where((eb) => eb.or([eb('visible_until', 'is', null), eb('visible_until', '>', sql<Date>`now()`)]));
}

/** One item visitors can see now, by kind and slug. */
export async function publishedBySlug(
  db: Kysely<DB>,
  regionId: string,
  lang: Lang,
  kind: ContentKind,
  slug: string,
): Promise<PublishedItem | undefined> {
  const row = await visible(db, regionId, lang)
    .where('kind', '=', kind)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row && toPublished(row);
}

export interface PublishedFilter {
  kind?: ContentKind;
  municipalityCode?: string;
  targetGroup?: TargetGroup;
  slugs?: readonly string[];
  limit: number;
  offset?: number;
}

/** Items visitors can see now, newest first (a malformed stored row is left out). */
export async function publishedList(
  db: Kysely<DB>,
  regionId: string,
  lang: Lang,
  filter: PublishedFilter,
): Promise<PublishedItem[]> {
  if (filter.slugs && filter.slugs.length === 0) return [];
  let query = visible(db, regionId, lang);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.municipalityCode) query = query.where('municipality_code', '=', filter.municipalityCode);
  if (filter.targetGroup)
    query = query.where(sql<boolean>`target_groups @> ARRAY[${filter.targetGroup}]::text[]`);
  if (filter.slugs) query = query.where('slug', 'in', [...filter.slugs]);
  const rows = await query
    .orderBy('published_at', 'desc')
    .orderBy('slug')
    .limit(Math.min(Math.max(filter.limit, 0), 500))
    .offset(Math.max(filter.offset ?? 0, 0))
    .execute();
  return rows.map(toPublished).filter((item): item is PublishedItem => item !== undefined);
}

/** How many items of a kind visitors can see now. */
export async function countPublished(
  db: Kysely<DB>,
  regionId: string,
  lang: Lang,
  filter: Omit<PublishedFilter, 'limit' | 'offset' | 'slugs'>,
): Promise<number> {
  let query = db
    .selectFrom('content_published')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('region_id', '=', regionId)
    .where('lang', '=', lang)
    .where('visible_from', '<=', sql<Date>`now()`)
    .where((eb) => eb.or([eb('visible_until', 'is', null), eb('visible_until', '>', sql<Date>`now()`)]));
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.municipalityCode) query = query.where('municipality_code', '=', filter.municipalityCode);
  if (filter.targetGroup)
    query = query.where(sql<boolean>`target_groups @> ARRAY[${filter.targetGroup}]::text[]`);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The sitemap's content pages: every visible item's kind, slug and last change, by keyset. */
export async function publishedForSitemap(
  db: Kysely<DB>,
  regionId: string,
  offset: number,
  limit: number,
): Promise<{ kind: ContentKind; slug: string; publishedAt: Date }[]> {
  const rows = await visible(db, regionId, 'sv')
    .orderBy('kind')
    .orderBy('slug')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.flatMap((r) =>
    isContentKind(r.kind) ? [{ kind: r.kind, slug: r.slug, publishedAt: r.published_at }] : [],
  );
}
