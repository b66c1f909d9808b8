/**
 * The `lotsa` command: serve (default for `npm start`), worker, migrate, seed, ingest.
 */
import path from 'node:path';
import { adminHint, createAdmin, parseAdminArgs } from './modules/identity/cli.ts';
import { parseIngestArgs, runIngestCommand } from './modules/jobs/ingest/cli.ts';
import { seedJobBoard } from './modules/jobs/seed.ts';
import { defaultRegionId, seedDemoAccounts, seedOrganisations } from './modules/identity/seed.ts';
import { seedRegions } from './modules/regions/service.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { migrate } from './platform/db/migrate.ts';
import { createLogger, destinationFor, flushLogs } from './platform/logging.ts';
import { openRuntime, startWebServer, type Runtime } from './runtime.ts';

const USAGE = `Usage: lotsa <command>

Commands:
  serve            start the web server (and, by default, the task worker)
  worker [--once]  run background tasks only (for scaling out); --once drains due tasks and exits
  migrate          apply database migrations and exit
  seed             apply migrations, seed the shipped regions, the job taxonomy and
                   (with LOTSA_SEED_DEMO) the demo job ads, and exit
  ingest snapshot [--region <id>] [--allow-mass-close]
                   load JobStream's snapshot of published ads for each region (or one); closes
                   the region's ads that are no longer published (refused above
                   JOBTECH_SNAPSHOT_MAX_CLOSE_PERCENT unless --allow-mass-close)
  ingest stream [--region <id>]
                   apply JobStream's changes since the last run (needs a snapshot first)
  admin create --email <address> [--name <name>] [--region <id>] [--lang sv|en]
                   make (or promote) an admin of the region and print a one-time sign-in link
  help             show this text

Configuration is read from the environment; see README.md.`;

/** Runs `work` until SIGINT/SIGTERM, then `stop` once; a second signal exits at once. */
function onShutdown(stop: () => Promise<void>, log: (msg: string) => void): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log(`${signal} received, shutting down`);
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.');

async function serve(config: Config, runtime: Runtime, logger: ReturnType<typeof createLogger>) {
  const started = performance.now();
  const { app, port } = await startWebServer(config, runtime, logger);
  const url =
    config.publicUrl.port === String(port) || !process.env.PUBLIC_URL
      ? `http://localhost:${port}/`
      : config.publicUrl.href;
  logger.info({ url, ms: Math.round(performance.now() - started) }, 'Lotsa is listening');
  if (typeof config.trustProxy === 'number' && !isLoopback(config.host)) {
    // A hop count believes whoever connects; a client that reaches the port directly names its own address.
    logger.warn(
      { host: config.host, trustProxy: config.trustProxy },
      'TRUST_PROXY is a hop count but HOST is not loopback: a client that reaches this port directly can choose its own address with X-Forwarded-For; set HOST=127.0.0.1 behind a proxy on the same machine, or TRUST_PROXY to the proxy addresses',
    );
  }
  const hint = await adminHint(runtime.database.db, path.join(config.dataDir, 'mail'));
  process.stdout.write(`\nLotsa is running at ${url}\nPress Ctrl-C to stop.\n\n${hint ? `${hint}\n\n` : ''}`);
  onShutdown(
    async () => {
      await app.close();
      await runtime.close();
      await flushLogs(logger);
    },
    (msg) => logger.info(msg),
  );
}

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel, destinationFor(config.logFormat));
  switch (command) {
    case 'serve': {
      const runtime = await openRuntime(config, logger);
      await serve(config, runtime, logger);
      return -1; // keep running
    }
    case 'worker': {
      // Each slot holds one connection at a time, its lock heartbeat now and then a second one.
      const slots = config.taskConcurrencyShort + config.taskConcurrencyLong;
      const runtime = await openRuntime(config, logger, { seed: false, poolSize: Math.max(4, 2 * slots) });
      if (rest.includes('--once')) {
        const count = await runtime.queue.drain();
        console.log(`${count} task(s) run`);
        await runtime.close();
        return 0;
      }
      runtime.queue.start();
      logger.info('worker started');
      onShutdown(
        () => runtime.close().then(() => flushLogs(logger)),
        (msg) => logger.info(msg),
      );
      return -1;
    }
    case 'migrate': {
      const runtime = await openRuntime(config, logger, { migrate: false, seed: false, poolSize: 2 });
      const applied = await migrate(runtime.database.pool);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      await runtime.close();
      return 0;
    }
    case 'seed': {
      const runtime = await openRuntime(config, logger, { seed: false, poolSize: 2 });
      const seeded = await seedRegions(runtime.database.db);
      console.log(`Seeded regions: ${seeded.join(', ')}`);
      await seedOrganisations(runtime.database.db);
      if (config.seedDemo)
        await seedDemoAccounts(runtime.database.db, await defaultRegionId(runtime.database.db));
      const board = await seedJobBoard(runtime.database.db, { demo: config.seedDemo, logger });
      console.log(`Taxonomy concepts written: ${board.concepts}`);
      for (const { regionId, generated, counts } of board.demo)
        console.log(`Demo job ads for ${regionId}: ${generated} generated, ${counts.written} written`);
      await runtime.close();
      return 0;
    }
    case 'ingest': {
      const args = parseIngestArgs(rest);
      if ('error' in args) {
        console.error(`${args.error}\n\n${USAGE}`);
        return 2;
      }
      const runtime = await openRuntime(config, logger, { seed: false, poolSize: 4 });
      try {
        return await runIngestCommand(args, runtime.database.db, config, logger);
      } finally {
        await runtime.close();
      }
    }
    case 'admin': {
      const args = parseAdminArgs(rest);
      if (typeof args === 'string') {
        console.error(args);
        return 2;
      }
      // Seeding makes sure the region's own organisation exists on a database never started before.
      const runtime = await openRuntime(config, logger, { poolSize: 2 });
      try {
        const made = await createAdmin(runtime.database.db, args, config.publicUrl.origin);
        console.log(
          `${made.created ? 'Created' : 'Promoted'} ${args.email} as admin of region ${made.regionId}.\n\n` +
            `Sign in within ${made.expiresMinutes} minutes (the link works once):\n  ${made.url}\n` +
            `or enter the code ${made.code} at ${config.publicUrl.origin}/${args.language}/login.\n\n` +
            `You will then be asked to set up a second factor (a passkey or an authenticator app).`,
        );
        return 0;
      } finally {
        await runtime.close();
      }
    }
    default:
      console.error(`Unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
