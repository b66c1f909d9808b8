/**
 * The dashboard's rules: reading the choice of view and period from the query string (a date that
 * is not a real day, an end before the start or more than ten years → an error by the field), and
 * gathering the figures of a view and period into one model, with their words in the person's
 * language, that the page and the CSV both show.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { parseDate } from '../../../platform/html/forms.ts';
import { queryText, type QueryValue } from '../../../platform/http/params.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import type { CaseScope } from '../cases.ts';
import { relocationMessages } from '../messages.ts';
import {
  CLOSE_REASONS,
  EMPLOYMENTS,
  OPEN_STAGES,
  PARTNER_EMPLOYMENTS,
  isOneOf,
  stockholmToday,
} from '../model.ts';
import { dashboardMessages, type DashboardMessageKey } from './messages.ts';
import {
  byMunicipality,
  firstResponse,
  openByStage,
  outcomes,
  partnerAt12Months,
  partnerOutcomeOfMoved,
  requestsPerMonth,
  type CaseFilter,
  type Count,
  type DashboardView,
  type FirstResponse,
  type Period,
} from './repository.ts';

export type { DashboardView, Period } from './repository.ts';

/** What the query string asked for, as typed (re-shown in the form). */
export interface DashboardQuery {
  view: DashboardView;
  from: string;
  to: string;
}

export type PeriodField = 'from' | 'to';
export type PeriodErrors = Partial<Record<PeriodField, DashboardMessageKey>>;

export type ParsedQuery =
  | { kind: 'ok'; values: DashboardQuery; period: Period }
  | { kind: 'invalid'; values: DashboardQuery; errors: PeriodErrors };

/** The longest period, in days (ten years and their leap days). */
const MAX_DAYS = 3653;
const MAX_TEXT = 40;

/** The default period: from the first day of the month eleven months back, to today. */
export function defaultPeriod(today: string): Period {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 - 11, 1));
  return { from: first.toISOString().slice(0, 10), to: today };
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** A typed day: a real calendar day of 2000–2099, or the error for it. */
function readDay(text: string): string | 'bad' {
  if (text.length > MAX_TEXT) return 'bad';
  const day = parseDate(text);
  if (!day) return 'bad';
  const year = Number(day.slice(0, 4));
  return year >= 2000 && year <= 2099 ? day : 'bad';
}

/**
 * The view (`me` or `region`; anything else is the scope's default: the region for navigators who
 * see it all, their own cases for a municipality's) and the period (`from`, `to`; each absent one
 * is the default period's).
 */
export function parseDashboardQuery(
  query: { view?: QueryValue; from?: QueryValue; to?: QueryValue },
  scope: CaseScope,
  today: string = stockholmToday(),
): ParsedQuery {
  const asked = queryText(query.view);
  const view: DashboardView = isOneOf(['me', 'region'] as const, asked)
    ? asked
    : scope.wholeRegion
      ? 'region'
      : 'me';
  const fallback = defaultPeriod(today);
  const typed = { from: queryText(query.from), to: queryText(query.to) };
  // A day given twice is not a day.
  const day = (value: QueryValue, text: string, otherwise: string) =>
    Array.isArray(value) ? 'bad' : text === '' ? otherwise : readDay(text);
  const from = day(query.from, typed.from, fallback.from);
  const to = day(query.to, typed.to, fallback.to);
  const values = { view, from: typed.from || fallback.from, to: typed.to || fallback.to };
  const errors: PeriodErrors = {};
  if (from === 'bad') errors.from = 'error.date';
  if (to === 'bad') errors.to = 'error.date';
  if (from !== 'bad' && to !== 'bad') {
    if (to < from) errors.to = 'error.order';
    else if (dayNumber(to) - dayNumber(from) > MAX_DAYS) errors.from = 'error.span';
  }
  if (Object.keys(errors).length > 0) return { kind: 'invalid', values, errors };
  return { kind: 'ok', values, period: { from: from as string, to: to as string } };
}

