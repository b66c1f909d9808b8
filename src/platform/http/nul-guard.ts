/**
 * PostgreSQL text cannot hold a NUL character, so a request carrying one in its path parameters,
 * query or body is answered 400 before any handler sees it (instead of a database error → 500).
 * An uploaded file (a Buffer in a multipart body) is bytes, not text, and is not looked through:
 * walking it key by key would read every byte as a property (seconds per megabyte).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

// Loops rather than Object.entries: every request passes here, most with nothing to look at.
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 8 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return false;
  if (Array.isArray(value)) return value.some((v) => holdsNul(v, depth + 1));
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (key.includes('\u0000') || holdsNul((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    if (holdsNul(request.params) || holdsNul(request.query) || holdsNul(request.body)) {
      return done(new AppError('LOTSA_BAD_REQUEST', { detail: 'NUL character in the request' }));
    }
    done();
  });
}
