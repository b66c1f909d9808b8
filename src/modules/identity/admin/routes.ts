/**
 * The back-office: its shell, the home page and organisation switcher, organisations, members and
 * invitations, people; then the audit trail and API tokens (their own files). Also the invitee's
 * pages (/:lang/invitations/…), which belong with the members they create.
 */
import type { App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { registerInvitationRoutes } from '../invitations/routes.ts';
import { registerAuditRoutes } from './audit-routes.ts';
import { registerHomeRoutes } from './home.ts';
import { registerMemberRoutes } from './members.ts';
import { registerOrganisationRoutes } from './organisations.ts';
import { registerPeopleRoutes } from './people.ts';
import { registerTokenRoutes } from './token-routes.ts';

export function registerAdminRoutes(app: App, deps: ModuleDeps): void {
  registerHomeRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerInvitationRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerTokenRoutes(app, deps);
}
