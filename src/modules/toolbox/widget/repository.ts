/**
 * The widget's SQL: toolbox_widgets (one row per organisation, its public key unique in the region),
 * the organisation's name and organisationsnummer, and its own open ads on Lotsa.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
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
