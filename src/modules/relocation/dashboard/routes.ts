/**
 * The dashboard's routes (Permission.CasesWork): the page and its CSV, both read-only. Thin: read
 * the view and period, one service call, render. A bad period is the page again with the error by
 * the field (400), or a 400 for the CSV.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { PageSchema } from '../../../platform/http/params.ts';
import type { App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { caseScopeOf, type CaseScope } from '../cases.ts';
import { dashboardCsv, dashboardCsvName } from './csv.ts';
import { dashboardFigures, parseDashboardQuery } from './service.ts';
import { DASHBOARD_CSS, DASHBOARD_CSV_PATH, DASHBOARD_PATH, dashboardPage } from './views.ts';

const work = { permission: Permission.CasesWork } as const;

export function registerDashboardRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;

  async function scopeOf(request: FastifyRequest): Promise<CaseScope> {
    const scope = await caseScopeOf(db, request.region.id, request.auth ?? undefined);
    if (!scope) throw new AppError('LOTSA_FORBIDDEN');
    return scope;
  }

  app.get(DASHBOARD_PATH, { schema: PageSchema, config: work }, async (request, reply) => {
    const scope = await scopeOf(request);
    const lang = adminLang(request);
    const parsed = parseDashboardQuery(request.query, scope);
    const model =
      parsed.kind === 'ok'
        ? {
            lang,
            values: parsed.values,
            errors: {},
            dashboard: await dashboardFigures(
              db,
              request.region,
              scope,
              lang,
              parsed.values.view,
              parsed.period,
            ),
          }
        : { lang, values: parsed.values, errors: parsed.errors };
    const page = dashboardPage(model);
    return reply.adminPage(
      { ...page, path: DASHBOARD_PATH, stylesheets: [DASHBOARD_CSS] },
      { status: parsed.kind === 'ok' ? 200 : 400 },
    );
  });

  app.get(DASHBOARD_CSV_PATH, { schema: PageSchema, config: work }, async (request, reply) => {
    const scope = await scopeOf(request);
    const lang = adminLang(request);
    const parsed = parseDashboardQuery(request.query, scope);
    if (parsed.kind === 'invalid') {
      const fields = Object.fromEntries(Object.entries(parsed.errors).map(([field, key]) => [field, key]));
      throw new AppError('LOTSA_BAD_REQUEST', { fields });
    }
    const dashboard = await dashboardFigures(
      db,
      request.region,
      scope,
      lang,
      parsed.values.view,
      parsed.period,
    );
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${dashboardCsvName(lang, dashboard)}"`)
      .header('cache-control', 'no-store')
      .send(dashboardCsv(lang, dashboard));
  });
}
