/**
 * Security headers on every response — pages, JSON, static files, redirects and errors alike.
 * The CSP allows only our own scripts and styles, no inline code. A page that needs an inline
 * script asks for `request.cspNonce`; only then does its response's CSP carry a nonce. The public
 * read API's CORS headers are set here too (cors.ts).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { corsHeaders } from './cors.ts';

function contentSecurityPolicy(https: boolean, nonce?: string, frameable = false): string {
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    frameable ? 'frame-ancestors *' : "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

const nonces = new WeakMap<FastifyRequest, string>();
/** Answers other sites may load (a static file marked by its handler, see `allowEmbedding`). */
const embeddable = new WeakMap<FastifyRequest, 'resource' | 'frame'>();

/**
 * Lets other sites use this one answer: 'resource' loads it cross-origin, 'frame' also shows it in
 * an iframe. Routes say it once in `config.embed`; a handler serving many kinds (static files) here.
 */
export function allowEmbedding(request: FastifyRequest, how: 'resource' | 'frame'): void {
  embeddable.set(request, how);
}

export interface SecurityHeaders {
  /** Sets every header on one reply (from the onSend hook, and for errors met before routing). */
  apply(request: FastifyRequest, reply: FastifyReply): void;
}

/** The headers every response carries, apart from a page's own CSP nonce. */
export function fixedSecurityHeaders(https: boolean): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(https),
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  };
}

export function securityHeaders(options: { https: boolean }): SecurityHeaders {
  // Built once: the same object is handed to every reply.
  const fixed = fixedSecurityHeaders(options.https);
  return {
    apply(request, reply) {
      reply.headers(fixed);
      const nonce = nonces.get(request);
      // only what the route serves may be embedded: its error pages (an unknown key's 404) keep
      // the site's own policies
      const embed =
        reply.statusCode < 400 ? (request.routeConfig?.embed ?? embeddable.get(request)) : undefined;
      if (embed) reply.header('cross-origin-resource-policy', 'cross-origin');
      if (embed === 'frame') {
        reply.removeHeader('x-frame-options');
        reply.header('content-security-policy', contentSecurityPolicy(options.https, nonce, true));
      } else if (nonce) reply.header('content-security-policy', contentSecurityPolicy(options.https, nonce));
      corsHeaders(request, reply);
    },
  };
}

export function installSecurityHeaders(app: FastifyInstance, headers: SecurityHeaders): void {
  app.decorateRequest('cspNonce', {
    getter(this: FastifyRequest) {
      let nonce = nonces.get(this);
      if (!nonce) {
        nonce = randomBytes(16).toString('base64');
        nonces.set(this, nonce);
      }
      return nonce;
    },
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    headers.apply(request, reply);
    done(null, payload);
  });
}
