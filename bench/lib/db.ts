/** The benchmark's PostgreSQL (servers/db.ts), shared by every part that runs the app. */
import { startServer } from './proc.ts';

export interface BenchDatabase {
  /** Connection string of the migrated, seeded `lotsa` database. */
  url: string;
  stop(): Promise<void>;
}

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const server = await startServer('PostgreSQL', 'db.ts', {}, [], 180_000);
  return { url: String(server.info.url), stop: server.stop };
}
