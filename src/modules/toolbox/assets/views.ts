/**
 * The organisations' asset pages inside the toolbox frame: the grid (thumbnails — a photo's
 * picture, another kind's icon —, the filters as a GET form with counts per option, paging), one
 * asset (preview, the credit line to copy, permitted uses and note, last day, size and format, the
 * download button; flagged when expired or withdrawn), the refused download (410) and the
 * organisation's downloads with what may no longer be used at the top.
 */
import { selectField } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { safeHref } from '../../../platform/html/links.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { creditLine, pictureHtml, type MediaImage } from '../../content/media/service.ts';
import { COPY_SCRIPT, toolboxHref } from '../frame.ts';
import { toolboxMessages } from '../messages.ts';
import { ASSET_KINDS, PATHS, PERSONAS, TOPICS, USES, type AssetKind } from '../model.ts';
import { isExpired } from '../toolbox.ts';
import { formatOfType, sizeText } from './files.ts';
import { assetMessages, type AssetMessageKey } from './messages.ts';
import type { AssetRow, Facet, GridFilter, OrgDownloadRow } from './repository.ts';
import { addDays, creditAskOf, dayText, titleOf, WARN_DAYS, type CreditAsk } from './service.ts';

type Params = Record<string, string | number>;
const tr = (lang: Lang) => (key: AssetMessageKey, params?: Params) => assetMessages.t(lang, key, params);
const tb = (lang: Lang, key: string) =>
  toolboxMessages.t(lang, key as Parameters<typeof toolboxMessages.t>[1]);

export const assetHref = (lang: Lang, id: string) => toolboxHref(lang, `${PATHS.assets}/${id}`);
export const downloadHref = (lang: Lang, id: string) => `${assetHref(lang, id)}/download`;
export const downloadsHref = (lang: Lang) => toolboxHref(lang, `${PATHS.assets}/downloads`);

/** The page's and the download's stylesheet and script. */
export const ASSETS_CSS = 'css/toolbox-assets.css';
export { COPY_SCRIPT };

/** An icon for a kind of asset without a picture (decorative: the card names the kind). */
export function kindIcon(kind: AssetKind): SafeHtml {
  const shapes: Record<AssetKind, SafeHtml> = {
    photo: html`<rect x="8" y="14" width="48" height="36" rx="4" /><circle cx="24" cy="28" r="5" /><path d="M12 46l14-12 10 8 8-6 8 10z" />`,
    logo: html`<circle cx="32" cy="32" r="20" /><path d="M22 40l10-18 10 18z" />`,
    'graphic-profile': html`<rect x="10" y="12" width="14" height="40" rx="3" /><rect x="26" y="12" width="14" height="40" rx="3" /><rect x="42" y="12" width="12" height="40" rx="3" />`,
    template: html`<rect x="8" y="12" width="48" height="32" rx="3" /><path d="M32 44v10M22 54h20" /><path d="M16 22h20M16 30h28" />`,
    film: html`<rect x="8" y="16" width="36" height="32" rx="4" /><path d="M44 28l12-8v24l-12-8z" />`,
    document: html`<path d="M16 8h22l10 10v38H16z" /><path d="M38 8v10h10M22 30h20M22 38h20M22 46h14" />`,
  };
  return html`<svg class="asset-icon" viewBox="0 0 64 64" width="64" height="64" aria-hidden="true" focusable="false">${shapes[kind]}</svg>`;
}

export type Flag =
  { kind: 'expired'; date: string } | { kind: 'withdrawn' } | { kind: 'soon'; date: string } | undefined;

/** What a person should see about an asset's last day or status, on `today`. */
export function flagOf(asset: Pick<AssetRow, 'status' | 'expiry'>, today: string): Flag {
  if (asset.status === 'withdrawn') return { kind: 'withdrawn' };
  if (!asset.expiry) return undefined;
  if (isExpired(asset.expiry, today)) return { kind: 'expired', date: asset.expiry };
  if (asset.expiry <= addDays(today, WARN_DAYS)) return { kind: 'soon', date: asset.expiry };
  return undefined;
}

