/**
 * The organisers' back-office (/admin/events): events from draft to published, their
 * organisations, programme and questions, cancelling, the follow-up mail and the statistics. The
 * event's page renders every part's `adminPanels` after its own sections.
 */
import { Permission } from '../../../platform/permissions.ts';
import { eventMessages } from '../messages.ts';
import { PATHS } from '../model.ts';
import type { EventsPart } from '../part.ts';
import { adminAuditSentences } from './audit-sentences.ts';
import { registerAdminRoutes } from './routes.ts';
import { registerAdminTasks } from './tasks.ts';

export const adminPart: EventsPart = {
  routes: registerAdminRoutes,
  tasks: registerAdminTasks,
  adminNavigation: [
    {
      path: PATHS.admin,
      label: (lang) => eventMessages.t(lang, 'nav.admin'),
      permission: Permission.EventsManage,
      order: 9,
    },
  ],
  auditSentences: adminAuditSentences,
};
