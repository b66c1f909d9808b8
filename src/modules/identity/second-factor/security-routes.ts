/**
 * The two pages over all factors: the own security page (`/me/security`: passkeys, authenticator
 * app, recovery codes) and the check staff pass before the back-office (`/me/second-factor`, where
 * the authorizer sends them), with its code form (app code or recovery code).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { langParam } from '../../../platform/http/lang.ts';
import type { RateLimitRule } from '../../../platform/http/rate-limit.ts';
import type { App } from '../../../platform/http/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { Permission } from '../../../platform/permissions.ts';
import type { Gate } from './gate.ts';
import { messages } from './messages.ts';
import { CodeFormSchema, PageSchema } from './schemas.ts';
import { factorsOf, hasSecondFactor, localNext, verifyWithCode } from './service.ts';
import * as views from './views.ts';
import { paths, withNext } from './views.ts';

const signedIn = { permission: Permission.SignedIn } as const;

/** Code guessing: per client address (route config) and per account (below). */
const CHECK_PER_IP: RateLimitRule = { name: 'second-factor', max: 30, windowSeconds: 900 };
const CHECK_PER_ACCOUNT: RateLimitRule = { name: 'second-factor-account', max: 10, windowSeconds: 900 };

/** Sends the security page (also with a rename's error, from the passkey routes). */
export async function renderSecurityPage(
  gate: Gate,
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
  extra: Partial<views.SecurityView> = {},
  status = 200,
) {
  const { principal, account, session } = gate.me(request);
  const factors = await factorsOf(gate.db, request.region.id, account.id);
  const view: views.SecurityView = {
    lang,
    csrfToken: reply.csrfToken(),
    passkeys: factors.passkeys,
    totpOn: factors.totpOn,
    recoveryLeft: factors.recoveryLeft,
    staff: principal.staff,
    verifyFirst: factors.hasFactor && session.secondFactorAt === null,
    ...extra,
  };
  return reply.page(views.securityPage(view), { status, cache: 'no-store' });
}

export function registerSecurityRoutes(app: App, gate: Gate): void {
  const { db, me } = gate;

  app.get('/:lang/me/security', { schema: PageSchema, config: signedIn }, async (request, reply) => {
    const lang = langParam(request);
    const done = request.query.done;
    return renderSecurityPage(gate, request, reply, lang, { done: views.DONE.find((d) => d === done) });
  });

  const checkPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    next: string,
    extra: { code?: string; error?: string } = {},
    status = 200,
  ) => {
    const { principal, account, session } = me(request);
    const factors = await factorsOf(db, request.region.id, account.id);
    if (status === 200 && factors.hasFactor && session.secondFactorAt !== null)
      return reply.redirect(next, 303);
    const view: views.CheckView = {
      lang,
      csrfToken: reply.csrfToken(),
      next,
      staff: principal.staff,
      hasFactor: factors.hasFactor,
      hasPasskey: factors.passkeys.length > 0,
      code: extra.code ?? '',
      error: extra.error,
    };
    return reply.page(views.checkPage(view), { status, cache: 'no-store' });
  };

  app.get('/:lang/me/second-factor', { schema: PageSchema, config: signedIn }, async (request, reply) => {
    const lang = langParam(request);
    const next = localNext(request.query.next, '/admin');
    return checkPage(request, reply, lang, next);
  });

  app.post(
    '/:lang/me/second-factor',
    { schema: CodeFormSchema, config: { ...signedIn, rateLimit: CHECK_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const next = localNext(request.body.next, '/admin');
      const { account, owner } = me(request);
      const code = (request.body.code ?? '').slice(0, 40);
      const fail = (key: 'check.codeErrorEmpty' | 'check.codeErrorWrong') =>
        checkPage(request, reply, lang, next, { code, error: messages.t(lang, key) }, 422);
      if (!code.trim()) return fail('check.codeErrorEmpty');
      await gate.limitAccount(CHECK_PER_ACCOUNT, account.id);
      if (!(await hasSecondFactor(db, request.region.id, account.id))) {
        return reply.redirect(withNext(paths.check(lang), next), 303);
      }
      const method = await verifyWithCode(db, gate.sessions, owner, code);
      if (!method) return fail('check.codeErrorWrong');
      return reply.redirect(next, 303);
    },
  );
}
