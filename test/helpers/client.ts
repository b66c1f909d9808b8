/**
 * A browser-like client over app.inject(): one CSRF cookie and token, and helpers that post forms
 * and JSON the way the site's pages and scripts do, with a session cookie when given.
 */
import type { FastifyInstance } from 'fastify';
import { csrfFor } from './app.ts';

/** Form fields; a list is sent as the same name repeated (checkbox groups, multi-selects). */
export type FormFields = Record<string, string | readonly string[]>;

export interface FormClientOptions {
  /** The client's address (rate limits count per address); app.inject's default when not given. */
  remoteAddress?: string;
}

/** `fields` with the CSRF token first, url-encoded as a browser posts a form. */
export function formBody(token: string, fields: FormFields): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries({ _csrf: token, ...fields }))
    for (const v of [value].flat()) body.append(name, v);
  return body.toString();
}

export async function formClient(app: FastifyInstance, options: FormClientOptions = {}) {
  const csrf = await csrfFor(app, '/sv/accessibility', options.remoteAddress);
  const headers = (cookie: string) => ({
    cookie: cookie ? `${cookie}; ${csrf.cookie}` : csrf.cookie,
    origin: 'http://localhost',
    host: 'localhost',
  });
  /** The same browser (CSRF cookie and token) seen from `remoteAddress`, as behind a changing address. */
  const from = (remoteAddress: string | undefined) => {
    const at = remoteAddress ? { remoteAddress } : {};
    return {
      /** A GET as this browser (its CSRF cookie, and the session cookie when given). */
      get: (url: string, cookie = '') => app.inject({ url, ...at, headers: headers(cookie) }),
      postForm: (url: string, cookie: string, fields: FormFields, extra: Record<string, string> = {}) =>
        app.inject({
          method: 'POST',
          url,
          ...at,
          payload: formBody(csrf.token, fields),
          headers: { ...headers(cookie), 'content-type': 'application/x-www-form-urlencoded', ...extra },
        }),
      postJson: (url: string, cookie: string, body: unknown) =>
        app.inject({
          method: 'POST',
          url,
          ...at,
          payload: JSON.stringify(body),
          headers: {
            ...headers(cookie),
            'content-type': 'application/json',
            accept: 'application/json',
            'x-csrf-token': csrf.token,
          },
        }),
    };
  };
  return { csrf, headers, from, ...from(options.remoteAddress) };
}
