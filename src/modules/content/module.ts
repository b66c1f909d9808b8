/**
 * The content module: the region's digital home — place pages, moving guides, stories of people
 * who came, the target groups' paths — and the media library, written by the region's editors
 * (model.ts: what an item is; store.ts: its tables).
 */
import { defineModule } from '../../platform/module.ts';
import { publicContentNavigation, registerPublicContentRoutes } from './public/index.ts';
import { seedDemoContent } from './seed.ts';

export const contentModule = defineModule({
  name: 'content',
  seed: async (db, context) => {
    await seedDemoContent(db, context);
  },
  navigation: publicContentNavigation,
  routes: (app, deps) => {
    registerPublicContentRoutes(app, deps);
  },
});
