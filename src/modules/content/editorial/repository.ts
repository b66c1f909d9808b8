/**
 * The editors' own SQL (the rest is the content store's): the back-office list with its filters
 * and paging, the slugs a path may list, the scheduler's questions, and the last comment an item
 * was sent back with (from its audit event).
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import {
  isContentData,
  isContentKind,
  type ContentData,
  type ContentKind,
  type ContentStatus,
} from '../model.ts';

/** Who may see what: everything, or one municipality's place pages and stories. */
export type Scope = { all: true } | { all: false; municipalityCode: string | null };

export const SCOPED_KINDS: readonly ContentKind[] = ['place', 'story'];

export interface ListFilter {
  kind?: ContentKind;
  status?: ContentStatus;
  municipalityCode?: string;
  /** Only items waiting for review. */
  review?: boolean;
  offset: number;
  limit: number;
}

export interface ListRow {
  id: string;
  kind: ContentKind;
  slug: string;
  municipalityCode: string | null;
  status: ContentStatus;
  version: number;
  publishedVersion: number | null;
  publishAt: Date | null;
  scheduled: { version: number; at: Date } | null;
  updatedBy: string | null;
  updatedAt: Date;
  data: ContentData | null;
}

function listQuery(
  db: Kysely<DB>,
  regionId: string,
  scope: Scope,
  filter: Omit<ListFilter, 'offset' | 'limit'>,
) {
  let query = db
    .selectFrom('content_items as i')
    .innerJoin('content_versions as v', (join) =>
      join
        .onRef('v.region_id', '=', 'i.region_id')
        .onRef('v.item_id', '=', 'i.id')
        .onRef('v.version', '=', 'i.version'),
    )
    .where('i.region_id', '=', regionId);
  if (!scope.all) {
    query = query.where('i.kind', 'in', [...SCOPED_KINDS]);
    query = scope.municipalityCode
      ? query.where('i.municipality_code', '=', scope.municipalityCode)
      : query.where(sql<boolean>`false`);
  }
  if (filter.kind) query = query.where('i.kind', '=', filter.kind);
  if (filter.status) query = query.where('i.status', '=', filter.status);
  if (filter.review) query = query.where('i.status', '=', 'review');
  if (filter.municipalityCode) query = query.where('i.municipality_code', '=', filter.municipalityCode);
  return query;
}

