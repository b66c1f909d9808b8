/**
 * The back-office of the company pages (/admin/companies), as the companies module registers it:
 * its routes, its menu item, and its kinds of audit event.
 */
import { companyAuditGroups, companyAuditSentences } from './audit-sentences.ts';
import { companyAdminNavigation, registerCompanyAdminRoutes } from './routes.ts';

export const companyAdmin = {
  adminNavigation: companyAdminNavigation,
  auditSentences: companyAuditSentences,
  auditGroups: companyAuditGroups,
  routes: registerCompanyAdminRoutes,
} as const;
