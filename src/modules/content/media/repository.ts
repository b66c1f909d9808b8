/** The media_images table: every query of the media library, each scoped by region. */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, MediaImagesTable } from '../../../platform/db/schema.ts';

export type ImageRow = Omit<Selectable<MediaImagesTable>, 'expires_on'> & {
  expires_on: string | null;
  /** Past its last day of use (Swedish time). */
  expired: boolean;
};

export interface ImageValues {
  slug: string;
  alt_sv: string;
  alt_en: string;
  caption_sv: string;
  caption_en: string;
  photographer: string;
  licence: string;
  licence_url: string;
  source: string;
  source_url: string;
  expires_on: string | null;
}

export interface ImageFiles {
  kind: 'photo' | 'illustration';
  width: number;
  height: number;
  format: MediaImagesTable['format'];
  bytes: number;
  storage_prefix: string;
  file_hash: string;
  widths: number[];
}

type Db = Kysely<DB> | Transaction<DB>;

const TODAY = sql`(now() AT TIME ZONE 'Europe/Stockholm')::date`;

function selectImages(db: Db, regionId: string) {
  return db
    .selectFrom('media_images')
    .selectAll()
    .select([
      sql<string | null>`to_char(expires_on, 'YYYY-MM-DD')`.as('expires_on'),
      sql<boolean>`coalesce(expires_on < ${TODAY}, false)`.as('expired'),
    ])
    .where('region_id', '=', regionId);
}

export async function imageById(db: Db, regionId: string, id: string): Promise<ImageRow | undefined> {
  return selectImages(db, regionId).where('id', '=', id).executeTakeFirst();
}

export async function imagesWithIds(db: Db, regionId: string, ids: readonly string[]): Promise<ImageRow[]> {
  if (ids.length === 0) return [];
  return selectImages(db, regionId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

export async function imagesWithSlugs(
  db: Db,
  regionId: string,
  slugs: readonly string[],
): Promise<ImageRow[]> {
  if (slugs.length === 0) return [];
  return selectImages(db, regionId)
    .where('slug', 'in', [...new Set(slugs)])
    .execute();
}

/** The newest first; `q` matches slug, alt texts, captions, photographer and source (any case). */
export async function searchImages(db: Db, regionId: string, q: string, limit: number): Promise<ImageRow[]> {
  let query = selectImages(db, regionId);
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or(
        (['slug', 'alt_sv', 'alt_en', 'caption_sv', 'caption_en', 'photographer', 'source'] as const).map(
          (column) => eb(column, 'ilike', pattern),
        ),
      ),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('slug').limit(limit).execute();
}

/** Images that may be placed on a page: alt text in both languages. */
export async function usableImages(db: Db, regionId: string): Promise<ImageRow[]> {
  return selectImages(db, regionId)
    .where('alt_sv', '<>', '')
    .where('alt_en', '<>', '')
    .orderBy('slug')
    .execute();
}

export async function imageIdForSlug(db: Db, regionId: string, slug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('media_images')
    .select('id')
    .where('region_id', '=', regionId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.id;
}

export async function insertImage(
  db: Db,
  regionId: string,
  values: ImageValues &
    ImageFiles & {
      id?: string;
      demo: boolean;
      uploaded_by: string | null;
      /** The employer organisation the image belongs to (null or absent: the region's). */
      organisation_id?: string | null;
    },
): Promise<string> {
  const row = await db
    .insertInto('media_images')
    .values({ region_id: regionId, ...values, updated_by: values.uploaded_by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateImageValues(
  db: Db,
  regionId: string,
  id: string,
  values: ImageValues,
  accountId: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('media_images')
    .set({ ...values, updated_by: accountId, updated_at: sql<Date>`now()` })
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function updateImageFiles(
  db: Db,
  regionId: string,
  id: string,
  files: ImageFiles,
): Promise<void> {
  await db
    .updateTable('media_images')
    .set({ ...files, updated_at: sql<Date>`now()` })
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .execute();
}

export async function deleteImageRow(db: Db, regionId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('media_images')
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The region ids (the demo photographs go into each region's library). */
export async function regionIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('regions').select('id').orderBy('id').execute()).map((r) => r.id);
}
