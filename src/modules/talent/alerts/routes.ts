/**
 * The alerts' routes (thin: read, one service call, a page or a redirect).
 *
 * - GET /:lang/alerts/new?<search>: the new-alert form; POST /:lang/alerts creates it (a visitor
 *   gets a confirmation mail, rate limited per client and per address; signed in: active at once).
 * - GET /:lang/alerts/confirm/:token: a confirm button; POST /:lang/alerts/confirm starts it.
 * - GET and POST /alerts/unsubscribe/:token and /:lang/alerts/unsubscribe/:token: one-click
 *   unsubscribe (RFC 8058). The POST takes no CSRF token: the token in the path authenticates, and
 *   a mail client posts `List-Unsubscribe=One-Click` cross-site. Unknown token: the 404 page.
 * - POST /:lang/me/alerts/:id and /:lang/me/alerts-matches: the own page's changes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import { shell } from '../../../platform/html/messages.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { isUuid } from '../../../platform/http/params.ts';
import { AnyQuery, FormBody, LangParams, PathParams, type App } from '../../../platform/http/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { isValidEmail, mailboxKey, normalizeEmail } from '../../identity/accounts.ts';
import { liveConsents } from '../profiles.ts';
import { describeSearch, paramsOf, parseSearch, storedSearch } from './search-words.ts';
import {
  alertByUnsubscribeToken,
  alertToConfirm,
  changeAlert,
  CONFIRM_PER_IP,
  confirmAlert,
  CREATE_PER_ADDRESS,
  CREATE_PER_IP,
  createAlert,
  FREQUENCIES,
  setMatchesDigest,
  unsubscribe,
  UNSUBSCRIBE_PER_IP,
  type Frequency,
} from './service.ts';
import * as views from './views.ts';

const optional = { permission: Permission.Public, auth: 'optional' } as const;
const noStore = 'no-store';

function isFrequency(value: unknown): value is Frequency {
  return (FREQUENCIES as readonly unknown[]).includes(value);
}

export function registerAlertRoutes(app: App, deps: ModuleDeps): void {
  const { db } = deps.database;

  const words = async (request: FastifyRequest, lang: Lang, stored: string) =>
    describeSearch(db, request.region, lang, await storedSearch(db, request.region, stored));

  app.get(
    '/:lang/alerts/new',
    { schema: { params: LangParams, querystring: AnyQuery }, config: optional },
    async (request, reply) => {
      const lang = langParam(request);
      const parsed = await parseSearch(db, request.region, paramsOf(request.query));
      const account = request.auth?.account;
      const consents = account ? await liveConsents(db, request.region.id, account.id) : new Set();
      const view: views.NewAlertView = {
        lang,
        csrfToken: reply.csrfToken(),
        search: parsed.stored,
        searchWords: await describeSearch(db, request.region, lang, parsed.query),
        frequency: '',
        email: '',
        consent: false,
        signedInEmail: account?.email,
        askConsent: !consents.has('alerts'),
        errors: {},
        badSearch: parsed.problems.length
          ? parsed.problems.map((p) => `${p.param}=${p.value.slice(0, 40)}`).join(', ')
          : undefined,
      };
      return reply.page(views.newAlertPage(view), {
        status: view.badSearch ? 400 : 200,
        cache: noStore,
      });
    },
  );

  app.post(
    '/:lang/alerts',
    {
      schema: { params: LangParams, body: FormBody('search', 'frequency', 'email', 'consent') },
      config: { ...optional, rateLimit: CREATE_PER_IP },
    },
    async (request, reply) => {
      const lang = langParam(request);
      const region = request.region;
      const body = request.body;
      const parsed = await parseSearch(db, region, new URLSearchParams(body.search ?? ''));
      const account = request.auth?.account;
      const consents = account ? await liveConsents(db, region.id, account.id) : new Set();
      const askConsent = !consents.has('alerts');
      const typed = (body.email ?? '').trim();
      const email = account ? account.email : normalizeEmail(typed);
      const frequency = body.frequency;
      const consent = body.consent === 'yes';
      const errors: views.NewAlertErrors = {};
      if (!isFrequency(frequency)) errors.frequency = 'error.frequency';
      if (!account && !typed) errors.email = 'error.emailRequired';
      else if (!account && !isValidEmail(email)) errors.email = 'error.emailInvalid';
      if (askConsent && !consent) errors.consent = 'error.consent';
      const searchWords = await describeSearch(db, region, lang, parsed.query);
      const view: views.NewAlertView = {
        lang,
        csrfToken: reply.csrfToken(),
        search: parsed.stored,
        searchWords,
        frequency: isFrequency(frequency) ? frequency : '',
        email: typed,
        consent,
        signedInEmail: account?.email,
        askConsent,
        errors,
        badSearch: parsed.problems.length
          ? parsed.problems.map((p) => `${p.param}=${p.value.slice(0, 40)}`).join(', ')
          : undefined,
      };
      if (view.badSearch) return reply.page(views.newAlertPage(view), { status: 400, cache: noStore });
      if (Object.keys(errors).length || !isFrequency(frequency))
        return reply.page(views.newAlertPage(view), { status: 422, cache: noStore });
      if (!account) {
        const key = `${CREATE_PER_ADDRESS.name}:${mailboxKey(deps.secret, 'alerts-address', email)}`;
        const wait = await deps.rateLimiter.hit(key, CREATE_PER_ADDRESS);
        if (wait !== undefined) throw new AppError('LOTSA_RATE_LIMITED', { retryAfter: wait });
      }
      const outcome = await createAlert(db, deps.queue, {
        regionId: region.id,
        accountId: account?.id ?? null,
        email,
        lang,
        query: parsed.stored,
        frequency,
        consent: askConsent && consent,
        secret: deps.secret,
        origin: siteOrigin(request),
        site: shell.t(lang, 'siteName', { region: region.name[lang] }),
        searchWords,
      });
      if (outcome.kind === 'tooMany')
        return reply.page(views.newAlertPage({ ...view, errors: { form: 'error.tooMany' } }), {
          status: 422,
          cache: noStore,
        });
      const page =
        outcome.kind === 'mailed'
          ? views.messagePage(
              lang,
              '/alerts',
              { title: 'sent.title', text: 'sent.text' },
              { params: { email } },
            )
          : views.messagePage(
              lang,
              '/alerts',
              { title: 'created.title', text: 'created.text' },
              {
                extra: views.links(lang),
              },
            );
      return reply.page(page, { cache: noStore });
    },
  );

  const invalid = (reply: FastifyReply, lang: Lang) =>
    reply.page(views.messagePage(lang, '/alerts/confirm', { title: 'invalid.title', text: 'invalid.text' }), {
      status: 404,
      cache: noStore,
    });

  app.get(
    '/:lang/alerts/confirm/:token',
    { schema: { params: PathParams('lang', 'token') }, config: { ...optional, rateLimit: CONFIRM_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      reply.header('referrer-policy', 'no-referrer');
      const alert = await alertToConfirm(db, request.region.id, request.params.token);
      if (!alert) return invalid(reply, lang);
      const extra = views.confirmForm(
        lang,
        reply.csrfToken(),
        request.params.token,
        await words(request, lang, alert.query),
      );
      return reply.page(
        views.messagePage(
          lang,
          '/alerts/confirm',
          { title: 'confirm.title', text: 'confirm.text' },
          { extra },
        ),
        { cache: noStore },
      );
    },
  );

  app.post(
    '/:lang/alerts/confirm',
    {
      schema: { params: LangParams, body: FormBody('token') },
      config: { ...optional, rateLimit: CONFIRM_PER_IP },
    },
    async (request, reply) => {
      const lang = langParam(request);
      const alert = await confirmAlert(db, request.region.id, request.body.token ?? '');
      if (!alert) return invalid(reply, lang);
      return reply.page(
        views.messagePage(
          lang,
          '/alerts/confirm',
          { title: 'confirmed.title', text: 'confirmed.text' },
          {
            extra: views.links(lang),
          },
        ),
        { cache: noStore },
      );
    },
  );

  // One-click unsubscribe, in a scope of its own: a mail client may post multipart/form-data, whose
  // body (List-Unsubscribe=One-Click) is read and dropped here only.
  app.register(async (scope: App) => {
    scope.addContentTypeParser('multipart/form-data', (_request, payload, done) => {
      payload.on('error', done);
      payload.on('end', () => done(null, {}));
      payload.resume();
    });
    const unsubscribePage = async (
      request: FastifyRequest,
      params: { lang?: string; token: string },
      reply: FastifyReply,
      post: boolean,
    ) => {
      const region = request.region;
      // A /:lang address names its language (one of the region's, else 404); the bare one the alert's.
      const named = params.lang === undefined ? undefined : langParam(request);
      const alert = post
        ? await unsubscribe(db, region.id, params.token)
        : await alertByUnsubscribeToken(db, region.id, params.token);
      const lang = named ?? alert?.language ?? region.defaultLanguage;
      reply.header('referrer-policy', 'no-referrer');
      const path = `/alerts/unsubscribe/${params.token}`;
      if (!alert)
        return reply.page(
          views.messagePage(lang, '/alerts/unsubscribe', {
            title: 'unsubscribe.notFound.title',
            text: 'unsubscribe.notFound.text',
          }),
          { status: 404, cache: noStore, lang },
        );
      if (alert.stoppedAt)
        return reply.page(
          views.messagePage(
            lang,
            '/alerts/unsubscribe',
            { title: 'unsubscribed.title', text: 'unsubscribed.text' },
            {
              extra: html_links(lang),
            },
          ),
          { cache: noStore, lang },
        );
      const searchWords =
        alert.kind === 'search'
          ? await words(request, lang, alert.query)
          : [views.t_(lang, 'mail.matches.search')];
      const extra = views.unsubscribeForm(lang, localPath(lang, path), searchWords);
      return reply.page(
        views.messagePage(
          lang,
          '/alerts/unsubscribe',
          { title: 'unsubscribe.title', text: 'unsubscribe.text' },
          {
            extra,
          },
        ),
        { cache: noStore, lang },
      );
    };
    const html_links = (lang: Lang) => views.links(lang);
    const one = {
      config: { permission: Permission.Public, csrf: false, rateLimit: UNSUBSCRIBE_PER_IP },
    } as const;
    const bare = { schema: { params: PathParams('token') }, ...one };
    const withLang = { schema: { params: PathParams('lang', 'token') }, ...one };
    scope.get('/alerts/unsubscribe/:token', bare, (r, reply) => unsubscribePage(r, r.params, reply, false));
    scope.post('/alerts/unsubscribe/:token', bare, (r, reply) => unsubscribePage(r, r.params, reply, true));
    scope.get('/:lang/alerts/unsubscribe/:token', withLang, (r, reply) =>
      unsubscribePage(r, r.params, reply, false),
    );
    scope.post('/:lang/alerts/unsubscribe/:token', withLang, (r, reply) =>
      unsubscribePage(r, r.params, reply, true),
    );
  });

  // The own page's changes.
  const signedIn = { permission: Permission.SignedIn } as const;
  const person = (request: FastifyRequest) => {
    const account = request.auth?.account;
    if (!account) throw new AppError('LOTSA_UNAUTHENTICATED');
    return { accountId: account.id, email: account.email };
  };
  const back = (reply: FastifyReply, lang: Lang, done: string) =>
    reply.header('cache-control', noStore).redirect(`${localPath(lang, '/me')}?done=${done}#job-alerts`, 303);

  app.post(
    '/:lang/me/alerts/:id',
    { schema: { params: PathParams('lang', 'id'), body: FormBody('frequency', 'action') }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const id = request.params.id;
      if (!isUuid(id)) throw new AppError('LOTSA_NOT_FOUND');
      const action = request.body.action;
      const frequency = request.body.frequency;
      const change = action === 'delete' ? 'delete' : isFrequency(frequency) ? { frequency } : undefined;
      if (!change) throw new AppError('LOTSA_BAD_REQUEST', { fields: { frequency: 'unknown value' } });
      const changed = await changeAlert(db, request.region.id, person(request), id, change);
      if (!changed) throw new AppError('LOTSA_NOT_FOUND');
      return back(reply, lang, change === 'delete' ? 'alert-deleted' : 'alert-saved');
    },
  );

  app.post(
    '/:lang/me/alerts-matches',
    { schema: { params: LangParams, body: FormBody('on', 'frequency') }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const frequency = request.body.frequency ?? 'weekly';
      if (!isFrequency(frequency))
        throw new AppError('LOTSA_BAD_REQUEST', { fields: { frequency: 'unknown value' } });
      const owner = { ...person(request), lang, secret: deps.secret };
      await setMatchesDigest(db, request.region.id, owner, request.body.on === 'yes', frequency);
      return back(reply, lang, 'matches-saved');
    },
  );
}
