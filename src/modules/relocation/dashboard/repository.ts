/**
 * The dashboard's SQL: counts over relocation_cases (and the 12-month follow-ups), never a person.
 * Every query reads the cases of one region that were not merged into another, narrowed by the
 * view: the whole region, or the cases one navigator holds (within their scope). A period is two
 * calendar days in Europe/Stockholm, both included.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { inScope, type CaseScope } from '../cases.ts';
import { OPEN_STAGES } from '../model.ts';

export type DashboardView = 'me' | 'region';

/** Which cases the figures count. */
export interface CaseFilter {
  scope: CaseScope;
  view: DashboardView;
}

/** Calendar days YYYY-MM-DD, both included. */
export interface Period {
  from: string;
  to: string;
}

/** The view's condition on relocation_cases aliased `c`. */
function viewCondition(filter: CaseFilter): Expression<SqlBool> {
  if (filter.view === 'region') return sql<SqlBool>`true`;
  return sql<SqlBool>`(c.navigator_id = ${filter.scope.accountId} and ${inScope(filter.scope)})`;
}

/** The first instant of the period and the first instant after it. */
const start = (p: Period) => sql`(${p.from}::date::timestamp at time zone 'Europe/Stockholm')`;
const end = (p: Period) => sql`((${p.to}::date + 1)::timestamp at time zone 'Europe/Stockholm')`;
/** A timestamptz column within the period. */
const within = (column: string, p: Period) =>
  sql<SqlBool>`(${sql.ref(column)} >= ${start(p)} and ${sql.ref(column)} < ${end(p)})`;

function cases(db: Kysely<DB>, filter: CaseFilter) {
  return db
    .selectFrom('relocation_cases as c')
    .where('c.region_id', '=', filter.scope.regionId)
    .where('c.merged_into', 'is', null)
    .where(viewCondition(filter));
}

export interface Count<K extends string | null = string> {
  key: K;
  count: number;
}

/** Open cases by stage, now. */
export async function openByStage(db: Kysely<DB>, filter: CaseFilter): Promise<Count[]> {
  const rows = await cases(db, filter)
    .select(['c.stage as key', sql<string>`count(*)`.as('count')])
    .where('c.stage', 'in', [...OPEN_STAGES])
    .groupBy('c.stage')
    .execute();
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

export interface FirstResponse {
  /** The median hours from request to first response; null when none was answered. */
  medianHours: number | null;
  responded: number;
  /** Open cases nobody has answered yet. */
  waiting: number;
  /** When the longest-waiting of them came in. */
  oldestWaiting: Date | null;
}

/** First-response time of the cases created in the period, and those of them still waiting. */
export async function firstResponse(
  db: Kysely<DB>,
  filter: CaseFilter,
  period: Period,
): Promise<FirstResponse> {
  const open = sql<SqlBool>`(c.first_response_at is null and c.stage in (${sql.join([...OPEN_STAGES])}))`;
  const row = await cases(db, filter)
    .select([
      sql<number | null>`percentile_cont(0.5) within group (
        order by extract(epoch from (c.first_response_at - c.created_at)) / 3600
      ) filter (where c.first_response_at is not null)`.as('median'),
      sql<string>`count(*) filter (where c.first_response_at is not null)`.as('responded'),
      sql<string>`count(*) filter (where ${open})`.as('waiting'),
      sql<Date | null>`min(c.created_at) filter (where ${open})`.as('oldest'),
    ])
    .where(within('c.created_at', period))
    .executeTakeFirstOrThrow();
  return {
    medianHours: row.median === null ? null : Number(row.median),
    responded: Number(row.responded),
    waiting: Number(row.waiting),
    oldestWaiting: row.oldest,
  };
}

/** Requests that came in during the period, by the municipality wished (null: not sure yet). */
export async function byMunicipality(
  db: Kysely<DB>,
  filter: CaseFilter,
  period: Period,
): Promise<Count<string | null>[]> {
  const rows = await cases(db, filter)
    .select(['c.municipality_code as key', sql<string>`count(*)`.as('count')])
    .where(within('c.created_at', period))
    .groupBy('c.municipality_code')
    .execute();
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

/** One combination of outcome facts and how many cases have it. */
export interface OutcomeRow {
  closed: boolean;
  municipality: string | null;
  main: string | null;
  partner: string | null;
  reason: string | null;
  count: number;
}

/**
 * The outcomes of the period: cases that moved (moved on a day of the period; the day of the last
 * stage change when no moving day was recorded) and cases closed in the period.
 */
export async function outcomes(db: Kysely<DB>, filter: CaseFilter, period: Period): Promise<OutcomeRow[]> {
  const movedOn = sql`coalesce(c.moved_on, (c.stage_changed_at at time zone 'Europe/Stockholm')::date)`;
  const rows = await cases(db, filter)
    .select([
      sql<boolean>`c.stage = 'closed'`.as('closed'),
      'c.outcome_municipality as municipality',
      'c.outcome_main_employment as main',
      'c.outcome_partner_employment as partner',
      'c.close_reason as reason',
      sql<string>`count(*)`.as('count'),
    ])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('c.stage', 'in', ['moved', 'settled']),
          sql<SqlBool>`${movedOn} between ${period.from}::date and ${period.to}::date`,
        ]),
        eb.and([eb('c.stage', '=', 'closed'), within('c.closed_at', period)]),
      ]),
    )
    .groupBy([
      'closed',
      'c.outcome_municipality',
      'c.outcome_main_employment',
      'c.outcome_partner_employment',
      'c.close_reason',
    ])
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/**
 * The partner's employment in the 12-month follow-ups answered during the period
 * (`answers.partner`, household/followups.ts SurveyAnswers), by answer.
 */
