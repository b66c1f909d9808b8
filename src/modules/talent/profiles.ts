/**
 * The talent pool's tables as the rest of the module reads them: a person's profile, their
 * consents, the region's settings. Writes live with the rules that make them (join/, …); this file
 * holds the reads every part shares and the row → model mapping.
 */
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { DB, TalentProfilesTable } from '../../platform/db/schema.ts';
import {
  CONSENT_PURPOSES,
  DEFAULT_TALENT_SETTINGS,
  isOneOf,
  type ConsentPurpose,
  type EducationLevel,
  type ExperienceLevel,
  type HousingWish,
  type MoveTimeframe,
  type TalentConsent,
  type TalentProfile,
  type TalentSettings,
} from './model.ts';

export type ProfileRow = Selectable<TalentProfilesTable>;

export function profileFromRow(row: ProfileRow): TalentProfile {
  return {
    id: row.id,
    accountId: row.account_id,
    status: row.status,
    occupations: row.occupations,
    skills: row.skills,
    occupationGroups: row.occupation_groups,
    occupationFields: row.occupation_fields,
    experience: row.experience as ExperienceLevel,
    languages: row.languages,
    education: row.education as EducationLevel,
    municipalities: row.municipalities,
    anywhere: row.anywhere,
    moveWhen: row.move_when as MoveTimeframe,
    remoteNow: row.remote_now,
    about: row.about,
    household: {
      hasPartner: row.has_partner,
      partnerOccupations: row.partner_occupations,
      partnerSkills: row.partner_skills,
      partnerOccupationGroups: row.partner_occupation_groups,
      partnerOccupationFields: row.partner_occupation_fields,
      partnerAccountId: row.partner_account_id,
      childrenAges: row.children_ages,
      housing: row.housing as HousingWish,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    renewedAt: row.renewed_at,
    renewalAskedAt: row.renewal_asked_at,
    hiddenAt: row.hidden_at,
  };
}

/** The profile whose `column` is this account, if any. */
async function profileBy(
  db: Kysely<DB>,
  regionId: string,
  column: 'account_id' | 'partner_account_id',
  accountId: string,
): Promise<TalentProfile | undefined> {
  const row = await db
    .selectFrom('talent_profiles')
    .selectAll()
    .where('region_id', '=', regionId)
    .where(column, '=', accountId)
    .executeTakeFirst();
  return row && profileFromRow(row);
}

/** The person's own profile, or undefined when they have not joined. */
export function profileOf(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<TalentProfile | undefined> {
  return profileBy(db, regionId, 'account_id', accountId);
}

/** The profile whose partner part this account claimed, if any. */
export function profileAsPartner(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<TalentProfile | undefined> {
  return profileBy(db, regionId, 'partner_account_id', accountId);
}

/** Every consent the person gave, newest first (withdrawn ones too: the history). */
export async function consentHistory(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<TalentConsent[]> {
  const rows = await db
    .selectFrom('talent_consents')
    .select(['purpose', 'text_version', 'granted_at', 'withdrawn_at'])
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .orderBy('granted_at', 'desc')
    .execute();
  return rows.flatMap((r) =>
    isOneOf(CONSENT_PURPOSES, r.purpose)
      ? [
          {
            purpose: r.purpose,
            textVersion: r.text_version,
            grantedAt: r.granted_at,
            withdrawnAt: r.withdrawn_at,
          },
        ]
      : [],
  );
}

/** The purposes the person consents to now. */
export async function liveConsents(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<Set<ConsentPurpose>> {
  const rows = await db
    .selectFrom('talent_consents')
    .select('purpose')
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .where('withdrawn_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.purpose).filter((p) => isOneOf(CONSENT_PURPOSES, p)));
}

/** The region's settings, or the defaults when it has none stored. */
export async function talentSettings(db: Kysely<DB>, regionId: string): Promise<TalentSettings> {
  const row = await db
    .selectFrom('talent_settings')
    .selectAll()
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  if (!row) return { ...DEFAULT_TALENT_SETTINGS };
  return {
    kAnonymity: row.k_anonymity,
    renewAfterMonths: row.renew_after_months,
    hideAfterDays: row.hide_after_days,
    deleteAfterMonths: row.delete_after_months,
  };
}

/**
 * A `where` for a query over `talent_profiles as p`: the profile's owner consents to `purpose` now
 * (a live row of talent_consents).
 */
export function ownerConsentsTo(purpose: ConsentPurpose) {
  return ({ exists, selectFrom }: ExpressionBuilder<DB & { p: TalentProfilesTable }, 'p'>) =>
    exists(
      selectFrom('talent_consents as c')
        .select(sql`1`.as('one'))
        .whereRef('c.region_id', '=', 'p.region_id')
        .whereRef('c.account_id', '=', 'p.account_id')
        .where('c.purpose', '=', purpose)
        .where('c.withdrawn_at', 'is', null),
    );
}
