/**
 * The organisation's JSON API, for its own systems (an API token: `Authorization: Bearer lotsa_…`)
 * and for a signed-in person with the same permission (their session cookie):
 *
 *   GET /api/v1/organisation          (OrgRead)   the organisation acted for
 *   GET /api/v1/organisation/members  (OrgRead)   its members: id, name and role
 *   GET /api/v1/audit                 (AuditRead) its audit events, newest first, keyset paged
 *
 * Members are listed without e-mail addresses: a system that lists who belongs to the organisation
 * needs names and roles, not contact details, and an API token is a long-lived secret kept in
 * another system, so it should reach as little personal data as possible. The audit events are
 * always those of the acting organisation, also for a region admin (whose whole-region view is the
 * back-office page).
 *
 * All routes are GET: CSRF does not apply, and a bearer token is never read on non-/api/ paths.
 */
import type { App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import { Permission } from '../../../platform/permissions.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import { organisationApi, type AuditEvent, type AuditPage, type MemberList } from './api-schema.ts';
import { actionFilter, AUDIT_PAGE_SIZE, listAuditEvents, namesFor, scopeOf } from './audit.ts';
import type { AuditNames, AuditRow } from './audit-sentences.ts';
import { memberNames, organisationRecord } from '../organisations/service.ts';

const API_RATE_LIMIT = { name: 'api-organisation', max: 600, windowSeconds: 60 };

/** The organisation a principal acts for; a principal without one has nothing to read here. */
function organisationOf(principal: Principal | null): string {
  const id = principal?.organisation?.id;
  if (!id) throw new AppError('LOTSA_NOT_FOUND');
  return id;
}

/** One event as the API presents it. */
export function apiEvent(row: AuditRow, names: AuditNames): AuditEvent {
  let actor: AuditEvent['actor'];
  if (row.actor_id) {
    const account = names.accounts.get(row.actor_id);
    actor = account
      ? { type: 'account', id: row.actor_id, name: account.displayName.trim() || null }
      : { type: 'deleted_account', id: null, name: null };
  } else if (row.actor_label.startsWith('token:')) {
    actor = { type: 'token', id: null, name: row.actor_label.slice(6) };
  } else if (row.actor_label === 'cli' || row.actor_label === 'system') {
    actor = { type: row.actor_label, id: null, name: null };
  } else {
    actor = { type: 'other', id: null, name: row.actor_label || null };
  }
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actor,
    subject: { type: row.subject_type, id: row.subject_id },
    // Like the members list, the API hands out no e-mail addresses (invitations record one).
    data: Object.fromEntries(Object.entries(row.data).filter(([key]) => key !== 'email')),
  };
}

export function registerApiRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;
  const api = organisationApi(deps.audit);
  const orgRead = { permission: Permission.OrgRead, rateLimit: API_RATE_LIMIT };

  app.get(
    api.organisation.url,
    { schema: api.organisation.schema, config: orgRead },
    async (request, reply) => {
      const row = await organisationRecord(db, request.region.id, organisationOf(request.auth));
      if (!row) throw new AppError('LOTSA_NOT_FOUND');
      return reply.header('cache-control', 'no-store').send(row);
    },
  );

  app.get(api.members.url, { schema: api.members.schema, config: orgRead }, async (request, reply) => {
    const rows = await memberNames(db, request.region.id, organisationOf(request.auth));
    const body: MemberList = {
      items: rows.map((r) => ({ id: r.id, name: r.display_name.trim() || null, role: r.role })),
    };
    return reply.header('cache-control', 'no-store').send(body);
  });

  const auditRead = { permission: Permission.AuditRead, rateLimit: API_RATE_LIMIT };
  app.get(api.audit.url, { schema: api.audit.schema, config: auditRead }, async (request, reply) => {
    const principal = request.auth;
    if (!principal) throw new AppError('LOTSA_NOT_FOUND');
    organisationOf(principal);
    const { limit = AUDIT_PAGE_SIZE, before, action } = request.query;
    const scope = scopeOf(request.region.id, principal, { api: true });
    const page = await listAuditEvents(db, scope, { limit, before, ...actionFilter(action, deps.audit) });
    const names = await namesFor(db, request.region.id, page.rows);
    const body: AuditPage = {
      items: page.rows.map((row) => apiEvent(row, names)),
      next_before: page.nextBefore,
    };
    return reply.header('cache-control', 'no-store').send(body);
  });
}
