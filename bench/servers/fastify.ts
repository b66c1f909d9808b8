/**
 * A reference between bare node:http and the app: Fastify with the app's logger and Fastify options
 * but no plugins and no hooks, one route answering what /healthz answers. Shows what the framework
 * itself costs, apart from what the app adds. The route has `logLevel: 'warn'` like the app's /healthz.
 */
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { createLogger, logDestination } from '../../src/platform/logging.ts';
import { ready } from './ipc.ts';

const app = Fastify({
  loggerInstance: createLogger('info', logDestination('/dev/null')) as FastifyBaseLogger,
  disableRequestLogging: true,
  requestIdHeader: false,
  return503OnClosing: true,
  routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
});
app.get('/healthz', { logLevel: 'warn' }, async (_request, reply) => {
  reply.header('cache-control', 'no-store');
  return { status: 'ok' };
});
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const address = app.server.address();
ready(
  typeof address === 'object' && address ? address.port : 0,
  () => void app.close().then(() => process.exit(0)),
);
