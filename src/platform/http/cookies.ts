/**
 * Cookies, read only when asked for. `request.cookies` parses the Cookie header on first use (most
 * requests — probes, static files, public pages — never look); `reply.setCookie` / `clearCookie`
 * write the Set-Cookie header at once, a later cookie of the same name, domain and path replacing an
 * earlier one. The API is @fastify/cookie's (its parser and serialiser, and its types); registering
 * that plugin instead cost two hooks and two objects on every request.
 */
import { fastifyCookie, type CookieSerializeOptions, type SerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const PARSED = Symbol('lotsa.cookies');
const PENDING = Symbol('lotsa.setCookies');

type WithCookies = FastifyRequest & { [PARSED]: Record<string, string | undefined> | null };
type WithPending = FastifyReply & {
  [PENDING]: Map<string, { name: string; value: string; options: CookieSerializeOptions }> | null;
};

function setCookie(this: FastifyReply, name: string, value: string, options: CookieSerializeOptions = {}) {
  const reply = this as WithPending;
  const opts = { sameSite: 'lax' as const, ...options };
  if (typeof opts.expires === 'number') opts.expires = new Date(opts.expires);
  const pending = (reply[PENDING] ??= new Map());
  pending.set(`${name};${opts.domain};${opts.path || '/'}`, { name, value, options: opts });
  const headers: string[] = [];
  for (const c of pending.values()) {
    headers.push(fastifyCookie.serialize(c.name, c.value, c.options as SerializeOptions));
  }
  reply.removeHeader('set-cookie');
  return reply.header('set-cookie', headers.length === 1 ? headers[0] : headers);
}

function clearCookie(this: FastifyReply, name: string, options: CookieSerializeOptions = {}) {
  return setCookie.call(this, name, '', {
    path: '/',
    ...options,
    expires: new Date(0),
    maxAge: 0,
  });
}

export function installCookies(app: FastifyInstance): void {
  app.decorateRequest(PARSED, null);
  app.decorateRequest('cookies', {
    getter(this: FastifyRequest) {
      const request = this as WithCookies;
      let cookies = request[PARSED];
      if (cookies === null) {
        const header = request.headers.cookie;
        cookies = request[PARSED] = header ? fastifyCookie.parse(header) : {};
      }
      return cookies;
    },
  });
  app.decorateReply(PENDING, null);
  app.decorateReply('setCookie', setCookie);
  app.decorateReply('cookie', setCookie);
  app.decorateReply('clearCookie', clearCookie);
}
