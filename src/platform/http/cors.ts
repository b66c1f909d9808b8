/**
 * CORS for the public read API only: a route with `config.cors: 'public'` answers GET and HEAD from
 * any origin (`Access-Control-Allow-Origin: *`, never with credentials, so a browser sends no
 * cookies and reads nothing that depends on them), and `allowCrossOriginReads` gives its path the
 * OPTIONS preflight. A GET of an address under /api/v1/ that no route takes (a mistyped one) gets
 * them too, so the other site's developer reads the 404 problem instead of a CORS error. Pages,
 * signed-in and token-bearing API routes have no CORS headers at all: a browser keeps other sites
 * from reading them.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Permission } from '../permissions.ts';
import type { App } from './schema.ts';

/** What a page on another site may read besides the simple headers. */
const EXPOSED = 'ETag, Last-Modified, Link, RateLimit, RateLimit-Policy, Retry-After, X-Request-Id';
/** What it may send (request headers a cross-origin GET needs: conditional, language; Content-Type
 * because many fetch() snippets send it on every request, and a GET has no body it could describe). */
const ALLOWED_HEADERS =
  'Accept, Accept-Language, Content-Type, If-None-Match, If-Modified-Since, X-Request-Id';
const METHODS = 'GET, HEAD, OPTIONS';

/** The onSend step: CORS headers on the answers (errors too) of routes marked `cors: 'public'`,
 * and on the 404 of an unrouted /api/v1/ address. */
export function corsHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const unrouted = request.routeOptions.url === undefined && request.url.startsWith('/api/v1/');
  if (request.routeConfig?.cors !== 'public' && !(unrouted && reply.statusCode === 404)) return;
  if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS') return;
  reply.header('access-control-allow-origin', '*');
  reply.header('access-control-expose-headers', EXPOSED);
}

/** The preflight for a public read route at `url`: 204 with the methods and headers it takes. */
export function allowCrossOriginReads(app: App, url: string): void {
  app.options(url, { config: { permission: Permission.Public, cors: 'public' } }, async (_request, reply) =>
    reply
      .code(204)
      .header('access-control-allow-methods', METHODS)
      .header('access-control-allow-headers', ALLOWED_HEADERS)
      .header('access-control-max-age', '86400')
      .header('allow', METHODS)
      .send(),
  );
}
