/** The regions module: the tenants (regions, hosts, municipalities) and their brand stylesheet. */
import { defineModule } from '../../platform/module.ts';
import { registerRegionRoutes } from './routes.ts';
import { seedRegions } from './service.ts';

export const regionsModule = defineModule({
  name: 'regions',
  async seed(db) {
    await seedRegions(db);
  },
  routes: registerRegionRoutes,
});
