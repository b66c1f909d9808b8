/**
 * The content module: the region's digital home — place pages, moving guides, stories of people
 * who came, the target groups' paths — and the media library, written by the region's editors
 * (model.ts: what an item is; store.ts: its tables).
 */
import { SectionOrder } from '../../platform/html/layout.ts';
import { defineModule } from '../../platform/module.ts';
import { placeMessages } from './places/messages.ts';
import { registerPlaceRoutes } from './places/routes.ts';
import { publicContentNavigation, registerPublicContentRoutes } from './public/index.ts';
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
  routes: (app, deps) => {
    registerPlaceRoutes(app, deps);
    registerPublicContentRoutes(app, deps);
  },
});
