/**
 * The back-office pages for accessibility reports: the list (counts by status as filter links,
 * oldest open first, age in days, overdue ones marked in words) and one report (what the visitor
 * wrote, who they are if they said, the answer form, the close form and a staff-only note). Every
 * form re-shows what was typed with the error by its field.
 */
import { csrfField, formErrorSummary, radioGroup, textareaField } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import { reportMessages, type ReportMessageKey } from './messages.ts';
import { CLOSE_REASONS, REPORT_FILTERS, type ReportStatus } from './repository.ts';
import {
  ANSWER_MAX,
  ANSWER_WITHIN_DAYS,
  CLOSE_NOTE_MAX,
  NOTE_MAX,
  type AnswerInput,
  type CloseInput,
  type FormErrors,
  type NoteInput,
  type ReportDetail,
  type ReportList,
} from './service.ts';

export const REPORTS_PATH = '/admin/accessibility-reports';
export const reportPath = (id: number) => `${REPORTS_PATH}/${id}`;

type T = (key: ReportMessageKey, params?: Record<string, string>) => string;
const translator =
  (lang: Lang): T =>
  (key, params) =>
    reportMessages.t(lang, key, params);

/** Our own phrase at the start of a sentence (names and addresses are kept as written). */
function upperFirst(lang: Lang, text: string): string {
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}

function statusTag(t: T, status: ReportStatus): SafeHtml {
  return html`<span class="tag${status === 'closed' ? ' tag--muted' : ''}">${t(`status.${status}`)}</span>`;
}

function ageWords(t: T, days: number): string {
  if (days === 0) return t('age.today');
  return days === 1 ? t('age.one') : t('age.days', { count: String(days) });
}

function overdueTag(t: T): SafeHtml {
  return html`<strong class="tag tag--overdue">${t('age.overdue', { days: String(ANSWER_WITHIN_DAYS) })}</strong>`;
}

export function listPage(lang: Lang, list: ReportList): { title: string; main: SafeHtml } {
  const t = translator(lang);
  const title = t('list.title');
  const filters = html`<nav aria-labelledby="report-filter-title">
    <h2 id="report-filter-title" class="visually-hidden">${t('list.filter')}</h2>
    <ul class="report-filter">
      ${REPORT_FILTERS.map((f) => {
        const label = t(`list.filter.${f}`, { count: formatNumber(lang, list.counts[f]) });
        const href = f === 'open' ? REPORTS_PATH : `${REPORTS_PATH}?status=${f}`;
        return html`<li><a href="${href}"${f === list.filter ? html` aria-current="page"` : ''}>${label}</a></li>`;
      })}
    </ul>
  </nav>`;
  const overdue =
    list.overdue > 0
      ? html`<div class="notice notice--warning">
          <p><strong>${
            list.overdue === 1
              ? t('list.overdueOne', { days: String(ANSWER_WITHIN_DAYS) })
              : t('list.overdue', {
                  days: String(ANSWER_WITHIN_DAYS),
                  count: formatNumber(lang, list.overdue),
                })
          }</strong></p>
        </div>`
      : '';
  const table = html`${dataTable({
    id: 'reports-caption',
    caption: t(`list.caption.${list.filter}`),
    columns: [t('col.report'), t('col.received'), t('col.age'), t('col.status')],
    rows: list.reports,
    cells: (r) => [
      {
        className: 'report-summary',
        content: html`<a href="${reportPath(r.id)}">${t('report.link', { id: `#${r.id}` })}</a>
            <span class="report-summary__text">${r.excerpt}</span>
            ${r.pageUrl ? html`<span class="report-summary__page admin-muted">${t('col.page')}: ${r.pageUrl}</span>` : ''}`,
      },
      formatDate(lang, r.createdAt),
      html`${ageWords(t, r.ageDays)}${r.overdue ? html`<br />${overdueTag(t)}` : ''}`,
      statusTag(t, r.status),
    ],
    empty: t('list.empty'),
  })}
    ${list.more && list.reports.length ? html`<p>${t('list.more', { count: String(list.reports.length) })}</p>` : ''}`;
  return {
    title,
    main: html`<h1>${title}</h1>
      <p class="lead">${t('list.intro')}</p>
      ${overdue} ${filters} ${table}`,
  };
}

