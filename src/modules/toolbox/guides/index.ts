/**
 * The guides part of the toolbox: guides for recruiting from afar (base data every install gets)
 * with checklists organisations tick off per recruitment, and the editors' form for the guides.
 */
import { html } from '../../../platform/html/html.ts';
import type { ToolboxPart } from '../part.ts';
import { ADMIN_GUIDES } from './admin-views.ts';
import { registerGuideAdminRoutes } from './admin-routes.ts';
import { guidesAuditSentences } from './audit-sentences.ts';
import { guidesMessages } from './messages.ts';
import { listGuides } from './repository.ts';
import { registerGuideRoutes } from './routes.ts';
import { seedGuides } from './seed.ts';

export const guidesPart: ToolboxPart = {
  routes: (app, deps) => {
    registerGuideRoutes(app, deps);
    registerGuideAdminRoutes(app, deps);
  },
  seed: async (db) => {
    await seedGuides(db);
  },
  auditSentences: guidesAuditSentences,
  adminCards: [
    {
      order: 40,
      render: async ({ db, region, lang }) => {
        const guides = await listGuides(db, region.id, { publishedOnly: false });
        const published = guides.filter((g) => g.published).length;
        return {
          title: guidesMessages.t(lang, 'admin.title'),
          html: html`<p>${guidesMessages.t(lang, 'admin.card')}</p>
            <p>${guidesMessages.t(lang, 'admin.cardCount', { published, total: guides.length })}</p>
            <p><a href="${ADMIN_GUIDES}">${guidesMessages.t(lang, 'admin.cardLink')}</a></p>`,
        };
      },
    },
  ],
};
