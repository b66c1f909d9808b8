/**
 * One way to send a page. `reply.page(page)` renders a public page in the site shell and
 * `reply.adminPage(page)` a back-office page in the back-office shell; both go through `sendHtml`,
 * the only place that names the HTML content type. `installPageSending` is called once in app.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { siteOrigin } from '../http/origin.ts';
import type { Lang } from '../i18n/index.ts';
import { renderAdminPage, type AdminPage } from './admin-layout.ts';
import { renderPage, type Page, type PageContext, type Site } from './layout.ts';

export interface SendOptions {
  /** HTTP status (default 200). */
  status?: number;
  /** Cache-Control; pages for one person are `no-store` (the default of `adminPage`). */
  cache?: string;
}

export interface PageOptions extends SendOptions {
  /** The page's language when it is not the request's (an invitation in the invitee's language). */
  lang?: Lang;
}

declare module 'fastify' {
  interface FastifyReply {
    /** Renders `page` in the site shell and sends it. */
    page(page: Page, options?: PageOptions): FastifyReply;
    /** Renders `page` in the back-office shell and sends it (no-store). */
    adminPage(page: AdminPage, options?: SendOptions): FastifyReply;
  }
}

/** The content type of every page (cached responses store it with their body). */
export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/** Sends finished HTML: status, Cache-Control when given, `text/html; charset=utf-8`. */
export function sendHtml(reply: FastifyReply, body: string, options: SendOptions = {}): FastifyReply {
  reply.code(options.status ?? 200);
  if (options.cache) reply.header('cache-control', options.cache);
  return reply.type(HTML_CONTENT_TYPE).send(body);
}

/** What the site shell needs to know about this request. */
export function pageContext(request: FastifyRequest, site: Site, lang: Lang = request.lang): PageContext {
  return { lang, region: request.region, origin: siteOrigin(request), site };
}

/** Decorates every reply with `page` and `adminPage`, bound to this app's site. */
export function installPageSending(app: FastifyInstance, site: Site): void {
  app.decorateReply('page', function (this: FastifyReply, page: Page, options: PageOptions = {}) {
    return sendHtml(this, renderPage(pageContext(this.request, site, options.lang), page), options);
  });
  app.decorateReply('adminPage', function (this: FastifyReply, page: AdminPage, options: SendOptions = {}) {
    const body = renderAdminPage(this.request, this, site, page);
    return sendHtml(this, body, { cache: 'no-store', ...options });
  });
}
