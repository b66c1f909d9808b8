/** Profiles and ads for the matching's tests: a nurse in Falun whose partner is a teacher. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { CONSENT_TEXT_VERSIONS, type ConsentPurpose } from '../../../src/modules/talent/model.ts';
import { createPerson, REGION } from '../../helpers/identity.ts';
import { OCCUPATION } from '../../helpers/jobs.ts';

export const NURSE = OCCUPATION.nurse;
export const TEACHER = OCCUPATION.teacher;

export interface ProfileSpec {
  email?: string;
  status?: 'active' | 'hidden';
  consents?: ConsentPurpose[];
  partner?: boolean;
  municipalities?: string[];
  skills?: string[];
}

export async function createProfile(db: Kysely<DB>, spec: ProfileSpec = {}) {
  const person = await createPerson(db, spec.email ? { email: spec.email } : {});
  const profile = await db
    .insertInto('talent_profiles')
    .values({
      region_id: REGION,
      account_id: person.accountId,
      status: spec.status ?? 'active',
      hidden_at: spec.status === 'hidden' ? new Date() : null,
      occupations: [NURSE.occupation.concept_id],
      occupation_groups: [NURSE.occupation_group.concept_id],
      occupation_fields: [NURSE.occupation_field.concept_id],
      skills: spec.skills ?? [],
      experience: '2to5',
      languages: [],
      education: 'university',
      municipalities: spec.municipalities ?? ['2080'],
      move_when: 'within-a-year',
      has_partner: spec.partner ?? false,
      partner_occupations: spec.partner ? [TEACHER.occupation.concept_id] : [],
      partner_occupation_groups: spec.partner ? [TEACHER.occupation_group.concept_id] : [],
      partner_occupation_fields: spec.partner ? [TEACHER.occupation_field.concept_id] : [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const consents = spec.consents ?? ['alerts', 'employers'];
  if (consents.length)
    await db
      .insertInto('talent_consents')
      .values(
        consents.map((purpose) => ({
          region_id: REGION,
          account_id: person.accountId,
          purpose,
          text_version: CONSENT_TEXT_VERSIONS[purpose],
        })),
      )
      .execute();
  return { ...person, profileId: profile.id };
}
