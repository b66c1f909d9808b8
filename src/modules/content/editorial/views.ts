/**
 * The editors' pages: the list with its filters and paging, the new-item form, the versions with
 * their comparison, and the preview's banner. The edit page is in edit-views.ts. Every form re-shows
 * what was typed with the error by its field.
 */
import {
  checkboxGroup,
  csrfField,
  formErrorSummary,
  notice,
  radioGroup,
  selectField,
  textField,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { Municipality } from '../../../platform/region.ts';
import {
  CONTENT_KINDS,
  CONTENT_STATUSES,
  TARGET_GROUPS,
  missingLanguages,
  type ContentKind,
  type ContentStatus,
} from '../model.ts';
import type { ContentVersion } from '../store.ts';
import type { FieldChange } from './compare.ts';
import { fieldsDiff } from '../../../platform/html/diff.ts';
import { markupErrorsText } from '../../../platform/html/richtext-messages.ts';
import type { FieldError, FieldErrors } from './form.ts';
import { editorialMessages, type EditorialMessageKey } from './messages.ts';
import type { ListRow } from './repository.ts';
import type { NewItemInput } from './service.ts';

export const CONTENT_PATH = '/admin/content';
export const itemPath = (id: string) => `${CONTENT_PATH}/${id}`;

export type T = (key: EditorialMessageKey, params?: Record<string, string>) => string;
export const translator =
  (lang: Lang): T =>
  (key, params) =>
    editorialMessages.t(lang, key, params);

/** "12 dec 14:05" (sv) / "12 Dec 14:05" (en), Stockholm time. */
export function shortWhen(lang: Lang, date: Date): string {
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Stockholm',
    day: 'numeric',
    month: 'short',
  })
    .format(date)
    .replace('.', '');
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', timeStyle: 'short' }).format(
    date,
  );
  return `${time} ${day}`;
}

/** The date and time in words: "12 december 2026 14:05". */
export function longWhen(lang: Lang, date: Date): string {
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', timeStyle: 'short' }).format(
    date,
  );
  return `${formatDate(lang, date)} ${time}`;
}

export interface StatusFacts {
  status: ContentStatus;
  version: number;
  publishedVersion: number | null;
  publishAt: Date | null;
  /** A new version of the live item approved for a later minute. */
  scheduled: { version: number; at: Date } | null;
}

/**
 * The item's state in words: draft, in review, published (changed in draft, or with a new version
 * scheduled), scheduled, unpublished.
 */
export function statusWords(t: T, lang: Lang, item: StatusFacts, now = new Date()): string {
  if (item.status === 'review' || item.status === 'unpublished') return t(`status.${item.status}`);
  if (item.publishedVersion !== null) {
    if (item.publishAt && item.publishAt.getTime() > now.getTime())
      return t('status.scheduled', { when: shortWhen(lang, item.publishAt) });
    if (item.scheduled)
      return t('status.publishedScheduled', {
        version: String(item.scheduled.version),
        when: shortWhen(lang, item.scheduled.at),
      });
    return item.version > item.publishedVersion ? t('status.publishedDraft') : t('status.published');
  }
  return t('status.draft');
}

export function municipalityName(municipalities: readonly Municipality[], code: string | null): string {
  return code ? (municipalities.find((m) => m.code === code)?.shortName ?? code) : '';
}

/** An error summary of field errors, in the order given by `order` (ids). */
/** A field's error in words (rich text: the markup's own errors, each with its line). */
function fieldErrorText(lang: Lang, e: FieldError): string {
  return e.markup ? markupErrorsText(lang, e.markup) : translator(lang)(e.key, e.params);
}

export function summaryOf(lang: Lang, errors: FieldErrors): SafeHtml {
  return formErrorSummary(
    lang,
    Object.entries(errors).map(([id, e]) => ({ id, text: fieldErrorText(lang, e) })),
  );
}

export const errorText = (lang: Lang, errors: FieldErrors, id: string) => {
  const e = errors[id];
  return e ? fieldErrorText(lang, e) : undefined;
};

// The list.

export interface ListModel {
  lang: Lang;
  /** What the previous step did (an item deleted). */
  done?: 'deleted';
  rows: ListRow[];
  total: number;
  page: number;
  pages: number;
  names: Map<string, string>;
  municipalities: readonly Municipality[];
  filter: { kind: string; status: string; municipality: string; review: boolean };
  /** Offer the municipality filter (not for a municipality editor) and "needs my review". */
  allMunicipalities: boolean;
  canApprove: boolean;
  /** The list's URL with the filter, for paging links. */
  query: (page: number) => string;
}

