/**
 * Organisations of a region and their members: listing, creating and editing organisations (with a
 * unique organisationsnummer per region), and changing or removing members. Every change writes its
 * audit event in the same transaction. Callers check who may do what; these functions keep the
 * data consistent (a region's ids only, never the last person able to manage an organisation
 * removing themselves).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { accountActor, recordAudit, type AuditActor, type AuditEvent } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { SessionStore } from '../../../platform/auth/sessions.ts';
import {
  Permission,
  ROLE_PERMISSIONS,
  ROLES_BY_KIND,
  type OrganisationKind,
  type Role,
} from '../../../platform/permissions.ts';
import { revokeTokensCreatedBy } from '../admin/tokens.ts';
import { retryingTransaction } from '../../../platform/db/transaction.ts';
import { lockOrganisation, memberRole } from './locks.ts';

/** Kinds an admin can add; the region and its municipalities come with the region. */
export const CREATABLE_KINDS = [
  'employer',
  'course_provider',
  'partner',
] as const satisfies readonly OrganisationKind[];
export type CreatableKind = (typeof CREATABLE_KINDS)[number];

export function isCreatableKind(value: unknown): value is CreatableKind {
  return (CREATABLE_KINDS as readonly unknown[]).includes(value);
}

/** Kinds that must have an organisationsnummer. */
export function orgNumberRequired(kind: OrganisationKind): boolean {
  return kind === 'employer' || kind === 'course_provider';
}

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  orgNumber: string | null;
  municipalityCode: string | null;
  createdAt: Date;
}

export interface OrganisationListItem extends Organisation {
  memberCount: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toOrganisation(row: {
  id: string;
  kind: string;
  name: string;
  org_number: string | null;
  municipality_code: string | null;
  created_at: Date;
}): Organisation {
  return {
    id: row.id,
    kind: row.kind as OrganisationKind,
    name: row.name,
    orgNumber: row.org_number,
    municipalityCode: row.municipality_code,
    createdAt: row.created_at,
  };
}

const KIND_ORDER = sql<number>`array_position(array['region','municipality','employer','course_provider','partner']::text[], o.kind)`;

export async function listOrganisations(
  db: Kysely<DB>,
  regionId: string,
  options: { kind?: OrganisationKind } = {},
): Promise<OrganisationListItem[]> {
  let query = db
    .selectFrom('organisations as o')
    .select([
      'o.id',
      'o.kind',
      'o.name',
      'o.org_number',
      'o.municipality_code',
      'o.created_at',
      (eb) =>
        eb
          .selectFrom('memberships as m')
          .select(sql<string>`count(*)`.as('n'))
          .whereRef('m.region_id', '=', 'o.region_id')
          .whereRef('m.organisation_id', '=', 'o.id')
          .as('member_count'),
    ])
    .where('o.region_id', '=', regionId);
  if (options.kind) query = query.where('o.kind', '=', options.kind);
  const rows = await query.orderBy(KIND_ORDER).orderBy('o.name').execute();
  return rows.map((row) => ({ ...toOrganisation(row), memberCount: Number(row.member_count ?? 0) }));
}

export async function getOrganisation(
  db: Kysely<DB>,
  regionId: string,
  id: string,
): Promise<Organisation | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = await db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.kind', 'o.name', 'o.org_number', 'o.municipality_code', 'o.created_at'])
    .where('o.region_id', '=', regionId)
    .where('o.id', '=', id)
    .executeTakeFirst();
  return row && toOrganisation(row);
}

