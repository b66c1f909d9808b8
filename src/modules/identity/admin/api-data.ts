/** What the organisation API reads (api-routes.ts): the organisation acted for, and its members. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

export function findApiOrganisation(db: Kysely<DB>, regionId: string, organisationId: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'org_number'])
    .where('region_id', '=', regionId)
    .where('id', '=', organisationId)
    .executeTakeFirst();
}

/** Its members by name: account id, display name and role (never an e-mail address). */
export function listApiMembers(db: Kysely<DB>, regionId: string, organisationId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', (join) =>
      join.onRef('a.region_id', '=', 'm.region_id').onRef('a.id', '=', 'm.account_id'),
    )
    .select(['a.id', 'a.display_name', 'm.role'])
    .where('m.region_id', '=', regionId)
    .where('m.organisation_id', '=', organisationId)
    .orderBy('a.display_name')
    .orderBy('m.created_at')
    .execute();
}
