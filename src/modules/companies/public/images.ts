/**
 * The company pages' pictures from the media library (content/media/service.ts): images by slug
 * (only those with alt text in both languages may be shown), a logo as a plain <img>, a photo as
 * the library's <figure><picture> with its credit, and a page's og:image.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import type { PageImage } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import {
  imagesBySlug,
  imageUrl,
  pictureHtml,
  type MediaImage,
  type PictureOptions,
} from '../../content/media/service.ts';

export type CompanyImage = MediaImage;
export type ImageMap = ReadonlyMap<string, CompanyImage>;

/** sizes of a card's picture: one column on phones, two or three on wider screens. */
export const CARD_SIZES = '(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, calc(100vw - 2rem)';
/** sizes of the hero photograph (the layout's width less its gutters). */
export const HERO_SIZES = '(min-width: 72rem) 68rem, calc(100vw - 2rem)';
/** sizes of a photograph in the page's gallery (two or three a row). */
export const GALLERY_SIZES = '(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, calc(100vw - 2rem)';

/** The library's images of these slugs that may be shown (a missing or unusable one is left out). */
export async function loadImages(
  db: Kysely<DB>,
  regionId: string,
  slugs: readonly (string | null | undefined)[],
): Promise<ImageMap> {
  const wanted = [...new Set(slugs.filter((s): s is string => !!s))];
  if (wanted.length === 0) return new Map();
  const found = await imagesBySlug(db, regionId, wanted);
  return new Map([...found].filter(([, image]) => image.usable));
}

/** A logo's file: an illustration's SVG, else a WebP rendition (logos are small; WebP keeps alpha). */
export function logoSource(image: CompanyImage): { src: string; width: number; height: number } {
  return { src: imageUrl(image, 320, 'webp'), width: image.width, height: image.height };
}

/**
 * A logo as an <img>: decorative (alt="") where the company's name is next to it, which is
 * everywhere the pages show one; its size from the library, so nothing shifts as it loads.
 */
export function logoHtml(image: CompanyImage, cls: string, loading: 'lazy' | 'eager' = 'lazy'): SafeHtml {
  const { src, width, height } = logoSource(image);
  return html`<img class="${cls}" src="${src}" alt="" width="${width}" height="${height}" loading="${loading}" decoding="async">`;
}

export function picture(image: CompanyImage, lang: Lang, opts: PictureOptions): SafeHtml {
  return pictureHtml(image, lang, opts);
}

/** The absolute URL of an image for JSON-LD: a raster's 600-wide JPEG, an illustration's SVG. */
export function absoluteImageUrl(origin: string, image: CompanyImage): string {
  return origin + imageUrl(image, 600, 'jpeg');
}

/** A page's og:image: a photograph's 1200-wide JPEG (an SVG is of no use to the sites that read it). */
export function ogImage(image: CompanyImage | undefined, lang: Lang): PageImage | undefined {
  if (!image || image.widths.length === 0) return undefined;
  const width = image.widths.find((w) => w >= 1200) ?? image.widths[image.widths.length - 1] ?? image.width;
  return {
    url: imageUrl(image, 1200, 'jpeg'),
    alt: image.alt[lang],
    width,
    height: Math.round((image.height / image.width) * width),
  };
}
