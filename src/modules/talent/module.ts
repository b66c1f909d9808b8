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
import { Permission } from '../../platform/permissions.ts';
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
import { settingsMessages } from './settings/messages.ts';
import { registerSettingsRoutes } from './settings/routes.ts';
import { SETTINGS_PATH } from './settings/views.ts';

export const talentModule = defineModule({
  name: 'talent',
  personalData: [employersPersonalData],
  ownPageSections: [employersOwnSection],
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
  auditSentences: employerAuditSentences,
  auditGroups: employerAuditGroups,
  tasks: (queue, { database }) => {
    registerEmployerTasks(queue, database.db);
  },
  routes: (app, deps) => {
    registerEmployerRoutes(app, deps);
    registerSettingsRoutes(app, deps);
  },
});
