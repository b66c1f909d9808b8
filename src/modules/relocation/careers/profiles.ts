/**
 * An adult's talent pool profile as the case file may read it: their own profile when their
 * account has one; the partner part of a profile when they claimed it (or, for a partner without
 * an account, the partner part of the main mover's profile). Readable only when the profile's owner
 * gave the talent pool's 'navigator' consent.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { TalentProfile } from '../../talent/model.ts';
import { liveConsents, profileAsPartner, profileOf } from '../../talent/profiles.ts';
import type { PersonRow } from '../cases.ts';

export interface AdultProfile {
  profile: TalentProfile;
  /** 'own': the person's own profile; 'partner': the partner part of someone's profile. */
  side: 'own' | 'partner';
  /** The profile owner agreed that navigators read it. */
  readable: boolean;
}

async function readable(db: Kysely<DB>, regionId: string, profile: TalentProfile): Promise<boolean> {
  return (await liveConsents(db, regionId, profile.accountId)).has('navigator');
}

/** The profile an adult of the household has, if any (undefined: none, or no account to look by). */
export async function adultProfile(
  db: Kysely<DB>,
  regionId: string,
  person: PersonRow,
  household: readonly PersonRow[],
): Promise<AdultProfile | undefined> {
  if (person.role === 'child') return undefined;
  if (person.account_id) {
    const own = await profileOf(db, regionId, person.account_id);
    if (own) return { profile: own, side: 'own', readable: await readable(db, regionId, own) };
    const asPartner = await profileAsPartner(db, regionId, person.account_id);
    if (asPartner)
      return { profile: asPartner, side: 'partner', readable: await readable(db, regionId, asPartner) };
  }
  if (person.role === 'partner') {
    const main = household.find((p) => p.role === 'main');
    if (main?.account_id) {
      const mainProfile = await profileOf(db, regionId, main.account_id);
      if (mainProfile?.household.hasPartner && mainProfile.household.partnerOccupations.length > 0)
        return {
          profile: mainProfile,
          side: 'partner',
          readable: await readable(db, regionId, mainProfile),
        };
    }
  }
  return undefined;
}

/** The side's occupations and skills (concept ids). */
export function sideOf(found: AdultProfile): { occupations: string[]; skills: string[] } {
  const p = found.profile;
  return found.side === 'own'
    ? { occupations: p.occupations, skills: p.skills }
    : { occupations: p.household.partnerOccupations, skills: p.household.partnerSkills };
}