/** Errors of one form, in field order, with the id each links to. */
function summaryOf(
  lang: Lang,
  t: T,
  errors: Array<{ id: string; key: ReportMessageKey | undefined; max?: number }>,
) {
  const failed = errors.flatMap((e) =>
    e.key ? [{ id: e.id, text: t(e.key, { max: formatNumber(lang, e.max ?? 0) }) }] : [],
  );
  return { failed, summary: formErrorSummary(lang, failed) };
}

export interface ReportPageModel {
  lang: Lang;
  csrf: string;
  detail: ReportDetail;
  done?: 'emailed' | 'recorded' | 'closed' | 'noted';
  /** A change refused because someone else got there first. */
  conflict?: ReportMessageKey;
  answer?: { values: AnswerInput; errors: FormErrors<AnswerInput> };
  close?: { values: CloseInput; errors: FormErrors<CloseInput> };
  note?: { values: NoteInput; errors: FormErrors<NoteInput> };
}

function facts(lang: Lang, t: T, d: ReportDetail): SafeHtml {
  const r = d.row;
  const given = (v: string | null) => v || t('term.notGiven');
  return html`<dl class="admin-facts">
    <dt>${t('term.status')}</dt>
    <dd>${statusTag(t, r.status)}</dd>
    <dt>${t('term.received')}</dt>
    <dd>${formatDate(lang, r.created_at)} (${ageWords(t, d.ageDays)})${d.overdue ? html` ${overdueTag(t)}` : ''}</dd>
    <dt>${t('term.page')}</dt>
    <dd class="report-page">${given(r.page_url)}</dd>
    <dt>${t('term.name')}</dt>
    <dd>${given(r.name)}</dd>
    <dt>${t('term.email')}</dt>
    <dd>${given(r.email)}</dd>
    <dt>${t('term.language')}</dt>
    <dd>${t(r.language === 'en' ? 'lang.en' : 'lang.sv')}</dd>
  </dl>`;
}

function answerSection(m: ReportPageModel, t: T): SafeHtml {
  const r = m.detail.row;
  if (r.answer !== null) {
    const by = m.detail.answeredBy ?? upperFirst(m.lang, t('someone.deleted'));
    return html`<section aria-labelledby="answer-title">
      <h2 id="answer-title">${t('answered.title')}</h2>
      <p>${t('answered.by', { name: by, date: formatDate(m.lang, r.answered_at ?? r.updated_at) })}
        ${t(r.answer_emailed ? 'answered.emailed' : 'answered.recorded')}</p>
      <blockquote class="report-text" lang="${r.language}">${r.answer}</blockquote>
    </section>`;
  }
  if (r.status !== 'new') return html``;
  const language = t(r.language === 'en' ? 'lang.en' : 'lang.sv');
  const form = m.answer ?? { values: { answer: '' }, errors: {} };
  const { summary } = summaryOf(m.lang, t, [{ id: 'answer', key: form.errors.answer, max: ANSWER_MAX }]);
  return html`<section aria-labelledby="answer-title">
    <h2 id="answer-title">${t('answer.title')}</h2>
    <form class="form" method="post" action="${reportPath(r.id)}/answer" novalidate>
      ${summary} ${csrfField(m.csrf)}
      ${textareaField(m.lang, {
        name: 'answer',
        label: t('answer.label'),
        hint: r.email ? t('answer.hintMail', { email: r.email, language }) : t('answer.hintRecord'),
        error: form.errors.answer && t(form.errors.answer, { max: formatNumber(m.lang, ANSWER_MAX) }),
        value: form.values.answer,
        required: true,
        maxlength: ANSWER_MAX,
        rows: 10,
      })}
      <button class="button" type="submit">${t(r.email ? 'answer.submitMail' : 'answer.submitRecord')}</button>
    </form>
  </section>`;
}

