/**
 * What the rest of the site uses of the media library (plain values in and out):
 *
 *   imagesBySlug(db, regionId, slugs)   the library's images by slug (MediaImage)
 *   pictureHtml(image, lang, opts)      <figure><picture> with AVIF/WebP/JPEG srcsets, width and
 *                                       height, alt text in the page's language, the credit in a
 *                                       figcaption; an expired image carries data-media-expired
 *                                       (and, with flagExpired, says so in words for editors)
 *   imageUrl(image, width, format)      the site path of the rendition at least `width` wide (else
 *                                       the widest): og:image takes imageUrl(image, 1200, 'jpeg')
 *   usableImages / mediaPicker          the editors' image choice: a select of the images that have
 *                                       alt text in both languages
 *   setMediaUsageLookup(fn | fns)       the content module tells where a slug is used: its items
 *   addMediaUsageLookup(fn)             …and another module adds its own (the company pages)
 *                                       and the pages with fixed pictures (the home page's heroes);
 *                                       the image's page lists them, and an image in use cannot be
 *                                       deleted or renamed
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { selectField, type FieldBase } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { safeHref } from '../../../platform/html/links.ts';
import { isUuid } from '../../../platform/http/params.ts';
import { EXTENSIONS, RENDITION_FORMATS, type RenditionFormat } from '../../../platform/images/index.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { mediaMessages } from './messages.ts';
import { imagesWithIds, imagesWithSlugs, usableImages as usableRows, type ImageRow } from './repository.ts';

export type Localised<T = string> = { sv: T; en: T };

export interface MediaImage {
  id: string;
  slug: string;
  kind: 'photo' | 'illustration';
  width: number;
  height: number;
  alt: Localised;
  caption: Localised;
  photographer: string;
  licence: string;
  licenceUrl: string;
  source: string;
  sourceUrl: string;
  /** The credit line shown under the image ("Foto: Anders Jildén / Unsplash, Unsplash-licensen"). */
  credit: Localised;
  /** Last day of use, YYYY-MM-DD. */
  expiresOn: string | null;
  expired: boolean;
  demo: boolean;
  /** Alt text in both languages: may be placed on a page. */
  usable: boolean;
  /** Rendition widths (none for an illustration, which is one SVG file). */
  widths: number[];
  fileHash: string;
}

type CreditParts = Pick<MediaImage, 'kind' | 'photographer' | 'source' | 'licence'>;

/** "Foto: Anders Jildén / Unsplash": who made it and where it is from, or '' when nobody is named. */
function creditWho(lang: Lang, image: CreditParts): string {
  const who = [image.photographer, image.source].filter((s) => s.trim() !== '').join(' / ');
  if (!who) return '';
  return mediaMessages.t(lang, image.kind === 'photo' ? 'credit.photo' : 'credit.illustration', { who });
}

/** The credit line in one language: who (photographer / source) and the licence. */
export function creditLine(lang: Lang, image: CreditParts): string {
  return [creditWho(lang, image), image.licence.trim()].filter((s) => s !== '').join(', ');
}

export function toMediaImage(row: ImageRow): MediaImage {
  const image = {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    width: row.width,
    height: row.height,
    alt: { sv: row.alt_sv, en: row.alt_en },
    caption: { sv: row.caption_sv, en: row.caption_en },
    photographer: row.photographer,
    licence: row.licence,
    licenceUrl: row.licence_url,
    source: row.source,
    sourceUrl: row.source_url,
    expiresOn: row.expires_on,
    expired: row.expired,
    demo: row.demo,
    usable: row.alt_sv.trim() !== '' && row.alt_en.trim() !== '',
    widths: row.widths,
    fileHash: row.file_hash,
  };
  return { ...image, credit: { sv: creditLine('sv', image), en: creditLine('en', image) } };
}

