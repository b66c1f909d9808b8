/**
 * A second baseline: a bare node:http server answering with exactly the bytes of the app's /healthz —
 * the same body and the same response headers (security headers, a fresh request id, cache-control) —
 * so that the comparison shows the cost of the framework and plugins apart from the cost of sending
 * those headers. Runs in its own process.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ready } from './ipc.ts';

const fixed = {
  'cache-control': 'no-store',
  'content-type': 'application/json; charset=utf-8',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'x-request-id': randomUUID(), ...fixed });
  res.end('{"status":"ok"}');
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  ready(typeof address === 'object' && address ? address.port : 0, () => server.close(() => process.exit(0)));
});
