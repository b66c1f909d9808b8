/**
 * The newcomer network's SQL (migration 0032): groups with their member counts and next meetup
 * (the meetups are events since 0036: events.ts reads them), memberships, ambassadors and their
 * matches to households.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, NetworkAmbassadorsTable, NetworkGroupsTable } from '../../../platform/db/schema.ts';
import { upcomingByGroup } from './events.ts';
import type { AmbassadorStatus, Topic } from './model.ts';

export type GroupRow = Selectable<NetworkGroupsTable>;
export type AmbassadorRow = Selectable<NetworkAmbassadorsTable>;

export interface GroupValues {
  slug: string;
  name_sv: string;
  name_en: string;
  description_sv: string;
  description_en: string;
  topic: Topic;
  municipality_code: string | null;
}

export interface GroupSummary extends GroupRow {
  members: number;
  upcoming: number;
  nextMeetup: Date | null;
}

/** Groups with their member count, number of upcoming meetups (events) and the next one's time. */
export async function groupSummaries(
  db: Kysely<DB>,
  regionId: string,
  options: { activeOnly: boolean; limit: number },
): Promise<GroupSummary[]> {
  let query = db
    .selectFrom('network_groups as g')
    .selectAll('g')
    .select(
      sql<number>`(select count(*)::int from network_members m
        where m.region_id = g.region_id and m.group_id = g.id)`.as('members'),
    )
    .where('g.region_id', '=', regionId);
  if (options.activeOnly) query = query.where('g.status', '=', 'active');
  const [groups, upcoming] = await Promise.all([
    query
      .orderBy(sql`g.status = 'archived'`)
      .orderBy('g.name_sv')
      .limit(options.limit)
      .execute(),
    upcomingByGroup(db, regionId),
  ]);
  return groups.map((g) => {
    const found = upcoming.get(g.id);
    return { ...g, upcoming: found?.upcoming ?? 0, nextMeetup: found?.next ?? null };
  });
}