function filterForm(m: ListModel, t: T): SafeHtml {
  const all = { value: '', label: t('list.all') };
  return html`<form class="form admin-filter" method="get" action="${CONTENT_PATH}" aria-label="${t('list.filters')}">
    ${selectField(m.lang, {
      name: 'kind',
      label: t('list.kind'),
      value: m.filter.kind,
      options: [all, ...CONTENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))],
    })}
    ${selectField(m.lang, {
      name: 'status',
      label: t('list.status'),
      value: m.filter.status,
      options: [all, ...CONTENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))],
    })}
    ${
      m.allMunicipalities
        ? selectField(m.lang, {
            name: 'municipality',
            label: t('list.municipality'),
            value: m.filter.municipality,
            options: [all, ...m.municipalities.map((mu) => ({ value: mu.code, label: mu.shortName }))],
          })
        : ''
    }
    ${
      m.canApprove
        ? checkboxGroup(m.lang, {
            name: 'review',
            legend: t('list.status'),
            legendClass: 'visually-hidden',
            options: [{ value: '1', label: t('list.review') }],
            values: m.filter.review ? ['1'] : [],
          })
        : ''
    }
    <button class="button button--secondary" type="submit">${t('list.filter')}</button>
  </form>`;
}

function titleOf(t: T, lang: Lang, row: ListRow): { text: string; lang?: Lang } {
  const other = lang === 'sv' ? 'en' : 'sv';
  const own = row.data?.title[lang].trim();
  if (own) return { text: own };
  const fallback = row.data?.title[other].trim();
  return fallback ? { text: fallback, lang: other } : { text: t('list.untitled') };
}

function translationCell(t: T, row: ListRow): SafeHtml {
  const missing = row.data ? missingLanguages(row.data) : (['sv', 'en'] as const);
  if (missing.length === 0) return html`${t('list.complete')}`;
  const languages = missing.map((l) => t(`lang.${l}`)).join(', ');
  return html`<strong class="tag tag--overdue">${t('list.missing', { languages })}</strong>`;
}

export function listPage(m: ListModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const links = [
    ...(m.page > 1 ? [{ href: m.query(m.page - 1), text: t('list.prev'), rel: 'prev' as const }] : []),
    ...(m.page < m.pages ? [{ href: m.query(m.page + 1), text: t('list.next'), rel: 'next' as const }] : []),
  ];
  const table = dataTable({
    id: 'content-caption',
    caption: t('list.caption', { count: formatNumber(m.lang, m.total) }),
    columns: [
      t('col.title'),
      t('col.kind'),
      t('col.municipality'),
      t('col.status'),
      t('col.translation'),
      t('col.changed'),
    ],
    rows: m.rows,
    cells: (row) => {
      const title = titleOf(t, m.lang, row);
      const who = row.updatedBy ? m.names.get(row.updatedBy) || t('someone.deleted') : t('someone.system');
      return [
        html`<a href="${itemPath(row.id)}"${title.lang ? html` lang="${title.lang}"` : ''}>${title.text}</a>`,
        t(`kind.${row.kind}`),
        municipalityName(m.municipalities, row.municipalityCode),
        statusWords(t, m.lang, row),
        translationCell(t, row),
        t('list.changedBy', { date: formatDate(m.lang, row.updatedAt), name: who }),
      ];
    },
    empty: t('list.empty'),
    paging: { label: t('list.paging'), links },
  });
  return {
    title: t('list.title'),
    main: html`<h1>${t('list.title')}</h1>
      ${m.done ? html`<div class="notice" role="status"><p>${t(`done.${m.done}`)}</p></div>` : ''}
      <p class="lead">${t('list.intro')}</p>
      <p><a class="button" href="${CONTENT_PATH}/new">${t('list.new')}</a></p>
      ${filterForm(m, t)} ${table}
      ${m.pages > 1 ? html`<p>${t('list.pageOf', { page: String(m.page), pages: String(m.pages) })}</p>` : ''}`,
  };
}

// New item.

export interface NewModel {
  lang: Lang;
  csrf: string;
  kinds: ContentKind[];
  municipalities: readonly Municipality[];
  /** A municipality editor's own municipality (fixed), or null. */
  fixedMunicipality: string | null;
  values: NewItemInput;
  errors: FieldErrors;
}

