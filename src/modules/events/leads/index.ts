/**
 * Leads at fair stands (issue 17: "today the leads are lost after the fair"): the stand staff's fast
 * form, the visitor's own phone through the stand's QR code, the leads lists per event and across an
 * organisation's events with CSV, and the panel on the back-office event page. A lead may start
 * the talent pool's sign-up and a navigator's case in its own transaction.
 *
 * form.ts (the form as typed, its checks), service.ts (capture and delete, each in one transaction
 * with its audit event; the visitors' window), repository.ts (the SQL), routes.ts, views.ts,
 * panel.ts, csv.ts, personal-data.ts, audit-sentences.ts, messages.ts.
 */
import { Permission } from '../../../platform/permissions.ts';
import type { EventsPart } from '../part.ts';
import { leadsAuditSentences } from './audit-sentences.ts';
import { leadsMessages } from './messages.ts';
import { leadsPanel, usePublicOrigin } from './panel.ts';
import { leadsPersonalData, leadsPrivacy } from './personal-data.ts';
import { registerLeadRoutes } from './routes.ts';
import { leadPaths } from './views.ts';

export const leadsPart: EventsPart = {
  routes: (app, deps) => {
    usePublicOrigin(app.publicOrigin);
    registerLeadRoutes(app, deps);
  },
  adminNavigation: [
    {
      path: leadPaths.all,
      label: (lang) => leadsMessages.t(lang, 'nav.leads'),
      permission: Permission.EventsManage,
      order: 41,
    },
  ],
  personalData: [leadsPersonalData],
  privacyProcessing: [leadsPrivacy],
  auditSentences: leadsAuditSentences,
  adminPanels: [leadsPanel],
};
