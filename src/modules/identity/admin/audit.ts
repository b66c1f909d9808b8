/**
 * Reading the audit trail: who may see which events (a region admin the whole region, everyone else
 * only the organisation they act for), the filters (organisation, person, kind of event, dates in
 * Swedish time), keyset paging on the event id, and the names the sentences need.
 */
import type { Expression, Kysely, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { Principal } from '../../../platform/auth/principal.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { isUuid } from '../../../platform/http/params.ts';
import { compareOrganisations, type OrganisationKind } from '../../../platform/permissions.ts';
import type { AuditCatalogue, AuditGroup } from '../../../platform/audit-sentences.ts';
import { emptyNames, type AuditNames, type AuditRow } from './audit-sentences.ts';
import { auditMessages, type AuditMessageKey } from './audit-messages.ts';
import { accountNames, findAccountByEmail } from '../accounts.ts';
import { invitationAddresses } from '../invitations/service.ts';
import { organisationList, organisationNames } from '../organisations/service.ts';
import { tokenNames } from './tokens.ts';

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_API_MAX_LIMIT = 100;

const group = (value: string, label: AuditMessageKey, prefixes: readonly string[] = [value]): AuditGroup => ({
  value,
  label: { sv: auditMessages.catalogues.sv[label], en: auditMessages.catalogues.en[label] },
  prefixes,
});

/** Identity's groups of kinds of event for the filter (declared in its module). */
export const identityAuditGroups: readonly AuditGroup[] = [
  group('account', 'audit.group.account'),
  group('session', 'audit.group.session'),
  group('passkey', 'audit.group.passkey'),
  group('totp', 'audit.group.totp'),
  group('recovery_code', 'audit.group.recovery', ['recovery_code', 'recovery_codes']),
  group('org', 'audit.group.org'),
  group('org.member', 'audit.group.orgMember'),
  group('org.invitation', 'audit.group.orgInvitation'),
  group('api_token', 'audit.group.apiToken'),
  group('admin', 'audit.group.admin'),
];

/** An action filter: a group value (`org.member`) or one known action (`org.member.invited`). */
export function isActionFilter(value: string, catalogue: AuditCatalogue): boolean {
  return catalogue.group(value) !== undefined || catalogue.has(value);
}

/** The filter's part for an action filter value: a group's prefixes, or the one action. */
export function actionFilter(
  value: string | undefined,
  catalogue: AuditCatalogue,
): Pick<AuditFilter, 'action' | 'actionPrefixes'> {
  if (!value) return {};
  const chosen = catalogue.group(value);
  return chosen ? { actionPrefixes: chosen.prefixes } : { action: value };
}

/** Which events a reader may see: the whole region (null) or one organisation's. */
export interface AuditScope {
  regionId: string;
  organisationId: string | null;
}

/**
 * A region admin acting for the region sees every event of the region; anyone else (an employer
 * admin, an API token) only events that belong to the organisation they act for.
 */
export function scopeOf(regionId: string, principal: Principal, options: { api?: boolean } = {}): AuditScope {
  const regionWide =
    !options.api &&
    principal.kind === 'session' &&
    principal.role === 'admin' &&
    principal.organisation?.kind === 'region';
  // AuditRead always comes with an organisation; without one nothing would match.
  return {
    regionId,
    organisationId: regionWide
      ? null
      : (principal.organisation?.id ?? '00000000-0000-0000-0000-000000000000'),
  };
}

export interface AuditFilter {
  organisationId?: string;
  /** An e-mail address: events where that account acted or was the subject, or naming the address. */
  email?: string;
  action?: string;
  /** Every action under one of these dotted prefixes (a group of the catalogue). */
  actionPrefixes?: readonly string[];
  /** Dates (YYYY-MM-DD) in Europe/Stockholm, both inclusive. */
  from?: string;
  to?: string;
  /** Only events older than this id (keyset paging). */
  before?: number;
  limit: number;
}

export interface AuditPage {
  rows: AuditRow[];
  /** The id to pass as `before` for the next (older) page, when there is one. */
  nextBefore: number | null;
}

/** YYYY-MM-DD that is a real calendar date. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1970 && y <= 9999 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export async function listAuditEvents(
  db: Kysely<DB>,
  scope: AuditScope,
  filter: AuditFilter,
): Promise<AuditPage> {
  let query = db
    .selectFrom('audit_events')
    .select([
      'id',
      'at',
      'actor_id',
      'actor_label',
      'organisation_id',
      'action',
      'subject_type',
      'subject_id',
      'data',
    ])
    .where('region_id', '=', scope.regionId);
  if (scope.organisationId !== null) query = query.where('organisation_id', '=', scope.organisationId);
  if (filter.organisationId) query = query.where('organisation_id', '=', filter.organisationId);
  if (filter.email) {
    const email = filter.email.trim().toLowerCase();
    const account = await findAccountByEmail(db, scope.regionId, email);
    query = query.where((eb) => {
      const matches: Expression<SqlBool>[] = [sql<SqlBool>`audit_events.data->>'email' = ${email}`];
      if (account) {
        matches.push(
          eb('actor_id', '=', account.id),
          eb.and([eb('subject_type', '=', 'account'), eb('subject_id', '=', account.id)]),
          sql<SqlBool>`audit_events.data->>'account_id' = ${account.id}`,
        );
      }
      return eb.or(matches);
    });
  }
  if (filter.actionPrefixes) {
    const prefixes = filter.actionPrefixes;
    query = query.where((eb) =>
      eb.or(prefixes.map((p) => sql<SqlBool>`starts_with(audit_events.action, ${`${p}.`})`)),
    );
  } else if (filter.action) {
    query = query.where('action', '=', filter.action);
  }
  if (filter.from) {
    query = query.where(
      sql<SqlBool>`audit_events.at >= (${filter.from}::date::timestamp at time zone 'Europe/Stockholm')`,
    );
  }
  if (filter.to) {
    query = query.where(
      sql<SqlBool>`audit_events.at < ((${filter.to}::date + 1)::timestamp at time zone 'Europe/Stockholm')`,
    );
  }
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit).map((row) => ({ ...row, id: Number(row.id) }));
  const last = page[page.length - 1];
  return { rows: page, nextBefore: rows.length > filter.limit && last ? last.id : null };
}

/** The names of the accounts, organisations, invitations and tokens a page of events mentions. */
export async function namesFor(db: Kysely<DB>, regionId: string, rows: AuditRow[]): Promise<AuditNames> {
  const names = emptyNames();
  const accounts = new Set<string>();
  const organisations = new Set<string>();
  const invitations = new Set<string>();
  const tokens = new Set<string>();
  for (const row of rows) {
    if (row.actor_id) accounts.add(row.actor_id);
    if (row.organisation_id) organisations.add(row.organisation_id);
    if (row.subject_type === 'account') accounts.add(row.subject_id);
    if (row.subject_type === 'organisation') organisations.add(row.subject_id);
    if (row.subject_type === 'invitation') invitations.add(row.subject_id);
    if (row.subject_type === 'api_token') tokens.add(row.subject_id);
    if (typeof row.data.account_id === 'string') accounts.add(row.data.account_id);
  }
  // One query per kind of name, only for well-formed ids, and none when there are none.
  const lookup = <T>(set: Set<string>, read: (ids: string[]) => Promise<T[]>): Promise<T[]> => {
    const ids = [...set].filter(isUuid);
    return ids.length ? read(ids) : Promise.resolve([]);
  };
  const [accountRows, organisationRows, invitationRows, tokenRows] = await Promise.all([
    lookup(accounts, (ids) => accountNames(db, regionId, ids)),
    lookup(organisations, (ids) => organisationNames(db, regionId, ids)),
    lookup(invitations, (ids) => invitationAddresses(db, regionId, ids)),
    lookup(tokens, (ids) => tokenNames(db, regionId, ids)),
  ]);
  for (const a of accountRows) names.accounts.set(a.id, { displayName: a.display_name, email: a.email });
  for (const o of organisationRows) names.organisations.set(o.id, o.name);
  for (const i of invitationRows) names.invitations.set(i.id, i.email);
  for (const t of tokenRows) names.tokens.set(t.id, t.name);
  return names;
}

export interface OrganisationOption {
  id: string;
  name: string;
  kind: OrganisationKind;
}

/** The organisations a reader may filter by: every one of the region, or only their own. */
export async function organisationOptions(db: Kysely<DB>, scope: AuditScope): Promise<OrganisationOption[]> {
  const rows = await organisationList(db, scope.regionId, scope.organisationId);
  return rows
    .map((r) => ({ id: r.id, name: r.name, kind: r.kind as OrganisationKind }))
    .sort(compareOrganisations);
}

/** The audit events a person made or that are about them (for their data export). */
export async function auditEventsAbout(db: Kysely<DB>, regionId: string, accountId: string) {
  return db
    .selectFrom('audit_events')
    .select(['action', 'at', 'subject_type', 'subject_id', 'actor_id'])
    .where('region_id', '=', regionId)
    .where((eb) => eb.or([eb('actor_id', '=', accountId), eb('subject_id', '=', accountId)]))
    .orderBy('at')
    .orderBy('id')
    .execute();
}