export async function imagesBySlug(
  db: Kysely<DB>,
  regionId: string,
  slugs: readonly string[],
): Promise<Map<string, MediaImage>> {
  const rows = await imagesWithSlugs(db, regionId, slugs);
  return new Map(rows.map((row) => [row.slug, toMediaImage(row)]));
}

/** Images by their ids (what another module stores, e.g. an event's picture); unknown ids left out. */
export async function imagesById(
  db: Kysely<DB>,
  regionId: string,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, MediaImage>> {
  const wanted = ids.filter(isUuid);
  const rows = await imagesWithIds(db, regionId, wanted);
  return new Map(rows.map((row) => [row.id, toMediaImage(row)]));
}

/**
 * The images an editor may choose for a page (alt text in both languages), by slug; with `owners`,
 * only those belonging to one of them (an organisation's id, or null for the region's own).
 */
export async function usableImages(
  db: Kysely<DB>,
  regionId: string,
  options: { owners?: readonly (string | null)[] } = {},
): Promise<MediaImage[]> {
  const rows = await usableRows(db, regionId);
  const owners = options.owners;
  return (owners ? rows.filter((row) => owners.includes(row.organisation_id)) : rows).map(toMediaImage);
}

/** A rendition's file name: `<width>-<hash>.<ext>` (immutable: a new upload is a new image). */
export function renditionFile(width: number, hash: string, format: RenditionFormat): string {
  return `${width}-${hash}.${EXTENSIONS[format]}`;
}

export function illustrationFile(hash: string): string {
  return `${hash}.svg`;
}

/** The site path of the rendition at least `width` wide (else the widest); an illustration's one file. */
export function imageUrl(
  image: Pick<MediaImage, 'id' | 'widths' | 'fileHash'>,
  width: number,
  format: RenditionFormat,
): string {
  if (image.widths.length === 0) return `/media/${image.id}/${illustrationFile(image.fileHash)}`;
  const chosen = image.widths.find((w) => w >= width) ?? image.widths[image.widths.length - 1] ?? width;
  return `/media/${image.id}/${renditionFile(chosen, image.fileHash, format)}`;
}

function srcset(image: MediaImage, format: RenditionFormat): string {
  return image.widths
    .map((w) => `/media/${image.id}/${renditionFile(w, image.fileHash, format)} ${w}w`)
    .join(', ');
}

export interface PictureOptions {
  /** The `sizes` attribute: how wide the image is shown, e.g. "(min-width: 60rem) 50vw, 100vw". */
  sizes: string;
  loading: 'lazy' | 'eager';
  /** The page's main picture (its largest paint): fetched before other images. */
  priority?: boolean;
  /** Show the credit line (default true). */
  credit?: boolean;
  /** A caption for this use (the markup's bracket text); else the library's caption. */
  caption?: string;
  cls?: string;
  /** For editors (preview): say in words that the licence has expired. */
  flagExpired?: boolean;
}

function figcaption(image: MediaImage, lang: Lang, opts: PictureOptions): SafeHtml | string {
  const caption = opts.caption?.trim() || image.caption[lang];
  const showCredit = opts.credit !== false && image.credit[lang] !== '';
  const who = creditWho(lang, image);
  const licence = image.licence.trim();
  // a stored address is a link only when it is a plain web address (else the licence as text)
  const licenceHref = safeHref(image.licenceUrl);
  const licenceHtml = licence && licenceHref ? html`<a href="${licenceHref}">${licence}</a>` : licence;
  const credit = showCredit
    ? html`<span class="media-credit">${who}${who && licence ? ', ' : ''}${licenceHtml}</span>`
    : '';
  const flag =
    opts.flagExpired && image.expired && image.expiresOn
      ? html`<strong class="media-expired">${mediaMessages.t(lang, 'credit.expired', { date: formatDate(lang, new Date(`${image.expiresOn}T12:00:00Z`)) })}</strong>`
      : '';
  if (!caption && !credit && !flag) return '';
  return html`<figcaption>${caption ? html`<span class="media-caption">${caption}</span> ` : ''}${credit}${flag}</figcaption>`;
}

/** The image as a figure; see the file's comment. */
export function pictureHtml(image: MediaImage, lang: Lang, opts: PictureOptions): SafeHtml {
  const cls = ['media-figure', opts.cls, image.expired ? 'media-figure--expired' : undefined]
    .filter(Boolean)
    .join(' ');
  const expired = image.expired ? html` data-media-expired="${image.expiresOn ?? ''}"` : '';
  const common = html`width="${image.width}" height="${image.height}" alt="${image.alt[lang]}" loading="${opts.loading}"${opts.priority ? html` fetchpriority="high"` : ''} decoding="async"`;
  const picture =
    image.widths.length === 0
      ? html`<img src="${imageUrl(image, 0, 'jpeg')}" ${common} />`
      : html`<picture>
          ${RENDITION_FORMATS.filter((f) => f !== 'jpeg').map(
            (f) => html`<source type="image/${f}" srcset="${srcset(image, f)}" sizes="${opts.sizes}" />`,
          )}
          <img src="${imageUrl(image, 960, 'jpeg')}" srcset="${srcset(image, 'jpeg')}" sizes="${opts.sizes}" ${common} />
        </picture>`;
  return html`<figure class="${cls}"${expired}>${picture}${figcaption(image, lang, opts)}</figure>`;
}

/** The editors' image choice: a select of usable images (by slug), plus "no image". */
export function mediaPicker(
  lang: Lang,
  images: readonly MediaImage[],
  spec: FieldBase & { value?: string },
): SafeHtml {
  const options = images
    .filter((image) => image.usable)
    .map((image) => ({ value: image.slug, label: `${image.slug} – ${image.alt[lang]}` }));
  return selectField(lang, {
    ...spec,
    value: spec.value ?? '',
    hint: spec.hint ?? mediaMessages.t(lang, 'picker.hint'),
    placeholder: mediaMessages.t(lang, 'picker.none'),
    options,
  });
}

/**
 * Where an image is used: a page's title (one text, or in both languages for a page whose name
 * comes from a catalogue) and its address (back-office or public).
 */
export interface MediaUsage {
  title: string | Localised;
  href: string;
  /**
   * False when only a draft shows the image (no version visitors see or will see): a change to the
   * image's texts is then seen by no visitor. Absent: visitors see it.
   */
  live?: boolean;
}
export type MediaUsageLookup = (db: Kysely<DB>, regionId: string, slug: string) => Promise<MediaUsage[]>;

let usageLookups: readonly MediaUsageLookup[] = [];

/**
 * The content module tells the library where a slug is used (called once at start): one lookup,
 * or several (its items, and the pages with fixed pictures), all asked; undefined forgets them.
 */
export function setMediaUsageLookup(
  lookup: MediaUsageLookup | readonly MediaUsageLookup[] | undefined,
): void {
  usageLookups = lookup === undefined ? [] : typeof lookup === 'function' ? [lookup] : [...lookup];
}

/**
 * Another module's lookup, asked besides the content's (the company pages' logos and photos);
 * called at start after the content module has set its own.
 */
export function addMediaUsageLookup(lookup: MediaUsageLookup): void {
  if (!usageLookups.includes(lookup)) usageLookups = [...usageLookups, lookup];
}

/** A usage's title in the page's language. */
export function usageTitle(usage: MediaUsage, lang: Lang): string {
  return typeof usage.title === 'string' ? usage.title : usage.title[lang];
}

/** Where the image is used (every lookup's answer), or undefined when no module has said how to find out. */
export async function mediaUsage(
  db: Kysely<DB>,
  regionId: string,
  slug: string,
): Promise<MediaUsage[] | undefined> {
  if (usageLookups.length === 0) return undefined;
  const answers = await Promise.all(usageLookups.map((lookup) => lookup(db, regionId, slug)));
  return answers.flat();
}
