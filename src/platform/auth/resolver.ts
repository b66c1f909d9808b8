/**
 * Turns a session cookie or an API token into a Principal: the account, its organisation roles, the
 * organisation it acts for and the permissions that role holds.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  ROLE_PERMISSIONS,
  compareOrganisations,
  STAFF_ROLES,
  TALENT_PERMISSIONS,
  TOKEN_PERMISSIONS,
  isPermission,
  type OrganisationKind,
  type Permission,
  type Role,
} from '../permissions.ts';
import type { Membership, Principal, PrincipalResolver } from './principal.ts';
import { hashSecret } from './secrets.ts';
import { isSessionToken, type SessionStore } from './sessions.ts';

/** A membership as the session query returns it (json: the date is a string). */
type MembershipJson = Omit<Membership, 'since'> & { since: string };

/** The prefix every API token starts with, so leaked tokens are easy to recognise. */
export const API_TOKEN_PREFIX = 'lotsa_';

/** Every organisation role of an account, region first, then by name. */
export async function membershipsOf(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', (join) =>
      join.onRef('o.region_id', '=', 'm.region_id').onRef('o.id', '=', 'm.organisation_id'),
    )
    .select(['m.organisation_id', 'o.name', 'o.kind', 'm.role', 'm.created_at'])
    .where('m.region_id', '=', regionId)
    .where('m.account_id', '=', accountId)
    .execute();
  return byOrganisation(
    rows.map((row) => ({
      organisationId: row.organisation_id,
      organisationName: row.name,
      kind: row.kind as OrganisationKind,
      role: row.role as Role,
      since: row.created_at,
    })),
  );
}

/** Memberships in the order people see them: the region first, then by organisation name. */
function byOrganisation(memberships: Membership[]): Membership[] {
  return memberships.sort((a, b) =>
    compareOrganisations(
      { kind: a.kind, name: a.organisationName },
      { kind: b.kind, name: b.organisationName },
    ),
  );
}

export function createPrincipalResolver(db: Kysely<DB>, sessions: SessionStore): PrincipalResolver {
  return {
    async fromSession(regionId, cookieToken) {
      if (!isSessionToken(cookieToken)) return undefined;
      // One statement: the live session, its account, whether it has a second factor, its roles.
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('accounts as a', (join) =>
          join.onRef('a.region_id', '=', 's.region_id').onRef('a.id', '=', 's.account_id'),
        )
        .select([
          's.token_hash',
          's.created_at',
          's.method',
          's.second_factor_at',
          's.last_seen_at',
          's.active_organisation_id',
          'a.id',
          'a.email',
          'a.display_name',
          'a.language',
          sql<boolean>`exists (select 1 from passkeys p where p.region_id = a.region_id and p.account_id = a.id)
            or exists (select 1 from totp_secrets t where t.region_id = a.region_id and t.account_id = a.id
                       and t.confirmed_at is not null)`.as('has_second_factor'),
          sql<MembershipJson[]>`coalesce((
            select json_agg(json_build_object('organisationId', m.organisation_id, 'organisationName', o.name,
                                              'kind', o.kind, 'role', m.role, 'since', m.created_at))
            from memberships m
            join organisations o on o.region_id = m.region_id and o.id = m.organisation_id
            where m.region_id = a.region_id and m.account_id = a.id), '[]'::json)`.as('memberships'),
        ])
        .where('s.token_hash', '=', hashSecret(cookieToken))
        .where('s.region_id', '=', regionId)
        .where('s.expires_at', '>', sql<Date>`now()`)
        .where(
          's.last_seen_at',
          '>',
          sql<Date>`now() - make_interval(mins => ${sessions.policy.idleMinutes})`,
        )
        .executeTakeFirst();
      if (!row) return undefined;
      await sessions.touch(regionId, row.token_hash, row.last_seen_at);
      const memberships = byOrganisation(row.memberships.map((m) => ({ ...m, since: new Date(m.since) })));
      const membership =
        memberships.find((m) => m.organisationId === row.active_organisation_id) ?? memberships[0] ?? null;
      return {
        kind: 'session',
        account: {
          id: row.id,
          email: row.email,
          displayName: row.display_name,
          language: row.language === 'en' ? 'en' : 'sv',
        },
        session: {
          id: row.token_hash,
          createdAt: row.created_at,
          method: row.method as 'link' | 'code' | 'passkey',
          secondFactorAt: row.second_factor_at,
        },
        memberships,
        organisation: membership
          ? { id: membership.organisationId, name: membership.organisationName, kind: membership.kind }
          : null,
        role: membership?.role ?? null,
        permissions: membership ? ROLE_PERMISSIONS[membership.role] : TALENT_PERMISSIONS,
        staff: memberships.some((m) => STAFF_ROLES.has(m.role)),
        hasSecondFactor: row.has_second_factor,
      } satisfies Principal;
    },

    async fromApiToken(regionId, bearer) {
      if (!bearer.startsWith(API_TOKEN_PREFIX) || bearer.length > 120) return undefined;
      const row = await db
        .selectFrom('api_tokens as t')
        .innerJoin('organisations as o', (join) =>
          join.onRef('o.region_id', '=', 't.region_id').onRef('o.id', '=', 't.organisation_id'),
        )
        .select([
          't.id',
          't.name',
          't.permissions',
          't.last_used_at',
          't.organisation_id',
          'o.name as org_name',
          'o.kind',
        ])
        .where('t.region_id', '=', regionId)
        .where('t.token_hash', '=', hashSecret(bearer))
        .where('t.revoked_at', 'is', null)
        .executeTakeFirst();
      if (!row) return undefined;
      if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
        await db
          .updateTable('api_tokens')
          .set({ last_used_at: sql<Date>`now()` })
          .where('region_id', '=', regionId)
          .where('id', '=', row.id)
          .execute();
      }
      const permissions = new Set<Permission>(
        row.permissions.filter((p): p is Permission => isPermission(p) && TOKEN_PERMISSIONS.includes(p)),
      );
      // A token acts for its organisation but holds only its own scopes, never a person's role.
      return {
        kind: 'token',
        account: null,
        session: null,
        memberships: [],
        organisation: { id: row.organisation_id, name: row.org_name, kind: row.kind as OrganisationKind },
        role: null,
        permissions,
        staff: false,
        hasSecondFactor: true,
        token: { id: row.id, name: row.name },
      } satisfies Principal;
    },
  };
}
