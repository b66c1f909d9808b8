/**
 * The back-office pages of the company pages but the edit form (edit-views.ts): the region's list,
 * a new page for a company, the settings, the employer's "Vår företagssida" before it has a page,
 * the review with its diff, the page's images and its competence needs. Every form re-shows what
 * was typed with the error by its field.
 */
import { fieldsDiff, type FieldChange } from '../../../platform/html/diff.ts';
import {
  checkboxGroup,
  csrfField,
  fileField,
  formErrorSummary,
  hiddenField,
  notice,
  radioGroup,
  selectField,
  textField,
  textareaField,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { markupErrorsText } from '../../../platform/html/richtext-messages.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import { formatOrgNumber } from '../../identity/organisations/orgnr.ts';
import { imageUrl, type MediaImage } from '../../content/media/service.ts';
import { COMPANY_LIMITS, COMPANY_STATUSES, type CompanyStatus } from '../model.ts';
import type { Company } from '../store.ts';
import { occupationLabel, one, type FieldError, type FieldErrors, type FormValues } from './form.ts';
import { companyAdminMessages, type CompanyMessageKey } from './messages.ts';
import type { ListRow, Occupation, PageStats } from './repository.ts';
import type { NewCompanyInput, OwnPage, PhotoValues, Reason } from './service.ts';
import { PEOPLE_MAX, needPrefix, needRows } from './service.ts';

export const COMPANIES_PATH = '/admin/companies';
export const OWN_PATH = `${COMPANIES_PATH}/own`;
export const NEW_PATH = `${COMPANIES_PATH}/new`;
export const SETTINGS_PATH = `${COMPANIES_PATH}/settings`;
export const NEEDS_CSV_PATH = `${COMPANIES_PATH}/needs.csv`;
export const companyPath = (id: string) => `${COMPANIES_PATH}/${id}`;

export type T = (key: CompanyMessageKey, params?: Record<string, string>) => string;
export const translator =
  (lang: Lang): T =>
  (key, params) =>
    companyAdminMessages.t(lang, key, params);

/** The date and time in words: "12 december 2026 14:05". */
export function longWhen(lang: Lang, date: Date): string {
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', timeStyle: 'short' }).format(
    date,
  );
  return `${formatDate(lang, date)} ${time}`;
}

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

/** The page's state in words. */
export function statusWords(t: T, company: Pick<Company, 'status' | 'reviewVersion'>): string {
  if (company.status === 'published' && company.reviewVersion !== null) return t('status.publishedReview');
  return t(`status.${company.status}`);
}

