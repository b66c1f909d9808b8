/**
 * The widget's SQL: toolbox_widgets (one row per organisation, its public key unique in the region),
 * the organisation's name and organisationsnummer, and its own open ads on Lotsa.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { toSummary, type JobSummary, type SummaryRow } from '../../jobs/search/index.ts';
import type { WidgetSettings } from './form.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface WidgetRow extends WidgetSettings {
  organisationId: string;
  key: string;
  updatedAt: Date;
}

const COLUMNS = [
  'organisation_id',
  'key',
  'lang',
  'municipality_code',
  'show_jobs',
  'max_jobs',
  'enabled',
  'updated_at',
] as const;

function rowOf(r: {
  organisation_id: string;
  key: string;
  lang: 'sv' | 'en';
  municipality_code: string | null;
  show_jobs: boolean;
  max_jobs: number;
  enabled: boolean;
  updated_at: Date;
}): WidgetRow {
  return {
    organisationId: r.organisation_id,
    key: r.key,
    lang: r.lang,
    municipalityCode: r.municipality_code,
    showJobs: r.show_jobs,
    maxJobs: r.max_jobs,
    enabled: r.enabled,
    updatedAt: r.updated_at,
  };
}

/** The organisation's widget, or undefined before its first save. */
export async function widgetOf(
  db: Db,
  regionId: string,
  organisationId: string,
): Promise<WidgetRow | undefined> {
  const row = await db
    .selectFrom('toolbox_widgets')
    .select(COLUMNS)
    .where('region_id', '=', regionId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row ? rowOf(row) : undefined;
}

/** The widget with this key (enabled or not), or undefined. */
export async function widgetByKey(db: Db, regionId: string, key: string): Promise<WidgetRow | undefined> {
  const row = await db
    .selectFrom('toolbox_widgets')
    .select(COLUMNS)
    .where('region_id', '=', regionId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? rowOf(row) : undefined;
}

/** Creates the widget (with `key`) or changes its settings (keeping its key); the row after. */
export async function upsertWidget(
  db: Db,
  regionId: string,
  organisationId: string,
  key: string,
  settings: WidgetSettings,
  accountId: string,
  now: Date,
): Promise<WidgetRow> {
  const values = {
    lang: settings.lang,
    municipality_code: settings.municipalityCode,
    show_jobs: settings.showJobs,
    max_jobs: settings.maxJobs,
    enabled: settings.enabled,
    updated_by: accountId,
    updated_at: now,
  };
  const row = await db
    .insertInto('toolbox_widgets')
    .values({ region_id: regionId, organisation_id: organisationId, key, created_at: now, ...values })
    .onConflict((oc) => oc.columns(['region_id', 'organisation_id']).doUpdateSet(values))
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return rowOf(row);
}

/** Gives the widget a new key; false when the organisation has none. */
export async function replaceKey(
  db: Db,
  regionId: string,
  organisationId: string,
  key: string,
  accountId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('toolbox_widgets')
    .set({ key, updated_by: accountId, updated_at: now })
    .where('region_id', '=', regionId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface OrganisationFacts {
  name: string;
  orgNumber: string | null;
}

export async function organisationFacts(
  db: Db,
  regionId: string,
  organisationId: string,
): Promise<OrganisationFacts | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select(['name', 'org_number'])
    .where('region_id', '=', regionId)
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row ? { name: row.name, orgNumber: row.org_number } : undefined;
}

/** The organisation's own open ads on Lotsa whose deadline has not passed, newest first. */
export async function ownOpenJobs(
  db: Db,
  regionId: string,
  organisationId: string,
  now: Date,
  limit: number,
): Promise<JobSummary[]> {
  const { rows } = await sql<SummaryRow>`SELECT id, headline, employer_name, employer_orgnr, workplace,
      municipality_code, occupation_label, occupation_group_id, employment_type_id, worktime_extent_id,
      remote, published_at, deadline_at, origin, lang
    FROM job_ads
    WHERE region_id = ${regionId} AND origin = 'own' AND organisation_id = ${organisationId}
      AND status = 'open' AND (deadline_at IS NULL OR deadline_at > ${now})
    ORDER BY published_at DESC, id DESC
    LIMIT ${Math.max(0, Math.min(limit, 100))}`.execute(db);
  return rows.map(toSummary);
}

/**
 * The job board's employer keys of the organisation's own open ads (its number, or its name's key
 * when it has none): what `/jobs?employer=` filters by. A few at most (the name rarely changes).
 */
export async function ownEmployerKeys(
  db: Db,
  regionId: string,
  organisationId: string,
  now: Date,
): Promise<string[]> {
  const { rows } = await sql<{ employer_key: string }>`SELECT DISTINCT employer_key
    FROM job_ads
    WHERE region_id = ${regionId} AND origin = 'own' AND organisation_id = ${organisationId}
      AND status = 'open' AND (deadline_at IS NULL OR deadline_at > ${now})
    ORDER BY employer_key
    LIMIT 5`.execute(db);
  return rows.map((r) => r.employer_key);
}
