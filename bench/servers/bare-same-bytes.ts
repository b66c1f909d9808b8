/**
 * A second baseline: a bare node:http server answering with exactly the bytes of the app's /healthz —
 * the same body and the same response headers (security headers, a fresh request id, cache-control) —
 * so that the comparison shows the cost of the framework and plugins apart from the cost of sending
 * those headers. Runs in its own process.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { fixedSecurityHeaders } from '../../src/platform/http/security.ts';
import { ready } from './ipc.ts';

const fixed = {
  'cache-control': 'no-store',
  'content-type': 'application/json; charset=utf-8',
  ...fixedSecurityHeaders(false),
};

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'x-request-id': randomUUID(), ...fixed });
  res.end('{"status":"ok"}');
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  ready(typeof address === 'object' && address ? address.port : 0, () => server.close(() => process.exit(0)));
});
