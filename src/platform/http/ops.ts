/**
 * /healthz (the process answers), /readyz (database reachable, migrations current), /metrics.
 * These routes are `quiet`: not logged per request (health checks would drown the log). The two
 * probes answer a few bytes of JSON and skip the compression hooks.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { migrationsCurrent } from '../db/migrate.ts';
import { Permission } from '../permissions.ts';
import { HttpMetrics } from './http-metrics.ts';

export interface Ops {
  registry: Registry;
  /** Counts one answered request (called from the app's onResponse hook). */
  observe(request: FastifyRequest, reply: FastifyReply): void;
}

export function installOps(app: FastifyInstance, options: { pool: pg.Pool }): Ops {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lotsa_' });
  const http = new HttpMetrics();
  const observe = (request: FastifyRequest, reply: FastifyReply) =>
    http.observe(request.method, request.routeUrl ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);

  app.get(
    '/healthz',
    {
      config: { permission: Permission.Public, quiet: true, neverShed: true },
      compress: false,
      decompress: false,
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' };
    },
  );

  app.get('/readyz', { config: { permission: Permission.Public, quiet: true } }, async (_request, reply) => {
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
  });

  app.get(
    '/metrics',
    { config: { permission: Permission.OpsRead, quiet: true } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store').type(registry.contentType);
      return (await registry.metrics()) + http.render();
    },
  );
  return { registry, observe };
}
