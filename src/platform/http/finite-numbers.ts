/**
 * Ajv's coercion reads "1e400" (or "Infinity") as Infinity and then skips the schema's minimum and
 * maximum, which it compares for finite numbers only; JSON.parse reads 1e400 as Infinity too. So
 * after validation, a parameter or body field that is not a finite number is refused with the
 * schema's own 400 (`fields` naming it), before any handler or the database sees it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const notFinite = (value: unknown) => typeof value === 'number' && !Number.isFinite(value);

/** `fields` with the fields of `part` that are numbers but not finite ones; a Map only once one is. */
function addInfinite(part: unknown, fields: Map<string, string> | undefined) {
  if (typeof part !== 'object' || part === null || Array.isArray(part)) return fields;
  for (const name in part) {
    if (!Object.hasOwn(part, name)) continue;
    const value = (part as Record<string, unknown>)[name];
    if (Array.isArray(value) ? value.some(notFinite) : notFinite(value)) {
      (fields ??= new Map()).set(name.slice(0, 40), 'must be a finite number');
    }
  }
  return fields;
}

/** Parameter name → reason for each value that is a number but not a finite one. */
function infiniteFields(request: FastifyRequest): Record<string, string> | undefined {
  // A Map, then own properties: a parameter may be called __proto__ or constructor. Loops, and no
  // Map until a field is refused: every request passes here, nearly all with nothing to refuse.
  let fields = addInfinite(request.params, undefined);
  fields = addInfinite(request.query, fields);
  fields = addInfinite(request.body, fields);
  return fields ? Object.fromEntries(fields) : undefined;
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
