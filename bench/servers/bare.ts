/**
 * The baseline of the target: a bare node:http server, exactly as the benchmark brief defines it (the
 * /healthz body, a content-type, nothing else). Runs in its own process.
 */
import http from 'node:http';
import { ready } from './ipc.ts';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end('{"status":"ok"}');
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  ready(typeof address === 'object' && address ? address.port : 0, () => server.close(() => process.exit(0)));
});
