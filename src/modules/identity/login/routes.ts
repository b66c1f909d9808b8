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
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
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
import { AnyQuery, FormBody, LangParams, PathParams, type App } from '../../../platform/http/schema.ts';
import { pageContext } from '../../../platform/html/send.ts';

const pub = { permission: Permission.Public } as const;

const EmailForm = { params: LangParams, body: FormBody('email', 'next') };
const CodeForm = { params: LangParams, body: FormBody('email', 'code') };
const LinkPage = { params: PathParams('lang', 'token') };
const LinkForm = { params: LangParams, body: FormBody('token') };

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

/** What the sign-in routes share: the deps, a page's context and the 429 page. */
interface LoginHttp {
  deps: ModuleDeps;
  context(request: FastifyRequest): PageContext;
  tooMany(
    request: FastifyRequest,
    reply: FastifyReply,
    wait: number,
    view: TooManyView,
  ): ReturnType<typeof sendTooMany>;
}

/** The e-mail form: GET shows it, POST mails a link and a code (the same answer for every address). */
function registerEmailRoutes(app: App, { deps, context, tooMany }: LoginHttp): void {
  const { db } = deps.database;
  const route = {
    schema: { params: LangParams, querystring: AnyQuery },
    config: { ...pub, auth: 'optional' },
  } as const;
  app.get('/:lang/login', route, async (request, reply) => {
    langParam(request);
    const page = views.loginPage(context(request), {
      csrfToken: reply.csrfToken(),
      next: safeNext(request.query.next),
      email: '',
      errors: {},
      signedOut: request.query.signed_out === '1' && !request.auth,
      signedInAs: request.auth?.account?.email,
    });
    return send(request, reply, page);
  });

  app.post(
    '/:lang/login',
    { schema: EmailForm, config: { ...pub, rateLimit: SEND_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const typed = (request.body.email ?? '').trim();
      const next = safeNext(request.body.next);
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
    },
  );
}

/** The link from the mail: a confirm page (mail scanners open links), then the POST that signs in. */
function registerLinkRoutes(app: App, { deps, context }: LoginHttp): void {
  const { db } = deps.database;
  app.get(
    '/:lang/login/link/:token',
    { schema: LinkPage, config: { ...pub, rateLimit: LINK_PAGE_PER_IP }, onSend: noReferrer },
    async (request, reply) => {
      langParam(request);
      const { token } = request.params;
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
    { schema: LinkForm, config: { ...pub, rateLimit: LINK_PER_IP }, onSend: noReferrer },
    async (request, reply) => {
      const lang = langParam(request);
      const signedIn = await signInWithLink(db, deps.sessions, {
        regionId: request.region.id,
        token: request.body.token ?? '',
        browser: deps.sessions.browserOf(request),
      });
      if (!signedIn) return send(request, reply, views.gonePage(context(request), LOGIN_TTL_MINUTES), 410);
      deps.sessions.setCookie(reply, signedIn.sessionToken);
      return signedInRedirect(reply, lang, signedIn);
    },
  );
}

/** The code from the mail, typed with the address (limited per address as well as per IP). */
function registerCodeRoute(app: App, { deps, context, tooMany }: LoginHttp): void {
  const { db } = deps.database;
  app.post(
    '/:lang/login/code',
    { schema: CodeForm, config: { ...pub, rateLimit: CODE_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const typedEmail = (request.body.email ?? '').trim();
      const typedCode = (request.body.code ?? '').trim();
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
    },
  );
}

export function registerLoginRoutes(app: App, deps: ModuleDeps): void {
  const context = (request: FastifyRequest): PageContext => pageContext(request, deps.site);
  const http: LoginHttp = {
    deps,
    context,
    tooMany: (request, reply, wait, view) => sendTooMany(context(request), reply, wait, view),
  };
  registerEmailRoutes(app, http);
  registerLinkRoutes(app, http);
  registerCodeRoute(app, http);

  const { db } = deps.database;
  app.post(
    '/:lang/logout',
    { schema: { params: LangParams }, config: { permission: Permission.SignedIn } },
    async (request, reply) => {
      const lang = langParam(request);
      await signOut(db, deps.sessions, {
        regionId: request.region.id,
        principal: request.auth,
        browserToken: deps.sessions.browserToken(request),
      });
      deps.sessions.clearCookie(reply);
      return reply
        .header('cache-control', 'no-store')
        .redirect(`${loginPaths.login(lang)}?signed_out=1`, 303);
    },
  );
}
