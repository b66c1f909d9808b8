/** Starts bench/servers/app.ts (the production app) against the benchmark database. */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onCleanup } from './cleanup.ts';
import type { BenchDatabase } from './db.ts';
import { freePort, startServer, type ChildServer } from './proc.ts';
import { stubFor, type Stub } from './stubs.ts';

export interface AppServerOptions {
  /** Stand-ins to apply (names from lib/stubs.ts); each must apply to the current app. */
  without?: string[];
  logLevel?: string;
  /** Log with one synchronous write per line instead of the production (buffered) destination. */
  syncLog?: boolean;
  nodeArgs?: string[];
  name?: string;
  /** More environment for the app (e.g. SMTP_URL); an undefined value removes the variable. */
  env?: Record<string, string | undefined>;
}

export async function startAppServer(
  db: BenchDatabase,
  options: AppServerOptions = {},
): Promise<ChildServer> {
  // The data directory holds the generated secret and the mail outbox; the database is db.url.
  const stubs = (options.without ?? []).map((name) => {
    const stub = stubFor(name);
    if ('notApplicable' in stub) throw new Error(`${name}: ${stub.notApplicable}`);
    return stub;
  }) satisfies Stub[];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-app-'));
  chmodSync(dataDir, 0o755);
  const removeDir = onCleanup(`temp dir ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  try {
    const server = await startServer(
      options.name ?? 'app',
      'app.ts',
      {
        DATABASE_URL: db.url,
        LOTSA_DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: options.logLevel ?? 'info',
        PUBLIC_URL: undefined,
        LOTSA_SECRET: undefined,
        SMTP_URL: undefined,
        BENCH_STUBS: JSON.stringify(stubs),
        BENCH_LOG_SYNC: options.syncLog ? '1' : undefined,
        ...options.env,
      },
      options.nodeArgs,
    );
    return {
      ...server,
      stop: async () => {
        await server.stop();
        await removeDir();
      },
    };
  } catch (error) {
    await removeDir();
    throw error;
  }
}
