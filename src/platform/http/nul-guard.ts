/**
 * PostgreSQL text cannot hold a NUL character, so a request carrying one in its path parameters,
 * query or body is answered 400 before any handler sees it (instead of a database error → 500).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => holdsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || holdsNul(v, depth + 1));
}

export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    if (holdsNul(request.params) || holdsNul(request.query) || holdsNul(request.body)) {
      return done(new AppError('LOTSA_BAD_REQUEST', { detail: 'NUL character in the request' }));
    }
    done();
  });
}
