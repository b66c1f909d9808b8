/**
 * Registration (issue 17): the registration box and form, registration that never overbooks with
 * a waiting list whose freed seats are offered by e-mail with a time limit, test-living weekend
 * applications, the personal link's page (ticket QR, seats, answers, cancel), confirmation /
 * offer / reminder mails, the organisers' list, the own page's section and the person's data, and
 * the tasks (offers, reminders, retention as the privacy notice promises).
 *
 * form.ts (the form as typed, its checks), service.ts (the rules, each in one transaction under
 * the event's lock: register, offerFreedSeats, changes, decisions, tasks, erasure), mails.ts,
 * repository.ts, routes.ts, views.ts, panels.ts, csv.ts, tasks.ts, personal-data.ts, words.ts,
 * messages.ts, audit-sentences.ts.
 */
import type { EventsPart } from '../part.ts';
import { registrationAuditSentences } from './audit-sentences.ts';
import { registrationAdminPanel, registrationPublicPanel } from './panels.ts';
import { registrationData, registrationPrivacy, registrationSection } from './personal-data.ts';
import { registerRegistrationRoutes } from './routes.ts';
import { registerRegistrationTasks } from './tasks.ts';

export { offerFreedSeats } from './service.ts';

export const registrationPart: EventsPart = {
  routes: (app, deps) => registerRegistrationRoutes(app, deps),
  tasks: (queue, deps) => registerRegistrationTasks(queue, deps),
  personalData: [registrationData],
  ownPageSections: [registrationSection],
  privacyProcessing: [registrationPrivacy],
  auditSentences: registrationAuditSentences,
  adminPanels: [registrationAdminPanel],
  publicPanels: [registrationPublicPanel],
};