export async function partnerAt12Months(
  db: Kysely<DB>,
  filter: CaseFilter,
  period: Period,
): Promise<Count[]> {
  const answer = sql<string>`f.answers ->> 'partner'`;
  const rows = await cases(db, filter)
    .innerJoin('relocation_followups as f', (j) =>
      j.onRef('f.region_id', '=', 'c.region_id').onRef('f.case_id', '=', 'c.id'),
    )
    .select([answer.as('key'), sql<string>`count(*)`.as('count')])
    .where('f.months', '=', 12)
    .where(within('f.answered_at', period))
    .where(sql<SqlBool>`jsonb_typeof(f.answers -> 'partner') = 'string'`)
    .groupBy(answer)
    .execute();
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}

/**
 * The partner's employment recorded as the outcome of the cases that moved at least 12 months
 * before the period's end (the figure when no 12-month follow-up was answered), by outcome.
 */
export async function partnerOutcomeOfMoved(
  db: Kysely<DB>,
  filter: CaseFilter,
  period: Period,
): Promise<Count[]> {
  const rows = await cases(db, filter)
    .select(['c.outcome_partner_employment as key', sql<string>`count(*)`.as('count')])
    .where('c.stage', 'in', ['moved', 'settled'])
    .where('c.outcome_partner_employment', 'is not', null)
    .where(sql<SqlBool>`c.moved_on <= ${period.to}::date - interval '12 months'`)
    .groupBy('c.outcome_partner_employment')
    .execute();
  return rows.map((r) => ({ key: r.key!, count: Number(r.count) }));
}

/** New requests per calendar month of the period (YYYY-MM, Stockholm time); months without none are absent. */
export async function requestsPerMonth(db: Kysely<DB>, filter: CaseFilter, period: Period): Promise<Count[]> {
  const month = sql<string>`to_char(c.created_at at time zone 'Europe/Stockholm', 'YYYY-MM')`;
  const rows = await cases(db, filter)
    .select([month.as('key'), sql<string>`count(*)`.as('count')])
    .where(within('c.created_at', period))
    .groupBy(month)
    .execute();
  return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
}
