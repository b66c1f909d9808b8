/**
 * The catalogue of stable error codes. Programs read `code`; people read the message for it in
 * their language (platform messages `error.<code>.*`). docs/ERRORS.md lists the same codes; a test
 * keeps the two in step.
 */
import { validationFields } from './http/schema.ts';
export const ERROR_CODES = {
  LOTSA_BAD_REQUEST: 400,
  LOTSA_INVALID_JSON: 400,
  LOTSA_UNAUTHENTICATED: 401,
  LOTSA_FORBIDDEN: 403,
  LOTSA_CSRF_REJECTED: 403,
  LOTSA_SECOND_FACTOR_REQUIRED: 403,
  LOTSA_NOT_FOUND: 404,
  LOTSA_METHOD_NOT_ALLOWED: 405,
  LOTSA_REQUEST_TIMEOUT: 408,
  LOTSA_CURSOR_EXPIRED: 409,
  LOTSA_GONE: 410,
  LOTSA_PAYLOAD_TOO_LARGE: 413,
  LOTSA_UNSUPPORTED_MEDIA_TYPE: 415,
  LOTSA_VALIDATION_FAILED: 422,
  LOTSA_RATE_LIMITED: 429,
  LOTSA_HEADERS_TOO_LARGE: 431,
  LOTSA_INTERNAL: 500,
  LOTSA_OVERLOADED: 503,
  LOTSA_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error a person or program is meant to see, with a stable code and HTTP status. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    options: {
      detail?: string;
      retryAfter?: number;
      fields?: Record<string, string>;
      allow?: readonly string[];
    } = {},
  ) {
    super(options.detail ?? code);
    this.status = ERROR_CODES[code];
    this.detail = options.detail;
    this.retryAfter = options.retryAfter;
    this.fields = options.fields;
    this.allow = options.allow;
  }
  readonly detail: string | undefined;
  /** Seconds; sent as Retry-After. */
  readonly retryAfter: number | undefined;
  /** Field name → error code, for JSON validation errors. */
  readonly fields: Record<string, string> | undefined;
  /** The methods the path takes, for a 405 (sent as Allow). */
  readonly allow: readonly string[] | undefined;
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  /** Ajv's issues when a route's schema refused the request (platform/http/schema.ts). */
  validation?: Parameters<typeof validationFields>[0];
  message?: string;
}

/** Maps errors thrown by Fastify and its parsers to our catalogue; anything unknown is LOTSA_INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = (error ?? {}) as FastifyLikeError;
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return e.statusCode === 413
        ? new AppError('LOTSA_PAYLOAD_TOO_LARGE')
        : new AppError('LOTSA_BAD_REQUEST');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('LOTSA_UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('LOTSA_INVALID_JSON');
    case 'FST_ERR_VALIDATION': {
      const fields = Array.isArray(e.validation) ? validationFields(e.validation) : undefined;
      return new AppError('LOTSA_BAD_REQUEST', {
        detail: fields
          ? Object.entries(fields)
              .map(([name, reason]) => `${name}: ${reason}`)
              .join('; ')
          : e.message,
        fields,
      });
    }
  }
  if (error instanceof SyntaxError && e.statusCode === 400) return new AppError('LOTSA_INVALID_JSON');
  if (e.statusCode === 404) return new AppError('LOTSA_NOT_FOUND');
  if (e.statusCode === 405) return new AppError('LOTSA_METHOD_NOT_ALLOWED');
  if (e.statusCode === 413) return new AppError('LOTSA_PAYLOAD_TOO_LARGE');
  if (e.statusCode === 415) return new AppError('LOTSA_UNSUPPORTED_MEDIA_TYPE');
  if (e.statusCode === 429) return new AppError('LOTSA_RATE_LIMITED');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new AppError('LOTSA_BAD_REQUEST');
  return new AppError('LOTSA_INTERNAL');
}
