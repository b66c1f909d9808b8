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
import { Permission } from '../../platform/permissions.ts';
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
import {
  employerAuditGroups,
  employerAuditSentences,
  employerMessages,
  employersOwnSection,
  employersPersonalData,
  registerEmployerRoutes,
  registerEmployerTasks,
  TALENT_PATH,
} from './employers/index.ts';
import { markTalentPoolStale } from './employers/service.ts';
import { settingsMessages } from './settings/messages.ts';
import { registerSettingsRoutes } from './settings/routes.ts';
import { SETTINGS_PATH } from './settings/views.ts';
import { seedTalentDemo } from './demo/seed.ts';
import { registerMatchingTasks } from './matching/incremental.ts';
import { matchesSection } from './matching/section.ts';
import { startMatchingWake } from './matching/wake.ts';
import { renewalAuditSentences } from './renewal/audit-sentences.ts';
import { registerRenewalRoutes } from './renewal/routes.ts';
import { registerRenewalTasks } from './renewal/service.ts';
import { talentPrivacy } from './privacy/index.ts';

/** The pages whose POSTs change a profile, its consents or its visibility. */
const PROFILE_CHANGES =
  /^\/(sv|en)\/(me\/talent|talent-pool\/(confirm|join\/send|partner|intro|requests|blocks|stay))/;

export const talentModule = defineModule({
  name: 'talent',
  seed: async (db, { demo }) => {
    if (demo) await seedTalentDemo(db);
  },
  start: ({ database, queue, logger }) => startMatchingWake(database, queue, logger),
  close: (wake) => wake.stop(),
  navigation: [
    {
      path: '/talent-pool',
      label: (lang) => talentMessages.t(lang, 'nav.talentPool'),
      order: SectionOrder.talentPool,
      footer: 'work',
    },
  ],
  adminNavigation: [
    {
      path: TALENT_PATH,
      label: (lang) => employerMessages.t(lang, 'nav.talent'),
      permission: Permission.TalentSearch,
      order: 6,
    },
    {
      path: SETTINGS_PATH,
      label: (lang) => settingsMessages.t(lang, 'nav.settings'),
      permission: Permission.TalentManage,
      order: 7,
    },
  ],
  privacyProcessing: [...talentPrivacy],
  personalData: [talentPoolData, alertsPersonalData, savedJobsPersonalData, employersPersonalData],
  ownPageSections: [talentOwnSection, matchesSection, savedJobsSection, alertsSection, employersOwnSection],
  auditSentences: {
    ...talentJoinAuditSentences,
    ...alertAuditSentences,
    ...employerAuditSentences,
    ...renewalAuditSentences,
  },
  auditGroups: [...talentJoinAuditGroups, ...alertAuditGroups, ...employerAuditGroups],
  openApi: () => talentOpenApi,
  tasks: (queue, deps) => {
    registerJoinTasks(queue, deps.database.db);
    registerAlertTasks(queue, deps);
    registerEmployerTasks(queue, deps.database.db);
    registerMatchingTasks(queue, deps.database.db);
    registerRenewalTasks(queue, deps.database.db, deps.config.publicUrl.origin);
  },
  routes: (app, deps) => {
    // The employers' cards are kept in memory a minute per region: a change to a profile, its
    // consents or its visibility through these pages drops them at once in this process (another
    // process sees it within the minute; an intro request reads the tables again before sending).
    const db = deps.database.db;
    app.addHook('onResponse', (request, reply, done) => {
      if (request.method === 'POST' && reply.statusCode < 400 && PROFILE_CHANGES.test(request.url))
        markTalentPoolStale(db, request.region.id);
      done();
    });
    registerJoinRoutes(app, deps);
    registerTaxonomyApi(app, deps);
    registerOwnTalentRoutes(app, deps);
    registerAlertRoutes(app, deps);
    registerSavedJobRoutes(app, deps);
    registerEmployerRoutes(app, deps);
    registerSettingsRoutes(app, deps);
    registerRenewalRoutes(app, deps);
  },
});
