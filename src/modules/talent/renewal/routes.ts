/**
 * The renewal link's pages (no sign-in needed: the link is the proof, like a sign-in link):
 *
 * - GET /:lang/talent-pool/stay/:token: a page with one button (GET never renews: mail scanners
 *   open links); 410 when the link is unknown or its profile gone.
 * - POST /:lang/talent-pool/stay: renews (the token in the form); the thank-you page.
 */
import type { FastifyReply } from 'fastify';
import { csrfField, hiddenField } from '../../../platform/html/forms.ts';
import { html } from '../../../platform/html/html.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import { langParam } from '../../../platform/http/lang.ts';
import type { RateLimitRule } from '../../../platform/http/rate-limit.ts';
import { FormBody, LangParams, PathParams, type App } from '../../../platform/http/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { talentSettings } from '../profiles.ts';
import { renewalMessages as m } from './messages.ts';
import { profileForToken, renewByToken, RENEW_PATH } from './service.ts';

export const RENEW_PAGE_PER_IP: RateLimitRule = { name: 'talent-renew-page', max: 60, windowSeconds: 900 };
export const RENEW_PER_IP: RateLimitRule = { name: 'talent-renew', max: 30, windowSeconds: 900 };

const pub = { permission: Permission.Public } as const;
const noReferrer = html`<meta name="referrer" content="no-referrer" />`;

function gonePage(lang: Lang): Page {
  return {
    title: m.t(lang, 'gone.title'),
    description: m.t(lang, 'gone.description'),
    path: RENEW_PATH,
    noindex: true,
    head: noReferrer,
    main: html`<div class="wrap prose">
      <h1>${m.t(lang, 'gone.title')}</h1>
      <p>${m.t(lang, 'gone.text')}</p>
      <p><a class="button" href="${localPath(lang, '/talent-pool')}">${m.t(lang, 'gone.join')}</a></p>
    </div>`,
  };
}

const send = (reply: FastifyReply, page: Page, status = 200) =>
  reply.header('referrer-policy', 'no-referrer').page(page, { status, cache: 'no-store' });

export function registerRenewalRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;

  app.get(
    `/:lang${RENEW_PATH}/:token`,
    { schema: { params: PathParams('lang', 'token') }, config: { ...pub, rateLimit: RENEW_PAGE_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const { token } = request.params;
      const profile = await profileForToken(db, request.region.id, token);
      if (!profile) return send(reply, gonePage(lang), 410);
      const title = m.t(lang, 'page.title');
      return send(reply, {
        title,
        description: m.t(lang, 'page.description'),
        path: RENEW_PATH,
        noindex: true,
        head: noReferrer,
        main: html`<div class="wrap prose">
          <h1>${title}</h1>
          <p>${m.t(lang, 'page.text')}</p>
          ${profile.status === 'hidden' ? html`<p>${m.t(lang, 'page.hidden')}</p>` : ''}
          <form class="form" method="post" action="${localPath(lang, RENEW_PATH)}">
            ${csrfField(reply.csrfToken())} ${hiddenField('token', token)}
            <button class="button" type="submit">${m.t(lang, 'page.submit')}</button>
          </form>
          <p>${m.t(lang, 'page.notNow')}</p>
        </div>`,
      });
    },
  );

  app.post(
    `/:lang${RENEW_PATH}`,
    { schema: { params: LangParams, body: FormBody('token') }, config: { ...pub, rateLimit: RENEW_PER_IP } },
    async (request, reply) => {
      const lang = langParam(request);
      const regionId = request.region.id;
      const renewed = await renewByToken(db, regionId, request.body.token ?? '');
      if (!renewed) return send(reply, gonePage(lang), 410);
      const settings = await talentSettings(db, regionId);
      const title = m.t(lang, 'done.title');
      return send(reply, {
        title,
        description: title,
        path: RENEW_PATH,
        noindex: true,
        head: noReferrer,
        main: html`<div class="wrap prose">
          <h1>${title}</h1>
          <p>${m.t(lang, 'done.text', { months: settings.renewAfterMonths })}</p>
          <p><a class="button" href="${localPath(lang, '/me')}">${m.t(lang, 'done.me')}</a></p>
        </div>`,
      });
    },
  );
}
