/**
 * The companies module: the region's employers as its first profile bearers — the public list and
 * company pages (who they are, career paths, badges for newcomers, every open job linked by
 * organisationsnummer), the employers' own editing of their page with the region's review, and
 * the competence needs they expect (model.ts: what a page is; store.ts: its tables).
 *
 * public/: the visitors' pages, the job board's employer logos and links, the place pages' and the
 * home page's companies, the sitemap and the counting of views and clicks.
 */
import { defineModule } from '../../platform/module.ts';
import { companyAdmin } from './admin/index.ts';
import {
  companySitemap,
  publicCompanyNavigation,
  publicCompanyState,
  registerPublicCompanyRoutes,
} from './public/index.ts';
import { seedDemoCompanies } from './seed.ts';

export const companiesModule = defineModule({
  name: 'companies',
  seed: async (db, context) => {
    await seedDemoCompanies(db, context);
  },
  start: (deps) => publicCompanyState(deps),
  navigation: [...publicCompanyNavigation],
  adminNavigation: [...companyAdmin.adminNavigation],
  auditSentences: { ...companyAdmin.auditSentences },
  auditGroups: [...companyAdmin.auditGroups],
  sitemap: companySitemap,
  routes: async (app, deps) => {
    registerPublicCompanyRoutes(app, deps);
    await companyAdmin.routes(app, deps);
  },
});
