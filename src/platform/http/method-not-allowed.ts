/**
 * 405 Method Not Allowed, with `Allow`, for a path that exists with other methods (RFC 9110
 * §15.5.6): the not-found handler asks the router which methods the path takes before answering
 * 404. Fastify adds HEAD wherever there is GET.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** The methods routed for the request's path, in a fixed order ([] when the path has none). */
export function allowedMethods(app: FastifyInstance, url: string): string[] {
  const end = url.indexOf('?');
  const path = end === -1 ? url : url.slice(0, end);
  return METHODS.filter((method) => {
    try {
      return app.findRoute({ method, url: path }) !== null;
    } catch {
      return false;
    }
  });
}

/** The error of a request no route took: 405 with the path's methods when it has any, else 404. */
export function unroutedError(app: FastifyInstance, request: FastifyRequest): AppError {
  const allow = allowedMethods(app, request.url);
  return allow.length && !allow.includes(request.method)
    ? new AppError('LOTSA_METHOD_NOT_ALLOWED', { allow })
    : new AppError('LOTSA_NOT_FOUND');
}
