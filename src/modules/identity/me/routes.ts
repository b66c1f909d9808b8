/**
 * The own page at /sv/me and /en/me for everyone signed in: profile and language, organisations,
 * a link to sign-in and security, the sessions (end one, everywhere else, everywhere), the data
 * export as JSON and account deletion. The security pages (/me/security, /me/second-factor) are
 * another part's.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleDeps } from '../../../platform/module.ts';
import type { PrincipalAccount } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { Permission } from '../../../platform/permissions.ts';
import { normalizeEmail } from '../accounts.ts';
import { hasSecondFactor } from '../second-factor/service.ts';
import {
  accountDetails,
  deleteAccount,
  endSession,
  endSessions,
  exportAccount,
  isLastRegionAdmin,
  readProfileForm,
  recordExport,
  sessionByHandle,
  sessionHandle,
  updateProfile,
  validateProfile,
  type ProfileErrors,
  type ProfileValues,
} from './service.ts';
import * as views from './views.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { AnyQuery, FormBody, LangParams, type App } from '../../../platform/http/schema.ts';

const signedIn = { permission: Permission.SignedIn } as const;

const LangRoute = { params: LangParams };
const ProfileForm = FormBody('display_name', 'language');

const stockholmDay = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The signed-in person (the permission check guarantees one; an API token never reaches here). */
function person(request: FastifyRequest): { account: PrincipalAccount; sessionId: string | undefined } {
  const account = request.auth?.account;
  if (!account) throw new AppError('LOTSA_UNAUTHENTICATED');
  return { account, sessionId: request.auth?.session?.id };
}

/** The own pages are never stored anywhere. */
const send = (_request: FastifyRequest, reply: FastifyReply, page: Page, status = 200) =>
  reply.page(page, { status, cache: 'no-store' });

