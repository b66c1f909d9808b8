/**
 * What a person does with their own talent profile: hide and show it, leave the pool, invite the
 * partner (a hashed token, 7 days) who then claims their part and edits it; and the profile's part
 * of the person's data (export and erasure).
 */
import { sql, type Kysely } from 'kysely';
import { accountActor, recordAudit } from '../../../platform/audit.ts';
import { hashSecret, randomToken } from '../../../platform/auth/secrets.ts';
import type { SessionStore } from '../../../platform/auth/sessions.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { localPath } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { PersonalDataPart, PersonRef } from '../../../platform/personal-data.ts';
import { findOrCreateAccount, normalizeEmail, startSession } from '../../identity/accounts.ts';
import { consentHistory, profileAsPartner, profileOf } from '../profiles.ts';
import { conceptsById, occupationParents, type ConceptKind } from '../join/taxonomy.ts';

export const INVITE_TTL_DAYS = 7;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

async function audit(
  trx: Kysely<DB>,
  regionId: string,
  accountId: string,
  action: string,
  subjectId: string,
  data?: Record<string, string | number | boolean | null>,
) {
  await recordAudit(trx, {
    regionId,
    actor: accountActor(accountId),
    action,
    subjectType: 'talent_profile',
    subjectId,
    data,
  });
}

/** Hides or shows the own profile; false when there is none or nothing changed. */
export async function setVisibility(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  hidden: boolean,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('talent_profiles')
      .set({
        status: hidden ? 'hidden' : 'active',
        hidden_at: hidden ? sql<Date>`now()` : null,
        updated_at: sql<Date>`now()`,
      })
      .where('region_id', '=', regionId)
      .where('account_id', '=', accountId)
      .where('status', '=', hidden ? 'active' : 'hidden')
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await audit(trx, regionId, accountId, hidden ? 'talent.profile.hidden' : 'talent.profile.shown', row.id);
    return true;
  });
}

/** Leaves the pool: the profile (and its invitations) and the consents go; the account stays. */
export async function leavePool(db: Kysely<DB>, regionId: string, accountId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('talent_profiles')
      .where('region_id', '=', regionId)
      .where('account_id', '=', accountId)
      .returning('id')
      .executeTakeFirst();
    await trx
      .deleteFrom('talent_consents')
      .where('region_id', '=', regionId)
      .where('account_id', '=', accountId)
      .execute();
    if (!row) return false;
    await audit(trx, regionId, accountId, 'talent.left', row.id);
    return true;
  });
}

/** The waiting invitation of a profile (the address the main mover typed). */
export async function waitingInvite(db: Kysely<DB>, regionId: string, profileId: string) {
  return db
    .selectFrom('talent_partner_invites')
    .select(['email', 'created_at', 'expires_at', 'used_at'])
    .where('region_id', '=', regionId)
    .where('profile_id', '=', profileId)
    .executeTakeFirst();
}

/** Creates (or replaces) the partner's invitation; returns the link. */
export async function invitePartner(
  trx: Kysely<DB>,
  input: {
    regionId: string;
    accountId: string;
    profileId: string;
    email: string;
    language: Lang;
    origin: string;
  },
): Promise<string> {
  const token = randomToken();
  await trx
    .deleteFrom('talent_partner_invites')
    .where('region_id', '=', input.regionId)
    .where('profile_id', '=', input.profileId)
    .execute();
  await trx
    .insertInto('talent_partner_invites')
    .values({
      region_id: input.regionId,
      token_hash: hashSecret(token),
      profile_id: input.profileId,
      email: normalizeEmail(input.email),
      language: input.language,
      expires_at: sql<Date>`now() + make_interval(days => ${INVITE_TTL_DAYS})`,
    })
    .execute();
  await audit(trx, input.regionId, input.accountId, 'talent.partner.invited', input.profileId);
  return `${input.origin}${localPath(input.language, `/talent-pool/partner/${token}`)}`;
}

