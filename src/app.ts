/**
 * Builds the HTTP app: the platform's plugins at the root, in the order a request meets them, then
 * each domain module. Nothing here starts listening or touches process state; `main.ts` does that.
 */
import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import underPressure from '@fastify/under-pressure';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/index.ts';
import { AppError } from './platform/errors.ts';
import type { NavItem, Site } from './platform/html/layout.ts';
import { installAuthorization } from './platform/http/authorize.ts';
import { installCsrf } from './platform/http/csrf.ts';
import { languageOf, sendError, toAppError } from './platform/http/errors.ts';
import { installOps } from './platform/http/ops.ts';
import { createRateLimiter, installRateLimits, type RateLimiter } from './platform/http/rate-limit.ts';
import { installSecurityHeaders, setSecurityHeaders } from './platform/http/security.ts';
import { installStatic, loadAssets, type Assets } from './platform/http/static.ts';
import './platform/http/types.ts';
import type { JobQueue } from './platform/jobs/queue.ts';
import type { RegionDirectory } from './modules/regions/service.ts';
import { registerRegionRoutes } from './modules/regions/routes.ts';
import { registerSiteRoutes } from './modules/site/routes.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  logger: Logger;
  queue: JobQueue;
  regions: RegionDirectory;
  /** Secret for CSRF tokens and hashed rate-limit keys. */
  secret: string;
  assets?: Assets;
  rateLimiter?: RateLimiter;
}

/** What every module receives: the few shared things it may use. */
export interface ModuleDeps {
  database: Database;
  queue: JobQueue;
  regions: RegionDirectory;
  site: Site;
  logger: Logger;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const https = config.publicUrl.protocol === 'https:';
  const navigation: NavItem[] = [];
  const site: Site = { assets: deps.assets ?? loadAssets(), navigation };
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // One line per request is written by our onResponse hook instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimit,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    // Errors met before routing (e.g. a malformed URL) get the same treatment as all others.
    frameworkErrors: (error, request, reply) => {
      request.lang ??= languageOf(request);
      request.region ??= deps.regions.forHost(request.hostname);
      reply.header('x-request-id', request.id);
      setSecurityHeaders(request, reply, https);
      return sendError(request, reply, toAppError(error), site);
    },
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
  });
  app.decorate('publicOrigin', config.publicUrl.origin);

  // 1. Every response: request id, region and language (error pages need them), security headers,
  //    overload shedding, compression.
  app.decorateRequest('region', null as never);
  app.decorateRequest('lang', 'en');
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    request.region = deps.regions.forHost(request.hostname);
    request.lang = languageOf(request);
  });
  installSecurityHeaders(app, { https });
  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelay,
    retryAfter: 10,
    pressureHandler: (_request, _reply, type) => {
      throw new AppError('LOTSA_OVERLOADED', { retryAfter: 10, detail: String(type) });
    },
  });
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { 1: 4 } }, // BROTLI_PARAM_QUALITY: fast enough to do per response
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: config.bodyLimit });

  // 2. Who may call the route; how often; cross-site posts.
  installAuthorization(app, { metricsToken: config.metricsToken });
  installRateLimits(app, deps.rateLimiter ?? createRateLimiter(deps.database.pool), deps.secret);
  installCsrf(app, { secret: deps.secret, secure: https });

  // 3. One error sink, one log line per request.
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500 && appError.code === 'LOTSA_INTERNAL') {
      request.log.error({ err: error, reqId: request.id }, 'request failed');
    }
    return sendError(request, reply, appError, site);
  });
  app.setNotFoundHandler({}, (request, reply) =>
    sendError(request, reply, new AppError('LOTSA_NOT_FOUND'), site),
  );
  app.addHook('onResponse', async (request, reply) => {
    const level = reply.statusCode >= 500 ? 'error' : request.url.startsWith('/static/') ? 'debug' : 'info';
    request.log[level](
      {
        method: request.method,
        route: request.routeOptions.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  // 4. Platform routes, then modules.
  installOps(app, { pool: deps.database.pool });
  installStatic(app, site.assets);
  const moduleDeps: ModuleDeps = {
    database: deps.database,
    queue: deps.queue,
    regions: deps.regions,
    site,
    logger: deps.logger,
  };
  registerRegionRoutes(app, moduleDeps);
  registerSiteRoutes(app, moduleDeps);
  return app;
}
