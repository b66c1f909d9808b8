/**
 * The newcomer network ("Ny i Dalarna"): interest groups and their meetups, ambassadors matched to
 * newcomer households.
 *
 * model.ts (topics, personas, languages, limits), messages.ts, repository.ts (SQL), service.ts
 * (groups, meetups, joining, "I'm coming", ambassadors), score.ts (scoreAmbassador, pure),
 * matching.ts (match and end, the e-mails), panel.ts (the case file's "Ambassadör"),
 * public-views.ts, admin-views.ts, routes.ts, own-page.ts (own page section, personal data),
 * privacy.ts, audit-sentences.ts, seed.ts.
 */
import { SectionOrder } from '../../../platform/html/layout.ts';
import { Permission } from '../../../platform/permissions.ts';
import { relocationMessages } from '../messages.ts';
import { PATHS } from '../model.ts';
import type { RelocationPart } from '../part.ts';
import { networkAuditGroups, networkAuditSentences } from './audit-sentences.ts';
import { ambassadorSection, networkPersonalData } from './own-page.ts';
import { ambassadorPanel } from './panel.ts';
import { networkPrivacy } from './privacy.ts';
import { registerNetworkRoutes } from './routes.ts';
import { seedNetworkDemo } from './seed.ts';
import { networkHistory } from './history.ts';

export const networkPart: RelocationPart = {
  routes: (app, deps) => registerNetworkRoutes(app, deps),
  seed: async (db, demo) => {
    if (demo) await seedNetworkDemo(db);
  },
  navigation: [
    {
      path: PATHS.network,
      label: (lang) => relocationMessages.t(lang, 'nav.network'),
      order: SectionOrder.talentPool + 2,
      footer: 'live',
      header: false,
    },
  ],
  adminNavigation: [
    {
      path: PATHS.networkAdmin,
      label: (lang) => relocationMessages.t(lang, 'nav.networkAdmin'),
      permission: Permission.NetworkManage,
      order: 11,
    },
  ],
  personalData: [networkPersonalData],
  ownPageSections: [ambassadorSection],
  privacyProcessing: networkPrivacy,
  auditSentences: networkAuditSentences,
  auditGroups: networkAuditGroups,
  casePanels: [ambassadorPanel],
  historySentences: networkHistory,
};
