/**
 * The dashboard page: the choice of view and period (a GET form; a bad date is shown by its field,
 * and no figures), then one section a figure. Each chart has its table with the same numbers.
 */
import { dataTable } from '../../../platform/html/table.ts';
import { dateField, errorSummary, radioGroup } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import { PATHS } from '../model.ts';
import { relocationMessages } from '../messages.ts';
import { barChart, columnChart } from './charts.ts';
import { dashboardMessages, type DashboardMessageKey } from './messages.ts';
import type { Dashboard, DashboardQuery, Figure, PeriodErrors } from './service.ts';

export const DASHBOARD_PATH = PATHS.dashboard;
export const DASHBOARD_CSV_PATH = `${PATHS.dashboard}.csv`;
/** The page's stylesheet (public/css/relocation-dashboard.css). */
export const DASHBOARD_CSS = 'css/relocation-dashboard.css';

export interface DashboardPageModel {
  lang: Lang;
  values: DashboardQuery;
  errors: PeriodErrors;
  /** The figures; absent when the period has errors. */
  dashboard?: Dashboard;
  /** Now (the age of the longest-waiting case). */
  now?: Date;
}

/** The query string of a view and period. */
export function dashboardQuery(values: DashboardQuery): string {
  const params = new URLSearchParams({ view: values.view, from: values.from, to: values.to });
  return `?${params.toString()}`;
}

/** A YYYY-MM-DD day as people read it. */
function dayText(lang: Lang, day: string): string {
  return formatDate(lang, new Date(`${day}T12:00:00Z`));
}

export function dashboardPage(model: DashboardPageModel): { title: string; main: SafeHtml } {
  const { lang, values, errors, dashboard } = model;
  const t = (key: DashboardMessageKey, params?: Record<string, string | number>) =>
    dashboardMessages.t(lang, key, params);
  const title = relocationMessages.t(lang, 'nav.dashboard');
  const failed = (['from', 'to'] as const).filter((f) => errors[f]);
  const errorText = (field: 'from' | 'to') => (errors[field] ? t(errors[field]) : undefined);

  const form = html`<form class="form dashboard-filter" method="get" action="${DASHBOARD_PATH}"
    aria-labelledby="dashboard-filter-title" novalidate>
    <h2 id="dashboard-filter-title">${t('filter.title')}</h2>
    ${errorSummary(
      t('error.summary'),
      failed.map((f) => ({ id: f, text: t(errors[f]!) })),
    )}
    ${radioGroup(lang, {
      name: 'view',
      legend: t('filter.view'),
      value: values.view,
      choiceClass: 'choice dashboard-filter__choice',
      options: [
        { value: 'me', label: t('view.me') },
        { value: 'region', label: t('view.region') },
      ],
    })}
    <div class="dashboard-filter__dates">
      ${dateField(lang, { name: 'from', label: t('filter.from'), value: values.from, error: errorText('from') })}
      ${dateField(lang, { name: 'to', label: t('filter.to'), value: values.to, error: errorText('to') })}
    </div>
    <p class="dashboard-filter__actions">
      <button class="button" type="submit">${t('filter.submit')}</button>
      <a class="button button--secondary" href="${DASHBOARD_PATH}?view=${values.view}">${t('filter.reset')}</a>
    </p>
  </form>`;

  return {
    title: failed.length ? t('titleWithErrors', { title }) : title,
    main: html`<div class="dashboard">
      <h1>${title}</h1>
      <p class="lead">${t('lead')}</p>
      ${form} ${dashboard ? figures(lang, dashboard, model.now ?? new Date()) : ''}
    </div>`,
  };
}

/** A table of figures (label, number) with its caption. */
function figureTable(lang: Lang, id: string, caption: string, column: string, rows: readonly Figure[]) {
  return dataTable({
    id,
    caption,
    columns: [column, dashboardMessages.t(lang, 'col.cases')],
    rows,
    cells: (f) => [f.label, { content: formatNumber(lang, f.value), className: 'number' }],
    empty: '',
  });
}

function section(id: string, title: string, content: SafeHtml): SafeHtml {
  return html`<section class="dashboard-section" id="${id}" aria-labelledby="${id}-title">
    <h2 id="${id}-title">${title}</h2>
    ${content}
  </section>`;
}

