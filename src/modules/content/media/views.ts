/**
 * The media library's back-office pages: the grid (search, flags for missing alt text and expiry),
 * the upload form and one image (its texts and credits, its versions, where it is used, delete).
 * Every form re-shows what was typed with the error by its field; the upload form says its limits
 * in words next to the file field.
 */
import {
  csrfField,
  dateField,
  fieldset,
  fileField,
  formErrorSummary,
  textareaField,
  textField,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { FormErrors, FormField, FormValues, TextField } from './library.ts';
import { mediaMessages, type MediaMessageKey } from './messages.ts';
import { imageUrl, pictureHtml, usageTitle, type MediaImage, type MediaUsage } from './service.ts';

export const MEDIA_PATH = '/admin/media';
export const NEW_PATH = `${MEDIA_PATH}/new`;
export const imagePath = (id: string) => `${MEDIA_PATH}/${id}`;
export const MEDIA_DONE = ['uploaded', 'saved', 'deleted'] as const;
export type MediaDone = (typeof MEDIA_DONE)[number];

type T = (key: MediaMessageKey, params?: Record<string, string | number>) => string;
const translator =
  (lang: Lang): T =>
  (key, params) =>
    mediaMessages.t(lang, key, params);

const day = (lang: Lang, date: string) => formatDate(lang, new Date(`${date}T12:00:00Z`));

/** "15 MB" in the page's language. */
export function megabytes(lang: Lang, bytes: number): string {
  return `${formatNumber(lang, Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

export interface Limits {
  maxBytes: number;
  maxPixels: number;
}

function limitParams(lang: Lang, limits: Limits): Record<string, string> {
  return {
    size: megabytes(lang, limits.maxBytes),
    pixels: formatNumber(lang, Math.round(limits.maxPixels / 1e6)),
  };
}

function flags(lang: Lang, t: T, image: MediaImage): SafeHtml {
  const items: SafeHtml[] = [];
  if (!image.usable) {
    const languages = (['sv', 'en'] as const)
      .filter((l) => !image.alt[l].trim())
      .map((l) => t(`lang.${l}`))
      .join(lang === 'sv' ? ' och ' : ' and ');
    items.push(html`<strong class="tag tag--overdue">${t('flag.missingAlt', { languages })}</strong>`);
  }
  if (image.expired && image.expiresOn)
    items.push(
      html`<strong class="tag tag--overdue">${t('flag.expired', { date: day(lang, image.expiresOn) })}</strong>`,
    );
  else if (image.expiresOn)
    items.push(html`<span class="tag">${t('flag.expires', { date: day(lang, image.expiresOn) })}</span>`);
  if (image.kind === 'illustration')
    items.push(html`<span class="tag tag--muted">${t('flag.illustration')}</span>`);
  if (image.demo) items.push(html`<span class="tag tag--muted">${t('flag.demo')}</span>`);
  return items.length ? html`<p class="media-flags">${items}</p>` : html``;
}

export function listPage(
  lang: Lang,
  images: MediaImage[],
  q: string,
  done?: MediaDone,
): { title: string; main: SafeHtml } {
  const t = translator(lang);
  const count =
    images.length === 1 ? t('list.countOne') : t('list.count', { count: formatNumber(lang, images.length) });
  const cards = images.map(
    (image) => html`<li class="media-card">
      <a href="${imagePath(image.id)}" class="media-card__link">
        <img src="${imageUrl(image, 320, 'jpeg')}" width="${image.width}" height="${image.height}" alt="" loading="lazy" decoding="async" />
        <span class="media-card__slug">${image.slug}</span>
      </a>
      ${image.alt[lang] ? html`<p class="media-card__alt">${image.alt[lang]}</p>` : ''}
      ${flags(lang, t, image)}
    </li>`,
  );
  const empty = q ? t('list.noMatch', { q }) : t('list.empty');
  return {
    title: t('list.title'),
    main: html`<h1>${t('list.title')}</h1>
      ${done ? html`<div class="notice" role="status"><p>${t(`done.${done}`)}</p></div>` : ''}
      <p>${t('list.intro')}</p>
      <p><a class="button" href="${NEW_PATH}">${t('list.new')}</a></p>
      <form class="form media-search" method="get" action="${MEDIA_PATH}" role="search">
        ${textField(lang, { name: 'q', label: t('list.search'), hint: t('list.searchHint'), value: q, type: 'search' })}
        <button class="button button--secondary" type="submit">${t('list.searchButton')}</button>
      </form>
      <h2 id="media-results">${count}</h2>
      ${images.length ? html`<ul class="media-grid" aria-labelledby="media-results">${cards}</ul>` : html`<p>${empty}</p>`}`,
  };
}

export interface FormModel {
  lang: Lang;
  csrf: string;
  values: FormValues;
  errors: FormErrors;
  limits: Limits;
}

const ORDER: FormField[] = [
  'file',
  'slug',
  'alt_sv',
  'alt_en',
  'caption_sv',
  'caption_en',
  'photographer',
  'licence',
  'licence_url',
  'source',
  'source_url',
  'expires_on',
];

function errorTexts(m: FormModel, t: T): Partial<Record<FormField, string>> {
  const texts: Partial<Record<FormField, string>> = {};
  for (const [field, error] of Object.entries(m.errors) as [
    FormField,
    NonNullable<FormErrors[FormField]>,
  ][]) {
    texts[field] = t(error.key, { ...limitParams(m.lang, m.limits), ...error.params });
  }
  return texts;
}

/** The texts and credits, shared by the upload and edit forms. */
function textFields(m: FormModel, t: T, errors: Partial<Record<FormField, string>>): SafeHtml {
  const text = (
    name: TextField,
    label: MediaMessageKey,
    extra: { hint?: string; required?: boolean; type?: 'url' } = {},
  ) =>
    textField(m.lang, {
      name,
      label: t(label),
      value: m.values[name],
      error: errors[name],
      required: extra.required ?? false,
      hint: extra.hint,
      type: extra.type,
    });
  const alt = (name: 'alt_sv' | 'alt_en', label: MediaMessageKey, required: boolean) =>
    textareaField(m.lang, {
      name,
      label: t(label),
      hint: t('form.altHint'),
      value: m.values[name],
      error: errors[name],
      required,
      maxlength: 300,
      rows: 2,
    });
  return html`${text('slug', 'form.slug', { hint: t('form.slugHint'), required: true })}
    ${alt('alt_sv', 'form.altSv', true)} ${alt('alt_en', 'form.altEn', false)}
    ${text('caption_sv', 'form.captionSv')} ${text('caption_en', 'form.captionEn')}
    ${fieldset(
      t('form.credits'),
      html`${text('photographer', 'form.photographer')}
        ${text('licence', 'form.licence', { hint: t('form.licenceHint') })}
        ${text('licence_url', 'form.licenceUrl', { hint: t('form.urlHint'), type: 'url' })}
        ${text('source', 'form.source')}
        ${text('source_url', 'form.sourceUrl', { hint: t('form.urlHint'), type: 'url' })}`,
    )}
    ${dateField(m.lang, { name: 'expires_on', label: t('form.expiresOn'), hint: t('form.expiresHint'), value: m.values.expires_on, error: errors.expires_on, required: false })}`;
}

function summary(m: FormModel, errors: Partial<Record<FormField, string>>): SafeHtml | string {
  const list = ORDER.flatMap((id) => (errors[id] ? [{ id, text: errors[id] }] : []));
  return list.length ? formErrorSummary(m.lang, list) : '';
}

export function newPage(m: FormModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const errors = errorTexts(m, t);
  // A file the browser had chosen cannot be put back: say so when the form comes back for another reason.
  if (!errors.file && Object.keys(errors).length > 0) errors.file = t('error.fileAgain');
  const title = t('form.newTitle');
  return {
    title: Object.keys(errors).length ? t('form.titleWithErrors', { title }) : title,
    main: html`<p><a href="${MEDIA_PATH}">${t('form.back')}</a></p>
      <h1>${title}</h1>
      <form class="form" method="post" action="${NEW_PATH}" enctype="multipart/form-data" novalidate>
        ${summary(m, errors)} ${csrfField(m.csrf)}
        ${fileField(m.lang, {
          name: 'file',
          label: t('form.file'),
          hint: t('form.fileHint', limitParams(m.lang, m.limits)),
          error: errors.file,
          required: true,
          accept: 'image/jpeg,image/png,image/webp,image/avif',
        })}
        ${textFields(m, t, errors)}
        <button class="button" type="submit">${t('form.upload')}</button>
      </form>`,
  };
}

export interface ImagePageModel extends FormModel {
  image: MediaImage;
  usage: MediaUsage[] | undefined;
  done?: MediaDone;
  deleteBlocked?: boolean;
}

function renditions(t: T, image: MediaImage): SafeHtml {
  if (image.widths.length === 0)
    return html`<p><a href="${imageUrl(image, 0, 'jpeg')}">${image.slug}.svg</a></p>`;
  return html`<p>${t('detail.renditionsIntro')}</p>
    <ul class="media-renditions">
      ${image.widths.map(
        (w) => html`<li>${w} px:
          <a href="${imageUrl(image, w, 'avif')}">AVIF</a>,
          <a href="${imageUrl(image, w, 'webp')}">WebP</a>,
          <a href="${imageUrl(image, w, 'jpeg')}">JPEG</a></li>`,
      )}
    </ul>`;
}

function usageSection(m: ImagePageModel, t: T): SafeHtml {
  const usage = m.usage;
  const list =
    usage === undefined
      ? html`<p>${t('detail.usageUnknown')}</p>`
      : usage.length === 0
        ? html`<p>${t('detail.unused')}</p>`
        : html`<ul>${usage.map((u) => html`<li><a href="${u.href}">${usageTitle(u, m.lang)}</a></li>`)}</ul>`;
  const canDelete = usage === undefined || usage.length === 0;
  return html`<section aria-labelledby="usage-title">
      <h2 id="usage-title">${t('detail.usedBy')}</h2>
      ${list}
    </section>
    <section aria-labelledby="delete-title">
      <h2 id="delete-title">${t('detail.delete')}</h2>
      ${m.deleteBlocked ? html`<div class="error-summary" role="alert" tabindex="-1"><p>${t('detail.deleteBlocked')}</p></div>` : ''}
      ${
        canDelete
          ? html`<p>${t('detail.deleteHint')}</p>
              <form method="post" action="${imagePath(m.image.id)}/delete">
                ${csrfField(m.csrf)}
                <button class="button button--secondary" type="submit">${t('detail.delete')}</button>
              </form>`
          : html`<p>${t('detail.deleteBlocked')}</p>`
      }
    </section>`;
}

export function imagePage(m: ImagePageModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const errors = errorTexts(m, t);
  const image = m.image;
  const title = t('form.editTitle', { slug: image.slug });
  return {
    title: Object.keys(errors).length || m.deleteBlocked ? t('form.titleWithErrors', { title }) : title,
    main: html`<p><a href="${MEDIA_PATH}">${t('form.back')}</a></p>
      <h1>${title}</h1>
      ${m.done ? html`<div class="notice" role="status"><p>${t(`done.${m.done}`)}</p></div>` : ''}
      ${flags(m.lang, t, image)}
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">${t('detail.preview')}</h2>
        ${pictureHtml(image, m.lang, { sizes: '(min-width: 50rem) 40rem, 100vw', loading: 'eager', flagExpired: true, cls: 'media-preview' })}
        <p>${t('detail.size', { width: formatNumber(m.lang, image.width), height: formatNumber(m.lang, image.height) })}</p>
      </section>
      <form class="form" method="post" action="${imagePath(image.id)}" novalidate>
        ${summary(m, errors)} ${csrfField(m.csrf)}
        ${textFields(m, t, errors)}
        <button class="button" type="submit">${t('form.save')}</button>
      </form>
      <section aria-labelledby="renditions-title">
        <h2 id="renditions-title">${t('detail.renditions')}</h2>
        ${renditions(t, image)}
      </section>
      ${usageSection(m, t)}`,
  };
}

/** An image's stored texts as the edit form shows them. */
export function valuesOf(image: MediaImage): FormValues {
  return {
    slug: image.slug,
    alt_sv: image.alt.sv,
    alt_en: image.alt.en,
    caption_sv: image.caption.sv,
    caption_en: image.caption.en,
    photographer: image.photographer,
    licence: image.licence,
    licence_url: image.licenceUrl,
    source: image.source,
    source_url: image.sourceUrl,
    expires_on: image.expiresOn ?? '',
  };
}
