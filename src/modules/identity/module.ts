/**
 * The identity module: accounts, organisations, roles, sign-in, second factors, the own page and the
 * back-office (organisations, members, people, audit trail, API tokens) with the organisation API.
 */
import { SessionStore, sessionPolicyFrom } from '../../platform/auth/sessions.ts';
import { SectionOrder } from '../../platform/html/layout.ts';
import { defineModule } from '../../platform/module.ts';
import { Permission } from '../../platform/permissions.ts';
import { identityOpenApi } from './admin/api-schema.ts';
import { auditMessages } from './admin/audit-messages.ts';
import { identityAuditSentences } from './admin/audit-sentences.ts';
import { identityAuditGroups } from './admin/audit.ts';
import { AUDIT_PATH } from './admin/audit-views.ts';
import { messages as adminMessages } from './admin/messages.ts';
import { TOKENS_PATH } from './admin/tokens-views.ts';
import { registerIdentityTasks } from './tasks.ts';
import { messages } from './messages.ts';
import { registerIdentityRoutes } from './routes.ts';
import { defaultRegionId, seedDemoAccounts, seedOrganisations } from './seed.ts';

export const identityModule = defineModule({
  name: 'identity',
  async seed(db, { demo }) {
    await seedOrganisations(db);
    if (demo) await seedDemoAccounts(db, await defaultRegionId(db));
  },
  tasks: (queue, { database, config }) =>
    registerIdentityTasks(queue, database.db, new SessionStore(database.db, sessionPolicyFrom(config))),
  // One link for everyone: it leads to the own page, or to the login page without a session (the
  // header stays the same for all, so public pages can be cached).
  navigation: [
    { path: '/me', label: (lang) => messages.t(lang, 'nav.me'), order: SectionOrder.account, footer: 'you' },
  ],
  adminNavigation: [
    { path: '/admin', label: (lang) => adminMessages.t(lang, 'nav.home'), permission: Permission.BackOffice },
    {
      path: '/admin/organisations',
      label: (lang) => adminMessages.t(lang, 'nav.organisations'),
      permission: Permission.OrgsManage,
    },
    {
      path: '/admin/members',
      label: (lang) => adminMessages.t(lang, 'nav.members'),
      permission: Permission.OrgRead,
    },
    {
      path: '/admin/people',
      label: (lang) => adminMessages.t(lang, 'nav.people'),
      permission: Permission.PeopleManage,
    },
    {
      path: AUDIT_PATH,
      label: (lang) => auditMessages.t(lang, 'nav.audit'),
      permission: Permission.AuditRead,
    },
    {
      path: TOKENS_PATH,
      label: (lang) => auditMessages.t(lang, 'nav.tokens'),
      permission: Permission.ApiTokensManage,
    },
  ],
  auditSentences: identityAuditSentences,
  auditGroups: identityAuditGroups,
  openApi: identityOpenApi,
  routes: registerIdentityRoutes,
});
