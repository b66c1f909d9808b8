/**
 * Organisations every region has (the region itself and one per municipality), and — in the demo —
 * a handful of organisations and one account per role, documented in the README. Safe to repeat.
 */
import type { Kysely } from 'kysely';
import { loadRegions } from '../regions/repository.ts';
import { findAccountByEmail } from './accounts.ts';
import { findRegionOrganisation } from './organisations/service.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Role } from '../../platform/permissions.ts';

/** Demo organisations; the organisationsnummer are valid (Luhn) but made up. */
const DEMO_ORGANISATIONS = {
  employer: { kind: 'employer', name: 'Exempelbolaget Dalarna AB (demo)', orgNumber: '5560000001' },
  course_provider: {
    kind: 'course_provider',
    name: 'Exempelskolan Yrkesutbildning (demo)',
    orgNumber: '2120000019',
  },
  partner: { kind: 'partner', name: 'Exempelpartner Bostad (demo)', orgNumber: null },
} as const;

/** Demo accounts: one per role, all under the reserved example.org domain (RFC 2606). */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  email: string;
  displayName: string;
  /** null: a talent, without any organisation role. */
  role: Role | null;
  /** Which demo organisation: the region, a municipality code, or a demo organisation's key. */
  organisation: 'region' | { municipality: string } | { demo: keyof typeof DEMO_ORGANISATIONS } | null;
}> = [
  { email: 'admin@example.org', displayName: 'Alva Admin', role: 'admin', organisation: 'region' },
  {
    email: 'redaktor@example.org',
    displayName: 'Rasmus Redaktör',
    role: 'region_editor',
    organisation: 'region',
  },
  {
    email: 'kommun@example.org',
    displayName: 'Kim Kommunredaktör',
    role: 'municipality_editor',
    organisation: { municipality: '2080' },
  },
  { email: 'lots@example.org', displayName: 'Lina Lots', role: 'navigator', organisation: 'region' },
  {
    email: 'hr@example.org',
    displayName: 'Hanna HR',
    role: 'employer_admin',
    organisation: { demo: 'employer' },
  },
  {
    email: 'rekryterare@example.org',
    displayName: 'Rikard Rekryterare',
    role: 'employer_member',
    organisation: { demo: 'employer' },
  },
  {
    email: 'kurs@example.org',
    displayName: 'Kajsa Kursansvarig',
    role: 'course_provider',
    organisation: { demo: 'course_provider' },
  },
  { email: 'talang@example.org', displayName: 'Tove Talang', role: null, organisation: null },
];

/** The region's own organisation and one per municipality. Returns the region organisation's id. */
export async function seedOrganisations(db: Kysely<DB>): Promise<void> {
  const regions = await loadRegions(db);
  for (const region of regions) {
    await db
      .insertInto('organisations')
      .values({ region_id: region.id, kind: 'region', name: region.contact.organisation })
      .onConflict((oc) => oc.column('region_id').where('kind', '=', 'region').doNothing())
      .execute();
    for (const m of region.municipalities) {
      await db
        .insertInto('organisations')
        .values({
          region_id: region.id,
          kind: 'municipality',
          name: m.officialName,
          municipality_code: m.code,
        })
        .onConflict((oc) =>
          oc.columns(['region_id', 'municipality_code']).where('kind', '=', 'municipality').doNothing(),
        )
        .execute();
    }
  }
}

/** The region organisation's id. */
export async function regionOrganisationId(db: Kysely<DB>, regionId: string): Promise<string> {
  const id = await findRegionOrganisation(db, regionId);
  if (!id) throw new Error(`region ${regionId} has no region organisation`);
  return id;
}

/** The demo organisations and one account per role (LOTSA_SEED_DEMO). Safe to repeat. */
export async function seedDemoAccounts(db: Kysely<DB>, regionId: string): Promise<void> {
  const organisationIds = new Map<string, string>();
  organisationIds.set('region', await regionOrganisationId(db, regionId));
  for (const [key, org] of Object.entries(DEMO_ORGANISATIONS)) {
    const existing = await db
      .selectFrom('organisations')
      .select('id')
      .where('region_id', '=', regionId)
      .where('name', '=', org.name)
      .executeTakeFirst();
    const id =
      existing?.id ??
      (
        await db
          .insertInto('organisations')
          .values({ region_id: regionId, kind: org.kind, name: org.name, org_number: org.orgNumber })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    organisationIds.set(key, id);
  }
  for (const demo of DEMO_ACCOUNTS) {
    await db
      .insertInto('accounts')
      .values({ region_id: regionId, email: demo.email, display_name: demo.displayName, language: 'sv' })
      .onConflict((oc) => oc.columns(['region_id', 'email']).doNothing())
      .execute();
    if (!demo.role || !demo.organisation) continue;
    const account = await findAccountByEmail(db, regionId, demo.email);
    if (!account) throw new Error(`demo account ${demo.email} was not created`);
    let organisationId: string | undefined;
    if (demo.organisation === 'region') organisationId = organisationIds.get('region');
    else if ('demo' in demo.organisation) organisationId = organisationIds.get(demo.organisation.demo);
    else {
      const row = await db
        .selectFrom('organisations')
        .select('id')
        .where('region_id', '=', regionId)
        .where('municipality_code', '=', demo.organisation.municipality)
        .executeTakeFirst();
      organisationId = row?.id;
    }
    if (!organisationId) continue;
    await db
      .insertInto('memberships')
      .values({
        region_id: regionId,
        organisation_id: organisationId,
        account_id: account.id,
        role: demo.role,
      })
      .onConflict((oc) => oc.columns(['region_id', 'organisation_id', 'account_id']).doNothing())
      .execute();
  }
}

/** The id of the default region (the one served for unknown hosts). */
export async function defaultRegionId(db: Kysely<DB>): Promise<string> {
  const regions = await loadRegions(db); // by id
  const region = regions.find((r) => r.isDefault) ?? regions[0];
  if (!region) throw new Error('no regions');
  return region.id;
}
