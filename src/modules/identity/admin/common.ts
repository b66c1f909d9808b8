/** What the back-office core's pages share: the person asking, texts, sending a page. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { AnyQuery, PathParams } from '../../../platform/http/schema.ts';
import type { Lang, Params } from '../../../platform/i18n/index.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { messages, type AdminMessageKey } from './messages.ts';

export { personOf, type Person } from '../../../platform/auth/principal.ts';

/** A back-office page: it reads what it knows of the query string and ignores the rest. */
export const PageSchema = { querystring: AnyQuery };
/** A back-office route about one thing: `/:id` (a uuid, checked by `uuidParam` after CSRF). */
export const IdParams = PathParams('id');
/** A back-office page about one thing. */
export const IdPageSchema = { params: IdParams, querystring: AnyQuery };

/** An admin of the region, acting for the region: sees and manages every organisation in it. */
export function isRegionAdmin(principal: Principal): boolean {
  return principal.role === 'admin' && principal.organisation?.kind === 'region';
}

export interface AdminView {
  lang: Lang;
  t: (key: AdminMessageKey, params?: Params) => string;
  csrf: string;
}

export function adminView(request: FastifyRequest, reply: FastifyReply): AdminView {
  const lang = adminLang(request);
  return {
    lang,
    t: (key, params) => messages.t(lang, key, params),
    csrf: reply.csrfToken(),
  };
}

/** The `done` query parameter after a redirect (`request.query.done`), when it is one of `known`. */
export function doneOf<T extends string>(value: QueryValue, known: readonly T[]): T | undefined {
  return known.find((k) => k === value);
}

/** "Administratör" for a role name shown on its own (in a table cell or a list of options). */
export function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A uuid route parameter (`request.params.id`); anything else is "not found". */
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
