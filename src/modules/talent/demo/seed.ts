/**
 * Demo profiles (SEED_DEMO): ~300 generated profiles per region with open ads, each with a demo
 * account `talent-NNNN@demo.lotsa.invalid` (never a real address) and consents to the employers,
 * alerts and navigator purposes for most. A region that has any demo talent account already is
 * left alone: the seed never overwrites. The benchmark inserts its 100,000 through insertProfiles.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { CONSENT_TEXT_VERSIONS, type ConsentPurpose } from '../model.ts';
import { matchNextBatch } from '../matching/incremental.ts';
import { regionDistribution } from './distribution.ts';
import { generateProfiles, type GeneratedProfile } from './generate.ts';

export const DEMO_PROFILES = 300;
export const DEMO_SEED = 15;
export const demoEmail = (n: number) => `talent-${String(n).padStart(4, '0')}@demo.lotsa.invalid`;

/** The consents of generated profile n: most give employers, alerts and navigator. */
export function demoConsents(n: number): ConsentPurpose[] {
  const r = (n * 2654435761) % 100;
  if (r < 80) return ['employers', 'alerts', 'navigator'];
  if (r < 90) return ['alerts'];
  if (r < 95) return ['navigator', 'newsletter'];
  return [];
}

/** Inserts accounts, profiles and consents, 1,000 at a time; returns the profiles made. */
export async function insertProfiles(
  db: Kysely<DB>,
  regionId: string,
  profiles: readonly GeneratedProfile[],
  options: { email: (n: number) => string; consents: (n: number) => ConsentPurpose[]; first?: number },
): Promise<number> {
  const first = options.first ?? 1;
  let made = 0;
  for (let i = 0; i < profiles.length; i += 1000) {
    const slice = profiles.slice(i, i + 1000);
    await db.transaction().execute(async (trx) => {
      const accounts = await trx
        .insertInto('accounts')
        .values(
          slice.map((_, k) => ({ region_id: regionId, email: options.email(first + i + k), language: 'sv' })),
        )
        .onConflict((oc) => oc.columns(['region_id', 'email']).doNothing())
        .returning(['id', 'email'])
        .execute();
      const idOf = new Map(accounts.map((a) => [a.email, a.id]));
      const rows = slice.flatMap((p, k) => {
        const accountId = idOf.get(options.email(first + i + k));
        if (!accountId) return [];
        return [
          {
            n: first + i + k,
            accountId,
            row: {
              region_id: regionId,
              account_id: accountId,
              occupations: p.occupations,
              skills: p.skills,
              occupation_groups: p.occupationGroups,
              occupation_fields: p.occupationFields,
              experience: p.experience,
              languages: p.languages,
              education: p.education,
              municipalities: p.municipalities,
              anywhere: p.anywhere,
              move_when: p.moveWhen,
              remote_now: p.remoteNow,
              has_partner: p.hasPartner,
              partner_occupations: p.partnerOccupations,
              partner_skills: p.partnerSkills,
              partner_occupation_groups: p.partnerOccupationGroups,
              partner_occupation_fields: p.partnerOccupationFields,
              children_ages: p.childrenAges,
              housing: p.housing,
            },
          },
        ];
      });
      if (rows.length === 0) return;
      await trx
        .insertInto('talent_profiles')
        .values(rows.map((r) => r.row))
        .execute();
      const consents = rows.flatMap((r) =>
        options.consents(r.n).map((purpose) => ({
          region_id: regionId,
          account_id: r.accountId,
          purpose,
          text_version: CONSENT_TEXT_VERSIONS[purpose],
        })),
      );
      if (consents.length) await trx.insertInto('talent_consents').values(consents).execute();
      made += rows.length;
    });
  }
  return made;
}

export async function seedTalentDemo(db: Kysely<DB>, count = DEMO_PROFILES): Promise<void> {
  const regions = await db.selectFrom('regions').select('id').orderBy('id').execute();
  for (const { id: regionId } of regions) {
    const existing = await db
      .selectFrom('accounts')
      .select('id')
      .where('region_id', '=', regionId)
      .where('email', 'like', 'talent-%@demo.lotsa.invalid')
      .limit(1)
      .executeTakeFirst();
    if (existing) continue;
    // The features of the ads there (the matching's first run), for the skills per occupation.
    for (let i = 0; i < 1000 && (await matchNextBatch(db, regionId, 2000)); i++);
    const dist = await regionDistribution(db, regionId);
    if (dist.occupations.length === 0) continue;
    await insertProfiles(db, regionId, generateProfiles(count, DEMO_SEED, dist), {
      email: demoEmail,
      consents: demoConsents,
    });
  }
}
