/**
 * The brand part (issue 18): the toolbox's home /:lang/toolbox — the region's brand platform as a
 * brand book — and the back-office /admin/toolbox (every part's adminCards; this part's card is
 * order 10), the platform's edit form with versions, history, diff and restore, and its demo seed.
 */
import type { AuditSentences } from '../../../platform/audit-sentences.ts';
import type { ToolboxPart } from '../part.ts';
import { latestVersion } from './repository.ts';
import { registerBrandRoutes } from './routes.ts';
import { seedBrand } from './seed.ts';
import { adminCardHtml, translator } from './views.ts';

export const brandAuditSentences: AuditSentences = {
  'toolbox.brand.saved': {
    label: { sv: 'Varumärkesplattformen sparad', en: 'Brand platform saved' },
    sentences: [
      {
        sv: '{actor} sparade varumärkesplattformen som version {version}',
        en: '{actor} saved the brand platform as version {version}',
      },
    ],
  },
  'toolbox.brand.restored': {
    label: { sv: 'Varumärkesplattformen återställd', en: 'Brand platform restored' },
    sentences: [
      {
        sv: '{actor} återställde version {from} av varumärkesplattformen som version {version}',
        en: '{actor} restored version {from} of the brand platform as version {version}',
      },
    ],
  },
};

export const brandPart: ToolboxPart = {
  routes: registerBrandRoutes,
  seed: async (db, context) => {
    await seedBrand(db, context);
  },
  auditSentences: brandAuditSentences,
  adminCards: [
    {
      order: 10,
      render: async ({ db, region, lang }) => ({
        title: translator(lang)('card.title'),
        html: adminCardHtml(lang, await latestVersion(db, region.id)),
      }),
    },
  ],
};