function closeSection(m: ReportPageModel, t: T): SafeHtml {
  const r = m.detail.row;
  if (r.status === 'closed') {
    const by = m.detail.closedBy ?? upperFirst(m.lang, t('someone.deleted'));
    const reason = t(`close.reason.${r.close_reason ?? 'other'}`);
    return html`<section aria-labelledby="close-title">
      <h2 id="close-title">${t('closed.title')}</h2>
      <p>${t('closed.by', { name: by, date: formatDate(m.lang, r.closed_at ?? r.updated_at), reason })}</p>
      ${r.close_note ? html`<blockquote class="report-text">${r.close_note}</blockquote>` : ''}
    </section>`;
  }
  const form = m.close ?? {
    values: { reason: r.status === 'answered' ? 'answered' : '', close_note: '' },
    errors: {},
  };
  const reasons = CLOSE_REASONS.filter((reason) => reason !== 'answered' || r.status === 'answered');
  const reasonError = form.errors.reason && t(form.errors.reason);
  const noteError =
    form.errors.close_note && t(form.errors.close_note, { max: formatNumber(m.lang, CLOSE_NOTE_MAX) });
  const { summary } = summaryOf(m.lang, t, [
    { id: `reason-${reasons[0]}`, key: form.errors.reason },
    { id: 'close_note', key: form.errors.close_note, max: CLOSE_NOTE_MAX },
  ]);
  return html`<section aria-labelledby="close-title">
    <h2 id="close-title">${t('close.title')}</h2>
    ${r.status === 'new' ? html`<p>${t('close.withoutAnswer')}</p>` : ''}
    <form class="form" method="post" action="${reportPath(r.id)}/close" novalidate>
      ${summary} ${csrfField(m.csrf)}
      ${radioGroup(m.lang, {
        name: 'reason',
        legend: t('close.reason'),
        error: reasonError,
        required: true,
        options: reasons.map((reason) => ({ value: reason, label: t(`close.reason.${reason}`) })),
        value: form.values.reason,
      })}
      ${textareaField(m.lang, {
        name: 'close_note',
        label: t('close.note'),
        hint: t('close.noteHint'),
        error: noteError,
        value: form.values.close_note,
        required: false,
        maxlength: CLOSE_NOTE_MAX,
        rows: 3,
      })}
      <button class="button button--secondary" type="submit">${t('close.submit')}</button>
    </form>
  </section>`;
}

function noteSection(m: ReportPageModel, t: T): SafeHtml {
  const r = m.detail.row;
  const form = m.note ?? { values: { note: r.internal_note }, errors: {} };
  const { summary } = summaryOf(m.lang, t, [{ id: 'note', key: form.errors.note, max: NOTE_MAX }]);
  return html`<section aria-labelledby="note-title">
    <h2 id="note-title">${t('note.title')}</h2>
    <form class="form" method="post" action="${reportPath(r.id)}/note" novalidate>
      ${summary} ${csrfField(m.csrf)}
      ${textareaField(m.lang, {
        name: 'note',
        label: t('note.label'),
        hint: t('note.hint'),
        error: form.errors.note && t(form.errors.note, { max: formatNumber(m.lang, NOTE_MAX) }),
        value: form.values.note,
        required: false,
        maxlength: NOTE_MAX,
        rows: 4,
      })}
      <button class="button button--secondary" type="submit">${t('note.submit')}</button>
    </form>
  </section>`;
}

export function reportPage(m: ReportPageModel): { title: string; main: SafeHtml; failed: boolean } {
  const t = translator(m.lang);
  const r = m.detail.row;
  const heading = t('report.title', { id: `#${r.id}` });
  const failed =
    Boolean(m.conflict) ||
    [m.answer?.errors, m.close?.errors, m.note?.errors].some((e) => e && Object.keys(e).length > 0);
  const status = m.done
    ? html`<div class="notice" role="status"><p>${t(`done.${m.done}`)}</p></div>`
    : m.conflict
      ? html`<div class="error-summary" role="alert" tabindex="-1"><p>${t(m.conflict)}</p></div>`
      : '';
  return {
    title: failed ? t('form.titleWithErrors', { title: heading }) : heading,
    failed,
    main: html`<p><a href="${REPORTS_PATH}">${t('report.back')}</a></p>
      <h1>${heading}</h1>
      ${status}
      <section aria-labelledby="facts-title">
        <h2 id="facts-title">${t('report.facts')}</h2>
        ${facts(m.lang, t, m.detail)}
      </section>
      <section aria-labelledby="message-title">
        <h2 id="message-title">${t('report.message')}</h2>
        <blockquote class="report-text" lang="${r.language}">${r.message}</blockquote>
      </section>
      ${answerSection(m, t)} ${closeSection(m, t)} ${noteSection(m, t)}`,
  };
}
