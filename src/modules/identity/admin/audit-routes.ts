/**
 * GET /admin/audit: the audit trail as sentences (Permission.AuditRead). A region admin sees every
 * event of the region and may filter by any of its organisations; anyone else (an employer admin)
 * sees only the organisation they act for, and naming another organisation answers 404.
 */
import type { App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { isValidEmail } from '../accounts.ts';
import { AppError } from '../../../platform/errors.ts';
import { Permission } from '../../../platform/permissions.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { emptyNames } from './audit-sentences.ts';
import {
  actionFilter,
  AUDIT_PAGE_SIZE,
  isActionFilter,
  isIsoDate,
  listAuditEvents,
  namesFor,
  organisationOptions,
  scopeOf,
} from './audit.ts';
import { isUuid, PageSchema, type QueryValue } from './common.ts';
import { AUDIT_PATH, auditPage, type AuditFilterErrors, type AuditFilterValues } from './audit-views.ts';

/** The first value of a query parameter, as a trimmed string ('' when absent). */
function one(value: QueryValue): string {
  const first = Array.isArray(value) ? value[0] : value;
  return (first ?? '').trim().slice(0, 300);
}

export function registerAuditRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;
  app.get(
    AUDIT_PATH,
    { schema: PageSchema, config: { permission: Permission.AuditRead } },
    async (request, reply) => {
      const principal = request.auth;
      if (!principal) throw new AppError('LOTSA_UNAUTHENTICATED');
      const lang = adminLang(request);
      const scope = scopeOf(request.region.id, principal);
      const values: AuditFilterValues = {
        organisation: one(request.query.organisation),
        person: one(request.query.person),
        action: one(request.query.action),
        from: one(request.query.from),
        to: one(request.query.to),
      };
      // Whether the reader chose anything (an employer admin's own organisation is not a choice).
      const filtered = Object.values(values).some(Boolean);
      const beforeText = one(request.query.before);
      const organisations = await organisationOptions(db, scope);

      // Another organisation than one's own (or one of another region) is not there for this reader.
      if (values.organisation && !organisations.some((o) => o.id === values.organisation)) {
        throw new AppError('LOTSA_NOT_FOUND');
      }
      if (scope.organisationId !== null) values.organisation = scope.organisationId;

      const errors: AuditFilterErrors = {};
      if (values.person && !isValidEmail(values.person.toLowerCase())) errors.person = 'audit.error.email';
      if (values.action && !isActionFilter(values.action, deps.audit)) errors.action = 'audit.error.action';
      if (values.from && !isIsoDate(values.from)) errors.from = 'audit.error.date';
      if (values.to && !isIsoDate(values.to)) errors.to = 'audit.error.date';
      if (!errors.from && !errors.to && values.from && values.to && values.to < values.from) {
        errors.to = 'audit.error.range';
      }
      if (beforeText && !/^[1-9][0-9]{0,15}$/.test(beforeText)) throw new AppError('LOTSA_BAD_REQUEST');
      const failed = Object.keys(errors).length > 0;

      const page = failed
        ? { rows: [], nextBefore: null }
        : await listAuditEvents(db, scope, {
            organisationId:
              values.organisation && isUuid(values.organisation) ? values.organisation : undefined,
            email: values.person || undefined,
            ...actionFilter(values.action, deps.audit),
            from: values.from || undefined,
            to: values.to || undefined,
            before: beforeText ? Number(beforeText) : undefined,
            limit: AUDIT_PAGE_SIZE,
          });
      const names = page.rows.length ? await namesFor(db, request.region.id, page.rows) : emptyNames();
      const view = auditPage({
        lang,
        values,
        errors,
        organisations,
        regionWide: scope.organisationId === null,
        organisationName: principal.organisation?.name ?? null,
        rows: page.rows,
        names,
        audit: deps.audit,
        nextBefore: page.nextBefore,
        paged: Boolean(beforeText),
        filtered,
      });
      return reply.adminPage(
        { title: view.title, path: AUDIT_PATH, main: view.main },
        { status: failed ? 400 : 200 },
      );
    },
  );
}