export function newPage(m: NewModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const e = (id: string) => errorText(m.lang, m.errors, id);
  const failed = Object.keys(m.errors).length > 0;
  const municipality = m.fixedMunicipality
    ? // Not a control, but where the error summary's "#municipality" lands (a place page exists).
      html`<div class="field" id="municipality" tabindex="-1">
        <p>${t('new.municipalityFixed', { name: municipalityName(m.municipalities, m.fixedMunicipality) })}</p>
        ${e('municipality') ? html`<p class="field__error" id="municipality-error">${e('municipality')}</p>` : ''}
      </div>`
    : selectField(m.lang, {
        name: 'municipality',
        label: t('new.municipality'),
        hint: t('new.municipalityHint'),
        error: e('municipality'),
        value: m.values.municipality,
        placeholder: t('new.none'),
        options: m.municipalities.map((mu) => ({ value: mu.code, label: mu.shortName })),
        required: false,
      });
  const title = t('new.title');
  return {
    title: failed ? `${title} – ${t('refused.title')}` : title,
    main: html`<p><a href="${CONTENT_PATH}">${t('edit.back')}</a></p>
      <h1>${title}</h1>
      <p class="lead">${t('new.intro')}</p>
      <form class="form" method="post" action="${CONTENT_PATH}/new" novalidate>
        ${summaryOf(m.lang, m.errors)} ${csrfField(m.csrf)}
        ${radioGroup(m.lang, {
          name: 'kind',
          legend: t('new.kind'),
          error: e('kind'),
          required: true,
          options: m.kinds.map((k) => ({ value: k, label: t(`kind.${k}`) })),
          value: m.values.kind,
        })}
        ${textField(m.lang, { name: 'title_sv', label: t('field.pair', { field: t('field.title'), language: t('lang.sv') }), error: e('title_sv'), value: m.values.title_sv, maxlength: 120, required: false })}
        ${textField(m.lang, { name: 'title_en', label: t('field.pair', { field: t('field.title'), language: t('lang.en') }), error: e('title_en'), value: m.values.title_en, maxlength: 120, required: false })}
        ${textField(m.lang, {
          name: 'slug',
          label: t('new.slug'),
          hint: t('new.slugHint'),
          error: e('slug'),
          value: m.values.slug,
          maxlength: 80,
          autocapitalize: 'none',
          spellcheck: false,
          required: false,
        })}
        ${municipality}
        ${
          m.kinds.includes('path')
            ? selectField(m.lang, {
                name: 'group',
                label: t('new.group'),
                hint: t('new.groupHint'),
                error: e('group'),
                value: m.values.group,
                placeholder: t('new.none'),
                options: TARGET_GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) })),
                required: false,
              })
            : ''
        }
        <button class="button" type="submit">${t('new.submit')}</button>
      </form>`,
  };
}

// Versions and comparison.

/** The changed fields, each with its words taken out and put in. */
export function changesHtml(lang: Lang, changes: FieldChange[], headingLevel: 2 | 3 = 3): SafeHtml {
  const t = translator(lang);
  const fields = changes.map((c) => ({
    label: c.lang ? t('field.pair', { field: t(c.label), language: t(`lang.${c.lang}`) }) : t(c.label),
    before: c.before,
    after: c.after,
  }));
  return fields.length
    ? html`<p class="admin-muted">${t('compare.legend')}</p>${fieldsDiff(lang, fields, { headingLevel })}`
    : fieldsDiff(lang, fields);
}

export interface VersionsModel {
  lang: Lang;
  csrf: string;
  itemId: string;
  title: string;
  latest: number;
  /** The version visitors see now. */
  published: number | null;
  /** A version visitors will see from a later minute (not called published before it). */
  scheduled: { version: number; at: Date } | null;
  versions: Omit<ContentVersion, 'data'>[];
  names: Map<string, string>;
  done?: string;
}

/**
 * A version's note; the note a restore writes (in the restorer's language) is said in the
 * reader's: "Återställd från version 2" reads "Restored from version 2" to an English editor.
 */
