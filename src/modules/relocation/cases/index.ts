/**
 * The navigators' side (/admin/cases): the inbox with first-response time, taking and handing over
 * cases, the household case file with its panels, stages and outcome, notes, tasks with reminders,
 * meetings, the history.
 */
import { Permission } from '../../../platform/permissions.ts';
import { relocationMessages } from '../messages.ts';
import { PATHS } from '../model.ts';
import type { RelocationPart } from '../part.ts';
import { caseAuditSentences } from './audit-sentences.ts';
import { registerCaseRoutes } from './routes.ts';
import { seedDemoCases } from './seed.ts';
import { registerCaseTasks } from './tasks.ts';

export const casesPart: RelocationPart = {
  routes: registerCaseRoutes,
  tasks: registerCaseTasks,
  seed: async (db, demo) => {
    if (demo) await seedDemoCases(db);
  },
  adminNavigation: [
    {
      path: PATHS.cases,
      label: (lang) => relocationMessages.t(lang, 'nav.cases'),
      permission: Permission.CasesWork,
      order: 8,
    },
  ],
  auditSentences: caseAuditSentences,
};
