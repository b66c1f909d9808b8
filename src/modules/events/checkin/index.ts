/**
 * Check-in at the door: staff find a registration by name or e-mail, or read the ticket's QR code
 * with the device's camera, and check it in; the door's script keeps a queue on the device so
 * check-ins go on through a flaky connection and are sent, counted once, when it is back. Adds a
 * panel with the counts to the back-office event page.
 */
import type { EventsPart } from '../part.ts';
import { checkinAuditSentences } from './audit-sentences.ts';
import { checkinPanel } from './panel.ts';
import { registerCheckinRoutes } from './routes.ts';

export const checkinPart: EventsPart = {
  routes: (app, deps) => registerCheckinRoutes(app, deps),
  adminPanels: [checkinPanel],
  auditSentences: checkinAuditSentences,
};
