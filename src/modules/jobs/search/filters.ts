/**
 * Filters as SQL conditions, one per facet, so that each facet can be counted with every filter but
 * its own.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { JobQuery, PublishedWithin } from '../query.ts';

export type Condition = RawBuilder<SqlBool>;
export const TRUE = sql<SqlBool>`true`;

const DAY_MS = 86_400_000;

export interface Conditions {
  municipality: Condition;
  occupationField: Condition;
  occupationGroup: Condition;
  employmentType: Condition;
  worktime: Condition;
  remote: Condition;
  published: Condition;
  employer: Condition;
}

export function since(days: PublishedWithin, now: Date): Date {
  return new Date(now.getTime() - Number(days) * DAY_MS);
}

export function conditions(query: JobQuery, now: Date): Conditions {
  const anyOf = (column: string, values: string[]): Condition =>
    values.length ? sql<SqlBool>`${sql.ref(column)} = ANY(${values}::text[])` : TRUE;
  return {
    municipality: anyOf('municipality_code', query.municipality),
    occupationField: anyOf('occupation_field_id', query.occupationField),
    occupationGroup: anyOf('occupation_group_id', query.occupationGroup),
    employmentType: anyOf('employment_type_id', query.employmentType),
    worktime: anyOf('worktime_extent_id', query.worktime),
    remote: query.remote ? sql<SqlBool>`remote` : TRUE,
    published: query.published ? sql<SqlBool>`published_at >= ${since(query.published, now)}` : TRUE,
    employer: anyOf('employer_key', query.employer),
  };
}

export const and = (conds: Condition[]): Condition => {
  const real = conds.filter((c) => c !== TRUE);
  return real.length ? sql<SqlBool>`(${sql.join(real, sql` AND `)})` : TRUE;
};

export function allBut(c: Conditions, except: keyof Conditions | null): Condition {
  return and((Object.keys(c) as (keyof Conditions)[]).filter((k) => k !== except).map((k) => c[k]));
}
