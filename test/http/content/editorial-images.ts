/**
 * Images in a test's media library for the editors' tests (HTTP and browser): a small generated
 * JPEG uploaded through the library's own upload, so it has renditions, alt text and a credit.
 */
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { accountActor } from '../../../src/platform/audit.ts';
import type { Config } from '../../../src/platform/config.ts';
import type { DB } from '../../../src/platform/db/schema.ts';
import { storageFor } from '../../../src/platform/storage/index.ts';
import { readForm, uploadImage } from '../../../src/modules/content/media/library.ts';
import { mediaLimits } from '../../../src/modules/content/media/module.ts';

export interface TestImage {
  slug: string;
  alt_sv: string;
  alt_en: string;
  photographer?: string;
  licence?: string;
  source?: string;
  expires_on?: string;
}

/** Uploads a 640×400 JPEG of one colour under `slug`; returns the image's id. */
export async function addImage(
  db: Kysely<DB>,
  config: Config,
  regionId: string,
  accountId: string,
  image: TestImage,
  colour = '#3a6ea5',
): Promise<string> {
  const file = await sharp({ create: { width: 640, height: 400, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
  const result = await uploadImage(
    { db, storage: storageFor(config), limits: mediaLimits(config) },
    { regionId, actor: accountActor(accountId), accountId, organisationId: null, canApprove: true },
    { values: readForm({ ...image }), file, fileTooLarge: false },
  );
  if (result.kind !== 'done') throw new Error(`test image ${image.slug}: ${JSON.stringify(result)}`);
  return result.id;
}