export function registerMeRoutes(app: App, deps: ModuleDeps): void {
  const { sessions } = deps;
  const db = deps.database.db;

  const showMe = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    form?: { values: ProfileValues; errors: ProfileErrors },
    notice?: views.Notice,
  ) => {
    const { account, sessionId } = person(request);
    const regionId = request.region.id;
    // The memberships were read with the session; only the account's dates and the sessions are new.
    const memberships = request.auth?.memberships ?? [];
    const [details, list] = await Promise.all([
      accountDetails(db, regionId, account.id),
      sessions.list(regionId, account.id, sessionId),
    ]);
    if (!details) throw new AppError('LOTSA_UNAUTHENTICATED');
    const csrfToken = reply.csrfToken();
    const context = {
      db,
      region: request.region,
      regionId,
      accountId: account.id,
      email: details.email,
      lang,
      csrfToken,
      query: request.query as Record<string, unknown>,
    };
    const sections = (
      await Promise.all(deps.ownPageSections.map((section) => section.render(context)))
    ).filter((s) => s !== null);
    const page = views.mePage({
      sections,
      lang,
      csrfToken,
      account: details,
      memberships,
      sessions: list.map((s) => ({
        handle: sessionHandle(deps.secret, s.id),
        device: s.device,
        method: s.method,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        current: s.current,
      })),
      profile: form ?? {
        values: { displayName: details.displayName, language: details.language },
        errors: {},
      },
      notice,
    });
    return send(request, reply, page, form ? 422 : 200);
  };

  app.get(
    '/:lang/me',
    { schema: { ...LangRoute, querystring: AnyQuery }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const { query } = request;
      const notice: views.Notice | undefined =
        query.saved === '1'
          ? 'saved'
          : query.ended === '1'
            ? 'sessionEnded'
            : query.ended === 'others'
              ? 'othersEnded'
              : undefined;
      return showMe(request, reply, lang, undefined, notice);
    },
  );

  app.post(
    '/:lang/me/profile',
    { schema: { ...LangRoute, body: ProfileForm }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const { account } = person(request);
      const values = readProfileForm(request.body);
      const errors = validateProfile(values);
      if (errors.displayName || errors.language) return showMe(request, reply, lang, { values, errors });
      await updateProfile(db, request.region.id, account.id, {
        displayName: values.displayName,
        language: values.language === 'en' ? 'en' : 'sv',
      });
      return reply.redirect(`${views.paths.me(lang)}?saved=1#profile`, 303);
    },
  );

  const endOne = { ...LangRoute, body: FormBody('session') };
  app.post('/:lang/me/sessions/end', { schema: endOne, config: signedIn }, async (request, reply) => {
    const lang = langParam(request);
    const { account, sessionId } = person(request);
    const regionId = request.region.id;
    const list = await sessions.list(regionId, account.id, sessionId);
    const session = sessionByHandle(deps.secret, list, request.body.session);
    if (!session) throw new AppError('LOTSA_NOT_FOUND');
    if (!(await endSession(db, sessions, regionId, account.id, session)))
      throw new AppError('LOTSA_NOT_FOUND');
    if (session.current) {
      sessions.clearCookie(reply);
      return reply.redirect(`${views.paths.login(lang)}?signed_out=1`, 303);
    }
    return reply.redirect(`${views.paths.me(lang)}?ended=1#sessions`, 303);
  });

  app.post(
    '/:lang/me/sessions/end-others',
    { schema: LangRoute, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const { account, sessionId } = person(request);
      if (!sessionId) throw new AppError('LOTSA_UNAUTHENTICATED');
      await endSessions(db, sessions, request.region.id, account.id, sessionId);
      return reply.redirect(`${views.paths.me(lang)}?ended=others#sessions`, 303);
    },
  );

  app.post('/:lang/me/sessions/end-all', { schema: LangRoute, config: signedIn }, async (request, reply) => {
    const lang = langParam(request);
    const { account } = person(request);
    await endSessions(db, sessions, request.region.id, account.id, undefined);
    sessions.clearCookie(reply);
    return reply.redirect(`${views.paths.login(lang)}?signed_out=1`, 303);
  });

  app.get(
    '/:lang/me/export.json',
    {
      schema: LangRoute,
      config: { ...signedIn, rateLimit: { name: 'me-export', max: 30, windowSeconds: 3600 } },
    },
    async (request, reply) => {
      langParam(request);
      const { account, sessionId } = person(request);
      const regionId = request.region.id;
      const list = await sessions.list(regionId, account.id, sessionId);
      const data = await exportAccount(db, regionId, account.id, list, deps.personalData);
      if (!data) throw new AppError('LOTSA_UNAUTHENTICATED');
      await recordExport(db, regionId, account.id);
      const day = stockholmDay.format(new Date());
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="lotsa-account-${day}.json"`)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(data, null, 2) + '\n');
    },
  );

  registerDeletionRoutes(app, deps);
}

/** /me/delete (asks again for the second factor when the account has one) and /me/deleted. */
function registerDeletionRoutes(app: App, deps: ModuleDeps): void {
  const { sessions } = deps;
  const db = deps.database.db;

  const showDelete = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    state: { value: string; error?: boolean; lastAdmin: boolean },
    status: number,
  ) => {
    const { account } = person(request);
    return send(
      request,
      reply,
      views.deletePage({ lang, csrfToken: reply.csrfToken(), email: account.email, ...state }),
      status,
    );
  };

  /**
   * Deleting an account that has a second factor needs a session that has shown it (as changing
   * factors does): one stolen sign-in e-mail must not be enough to erase a staff account.
   */
  const needsSecondFactor = async (request: FastifyRequest, lang: Lang, accountId: string) => {
    const session = request.auth?.session;
    if (!session || session.secondFactorAt !== null) return undefined;
    if (!(await hasSecondFactor(db, request.region.id, accountId))) return undefined;
    return `${localPath(lang, '/me/second-factor')}?next=${encodeURIComponent(localPath(lang, '/me/delete'))}`;
  };

  app.get(
    '/:lang/me/delete',
    { schema: { params: LangParams }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const { account } = person(request);
      const verify = await needsSecondFactor(request, lang, account.id);
      if (verify) return reply.header('cache-control', 'no-store').redirect(verify, 303);
      const lastAdmin = await isLastRegionAdmin(db, request.region.id, account.id);
      return showDelete(request, reply, lang, { value: '', lastAdmin }, 200);
    },
  );

  app.post(
    '/:lang/me/delete',
    {
      schema: { params: LangParams, body: FormBody('confirm') },
      config: { ...signedIn, rateLimit: { name: 'me-delete', max: 20, windowSeconds: 3600 } },
    },
    async (request, reply) => {
      const lang = langParam(request);
      const { account } = person(request);
      const regionId = request.region.id;
      const verify = await needsSecondFactor(request, lang, account.id);
      if (verify) return reply.header('cache-control', 'no-store').redirect(verify, 303);
      const typed = (request.body.confirm ?? '').slice(0, 300);
      if (normalizeEmail(typed) !== account.email) {
        const lastAdmin = await isLastRegionAdmin(db, regionId, account.id);
        return showDelete(
          request,
          reply,
          lang,
          { value: typed, error: !lastAdmin, lastAdmin },
          lastAdmin ? 409 : 422,
        );
      }
      const outcome = await deleteAccount(db, regionId, account.id, deps.personalData);
      if (outcome === 'last-admin')
        return showDelete(request, reply, lang, { value: typed, lastAdmin: true }, 409);
      // The account's sessions went with it (cascade); only the cookie is left.
      sessions.clearCookie(reply);
      return reply.header('cache-control', 'no-store').redirect(views.paths.deleted(lang), 303);
    },
  );

  app.get(
    '/:lang/me/deleted',
    { schema: { params: LangParams }, config: { permission: Permission.Public } },
    async (request, reply) => {
      const lang = langParam(request);
      return send(request, reply, views.deletedPage(lang));
    },
  );
}
