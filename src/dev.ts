/**
 * `npm run dev`: the web process restarted on every change under src/, migrations/ and public/,
 * the database kept running across restarts (see platform/dev.ts). On a terminal the logs are
 * readable lines (LOG_FORMAT=pretty); piped elsewhere they stay JSON, as in production.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './platform/config.ts';
import { databaseFor } from './platform/db/embedded.ts';
import { devEnvironment, WebSupervisor, withDotEnv } from './platform/dev.ts';
import { createLogger, destinationFor, flushLogs } from './platform/logging.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// A .env beside package.json (copied from .env.example) fills in what the shell does not set.
const dotEnv = withDotEnv(path.join(root, '.env'), process.env);
const env = devEnvironment(dotEnv.env, process.stdout.isTTY);

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 2;
  }
  const logger = createLogger(config.logLevel, destinationFor(config.logFormat)).child({ component: 'dev' });
  if (dotEnv.read) logger.info({ file: '.env' }, "settings read from .env (the shell's own variables win)");
  const { url: databaseUrl, embedded } = await databaseFor(config, logger);
  const tsx = import.meta.resolve('tsx');
  const supervisor = new WebSupervisor({
    dirs: ['src', 'migrations', 'public'].map((dir) => path.join(root, dir)),
    // Its own process group: Ctrl-C reaches only this parent, which stops the web process once.
    start: () =>
      spawn(process.execPath, ['--import', tsx, path.join(root, 'src/main.ts'), 'serve'], {
        env: { ...env, DATABASE_URL: databaseUrl },
        stdio: ['ignore', 'inherit', 'inherit'],
        detached: true,
      }),
    log: (event) => {
      if (event.kind === 'started') logger.info({ pid: event.pid }, 'web process started');
      if (event.kind === 'restarting')
        logger.info(
          { file: path.relative(root, event.file) || undefined },
          'change seen; restarting the web process',
        );
      if (event.kind === 'exited')
        logger.warn(
          { code: event.code, signal: event.signal },
          'web process ended; waiting for a change to start it again',
        );
    },
  });
  supervisor.start();
  logger.info('watching src/, migrations/ and public/; Ctrl-C stops Lotsa and its database');
  // A parent that dies some other way still takes the web process with it.
  process.on('exit', () => supervisor.current?.kill('SIGTERM'));
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    void (async () => {
      await supervisor.stop();
      await embedded?.stop();
      await flushLogs(logger);
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
