/**
 * The one error sink: every error becomes a catalogue code and is answered as RFC 9457 problem
 * details (`application/problem+json`, problem.ts) to programs and as an HTML page to browsers, in
 * the page's language (the signed-in person's own choice on pages without a language in their
 * URL), with the request id. A 405 carries Allow. Never a stack trace or SQL.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../errors.ts';
import { toAppError } from '../errors.ts';
import { html } from '../html/html.ts';
import { localPath, renderPage, type Site } from '../html/layout.ts';
import { shell } from '../html/messages.ts';
import { negotiateLanguage, isLang, type Lang } from '../i18n/index.ts';
import { pageContext, sendHtml } from '../html/send.ts';
import { siteOrigin } from './origin.ts';
import { PROBLEM_CONTENT_TYPE, problemOf } from './problem.ts';

/** JSON for /api/ paths and for clients that ask for JSON rather than HTML. */
export function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accept = request.headers.accept ?? '';
  if (accept.includes('text/html')) return false;
  return accept.includes('json') || String(request.headers['content-type'] ?? '').includes('json');
}

/** The /sv or /en prefix of a URL, when it has one. */
function prefixLanguage(url: string): Lang | undefined {
  const prefix = url.slice(1, 3);
  return isLang(prefix) && (url.length === 3 || '/?'.includes(url[3] as string)) ? prefix : undefined;
}

export function languageOf(request: FastifyRequest): Lang {
  return prefixLanguage(request.url) ?? negotiateLanguage(request.headers['accept-language']);
}

/**
 * The language of an error page or a redirect: the URL's /sv or /en when it has one; else the
 * signed-in person's own choice (as on back-office pages); else the browser's.
 */
export function errorLanguage(request: FastifyRequest): Lang {
  return (
    prefixLanguage(request.url) ?? request.auth?.account?.language ?? request.lang ?? languageOf(request)
  );
}

/** Where a browser is sent instead of an error page: sign in, or show a second factor, then return. */
const REDIRECTS: Partial<Record<AppError['code'], string>> = {
  LOTSA_UNAUTHENTICATED: '/login',
  LOTSA_SECOND_FACTOR_REQUIRED: '/me/second-factor',
};

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError, site: Site) {
  const lang = errorLanguage(request);
  const redirect = REDIRECTS[error.code];
  if (redirect && (request.method === 'GET' || request.method === 'HEAD') && !wantsJson(request)) {
    const next = encodeURIComponent(request.url);
    return reply
      .code(303)
      .header('cache-control', 'no-store')
      .redirect(`${localPath(lang, redirect)}?next=${next}`, 303);
  }
  if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
  reply.code(error.status).header('cache-control', 'no-store');
  if (error.allow) reply.header('allow', error.allow.join(', '));
  const title = shell.t(lang, `error.${error.code}.title` as Parameters<typeof shell.t>[1]);
  const text = shell.t(lang, `error.${error.code}.text` as Parameters<typeof shell.t>[1]);
  if (wantsJson(request) || !request.region) {
    const problem = problemOf(error.code, {
      origin: siteOrigin(request),
      lang,
      url: request.url,
      requestId: request.id,
      fields: error.fields,
    });
    return reply.type(PROBLEM_CONTENT_TYPE).send(problem);
  }
  const main = html`<div class="wrap prose error-page">
    <h1>${title}</h1>
    <p>${text}</p>
    <p class="error-page__id">${shell.t(lang, 'errorRequestId', { requestId: request.id })}</p>
    <p><a href="${localPath(lang, '/')}">${shell.t(lang, 'errorBackHome')}</a></p>
  </div>`;
  const body = renderPage(pageContext(request, site, lang), {
    title,
    description: text,
    path: '/',
    main,
    noindex: true,
  });
  return sendHtml(reply, body, { status: error.status });
}

export { toAppError };
