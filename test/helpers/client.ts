/**
 * A browser-like client over app.inject(): one CSRF cookie and token, and helpers that post forms
 * and JSON the way the site's pages and scripts do, with a session cookie when given.
 */
import type { FastifyInstance } from 'fastify';
import { csrfFor } from './app.ts';

export async function formClient(app: FastifyInstance) {
  const csrf = await csrfFor(app, '/sv/accessibility');
  const headers = (cookie: string) => ({
    cookie: cookie ? `${cookie}; ${csrf.cookie}` : csrf.cookie,
    origin: 'http://localhost',
    host: 'localhost',
  });
  const postForm = (url: string, cookie: string, fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams({ _csrf: csrf.token, ...fields }).toString(),
      headers: { ...headers(cookie), 'content-type': 'application/x-www-form-urlencoded' },
    });
  const postJson = (url: string, cookie: string, body: unknown) =>
    app.inject({
      method: 'POST',
      url,
      payload: JSON.stringify(body),
      headers: {
        ...headers(cookie),
        'content-type': 'application/json',
        accept: 'application/json',
        'x-csrf-token': csrf.token,
      },
    });
  return { csrf, headers, postForm, postJson };
}
