/**
 * CSRF protection for every state-changing route. Two checks, both must pass:
 * 1. the browser says the request is not cross-site (Sec-Fetch-Site, else Origin against our host);
 * 2. a token from the form (`_csrf`) or the `x-csrf-token` header matches the HMAC of the CSRF
 *    cookie (signed double submit), so a token cannot be minted without our secret.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installCsrf(app: FastifyInstance, options: { secret: string; secure: boolean }): void {
  const cookieName = options.secure ? '__Host-lotsa_csrf' : 'lotsa_csrf';
  const sign = (value: string) =>
    createHmac('sha256', options.secret).update(`csrf:${value}`).digest('base64url');

  app.decorateRequest('csrfToken', function (this: FastifyRequest) {
    let value = this.cookies[cookieName];
    if (!value || !/^[A-Za-z0-9_-]{20,64}$/.test(value)) {
      value = randomBytes(18).toString('base64url');
      this.cookies[cookieName] = value;
      // Set the cookie on the reply that renders this form.
      (this as FastifyRequest & { csrfCookieToSet?: string }).csrfCookieToSet = value;
    }
    return sign(value);
  });

  app.addHook('onSend', async (request, reply) => {
    const value = (request as FastifyRequest & { csrfCookieToSet?: string }).csrfCookieToSet;
    if (value) {
      reply.setCookie(cookieName, value, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secure,
      });
    }
  });

  app.addHook('preHandler', async (request) => {
    // Unknown routes answer 404 whatever the method; nothing there can change state.
    if (SAFE_METHODS.has(request.method) || request.is404 || request.routeOptions.config.csrf === false)
      return;
    if (!sameOrigin(request)) throw new AppError('LOTSA_CSRF_REJECTED', { detail: 'cross-site request' });
    const body = request.body as Record<string, unknown> | undefined;
    const sent =
      request.headers['x-csrf-token'] ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
    const cookie = request.cookies[cookieName];
    if (typeof sent !== 'string' || !cookie)
      throw new AppError('LOTSA_CSRF_REJECTED', { detail: 'missing token' });
    const expected = Buffer.from(sign(cookie));
    const given = Buffer.from(sent);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new AppError('LOTSA_CSRF_REJECTED', { detail: 'token mismatch' });
    }
  });
}

function sameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return site === 'same-origin' || site === 'none' || site === undefined;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}