/** One figure: its stable key, its words, its number. */
export interface Figure {
  key: string;
  label: string;
  value: number;
}

/** A month of the period: its key (YYYY-MM), its name, its year where a year begins. */
export interface MonthFigure extends Figure {
  short: string;
  group?: string;
}

export type PartnerSource = 'survey' | 'outcome' | 'none';

export interface Dashboard {
  view: DashboardView;
  period: Period;
  open: Figure[];
  openTotal: number;
  response: FirstResponse & { requests: number };
  municipalities: Figure[];
  outcome: {
    moved: number;
    closed: number;
    movedTo: Figure[];
    main: Figure[];
    partner: Figure[];
    reasons: Figure[];
  };
  partner: {
    source: PartnerSource;
    /** The partners counted, by employment (no partner and unknown answers left out). */
    counts: Figure[];
    employed: number;
    total: number;
    share: number | null;
  };
  months: MonthFigure[];
}

const NOT_RECORDED = 'not_recorded';
const NOT_SURE = 'not_sure';

function tally(counts: readonly Count<string | null>[]): Map<string | null, number> {
  const map = new Map<string | null, number>();
  for (const c of counts) map.set(c.key, (map.get(c.key) ?? 0) + c.count);
  return map;
}

/** The months from the period's first to its last, with their names in `lang`. */
export function monthsOf(
  lang: Lang,
  period: Period,
  counts: ReadonlyMap<string | null, number>,
): MonthFigure[] {
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
  const long = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const short = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  const [fy, fm] = period.from.split('-').map(Number) as [number, number];
  const [ty, tm] = period.to.split('-').map(Number) as [number, number];
  const months: MonthFigure[] = [];
  for (let n = fy * 12 + fm - 1; n <= ty * 12 + tm - 1; n++) {
    const year = Math.floor(n / 12);
    const month = (n % 12) + 1;
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const date = new Date(Date.UTC(year, month - 1, 15));
    months.push({
      key,
      label: long.format(date),
      short: short.format(date).replace(/\.$/, ''),
      group: months.length === 0 || month === 1 ? String(year) : undefined,
      value: counts.get(key) ?? 0,
    });
  }
  return months;
}

/** The share of partners employed or self-employed among those counted (no partner is not counted). */
function partnerShare(counts: readonly Count[]): { employed: number; total: number } {
  let employed = 0;
  let total = 0;
  for (const c of counts) {
    if (!isOneOf(EMPLOYMENTS, c.key)) continue;
    total += c.count;
    if (c.key === 'employed' || c.key === 'self_employed') employed += c.count;
  }
  return { employed, total };
}

