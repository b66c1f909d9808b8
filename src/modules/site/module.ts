/** The site module: home, accessibility statement and feedback, privacy, lättläst, sitemap, robots. */
import { defineModule } from '../../platform/module.ts';
import { registerSiteTasks } from './tasks.ts';
import { messages } from './messages.ts';
import { registerSiteRoutes } from './routes.ts';

export const siteModule = defineModule({
  name: 'site',
  navigation: [{ path: '/', label: (lang) => messages.t(lang, 'nav.home') }],
  tasks: (queue, { database }) => registerSiteTasks(queue, database.db),
  routes: registerSiteRoutes,
});
