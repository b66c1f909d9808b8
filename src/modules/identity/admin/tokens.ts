/**
 * API tokens of an organisation: `lotsa_` followed by 256 random bits, shown once when created and
 * stored only as a SHA-256 hash with its first 10 characters (so people can tell tokens apart). A
 * token holds the scopes it was given (from TOKEN_PERMISSIONS, never more than its creator's role),
 * and stops working when revoked. Creating and revoking write audit events in the same transaction.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { recordAudit, type AuditActor } from '../../../platform/audit.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { API_TOKEN_PREFIX } from '../../../platform/auth/resolver.ts';
import { hashSecret, randomToken } from '../../../platform/auth/secrets.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { Permission, ROLE_PERMISSIONS, TOKEN_PERMISSIONS, isRole } from '../../../platform/permissions.ts';
import { lockOrganisation, memberRole } from '../organisations/locks.ts';
import type { AuditMessageKey } from './audit-messages.ts';

export const TOKEN_NAME_MAX = 80;
/** How many characters of the token are kept in clear to tell tokens apart. */
export const TOKEN_PREFIX_LENGTH = 10;

export interface TokenFormValues {
  name: string;
  scopes: string[];
}

export type TokenField = keyof TokenFormValues;
export type TokenErrors = Partial<Record<TokenField, AuditMessageKey>>;

export interface TokenSummary {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  createdBy: { displayName: string; email: string } | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The form's fields (as its body schema types them), trimmed; a scope ticked twice counts once. */
export function readTokenForm(body: { name?: string; scopes?: string[] }): TokenFormValues {
  const name = (body.name ?? '').replace(/\p{Cc}+/gu, ' ').trim();
  const scopes = [...new Set((body.scopes ?? []).map((s) => s.slice(0, 40)))];
  return { name: name.slice(0, 1000), scopes };
}

/** The scopes a person may give a token: those of TOKEN_PERMISSIONS their own role holds. */
export function grantableScopes(principal: Principal): Permission[] {
  const role = principal.role;
  if (!role || principal.kind !== 'session') return [];
  return TOKEN_PERMISSIONS.filter((p) => ROLE_PERMISSIONS[role].has(p));
}

export function validateTokenForm(values: TokenFormValues, grantable: readonly Permission[]): TokenErrors {
  const errors: TokenErrors = {};
  const length = [...values.name].length;
  if (length === 0) errors.name = 'tokens.error.nameRequired';
  else if (length > TOKEN_NAME_MAX) errors.name = 'tokens.error.nameTooLong';
  if (values.scopes.length === 0) errors.scopes = 'tokens.error.scopesRequired';
  else if (values.scopes.some((s) => !(grantable as readonly string[]).includes(s))) {
    errors.scopes = 'tokens.error.scopeNotAllowed';
  }
  return errors;
}

/** The organisation's tokens, active ones first, newest first. */
export async function listTokens(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
): Promise<TokenSummary[]> {
  const rows = await db
    .selectFrom('api_tokens as t')
    .leftJoin('accounts as a', (join) =>
      join.onRef('a.region_id', '=', 't.region_id').onRef('a.id', '=', 't.created_by'),
    )
    .select([
      't.id',
      't.name',
      't.prefix',
      't.permissions',
      't.created_at',
      't.last_used_at',
      't.revoked_at',
      'a.display_name',
      'a.email',
    ])
    .where('t.region_id', '=', regionId)
    .where('t.organisation_id', '=', organisationId)
    .orderBy(sql`t.revoked_at is not null`)
    .orderBy('t.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.permissions,
    createdAt: r.created_at,
    createdBy: r.email !== null ? { displayName: r.display_name ?? '', email: r.email } : null,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/**
 * Creates a token; returns it in clear (the only time it exists outside the caller's hands), or
 * undefined when its creator no longer holds a role that may create tokens in the organisation
 * (demoted or removed while the request ran: the organisation's lock orders the two, so a token can
 * never outlive the role it was made with).
 */
export async function createToken(
  db: Kysely<DB>,
  input: {
    regionId: string;
    organisationId: string;
    name: string;
    scopes: Permission[];
    createdBy: string | null;
    actor: AuditActor;
  },
): Promise<{ id: string; token: string } | undefined> {
  const token = API_TOKEN_PREFIX + randomToken();
  return db.transaction().execute(async (trx) => {
    if (input.createdBy !== null) {
      await lockOrganisation(trx, input.regionId, input.organisationId);
      const role = await memberRole(trx, input.regionId, input.organisationId, input.createdBy);
      if (!isRole(role) || !ROLE_PERMISSIONS[role].has(Permission.ApiTokensManage)) return undefined;
    }
    const row = await trx
      .insertInto('api_tokens')
      .values({
        region_id: input.regionId,
        organisation_id: input.organisationId,
        name: input.name,
        token_hash: hashSecret(token),
        prefix: token.slice(0, TOKEN_PREFIX_LENGTH),
        permissions: input.scopes,
        created_by: input.createdBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      regionId: input.regionId,
      actor: input.actor,
      organisationId: input.organisationId,
      action: 'api_token.created',
      subjectType: 'api_token',
      subjectId: row.id,
      data: { name: input.name, scopes: input.scopes.join(' ') },
    });
    return { id: row.id, token };
  });
}

/** Writes the audit event of a revoked token (with why, when it was not revoked by hand). */
async function recordRevoked(
  trx: Kysely<DB>,
  input: { regionId: string; actor: AuditActor },
  token: { id: string; organisation_id: string; name: string },
  reason?: 'creator_left',
): Promise<void> {
  await recordAudit(trx, {
    regionId: input.regionId,
    actor: input.actor,
    organisationId: token.organisation_id,
    action: 'api_token.revoked',
    subjectType: 'api_token',
    subjectId: token.id,
    data: reason ? { name: token.name, reason } : { name: token.name },
  });
}

/**
 * Revokes one of the organisation's tokens. Returns its name, or undefined when the organisation
 * has no such token (another organisation's token included). Revoking twice changes nothing.
 */
export async function revokeToken(
  db: Kysely<DB>,
  input: { regionId: string; organisationId: string; id: string; actor: AuditActor },
): Promise<{ name: string } | undefined> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('api_tokens')
      .select(['name', 'revoked_at'])
      .where('region_id', '=', input.regionId)
      .where('organisation_id', '=', input.organisationId)
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!existing) return undefined;
    if (existing.revoked_at) return { name: existing.name };
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: sql<Date>`now()` })
      .where('region_id', '=', input.regionId)
      .where('id', '=', input.id)
      .execute();
    await recordRevoked(trx, input, {
      id: input.id,
      organisation_id: input.organisationId,
      name: existing.name,
    });
    return { name: existing.name };
  });
}

