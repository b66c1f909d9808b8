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
import { SectionOrder } from '../../platform/html/layout.ts';
import { talentMessages } from './messages.ts';
import { alertAuditGroups, alertAuditSentences } from './alerts/audit-sentences.ts';
import { registerAlertTasks } from './alerts/digest.ts';
import { alertsPersonalData, alertsSection } from './alerts/own-page.ts';
import { registerAlertRoutes } from './alerts/routes.ts';
import { savedJobsPersonalData, savedJobsSection } from './saved/own-page.ts';
import { registerSavedJobRoutes } from './saved/routes.ts';
import { registerTaxonomyApi, talentOpenApi } from './join/api.ts';
import { talentJoinAuditGroups, talentJoinAuditSentences } from './join/audit-sentences.ts';
import { registerJoinRoutes } from './join/routes.ts';
import { registerJoinTasks } from './join/tasks.ts';
import { registerOwnTalentRoutes } from './own/routes.ts';
import { talentOwnSection } from './own/section.ts';
import { talentPoolData } from './own/service.ts';

export const talentModule = defineModule({
  name: 'talent',
  navigation: [
    {
      path: '/talent-pool',
      label: (lang) => talentMessages.t(lang, 'nav.talentPool'),
      order: SectionOrder.talentPool,
      footer: 'work',
    },
  ],
  personalData: [talentPoolData, alertsPersonalData, savedJobsPersonalData],
  ownPageSections: [talentOwnSection, savedJobsSection, alertsSection],
  auditSentences: { ...talentJoinAuditSentences, ...alertAuditSentences },
  auditGroups: [...talentJoinAuditGroups, ...alertAuditGroups],
  openApi: () => talentOpenApi,
  tasks: (queue, deps) => {
    registerJoinTasks(queue, deps.database.db);
    registerAlertTasks(queue, deps);
  },
  routes: (app, deps) => {
    registerJoinRoutes(app, deps);
    registerTaxonomyApi(app, deps);
    registerOwnTalentRoutes(app, deps);
    registerAlertRoutes(app, deps);
    registerSavedJobRoutes(app, deps);
  },
});
