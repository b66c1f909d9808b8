/**
 * The companies module: the region's employers as its first profile bearers — the public list and
 * company pages (who they are, career paths, badges for newcomers, every open job linked by
 * organisationsnummer), the employers' own editing of their page with the region's review, and
 * the competence needs they expect (model.ts: what a page is; store.ts: its tables).
 */
import { defineModule } from '../../platform/module.ts';
import { companyAdmin } from './admin/index.ts';

export const companiesModule = defineModule({
  name: 'companies',
  adminNavigation: [...companyAdmin.adminNavigation],
  auditSentences: { ...companyAdmin.auditSentences },
  auditGroups: [...companyAdmin.auditGroups],
  routes: async (app, deps) => {
    await companyAdmin.routes(app, deps);
  },
});
