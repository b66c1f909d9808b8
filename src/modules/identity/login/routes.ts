/**
 * Signing in by e-mail and signing out.
 *
 * - GET /:lang/login: the e-mail form (and the passkey button); says so when already signed in.
 * - POST /:lang/login: mails a link and a code; the answer is the same whether or not the address
 *   has an account (an address without one gets a link that creates a talent account).
 * - GET /:lang/login/link/:token: a confirm page, never a sign-in (mail scanners open links).
 * - POST /:lang/login/link and POST /:lang/login/code: sign in; the token works once.
 * - POST /:lang/logout: ends this browser's session.
 *
 * A `next` path (local only) travels through the whole flow, stored with the token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import type { ModuleDeps } from '../../../platform/module.ts';
import type { Page, PageContext } from '../../../platform/html/layout.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import { Permission } from '../../../platform/permissions.ts';
import { isValidEmail, normalizeEmail } from '../accounts.ts';
import {
  CODE_PER_ADDRESS,
  CODE_PER_ADDRESS_DAY,
  CODE_PER_IP,
  LINK_PAGE_PER_IP,
  LINK_PER_IP,
  LOGIN_TTL_MINUTES,
  SEND_PER_ADDRESS,
  SEND_PER_IP,
  addressKey,
  createSignInLink,
  liveLink,
  normalizeCode,
  safeNext,
  signInWithCode,
  signInWithLink,
  signOut,
  type SignedIn,
} from './service.ts';
import * as views from './views.ts';
import { loginPaths, type FormErrors } from './views.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { bodyField } from '../../../platform/html/forms.ts';
import { pageContext } from '../../../platform/html/send.ts';

const pub = { permission: Permission.Public } as const;

/** Pages that carry a link's token in their URL tell the browser to send no Referer anywhere. */
const noReferrer: onSendHookHandler = (_request, reply, payload, done) => {
  reply.header('referrer-policy', 'no-referrer');
  done(null, payload);
};

/** Pages about signing in are never stored anywhere. */
const send = (_request: FastifyRequest, reply: FastifyReply, page: Page, status = 200) =>
  reply.page(page, { status, cache: 'no-store' });

type TooManyView = { kind: 'send' | 'code'; email: string; next: string | undefined };

/** 429 with Retry-After and a page saying how many minutes to wait. */
function sendTooMany(ctx: PageContext, reply: FastifyReply, wait: number, view: TooManyView) {
  reply.header('retry-after', String(wait));
  const page = views.tooManyPage(ctx, { ...view, minutes: Math.max(1, Math.ceil(wait / 60)) });
  return reply.page(page, { status: 429, cache: 'no-store' });
}

const signedInRedirect = (reply: FastifyReply, lang: Lang, signedIn: SignedIn) =>
  reply.header('cache-control', 'no-store').redirect(signedIn.nextPath ?? loginPaths.me(lang), 303);

