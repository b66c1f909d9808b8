/**
 * The identity module: sign-in (magic link, code, passkeys), second factors, the own page, the
 * back-office shell with organisations, people, invitations, API tokens and the audit trail.
 * Each part registers its own routes; this plugin only wires them together.
 */
import type { App } from '../../platform/http/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { registerAdminRoutes } from './admin/routes.ts';
import { registerLoginRoutes } from './login/routes.ts';
import { registerMeRoutes } from './me/routes.ts';
import { registerSecondFactorRoutes } from './second-factor/routes.ts';

export function registerIdentityRoutes(app: App, deps: ModuleDeps): void {
  registerLoginRoutes(app, deps);
  registerSecondFactorRoutes(app, deps);
  registerMeRoutes(app, deps);
  registerAdminRoutes(app, deps);
}