function flagTag(lang: Lang, flag: Flag): SafeHtml | '' {
  const t = tr(lang);
  if (!flag) return '';
  if (flag.kind === 'withdrawn')
    return html`<strong class="asset-flag asset-flag--gone">${t('flag.withdrawn')}</strong>`;
  if (flag.kind === 'expired')
    return html`<strong class="asset-flag asset-flag--gone">${t('flag.expired', { date: dayText(lang, flag.date) })}</strong>`;
  return html`<span class="asset-flag asset-flag--soon">${t('flag.soon', { date: dayText(lang, flag.date) })}</span>`;
}

export interface GridModel {
  lang: Lang;
  filter: GridFilter;
  counts: Record<Facet, Map<string, number>>;
  rows: AssetRow[];
  images: Map<string, MediaImage>;
  total: number;
  page: number;
  pages: number;
  today: string;
}

export function filterQuery(filter: GridFilter, page = 1): string {
  const params = new URLSearchParams();
  for (const key of ['kind', 'topic', 'persona', 'use'] as const)
    if (filter[key]) params.set(key, filter[key]);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function filterForm(m: GridModel): SafeHtml {
  const t = tr(m.lang);
  const facet = (name: Facet, label: string, values: readonly string[], prefix: string) => {
    const counts = m.counts[name];
    const options = values
      .filter((v) => (counts.get(v) ?? 0) > 0 || m.filter[name] === v)
      .map((v) => ({
        value: v,
        label: t('filter.option', { label: tb(m.lang, `${prefix}.${v}`), count: counts.get(v) ?? 0 }),
      }));
    return selectField(m.lang, {
      name,
      id: `filter-${name}`,
      label,
      value: m.filter[name] ?? '',
      placeholder: t('filter.all', { count: counts.get('') ?? 0 }),
      options,
    });
  };
  const any = Boolean(m.filter.kind || m.filter.topic || m.filter.persona || m.filter.use);
  return html`<form class="asset-filters" method="get" action="${toolboxHref(m.lang, PATHS.assets)}" aria-labelledby="asset-filters-title">
    <h2 id="asset-filters-title" class="visually-hidden">${t('filter.title')}</h2>
    ${facet('kind', t('filter.kind'), ASSET_KINDS, 'kind')} ${facet('topic', t('filter.topic'), TOPICS, 'topic')}
    ${facet('persona', t('filter.persona'), PERSONAS, 'persona')} ${facet('use', t('filter.use'), USES, 'use')}
    <div class="asset-filters__actions">
      <button class="button" type="submit">${t('filter.submit')}</button>
      ${any ? html`<a href="${toolboxHref(m.lang, PATHS.assets)}">${t('filter.clear')}</a>` : ''}
    </div>
  </form>`;
}

function thumbnail(lang: Lang, asset: AssetRow, image: MediaImage | undefined): SafeHtml {
  if (asset.kind === 'photo' && image) {
    return pictureHtml(image, lang, {
      sizes: '(min-width: 60rem) 18rem, (min-width: 40rem) 45vw, 100vw',
      loading: 'lazy',
      credit: false,
      cls: 'asset-card__picture',
    });
  }
  return html`<div class="asset-card__icon asset-card__icon--${asset.kind}">${kindIcon(asset.kind)}</div>`;
}

function card(m: GridModel, asset: AssetRow): SafeHtml {
  const image = asset.media_image_id ? m.images.get(asset.media_image_id) : undefined;
  const flag = flagOf(asset, m.today);
  return html`<li class="asset-card${flag && flag.kind !== 'soon' ? ' asset-card--gone' : ''}">
    ${thumbnail(m.lang, asset, image)}
    <div class="asset-card__body">
      <p class="asset-card__kind">${tb(m.lang, `kind.${asset.kind}`)}</p>
      <h3 class="asset-card__title"><a href="${assetHref(m.lang, asset.id)}">${titleOf(asset, m.lang)}</a></h3>
      ${flagTag(m.lang, flag)}
    </div>
  </li>`;
}

export function gridPage(m: GridModel): SafeHtml {
  const t = tr(m.lang);
  const links = [];
  if (m.page > 1)
    links.push({
      href: `${toolboxHref(m.lang, PATHS.assets)}${filterQuery(m.filter, m.page - 1)}`,
      text: t('grid.previous'),
      rel: 'prev' as const,
    });
  if (m.page < m.pages)
    links.push({
      href: `${toolboxHref(m.lang, PATHS.assets)}${filterQuery(m.filter, m.page + 1)}`,
      text: t('grid.next'),
      rel: 'next' as const,
    });
  return html`<p class="asset-links"><a href="${downloadsHref(m.lang)}">${t('page.downloadsLink')}</a></p>
    ${filterForm(m)}
    <p class="asset-count" role="status">${m.total === 1 ? t('grid.countOne') : t('grid.count', { count: m.total })}${
      m.pages > 1 ? html` · ${t('grid.pageOf', { page: m.page, pages: m.pages })}` : ''
    }</p>
    ${
      m.rows.length === 0
        ? html`<p>${t('grid.empty')}</p>`
        : html`<ul class="asset-grid">
          ${m.rows.map((asset) => card(m, asset))}
        </ul>`
    }
    ${
      links.length
        ? html`<nav class="pagination" aria-label="${t('grid.paging')}">
          <ul>
            ${links.map((l) => html`<li><a href="${l.href}" rel="${l.rel}">${l.text}</a></li>`)}
          </ul>
        </nav>`
        : ''
    }`;
}

export interface AssetModel {
  lang: Lang;
  asset: AssetRow;
  image: MediaImage | undefined;
  today: string;
  /** Why it cannot be downloaded, and since when (YYYY-MM-DD). */
  gone?: { reason: 'expired' | 'withdrawn'; since: string };
}

/**
 * The credit line in the page's language (plain text: to be copied), its licence link, and the
 * heading and advice by the asset's kind and what its licence asks. A photo's line names the
 * photographer and source, the work's own page (the library's source URL), the licence with its
 * link and, for a licence that asks changes to be noted, that the picture was resized: the library's
 * demo photos are downscaled copies of their originals (content/media/demo/SOURCES.md), and the
 * library records no other change.
 */
export function creditOf(
  lang: Lang,
  asset: AssetRow,
  image: MediaImage | undefined,
): { text: string; url: string; heading: AssetMessageKey; hint: AssetMessageKey } {
  const t = tr(lang);
  const photo = asset.kind === 'photo' && image !== undefined;
  const licence = photo ? image.licence.trim() : asset.licence.trim();
  const url = (photo ? image.licenceUrl : asset.licence_url).trim();
  const ask = creditAskOf(licence, url);
  const withUrl = (text: string, href: string) => (text && href ? `${text} (${href})` : text || href);
  const parts = photo
    ? [
        withUrl(creditLine(lang, { ...image, licence: '' }), image.sourceUrl.trim()),
        withUrl(licence, url),
        ask === 'attribution' && image.demo ? t('asset.changedResized') : '',
      ]
    : [asset.creator.trim() ? t('asset.madeBy', { who: asset.creator.trim() }) : '', withUrl(licence, url)];
  return {
    text: parts.filter(Boolean).join(', '),
    url,
    heading: photo ? 'asset.creditPhoto' : 'asset.creditMaterial',
    hint: CREDIT_HINTS[photo ? 'photo' : 'material'][ask],
  };
}

/** The advice over the credit line: by a photo or other material, and by what the licence asks. */
const CREDIT_HINTS: Record<'photo' | 'material', Record<CreditAsk, AssetMessageKey>> = {
  photo: {
    attribution: 'asset.creditHintPhotoBy',
    none: 'asset.creditHintPhotoFree',
    terms: 'asset.creditHintPhotoTerms',
  },
  material: {
    attribution: 'asset.creditHintMaterialBy',
    none: 'asset.creditHintMaterialFree',
    terms: 'asset.creditHintMaterialTerms',
  },
};

function goneText(lang: Lang, gone: NonNullable<AssetModel['gone']>): string {
  const t = tr(lang);
  return gone.reason === 'expired'
    ? t('asset.expiredText', { date: dayText(lang, gone.since) })
    : t('asset.withdrawnText', { date: dayText(lang, gone.since) });
}

function formatText(
  lang: Lang,
  asset: AssetRow,
  image: MediaImage | undefined,
): { format: string; size: string } {
  const t = tr(lang);
  if (asset.kind === 'photo' && image) {
    const widest = image.widths.length ? Math.max(...image.widths) : image.width;
    const height = Math.round((image.height * widest) / Math.max(1, image.width));
    return { format: t('asset.photoFormat', { width: widest, height }), size: '' };
  }
  const format = asset.content_type ? (formatOfType(asset.content_type) ?? '') : '';
  return {
    format: format === 'jpeg' ? 'JPEG' : format.toUpperCase(),
    size: asset.bytes ? sizeText(lang, Number(asset.bytes)) : '',
  };
}

export function assetPage(m: AssetModel): SafeHtml {
  const t = tr(m.lang);
  const { asset, image } = m;
  const credit = creditOf(m.lang, asset, image);
  const description =
    m.lang === 'en'
      ? asset.description_en || asset.description_sv
      : asset.description_sv || asset.description_en;
  const note =
    m.lang === 'en' ? asset.use_note_en || asset.use_note_sv : asset.use_note_sv || asset.use_note_en;
  const flag = flagOf(asset, m.today);
  const facts = formatText(m.lang, asset, image);
  const preview =
    asset.kind === 'photo' && image
      ? pictureHtml(image, m.lang, {
          sizes: '(min-width: 60rem) 40rem, 100vw',
          loading: 'eager',
          priority: true,
          credit: false,
          cls: 'asset-preview__picture',
        })
      : html`<div class="asset-preview__icon asset-card__icon--${asset.kind}">${kindIcon(asset.kind)}</div>`;
  const licenceHref = safeHref(credit.url);
  return html`<p class="asset-links"><a href="${toolboxHref(m.lang, PATHS.assets)}">${t('asset.back')}</a></p>
    ${
      m.gone
        ? html`<div class="notice notice--warning asset-gone" role="alert">
          <p>${goneText(m.lang, m.gone)}</p>
        </div>`
        : flag?.kind === 'soon'
          ? html`<div class="notice notice--warning"><p>${t('asset.soonText', { date: dayText(m.lang, flag.date) })}</p></div>`
          : ''
    }
    <div class="asset-detail">
      <section class="asset-preview${m.gone ? ' asset-preview--gone' : ''}" aria-labelledby="asset-preview-title">
        <h2 id="asset-preview-title" class="visually-hidden">${t('asset.preview')}</h2>
        ${preview}
      </section>
      <div class="asset-info">
        <p class="asset-card__kind">${tb(m.lang, `kind.${asset.kind}`)}</p>
        ${description ? html`<p class="asset-description">${description}</p>` : ''}
        ${
          credit.text
            ? html`<section class="asset-credit" aria-labelledby="asset-credit-title">
              <h2 id="asset-credit-title">${t(credit.heading)}</h2>
              <p class="field__hint">${t(credit.hint)}</p>
              <p id="asset-credit-line" class="asset-credit__line">${credit.text}</p>
              <div class="asset-credit__actions">
                <button type="button" class="button button--secondary" data-copy="asset-credit-line" data-copied="${t('asset.copied')}" data-copy-failed="${t('asset.copyFailed')}" hidden>${t('asset.copy')}</button>
                <span role="status" data-copy-status="asset-credit-line"></span>
                ${licenceHref ? html`<a href="${licenceHref}" rel="license">${asset.kind === 'photo' && image ? image.licence : asset.licence}</a>` : ''}
              </div>
            </section>`
            : ''
        }
        <dl class="asset-facts">
          <div><dt>${t('asset.lastDay')}</dt><dd>${asset.expiry ? dayText(m.lang, asset.expiry) : t('asset.noLastDay')}</dd></div>
          <div><dt>${t('asset.format')}</dt><dd>${facts.format || '—'}</dd></div>
          ${facts.size ? html`<div><dt>${t('asset.size')}</dt><dd>${facts.size}</dd></div>` : ''}
          ${
            asset.topics.length
              ? html`<div><dt>${t('asset.topics')}</dt><dd>${asset.topics.map((v) => tb(m.lang, `topic.${v}`)).join(', ')}</dd></div>`
              : ''
          }
          ${
            asset.personas.length
              ? html`<div><dt>${t('asset.personas')}</dt><dd>${asset.personas.map((v) => tb(m.lang, `persona.${v}`)).join(', ')}</dd></div>`
              : ''
          }
        </dl>
        <section aria-labelledby="asset-uses-title">
          <h2 id="asset-uses-title">${t('asset.uses')}</h2>
          ${
            asset.permitted_uses.length
              ? html`<ul class="asset-uses">
                ${asset.permitted_uses.map((u) => html`<li>${tb(m.lang, `use.${u}`)}</li>`)}
              </ul>`
              : html`<p>${t('asset.noUses')}</p>`
          }
          ${note ? html`<h3>${t('asset.note')}</h3><p class="asset-note">${note}</p>` : ''}
        </section>
        ${
          m.gone
            ? ''
            : html`<p class="asset-download">
              <a class="button" href="${downloadHref(m.lang, asset.id)}" download>${t('asset.download')}</a>
              <span class="field__hint">${t('asset.downloadNote')}</span>
            </p>`
        }
      </div>
    </div>`;
}

/** The refused download (410): why, since when, what to do. */
export function gonePage(lang: Lang, asset: AssetRow, gone: NonNullable<AssetModel['gone']>): SafeHtml {
  const t = tr(lang);
  return html`<div class="notice notice--warning asset-gone" role="alert">
      
      <p>${goneText(lang, gone)}</p>
    </div>
    <p><a href="${assetHref(lang, asset.id)}">${t('gone.back')}</a></p>`;
}

export interface DownloadsModel {
  lang: Lang;
  rows: OrgDownloadRow[];
  unusable: Array<{ id: string; title_sv: string; title_en: string; status: string; expiry: string | null }>;
  today: string;
  limit: number;
}

const timeOf = (lang: Lang, date: Date) =>
  `${formatDate(lang, date)} ${new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(date)}`;

export function downloadsPage(m: DownloadsModel): SafeHtml {
  const t = tr(m.lang);
  const attention = m.unusable.length
    ? html`<section class="notice notice--warning asset-attention" aria-labelledby="asset-attention-title">
        <h2 id="asset-attention-title">${t('downloads.attention')}</h2>
        <p>${t('downloads.attentionText')}</p>
        <ul>
          ${m.unusable.map(
            (a) =>
              html`<li><a href="${assetHref(m.lang, a.id)}">${
                a.status === 'withdrawn'
                  ? t('downloads.withdrawnItem', { title: titleOf(a, m.lang) })
                  : t('downloads.expiredItem', {
                      title: titleOf(a, m.lang),
                      date: dayText(m.lang, a.expiry ?? m.today),
                    })
              }</a></li>`,
          )}
        </ul>
      </section>`
    : '';
  return html`<p class="asset-links"><a href="${toolboxHref(m.lang, PATHS.assets)}">${t('asset.back')}</a></p>
    ${attention}
    ${dataTable({
      id: 'asset-downloads',
      caption: t('downloads.caption'),
      className: 'asset-table',
      columns: [t('downloads.asset'), t('downloads.who'), t('downloads.when'), t('downloads.status')],
      rows: m.rows,
      empty: t('downloads.empty'),
      cells: (r) => [
        html`<a href="${assetHref(m.lang, r.asset_id)}">${titleOf(r, m.lang)}</a>`,
        r.person ?? t('downloads.formerUser'),
        timeOf(m.lang, r.downloaded_at),
        flagTag(m.lang, flagOf(r, m.today)) || t('downloads.ok'),
      ],
    })}
    ${m.rows.length >= m.limit ? html`<p class="field__hint">${t('downloads.capped', { count: m.limit })}</p>` : ''}`;
}
