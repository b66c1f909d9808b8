/**
 * The region's texts and arguments (toolbox_texts): the editors' back-office at
 * /admin/toolbox/texts (list, form, the workflow draft → approved → retired), the organisations'
 * page /:lang/toolbox/texts with the place facts ready to quote, the overview card and the demo
 * texts. The builder and the widget read the approved texts through toolbox.ts approvedTexts.
 */
import type { ToolboxPart } from '../part.ts';
import { registerTextsAdminRoutes } from './admin-routes.ts';
import { textsAuditSentences } from './audit-sentences.ts';
import { textsCard } from './card.ts';
import { registerTextsPublicRoutes } from './public-routes.ts';
import { seedTexts } from './seed.ts';

export const textsPart: ToolboxPart = {
  routes(app, deps) {
    registerTextsAdminRoutes(app, deps);
    registerTextsPublicRoutes(app, deps);
  },
  seed: async (db, { demo }) => {
    if (demo) await seedTexts(db);
  },
  auditSentences: textsAuditSentences,
  adminCards: [textsCard],
};