/** The organisation of the region that already holds this number (other than `exceptId`). */
export async function findByOrgNumber(
  db: Kysely<DB>,
  regionId: string,
  orgNumber: string,
  exceptId?: string,
): Promise<{ id: string; name: string } | undefined> {
  let query = db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('region_id', '=', regionId)
    .where('org_number', '=', orgNumber);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export type SaveResult = { ok: true; id: string } | { ok: false; taken: { id: string; name: string } };

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

/**
 * Runs `save` in a transaction unless another organisation of the region (other than `exceptId`)
 * holds `orgNumber`; that organisation is then returned as `taken`, also when two admins save the
 * same number at once (the unique index decides; it is reported the same way).
 */
async function savingUniqueNumber(
  db: Kysely<DB>,
  regionId: string,
  orgNumber: string | null,
  exceptId: string | undefined,
  save: (trx: Kysely<DB>) => Promise<SaveResult>,
): Promise<SaveResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const taken = orgNumber ? await findByOrgNumber(trx, regionId, orgNumber, exceptId) : undefined;
      return taken ? { ok: false, taken } : save(trx);
    });
  } catch (error) {
    if (isUniqueViolation(error) && orgNumber) {
      const taken = await findByOrgNumber(db, regionId, orgNumber, exceptId);
      if (taken) return { ok: false, taken };
    }
    throw error;
  }
}

export async function createOrganisation(
  db: Kysely<DB>,
  input: { regionId: string; actor: AuditActor; kind: CreatableKind; name: string; orgNumber: string | null },
): Promise<SaveResult> {
  const { regionId } = input;
  return savingUniqueNumber(db, regionId, input.orgNumber, undefined, async (trx) => {
    const row = await trx
      .insertInto('organisations')
      .values({ region_id: regionId, kind: input.kind, name: input.name, org_number: input.orgNumber })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      regionId,
      actor: input.actor,
      organisationId: row.id,
      action: 'org.created',
      subjectType: 'organisation',
      subjectId: row.id,
      data: { name: input.name, kind: input.kind, orgNumber: input.orgNumber },
    });
    return { ok: true, id: row.id } as const;
  });
}

export async function updateOrganisation(
  db: Kysely<DB>,
  input: { regionId: string; actor: AuditActor; id: string; name: string; orgNumber: string | null },
): Promise<SaveResult> {
  const { regionId, id } = input;
  return savingUniqueNumber(db, regionId, input.orgNumber, id, async (trx) => {
    const before = await trx
      .selectFrom('organisations')
      .select(['name', 'org_number'])
      .where('region_id', '=', regionId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('organisations')
      .set({ name: input.name, org_number: input.orgNumber })
      .where('region_id', '=', regionId)
      .where('id', '=', id)
      .execute();
    if (before.name !== input.name || before.org_number !== input.orgNumber) {
      await recordAudit(trx, {
        regionId,
        actor: input.actor,
        organisationId: id,
        action: 'org.updated',
        subjectType: 'organisation',
        subjectId: id,
        data: {
          name: input.name,
          ...(before.name !== input.name ? { previousName: before.name } : {}),
          ...(before.org_number !== input.orgNumber
            ? { orgNumber: input.orgNumber, previousOrgNumber: before.org_number }
            : {}),
        },
      });
    }
    return { ok: true, id } as const;
  });
}

// Members

/** Memberships (`m`) joined with their accounts (`a`) in the same region. */
function membersAndAccounts(db: Kysely<DB>) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', (join) =>
      join.onRef('a.region_id', '=', 'm.region_id').onRef('a.id', '=', 'm.account_id'),
    );
}

/** Memberships (`m`) joined with their organisations (`o`) in the same region. */
function membershipsAndOrganisations(db: Kysely<DB>) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', (join) =>
      join.onRef('o.region_id', '=', 'm.region_id').onRef('o.id', '=', 'm.organisation_id'),
    );
}

export interface Member {
  accountId: string;
  email: string;
  displayName: string;
  role: Role;
  since: Date;
  lastSignInAt: Date | null;
}

export async function listMembers(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
): Promise<Member[]> {
  const rows = await membersAndAccounts(db)
    .select(['a.id', 'a.email', 'a.display_name', 'a.last_sign_in_at', 'm.role', 'm.created_at'])
    .where('m.region_id', '=', regionId)
    .where('m.organisation_id', '=', organisationId)
    .orderBy('a.email')
    .execute();
  return rows.map((row) => ({
    accountId: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    since: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  }));
}