export function noteIn(lang: Lang, note: string): string {
  for (const other of ['sv', 'en'] as const) {
    const [before = '', after = ''] = editorialMessages
      .t(other, 'versions.restoredNote', { version: '\u0000' })
      .split('\u0000');
    const middle = note.slice(before.length, note.length - after.length);
    if (note.startsWith(before) && note.endsWith(after) && /^[1-9]\d{0,9}$/.test(middle))
      return editorialMessages.t(lang, 'versions.restoredNote', { version: middle });
  }
  return note;
}

export function versionsPage(m: VersionsModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const title = t('versions.title', { title: m.title });
  const options = m.versions.map((v) => ({ value: String(v.version), label: String(v.version) }));
  const table = dataTable({
    id: 'versions-caption',
    caption: t('versions.caption'),
    columns: [
      t('versions.number'),
      t('versions.who'),
      t('versions.when'),
      t('versions.note'),
      t('versions.state'),
      t('versions.restoreCol'),
    ],
    rows: m.versions,
    cells: (v) => [
      String(v.version),
      v.authorId ? m.names.get(v.authorId) || t('someone.deleted') : t('someone.system'),
      longWhen(m.lang, v.savedAt),
      noteIn(m.lang, v.note),
      [
        v.version === m.published ? t('versions.live') : '',
        v.version === m.scheduled?.version
          ? t('versions.scheduled', { when: longWhen(m.lang, m.scheduled.at) })
          : '',
        v.version === m.latest ? t('versions.latest') : '',
      ]
        .filter(Boolean)
        .join(', '),
      v.version === m.latest
        ? ''
        : html`<form class="admin-inline-form" method="post" action="${itemPath(m.itemId)}/restore">
            ${csrfField(m.csrf)}
            <input type="hidden" name="version" value="${String(v.version)}" />
            <input type="hidden" name="base" value="${String(m.latest)}" />
            <button class="button button--secondary" type="submit">${t('versions.restore', { version: String(v.version) })}</button>
          </form>`,
    ],
    empty: '',
  });
  return {
    title,
    main: html`<p><a href="${itemPath(m.itemId)}">${t('versions.back')}</a></p>
      <h1>${title}</h1>
      ${notice(m.done)}
      <p>${t('versions.restoreHint')}</p>
      ${table}
      <h2 id="compare-title">${t('versions.compare')}</h2>
      <form class="form admin-filter" method="get" action="${itemPath(m.itemId)}/compare" aria-labelledby="compare-title">
        ${selectField(m.lang, { name: 'from', label: t('versions.from'), value: String(Math.max(1, m.latest - 1)), options })}
        ${selectField(m.lang, { name: 'to', label: t('versions.to'), value: String(m.latest), options })}
        <button class="button button--secondary" type="submit">${t('versions.compareSubmit')}</button>
      </form>`,
  };
}

export function comparePage(
  lang: Lang,
  itemId: string,
  from: number,
  to: number,
  changes: FieldChange[],
): { title: string; main: SafeHtml } {
  const t = translator(lang);
  const title = t('compare.title', { from: String(from), to: String(to) });
  return {
    title,
    main: html`<p><a href="${itemPath(itemId)}/versions">${t('edit.versions')}</a></p>
      <h1>${title}</h1>
      ${changesHtml(lang, changes, 2)}`,
  };
}

/** The banner above a preview: which version, which language, and expired images. */
export function previewBanner(
  lang: Lang,
  itemId: string,
  version: number,
  pageLang: Lang,
  expired: string[],
  /** The version is the one visitors see now (published, its minute come). */
  live = false,
  /** What the version lacks in the language shown (it cannot be published so). */
  missing?: string,
): SafeHtml {
  const t = translator(lang);
  const other = pageLang === 'sv' ? 'en' : 'sv';
  const said = { version: String(version), language: t(`lang.${pageLang}`) };
  return html`<div class="editorial-preview" role="note" lang="${lang}">
    <div class="wrap">
      <p><strong>${t(live ? 'preview.bannerLive' : 'preview.banner', said)}</strong></p>
      <p>
        <a href="${itemPath(itemId)}">${t('preview.back')}</a> ·
        <a href="${itemPath(itemId)}/preview?version=${String(version)}&amp;lang=${other}" hreflang="${other}">${t('preview.other', { language: t(`lang.${other}`) })}</a>
      </p>
      ${missing ? html`<p>${missing}</p>` : ''}
      ${expired.length ? html`<p>${t('preview.expired', { images: expired.join(', ') })}</p>` : ''}
    </div>
  </div>`;
}
