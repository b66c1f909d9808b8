/**
 * The public pages' seam to the media library and the rich-text renderer (owned by `media` and
 * `richtext`): the pictures of a set of items by slug, a <picture> for one, the og:image of a page,
 * and an item's text as HTML. The views call only these.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import type { PageImage } from '../../../platform/html/layout.ts';
import type { Inline, RichDoc } from '../../../platform/html/rich-doc.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Localised } from '../model.ts';

/** What the pages need of a library image (media's MediaImage has these and more). */
export interface PublicImage {
  slug: string;
  width: number;
  height: number;
  alt: Localised;
  credit: Localised;
}

export type ImageMap = Map<string, PublicImage>;

/** The library's images of `slugs` (unknown, unusable or expired ones are left out). */
export async function imagesFor(
  _db: Kysely<DB>,
  _regionId: string,
  _slugs: readonly (string | null)[],
): Promise<ImageMap> {
  return new Map();
}

export interface PictureOptions {
  sizes: string;
  loading: 'lazy' | 'eager';
  credit?: boolean;
  cls?: string;
}

/** A responsive picture of a library image with its alt text (and its credit under it). */
export function picture(image: PublicImage, lang: Lang, opts: PictureOptions): SafeHtml {
  return html`<img class="${opts.cls ?? ''}" src="" alt="${image.alt[lang]}" width="${image.width}" height="${image.height}" loading="${opts.loading}">`;
}

/** The page's og:image: the image's 1200-wide JPEG rendition. */
export function ogImage(image: PublicImage, lang: Lang): PageImage {
  return {
    url: '',
    alt: image.alt[lang],
    width: 1200,
    height: Math.round((image.height / image.width) * 1200),
  };
}

function inline(nodes: readonly Inline[]): SafeHtml[] {
  return nodes.map((n) => {
    if (n.t === 'text') return html`${n.v}`;
    if (n.t === 'strong') return html`<strong>${inline(n.c)}</strong>`;
    if (n.t === 'em') return html`<em>${inline(n.c)}</em>`;
    return html`${inline(n.c)}`;
  });
}

/** An item's text; its images from `images` (left out when missing). */
export function richText(doc: RichDoc, lang: Lang, images: ImageMap): SafeHtml {
  return html`${doc.blocks.map((b) => {
    if (b.t === 'image') {
      const image = images.get(b.image);
      return image
        ? picture(image, lang, { sizes: '(min-width: 48rem) 44rem, 100vw', loading: 'lazy', credit: true })
        : '';
    }
    if ('items' in b) {
      const items = b.items.map((item) => html`<li>${inline(item)}</li>`);
      return b.t === 'ul' ? html`<ul>${items}</ul>` : html`<ol>${items}</ol>`;
    }
    if (b.t === 'h2') return html`<h2>${inline(b.c)}</h2>`;
    if (b.t === 'h3') return html`<h3>${inline(b.c)}</h3>`;
    return html`<p>${inline(b.c)}</p>`;
  })}`;
}

/** The image slugs a text shows. */
export function textImageSlugs(doc: RichDoc): string[] {
  return doc.blocks.flatMap((b) => (b.t === 'image' ? [b.image] : []));
}