/** An organisation as the API shows it. */
export async function organisationRecord(db: Kysely<DB>, regionId: string, id: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'org_number'])
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** An organisation's members by name (no addresses), as the API lists them. */
export async function memberNames(db: Kysely<DB>, regionId: string, organisationId: string) {
  return membersAndAccounts(db)
    .select(['a.id', 'a.display_name', 'm.role', 'm.created_at'])
    .where('m.region_id', '=', regionId)
    .where('m.organisation_id', '=', organisationId)
    .orderBy('a.display_name')
    .orderBy('m.created_at')
    .execute();
}

/** The memberships of several accounts with their organisations' names, by organisation name. */
export async function rolesOfAccounts(db: Kysely<DB>, regionId: string, accountIds: string[]) {
  if (accountIds.length === 0) return [];
  return membershipsAndOrganisations(db)
    .select(['m.account_id', 'm.role', 'o.id', 'o.name'])
    .where('m.region_id', '=', regionId)
    .where('m.account_id', 'in', accountIds)
    .orderBy('o.name')
    .execute();
}

/** The roles of an organisation kind that may manage its members. */
export function managingRoles(kind: OrganisationKind): Role[] {
  return ROLES_BY_KIND[kind].filter((role) => ROLE_PERMISSIONS[role].has(Permission.OrgMembersManage));
}

/**
 * `notManager`: the person acting lost the right to manage the organisation's members while the
 * request ran (another admin removed or demoted them a moment earlier).
 */
/** Whose membership changes, in which organisation, and who changes it. */
interface MemberInput {
  regionId: string;
  actor: AuditActor;
  organisation: { id: string; kind: OrganisationKind };
  accountId: string;
}

export type MemberChange = 'ok' | 'gone' | 'lastAdmin' | 'notManager';

/**
 * Would this change leave the organisation without anyone able to manage its members, done by that
 * very person to themselves? (A region admin may still change others.) Locks the memberships.
 */
async function strandsOrganisation(
  trx: Kysely<DB>,
  input: { regionId: string; organisation: { id: string; kind: OrganisationKind }; accountId: string },
  actorId: string | null,
  currentRole: Role,
  newRole: Role | null,
): Promise<boolean> {
  if (actorId !== input.accountId) return false;
  const managing = managingRoles(input.organisation.kind);
  if (!managing.includes(currentRole) || (newRole && managing.includes(newRole))) return false;
  const others = await trx
    .selectFrom('memberships')
    .select('account_id')
    .where('region_id', '=', input.regionId)
    .where('organisation_id', '=', input.organisation.id)
    .where('account_id', '<>', input.accountId)
    .where('role', 'in', managing)
    .orderBy('account_id')
    .forUpdate()
    .execute();
  return others.length === 0;
}

/**
 * Does the acting person (still) manage the organisation's members: a managing role in it, or an
 * admin of the region? Programs (no account) were checked by the caller. Read after the
 * organisation's lock, so a change committed a moment ago by someone else counts.
 */
