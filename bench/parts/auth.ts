/**
 * Part auth: what a signed-in person costs compared with an anonymous visitor, on the production app
 * (bench/servers/app.ts) and the bench database. The runner creates a region admin with a live
 * session that has shown a second factor, and an API token of the region organisation, directly in
 * the database (as test/helpers/identity.ts does), then loads in alternating rounds:
 *
 *   GET /sv/                  anonymous: a public page, which never reads the session
 *   GET /sv/me                session cookie: session, account and memberships read per request
 *   GET /admin                session cookie: the back-office home
 *   GET /api/v1/organisation  API token (`Authorization: Bearer lotsa_…`)
 *
 * Figures per request: req/s, p50/p99 latency, CPU time of the app's process and of PostgreSQL's,
 * and the SQL statements it makes (PostgreSQL's committed transactions, counted over a run of
 * requests one at a time; none of these routes opens an explicit transaction, so one transaction
 * is one statement). Information, no target. The rows it created are removed at the end.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { startAppServer } from '../lib/app-server.ts';
import { sleep } from '../lib/cleanup.ts';
import type { BenchDatabase } from '../lib/db.ts';
import { get, type ChildServer } from '../lib/proc.ts';
import { median, round } from '../lib/stats.ts';
import { API_TOKEN_PREFIX } from '../../src/platform/auth/resolver.ts';
import { hashSecret, randomToken } from '../../src/platform/auth/secrets.ts';
import { sessionCookieName } from '../../src/platform/auth/sessions.ts';
import { openDatabase, type Database } from '../../src/platform/db/index.ts';
import { TOKEN_PREFIX_LENGTH } from '../../src/modules/identity/admin/tokens.ts';
import { Permission } from '../../src/platform/permissions.ts';
import { CONNECTIONS, PIPELINING, load as loadApp, type LoadFigures } from './overhead.ts';
import { childProcesses, processCpuUs } from './joblist-nginx.ts';

const REGION = 'dalarna';
/**
 * Requests made one at a time to count the SQL statements of each route: enough that a round of
 * autovacuum falling into a count (a few dozen transactions) moves it by less than 0.05 a request.
 */
export const COUNT_REQUESTS = 1000;
/**
 * A backend reports its statistics at most once a second; when it goes idle within that second it
 * reports them 10 s later (PGSTAT_IDLE_INTERVAL). Waiting this long after a run sees all of them.
 */
const STATS_FLUSH_MS = 11_000;
const DISPLAY_NAME = 'Bench Signed-in Person';

type ScenarioKey = 'anonymous' | 'me' | 'admin' | 'api';

export interface AuthFigures extends LoadFigures {
  /** CPU per request of PostgreSQL: every child process of the postmaster (backends and helpers), µs. */
  postgresCpuUsPerRequest?: number;
}

export interface AuthScenario {
  key: ScenarioKey;
  label: string;
  path: string;
  credential: string;
  /** Body bytes of one answer (uncompressed: the load sends no accept-encoding, as overhead's). */
  bytes: number;
  rounds: AuthFigures[];
  medianRps: number;
  medianP50: number;
  medianP99: number;
  cpuUs: number;
  postgresCpuUs?: number;
  /** SQL statements per request (committed transactions, background subtracted); undefined if not counted. */
  statements?: number;
}

export interface AuthResult {
  measuredAt: string;
  connections: number;
  pipelining: number;
  rounds: number;
  roundSeconds: number;
  warmupSeconds: number;
  countRequests: number;
  /** Transactions per second PostgreSQL committed with no request coming in (job queue polls, the runner's reads). */
  idleXactsPerSecond?: number;
  scenarios: AuthScenario[];
}

interface Credentials {
  accountId: string;
  cookie: string;
  bearer: string;
  tokenId: string;
}

