/** Setting up and turning off the authenticator app (TOTP). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { langParam } from '../../../../platform/http/lang.ts';
import type { RateLimitRule } from '../../../../platform/http/rate-limit.ts';
import type { App } from '../../../../platform/http/schema.ts';
import type { Lang } from '../../../../platform/i18n/index.ts';
import { Permission } from '../../../../platform/permissions.ts';
import type { Gate } from '../gate.ts';
import { messages } from '../messages.ts';
import { ActionSchema, CodeFormSchema, PageSchema } from '../schemas.ts';
import { localNext } from '../service.ts';
import * as views from '../views.ts';
import { paths, withNext } from '../views.ts';
import { normalizeTotp } from './otp.ts';
import { confirmTotp, disableTotp, totpSetup, totpStatus } from './service.ts';

const signedIn = { permission: Permission.SignedIn } as const;

const SETUP_PER_IP: RateLimitRule = { name: 'totp-setup', max: 30, windowSeconds: 900 };
const SETUP_PER_ACCOUNT: RateLimitRule = { name: 'totp-setup-account', max: 10, windowSeconds: 900 };

const nextParam = (value: unknown) => localNext(value, '') || undefined;

export function registerTotpRoutes(app: App, gate: Gate): void {
  const { db, me } = gate;

  const setupPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    extra: { code?: string; error?: string; next?: string },
    status = 200,
  ) => {
    const { account, session } = me(request);
    const issuer = gate.rpName(request, lang);
    const setup = await totpSetup(db, {
      regionId: request.region.id,
      accountId: account.id,
      sessionId: session.id,
      email: account.email,
      issuer,
    });
    const base = {
      lang,
      csrfToken: reply.csrfToken(),
      secret: '',
      issuer,
      code: '',
      next: extra.next,
    };
    const view: views.TotpSetupView = setup.already
      ? { ...base, already: true }
      : { ...base, secret: setup.secret, qr: setup.qr, code: extra.code ?? '', error: extra.error };
    return reply.page(views.totpSetupPage(view), { status, cache: 'no-store' });
  };

  app.get('/:lang/me/totp', { schema: PageSchema, config: signedIn }, async (request, reply) => {
    const lang = langParam(request);
    const next = nextParam(request.query.next);
    if (!(await gate.ensureMayChange(request, reply, lang, withNext(paths.totp(lang), next)))) return reply;
    return setupPage(request, reply, lang, { next });
  });

  const setupConfig = { schema: CodeFormSchema, config: { ...signedIn, rateLimit: SETUP_PER_IP } };
  app.post('/:lang/me/totp', setupConfig, async (request, reply) => {
    const lang = langParam(request);
    const next = nextParam(request.body.next);
    if (!(await gate.ensureMayChange(request, reply, lang, withNext(paths.totp(lang), next)))) return reply;
    const { account, owner } = me(request);
    const code = (request.body.code ?? '').slice(0, 40);
    const status = await totpStatus(db, request.region.id, account.id);
    if (status === 'none') return reply.redirect(withNext(paths.totp(lang), next), 303);
    if (status === 'on') return setupPage(request, reply, lang, { next });
    const fail = (key: 'setup.codeErrorEmpty' | 'setup.codeErrorWrong') =>
      setupPage(request, reply, lang, { code, error: messages.t(lang, key), next }, 422);
    if (!normalizeTotp(code)) return fail('setup.codeErrorEmpty');
    await gate.limitAccount(SETUP_PER_ACCOUNT, account.id);
    const codes = await confirmTotp(db, gate.sessions, owner, code);
    if (!codes) return fail('setup.codeErrorWrong');
    const page = views.recoveryCodesPage({
      lang,
      codes,
      totpEnabled: true,
      continueTo: next ?? paths.security(lang),
    });
    return reply.page(page, { cache: 'no-store' });
  });

  app.post('/:lang/me/totp/disable', { schema: ActionSchema, config: signedIn }, async (request, reply) => {
    const lang = langParam(request);
    if (!(await gate.ensureMayChange(request, reply, lang, paths.security(lang)))) return reply;
    const result = await disableTotp(db, gate.sessions, me(request).owner);
    if (result === 'none') return reply.redirect(paths.security(lang), 303);
    return reply.redirect(
      `${paths.security(lang)}?done=${result.factorLeft ? 'totpDisabled' : 'factorGone'}`,
      303,
    );
  });
}
