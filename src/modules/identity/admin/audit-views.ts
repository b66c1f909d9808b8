/**
 * The audit trail page: a GET filter form (organisation, person, kind of event, dates) and the
 * events as sentences in the reader's language, newest first, with the time in Swedish time and the
 * dotted action for the technically minded; "older events" pages by event id.
 */
import { dateField, emailField, errorSummary, selectField } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { auditMessages, type AuditMessageKey } from './audit-messages.ts';
import type { AuditCatalogue } from '../../../platform/audit-sentences.ts';
import { auditSentence, type AuditNames, type AuditRow } from './audit-sentences.ts';
import type { OrganisationOption } from './audit.ts';

export const AUDIT_PATH = '/admin/audit';

/** The filter as typed (strings, kept for re-showing). */
export interface AuditFilterValues {
  organisation: string;
  person: string;
  action: string;
  from: string;
  to: string;
}

export type AuditFilterField = keyof AuditFilterValues;
export type AuditFilterErrors = Partial<Record<AuditFilterField, AuditMessageKey>>;

export interface AuditPageModel {
  lang: Lang;
  values: AuditFilterValues;
  errors: AuditFilterErrors;
  /** The organisations one may choose; `regionWide` adds "all organisations". */
  organisations: OrganisationOption[];
  regionWide: boolean;
  /** The reader's organisation, named in the introduction when not region-wide. */
  organisationName: string | null;
  rows: AuditRow[];
  names: AuditNames;
  /** Every module's kinds of event: their labels and sentences. */
  audit: AuditCatalogue;
  /** The reader chose a filter (else an empty list is simply "no events yet"). */
  filtered: boolean;
  nextBefore: number | null;
  /** This page is an older page (a `before` was given). */
  paged: boolean;
}

const timeFormats: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }),
};

/** "3 mars 2025 kl. 14:05" / "3 March 2025 at 14:05", in Europe/Stockholm. */
export function formatDateTime(lang: Lang, at: Date): string {
  return auditMessages.t(lang, 'audit.at', {
    date: formatDate(lang, at),
    time: timeFormats[lang].format(at),
  });
}

/** The query string of a filter (empty values left out), plus `before` for paging. */
export function filterQuery(values: AuditFilterValues, before?: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  if (before !== undefined) params.set('before', String(before));
  const query = params.toString();
  return query ? `?${query}` : '';
}

const FIELDS: readonly AuditFilterField[] = ['organisation', 'person', 'action', 'from', 'to'];

export function auditPage(model: AuditPageModel): { title: string; main: SafeHtml } {
  const { lang, values, errors } = model;
  const t = (key: AuditMessageKey, params?: Record<string, string>) => auditMessages.t(lang, key, params);
  const failed = FIELDS.filter((f) => errors[f]);
  const title = t('audit.title');
  const error = (field: AuditFilterField) => {
    const key = errors[field];
    return key ? t(key) : undefined;
  };
  const organisationField = selectField(lang, {
    name: 'organisation',
    label: t('audit.filter.organisation'),
    error: error('organisation'),
    value: values.organisation,
    placeholder: model.regionWide ? t('audit.filter.allOrganisations') : undefined,
    options: model.organisations.map((o) => ({ value: o.id, label: o.name })),
  });
  const personField = emailField(lang, {
    name: 'person',
    label: t('audit.filter.person'),
    hint: t('audit.filter.personHint'),
    error: error('person'),
    value: values.person,
    autocomplete: 'off',
  });
  // Kinds of event by their words (each module's labels), never by their dotted codes.
  const actionField = selectField(lang, {
    name: 'action',
    // On a line of its own: its options are long, and the two dates then sit side by side.
    className: 'audit-filters__wide',
    label: t('audit.filter.action'),
    error: error('action'),
    value: values.action,
    placeholder: t('audit.filter.allActions'),
    options: [],
    groups: [
      {
        label: t('audit.actionGroups'),
        options: model.audit.groups.map((g) => ({ value: g.value, label: g.label[lang] })),
      },
      {
        label: t('audit.actionKinds'),
        options: model.audit.actions.map((a) => ({ value: a, label: model.audit.label(lang, a) })),
      },
    ],
  });
  const date = (field: 'from' | 'to', label: AuditMessageKey) =>
    dateField(lang, {
      name: field,
      label: t(label),
      error: error(field),
      value: values[field],
    });
  const summary = errorSummary(
    t('audit.errorSummaryTitle'),
    failed.map((f) => ({ id: f, text: t(errors[f] as AuditMessageKey) })),
  );

  const form = html`<form class="form audit-filters" method="get" action="${AUDIT_PATH}" role="search"
    aria-labelledby="audit-filters-title" novalidate>
    <h2 id="audit-filters-title">${t('audit.filters')}</h2>
    ${summary} ${organisationField} ${personField} ${actionField} ${date('from', 'audit.filter.from')}
    ${date('to', 'audit.filter.to')}
    <p>
      <button class="button" type="submit">${t('audit.filter.submit')}</button>
      <a class="button button--secondary" href="${AUDIT_PATH}">${t('audit.filter.reset')}</a>
    </p>
  </form>`;

  const event = (row: AuditRow) => html`<li class="audit-event">
    <p class="audit-event__sentence">${auditSentence(lang, row, model.names, model.audit)}</p>
    <p class="audit-event__meta">
      <time datetime="${row.at.toISOString()}">${formatDateTime(lang, row.at)}</time>
      · <code>${row.action}</code>
    </p>
  </li>`;

  const list =
    failed.length > 0
      ? ''
      : model.rows.length === 0
        ? html`<p>${t(model.filtered ? 'audit.empty' : 'audit.emptyAll')}</p>`
        : html`<ol class="audit-list">
            ${model.rows.map(event)}
          </ol>`;

  const paging =
    model.nextBefore !== null || model.paged
      ? html`<nav class="pagination" aria-label="${t('audit.listTitle')}">
          <ul>
            ${model.paged ? html`<li><a href="${AUDIT_PATH}${filterQuery(values)}">${t('audit.newest')}</a></li>` : ''}
            ${
              model.nextBefore !== null
                ? html`<li>
                  <a href="${AUDIT_PATH}${filterQuery(values, model.nextBefore)}" rel="next">${t('audit.older')}</a>
                </li>`
                : ''
            }
          </ul>
        </nav>`
      : '';

  const intro =
    model.regionWide || !model.organisationName
      ? t('audit.intro')
      : t('audit.introOrganisation', { organisation: model.organisationName });

  return {
    title: failed.length ? t('audit.titleWithErrors', { title }) : title,
    main: html`<h1>${title}</h1>
      <p class="lead">${intro}</p>
      ${form}
      <section aria-labelledby="audit-list-title">
        <h2 id="audit-list-title">${t('audit.listTitle')}</h2>
        ${list} ${paging}
      </section>`,
  };
}