/** Every figure of the dashboard for a view and period, in `lang`. */
export async function dashboardFigures(
  db: Kysely<DB>,
  region: Region,
  scope: CaseScope,
  lang: Lang,
  view: DashboardView,
  period: Period,
): Promise<Dashboard> {
  const shared = (key: Parameters<typeof relocationMessages.t>[1]) => relocationMessages.t(lang, key);
  const t = (key: DashboardMessageKey, params?: Record<string, string | number>) =>
    dashboardMessages.t(lang, key, params);
  const filter: CaseFilter = { scope, view };
  const [stages, response, wished, outcomeRows, survey, months] = await Promise.all([
    openByStage(db, filter),
    firstResponse(db, filter, period),
    byMunicipality(db, filter, period),
    outcomes(db, filter, period),
    partnerAt12Months(db, filter, period),
    requestsPerMonth(db, filter, period),
  ]);

  const stageCounts = tally(stages);
  const open = OPEN_STAGES.map((stage) => ({
    key: stage,
    label: shared(`stage.${stage}`),
    value: stageCounts.get(stage) ?? 0,
  }));

  const municipalityName = (code: string) =>
    region.municipalities.find((m) => m.code === code)?.shortName ?? t('municipality.unknown', { code });
  const wishedCounts = tally(wished);
  const collator = new Intl.Collator('sv');
  const known = [...region.municipalities].sort((a, b) => collator.compare(a.shortName, b.shortName));
  const municipalities: Figure[] = [
    ...known.map((m) => ({ key: m.code, label: m.shortName, value: wishedCounts.get(m.code) ?? 0 })),
    // A code the region no longer lists still counts, under its code.
    ...[...wishedCounts.keys()]
      .filter((code): code is string => code !== null && !known.some((m) => m.code === code))
      .map((code) => ({ key: code, label: municipalityName(code), value: wishedCounts.get(code) ?? 0 })),
    { key: NOT_SURE, label: t('municipality.notSure'), value: wishedCounts.get(null) ?? 0 },
  ];
  const requests = wished.reduce((sum, c) => sum + c.count, 0);

  const moved = outcomeRows.filter((r) => !r.closed);
  const closed = outcomeRows.filter((r) => r.closed);
  const sum = (rows: typeof outcomeRows, pick: (r: (typeof outcomeRows)[number]) => string | null) => {
    const map = new Map<string, number>();
    for (const r of rows) {
      const key = pick(r) ?? NOT_RECORDED;
      map.set(key, (map.get(key) ?? 0) + r.count);
    }
    return map;
  };
  const movedTo = sum(moved, (r) => r.municipality);
  const movedToFigures = [...movedTo]
    .map(([key, value]) => ({
      key,
      label: key === NOT_RECORDED ? t('outcome.notRecorded') : municipalityName(key),
      value,
    }))
    .sort((a, b) =>
      a.key === NOT_RECORDED
        ? 1
        : b.key === NOT_RECORDED
          ? -1
          : b.value - a.value || collator.compare(a.label, b.label),
    );
  const categories = (
    counts: Map<string, number>,
    keys: readonly string[],
    label: (key: string) => string,
  ): Figure[] => {
    const known = keys.map((key) => ({ key, label: label(key), value: counts.get(key) ?? 0 }));
    const unrecorded = counts.get(NOT_RECORDED) ?? 0;
    return unrecorded > 0
      ? [...known, { key: NOT_RECORDED, label: t('outcome.notRecorded'), value: unrecorded }]
      : known;
  };
  const employment = (key: string) => shared(`employment.${key as (typeof PARTNER_EMPLOYMENTS)[number]}`);

  let partnerCounts: readonly Count[] = survey;
  let source: PartnerSource = 'survey';
  if (partnerShare(survey).total === 0) {
    partnerCounts = await partnerOutcomeOfMoved(db, filter, period);
    source = 'outcome';
  }
  const share = partnerShare(partnerCounts);
  if (share.total === 0) source = 'none';

  return {
    view,
    period,
    open,
    openTotal: open.reduce((total, f) => total + f.value, 0),
    response: { ...response, requests },
    municipalities,
    outcome: {
      moved: moved.reduce((total, r) => total + r.count, 0),
      closed: closed.reduce((total, r) => total + r.count, 0),
      movedTo: movedToFigures,
      main: categories(
        sum(moved, (r) => r.main),
        EMPLOYMENTS,
        employment,
      ),
      partner: categories(
        sum(moved, (r) => r.partner),
        PARTNER_EMPLOYMENTS,
        employment,
      ),
      reasons: categories(
        sum(closed, (r) => r.reason),
        CLOSE_REASONS,
        (key) => shared(`close.${key as (typeof CLOSE_REASONS)[number]}`),
      ),
    },
    partner: {
      source,
      counts:
        source === 'none'
          ? []
          : EMPLOYMENTS.map((key) => ({
              key,
              label: employment(key),
              value: partnerCounts.filter((c) => c.key === key).reduce((n, c) => n + c.count, 0),
            })),
      employed: share.employed,
      total: share.total,
      share: share.total > 0 ? share.employed / share.total : null,
    },
    months: monthsOf(lang, period, tally(months)),
  };
}