export async function stillManages(
  trx: Kysely<DB>,
  regionId: string,
  organisation: { id: string; kind: OrganisationKind },
  actorId: string | null,
): Promise<boolean> {
  if (actorId === null) return true;
  const row = await membershipsAndOrganisations(trx)
    .select('m.role')
    .where('m.region_id', '=', regionId)
    .where('m.account_id', '=', actorId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('m.organisation_id', '=', organisation.id),
          eb('m.role', 'in', managingRoles(organisation.kind)),
        ]),
        eb.and([eb('o.kind', '=', 'region'), eb('m.role', '=', 'admin')]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The start of every change to an organisation's memberships, in this order: the organisation's
 * row (so two changes to one organisation queue instead of deadlocking over each other's
 * memberships), whether the actor may still make it, then the membership changed.
 */
async function beginMemberChange(
  trx: Kysely<DB>,
  input: MemberInput,
): Promise<Exclude<MemberChange, 'ok' | 'lastAdmin'> | { role: Role }> {
  if (!(await lockOrganisation(trx, input.regionId, input.organisation.id))) return 'gone';
  if (!(await stillManages(trx, input.regionId, input.organisation, input.actor.id))) return 'notManager';
  const role = await lockMembership(trx, input.regionId, input.organisation.id, input.accountId);
  return role ? { role } : 'gone';
}

/** The account's role in the organisation, its membership locked FOR UPDATE. */
async function lockMembership(trx: Kysely<DB>, regionId: string, organisationId: string, accountId: string) {
  return (await memberRole(trx, regionId, organisationId, accountId, 'lock')) as Role | undefined;
}

/**
 * Adds an account to an organisation with a role, or gives an existing member that role — the
 * person's own act (accepting an invitation), so the members page's rule holds: the last one able
 * to manage the members cannot take a role that leaves nobody able to. The caller holds the
 * organisation's row lock (`lockOrganisation`, taken before anything else in its transaction).
 * Returns the role the account had before (null when new), or `lastAdmin`.
 */
export async function joinOrganisation(
  trx: Kysely<DB>,
  input: { regionId: string; organisationId: string; accountId: string; role: Role },
): Promise<{ from: Role | null } | 'lastAdmin'> {
  const organisation = await trx
    .selectFrom('organisations')
    .select(['id', 'kind'])
    .where('region_id', '=', input.regionId)
    .where('id', '=', input.organisationId)
    .executeTakeFirstOrThrow();
  const from = (await lockMembership(trx, input.regionId, input.organisationId, input.accountId)) ?? null;
  if (from === input.role) return { from };
  const change = {
    regionId: input.regionId,
    organisation: { id: organisation.id, kind: organisation.kind as OrganisationKind },
    accountId: input.accountId,
  };
  if (from && (await strandsOrganisation(trx, change, input.accountId, from, input.role))) return 'lastAdmin';
  await grantRole(trx, input);
  // As on the members page: tokens live only as long as their creator's right to create them.
  if (
    from &&
    ROLE_PERMISSIONS[from].has(Permission.ApiTokensManage) &&
    !ROLE_PERMISSIONS[input.role].has(Permission.ApiTokensManage)
  ) {
    await revokeTokensCreatedBy(trx, {
      regionId: input.regionId,
      accountId: input.accountId,
      organisationId: input.organisationId,
      actor: accountActor(input.accountId),
    });
  }
  return { from };
}

/** Writes the audit event of a change to the member `input.accountId` of `input.organisation`. */
async function recordMemberEvent(
  trx: Kysely<DB>,
  input: MemberInput,
  action: 'org.member.role_changed' | 'org.member.removed',
  data: AuditEvent['data'],
): Promise<void> {
  await recordAudit(trx, {
    regionId: input.regionId,
    actor: input.actor,
    organisationId: input.organisation.id,
    action,
    subjectType: 'account',
    subjectId: input.accountId,
    data,
  });
}

/** Revokes the API tokens the member created for the organisation (they live only as long as the right). */
async function revokeMemberTokens(trx: Kysely<DB>, input: MemberInput): Promise<void> {
  await revokeTokensCreatedBy(trx, {
    regionId: input.regionId,
    accountId: input.accountId,
    organisationId: input.organisation.id,
    actor: input.actor,
  });
}

export async function changeMemberRole(
  db: Kysely<DB>,
  input: MemberInput & { role: Role },
): Promise<MemberChange> {
  return retryingTransaction(db, async (trx) => {
    const current = await beginMemberChange(trx, input);
    if (typeof current === 'string') return current;
    const from = current.role;
    if (from === input.role) return 'ok';
    if (await strandsOrganisation(trx, input, input.actor.id, from, input.role)) return 'lastAdmin';
    await trx
      .updateTable('memberships')
      .set({ role: input.role })
      .where('region_id', '=', input.regionId)
      .where('organisation_id', '=', input.organisation.id)
      .where('account_id', '=', input.accountId)
      .execute();
    await recordMemberEvent(trx, input, 'org.member.role_changed', { from, to: input.role });
    // Tokens live only as long as their creator's right to create them.
    if (
      ROLE_PERMISSIONS[from].has(Permission.ApiTokensManage) &&
      !ROLE_PERMISSIONS[input.role].has(Permission.ApiTokensManage)
    ) {
      await revokeMemberTokens(trx, input);
    }
    return 'ok';
  });
}

export async function removeMember(
  db: Kysely<DB>,
  sessions: SessionStore,
  input: MemberInput,
): Promise<MemberChange> {
  return retryingTransaction(db, async (trx) => {
    const current = await beginMemberChange(trx, input);
    if (typeof current === 'string') return current;
    const { role } = current;
    if (await strandsOrganisation(trx, input, input.actor.id, role, null)) return 'lastAdmin';
    await trx
      .deleteFrom('memberships')
      .where('region_id', '=', input.regionId)
      .where('organisation_id', '=', input.organisation.id)
      .where('account_id', '=', input.accountId)
      .execute();
    // A session acting for this organisation falls back to the person's next membership.
    await sessions.leaveOrganisation(input.regionId, input.accountId, input.organisation.id, trx);
    await recordMemberEvent(trx, input, 'org.member.removed', { role });
    await revokeMemberTokens(trx, input);
    return 'ok';
  });
}

/** One organisation's name ('' when there is none by that id). */
export async function organisationName(db: Kysely<DB>, regionId: string, id: string): Promise<string> {
  const row = await db
    .selectFrom('organisations')
    .select('name')
    .where('region_id', '=', regionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name ?? '';
}

/** Names of organisations by id. */
export async function organisationNames(db: Kysely<DB>, regionId: string, ids: string[]) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('region_id', '=', regionId)
    .where('id', 'in', ids)
    .execute();
}

/** The region's organisations (or only `onlyId`), unsorted. */
export async function organisationList(db: Kysely<DB>, regionId: string, onlyId: string | null) {
  let query = db.selectFrom('organisations').select(['id', 'name', 'kind']).where('region_id', '=', regionId);
  if (onlyId !== null) query = query.where('id', '=', onlyId);
  return query.execute();
}

/** Gives an account a role in an organisation (added, or its role replaced), without the rules of
 * the members page: for the operator's `lotsa admin create`. */
export async function grantRole(
  db: Kysely<DB>,
  input: { regionId: string; organisationId: string; accountId: string; role: Role },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({
      region_id: input.regionId,
      organisation_id: input.organisationId,
      account_id: input.accountId,
      role: input.role,
    })
    .onConflict((oc) =>
      oc.columns(['region_id', 'organisation_id', 'account_id']).doUpdateSet({ role: input.role }),
    )
    .execute();
}

/** The addresses of the region's admins. */
export async function adminAddresses(db: Kysely<DB>, regionId: string) {
  return membersAndAccounts(db)
    .select('a.email')
    .where('m.region_id', '=', regionId)
    .where('m.role', '=', 'admin')
    .execute();
}

/** Is the account the region's only admin? Locks the admins' memberships (pass a transaction). */
export async function isLastRegionAdmin(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<boolean> {
  const admins = await membershipsAndOrganisations(db)
    .select('m.account_id')
    .where('m.region_id', '=', regionId)
    .where('o.kind', '=', 'region')
    .where('m.role', '=', 'admin')
    .orderBy('m.account_id')
    .forUpdate('m')
    .execute();
  return admins.length === 1 && admins[0]?.account_id === accountId;
}

/** The id of the region's own organisation, if it has one. */
export async function findRegionOrganisation(db: Kysely<DB>, regionId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('region_id', '=', regionId)
    .where('kind', '=', 'region')
    .executeTakeFirst();
  return row?.id;
}

/** How many organisations the account belongs to. */
export async function membershipCount(db: Kysely<DB>, regionId: string, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Whether the (normalised) address belongs to a member of the organisation. */
export async function hasMemberWithAddress(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
  email: string,
): Promise<boolean> {
  const member = await membersAndAccounts(db)
    .select('a.id')
    .where('m.region_id', '=', regionId)
    .where('m.organisation_id', '=', organisationId)
    .where('a.email', '=', email)
    .executeTakeFirst();
  return member !== undefined;
}
