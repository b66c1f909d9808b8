/**
 * The JSON shape of every error: RFC 9457 problem details (`application/problem+json`) — `type`,
 * `title`, `status`, `detail`, `instance` — with Lotsa's extensions: the stable `code` of the
 * catalogue (platform/errors.ts), `fields` (the parameters or fields not accepted, each with the
 * reason) and `requestId`. Built here only; errors.ts (the error sink) and client-errors.ts (answers
 * of Node's HTTP parser) send it, and the OpenAPI document describes it (`ProblemBody`).
 */
import { Type } from '@sinclair/typebox';
import type { ErrorCode } from '../errors.ts';
import { ERROR_CODES } from '../errors.ts';
import { shell } from '../html/messages.ts';
import type { Lang } from '../i18n/index.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Where a problem type is described: the API's readable documentation, one anchor per code. */
export function problemType(origin: string, code: ErrorCode): string {
  return `${origin}/api/docs#${code}`;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: ErrorCode;
  fields?: Record<string, string>;
  requestId?: string;
}

/** The path of a request URL (no query string: it may be long, and the client has it). */
function pathOf(url: string): string {
  const end = url.indexOf('?');
  return (end === -1 ? url : url.slice(0, end)).slice(0, 500);
}

/**
 * A problem for `code`: title and detail in `lang` from the platform catalogue; with `fields`, the
 * detail names each refused parameter and why.
 */
export function problemOf(
  code: ErrorCode,
  options: { origin: string; lang: Lang; url?: string; requestId?: string; fields?: Record<string, string> },
): Problem {
  const { lang, fields } = options;
  const text = shell.t(lang, `error.${code}.text` as Parameters<typeof shell.t>[1]);
  const named = fields
    ? Object.entries(fields)
        .map(([name, reason]) => `${name}: ${reason}`)
        .join('; ')
    : '';
  return {
    type: problemType(options.origin, code),
    title: shell.t(lang, `error.${code}.title` as Parameters<typeof shell.t>[1]),
    status: ERROR_CODES[code],
    detail: named ? `${text} (${named})` : text,
    ...(options.url === undefined ? {} : { instance: pathOf(options.url) }),
    code,
    ...(fields ? { fields } : {}),
    ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
  };
}

/** The problem body as the OpenAPI document describes it (`#/components/schemas/Problem`). */
export const ProblemBody = Type.Object(
  {
    type: Type.String({
      format: 'uri',
      description: 'Identifies the kind of problem: this site’s /api/docs#<code>, where it is described.',
    }),
    title: Type.String({ description: 'A short summary of the kind of problem, in the request’s language.' }),
    status: Type.Integer({ description: 'The HTTP status code.' }),
    detail: Type.String({ description: 'What went wrong with this request, in the request’s language.' }),
    instance: Type.Optional(Type.String({ description: 'The path of the request that failed.' })),
    code: Type.String({
      examples: ['LOTSA_BAD_REQUEST'],
      description: 'The stable error code programs should read (docs/ERRORS.md lists them all).',
    }),
    fields: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: 'The parameters that were not accepted, each with the reason.',
      }),
    ),
    requestId: Type.Optional(
      Type.String({ description: 'The request id (also in X-Request-Id): quote it when asking for help.' }),
    ),
  },
  { description: 'RFC 9457 problem details, with the extensions code, fields and requestId.' },
);
