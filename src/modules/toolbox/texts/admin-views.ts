/**
 * The back-office pages of the region's texts: the list (a GET form of filters, a table, paging)
 * and the form (persona, topic, municipality, the titles and bodies sv/en side by side, the source,
 * and "approve when saving", said plainly for an approved text that a save without it makes a
 * draft), with the workflow's buttons under it. Every form re-shows what was typed with the error
 * by its field.
 */
import {
  checkboxGroup,
  csrfField,
  dateField,
  formErrorSummary,
  hiddenField,
  notice,
  selectField,
  textField,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { languagePair } from '../../../platform/html/language-pair.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { toolboxMessages } from '../messages.ts';
import { PATHS, PERSONAS, TEXT_STATUSES, TOPICS, type TextStatus } from '../model.ts';
import { adminQuery, type FilterProblem } from './filters.ts';
import { FIELD_ORDER, LIMITS, type TextFormErrors, type TextFormValues } from './form.ts';
import { textsMessages, type TextsMessageKey } from './messages.ts';
import { ADMIN_PAGE_SIZE, type AdminFilter, type ListRow, type TextRow } from './repository.ts';
import { MOVES } from './service.ts';

export const ADMIN_PATH = `${PATHS.admin}/texts`;
export const TEXTS_ADMIN_CSS = 'css/toolbox-texts.css';
export const adminTextPath = (id: string) => `${ADMIN_PATH}/${id}`;

type Params = Record<string, string>;
const tr = (lang: Lang) => (key: TextsMessageKey, params?: Params) => textsMessages.t(lang, key, params);
type ToolboxKey = Parameters<typeof toolboxMessages.t>[1];
const tb = (lang: Lang, key: string) => toolboxMessages.t(lang, key as ToolboxKey);

export const personaLabel = (lang: Lang, p: string) => tb(lang, `persona.${p}`);
export const topicLabel = (lang: Lang, t: string) => tb(lang, `topic.${t}`);
export const statusLabel = (lang: Lang, s: string) => tb(lang, `textStatus.${s}`);

export function municipalityLabel(lang: Lang, region: Region, code: string | null): string {
  if (code === null) return tb(lang, 'region.whole');
  return region.municipalities.find((m) => m.code === code)?.shortName ?? code;
}

export interface AdminPageView {
  title: string;
  main: SafeHtml;
  stylesheets: string[];
}

const view = (title: string, main: SafeHtml): AdminPageView => ({
  title,
  main,
  stylesheets: [TEXTS_ADMIN_CSS],
});

function statusTag(lang: Lang, status: string): SafeHtml {
  return html`<span class="tag texts-status texts-status--${status}">${statusLabel(lang, status)}</span>`;
}

const FILTER_LABEL: Record<string, TextsMessageKey> = {
  status: 'filter.status',
  persona: 'filter.persona',
  topic: 'filter.topic',
  municipality: 'filter.municipality',
  language: 'filter.language',
};

export function problemText(lang: Lang, p: FilterProblem): string {
  const t = tr(lang);
  if (p.field === 'page') return t('error.page', { value: p.value });
  const field = t(FILTER_LABEL[p.field] ?? 'filter.status');
  return p.reason === 'repeated'
    ? t('error.repeated', { field })
    : t('error.unknown', { value: p.value, field });
}

export interface AdminListModel {
  lang: Lang;
  region: Region;
  filter: AdminFilter;
  problems: readonly FilterProblem[];
  rows: ListRow[];
  total: number;
  done?: string;
}

export function adminListPage(m: AdminListModel): AdminPageView {
  const t = tr(m.lang);
  const lang = m.lang;
  const error = (field: string) => {
    const p = m.problems.find((x) => x.field === field);
    return p ? problemText(lang, p) : undefined;
  };
  const municipalities = [...m.region.municipalities].sort((a, b) =>
    a.shortName.localeCompare(b.shortName, 'sv'),
  );
  const form = html`<form class="admin-filter" method="get" action="${ADMIN_PATH}" aria-labelledby="texts-filter-title">
    <h2 id="texts-filter-title" class="visually-hidden">${t('admin.filterTitle')}</h2>
    ${selectField(lang, {
      name: 'status',
      id: 'tf-status',
      label: t('filter.status'),
      value: m.filter.status,
      error: error('status'),
      placeholder: t('filter.any'),
      options: TEXT_STATUSES.map((s) => ({ value: s, label: statusLabel(lang, s) })),
    })}
    ${selectField(lang, {
      name: 'persona',
      id: 'tf-persona',
      label: t('filter.persona'),
      value: m.filter.persona,
      error: error('persona'),
      placeholder: t('filter.any'),
      options: PERSONAS.map((p) => ({ value: p, label: personaLabel(lang, p) })),
    })}
    ${selectField(lang, {
      name: 'topic',
      id: 'tf-topic',
      label: t('filter.topic'),
      value: m.filter.topic,
      error: error('topic'),
      placeholder: t('filter.any'),
      options: TOPICS.map((p) => ({ value: p, label: topicLabel(lang, p) })),
    })}
    ${selectField(lang, {
      name: 'municipality',
      id: 'tf-municipality',
      label: t('filter.municipality'),
      value: m.filter.municipality,
      error: error('municipality'),
      placeholder: t('filter.any'),
      options: [
        { value: 'region', label: t('filter.region') },
        ...municipalities.map((x) => ({ value: x.code, label: x.shortName })),
      ],
    })}
    <button class="button button--secondary" type="submit">${t('filter.apply')}</button>
  </form>`;
  const links = [];
  if (m.filter.page > 1)
    links.push({
      href: `${ADMIN_PATH}${adminQuery(m.filter, m.filter.page - 1)}`,
      text: t('list.previous'),
      rel: 'prev' as const,
    });
  if (m.filter.page * ADMIN_PAGE_SIZE < m.total)
    links.push({
      href: `${ADMIN_PATH}${adminQuery(m.filter, m.filter.page + 1)}`,
      text: t('list.next'),
      rel: 'next' as const,
    });
  const languages = (r: ListRow) =>
    r.has_sv && r.has_en
      ? t('list.both')
      : html`<strong class="tag tag--overdue">${r.has_sv ? t('list.missingEn') : t('list.missingSv')}</strong>`;
  const table = dataTable({
    id: 'texts-table',
    caption: t('list.caption', { count: formatNumber(lang, m.total) }),
    columns: [
      t('col.title'),
      t('col.persona'),
      t('col.topic'),
      t('col.municipality'),
      t('col.languages'),
      t('col.status'),
    ],
    rows: m.rows,
    cells: (r) => [
      html`<a href="${adminTextPath(r.id)}">${(lang === 'en' ? r.title_en || r.title_sv : r.title_sv || r.title_en) || t('list.untitled')}</a>`,
      personaLabel(lang, r.persona),
      topicLabel(lang, r.topic),
      municipalityLabel(lang, m.region, r.municipality_code),
      languages(r),
      statusTag(lang, r.status),
    ],
    empty: t('list.empty'),
    paging: { label: t('list.paging'), links },
  });
  const title = t('admin.title');
  return view(
    title,
    html`<h1>${title}</h1>
      <p class="lead">${t('admin.lead')}</p>
      ${notice(m.done ? t(`done.${m.done}` as TextsMessageKey) : undefined)}
      ${
        m.problems.length
          ? formErrorSummary(
              lang,
              m.problems.map((p) => ({ id: `tf-${p.field}`, text: problemText(lang, p) })),
            )
          : ''
      }
      <p class="admin-actions"><a class="button" href="${ADMIN_PATH}/new">${t('admin.new')}</a></p>
      ${form} ${table}`,
  );
}

export interface AdminFormModel {
  lang: Lang;
  region: Region;
  csrf: string;
  /** undefined: a new text. */
  text?: TextRow;
  values: TextFormValues;
  errors: TextFormErrors;
  stale?: boolean;
  /** Why a workflow move was refused (stale, or not allowed). */
  moveProblem?: 'stale' | 'refused';
  done?: string;
}

export function adminFormPage(m: AdminFormModel): AdminPageView {
  const t = tr(m.lang);
  const lang = m.lang;
  const v = m.values;
  const err = (name: string) => {
    const e = m.errors[name];
    return e ? textsMessages.t(lang, e.key, e.params) : undefined;
  };
  const langName = (l: Lang) => t(l === 'sv' ? 'form.inSwedish' : 'form.inEnglish');
  const errors = FIELD_ORDER.flatMap((id) => {
    const text = err(id);
    return text ? [{ id, text }] : [];
  });
  const title = m.text ? t('form.editTitle') : t('form.newTitle');
  const action = m.text ? adminTextPath(m.text.id) : `${ADMIN_PATH}/new`;
  const approved = m.text?.status === 'approved';
  const municipalities = [...m.region.municipalities].sort((a, b) =>
    a.shortName.localeCompare(b.shortName, 'sv'),
  );
  const statusLine = m.text
    ? html`<p class="texts-admin__status">${t('form.statusNow')} ${statusTag(lang, m.text.status)}${
        m.text.approved_at && m.text.status !== 'draft'
          ? html` <span class="admin-muted">${t('form.approvedBy', {
              date: formatDate(lang, m.text.approved_at),
              name: m.text.approved_by_name || t('form.someone'),
            })}</span>`
          : ''
      }</p>`
    : '';
  const form = html`<form method="post" action="${action}" class="texts-form" novalidate>
    ${csrfField(m.csrf)} ${hiddenField('version', v.version)}
    <fieldset class="fieldset">
      <legend class="fieldset__legend">${t('form.about')}</legend>
      ${selectField(lang, {
        name: 'persona',
        label: t('form.persona'),
        value: v.persona,
        required: true,
        error: err('persona'),
        placeholder: t('form.choose'),
        options: PERSONAS.map((p) => ({ value: p, label: personaLabel(lang, p) })),
      })}
      ${selectField(lang, {
        name: 'topic',
        label: t('form.topic'),
        value: v.topic,
        required: true,
        error: err('topic'),
        placeholder: t('form.choose'),
        options: TOPICS.map((p) => ({ value: p, label: topicLabel(lang, p) })),
      })}
      ${selectField(lang, {
        name: 'municipality',
        label: t('form.municipality'),
        hint: t('form.municipalityHint'),
        value: v.municipality,
        required: true,
        error: err('municipality'),
        options: [
          { value: '', label: tb(lang, 'region.whole') },
          ...municipalities.map((x) => ({ value: x.code, label: x.shortName })),
        ],
      })}
    </fieldset>
    <fieldset class="fieldset">
      <legend class="fieldset__legend">${t('form.texts')}</legend>
      <p class="field__hint">${t('form.textsHint')}</p>
      ${languagePair(lang, {
        prefix: 'title',
        values: { sv: v.title_sv, en: v.title_en },
        label: (l) => t('form.title', { language: langName(l) }),
        missing: t('form.missing'),
        error: err,
        maxlength: LIMITS.title,
        required: null,
      })}
      ${languagePair(lang, {
        prefix: 'body',
        values: { sv: v.body_sv, en: v.body_en },
        label: (l) => t('form.body', { language: langName(l) }),
        missing: t('form.missing'),
        error: err,
        rows: 10,
        maxlength: LIMITS.body,
        required: null,
      })}
    </fieldset>
    <fieldset class="fieldset">
      <legend class="fieldset__legend">${t('form.source')}</legend>
      <p class="field__hint">${t('form.sourceHint')}</p>
      ${textField(lang, {
        name: 'source_name',
        label: t('form.sourceName'),
        hint: t('form.sourceNameHint'),
        value: v.source_name,
        maxlength: LIMITS.sourceName,
        error: err('source_name'),
      })}
      ${textField(lang, {
        name: 'source_url',
        type: 'url',
        label: t('form.sourceUrl'),
        hint: t('form.sourceUrlHint'),
        value: v.source_url,
        maxlength: LIMITS.sourceUrl,
        error: err('source_url'),
        spellcheck: false,
      })}
      ${dateField(lang, { name: 'source_date', label: t('form.sourceDate'), value: v.source_date, error: err('source_date') })}
    </fieldset>
    ${approved ? html`<div class="notice notice--warning"><p>${t('form.approvedWarning')}</p></div>` : ''}
    ${checkboxGroup(lang, {
      name: 'approve',
      legend: t('form.approval'),
      hint: t('form.approveHint'),
      values: v.approve === 'yes' ? ['yes'] : [],
      options: [{ value: 'yes', label: approved ? t('form.approveAgain') : t('form.approve') }],
    })}
    <p><button class="button" type="submit">${t('form.save')}</button></p>
  </form>`;
  const workflow = m.text ? workflowSection(m, m.text) : '';
  return view(
    title,
    html`<p><a href="${ADMIN_PATH}">${t('form.back')}</a></p>
      <h1>${title}</h1>
      ${notice(m.done ? t(`done.${m.done}` as TextsMessageKey) : undefined)}
      ${m.stale ? html`<div class="notice notice--warning" role="alert"><p>${t('form.stale')}</p></div>` : ''}
      ${formErrorSummary(lang, errors)} ${statusLine} ${form} ${workflow}`,
  );
}

function workflowSection(m: AdminFormModel, text: TextRow): SafeHtml {
  const t = tr(m.lang);
  const label: Record<TextStatus, TextsMessageKey> = {
    approved: 'workflow.approve',
    retired: 'workflow.retire',
    draft: 'workflow.draft',
  };
  const moves = MOVES[text.status];
  return html`<section class="texts-workflow" aria-labelledby="texts-workflow-title">
    <h2 id="texts-workflow-title">${t('workflow.title')}</h2>
    ${
      m.moveProblem
        ? html`<div class="notice notice--warning" role="alert"><p>${t(m.moveProblem === 'stale' ? 'workflow.stale' : 'workflow.refused')}</p></div>`
        : ''
    }
    <p>${statusTag(m.lang, text.status)}</p>
    <div class="admin-actions">
      ${moves.map(
        (to) => html`<form method="post" action="${adminTextPath(text.id)}/status" class="admin-inline-form">
          ${csrfField(m.csrf)} ${hiddenField('version', text.version)} ${hiddenField('to', to)}
          <button class="button${to === 'approved' ? '' : ' button--secondary'}" type="submit">${t(label[to])}</button>
        </form>`,
      )}
    </div>
    ${moves.includes('draft') ? html`<p class="field__hint">${t('workflow.draftHint')}</p>` : ''}
  </section>`;
}
