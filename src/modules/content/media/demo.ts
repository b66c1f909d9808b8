/**
 * The library's shipped images: the nine demo photographs (demo/*.jpg with demo/credits.json, from
 * SOURCES.md) imported at demo seed, and the SVG illustrations the content demo ships, imported by
 * `importIllustration`. Both are idempotent: an image already stored (its row and its files) is
 * left alone, so a restart does not process anything again.
 *
 * SVG is accepted only here, from files inside the application's own source tree — never from an
 * upload — and is served as it is, with a CSP sandbox (routes.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../../platform/db/schema.ts';
import { CONTENT_TYPES, processImage, type ImageLimits } from '../../../platform/images/index.ts';
import type { Storage } from '../../../platform/storage/index.ts';
import { imageKeys, prefixOf, storeRenditions } from './library.ts';
import {
  imageById,
  imageIdForSlug,
  insertImage,
  updateImageFiles,
  type ImageFiles,
  type ImageValues,
} from './repository.ts';
import { illustrationFile, type Localised } from './service.ts';

const DEMO_DIR = fileURLToPath(new URL('./demo/', import.meta.url));
/** Shipped files live under the application's own tree (src/ or dist/). */
const APP_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface DemoPhoto {
  slug: string;
  alt: Localised;
  caption?: Localised;
  photographer: string;
  source: string;
  sourceUrl: string;
  licence: string;
  licenceUrl: string;
}

export function demoPhotos(): DemoPhoto[] {
  const data = JSON.parse(readFileSync(path.join(DEMO_DIR, 'credits.json'), 'utf8')) as {
    photos: DemoPhoto[];
  };
  return data.photos;
}

export const DEMO_PHOTO_SLUGS = demoPhotos().map((p) => p.slug);

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);

/** Whether the image under `slug` is stored: its row and every one of its files. */
async function stored(db: Kysely<DB>, storage: Storage, regionId: string, slug: string, hash: string) {
  const id = await imageIdForSlug(db, regionId, slug);
  const row = id ? await imageById(db, regionId, id) : undefined;
  if (!row) return { id: undefined, complete: false };
  if (row.file_hash !== hash) return { id: row.id, complete: false };
  for (const key of imageKeys(row)) if (!(await storage.exists(key))) return { id: row.id, complete: false };
  return { id: row.id, complete: true };
}

/** Writes (or rewrites) one shipped image's row: a new row, or new files for an existing one. */
async function saveShipped(
  db: Kysely<DB>,
  regionId: string,
  id: string | undefined,
  newId: string,
  values: ImageValues,
  files: ImageFiles,
): Promise<void> {
  if (id) await updateImageFiles(db, regionId, id, files);
  else await insertImage(db, regionId, { id: newId, ...values, ...files, demo: true, uploaded_by: null });
}

function values(slug: string, alt: Localised, credit: Partial<DemoPhoto>, caption?: Localised): ImageValues {
  return {
    slug,
    alt_sv: alt.sv,
    alt_en: alt.en,
    caption_sv: caption?.sv ?? '',
    caption_en: caption?.en ?? '',
    photographer: credit.photographer ?? '',
    licence: credit.licence ?? '',
    licence_url: credit.licenceUrl ?? '',
    source: credit.source ?? '',
    source_url: credit.sourceUrl ?? '',
    expires_on: null,
  };
}

/** The nine demo photographs into the region's library (slugs = file names); skips what is stored. */
export async function importDemoPhotos(
  db: Kysely<DB>,
  storage: Storage,
  regionId: string,
  limits: ImageLimits,
  logger?: Logger,
  only?: readonly string[],
): Promise<number> {
  let imported = 0;
  for (const photo of demoPhotos().filter((p) => !only || only.includes(p.slug))) {
    const bytes = readFileSync(path.join(DEMO_DIR, `${photo.slug}.jpg`));
    const hash = hashOf(bytes);
    const state = await stored(db, storage, regionId, photo.slug, hash);
    if (state.complete) continue;
    const processed = await processImage(bytes, limits);
    if (!processed.ok) throw new Error(`demo photo ${photo.slug}: ${processed.reason}`);
    const id = state.id ?? randomUUID();
    const prefix = prefixOf(regionId, id);
    await storeRenditions(storage, prefix, hash, processed.renditions);
    const files: ImageFiles = {
      kind: 'photo',
      width: processed.width,
      height: processed.height,
      format: processed.type,
      bytes: bytes.length,
      storage_prefix: prefix,
      file_hash: hash,
      widths: [...new Set(processed.renditions.map((r) => r.width))],
    };
    await saveShipped(db, regionId, state.id, id, values(photo.slug, photo.alt, photo, photo.caption), files);
    imported += 1;
  }
  if (imported > 0) logger?.info({ regionId, imported }, 'demo photographs imported into the media library');
  return imported;
}

export interface IllustrationCredit {
  photographer?: string;
  licence?: string;
  licenceUrl?: string;
  source?: string;
  sourceUrl?: string;
}

/** The size an SVG declares (width/height, else its viewBox), rounded; 1200×800 when it says none. */
function svgSize(text: string): { width: number; height: number } {
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0] ?? '';
  const attr = (name: string) =>
    Number(new RegExp(`\\s${name}="([\\d.]+)(px)?"`).exec(tag)?.[1] ?? Number.NaN);
  const box = /viewBox="[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(tag);
  const width = attr('width') || Number(box?.[1]) || 1200;
  const height = attr('height') || Number(box?.[2]) || 800;
  return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
}

/**
 * One SVG illustration the application ships (`file`: a path or file URL inside its own source tree) into the
 * region's library as `slug`; a string credit names its maker. Returns the image's id.
 */
export async function importIllustration(
  db: Kysely<DB>,
  storage: Storage,
  regionId: string,
  spec: {
    slug: string;
    file: string | URL;
    alt: Localised;
    credit: string | IllustrationCredit;
    caption?: Localised;
  },
): Promise<string> {
  const file = path.resolve(spec.file instanceof URL ? fileURLToPath(spec.file) : spec.file);
  if (!file.startsWith(path.resolve(APP_ROOT) + path.sep) || !file.endsWith('.svg')) {
    throw new Error(
      `an illustration must be an .svg file shipped with the application: ${String(spec.file)}`,
    );
  }
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  if (!/<svg\b/i.test(text.slice(0, 2000))) throw new Error(`not an SVG file: ${String(spec.file)}`);
  const hash = hashOf(bytes);
  const state = await stored(db, storage, regionId, spec.slug, hash);
  if (state.complete && state.id) return state.id;
  const old = state.id ? await imageById(db, regionId, state.id) : undefined;
  const id = state.id ?? randomUUID();
  const prefix = prefixOf(regionId, id);
  await storage.put(`${prefix}/${illustrationFile(hash)}`, bytes, CONTENT_TYPES.svg);
  const credit = typeof spec.credit === 'string' ? { photographer: spec.credit } : spec.credit;
  const files: ImageFiles = {
    kind: 'illustration',
    ...svgSize(text),
    format: 'svg',
    bytes: bytes.length,
    storage_prefix: prefix,
    file_hash: hash,
    widths: [],
  };
  await saveShipped(db, regionId, state.id, id, values(spec.slug, spec.alt, credit, spec.caption), files);
  if (old && old.file_hash !== hash) for (const key of imageKeys(old)) await storage.delete(key);
  return id;
}
