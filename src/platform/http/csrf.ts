/**
 * CSRF protection for every state-changing route. Two checks, both must pass:
 * 1. the browser says the request is not cross-site (Sec-Fetch-Site, else Origin against our host);
 * 2. a token from the form (`_csrf`) or the `x-csrf-token` header matches the HMAC of the CSRF
 *    cookie (signed double submit), so a token cannot be minted without our secret.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const COOKIE_VALUE = /^[A-Za-z0-9_-]{20,64}$/;

export function installCsrf(app: FastifyInstance, options: { secret: string; secure: boolean }): void {
  const cookieName = options.secure ? '__Host-lotsa_csrf' : 'lotsa_csrf';
  const sign = (value: string) =>
    createHmac('sha256', options.secret).update(`csrf:${value}`).digest('base64url');

  // The token for forms on this page; sets the cookie on this reply when the browser has none yet.
  app.decorateReply('csrfToken', function (this: FastifyReply) {
    let value = this.request.cookies[cookieName];
    if (!value || !COOKIE_VALUE.test(value)) {
      value = randomBytes(18).toString('base64url');
      this.request.cookies[cookieName] = value;
      this.setCookie(cookieName, value, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secure,
      });
    }
    return sign(value);
  });

  // preValidation: the body is parsed but not yet checked by the route's schema, so a forged request
  // is refused as forged whatever its body looks like (never the schema's 400 first).
  app.addHook('preValidation', (request, _reply, done) => {
    // Unknown routes answer 404 whatever the method; nothing there can change state.
    if (SAFE_METHODS.has(request.method) || request.is404 || request.routeConfig.csrf === false) {
      return done();
    }
    if (!sameOrigin(request))
      return done(new AppError('LOTSA_CSRF_REJECTED', { detail: 'cross-site request' }));
    if (request.routeConfig.csrf === 'origin') return done();
    const sent = request.headers['x-csrf-token'] ?? formToken(request.body);
    const cookie = request.cookies[cookieName];
    if (typeof sent !== 'string' || !cookie) {
      return done(new AppError('LOTSA_CSRF_REJECTED', { detail: 'missing token' }));
    }
    const expected = Buffer.from(sign(cookie));
    const given = Buffer.from(sent);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return done(new AppError('LOTSA_CSRF_REJECTED', { detail: 'token mismatch' }));
    }
    done();
  });
}

/** The `_csrf` field of a parsed form body, whatever the route's body schema says of the rest. */
function formToken(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('_csrf' in body)) return undefined;
  return typeof body._csrf === 'string' ? body._csrf : undefined;
}

function sameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  // Fetch metadata cannot be set by pages, so it is trusted when present. It also covers pages
  // sent with `Referrer-Policy: no-referrer` (the sign-in link), whose forms post `Origin: null`.
  if (site === 'same-origin') return true;
  if (site === 'cross-site' || site === 'same-site') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return site === 'same-origin' || site === 'none' || site === undefined;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}
