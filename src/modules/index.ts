/**
 * Every module, in the order their routes are registered and their navigation shown. Adding a
 * module is one line here (see docs/ARCHITECTURE.md, "How to add a module").
 */
import type { AnyModule } from '../platform/module.ts';
import { companiesModule } from './companies/module.ts';
import { mediaModule } from './content/media/module.ts';
import { contentModule } from './content/module.ts';
import { identityModule } from './identity/module.ts';
import { jobBoardModule } from './jobs/module.ts';
import { regionsModule } from './regions/module.ts';
import { siteModule } from './site/module.ts';
import { relocationModule } from './relocation/module.ts';
import { eventsModule } from './events/module.ts';
import { talentModule } from './talent/module.ts';
import { toolboxModule } from './toolbox/module.ts';

export const modules: readonly AnyModule[] = [
  regionsModule,
  siteModule,
  jobBoardModule,
  mediaModule,
  contentModule,
  companiesModule,
  talentModule,
  relocationModule,
  eventsModule,
  toolboxModule,
  identityModule,
];
