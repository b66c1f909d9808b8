/**
 * Partner careers and duplicates: the adults' talent profiles and matches in the case file,
 * introductions to employers (what the household agreed to share, nothing more), the job search
 * tracked in the case; the same person arriving several ways (also a fair stand) found and merged
 * with its history; the case file's "Evenemang" panel (the household's registrations and leads).
 */
import { Permission } from '../../../platform/permissions.ts';
import type { RelocationPart } from '../part.ts';
import { careersAuditSentences } from './audit-sentences.ts';
import { careersMessages } from './messages.ts';
import { eventsPanel } from './events-panel.ts';
import { careersPanel } from './panel.ts';
import { registerCareersRoutes } from './routes.ts';
import { careersPersonalData, INTRODUCTIONS_PATH } from './service.ts';
import { careersHistory } from './history.ts';

export const careersPart: RelocationPart = {
  routes: (app, deps) => registerCareersRoutes(app, deps),
  casePanels: [careersPanel, eventsPanel],
  historySentences: careersHistory,
  adminNavigation: [
    {
      path: INTRODUCTIONS_PATH,
      label: (lang) => careersMessages.t(lang, 'employer.nav'),
      permission: Permission.TalentSearch,
      order: 6,
    },
  ],
  personalData: [careersPersonalData],
  auditSentences: careersAuditSentences,
};
