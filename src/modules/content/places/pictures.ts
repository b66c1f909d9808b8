/**
 * The place pages' pictures, from the media library (content/media): one place that names what
 * the pages use of it — images by slug and their responsive <picture> (AVIF/WebP/JPEG srcset,
 * width and height, credit) — so the views never reach into the library's internals.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { SafeHtml } from '../../../platform/html/html.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { imagesBySlug, pictureHtml, type MediaImage, type PictureOptions } from '../media/service.ts';

export type PlaceImage = MediaImage;

/** sizes of the hero picture: the layout's width (72rem) less its gutters. */
export const HERO_SIZES = '(min-width: 72rem) 68rem, calc(100vw - 2rem)';
/** sizes of a picture in the text column. */
export const TEXT_SIZES = '(min-width: 64rem) 46rem, calc(100vw - 2rem)';
/** sizes of a card's picture: one column on phones, two or three on wider screens. */
export const CARD_SIZES = '(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, calc(100vw - 2rem)';

/** The images of these slugs that may be shown (a missing or unusable one is left out). */
export async function loadImages(
  db: Kysely<DB>,
  regionId: string,
  slugs: readonly string[],
): Promise<Map<string, PlaceImage>> {
  const wanted = [...new Set(slugs.filter(Boolean))];
  if (!wanted.length) return new Map();
  const found = await imagesBySlug(db, regionId, wanted);
  return new Map([...found].filter(([, image]) => image.usable));
}

export function picture(image: PlaceImage, lang: Lang, opts: PictureOptions): SafeHtml {
  return pictureHtml(image, lang, opts);
}