/** A region admin with a live session that has shown a second factor, and an OrgRead API token. */
async function createCredentials(database: Database): Promise<Credentials> {
  const { db } = database;
  const region = await db
    .selectFrom('organisations')
    .select('id')
    .where('region_id', '=', REGION)
    .where('kind', '=', 'region')
    .executeTakeFirstOrThrow();
  const account = await db
    .insertInto('accounts')
    .values({
      region_id: REGION,
      email: `bench-auth-${randomToken(6).toLowerCase()}@example.org`,
      language: 'sv',
      display_name: DISPLAY_NAME,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ region_id: REGION, organisation_id: region.id, account_id: account.id, role: 'admin' })
    .execute();
  const session = randomToken();
  await db
    .insertInto('sessions')
    .values({
      region_id: REGION,
      token_hash: hashSecret(session),
      account_id: account.id,
      method: 'link',
      expires_at: sql<Date>`now() + interval '1 day'`,
      second_factor_at: sql<Date>`now()`,
      device: 'Benchmark',
    })
    .execute();
  const bearer = API_TOKEN_PREFIX + randomToken();
  const token = await db
    .insertInto('api_tokens')
    .values({
      region_id: REGION,
      organisation_id: region.id,
      name: 'Benchmark',
      token_hash: hashSecret(bearer),
      prefix: bearer.slice(0, TOKEN_PREFIX_LENGTH),
      permissions: [Permission.OrgRead],
      created_by: account.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    accountId: account.id,
    cookie: `${sessionCookieName(false)}=${session}`,
    bearer,
    tokenId: token.id,
  };
}

async function removeCredentials(database: Database, c: Credentials, apiBucket: string | undefined) {
  const { db } = database;
  await db.deleteFrom('api_tokens').where('region_id', '=', REGION).where('id', '=', c.tokenId).execute();
  // Its memberships and sessions go with it (ON DELETE CASCADE).
  await db.deleteFrom('accounts').where('region_id', '=', REGION).where('id', '=', c.accountId).execute();
  if (apiBucket) await db.deleteFrom('rate_limit_hits').where('bucket', '=', apiBucket).execute();
}

/**
 * /api/v1/ allows 600 requests a minute per client address, counted in PostgreSQL. The check stays
 * (its INSERT … ON CONFLICT runs on every request), but the bench's bucket starts every minute of
 * the next few far below zero, so the load measures answers rather than 429s.
 */
async function openApiBucket(database: Database): Promise<string | undefined> {
  const rows = await database.db
    .selectFrom('rate_limit_hits')
    .select('bucket')
    .where('bucket', 'like', 'api-organisation:%')
    .distinct()
    .execute();
  if (rows.length !== 1) return undefined;
  const bucket = (rows[0] as { bucket: string }).bucket;
  await database.pool.query(
    `INSERT INTO rate_limit_hits (bucket, window_start, hits)
     SELECT $1, to_timestamp(floor(extract(epoch FROM now()) / 60) * 60) + make_interval(mins => g), -2000000000
     FROM generate_series(0, 10) AS g
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = -2000000000`,
    [bucket],
  );
  return bucket;
}

/** CPU time so far (µs) of PostgreSQL: the children of the postmaster (the parent of our backend). */
function postgresCpu(postmaster: number | undefined): number | undefined {
  if (!postmaster) return undefined;
  const all = childProcesses(postmaster).map(processCpuUs);
  return all.length && all.every((v) => v !== undefined)
    ? all.reduce((sum: number, v) => sum + (v as number), 0)
    : undefined;
}

async function findPostmaster(database: Database): Promise<number | undefined> {
  try {
    const { rows } = await database.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const stat = readFileSync(`/proc/${rows[0]?.pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return ppid > 1 ? ppid : undefined;
  } catch {
    return undefined; // PostgreSQL elsewhere, or no /proc: no PostgreSQL CPU figures
  }
}

/** The overhead part's load run, plus PostgreSQL's CPU over the same run. */
async function load(
  app: ChildServer,
  postmaster: number | undefined,
  path: string,
  headers: Record<string, string>,
  seconds: number,
): Promise<AuthFigures> {
  const pgBefore = postgresCpu(postmaster);
  const figures = await loadApp(app, seconds, path, headers);
  const pgAfter = postgresCpu(postmaster);
  return pgBefore !== undefined && pgAfter !== undefined && figures.requests
    ? { ...figures, postgresCpuUsPerRequest: round((pgAfter - pgBefore) / figures.requests, 1) }
    : figures;
}

/** Transactions committed or rolled back in the app's database so far, as PostgreSQL reports them. */
async function transactions(database: Database): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    `SELECT (xact_commit + xact_rollback)::int8 AS n FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Number(rows[0]?.n);
}

export async function runAuth(
  bench: BenchDatabase,
  options: { rounds?: number; roundSeconds?: number; warmupSeconds?: number; countRequests?: number } = {},
): Promise<AuthResult> {
  const rounds = options.rounds ?? 3;
  const roundSeconds = options.roundSeconds ?? 5;
  const warmupSeconds = options.warmupSeconds ?? 2;
  const countRequests = options.countRequests ?? COUNT_REQUESTS;
  const app = await startAppServer(bench); // migrates and seeds the region's organisations
  const database = openDatabase(bench.url, { max: 1, applicationName: 'lotsa-bench' });
  let credentials: Credentials | undefined;
  let apiBucket: string | undefined;
  try {
    credentials = await createCredentials(database);
    const postmaster = await findPostmaster(database);
    const scenarios: {
      key: ScenarioKey;
      label: string;
      path: string;
      credential: string;
      headers: Record<string, string>;
      expect?: string;
    }[] = [
      { key: 'anonymous', label: 'anonymous', path: '/sv/', credential: 'none', headers: {} },
      {
        key: 'me',
        label: 'own page',
        path: '/sv/me',
        credential: 'session cookie',
        headers: { cookie: credentials.cookie },
        expect: DISPLAY_NAME,
      },
      {
        key: 'admin',
        label: 'back-office home',
        path: '/admin',
        credential: 'session cookie',
        headers: { cookie: credentials.cookie },
        expect: DISPLAY_NAME,
      },
      {
        key: 'api',
        label: 'organisation API',
        path: '/api/v1/organisation',
        credential: 'API token',
        headers: { authorization: `Bearer ${credentials.bearer}` },
        expect: '"kind":"region"',
      },
    ];

    // Each request answers 200 with what it should show, before any load.
    const bytes = new Map<ScenarioKey, number>();
    for (const s of scenarios) {
      const response = await get(app.port, s.path, s.headers);
      const body = response.body.toString('utf8');
      if (response.status !== 200 || (s.expect && !body.includes(s.expect))) {
        throw new Error(
          `GET ${s.path} (${s.credential}) answered ${response.status}` +
            `${response.headers.location ? ` → ${response.headers.location}` : ''}: ${body.slice(0, 300)}`,
        );
      }
      bytes.set(s.key, response.body.length);
    }
    apiBucket = await openApiBucket(database);
    if (!apiBucket)
      throw new Error('no rate-limit bucket of /api/v1/organisation found after its first request');

    console.log(`  warm-up ${warmupSeconds} s each`);
    for (const s of scenarios) await load(app, postmaster, s.path, s.headers, warmupSeconds);
    const figures = new Map<ScenarioKey, AuthFigures[]>(scenarios.map((s) => [s.key, []]));
    for (let i = 1; i <= rounds; i++) {
      for (const s of scenarios) {
        const f = await load(app, postmaster, s.path, s.headers, roundSeconds);
        figures.get(s.key)?.push(f);
        console.log(
          `  round ${i} ${`${s.path} (${s.credential})`.padEnd(40)} ${String(f.rps).padStart(6)} req/s` +
            `  p50 ${f.p50} ms  p99 ${f.p99} ms  CPU/req: app ${f.cpuUsPerRequest} µs, PostgreSQL ${f.postgresCpuUsPerRequest ?? '?'} µs` +
            (f.non2xx || f.errors ? `  non-2xx ${f.non2xx} errors ${f.errors}` : ''),
        );
      }
    }

    // SQL statements per request: PostgreSQL's transaction count over requests one at a time, less
    // what it counts meanwhile with no request (the job queue's polls, these reads).
    console.log(
      `  counting SQL statements: ${countRequests} requests one at a time per route (about ${Math.round(((scenarios.length + 2) * STATS_FLUSH_MS) / 1000)} s)`,
    );
    await sleep(STATS_FLUSH_MS); // until the load's last statistics are in
    const idleStart = performance.now();
    const idle0 = await transactions(database);
    await sleep(STATS_FLUSH_MS);
    const idle1 = await transactions(database);
    const idleRate = (idle1 - idle0) / ((performance.now() - idleStart) / 1000);
    console.log(`  with no request: ${idle1 - idle0} transactions in ${STATS_FLUSH_MS / 1000} s`);
    const statements = new Map<ScenarioKey, number>();
    for (const s of scenarios) {
      const started = performance.now();
      const before = await transactions(database);
      for (let i = 0; i < countRequests; i++) {
        const response = await get(app.port, s.path, s.headers);
        if (response.status !== 200)
          throw new Error(`GET ${s.path} answered ${response.status} while counting`);
      }
      await sleep(STATS_FLUSH_MS);
      const after = await transactions(database);
      const seconds = (performance.now() - started) / 1000;
      const per = Math.max(0, (after - before - idleRate * seconds) / countRequests);
      statements.set(s.key, round(per, 1));
      console.log(
        `  ${s.path.padEnd(22)} ${after - before} transactions in ${seconds.toFixed(1)} s → ${round(per, 1)} per request`,
      );
    }

    const result: AuthScenario[] = scenarios.map((s) => {
      const list = figures.get(s.key) ?? [];
      const pg = list.map((f) => f.postgresCpuUsPerRequest).filter((v): v is number => v !== undefined);
      const postgresCpuUs = pg.length === list.length && pg.length ? round(median(pg), 1) : undefined;
      const count = statements.get(s.key);
      return {
        key: s.key,
        label: s.label,
        path: s.path,
        credential: s.credential,
        bytes: bytes.get(s.key) ?? 0,
        rounds: list,
        medianRps: round(median(list.map((f) => f.rps))),
        medianP50: median(list.map((f) => f.p50)),
        medianP99: median(list.map((f) => f.p99)),
        cpuUs: round(median(list.map((f) => f.cpuUsPerRequest)), 1),
        ...(postgresCpuUs !== undefined ? { postgresCpuUs } : {}),
        ...(count !== undefined ? { statements: count } : {}),
      };
    });
    return {
      measuredAt: new Date().toISOString(),
      connections: CONNECTIONS,
      pipelining: PIPELINING,
      rounds,
      roundSeconds,
      warmupSeconds,
      countRequests,
      idleXactsPerSecond: round(idleRate, 1),
      scenarios: result,
    };
  } finally {
    await app.stop();
    if (credentials) {
      await removeCredentials(database, credentials, apiBucket).catch((error: unknown) =>
        console.error(`  could not remove the bench account and token: ${String(error)}`),
      );
    }
    await database.close();
  }
}