export function registerLoginRoutes(app: FastifyInstance, deps: ModuleDeps): void {
  const { db } = deps.database;

  const context = (request: FastifyRequest): PageContext => pageContext(request, deps.site);
  const tooMany = (request: FastifyRequest, reply: FastifyReply, wait: number, view: TooManyView) =>
    sendTooMany(context(request), reply, wait, view);

  app.get('/:lang/login', { config: { ...pub, auth: 'optional' } }, async (request, reply) => {
    langParam(request);
    const query = request.query as Record<string, unknown>;
    const page = views.loginPage(context(request), {
      csrfToken: reply.csrfToken(),
      next: safeNext(query.next),
      email: '',
      errors: {},
      signedOut: query.signed_out === '1' && !request.auth,
      signedInAs: request.auth?.account?.email,
    });
    return send(request, reply, page);
  });

  app.post('/:lang/login', { config: { ...pub, rateLimit: SEND_PER_IP } }, async (request, reply) => {
    const lang = langParam(request);
    const typed = bodyField(request.body, 'email').trim();
    const next = safeNext(bodyField(request.body, 'next'));
    const email = normalizeEmail(typed);
    const errors: FormErrors = {};
    if (!typed) errors.email = 'error.emailRequired';
    else if (!isValidEmail(email)) errors.email = 'error.emailInvalid';
    if (errors.email) {
      const page = views.loginPage(context(request), {
        csrfToken: reply.csrfToken(),
        next,
        email: typed,
        errors,
        signedOut: false,
        signedInAs: undefined,
      });
      return send(request, reply, page, 422);
    }

    const key = `${SEND_PER_ADDRESS.name}:${addressKey(deps.secret, email)}`;
    const wait = await deps.rateLimiter.hit(key, SEND_PER_ADDRESS);
    if (wait !== undefined) return tooMany(request, reply, wait, { kind: 'send', email, next });

    const regionId = request.region.id;
    const origin = siteOrigin(request);
    const site = views.siteName(request, lang);
    const ttlMinutes = await db.transaction().execute(async (trx) => {
      const link = await createSignInLink(trx, { regionId, email, language: lang, origin, nextPath: next });
      const mail = views.signInMail(lang, site, link);
      await queueMail(trx, deps.queue, { regionId, to: email, language: lang, ...mail });
      return link.ttlMinutes;
    });
    // The same page, status and text for every valid address, with an account or without.
    const page = views.sentPage(context(request), {
      csrfToken: reply.csrfToken(),
      email,
      code: '',
      errors: {},
      next,
      ttlMinutes,
      sentTo: email,
    });
    return send(request, reply, page);
  });

  app.get(
    '/:lang/login/link/:token',
    { config: { ...pub, rateLimit: LINK_PAGE_PER_IP }, onSend: noReferrer },
    async (request, reply) => {
      langParam(request);
      const { token } = request.params as { token: string };
      const state = await liveLink(db, request.region.id, token);
      if (!state) return send(request, reply, views.gonePage(context(request), LOGIN_TTL_MINUTES), 410);
      const page = views.confirmPage(context(request), {
        token,
        email: state.email,
        newAccount: state.newAccount,
        csrfToken: reply.csrfToken(),
      });
      return send(request, reply, page);
    },
  );

  app.post(
    '/:lang/login/link',
    { config: { ...pub, rateLimit: LINK_PER_IP }, onSend: noReferrer },
    async (request, reply) => {
      const lang = langParam(request);
      const signedIn = await signInWithLink(db, deps.sessions, {
        regionId: request.region.id,
        token: bodyField(request.body, 'token'),
        browser: deps.sessions.browserOf(request),
      });
      if (!signedIn) return send(request, reply, views.gonePage(context(request), LOGIN_TTL_MINUTES), 410);
      deps.sessions.setCookie(reply, signedIn.sessionToken);
      return signedInRedirect(reply, lang, signedIn);
    },
  );

  app.post('/:lang/login/code', { config: { ...pub, rateLimit: CODE_PER_IP } }, async (request, reply) => {
    const lang = langParam(request);
    const typedEmail = bodyField(request.body, 'email').trim();
    const typedCode = bodyField(request.body, 'code').trim();
    const email = normalizeEmail(typedEmail);
    const code = normalizeCode(typedCode);
    const errors: FormErrors = {};
    if (!typedEmail) errors.email = 'error.emailRequired';
    else if (!isValidEmail(email)) errors.email = 'error.emailInvalid';
    if (!typedCode) errors.code = 'error.codeRequired';
    else if (!code) errors.code = 'error.codeFormat';
    const again = (status: number) =>
      send(
        request,
        reply,
        views.sentPage(context(request), {
          csrfToken: reply.csrfToken(),
          email: typedEmail,
          code: typedCode,
          errors,
          next: undefined,
          ttlMinutes: LOGIN_TTL_MINUTES,
        }),
        status,
      );
    if (errors.email || errors.code || !code) return again(422);

    const addressHash = addressKey(deps.secret, email);
    const [short, day] = await Promise.all([
      deps.rateLimiter.hit(`${CODE_PER_ADDRESS.name}:${addressHash}`, CODE_PER_ADDRESS),
      deps.rateLimiter.hit(`${CODE_PER_ADDRESS_DAY.name}:${addressHash}`, CODE_PER_ADDRESS_DAY),
    ]);
    const wait = short === undefined && day === undefined ? undefined : Math.max(short ?? 0, day ?? 0);
    if (wait !== undefined) return tooMany(request, reply, wait, { kind: 'code', email, next: undefined });

    const result = await signInWithCode(db, deps.sessions, {
      regionId: request.region.id,
      email,
      code,
      browser: deps.sessions.browserOf(request),
    });
    if (result.ok) {
      deps.sessions.setCookie(reply, result.signedIn.sessionToken);
      return signedInRedirect(reply, lang, result.signedIn);
    }
    errors.code = result.burnt ? 'error.codeBurnt' : 'error.codeWrong';
    return again(422);
  });

  app.post('/:lang/logout', { config: { permission: Permission.SignedIn } }, async (request, reply) => {
    const lang = langParam(request);
    await signOut(db, deps.sessions, {
      regionId: request.region.id,
      principal: request.auth,
      browserToken: deps.sessions.browserToken(request),
    });
    deps.sessions.clearCookie(reply);
    return reply.header('cache-control', 'no-store').redirect(`${loginPaths.login(lang)}?signed_out=1`, 303);
  });
}
