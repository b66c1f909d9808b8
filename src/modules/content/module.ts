/**
 * The content module: the region's digital home — place pages, moving guides, stories of people
 * who came, the target groups' paths — and the media library, written by the region's editors
 * (model.ts: what an item is; store.ts: its tables).
 */
import { defineModule } from '../../platform/module.ts';
import { editorialAuditGroups, editorialAuditSentences } from './editorial/audit-sentences.ts';
import { fallbackRenderers } from './editorial/fallback-renderers.ts';
import { editorialAdminNavigation, registerEditorialRoutes } from './editorial/routes.ts';
import { registerEditorialTasks } from './editorial/tasks.ts';
import { seedDemoContent } from './seed.ts';

export const contentModule = defineModule({
  name: 'content',
  seed: async (db, context) => {
    await seedDemoContent(db, context);
  },
  adminNavigation: [...editorialAdminNavigation],
  auditSentences: { ...editorialAuditSentences },
  auditGroups: [...editorialAuditGroups],
  tasks: (queue, { database }) => registerEditorialTasks(queue, database.db),
  routes: (app, deps) => {
    registerEditorialRoutes(app, deps, fallbackRenderers);
  },
});
