/**
 * Ajv's coercion reads "1e400" (or "Infinity") as Infinity and then skips the schema's minimum and
 * maximum, which it compares for finite numbers only; JSON.parse reads 1e400 as Infinity too. So
 * after validation, a parameter or body field that is not a finite number is refused with the
 * schema's own 400 (`fields` naming it), before any handler or the database sees it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

/** Parameter name → reason for each value that is a number but not a finite one. */
function infiniteFields(request: FastifyRequest): Record<string, string> | undefined {
  // A Map, then own properties: a parameter may be called __proto__ or constructor.
  const fields = new Map<string, string>();
  for (const part of [request.params, request.query, request.body]) {
    if (typeof part !== 'object' || part === null || Array.isArray(part)) continue;
    for (const [name, value] of Object.entries(part)) {
      const values: unknown[] = Array.isArray(value) ? value : [value];
      if (values.some((v) => typeof v === 'number' && !Number.isFinite(v))) {
        fields.set(name.slice(0, 40), 'must be a finite number');
      }
    }
  }
  return fields.size ? Object.fromEntries(fields) : undefined;
}

/** The guard, as a preHandler: it runs after the schema has coerced the request's values. */
export function installFiniteNumbers(app: FastifyInstance): void {
  app.addHook('preHandler', (request, _reply, done) => {
    const fields = infiniteFields(request);
    if (!fields) return done();
    const detail = Object.entries(fields)
      .map(([name, reason]) => `${name}: ${reason}`)
      .join('; ');
    done(new AppError('LOTSA_BAD_REQUEST', { detail, fields }));
  });
}
