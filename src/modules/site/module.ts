/**
 * The site module: home, accessibility statement and feedback, privacy, lättläst, sitemap, robots,
 * favicon, touch icon and web manifest; the site search (site/search);
 * and, in the back-office, the accessibility reports sent from the statement (site/reports).
 */
import { SectionOrder, type NavItem } from '../../platform/html/layout.ts';
import { shell } from '../../platform/html/messages.ts';
import { defineModule } from '../../platform/module.ts';
import { Permission } from '../../platform/permissions.ts';
import { registerIconRoutes } from './icons.ts';
import { registerSiteTasks } from './tasks.ts';
import { messages } from './messages.ts';
import { siteAuditGroups, siteAuditSentences } from './reports/audit-sentences.ts';
import { reportMessages } from './reports/messages.ts';
import { registerReportRoutes } from './reports/routes.ts';
import { REPORTS_PATH } from './reports/views.ts';
import { registerSiteRoutes } from './routes.ts';
import { searchMessages } from './search/messages.ts';
import { registerSearchRoutes } from './search/routes.ts';

const aboutPage = { order: SectionOrder.about, footer: 'about', header: false } satisfies Partial<NavItem>;

export const siteModule = defineModule({
  name: 'site',
  navigation: [
    { path: '/', label: (lang) => messages.t(lang, 'nav.home'), order: SectionOrder.home },
    // The legal pages and lättläst: in the footer sitemap only.
    { path: '/accessibility', label: (lang) => shell.t(lang, 'accessibility'), ...aboutPage },
    { path: '/privacy', label: (lang) => shell.t(lang, 'privacy'), ...aboutPage },
    { path: '/lattlast', label: (lang) => shell.t(lang, 'easyToReadLabel'), ...aboutPage, onlyIn: 'sv' },
    // The site search: in the footer's sitemap (the header reaches it from the menu and a link).
    { path: '/search', label: (lang) => searchMessages.t(lang, 'nav.search'), ...aboutPage },
  ],
  adminNavigation: [
    {
      path: REPORTS_PATH,
      label: (lang) => reportMessages.t(lang, 'nav.reports'),
      permission: Permission.AccessibilityReportsManage,
      // After the back-office home and identity's items (site comes first in the module list).
      order: 10,
    },
  ],
  auditSentences: siteAuditSentences,
  auditGroups: siteAuditGroups,
  tasks: (queue, { database }) => registerSiteTasks(queue, database.db),
  routes: (app, deps) => {
    registerSiteRoutes(app, deps);
    registerIconRoutes(app, deps.site);
    registerReportRoutes(app, deps);
    registerSearchRoutes(app, deps);
  },
});
