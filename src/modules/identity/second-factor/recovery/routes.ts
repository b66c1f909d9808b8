/** A new set of recovery codes, from the security page (shown once). */
import { langParam } from '../../../../platform/http/lang.ts';
import type { App } from '../../../../platform/http/schema.ts';
import { Permission } from '../../../../platform/permissions.ts';
import type { Gate } from '../gate.ts';
import { ActionSchema } from '../schemas.ts';
import * as views from '../views.ts';
import { paths } from '../views.ts';
import { regenerateRecoveryCodes } from './service.ts';

export function registerRecoveryRoutes(app: App, gate: Gate): void {
  app.post(
    '/:lang/me/recovery-codes',
    { schema: ActionSchema, config: { permission: Permission.SignedIn } },
    async (request, reply) => {
      const lang = langParam(request);
      const verdict = await gate.ensureMayChange(request, reply, lang, paths.security(lang));
      if (!verdict) return reply;
      if (!verdict.hasFactor) return reply.redirect(paths.security(lang), 303);
      const codes = await regenerateRecoveryCodes(gate.db, gate.me(request).owner);
      const page = views.recoveryCodesPage({
        lang,
        codes,
        totpEnabled: false,
        continueTo: paths.security(lang),
      });
      return reply.page(page, { cache: 'no-store' });
    },
  );
}