export async function listItems(
  db: Kysely<DB>,
  regionId: string,
  scope: Scope,
  filter: ListFilter,
): Promise<{ rows: ListRow[]; total: number }> {
  const base = listQuery(db, regionId, scope, filter);
  const [rows, count] = await Promise.all([
    base
      .select([
        'i.id',
        'i.kind',
        'i.slug',
        'i.municipality_code',
        'i.status',
        'i.version',
        'i.published_version',
        'i.publish_at',
        'i.scheduled_version',
        'i.scheduled_at',
        'i.updated_by',
        'i.updated_at',
        'v.data',
      ])
      .orderBy('i.updated_at', 'desc')
      .orderBy('i.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    rows: rows.flatMap((r): ListRow[] =>
      isContentKind(r.kind)
        ? [
            {
              id: r.id,
              kind: r.kind,
              slug: r.slug,
              municipalityCode: r.municipality_code,
              status: r.status as ContentStatus,
              version: r.version,
              publishedVersion: r.published_version,
              publishAt: r.publish_at,
              scheduled:
                r.scheduled_version !== null && r.scheduled_at !== null
                  ? { version: r.scheduled_version, at: r.scheduled_at }
                  : null,
              updatedBy: r.updated_by,
              updatedAt: r.updated_at,
              data: isContentData(r.kind, r.data) ? r.data : null,
            },
          ]
        : [],
    ),
  };
}

/** Every item's slug of the kinds a path may list, sorted. */
export async function slugsByKind(
  db: Kysely<DB>,
  regionId: string,
): Promise<Record<'place' | 'guide' | 'story', string[]>> {
  const rows = await db
    .selectFrom('content_items')
    .select(['kind', 'slug'])
    .where('region_id', '=', regionId)
    .where('kind', 'in', ['place', 'guide', 'story'])
    .orderBy('slug')
    .execute();
  const out: Record<'place' | 'guide' | 'story', string[]> = { place: [], guide: [], story: [] };
  for (const r of rows)
    if (r.kind === 'place' || r.kind === 'guide' || r.kind === 'story') out[r.kind].push(r.slug);
  return out;
}

/** Marks an item as noted live (at approval for "now", by the scheduler otherwise), or not yet. */
export async function setWentLive(
  trx: Kysely<DB>,
  regionId: string,
  itemId: string,
  at: Date | null,
): Promise<void> {
  await trx
    .updateTable('content_items')
    .set({ went_live_at: at })
    .where('region_id', '=', regionId)
    .where('id', '=', itemId)
    .execute();
}

/** Sets an item's status (the workflow's steps that save no version), guarded by its version. */
export async function setStatus(
  trx: Kysely<DB>,
  regionId: string,
  itemId: string,
  status: ContentStatus,
  accountId: string | null,
): Promise<void> {
  await trx
    .updateTable('content_items')
    .set({ status, updated_by: accountId, updated_at: sql`now()` })
    .where('region_id', '=', regionId)
    .where('id', '=', itemId)
    .execute();
}

/** Locks an item's row for the rest of the transaction (a workflow step reads, then writes). */
export async function lockItem(trx: Kysely<DB>, regionId: string, itemId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('content_items')
    .select('id')
    .where('region_id', '=', regionId)
    .where('id', '=', itemId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export interface DueItem {
  regionId: string;
  id: string;
  slug: string;
  kind: string;
  publishAt: Date | null;
}

type DueColumn = 'publish_at' | 'scheduled_at' | 'unpublish_at';

/**
 * Live items whose `column` minute has come by `by` (the database's now() when not given), oldest
 * first, locked and skipping others' — the schedule's three kinds of work.
 */
async function dueItems(
  trx: Kysely<DB>,
  column: DueColumn,
  by: Date | undefined,
  limit: number,
  notYetLive = false,
): Promise<DueItem[]> {
  let query = trx
    .selectFrom('content_items')
    .select(['region_id', 'id', 'slug', 'kind', 'publish_at', 'scheduled_at'])
    .where('published_version', 'is not', null)
    .where(column, '<=', by ?? sql<Date>`now()`);
  if (notYetLive) query = query.where('went_live_at', 'is', null);
  const rows = await query.orderBy(column).limit(limit).forUpdate().skipLocked().execute();
  return rows.map((r) => ({
    regionId: r.region_id,
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    publishAt: column === 'scheduled_at' ? r.scheduled_at : r.publish_at,
  }));
}

/** Items whose scheduled minute has come and that were not yet noted live. */
export const dueLive = (trx: Kysely<DB>, limit = 100) => dueItems(trx, 'publish_at', undefined, limit, true);

/** Live items whose scheduled new version's minute has come by `now`. */
export const dueSwap = (trx: Kysely<DB>, now: Date, limit = 100) => dueItems(trx, 'scheduled_at', now, limit);

/** Items on the site whose unpublish time has passed. */
export const dueDown = (trx: Kysely<DB>, limit = 100) => dueItems(trx, 'unpublish_at', undefined, limit);

/** The comment the item was last sent back with, and when (its audit event), if any. */
export async function lastReturn(
  db: Kysely<DB>,
  regionId: string,
  itemId: string,
): Promise<{ comment: string; actorId: string | null; at: Date } | undefined> {
  const row = await db
    .selectFrom('audit_events')
    .select(['data', 'actor_id', 'at'])
    .where('region_id', '=', regionId)
    .where('subject_type', '=', 'content')
    .where('subject_id', '=', itemId)
    .where('action', 'in', ['content.returned', 'content.submitted', 'content.approved'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const data = row.data as Record<string, unknown>;
  if (typeof data.comment !== 'string') return undefined;
  return { comment: data.comment, actorId: row.actor_id, at: row.at };
}

type UsageFrom = DB & { i: DB['content_items']; v: DB['content_versions'] };

/** Whether a version's data (jsonb, by its SQL alias) shows the image: hero or an image line in a text. */
function showsImage(data: string, slug: string) {
  const column = sql.ref(data);
  return sql<boolean>`(${column} ->> 'heroImage' = ${slug} or jsonb_path_exists(${column}, '$.body.*.blocks[*] ? (@.t == "image" && @.image == $s)', jsonb_build_object('s', ${slug}::text)))`;
}

/**
 * Where a media-library image is used: the items whose latest version or published version (what
 * visitors see, which may be an older one) shows it — hero image or an image line in either
 * language's text — with their title and back-office address, for the media library's "used on"
 * (its setMediaUsageLookup): an image a visitor sees is never reported unused.
 */
export async function mediaUsageOf(
  db: Kysely<DB>,
  regionId: string,
  slug: string,
): Promise<{ title: string; href: string }[]> {
  // The version visitors see (or will at its scheduled minute) shows it.
  const shownToVisitors = (eb: ExpressionBuilder<UsageFrom, 'i' | 'v'>) =>
    eb
      .selectFrom('content_published as p')
      .select('p.item_id')
      .whereRef('p.region_id', '=', 'i.region_id')
      .whereRef('p.item_id', '=', 'i.id')
      .where((pb) => pb.or([pb('p.hero_image', '=', slug), showsImage('p.data', slug)]));
  const rows = await db
    .selectFrom('content_items as i')
    .innerJoin('content_versions as v', (join) =>
      join
        .onRef('v.region_id', '=', 'i.region_id')
        .onRef('v.item_id', '=', 'i.id')
        .onRef('v.version', '=', 'i.version'),
    )
    .select((eb) => [
      'i.id',
      'i.slug',
      sql<string>`coalesce(nullif(v.data #>> '{title,sv}', ''), v.data #>> '{title,en}')`.as('title'),
      eb.exists(shownToVisitors(eb)).as('live'),
    ])
    .where('i.region_id', '=', regionId)
    .where((eb) => eb.or([showsImage('v.data', slug), eb.exists(shownToVisitors(eb))]))
    .orderBy('i.slug')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    title: r.title || r.slug,
    href: `/admin/content/${r.id}`,
    live: Boolean(r.live),
  }));
}

/** Deletes an item with its versions (and published rows, none for an item that may be deleted). */
export async function deleteItemRow(trx: Kysely<DB>, regionId: string, itemId: string): Promise<void> {
  await trx
    .deleteFrom('content_published')
    .where('region_id', '=', regionId)
    .where('item_id', '=', itemId)
    .execute();
  await trx.deleteFrom('content_items').where('region_id', '=', regionId).where('id', '=', itemId).execute();
}

/** Removes facts from an item's audit events (a deleted story's title, address and comments name a person). */
export async function scrubItemAudit(
  trx: Kysely<DB>,
  regionId: string,
  itemId: string,
  facts: readonly string[],
): Promise<void> {
  await trx
    .updateTable('audit_events')
    .set({ data: sql`data - ${sql.val([...facts])}::text[]` })
    .where('region_id', '=', regionId)
    .where('subject_type', '=', 'content')
    .where('subject_id', '=', itemId)
    .execute();
}

/**
 * Takes a story's slug out of every path's list of stories, in each version and in what visitors
 * see: a deleted story's address names its person, and a later story under the same address must
 * not appear on a path no editor put it on.
 */
export async function forgetStoryOnPaths(trx: Kysely<DB>, regionId: string, slug: string): Promise<void> {
  const without = (column: string) =>
    sql<string>`jsonb_set(${sql.ref(column)}, '{path,stories}', coalesce((select jsonb_agg(s) from jsonb_array_elements(${sql.ref(column)} #> '{path,stories}') as s where s <> to_jsonb(${slug}::text)), '[]'::jsonb))`;
  const lists = (column: string) => sql<boolean>`(${sql.ref(column)} #> '{path,stories}') ? ${slug}`;
  await trx
    .updateTable('content_versions')
    .set({ data: without('data') })
    .where('region_id', '=', regionId)
    .where(lists('data'))
    .execute();
  await trx
    .updateTable('content_published')
    .set({ data: without('data') })
    .where('region_id', '=', regionId)
    .where('kind', '=', 'path')
    .where(lists('data'))
    .execute();
}
