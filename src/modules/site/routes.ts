/**
 * The public site's own pages: language redirect (the home page is the content module's), accessibility statement with its feedback
 * form, privacy notice, easy-to-read Swedish, sitemap.xml and robots.txt.
 */
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { localPath, type Page, type PageContext } from '../../platform/html/layout.ts';
import { pageContext } from '../../platform/html/send.ts';
import { siteOrigin } from '../../platform/http/origin.ts';
import { negotiateLanguage } from '../../platform/i18n/index.ts';
import { Permission } from '../../platform/permissions.ts';
import {
  FEEDBACK_FIELDS,
  readFeedbackForm,
  submitFeedback,
  validateFeedback,
  type FeedbackFormState,
} from './feedback.ts';
import { Sitemaps } from './sitemap.ts';
import * as views from './views.ts';
import { langParam } from '../../platform/http/lang.ts';
import { FormBody, LangParams, type App } from '../../platform/http/schema.ts';

const pub = { permission: Permission.Public } as const;
const langPage = { schema: { params: LangParams }, config: pub };
const FeedbackForm = FormBody(...FEEDBACK_FIELDS);

export function registerSiteRoutes(app: App, deps: ModuleDeps): void {
  const { site } = deps;
  const context = (request: FastifyRequest): PageContext => pageContext(request, site);
  /** A page with a form token for this browser alone: never kept by a shared cache. */
  const sendForm = (reply: FastifyReply, page: Page, status = 200) =>
    reply.page(page, { status, cache: 'private, no-store' });
  const emptyForm = (reply: FastifyReply): FeedbackFormState => ({
    values: { message: '', page_url: '', name: '', email: '' },
    errors: {},
    csrfToken: reply.csrfToken(),
  });

  app.get('/', { config: pub }, async (request, reply) => {
    const lang = negotiateLanguage(request.headers['accept-language']);
    const target = request.region.languages.includes(lang) ? lang : request.region.defaultLanguage;
    return reply
      .header('vary', 'accept-language')
      .header('cache-control', 'no-cache')
      .redirect(`/${target}/`, 302);
  });
  app.get('/:lang', langPage, async (request, reply) => reply.redirect(`/${langParam(request)}/`, 301));

  app.get('/:lang/accessibility', langPage, async (request, reply) => {
    langParam(request);
    return sendForm(reply, views.accessibility(context(request), emptyForm(reply)));
  });

  app.post(
    '/:lang/accessibility/feedback',
    {
      schema: { params: LangParams, body: FeedbackForm },
      config: { ...pub, rateLimit: { name: 'feedback', max: 10, windowSeconds: 3600 } },
    },
    async (request, reply) => {
      const lang = langParam(request);
      const values = readFeedbackForm(request.body);
      const errors = validateFeedback(values);
      if (Object.keys(errors).length > 0) {
        const form = { values, errors, csrfToken: reply.csrfToken() };
        return sendForm(reply, views.accessibility(context(request), form), 422);
      }
      await submitFeedback(
        { db: deps.database.db, queue: deps.queue },
        request.region,
        lang,
        values,
        siteOrigin(request),
      );
      return reply.redirect(localPath(lang, '/accessibility/feedback/sent'), 303);
    },
  );

  app.get('/:lang/accessibility/feedback/sent', langPage, async (request, reply) => {
    langParam(request);
    return reply.page(views.feedbackSent(context(request)));
  });

  app.get('/:lang/privacy', langPage, async (request, reply) => {
    const lang = langParam(request);
    const more = await Promise.all(
      deps.privacyProcessing.map(async (p) => ({
        id: p.id,
        ...(await p.describe(deps.database.db, request.region.id, lang)),
      })),
    );
    return reply.page(views.privacy(context(request), more));
  });

  app.get('/sv/lattlast', { config: pub }, async (request, reply) => {
    return reply.page(views.easyToRead(context(request)));
  });

  app.get('/robots.txt', { config: pub }, async (request, reply) => {
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600');
    return `User-agent: *\nDisallow: /admin\nDisallow: /api/\nAllow: /\n\nSitemap: ${siteOrigin(request)}/sitemap.xml\n`;
  });

  const sitemaps = new Sitemaps(site);
  const sendXml = (reply: FastifyReply, body: string | Readable) =>
    reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(body);

  // ETag and 304 (platform/http/conditional.ts) for the files sent as text; streamed ones have none.
  const sitemap = { ...pub, conditional: true } as const;
  app.get('/sitemap.xml', { config: sitemap }, async (request, reply) =>
    sendXml(reply, await sitemaps.root(request.region, siteOrigin(request))),
  );

  // The numbered files of a sitemap index (sitemap.ts).
  app.get('/sitemap-:n.xml', { config: sitemap }, async (request, reply) => {
    const { n } = request.params as { n: string };
    const file = /^[1-9][0-9]{0,5}$/.test(n)
      ? await sitemaps.file(request.region, siteOrigin(request), Number(n))
      : null;
    if (file === null) throw new AppError('LOTSA_NOT_FOUND');
    return sendXml(reply, file);
  });
}
