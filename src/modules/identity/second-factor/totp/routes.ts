/** Setting up and turning off the authenticator app (TOTP). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bodyField } from '../../../../platform/html/forms.ts';
import { langParam } from '../../../../platform/http/lang.ts';
import type { RateLimitRule } from '../../../../platform/http/rate-limit.ts';
import type { Lang } from '../../../../platform/i18n/index.ts';
import { Permission } from '../../../../platform/permissions.ts';
import type { Gate } from '../gate.ts';
import { messages } from '../messages.ts';
import { localNext } from '../service.ts';
import * as views from '../views.ts';
import { paths, withNext } from '../views.ts';
import { normalizeTotp } from './otp.ts';
import { confirmTotp, disableTotp, totpSetup, totpStatus } from './service.ts';

const signedIn = { permission: Permission.SignedIn } as const;

const SETUP_PER_IP: RateLimitRule = { name: 'totp-setup', max: 30, windowSeconds: 900 };
const SETUP_PER_ACCOUNT: RateLimitRule = { name: 'totp-setup-account', max: 10, windowSeconds: 900 };

const nextParam = (value: unknown) => localNext(value, '') || undefined;

export function registerTotpRoutes(app: FastifyInstance, gate: Gate): void {
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
      qrSvg: '',
      code: '',
      next: extra.next,
    };
    const view: views.TotpSetupView = setup.already
      ? { ...base, already: true }
      : { ...base, secret: setup.secret, qrSvg: setup.qrSvg, code: extra.code ?? '', error: extra.error };
    return gate.send(request, reply, views.totpSetupPage(view), status);
  };

  app.get('/:lang/me/totp', { config: signedIn }, async (request, reply) => {
    const lang = langParam(request);
    const next = nextParam((request.query as { next?: unknown }).next);
    if (!(await gate.ensureMayChange(request, reply, lang, withNext(paths.totp(lang), next)))) return reply;
    return setupPage(request, reply, lang, { next });
  });

  app.post('/:lang/me/totp', { config: { ...signedIn, rateLimit: SETUP_PER_IP } }, async (request, reply) => {
    const lang = langParam(request);
    const next = nextParam(bodyField(request.body, 'next'));
    if (!(await gate.ensureMayChange(request, reply, lang, withNext(paths.totp(lang), next)))) return reply;
    const { account, owner } = me(request);
    const code = bodyField(request.body, 'code').slice(0, 40);
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
    return gate.send(request, reply, page);
  });

  app.post('/:lang/me/totp/disable', { config: signedIn }, async (request, reply) => {
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