/** A refused step's reasons, announced. */
export function refusedHtml(t: T, reasons: readonly Reason[] | undefined): SafeHtml {
  if (!reasons?.length) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="refused-title">
    <h2 id="refused-title">${t('refused.title')}</h2>
    <ul>${reasons.map((r) => html`<li>${t(r.key, r.params)}</li>`)}</ul>
  </div>`;
}

/** A language's own name in the page's language (Intl), for the facts' languages. */
export function languageName(lang: Lang, code: string): string {
  try {
    return new Intl.DisplayNames([lang === 'sv' ? 'sv-SE' : 'en-GB'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** An occupation as the picker shows it: its label, and a group's SSYK code. */
export function occupationText(t: T, lang: Lang, o: Occupation): string {
  const label = occupationLabel(o, lang);
  return o.type === 'ssyk-level-4' && o.code ? t('occupation.group', { label, code: o.code }) : label;
}

// The region's list.

export interface ListModel {
  lang: Lang;
  rows: ListRow[];
  total: number;
  page: number;
  pages: number;
  filter: { status: string; review: boolean };
  query: (page: number) => string;
  canCreate: boolean;
}

export function listPage(m: ListModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const all = { value: '', label: t('list.all') };
  const filter = html`<form class="form admin-filter" method="get" action="${COMPANIES_PATH}" aria-label="${t('list.filters')}">
    ${selectField(m.lang, {
      name: 'status',
      label: t('list.status'),
      value: m.filter.status,
      options: [all, ...COMPANY_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))],
    })}
    ${checkboxGroup(m.lang, {
      name: 'review',
      legend: t('list.status'),
      legendClass: 'visually-hidden',
      options: [{ value: '1', label: t('list.review') }],
      values: m.filter.review ? ['1'] : [],
    })}
    <button class="button button--secondary" type="submit">${t('list.filter')}</button>
  </form>`;
  const links = [
    ...(m.page > 1 ? [{ href: m.query(m.page - 1), text: t('list.prev'), rel: 'prev' as const }] : []),
    ...(m.page < m.pages ? [{ href: m.query(m.page + 1), text: t('list.next'), rel: 'next' as const }] : []),
  ];
  const table = dataTable<ListRow>({
    id: 'companies-caption',
    caption: t('list.caption', { count: formatNumber(m.lang, m.total) }),
    columns: [
      t('col.name'),
      t('col.orgNumber'),
      t('col.status'),
      t('col.review'),
      t('col.owner'),
      t('col.featured'),
      t('col.updated'),
    ],
    rows: m.rows,
    cells: (row) => [
      html`<a href="${companyPath(row.id)}">${row.name}</a>${row.demo ? html` <span class="tag tag--muted">${t('list.demo')}</span>` : ''}`,
      formatOrgNumber(row.orgNumber),
      statusWords(t, row),
      row.reviewVersion !== null
        ? html`<a href="${companyPath(row.id)}/review">${t('list.reviewLink', { version: String(row.reviewVersion) })}</a>`
        : t('list.noReview'),
      row.organisationName ?? t('list.unclaimed'),
      row.featured ? t('list.featured') : t('list.notFeatured'),
      formatDate(m.lang, row.updatedAt),
    ],
    empty: t('list.empty'),
    paging: { label: t('list.paging'), links },
  });
  return {
    title: t('list.title'),
    main: html`<h1>${t('list.title')}</h1>
      <p class="lead">${t('list.intro')}</p>
      <ul class="admin-links">
        ${m.canCreate ? html`<li><a href="${NEW_PATH}">${t('list.new')}</a></li>` : ''}
        <li><a href="${SETTINGS_PATH}">${t('list.settings')}</a></li>
        <li><a href="${NEEDS_CSV_PATH}" download>${t('list.export')}</a></li>
      </ul>
      ${filter} ${table}
      ${m.pages > 1 ? html`<p>${t('list.pageOf', { page: String(m.page), pages: String(m.pages) })}</p>` : ''}`,
  };
}

// A new page for a company (the region's).

export function newPage(m: { lang: Lang; csrf: string; values: NewCompanyInput; errors: FieldErrors }): {
  title: string;
  main: SafeHtml;
} {
  const t = translator(m.lang);
  const e = (id: string) => errorText(m.lang, m.errors, id);
  const failed = Object.keys(m.errors).length > 0;
  return {
    title: failed ? `${t('new.title')} – ${t('refused.title')}` : t('new.title'),
    main: html`<p><a href="${COMPANIES_PATH}">${t('new.back')}</a></p>
      <h1>${t('new.title')}</h1>
      ${summaryOf(m.lang, m.errors)}
      <p class="lead">${t('new.intro')}</p>
      <form class="form" method="post" action="${NEW_PATH}" novalidate>
        ${csrfField(m.csrf)}
        ${textField(m.lang, { name: 'name', label: t('new.name'), error: e('name'), value: m.values.name, maxlength: COMPANY_LIMITS.name, autocomplete: 'organization', required: true })}
        ${textField(m.lang, { name: 'org_number', label: t('new.orgNumber'), hint: t('new.orgNumberHint'), error: e('org_number'), value: m.values.org_number, maxlength: 13, inputmode: 'numeric', autocomplete: 'off', required: true })}
        <button class="button" type="submit">${t('new.create')}</button>
      </form>`,
  };
}

// Settings.

export function settingsPage(m: {
  lang: Lang;
  csrf: string;
  value: string;
  errors: FieldErrors;
  done?: boolean;
}): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  return {
    title: t('settings.title'),
    main: html`<p><a href="${COMPANIES_PATH}">${t('new.back')}</a></p>
      <h1>${t('settings.title')}</h1>
      ${summaryOf(m.lang, m.errors)} ${notice(m.done ? t('done.settings') : undefined)}
      <p class="lead">${t('settings.intro')}</p>
      <form class="form" method="post" action="${SETTINGS_PATH}" novalidate>
        ${csrfField(m.csrf)}
        ${radioGroup(m.lang, {
          name: 'direct',
          legend: t('settings.direct'),
          error: errorText(m.lang, m.errors, 'direct-yes'),
          options: [
            { value: 'yes', label: t('settings.directYes') },
            { value: 'no', label: t('settings.directNo') },
          ],
          value: m.value,
          required: true,
        })}
        <button class="button" type="submit">${t('settings.save')}</button>
      </form>`,
  };
}

// The employer's own page, before there is one.

export function ownPage(m: {
  lang: Lang;
  csrf: string;
  state: Exclude<OwnPage, { kind: 'page' }>;
  refused?: Reason[];
}): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const s = m.state;
  let body: SafeHtml;
  if (s.kind === 'claimable')
    body = html`<p>${t('own.claimable', { name: s.company.name, orgNumber: formatOrgNumber(s.company.orgNumber) })}</p>
      <form class="form" method="post" action="${OWN_PATH}/claim">
        ${csrfField(m.csrf)}
        <button class="button" type="submit">${t('own.claim')}</button>
      </form>`;
  else if (s.kind === 'none')
    body = html`<p>${t('own.none', { organisation: s.organisation.name })}</p>
      <form class="form" method="post" action="${OWN_PATH}/create">
        ${csrfField(m.csrf)}
        <p>${t('own.createHint')}</p>
        <button class="button" type="submit">${t('own.create')}</button>
      </form>`;
  else if (s.kind === 'no-number')
    body = html`<p>${t('own.noNumber', { organisation: s.organisation.name })}</p>`;
  else if (s.kind === 'taken') body = html`<p>${t('own.taken')}</p>`;
  else body = html`<p>${t('own.noOrganisation')}</p>`;
  return {
    title: t('own.title'),
    main: html`<h1>${t('own.title')}</h1>
      ${refusedHtml(t, m.refused)}
      <p class="lead">${t('own.intro')}</p>
      ${body}`,
  };
}

// Visitors.

export function statsHtml(t: T, lang: Lang, stats: PageStats): SafeHtml {
  const rows = [
    { label: t('stats.last30'), v: stats.last30 },
    { label: t('stats.total'), v: stats.total },
  ];
  return html`<section aria-labelledby="stats-title">
    <h2 id="stats-title">${t('stats.title')}</h2>
    ${dataTable({
      id: 'stats-caption',
      caption: t('stats.caption'),
      columns: [t('stats.period'), t('stats.views'), t('stats.clicks')],
      rows,
      cells: (r) => [r.label, formatNumber(lang, r.v.views), formatNumber(lang, r.v.jobClicks)],
      empty: '',
    })}
    <p class="field__hint">${t('stats.note')}</p>
  </section>`;
}

// The review.

export interface ReviewModel {
  lang: Lang;
  csrf: string;
  company: Company;
  name: string;
  /** The version waiting, or null when none is. */
  version: number | null;
  changes: FieldChange[];
  badgesChanged: boolean;
  /** The logo and photos the waiting version shows. */
  pictures: readonly MediaImage[];
  comment: string;
  errors: FieldErrors;
  refused?: Reason[];
}

export function reviewPage(m: ReviewModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const c = m.company;
  const heading = t('review.title', { name: m.name });
  const failed = Object.keys(m.errors).length > 0 || Boolean(m.refused?.length);
  let body: SafeHtml;
  if (m.version === null) body = html`<p>${t('review.nothing')}</p>`;
  else {
    const intro =
      c.publishedVersion !== null && c.status === 'published'
        ? t('review.changed', { published: String(c.publishedVersion), version: String(m.version) })
        : t('review.first', { version: String(m.version) });
    body = html`<section aria-labelledby="diff-title">
        <h2 id="diff-title">${t('review.preview')}</h2>
        <p>${intro}</p>
        ${m.badgesChanged ? html`<p class="notice" role="note">${t('review.badges')}</p>` : ''}
        ${fieldsDiff(m.lang, m.changes)}
      </section>
      <section aria-labelledby="pictures-title">
        <h2 id="pictures-title">${t('review.pictures')}</h2>
        ${imageGrid(m.lang, m.pictures, 'pictures-title', t('review.noPictures'), 'eager')}
      </section>
      <section aria-labelledby="decide-title">
        <h2 id="decide-title">${t('review.decide')}</h2>
        <form class="form" method="post" action="${companyPath(c.id)}/approve">
          ${csrfField(m.csrf)} ${hiddenField('shown', String(m.version))}
          <h3>${t('review.approve')}</h3>
          <p>${t('review.approveHint', { version: String(m.version) })}</p>
          <p><button class="button" type="submit">${t('review.approve')}</button></p>
        </form>
        <form class="form" method="post" action="${companyPath(c.id)}/return" novalidate>
          ${csrfField(m.csrf)} ${hiddenField('shown', String(m.version))}
          <h3>${t('review.return')}</h3>
          ${textareaField(m.lang, { name: 'comment', label: t('review.comment'), hint: t('review.commentHint'), error: errorText(m.lang, m.errors, 'comment'), value: m.comment, rows: 4, maxlength: 500, required: true })}
          <button class="button button--secondary" type="submit">${t('review.return')}</button>
        </form>
      </section>`;
  }
  return {
    title: failed ? `${heading} – ${t('refused.title')}` : heading,
    main: html`<p><a href="${companyPath(c.id)}">${t('review.back')}</a></p>
      <h1>${heading}</h1>
      ${summaryOf(m.lang, m.errors)} ${refusedHtml(t, m.refused)}
      ${body}`,
  };
}

/** Images as the media library shows them: a grid of cards, each with its alt text in both languages. */
export function imageGrid(
  lang: Lang,
  images: readonly MediaImage[],
  labelledBy: string,
  empty: string,
  loading: 'lazy' | 'eager' = 'lazy',
): SafeHtml {
  if (images.length === 0) return html`<p>${empty}</p>`;
  return html`<ul class="media-grid" aria-labelledby="${labelledBy}">
    ${images.map(
      (image) => html`<li class="media-card">
        <img src="${imageUrl(image, 320, 'jpeg')}" width="${image.width}" height="${image.height}" alt="" loading="${loading}" decoding="async" />
        <p class="media-card__alt" lang="sv">${image.alt.sv}</p>
        <p class="media-card__alt" lang="en">${image.alt.en}</p>
      </li>`,
    )}
  </ul>`;
}

// The owner's images.

export interface ImagesModel {
  lang: Lang;
  csrf: string;
  company: Company;
  name: string;
  images: MediaImage[];
  values: PhotoValues;
  errors: FieldErrors;
  maxMegabytes: string;
  done?: boolean;
}

export function imagesPage(m: ImagesModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const e = (id: string) => errorText(m.lang, m.errors, id);
  const heading = t('images.title', { name: m.name });
  const failed = Object.keys(m.errors).length > 0;
  const path = `${companyPath(m.company.id)}/images`;
  const text = (name: keyof PhotoValues, label: CompanyMessageKey, required: boolean, hint?: string) =>
    textField(m.lang, {
      name,
      label: t(label),
      hint,
      error: e(name),
      value: m.values[name],
      maxlength: 300,
      required,
    });
  return {
    title: failed ? `${heading} – ${t('refused.title')}` : heading,
    main: html`<p><a href="${companyPath(m.company.id)}">${t('images.back')}</a></p>
      <h1>${heading}</h1>
      ${summaryOf(m.lang, m.errors)} ${notice(m.done ? t('done.uploaded') : undefined)}
      <p class="lead">${t('images.intro')}</p>
      <h2 id="images-list">${t('images.caption')}</h2>
      ${imageGrid(m.lang, m.images, 'images-list', t('images.none'))}
      <section aria-labelledby="upload-title">
        <h2 id="upload-title">${t('images.upload')}</h2>
        <form class="form" method="post" action="${path}" enctype="multipart/form-data" novalidate>
          ${csrfField(m.csrf)}
          ${fileField(m.lang, { name: 'file', label: t('images.file'), hint: t('images.fileHint', { size: m.maxMegabytes }), error: e('file'), accept: 'image/jpeg,image/png,image/webp,image/avif', required: true })}
          ${text('alt_sv', 'images.altSv', true, t('images.altHint'))}
          ${text('alt_en', 'images.altEn', true, t('images.altHint'))}
          ${text('caption_sv', 'images.captionSv', false)}
          ${text('caption_en', 'images.captionEn', false)}
          ${text('photographer', 'images.photographer', false)}
          <button class="button" type="submit">${t('images.send')}</button>
        </form>
      </section>`,
  };
}

// Competence needs.

export interface NeedsModel {
  lang: Lang;
  csrf: string;
  company: Company;
  name: string;
  values: FormValues;
  errors: FieldErrors;
  occupations: ReadonlyMap<string, Occupation>;
  found: ReadonlyMap<string, readonly Occupation[]>;
  done?: boolean;
}

/**
 * One occupation chooser (a career step's, a need's): the chosen occupation, the matches of the
 * words last searched to pick from, and the search field — a plain form, no script.
 */
export function occupationChooser(
  lang: Lang,
  p: string,
  values: FormValues,
  errors: FieldErrors,
  occupations: ReadonlyMap<string, Occupation>,
  found: ReadonlyMap<string, readonly Occupation[]>,
): SafeHtml {
  const t = translator(lang);
  const id = one(values, `${p}_occ`).trim();
  const current = id ? occupations.get(id) : undefined;
  const q = one(values, `${p}_q`);
  const hits = q.trim() ? (found.get(p) ?? []) : [];
  const error = errorText(lang, errors, `${p}_q`);
  if (hits.length > 1) {
    const options = [
      ...(current
        ? [
            {
              value: current.id,
              label: t('field.occupationKeep', { occupation: occupationText(t, lang, current) }),
            },
          ]
        : []),
      ...hits
        .filter((o) => o.id !== current?.id)
        .map((o) => ({ value: o.id, label: occupationText(t, lang, o) })),
    ];
    // The first choice takes the field's id, where the error summary's link lands. The words are
    // spent once a match is chosen: the search field starts empty.
    const [first, ...rest] = options;
    return html`${radioGroup(lang, {
      name: `${p}_occ`,
      idPrefix: `${p}_pick`,
      legend: t('field.occupationPick', { q: q.trim() }),
      error,
      options: first ? [{ ...first, id: `${p}_q` }, ...rest] : [],
      value: current?.id ?? '',
      required: true,
    })}
    ${textField(lang, { name: `${p}_q`, id: `${p}_search`, label: t('field.occupationSearch'), hint: t('field.occupationSearchHint'), value: '', maxlength: 100, autocomplete: 'off', required: false })}`;
  }
  return html`${current ? html`<p class="company-admin__occupation">${t('field.occupationChosen', { occupation: occupationText(t, lang, current) })}</p>` : ''}
    ${id ? hiddenField(`${p}_occ`, id) : ''}
    ${textField(lang, { name: `${p}_q`, label: t(current ? 'field.occupationChange' : 'field.occupationSearch'), hint: t('field.occupationSearchHint'), error, value: q, maxlength: 100, autocomplete: 'off', required: false })}`;
}

export function needsPage(m: NeedsModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const heading = t('needs.title', { name: m.name });
  const failed = Object.keys(m.errors).length > 0;
  const rows = needRows(m.values);
  const fields: SafeHtml[] = [];
  for (let i = 0; i < rows; i += 1) {
    const p = needPrefix(i);
    fields.push(html`<fieldset class="fieldset content-step">
      <legend class="fieldset__legend">${t('needs.row', { n: String(i + 1) })}</legend>
      ${occupationChooser(m.lang, p, m.values, m.errors, m.occupations, m.found)}
      ${textField(m.lang, { name: `${p}_people`, label: t('needs.people'), hint: t('needs.peopleHint'), error: errorText(m.lang, m.errors, `${p}_people`), value: one(m.values, `${p}_people`), inputmode: 'numeric', maxlength: 6, inputClass: 'input--short', autocomplete: 'off', required: false })}
    </fieldset>`);
  }
  return {
    title: failed ? `${heading} – ${t('refused.title')}` : heading,
    main: html`<p><a href="${companyPath(m.company.id)}">${t('needs.back')}</a></p>
      <h1>${heading}</h1>
      ${summaryOf(m.lang, m.errors)} ${notice(m.done ? t('done.needs') : undefined)}
      <p class="lead">${t('needs.intro')}</p>
      <form class="form content-form" method="post" action="${companyPath(m.company.id)}/needs" novalidate>
        ${csrfField(m.csrf)} ${hiddenField('rows', String(rows))}
        ${fields}
        <p>${t('needs.more', { max: String(COMPANY_LIMITS.competenceNeeds) })}</p>
        <button class="button" type="submit">${t('needs.save')}</button>
      </form>`,
  };
}

export { PEOPLE_MAX };
export type { CompanyStatus };
