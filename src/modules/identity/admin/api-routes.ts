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
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditCatalogue } from '../../../platform/audit-sentences.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { AppError } from '../../../platform/errors.ts';
import { Permission } from '../../../platform/permissions.ts';
import type { Principal } from '../../../platform/auth/principal.ts';
import {
  AUDIT_API_MAX_LIMIT,
  AUDIT_PAGE_SIZE,
  isActionFilter,
  listAuditEvents,
  namesFor,
  scopeOf,
} from './audit.ts';
import type { AuditNames, AuditRow } from './audit-sentences.ts';
import { memberNames, organisationRecord } from '../organisations/service.ts';

const API_RATE_LIMIT = { name: 'api-organisation', max: 600, windowSeconds: 60 };

/** The organisation a principal acts for; a principal without one has nothing to read here. */
function organisationOf(principal: Principal | null): string {
  const id = principal?.organisation?.id;
  if (!id) throw new AppError('LOTSA_NOT_FOUND');
  return id;
}

function searchParams(request: FastifyRequest): URLSearchParams {
  const at = request.url.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : request.url.slice(at + 1));
}

/** Parameters of GET /api/v1/audit, or a 400 naming each one that is not accepted. */
export function parseAuditApiQuery(
  params: URLSearchParams,
  catalogue: AuditCatalogue,
): {
  before?: number;
  limit: number;
  action?: string;
} {
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  const result: { before?: number; limit: number; action?: string } = { limit: AUDIT_PAGE_SIZE };
  for (const [name, value] of params) {
    if (seen.has(name)) {
      fields[name] ??= 'given more than once';
      continue;
    }
    seen.add(name);
    switch (name) {
      case 'limit':
        if (/^[0-9]{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= AUDIT_API_MAX_LIMIT) {
          result.limit = Number(value);
        } else fields.limit = `an integer from 1 to ${AUDIT_API_MAX_LIMIT}`;
        break;
      case 'before':
        if (/^[1-9][0-9]{0,15}$/.test(value)) result.before = Number(value);
        else fields.before = 'a positive integer (an event id)';
        break;
      case 'action':
        if (isActionFilter(value, catalogue)) result.action = value;
        else fields.action = 'a known action or action prefix';
        break;
      default:
        fields[name.slice(0, 40)] = 'unknown parameter';
    }
  }
  if (Object.keys(fields).length) {
    throw new AppError('LOTSA_BAD_REQUEST', {
      detail: Object.entries(fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; '),
      fields,
    });
  }
  return result;
}

/** One event as the API presents it. */
export function apiEvent(row: AuditRow, names: AuditNames) {
  let actor: { type: string; id: string | null; name: string | null };
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

export function registerApiRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const db = deps.database.db;
  const orgRead = { permission: Permission.OrgRead, rateLimit: API_RATE_LIMIT };

  app.get('/api/v1/organisation', { config: orgRead }, async (request, reply) => {
    const id = organisationOf(request.auth);
    const row = await organisationRecord(db, request.region.id, id);
    if (!row) throw new AppError('LOTSA_NOT_FOUND');
    return reply.header('cache-control', 'no-store').send(row);
  });

  app.get('/api/v1/organisation/members', { config: orgRead }, async (request, reply) => {
    const id = organisationOf(request.auth);
    const rows = await memberNames(db, request.region.id, id);
    return reply.header('cache-control', 'no-store').send({
      items: rows.map((r) => ({
        id: r.id,
        name: r.display_name.trim() || null,
        role: r.role,
      })),
    });
  });

  app.get(
    '/api/v1/audit',
    { config: { permission: Permission.AuditRead, rateLimit: API_RATE_LIMIT } },
    async (request, reply) => {
      organisationOf(request.auth);
      const query = parseAuditApiQuery(searchParams(request), deps.audit);
      const scope = scopeOf(request.region.id, request.auth as Principal, { api: true });
      const page = await listAuditEvents(db, scope, query);
      const names = await namesFor(db, request.region.id, page.rows);
      return reply.header('cache-control', 'no-store').send({
        items: page.rows.map((row) => apiEvent(row, names)),
        next_before: page.nextBefore,
      });
    },
  );
}