/** The address a live invitation was sent to. */
export async function liveInvite(db: Kysely<DB>, regionId: string, token: string) {
  if (!TOKEN.test(token)) return undefined;
  return db
    .selectFrom('talent_partner_invites')
    .select(['email', 'language'])
    .where('region_id', '=', regionId)
    .where('token_hash', '=', hashSecret(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** The partner confirms: their account (found or created) becomes the profile's partner; signed in. */
export async function claimInvite(
  db: Kysely<DB>,
  sessions: SessionStore,
  input: {
    regionId: string;
    token: string;
    browser: { previousToken: string | undefined; userAgent: string | undefined };
  },
): Promise<{ sessionToken: string } | undefined> {
  if (!TOKEN.test(input.token)) return undefined;
  const { regionId } = input;
  return db.transaction().execute(async (trx) => {
    const invite = await trx
      .updateTable('talent_partner_invites')
      .set({ used_at: sql<Date>`now()` })
      .where('region_id', '=', regionId)
      .where('token_hash', '=', hashSecret(input.token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning(['profile_id', 'email', 'language'])
      .executeTakeFirst();
    if (!invite) return undefined;
    const language: Lang = invite.language === 'en' ? 'en' : 'sv';
    const { account } = await findOrCreateAccount(trx, regionId, invite.email, language, 'self');
    const profile = await trx
      .selectFrom('talent_profiles')
      .select(['id', 'account_id'])
      .where('region_id', '=', regionId)
      .where('id', '=', invite.profile_id)
      .executeTakeFirst();
    if (!profile || profile.account_id === account.id) return undefined;
    // One household per partner account: an older link elsewhere is let go.
    await trx
      .updateTable('talent_profiles')
      .set({ partner_account_id: null })
      .where('region_id', '=', regionId)
      .where('partner_account_id', '=', account.id)
      .execute();
    await trx
      .updateTable('talent_profiles')
      .set({ partner_account_id: account.id, has_partner: true })
      .where('region_id', '=', regionId)
      .where('id', '=', profile.id)
      .execute();
    await audit(trx, regionId, account.id, 'talent.partner.claimed', profile.id);
    const session = await startSession(sessions, {
      regionId,
      accountId: account.id,
      method: 'link',
      db: trx,
      ...input.browser,
    });
    return { sessionToken: session.token };
  });
}

/** The partner edits their own occupations and skills (checked by the caller). */
export async function savePartnerPart(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  occupations: string[],
  skills: string[],
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const parents = await occupationParents(trx, occupations);
    const row = await trx
      .updateTable('talent_profiles')
      .set({
        partner_occupations: occupations,
        partner_skills: skills,
        partner_occupation_groups: parents.groups,
        partner_occupation_fields: parents.fields,
        updated_at: sql<Date>`now()`,
      })
      .where('region_id', '=', regionId)
      .where('partner_account_id', '=', accountId)
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await audit(trx, regionId, accountId, 'talent.partner.updated', row.id);
    return true;
  });
}

/** The partner lets go of the household's profile. */
export async function unlinkPartner(db: Kysely<DB>, regionId: string, accountId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('talent_profiles')
      .set({ partner_account_id: null })
      .where('region_id', '=', regionId)
      .where('partner_account_id', '=', accountId)
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    await audit(trx, regionId, accountId, 'talent.partner.unlinked', row.id);
    return true;
  });
}

/** The talent pool's part of the person's data. */
export const talentPoolData: PersonalDataPart = {
  name: 'talentPool',
  async export(db, person: PersonRef) {
    const { regionId, accountId, email } = person;
    const [profile, consents, signups, asPartner] = await Promise.all([
      profileOf(db, regionId, accountId),
      consentHistory(db, regionId, accountId),
      db
        .selectFrom('talent_signups')
        .select(['email', 'language', 'data', 'created_at', 'expires_at'])
        .where('region_id', '=', regionId)
        .where('email', '=', email)
        .execute(),
      profileAsPartner(db, regionId, accountId),
    ]);
    const invites = profile
      ? await db
          .selectFrom('talent_partner_invites')
          .select(['email', 'created_at', 'expires_at', 'used_at'])
          .where('region_id', '=', regionId)
          .where('profile_id', '=', profile.id)
          .execute()
      : [];
    const invitedAs = await db
      .selectFrom('talent_partner_invites')
      .select(['created_at', 'expires_at', 'used_at'])
      .where('region_id', '=', regionId)
      .where('email', '=', email)
      .execute();
    // Each concept with its label next to its id (the Swedish label: the taxonomy's own words).
    const named = async (type: ConceptKind, ids: readonly string[]) => {
      const labels = new Map((await conceptsById(db, type, ids, 'sv')).map((c) => [c.id, c.label]));
      return ids.map((id) => ({ id, label: labels.get(id) ?? null }));
    };
    const household = profile?.household;
    const partner = asPartner?.household;
    return {
      profile: profile &&
        household && {
          ...profile,
          id: undefined,
          accountId: undefined,
          occupations: await named('occupation-name', profile.occupations),
          skills: await named('skill', profile.skills),
          languages: await named('language', profile.languages),
          household: {
            ...household,
            partnerOccupations: await named('occupation-name', household.partnerOccupations),
            partnerSkills: await named('skill', household.partnerSkills),
            partnerAccountId: undefined,
            partnerLinked: household.partnerAccountId !== null,
          },
        },
      consents,
      waitingSignups: signups,
      partnerInvitationsSent: invites,
      partnerInvitationsReceived: invitedAs,
      partnerOf: asPartner
        ? {
            occupations: await named('occupation-name', partner?.partnerOccupations ?? []),
            skills: await named('skill', partner?.partnerSkills ?? []),
          }
        : null,
    };
  },
  async erase(trx, person: PersonRef) {
    const { regionId, accountId, email } = person;
    await trx
      .deleteFrom('talent_signups')
      .where('region_id', '=', regionId)
      .where('email', '=', email)
      .execute();
    await trx
      .deleteFrom('talent_partner_invites')
      .where('region_id', '=', regionId)
      .where('email', '=', email)
      .execute();
    // As someone else's partner: their part of that household goes with them.
    await trx
      .updateTable('talent_profiles')
      .set({
        partner_account_id: null,
        partner_occupations: [],
        partner_skills: [],
        partner_occupation_groups: [],
        partner_occupation_fields: [],
      })
      .where('region_id', '=', regionId)
      .where('partner_account_id', '=', accountId)
      .execute();
    await trx
      .deleteFrom('talent_profiles')
      .where('region_id', '=', regionId)
      .where('account_id', '=', accountId)
      .execute();
    await trx
      .deleteFrom('talent_consents')
      .where('region_id', '=', regionId)
      .where('account_id', '=', accountId)
      .execute();
  },
};
