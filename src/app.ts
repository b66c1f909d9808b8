/**
 * Builds the HTTP app: the platform's plugins at the root, in the order a request meets them, then
 * each domain module of `modules/index.ts`, in its own encapsulated scope. Nothing here starts listening or touches process state; `main.ts` does that.
 */
import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import formbody from '@fastify/formbody';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/index.ts';
import { AppError } from './platform/errors.ts';
import type { NavItem, Site } from './platform/html/layout.ts';
import { createAuthorizer, requirePermissions } from './platform/http/authorize.ts';
import { startLoadShedder } from './platform/http/load-shedding.ts';
import { installCookies } from './platform/http/cookies.ts';
import { installCsrf } from './platform/http/csrf.ts';
import { installNulGuard } from './platform/http/nul-guard.ts';
import { installFiniteNumbers } from './platform/http/finite-numbers.ts';
import { languageOf, sendError, toAppError } from './platform/http/errors.ts';
import { installOps } from './platform/http/ops.ts';
import { installConditionalGet } from './platform/http/conditional.ts';
import { unroutedError } from './platform/http/method-not-allowed.ts';
import { createRateLimitCheck, createRateLimiter, type RateLimiter } from './platform/http/rate-limit.ts';
import { clientErrorHandler } from './platform/http/client-errors.ts';
import { installBodyDrain } from './platform/http/body-drain.ts';
import { fixedSecurityHeaders, installSecurityHeaders, securityHeaders } from './platform/http/security.ts';
import { installPageSending } from './platform/html/send.ts';
import { installStatic, loadAssets, type Assets } from './platform/http/static.ts';
import './platform/http/types.ts';
import type { TaskQueue } from './platform/tasks/queue.ts';
import type { RegionDirectory } from './platform/region.ts';
import {
  auditCatalogueOf,
  openApiOf,
  ownPageSectionsOf,
  personalDataOf,
  privacyProcessingOf,
  registerModules,
  type ModuleDeps,
} from './platform/module.ts';
import { installOpenApi } from './platform/http/openapi.ts';
import { AJV_OPTIONS, typed } from './platform/http/schema.ts';
import { modules } from './modules/index.ts';
import { createPrincipalResolver } from './platform/auth/resolver.ts';
import { SessionStore, sessionPolicyFrom } from './platform/auth/sessions.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  logger: Logger;
  queue: TaskQueue;
  regions: RegionDirectory;
  /** Secret for CSRF tokens and hashed rate-limit keys. */
  secret: string;
  assets?: Assets;
  rateLimiter?: RateLimiter;
  /** Most URLs in one sitemap file (default 50,000); tests set a small one to see the index. */
  sitemapUrlLimit?: number;
  /** The time now for the modules (ModuleDeps.clock); real time unless a test moves it. */
  clock?: () => Date;
}