export async function groupBySlug(db: Kysely<DB>, regionId: string, slug: string) {
  return db
    .selectFrom('network_groups')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function groupById(db: Kysely<DB>, regionId: string, id: string) {
  return db
    .selectFrom('network_groups')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function slugTaken(
  db: Kysely<DB>,
  regionId: string,
  slug: string,
  exceptId: string | null,
): Promise<boolean> {
  let query = db
    .selectFrom('network_groups')
    .select('id')
    .where('region_id', '=', regionId)
    .where('slug', '=', slug);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertGroup(
  db: Kysely<DB>,
  regionId: string,
  values: GroupValues,
  createdBy: string | null,
): Promise<string> {
  const row = await db
    .insertInto('network_groups')
    .values({ region_id: regionId, ...values, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateGroup(db: Kysely<DB>, regionId: string, id: string, values: GroupValues) {
  await db
    .updateTable('network_groups')
    .set({ ...values, updated_at: sql`now()` })
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .execute();
}

export async function setGroupStatus(db: Kysely<DB>, regionId: string, id: string, status: string) {
  await db
    .updateTable('network_groups')
    .set({ status, updated_at: sql`now()` })
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .execute();
}

export async function memberCount(db: Kysely<DB>, regionId: string, groupId: string): Promise<number> {
  const row = await db
    .selectFrom('network_members')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('region_id', '=', regionId)
    .where('group_id', '=', groupId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function isMember(db: Kysely<DB>, regionId: string, groupId: string, accountId: string) {
  const row = await db
    .selectFrom('network_members')
    .select('joined_at')
    .where('region_id', '=', regionId)
    .where('group_id', '=', groupId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addMember(db: Kysely<DB>, regionId: string, groupId: string, accountId: string) {
  await db
    .insertInto('network_members')
    .values({ region_id: regionId, group_id: groupId, account_id: accountId })
    .onConflict((oc) => oc.columns(['region_id', 'group_id', 'account_id']).doNothing())
    .execute();
}

export async function removeMember(db: Kysely<DB>, regionId: string, groupId: string, accountId: string) {
  await db
    .deleteFrom('network_members')
    .where('region_id', '=', regionId)
    .where('group_id', '=', groupId)
    .where('account_id', '=', accountId)
    .execute();
}

export async function ambassadorOfAccount(db: Kysely<DB>, regionId: string, accountId: string) {
  return db
    .selectFrom('network_ambassadors')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export async function ambassadorById(db: Kysely<DB>, regionId: string, id: string) {
  return db
    .selectFrom('network_ambassadors')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface AmbassadorValues {
  municipality_code: string | null;
  languages: string[];
  occupation: string;
  personas: string[];
  interests: string[];
  about: string;
  consent_text_version: string;
}

/** Creates the ambassador (pending) or updates their details (status kept); true when created. */
export async function upsertAmbassador(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  values: AmbassadorValues,
): Promise<boolean> {
  const row = await db
    .insertInto('network_ambassadors')
    .values({ region_id: regionId, account_id: accountId, ...values })
    .onConflict((oc) =>
      oc.columns(['region_id', 'account_id']).doUpdateSet({ ...values, updated_at: sql`now()` }),
    )
    .returning(sql<boolean>`(xmax = 0)`.as('created'))
    .executeTakeFirstOrThrow();
  return row.created;
}

export interface AmbassadorListItem extends AmbassadorRow {
  email: string;
  displayName: string;
}

/** Every ambassador of the region with their account's address and name; waiting ones first. */
export async function ambassadorList(
  db: Kysely<DB>,
  regionId: string,
  status?: AmbassadorStatus,
): Promise<AmbassadorListItem[]> {
  let query = db
    .selectFrom('network_ambassadors as n')
    .innerJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 'n.region_id').onRef('a.id', '=', 'n.account_id'),
    )
    .selectAll('n')
    .select(['a.email', 'a.display_name as displayName'])
    .where('n.region_id', '=', regionId);
  if (status) query = query.where('n.status', '=', status);
  return query
    .orderBy(sql`case n.status when 'pending' then 0 when 'approved' then 1 else 2 end`)
    .orderBy('n.created_at')
    .limit(1000)
    .execute();
}

export async function setAmbassadorStatus(
  db: Kysely<DB>,
  regionId: string,
  id: string,
  status: AmbassadorStatus,
  by: string,
): Promise<void> {
  await db
    .updateTable('network_ambassadors')
    .set(
      status === 'approved'
        ? { status, approved_by: by, approved_at: sql`now()`, updated_at: sql`now()` }
        : { status, updated_at: sql`now()` },
    )
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .execute();
}

export interface CaseMatch {
  id: string;
  ambassadorId: string;
  status: string;
  matchedAt: Date;
  email: string;
  displayName: string;
}

export async function matchesOfCase(db: Kysely<DB>, regionId: string, caseId: string): Promise<CaseMatch[]> {
  return db
    .selectFrom('network_ambassador_matches as m')
    .innerJoin('network_ambassadors as n', (j) =>
      j.onRef('n.region_id', '=', 'm.region_id').onRef('n.id', '=', 'm.ambassador_id'),
    )
    .innerJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 'n.region_id').onRef('a.id', '=', 'n.account_id'),
    )
    .select([
      'm.id',
      'm.ambassador_id as ambassadorId',
      'm.status',
      'm.matched_at as matchedAt',
      'a.email',
      'a.display_name as displayName',
    ])
    .where('m.region_id', '=', regionId)
    .where('m.case_id', '=', caseId)
    .orderBy('m.matched_at', 'desc')
    .execute();
}

export async function matchById(db: Kysely<DB>, regionId: string, id: string) {
  return db
    .selectFrom('network_ambassador_matches')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Creates a match; false when this ambassador is already matched with the case. */
export async function insertMatch(
  db: Kysely<DB>,
  regionId: string,
  values: { caseId: string; ambassadorId: string; matchedBy: string; note: string },
): Promise<string | undefined> {
  const row = await db
    .insertInto('network_ambassador_matches')
    .values({
      region_id: regionId,
      case_id: values.caseId,
      ambassador_id: values.ambassadorId,
      matched_by: values.matchedBy,
      status: 'introduced',
      note: values.note,
    })
    .onConflict((oc) => oc.columns(['region_id', 'case_id', 'ambassador_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function endMatch(db: Kysely<DB>, regionId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable('network_ambassador_matches')
    .set({ status: 'ended', ended_at: sql`now()` })
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .where('status', '!=', 'ended')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface AmbassadorMatch {
  id: string;
  caseId: string;
  status: string;
  matchedAt: Date;
}

export async function matchesOfAmbassador(
  db: Kysely<DB>,
  regionId: string,
  ambassadorId: string,
): Promise<AmbassadorMatch[]> {
  return db
    .selectFrom('network_ambassador_matches')
    .select(['id', 'case_id as caseId', 'status', 'matched_at as matchedAt'])
    .where('region_id', '=', regionId)
    .where('ambassador_id', '=', ambassadorId)
    .orderBy('matched_at', 'desc')
    .limit(200)
    .execute();
}

/**
 * The adult of each case an ambassador may be told about: the first (main mover, then partner) with
 * a live 'ambassador' consent; case id → their name and e-mail.
 */
export async function consentingAdults(
  db: Kysely<DB>,
  regionId: string,
  caseIds: readonly string[],
): Promise<Map<string, { personId: string; name: string; email: string | null }>> {
  const result = new Map<string, { personId: string; name: string; email: string | null }>();
  if (caseIds.length === 0) return result;
  const rows = await db
    .selectFrom('relocation_persons as p')
    .select(['p.id', 'p.case_id', 'p.name', 'p.email', 'p.role'])
    .where('p.region_id', '=', regionId)
    .where('p.case_id', 'in', caseIds)
    .where('p.role', 'in', ['main', 'partner'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('relocation_consents as c')
          .select(sql`1`.as('one'))
          .whereRef('c.region_id', '=', 'p.region_id')
          .whereRef('c.person_id', '=', 'p.id')
          .where('c.purpose', '=', 'ambassador')
          .where('c.withdrawn_at', 'is', null),
      ),
    )
    .orderBy(sql`case p.role when 'main' then 0 else 1 end`)
    .execute();
  for (const row of rows) {
    if (!result.has(row.case_id))
      result.set(row.case_id, { personId: row.id, name: row.name, email: row.email });
  }
  return result;
}

/** The account's memberships with the groups' names. */
export async function membershipsOf(db: Kysely<DB>, regionId: string, accountId: string) {
  return db
    .selectFrom('network_members as m')
    .innerJoin('network_groups as g', (j) =>
      j.onRef('g.region_id', '=', 'm.region_id').onRef('g.id', '=', 'm.group_id'),
    )
    .select(['g.slug', 'g.name_sv', 'g.name_en', 'm.joined_at'])
    .where('m.region_id', '=', regionId)
    .where('m.account_id', '=', accountId)
    .orderBy('m.joined_at')
    .execute();
}
