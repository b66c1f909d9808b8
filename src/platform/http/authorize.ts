/**
 * Enforces the permission every route declares. A route without a known permission stops the app
 * from starting; at request time each permission has one check, and anything else is denied.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { isPermission, type Permission } from '../permissions.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function bearerMatches(request: FastifyRequest, token: string | undefined): boolean {
  const header = request.headers.authorization;
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Makes the app refuse to start when a route declares no permission. */
export function requirePermissions(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    if (!isPermission(permission)) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no permission (config.permission)`,
      );
    }
  });
}

/** Returns the check run on every request: undefined when allowed, else the error to answer. */
export function createAuthorizer(options: {
  metricsToken?: string;
}): (request: FastifyRequest) => AppError | undefined {
  const checks: Record<Permission, (request: FastifyRequest) => boolean> = {
    Public: () => true,
    OpsRead: (request) => LOOPBACK.has(request.ip) || bearerMatches(request, options.metricsToken),
  };
  return (request) => {
    const permission = request.routeConfig.permission;
    // The not-found handler has no declared route; it only ever answers 404.
    if (permission === undefined && request.is404) return undefined;
    if (!isPermission(permission) || !checks[permission](request)) return new AppError('LOTSA_FORBIDDEN');
    return undefined;
  };
}
