/**
 * The place pages' pictures, from the media library (content/media): one place that names what
 * the pages use of it — images by slug and their responsive <picture> with credit — so the views
 * never reach into the library's internals.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import type { Lang } from '../../../platform/i18n/index.ts';

/**
 * INTERIM until the media library (branch `media`) is merged: its MediaImage, imagesBySlug and
 * pictureHtml take the place of these three. Until then no image is found, so pages show their
 * plain hero and placeholders.
 */
export interface PlaceImage {
  slug: string;
  width: number;
  height: number;
}
const imagesBySlug = async (_db: Kysely<DB>, _regionId: string, _slugs: string[]) =>
  new Map<string, PlaceImage>();
const pictureHtml = (_image: PlaceImage, _lang: Lang, _opts: object): SafeHtml => html``;

/** sizes for a picture across the page's text column (max 72rem wide layout). */
export const HERO_SIZES = '(min-width: 72rem) 72rem, 100vw';
/** sizes for a picture inside the text column. */
export const TEXT_SIZES = '(min-width: 48rem) 44rem, calc(100vw - 2rem)';
/** sizes for a card's picture: one column on phones, three on wide screens. */
export const CARD_SIZES = '(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, calc(100vw - 2rem)';

export function loadImages(
  db: Kysely<DB>,
  regionId: string,
  slugs: readonly string[],
): Promise<Map<string, PlaceImage>> {
  const wanted = [...new Set(slugs.filter(Boolean))];
  return wanted.length ? imagesBySlug(db, regionId, wanted) : Promise.resolve(new Map());
}

export function picture(
  image: PlaceImage,
  lang: Lang,
  opts: { sizes: string; loading: 'lazy' | 'eager'; credit?: boolean; cls?: string },
): SafeHtml {
  return pictureHtml(image, lang, opts);
}
