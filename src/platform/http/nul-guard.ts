/**
 * PostgreSQL cannot store a NUL character in text, nor half a UTF-16 surrogate pair in JSON (jsonb
 * refuses the `\ud800` that JSON.stringify writes for it; a JSON body can carry one), so a request
 * carrying either in its path parameters, query or body is answered 400 before any handler sees it
 * (instead of a database error → 500). An uploaded file (a Buffer in a multipart body) is bytes,
 * not text, and is not looked through: walking it key by key would read every byte as a property
 * (seconds per megabyte).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/** A NUL, or a surrogate without its other half. */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Loops rather than Object.entries: every request passes here, most with nothing to look at.
function holdsUnstorable(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (depth > 8 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return false;
  if (Array.isArray(value)) return value.some((v) => holdsUnstorable(v, depth + 1));
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (UNSTORABLE.test(key) || holdsUnstorable((value as Record<string, unknown>)[key], depth + 1))
      return true;
  }
  return false;
}

export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    if (holdsUnstorable(request.params) || holdsUnstorable(request.query) || holdsUnstorable(request.body)) {
      return done(
        new AppError('LOTSA_BAD_REQUEST', {
          detail: 'a NUL character or half a surrogate pair in the request',
        }),
      );
    }
    done();
  });
}
