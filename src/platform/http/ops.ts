/** /healthz (the process answers), /readyz (database reachable, migrations current), /metrics. */
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { migrationsCurrent } from '../db/migrate.ts';
import { Permission } from '../permissions.ts';

export function installOps(app: FastifyInstance, options: { pool: pg.Pool }): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lotsa_' });
  const requests = new Counter({
    name: 'lotsa_http_requests_total',
    help: 'HTTP requests answered, by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'lotsa_http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: ['method', 'route'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: reply.statusCode });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get(
    '/healthz',
    { config: { permission: Permission.Public }, logLevel: 'warn' },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' };
    },
  );

  app.get(
    '/readyz',
    { config: { permission: Permission.Public }, logLevel: 'warn' },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      let database = false;
      let migrations = false;
      try {
        await options.pool.query('SELECT 1');
        database = true;
        migrations = await migrationsCurrent(options.pool);
      } catch {
        database = false;
      }
      const ready = database && migrations;
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not ready', database, migrations });
    },
  );

  app.get(
    '/metrics',
    { config: { permission: Permission.OpsRead }, logLevel: 'warn' },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store').type(registry.contentType);
      return registry.metrics();
    },
  );
  return registry;
}
