/**
 * The navigators' dashboard: open cases by stage, first-response time, cases per municipality,
 * outcomes, partner employment at 12 months and new requests per month — for one navigator's own
 * cases and for the region; SVG charts with their tables, and CSV. Numbers only: it stores nothing
 * and shows no person, so it has no personal data part, no audit events and no tasks.
 *
 * charts.ts: the SVG charts; repository.ts: the SQL; service.ts: the view and period and the
 * figures; views.ts: the page; csv.ts: the export; routes.ts: the two routes.
 */
import { Permission } from '../../../platform/permissions.ts';
import { relocationMessages } from '../messages.ts';
import type { RelocationPart } from '../part.ts';
import { registerDashboardRoutes } from './routes.ts';
import { DASHBOARD_PATH } from './views.ts';

export const dashboardPart: RelocationPart = {
  routes: (app, deps) => registerDashboardRoutes(app, deps),
  adminNavigation: [
    {
      path: DASHBOARD_PATH,
      label: (lang) => relocationMessages.t(lang, 'nav.dashboard'),
      permission: Permission.CasesWork,
      order: 10,
    },
  ],
};
