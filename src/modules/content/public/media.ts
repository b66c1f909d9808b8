/**
 * The public pages' seam to the media library (content/media) and the rich-text renderer: the
 * pictures of a set of items by slug, a <picture> for one, the og:image of a page, and an item's
 * text as HTML. The views call only these.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { SafeHtml } from '../../../platform/html/html.ts';
import type { PageImage } from '../../../platform/html/layout.ts';
import type { RichDoc } from '../../../platform/html/rich-doc.ts';
import { imageSlugs, renderRichText } from '../../../platform/html/richtext.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import {
  imagesBySlug,
  imageUrl,
  pictureHtml,
  type MediaImage,
  type PictureOptions,
} from '../media/service.ts';

export type PublicImage = MediaImage;
export type ImageMap = Map<string, PublicImage>;

/** The library's images of `slugs` that may be shown to visitors (alt text in both languages). */
export async function imagesFor(
  db: Kysely<DB>,
  regionId: string,
  slugs: readonly (string | null)[],
): Promise<ImageMap> {
  const wanted = [...new Set(slugs.filter((s): s is string => !!s))];
  if (wanted.length === 0) return new Map();
  const found = await imagesBySlug(db, regionId, wanted);
  return new Map([...found].filter(([, image]) => image.usable));
}

/** A responsive picture of a library image with its alt text and its credit under it. */
export function picture(image: PublicImage, lang: Lang, opts: PictureOptions): SafeHtml {
  return pictureHtml(image, lang, opts);
}

/** The page's og:image: the image's 1200-wide JPEG rendition (an illustration: its SVG is no use). */
export function ogImage(image: PublicImage, lang: Lang): PageImage | undefined {
  if (image.widths.length === 0) return undefined;
  const width = image.widths.find((w) => w >= 1200) ?? image.widths[image.widths.length - 1] ?? image.width;
  return {
    url: imageUrl(image, 1200, 'jpeg'),
    alt: image.alt[lang],
    width,
    height: Math.round((image.height / image.width) * width),
  };
}

/** An item's text; its images from `images` (left out when missing). */
export function richText(
  doc: RichDoc,
  lang: Lang,
  images: ImageMap,
  options: { preview?: boolean } = {},
): SafeHtml {
  return renderRichText(doc, {
    image: (slug, caption) => {
      const image = images.get(slug);
      return image
        ? pictureHtml(image, lang, {
            sizes: '(min-width: 60rem) 44rem, 100vw',
            loading: 'lazy',
            caption,
            flagExpired: options.preview,
          })
        : undefined;
    },
  });
}

/** The image slugs a text shows. */
export function textImageSlugs(doc: RichDoc): string[] {
  return imageSlugs(doc);
}
