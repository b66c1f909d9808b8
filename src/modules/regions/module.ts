/** The regions module: the tenants (regions, hosts, municipalities), their brand stylesheet and place facts. */
import { defineModule } from '../../platform/module.ts';
import { Permission } from '../../platform/permissions.ts';
import { seedPlaceFacts } from './facts.ts';
import { factsAuditSentences, factsMessages } from './facts-messages.ts';
import { registerFactsRoutes } from './facts-routes.ts';
import { FACTS_PATH } from './facts-views.ts';
import { registerRegionRoutes } from './routes.ts';
import { seedRegions, shippedRegions } from './service.ts';

export const regionsModule = defineModule({
  name: 'regions',
  async seed(db) {
    await seedRegions(db);
    await seedPlaceFacts(db, shippedRegions());
  },
  adminNavigation: [
    {
      path: FACTS_PATH,
      label: (lang) => factsMessages.t(lang, 'nav.facts'),
      permission: Permission.ContentApprove,
      order: 20,
    },
  ],
  auditSentences: factsAuditSentences,
  routes: (app, deps) => {
    registerRegionRoutes(app, deps);
    registerFactsRoutes(app, deps);
  },
});
