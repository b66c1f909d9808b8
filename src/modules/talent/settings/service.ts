/**
 * The region's talent pool settings (talent_settings, migration 0025): read, checked against the
 * table's bounds, saved with an audit event; and the small statistics panel's counts.
 */
import { sql, type Kysely } from 'kysely';
import { recordAudit, type AuditActor } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { CONSENT_PURPOSES, type ConsentPurpose, type TalentSettings } from '../model.ts';
import { markTalentPoolStale } from '../employers/service.ts';

export const SETTING_BOUNDS: Record<keyof TalentSettings, { min: number; max: number }> = {
  kAnonymity: { min: 2, max: 100 },
  renewAfterMonths: { min: 1, max: 60 },
  hideAfterDays: { min: 1, max: 365 },
  deleteAfterMonths: { min: 1, max: 60 },
};
export const SETTING_FIELDS = Object.keys(SETTING_BOUNDS) as Array<keyof TalentSettings>;

export type SettingErrors = Partial<Record<keyof TalentSettings, 'range'>>;

/** The typed values as settings, or the fields out of bounds. */
export function readSettings(
  input: Partial<Record<keyof TalentSettings, string | undefined>>,
): { settings: TalentSettings } | { errors: SettingErrors } {
  const errors: SettingErrors = {};
  const out: Partial<TalentSettings> = {};
  for (const field of SETTING_FIELDS) {
    const raw = (input[field] ?? '').trim();
    const value = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
    const { min, max } = SETTING_BOUNDS[field];
    if (!(value >= min && value <= max)) errors[field] = 'range';
    else out[field] = value;
  }
  return Object.keys(errors).length > 0 ? { errors } : { settings: out as TalentSettings };
}

export async function saveSettings(
  db: Kysely<DB>,
  regionId: string,
  actor: AuditActor,
  organisationId: string | null,
  settings: TalentSettings,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const values = {
      k_anonymity: settings.kAnonymity,
      renew_after_months: settings.renewAfterMonths,
      hide_after_days: settings.hideAfterDays,
      delete_after_months: settings.deleteAfterMonths,
    };
    await trx
      .insertInto('talent_settings')
      .values({ region_id: regionId, ...values })
      .onConflict((oc) => oc.column('region_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
      .execute();
    await recordAudit(trx, {
      regionId,
      actor,
      organisationId,
      action: 'talent.settings.changed',
      subjectType: 'talent_settings',
      subjectId: regionId,
      data: {
        k: settings.kAnonymity,
        renew: settings.renewAfterMonths,
        hide: settings.hideAfterDays,
        delete: settings.deleteAfterMonths,
      },
    });
  });
  markTalentPoolStale(db, regionId);
}

export interface PoolStatistics {
  active: number;
  hidden: number;
  consents: Record<ConsentPurpose, number>;
  accepted: number;
  declined: number;
  pending: number;
}

export async function poolStatistics(db: Kysely<DB>, regionId: string): Promise<PoolStatistics> {
  const [profiles, consents, intros] = await Promise.all([
    db
      .selectFrom('talent_profiles')
      .select(['status', sql<number>`count(*)::int`.as('n')])
      .where('region_id', '=', regionId)
      .groupBy('status')
      .execute(),
    db
      .selectFrom('talent_consents')
      .select(['purpose', sql<number>`count(*)::int`.as('n')])
      .where('region_id', '=', regionId)
      .where('withdrawn_at', 'is', null)
      .groupBy('purpose')
      .execute(),
    db
      .selectFrom('talent_intro_requests')
      .select(['status', sql<number>`count(*)::int`.as('n')])
      .where('region_id', '=', regionId)
      .groupBy('status')
      .execute(),
  ]);
  const of = (rows: Array<{ n: number } & Record<string, unknown>>, key: string, value: string) =>
    rows.find((r) => r[key] === value)?.n ?? 0;
  return {
    active: of(profiles, 'status', 'active'),
    hidden: of(profiles, 'status', 'hidden'),
    consents: Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, of(consents, 'purpose', p)])) as Record<
      ConsentPurpose,
      number
    >,
    accepted: of(intros, 'status', 'accepted'),
    declined: of(intros, 'status', 'declined'),
    pending: of(intros, 'status', 'pending'),
  };
}
