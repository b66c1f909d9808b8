/**
 * Enforces the permission every route declares. A route without a known permission stops the app
 * from starting. At request time: public routes pass; operations routes need a loopback socket with
 * no forwarding headers, or the metrics bearer; every other permission needs a principal (a session cookie, or an API token on
 * /api/ routes) whose role holds it — and a staff person must have shown a second factor in this
 * session. Anything else is denied.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PrincipalResolver } from '../auth/principal.ts';
import { AppError } from '../errors.ts';
import { MODULE_DECORATOR } from '../module.ts';
import { Permission, isPermission } from '../permissions.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const FORWARDED = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host'];

/**
 * A request made on this machine, not passed on by a proxy: the socket's own address (never the
 * one X-Forwarded-For names) is loopback and no forwarding header is present. A reverse proxy on the
 * same machine adds X-Forwarded-For, so what it passes on needs the token too.
 */
function fromThisMachine(request: FastifyRequest): boolean {
  const address = request.raw.socket?.remoteAddress;
  return (
    address !== undefined && LOOPBACK.has(address) && FORWARDED.every((h) => request.headers[h] === undefined)
  );
}

function bearerMatches(request: FastifyRequest, token: string | undefined): boolean {
  const header = request.headers.authorization;
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** One row of the route table: what the permission-matrix test walks. */
export interface RouteEntry {
  method: string;
  url: string;
  permission: Permission;
  /** The module that registered the route; undefined for the platform's own (static, probes). */
  module: string | undefined;
}

/**
 * Makes the app refuse to start when a route declares no permission, and keeps the table of every
 * route with its permission (`app.routeTable`).
 */
export function requirePermissions(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', function (route) {
    const permission = route.config?.permission;
    // The module whose scope registers the route (platform/module.ts), undefined for the platform's.
    const module = (this as { [MODULE_DECORATOR]?: string })[MODULE_DECORATOR];
    if (!isPermission(permission)) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no permission (config.permission)`,
      );
    }
    for (const method of [route.method].flat()) table.push({ method, url: route.url, permission, module });
  });
}

type Verdict = AppError | undefined;

/**
 * Returns the check run on every request: undefined when allowed, else the error to answer (or a
 * promise of either, when the principal has to be read from the database). Sets `request.auth`.
 */
export function createAuthorizer(options: {
  metricsToken?: string;
  resolver: PrincipalResolver;
  sessionCookie: string;
}): (request: FastifyRequest) => Verdict | Promise<Verdict> {
  const { resolver, sessionCookie } = options;

  const resolve = async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ') && request.url.startsWith('/api/')) {
      // A bearer that is not a valid token is refused outright rather than ignored.
      const principal = await resolver.fromApiToken(request.region.id, header.slice(7).trim());
      if (!principal) throw new AppError('LOTSA_UNAUTHENTICATED', { detail: 'unknown or revoked token' });
      return principal;
    }
    const cookie = request.cookies[sessionCookie];
    return cookie ? ((await resolver.fromSession(request.region.id, cookie)) ?? null) : null;
  };

  const decide = (request: FastifyRequest, permission: Permission): Verdict => {
    const principal = request.auth;
    if (!principal) return new AppError('LOTSA_UNAUTHENTICATED');
    if (!principal.permissions.has(permission)) return new AppError('LOTSA_FORBIDDEN');
    if (
      permission !== Permission.SignedIn &&
      principal.staff &&
      principal.session &&
      principal.session.secondFactorAt === null
    ) {
      return new AppError('LOTSA_SECOND_FACTOR_REQUIRED');
    }
    return undefined;
  };

  return (request) => {
    const permission = request.routeConfig.permission;
    // The not-found handler has no declared route; it only ever answers 404 (or 405 for a path
    // that takes other methods). A mistyped back-office address (no /sv or /en to go by) reads
    // the session, so that 404 speaks the
    // person's own language; anything else stays free of database work.
    if (permission === undefined && request.is404) {
      if (!request.url.startsWith('/admin') || !request.cookies[sessionCookie]) return undefined;
      return resolve(request).then(
        (principal) => {
          request.auth = principal;
          return undefined;
        },
        () => undefined,
      );
    }
    if (!isPermission(permission)) return new AppError('LOTSA_FORBIDDEN');
    if (permission === Permission.Public) {
      if (request.routeConfig.auth !== 'optional') return undefined;
      return resolve(request).then(
        (principal) => {
          request.auth = principal;
          return undefined;
        },
        () => undefined,
      );
    }
    if (permission === Permission.OpsRead) {
      return fromThisMachine(request) || bearerMatches(request, options.metricsToken)
        ? undefined
        : new AppError('LOTSA_FORBIDDEN');
    }
    return resolve(request).then(
      (principal) => {
        request.auth = principal;
        return decide(request, permission);
      },
      (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)),
    );
  };
}
