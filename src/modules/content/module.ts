/**
 * The content module: the region's digital home — place pages, moving guides, stories of people
 * who came, the target groups' paths — and the media library, written by the region's editors
 * (model.ts: what an item is; store.ts: its tables).
 */
import { SectionOrder } from '../../platform/html/layout.ts';
import { defineModule } from '../../platform/module.ts';
import { editorialAuditGroups, editorialAuditSentences } from './editorial/audit-sentences.ts';
import { editorialAdminNavigation, registerEditorialRoutes } from './editorial/routes.ts';
import { registerEditorialTasks } from './editorial/tasks.ts';
import { mediaUsageOf } from './editorial/repository.ts';
import { imagesBySlug, setMediaUsageLookup } from './media/service.ts';
import { placeMessages } from './places/messages.ts';
import { renderPlacePage } from './places/page.ts';
import { registerPlaceRoutes } from './places/routes.ts';
import { renderGuidePage } from './public/guides.ts';
import { fixedPicturesUsage } from './public/home.ts';
import { publicContentNavigation, registerPublicContentRoutes } from './public/index.ts';
import { renderPathPage } from './public/paths.ts';
import { renderStoryPage } from './public/stories.ts';
import { seedDemoContent } from './seed.ts';

export const contentModule = defineModule({
  name: 'content',
  seed: async (db, context) => {
    await seedDemoContent(db, context);
  },
  navigation: [
    {
      path: '/places',
      label: (lang) => placeMessages.t(lang, 'nav.places'),
      order: SectionOrder.places,
      footer: 'live',
    },
    ...publicContentNavigation,
  ],
  adminNavigation: [...editorialAdminNavigation],
  auditSentences: { ...editorialAuditSentences },
  auditGroups: [...editorialAuditGroups],
  tasks: (queue, { database }) => registerEditorialTasks(queue, database.db),
  routes: (app, deps) => {
    registerPlaceRoutes(app, deps);
    registerPublicContentRoutes(app, deps);
    const renderers = {
      place: renderPlacePage,
      guide: renderGuidePage,
      story: renderStoryPage,
      path: renderPathPage,
    };
    // The media library's "used on" (and its refusal to delete an image in use) asks the content.
    setMediaUsageLookup([mediaUsageOf, fixedPicturesUsage]);
    registerEditorialRoutes(app, deps, renderers, {
      images: (regionId, slugs) => imagesBySlug(deps.database.db, regionId, slugs),
    });
  },
});
