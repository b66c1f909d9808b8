/**
 * Start-up shared by every command: the database (embedded or DATABASE_URL), migrations, seed data,
 * and the task queue with every module's tasks. Returns one object with a single `close()`.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import { modules } from './modules/index.ts';
import { createRegionDirectory } from './modules/regions/service.ts';
import { registerModuleTasks, seedModules } from './platform/module.ts';
import type { Config } from './platform/config.ts';
import { databaseFor, type EmbeddedServer } from './platform/db/embedded.ts';
import { openDatabase, type Database } from './platform/db/index.ts';
import { migrate } from './platform/db/migrate.ts';
import { createRateLimiter } from './platform/http/rate-limit.ts';
import { registerMaintenanceTasks } from './platform/tasks/maintenance.ts';
import { TaskQueue } from './platform/tasks/queue.ts';
import { loadSecret } from './platform/secret.ts';
import { createMailTransport, registerMailTasks, type MailTransport } from './platform/mail/outbox.ts';

export interface Runtime {
  database: Database;
  queue: TaskQueue;
  mail: MailTransport;
  embedded: EmbeddedServer | undefined;
  close(): Promise<void>;
}

/** Every background task of the platform and the modules. */
export function registerTasks(
  queue: TaskQueue,
  database: Database,
  mail: MailTransport,
  config: Config,
  clock?: () => Date,
): void {
  registerMailTasks(queue, database.db, mail, {
    from: config.mailFrom,
    messageIdDomain: config.publicUrl.hostname,
  });
  registerMaintenanceTasks(queue, database.db, createRateLimiter(database.pool));
  registerModuleTasks(queue, modules, { database, config, clock });
}

export async function openRuntime(
  config: Config,
  logger: Logger,
  options: { migrate?: boolean; seed?: boolean; poolSize?: number } = {},
): Promise<Runtime> {
  const { url, embedded } = await databaseFor(config, logger);
  const database = openDatabase(url, { max: options.poolSize ?? 10 });
  try {
    if (options.migrate ?? true) {
      const applied = await migrate(database.pool);
      if (applied.length) logger.info({ applied }, 'migrations applied');
    }
    if (options.seed ?? config.seedDemo) {
      await seedModules(database.db, modules, { demo: config.seedDemo, logger, config });
    }
  } catch (error) {
    await database.close();
    await embedded?.stop();
    throw error;
  }
  const queue = new TaskQueue(database.db, logger.child({ component: 'tasks' }), {
    concurrency: { short: config.taskConcurrencyShort, long: config.taskConcurrencyLong },
    pool: database.pool,
  });
  const mail = createMailTransport(config.smtpUrl, path.join(config.dataDir, 'mail'));
  registerTasks(queue, database, mail, config);
  return {
    database,
    queue,
    mail,
    embedded,
    async close() {
      await queue.stop();
      mail.close();
      await database.close();
      await embedded?.stop();
    },
  };
}

/** Builds the app on an open runtime, listens, and starts the inline worker; returns the bound port. */
export async function startWebServer(
  config: Config,
  runtime: Runtime,
  logger: Logger,
): Promise<{ app: FastifyInstance; port: number }> {
  const app = await buildApp({
    config,
    database: runtime.database,
    logger,
    queue: runtime.queue,
    regions: await createRegionDirectory(runtime.database.db),
    secret: loadSecret(config.secret, config.dataDir),
  });
  await app.listen({ port: config.port, host: config.host });
  if (config.inlineWorker) runtime.queue.start();
  const address = app.server.address();
  return { app, port: typeof address === 'object' && address ? address.port : config.port };
}
