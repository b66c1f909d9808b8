/** What the back-office core's pages share: the person asking, texts, sending a page. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Lang, Params } from '../../../platform/i18n/index.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { messages, type AdminMessageKey } from './messages.ts';

export { personOf, type Person } from '../../../platform/auth/principal.ts';

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

/** The `done` query parameter after a redirect, when it is one of `known`. */
export function doneOf<T extends string>(request: FastifyRequest, known: readonly T[]): T | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.done;
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

/** A uuid route parameter; anything else is "not found". */
export function uuidParam(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, string | undefined>)[name];
  if (!isUuid(value)) throw new AppError('LOTSA_NOT_FOUND');
  return value.toLowerCase();
}

/** A query-string value as a string ('' when absent or repeated oddly). */
export function queryValue(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
}
