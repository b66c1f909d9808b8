/**
 * What every page route reads the same way, whichever module it belongs to: a uuid in the path
 * (anything else is the page's own 404, after CSRF), one value of a page's query string, and the
 * `done` notice after a redirect. The schemas that go with them are `PageSchema`, `IdParams` and
 * `IdPageSchema`.
 */
import { AppError } from '../errors.ts';
import { AnyQuery, PathParams } from './schema.ts';

/** A page: it reads what it knows of the query string and ignores the rest. */
export const PageSchema = { querystring: AnyQuery };
/** A route about one thing: `/:id` (a uuid, checked by `uuidParam` after CSRF). */
export const IdParams = PathParams('id');
/** A page about one thing. */
export const IdPageSchema = { params: IdParams, querystring: AnyQuery };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A uuid route parameter (`request.params.id`), lower case; anything else is "not found". */
export function uuidParam(value: string): string {
  if (!isUuid(value)) throw new AppError('LOTSA_NOT_FOUND');
  return value.toLowerCase();
}

/** One parameter of a page's query string (`AnyQuery`): absent, once, or repeated. */
export type QueryValue = AnyQuery[string] | undefined;

/** A query-string value as a trimmed string ('' when absent or repeated). */
export function queryText(value: QueryValue): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The `done` query parameter after a redirect (`request.query.done`), when it is one of `known`. */
export function doneOf<T extends string>(value: QueryValue, known: readonly T[]): T | undefined {
  return known.find((k) => k === value);
}
