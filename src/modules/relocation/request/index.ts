/**
 * Asking a navigator (/:lang/move): the request form with the navigators' open slots, the receipt
 * naming the navigator, the e-mail link to the household's page; the navigators' slots.
 *
 * form.ts (the form as typed, its checks), service.ts (the request in one transaction, the
 * receipt's signed address, the welcome link), slots.ts (the navigators' open times),
 * repository.ts (the SQL), routes.ts, views.ts, messages.ts, audit-sentences.ts, seed.ts.
 */
import { SectionOrder } from '../../../platform/html/layout.ts';
import { Permission } from '../../../platform/permissions.ts';
import { relocationMessages } from '../messages.ts';
import { PATHS } from '../model.ts';
import type { RelocationPart } from '../part.ts';
import { requestAuditSentences } from './audit-sentences.ts';
import { registerRequestRoutes } from './routes.ts';
import { seedDemoSlots } from './seed.ts';
import { requestHistory } from './history.ts';

export const requestPart: RelocationPart = {
  routes: (app, deps) => registerRequestRoutes(app, deps),
  seed: async (db, demo) => {
    if (demo) await seedDemoSlots(db);
  },
  navigation: [
    {
      path: PATHS.move,
      label: (lang) => relocationMessages.t(lang, 'nav.move'),
      order: SectionOrder.talentPool + 1,
      footer: 'you',
    },
  ],
  adminNavigation: [
    {
      path: PATHS.slots,
      label: (lang) => relocationMessages.t(lang, 'nav.slots'),
      permission: Permission.CasesWork,
      order: 9,
    },
  ],
  auditSentences: requestAuditSentences,
  historySentences: requestHistory,
};
