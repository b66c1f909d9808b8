/** Builds the real app on a fresh test database, for HTTP tests through inject(). */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { createRegionDirectory, type RegionDirectory } from '../../src/modules/regions/service.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/index.ts';
import type { RateLimiter } from '../../src/platform/http/rate-limit.ts';
import { TaskQueue } from '../../src/platform/tasks/queue.ts';
import { createMailTransport } from '../../src/platform/mail/outbox.ts';
import { registerTasks } from '../../src/runtime.ts';
import { createTestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  queue: TaskQueue;
  config: Config;
  /** The app's region directory (refresh() after changing regions in a test). */
  regions: RegionDirectory;
  /** Log lines the app wrote (JSON objects). */
  logs: Record<string, unknown>[];
}

/** The installation secret the test app runs with (tokens derived from it, e.g. an event's ticket). */
export const TEST_SECRET = 'test-secret-test-secret-test-secret!';

/** The app with its own database; `env` overrides configuration (e.g. SMTP_URL). */
export async function buildTestApp(
  env: Record<string, string> = {},
  extend?: (app: FastifyInstance) => void,
  options: { rateLimiter?: RateLimiter; sitemapUrlLimit?: number; clock?: () => Date } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-app-'));
  const config = loadConfig({
    LOTSA_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    PUBLIC_URL: 'http://localhost:3000',
    ...env,
  });
  const database = await createTestDatabase();
  const logs: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const queue = new TaskQueue(database.db, logger);
  const mail = createMailTransport(config.smtpUrl, path.join(dataDir, 'mail'));
  registerTasks(queue, database, mail, config, options.clock);
  const regions = await createRegionDirectory(database.db);
  const app = await buildApp({
    config,
    database,
    logger,
    queue,
    regions,
    secret: TEST_SECRET,
    rateLimiter: options.rateLimiter,
    sitemapUrlLimit: options.sitemapUrlLimit,
    clock: options.clock,
  });
  extend?.(app);
  await app.ready();
  after(async () => {
    await app.close();
    mail.close();
  });
  return { app, database, queue, config, logs, regions };
}

/**
 * Fetches a form page and returns its CSRF cookie and token, as a browser would hold them (a browser
 * at `remoteAddress` when given).
 */
export async function csrfFor(
  app: FastifyInstance,
  url: string,
  remoteAddress?: string,
): Promise<{ cookie: string; token: string }> {
  const page = await app.inject({ method: 'GET', url, ...(remoteAddress ? { remoteAddress } : {}) });
  const setCookie = page.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(';')[0] ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return { cookie, token };
}

/** A rate limiter that never limits, for tests that walk every route many times. */
export const unlimited: RateLimiter = { hit: async () => undefined, sweep: async () => 0 };
