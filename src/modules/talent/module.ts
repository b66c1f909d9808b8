/**
 * The talent pool (issue 15): people join without applying and tell the region what they do and
 * dream of, with their household; they consent per purpose; they get matches, saved jobs and job
 * alerts; employers search anonymised cards and ask for an introduction only the person can accept.
 *
 * model.ts: what a profile and a consent are; profiles.ts: the shared reads of its tables
 * (migration 0025). The parts, each in its folder, add their routes, sections of the own page,
 * personal data (export and erasure) and tasks here.
 */
import { defineModule } from '../../platform/module.ts';
import { alertAuditGroups, alertAuditSentences } from './alerts/audit-sentences.ts';
import { registerAlertTasks } from './alerts/digest.ts';
import { alertsPersonalData, alertsSection } from './alerts/own-page.ts';
import { registerAlertRoutes } from './alerts/routes.ts';
import { savedJobsPersonalData, savedJobsSection } from './saved/own-page.ts';
import { registerSavedJobRoutes } from './saved/routes.ts';

export const talentModule = defineModule({
  name: 'talent',
  personalData: [alertsPersonalData, savedJobsPersonalData],
  ownPageSections: [savedJobsSection, alertsSection],
  auditSentences: { ...alertAuditSentences },
  auditGroups: [...alertAuditGroups],
  tasks: (queue, deps) => {
    registerAlertTasks(queue, deps);
  },
  routes: (app, deps) => {
    registerAlertRoutes(app, deps);
    registerSavedJobRoutes(app, deps);
  },
});