function figures(lang: Lang, d: Dashboard, now: Date): SafeHtml {
  const t = (key: DashboardMessageKey, params?: Record<string, string | number>) =>
    dashboardMessages.t(lang, key, params);
  const number = (n: number) => formatNumber(lang, n);
  const chartOf = (id: string, title: string, rows: readonly Figure[]) =>
    barChart(rows, { id, lang, title, desc: t('chart.desc') });
  const period = { from: dayText(lang, d.period.from), to: dayText(lang, d.period.to) };
  const query = dashboardQuery({ view: d.view, ...d.period });

  const summary = html`<p class="dashboard-showing">
    ${t(d.view === 'me' ? 'showing.me' : 'showing.region', period)}
    <a href="${DASHBOARD_CSV_PATH}${query}" download>${t('csv.link')}</a>
  </p>`;

  const open = section(
    'dashboard-open',
    t('open.title'),
    d.openTotal === 0
      ? html`<p>${t('open.empty')}</p>`
      : html`<p>${t('open.note', { count: number(d.openTotal) })}</p>
          ${chartOf('dashboard-open-chart', t('open.title'), d.open)}
          ${figureTable(lang, 'dashboard-open-table', t('open.table'), t('col.stage'), d.open)}`,
  );

  const r = d.response;
  const hours = (value: number) =>
    t('response.hours', { hours: formatNumber(lang, Math.round(value * 10) / 10) });
  const waitedDays = r.oldestWaiting
    ? Math.floor((now.getTime() - r.oldestWaiting.getTime()) / 86_400_000)
    : 0;
  const response = section(
    'dashboard-response',
    t('response.title'),
    r.requests === 0
      ? html`<p>${t('response.empty')}</p>`
      : html`<p>${t('response.note')}</p>
          <dl class="admin-facts dashboard-facts">
            <dt>${t('response.median')}</dt>
            <dd class="dashboard-median">${r.medianHours === null ? t('response.noMedian') : hours(r.medianHours)}</dd>
            <dt>${t('response.responded')}</dt>
            <dd>${number(r.responded)}</dd>
            <dt>${t('response.waiting')}</dt>
            <dd>${number(r.waiting)}</dd>
            <dt>${t('response.oldest')}</dt>
            <dd>
              ${
                r.oldestWaiting
                  ? html`<time datetime="${r.oldestWaiting.toISOString()}">${formatDate(lang, r.oldestWaiting)}</time>
                      (${t('response.waitedDays', { days: number(waitedDays) })})`
                  : t('response.noWaiting')
              }
            </dd>
          </dl>`,
  );

  const municipalities = section(
    'dashboard-municipalities',
    t('municipality.title'),
    r.requests === 0
      ? html`<p>${t('municipality.empty')}</p>`
      : html`<p>${t('municipality.note')}</p>
          ${chartOf('dashboard-municipalities-chart', t('municipality.title'), d.municipalities)}
          ${figureTable(
            lang,
            'dashboard-municipalities-table',
            t('municipality.table'),
            t('col.municipality'),
            d.municipalities,
          )}`,
  );

  const o = d.outcome;
  const householdTable = (id: string, caption: string, column: string, rows: readonly Figure[]) =>
    dataTable({
      id,
      caption,
      columns: [column, t('col.households')],
      rows,
      cells: (f) => [f.label, { content: number(f.value), className: 'number' }],
      empty: '',
    });
  const outcome = section(
    'dashboard-outcomes',
    t('outcome.title'),
    o.moved + o.closed === 0
      ? html`<p>${t('outcome.empty')}</p>`
      : html`<p>${t('outcome.note')}</p>
          <p>${t('outcome.summary', { moved: number(o.moved), closed: number(o.closed) })}</p>
          ${
            o.moved === 0
              ? html`<p>${t('outcome.noneMoved')}</p>`
              : html`${chartOf('dashboard-moved-chart', t('outcome.movedTo'), o.movedTo)}
                  ${householdTable('dashboard-moved-table', t('outcome.movedTo'), t('col.municipality'), o.movedTo)}
                  ${householdTable('dashboard-main-table', t('outcome.main'), t('col.employment'), o.main)}
                  ${householdTable('dashboard-partner-table', t('outcome.partner'), t('col.employment'), o.partner)}`
          }
          ${
            o.closed === 0
              ? html`<p>${t('outcome.noneClosed')}</p>`
              : figureTable(lang, 'dashboard-reasons-table', t('outcome.reasons'), t('col.reason'), o.reasons)
          }`,
  );

  const p = d.partner;
  const partner = section(
    'dashboard-partner',
    t('partner.title'),
    p.source === 'none' || p.share === null
      ? html`<p>${t('partner.empty')}</p>`
      : html`<p class="dashboard-share">
            ${t('partner.share', {
              share: new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
                style: 'percent',
                maximumFractionDigits: 0,
              }).format(p.share),
              employed: number(p.employed),
              total: number(p.total),
            })}
          </p>
          <p class="dashboard-source">${t(p.source === 'survey' ? 'partner.source.survey' : 'partner.source.outcome')}</p>
          ${householdTable('dashboard-partner12-table', t('partner.table'), t('col.employment'), p.counts)}`,
  );

  const requests = d.months.reduce((n, m) => n + m.value, 0);
  const months = section(
    'dashboard-months',
    t('monthly.title'),
    requests === 0
      ? html`<p>${t('monthly.empty')}</p>`
      : html`${columnChart(
          d.months.map((m) => ({ key: m.key, label: m.short, group: m.group, value: m.value })),
          { id: 'dashboard-months-chart', lang, title: t('monthly.title'), desc: t('chart.desc') },
        )}
          ${dataTable({
            id: 'dashboard-months-table',
            caption: t('monthly.table'),
            columns: [t('col.month'), t('col.requests')],
            rows: d.months,
            cells: (m) => [m.label, { content: number(m.value), className: 'number' }],
            empty: '',
          })}`,
  );

  return html`${summary} ${open} ${response} ${municipalities} ${outcome} ${partner} ${months}`;
}