export type { ModuleDeps };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The Fastify server with Lotsa's limits, deadlines, request ids, proxy trust and early error pages. */
function createServer(
  deps: AppDeps,
  site: Site,
  headers: ReturnType<typeof securityHeaders>,
): FastifyInstance {
  const { config } = deps;
  const https = config.publicUrl.protocol === 'https:';
  const trust = config.trustProxy;
  return Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // One line per request is written by our onResponse hook instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    // A hop count trusts that many proxies nearest to us (proxy-addr's rule), an address list those.
    trustProxy: typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust,
    bodyLimit: config.bodyLimit,
    // Deadlines for a request's arrival: the headers within a third of it, headers and body within
    // REQUEST_TIMEOUT_MS (Node answers 408 through clientErrorHandler), and no socket idle longer
    // than the keep-alive time allows. Node checks them every `connectionsCheckingInterval`.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: Math.max(config.requestTimeoutMs, 75_000),
    http: {
      headersTimeout: Math.ceil(config.requestTimeoutMs / 3),
      connectionsCheckingInterval: Math.min(5_000, Math.ceil(config.requestTimeoutMs / 4)),
    },
    clientErrorHandler: clientErrorHandler(fixedSecurityHeaders(https), config.publicUrl.origin),
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    // Errors met before routing (e.g. a malformed URL) get the same treatment as all others.
    // A child logger per request costs more than it gives: log lines carry reqId themselves.
    childLoggerFactory: (logger) => logger,
    frameworkErrors: (error, request, reply) => {
      request.lang ??= languageOf(request);
      request.region ??= deps.regions.forHost(request.host);
      reply.header('x-request-id', request.id);
      headers.apply(request, reply);
      return sendError(request, reply, toAppError(error), site);
    },
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
    // How routes' schemas are checked (platform/http/schema.ts): coercion for query strings,
    // unknown parameters refused where a schema says so, every problem named at once.
    ajv: { customOptions: AJV_OPTIONS },
  });
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const https = config.publicUrl.protocol === 'https:';
  const navigation: NavItem[] = [];
  const site: Site = {
    assets: deps.assets ?? loadAssets(),
    navigation,
    adminNavigation: [],
    sitemapSources: [],
    sitemapUrlLimit: deps.sitemapUrlLimit ?? 50_000,
  };
  const headers = securityHeaders({ https });
  const trust = config.trustProxy;
  const app = createServer(deps, site, headers);
  app.decorate('publicOrigin', config.publicUrl.origin);
  installPageSending(app, site);

  // The request pipeline. Hooks are plain callbacks (no promise per hook per request) and the
  // per-request checks run in one visible order.
  const sessions = new SessionStore(deps.database.db, sessionPolicyFrom(config));
  const authorize = createAuthorizer({
    metricsToken: config.metricsToken,
    resolver: createPrincipalResolver(deps.database.db, sessions),
    sessionCookie: sessions.cookieName,
  });
  const rateLimiter = deps.rateLimiter ?? createRateLimiter(deps.database.pool);
  const rateLimit = createRateLimitCheck(rateLimiter, deps.secret, { trustProxy: trust !== false });
  const shedder = startLoadShedder({
    maxEventLoopDelayMs: config.maxEventLoopDelay,
    pool: deps.database.pool,
    maxDbWaiting: config.maxDbWaiting,
  });
  app.addHook('onClose', (_app, done) => {
    shedder.stop();
    done();
  });
  requirePermissions(app);
  // Cookies (read when first asked for: the permission check below reads the session cookie).
  installCookies(app);

  // 1. Who is asking and for what: request id, region (from the host), language; then refuse early
  //    when overloaded or over the route's rate limit; then read the session or API token when the
  //    route needs one and check the route's permission.
  app.decorateRequest('region', null as never);
  app.decorateRequest('lang', 'en');
  app.decorateRequest('routeUrl', undefined);
  app.decorateRequest('routeConfig', null as never);
  app.decorateRequest('auth', null);
  // No closure is made per request here (tsx names each one it makes: a defineProperty call apiece).
  const check = (request: FastifyRequest, done: (error?: AppError) => void) => {
    const verdict = authorize(request);
    if (verdict === undefined || verdict instanceof AppError) return done(verdict);
    verdict.then((error) => done(error), done);
  };
  app.addHook('onRequest', (request, reply, done) => {
    const { url, config } = request.routeOptions;
    request.routeUrl = url;
    request.routeConfig = config ?? {};
    reply.header('x-request-id', request.id);
    request.region = deps.regions.forHost(request.host);
    request.lang = languageOf(request);
    if (shedder.overloaded && !request.routeConfig.neverShed)
      return done(new AppError('LOTSA_OVERLOADED', { retryAfter: 10 }));
    const limited = rateLimit(request, reply);
    if (!limited) return check(request, done);
    limited.then((error) => (error ? done(error) : check(request, done)), done);
  });

  // 2. Every response: security headers (and CORS on the public read API), validators and 304 on
  //    conditional routes, then compression.
  installSecurityHeaders(app, headers);
  installConditionalGet(app);
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { 1: 4 } }, // BROTLI_PARAM_QUALITY: fast enough to do per response
  });

  // 3. Bodies; CSRF on every state-changing route (preValidation: it needs the body, and comes
  //    before the route's schema so a forged request is refused as forged whatever its shape).
  await app.register(formbody, { bodyLimit: config.bodyLimit });
  // A body refused before it was read is read to its end (up to a bound), so the browser sees the
  // 413 (or 403, 303) instead of a reset connection (platform/http/body-drain.ts).
  installBodyDrain(app, { maxBytes: 4 * Math.max(config.bodyLimit, config.mediaMaxBytes) + 1024 * 1024 });
  installCsrf(app, { secret: deps.secret, secure: https });
  installNulGuard(app);
  installFiniteNumbers(app);

  // 4. One error sink; one log line and the metrics per request.
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500 && appError.code === 'LOTSA_INTERNAL') {
      request.log.error({ err: error, reqId: request.id }, 'request failed');
    }
    return sendError(request, reply, appError, site);
  });
  // No route for this method and path: 405 with Allow when the path takes other methods, else 404.
  app.setNotFoundHandler({}, (request, reply) =>
    sendError(request, reply, unroutedError(app, request), site),
  );
  const ops = installOps(app, { pool: deps.database.pool });
  app.addHook('onResponse', (request, reply, done) => {
    ops.observe(request, reply);
    if (!request.routeConfig.quiet) {
      const level = reply.statusCode >= 500 ? 'error' : request.url.startsWith('/static/') ? 'debug' : 'info';
      deps.logger[level](
        {
          reqId: request.id,
          method: request.method,
          route: request.routeUrl,
          // A 404 names the address itself (its path only, no query), so it says what was missing.
          url: reply.statusCode === 404 ? request.url.split('?', 1)[0]?.slice(0, 200) : undefined,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    }
    done();
  });

  // 5. Platform routes, then modules.
  installStatic(typed(app), site.assets);
  const audit = auditCatalogueOf(modules);
  const moduleDeps: ModuleDeps = {
    database: deps.database,
    queue: deps.queue,
    regions: deps.regions,
    site,
    logger: deps.logger,
    config,
    sessions,
    rateLimiter,
    secret: deps.secret,
    audit,
    openApi: openApiOf(modules, audit),
    personalData: personalDataOf(modules),
    ownPageSections: ownPageSectionsOf(modules),
    privacyProcessing: privacyProcessingOf(modules),
    clock: deps.clock ?? (() => new Date()),
  };
  await registerModules(app, modules, moduleDeps);
  installOpenApi(app, moduleDeps.openApi);
  return app;
}
