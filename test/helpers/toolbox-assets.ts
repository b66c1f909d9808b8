/**
 * The toolbox's assets for tests: a media-library photo with its largest JPEG rendition in the
 * app's storage (so a download sends real bytes), a photo asset over it, and a file asset (a small
 * real PDF) — written straight into the tables and the storage.
 */
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Config } from '../../src/platform/config.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { storageFor } from '../../src/platform/storage/index.ts';
import { renditionFile } from '../../src/modules/content/media/service.ts';
import { REGION } from './identity.ts';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A small real PDF (one empty page). */
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A Windows executable's first bytes ("MZ" and a DOS stub). */
export const EXE_BYTES = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200, 0x41)]);

export interface TestImage {
  id: string;
  slug: string;
  /** The JPEG bytes a download sends. */
  jpeg: Buffer;
}

/** A library photo (alt text both languages; a last day when given) with its widest JPEG stored. */
export async function createLibraryPhoto(
  db: Kysely<DB>,
  config: Config,
  options: { expiresOn?: string | null; photographer?: string; licence?: string; licenceUrl?: string } = {},
): Promise<TestImage> {
  const slug = `test-photo-${unique()}`;
  const hash = unique()
    .padEnd(10, '0')
    .slice(0, 10)
    .replace(/[^0-9a-f]/g, 'a');
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0b5563' } })
    .jpeg()
    .toBuffer();
  const prefix = `media/${REGION}/${slug}`;
  const row = await db
    .insertInto('media_images')
    .values({
      region_id: REGION,
      slug,
      kind: 'photo',
      alt_sv: 'En sjö i skymningen',
      alt_en: 'A lake at dusk',
      photographer: options.photographer ?? 'Anna Fotograf',
      licence: options.licence ?? 'CC BY 4.0',
      licence_url: options.licenceUrl ?? 'https://creativecommons.org/licenses/by/4.0/',
      source: '',
      source_url: '',
      expires_on: options.expiresOn ?? null,
      width: 1600,
      height: 1200,
      format: 'jpeg',
      bytes: jpeg.length,
      storage_prefix: prefix,
      file_hash: hash,
      widths: [480, 1600],
      uploaded_by: null,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await storageFor(config).put(`${prefix}/${renditionFile(1600, hash, 'jpeg')}`, jpeg, 'image/jpeg');
  return { id: row.id, slug, jpeg };
}

export interface TestAssetInput {
  status?: 'draft' | 'published' | 'withdrawn';
  title?: string;
  titleEn?: string;
  expiresOn?: string | null;
  topics?: string[];
  personas?: string[];
  uses?: string[];
}

/** A photo asset over a library image (published unless told). */
export async function createPhotoAsset(
  db: Kysely<DB>,
  imageId: string,
  input: TestAssetInput = {},
): Promise<string> {
  const row = await db
    .insertInto('toolbox_assets')
    .values({
      region_id: REGION,
      kind: 'photo',
      status: input.status ?? 'published',
      title_sv: input.title ?? `Sjön i skymningen ${unique()}`,
      title_en: input.titleEn ?? 'The lake at dusk',
      topics: input.topics ?? ['nature'],
      personas: input.personas ?? ['everyone'],
      permitted_uses: input.uses ?? ['web', 'social'],
      media_image_id: imageId,
      expires_on: input.expiresOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A file asset (a PDF document in the storage; published unless told). */
export async function createFileAsset(
  db: Kysely<DB>,
  config: Config,
  input: TestAssetInput & { kind?: 'document' | 'graphic-profile' | 'logo' } = {},
): Promise<string> {
  const key = `toolbox/${REGION}/test-${unique()}/file.pdf`;
  await storageFor(config).put(key, PDF_BYTES, 'application/pdf');
  const row = await db
    .insertInto('toolbox_assets')
    .values({
      region_id: REGION,
      kind: input.kind ?? 'document',
      status: input.status ?? 'published',
      title_sv: input.title ?? `Faktablad ${unique()}`,
      title_en: input.titleEn ?? 'Fact sheet',
      topics: input.topics ?? ['career'],
      personas: input.personas ?? ['everyone'],
      permitted_uses: input.uses ?? ['web', 'print'],
      file_key: key,
      file_name: 'file.pdf',
      content_type: 'application/pdf',
      bytes: PDF_BYTES.length,
      creator: 'Regionen',
      licence: 'CC0 1.0',
      expires_on: input.expiresOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The download log's rows of an asset. */
export async function downloadsOf(db: Kysely<DB>, assetId: string) {
  return db
    .selectFrom('toolbox_downloads')
    .select(['account_id', 'organisation_id', 'downloaded_at'])
    .where('region_id', '=', REGION)
    .where('asset_id', '=', assetId)
    .orderBy('downloaded_at')
    .execute();
}