/**
 * Revokes the live tokens a person created — in one organisation, or everywhere when
 * `organisationId` is not given — when they lose the role that let them create tokens there, the
 * membership, or their account. Pass the change's transaction; each revocation is audited.
 */
export async function revokeTokensCreatedBy(
  trx: Kysely<DB>,
  input: { regionId: string; accountId: string; organisationId?: string; actor: AuditActor },
): Promise<number> {
  let query = trx
    .updateTable('api_tokens')
    .set({ revoked_at: sql<Date>`now()` })
    .where('region_id', '=', input.regionId)
    .where('created_by', '=', input.accountId)
    .where('revoked_at', 'is', null);
  if (input.organisationId) query = query.where('organisation_id', '=', input.organisationId);
  const revoked = await query.returning(['id', 'name', 'organisation_id']).execute();
  for (const token of revoked) {
    await recordRevoked(trx, input, token, 'creator_left');
  }
  return revoked.length;
}

/** The name of a revoked token of the organisation (for the notice after revoking it). */
export async function revokedTokenName(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
  id: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select('name')
    .where('region_id', '=', regionId)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('revoked_at', 'is not', null)
    .executeTakeFirst();
  return row?.name;
}

/** Names of API tokens by id (for sentences about them). */
export async function tokenNames(db: Kysely<DB>, regionId: string, ids: string[]) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name'])
    .where('region_id', '=', regionId)
    .where('id', 'in', ids)
    .execute();
}

/** The API tokens a person created, with their organisation's name (never the token or its hash). */
export async function tokensCreatedBy(db: Kysely<DB>, regionId: string, accountId: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('organisations as o', (join) =>
      join.onRef('o.region_id', '=', 't.region_id').onRef('o.id', '=', 't.organisation_id'),
    )
    .select([
      't.name',
      'o.name as organisation',
      't.permissions',
      't.created_at',
      't.last_used_at',
      't.revoked_at',
    ])
    .where('t.region_id', '=', regionId)
    .where('t.created_by', '=', accountId)
    .orderBy('t.created_at')
    .execute();
}
