/**
 * The dashboard as CSV: one row a figure — section, key, label, value — after a header row, in
 * the same form as the region's other exports (RFC 4180, comma-separated, every cell quoted, UTF-8
 * with a byte-order mark, CRLF). Sections and keys are stable machine names; labels are in the
 * person's language; values are plain: whole numbers, a decimal point, days as YYYY-MM-DD and
 * instants in ISO 8601, empty when there is no value. A cell a spreadsheet would take for a formula
 * (=, +, -, @, tab, carriage return first) gets an apostrophe in front.
 */
import { csvDocument } from '../../../platform/html/csv.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { dashboardMessages, type DashboardMessageKey } from './messages.ts';
import type { Dashboard, Figure } from './service.ts';

type Row = [section: string, key: string, label: string, value: string | number];

/** The export's file name. */
export function dashboardCsvName(lang: Lang, d: Pick<Dashboard, 'view' | 'period'>): string {
  return dashboardMessages.t(lang, 'csv.file', { view: d.view, from: d.period.from, to: d.period.to });
}

export function dashboardCsv(lang: Lang, d: Dashboard): string {
  const t = (key: DashboardMessageKey) => dashboardMessages.t(lang, key);
  const figures = (section: string, list: readonly Figure[]): Row[] =>
    list.map((f) => [section, f.key, f.label, f.value]);
  const r = d.response;
  const p = d.partner;
  const rows: Row[] = [
    ['period', 'view', t('csv.view'), d.view],
    ['period', 'from', t('csv.from'), d.period.from],
    ['period', 'to', t('csv.to'), d.period.to],
    ...figures('open_by_stage', d.open),
    ['first_response', 'requests', t('col.requests'), r.requests],
    [
      'first_response',
      'median_hours',
      t('response.median'),
      r.medianHours === null ? '' : Math.round(r.medianHours * 100) / 100,
    ],
    ['first_response', 'responded', t('response.responded'), r.responded],
    ['first_response', 'waiting', t('response.waiting'), r.waiting],
    ['first_response', 'oldest_waiting', t('response.oldest'), r.oldestWaiting?.toISOString() ?? ''],
    ...figures('by_municipality', d.municipalities),
    ['outcome', 'moved', t('csv.outcome.moved'), d.outcome.moved],
    ['outcome', 'closed', t('csv.outcome.closed'), d.outcome.closed],
    ...figures('outcome_moved_to', d.outcome.movedTo),
    ...figures('outcome_main_employment', d.outcome.main),
    ...figures('outcome_partner_employment', d.outcome.partner),
    ...figures('outcome_close_reason', d.outcome.reasons),
    ['partner_employment_12m', 'source', t('csv.partner.source'), p.source],
    ...figures('partner_employment_12m', p.counts),
    ['partner_employment_12m', 'employed_or_self_employed', t('csv.partner.employed'), p.employed],
    ['partner_employment_12m', 'total', t('csv.partner.total'), p.total],
    [
      'partner_employment_12m',
      'share',
      t('csv.partner.share'),
      p.share === null ? '' : Math.round(p.share * 10_000) / 10_000,
    ],
    ...d.months.map((m): Row => ['requests_per_month', m.key, m.label, m.value]),
  ];
  const lines = [['section', 'key', 'label', 'value'], ...rows];
  return csvDocument(lines);
}
