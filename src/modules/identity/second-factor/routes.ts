/**
 * Second factors: the own security page and the check staff pass before the back-office
 * (`security-routes.ts`), passkeys (`passkeys/`), the authenticator app (`totp/`) and recovery
 * codes (`recovery/`), each with thin routes over a service (rules, plain values) and a repository
 * (its table). `gate.ts` holds what the routes share.
 */
import type { FastifyInstance } from 'fastify';
import { typed } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { makeGate } from './gate.ts';
import { registerPasskeyRoutes } from './passkeys/routes.ts';
import { registerRecoveryRoutes } from './recovery/routes.ts';
import { registerSecurityRoutes } from './security-routes.ts';
import { registerTotpRoutes } from './totp/routes.ts';

export function registerSecondFactorRoutes(scope: FastifyInstance, deps: ModuleDeps): void {
  const app = typed(scope);
  const gate = makeGate(deps);
  registerSecurityRoutes(app, gate);
  registerPasskeyRoutes(app, gate);
  registerTotpRoutes(app, gate);
  registerRecoveryRoutes(app, gate);
}
