/**
 * The one place that reads the environment. It is read and validated once at start-up; a bad value
 * stops the process with a message naming the variable. Documented in README.md (Configuration).
 */
import { isIP } from 'node:net';
import path from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
/** JSON lines (the default), or readable lines for a person at a terminal (`npm run dev`). */
export type LogFormat = 'json' | 'pretty';

export interface Config {
  /** TCP port the HTTP server listens on. */
  port: number;
  /** Interface to bind. */
  host: string;
  /** External PostgreSQL; when absent an embedded server is started under dataDir. */
  databaseUrl: string | undefined;
  /** Where the embedded database, outgoing mail files and other local state live. */
  dataDir: string;
  /** The public base URL used for absolute links when the request's host is not a region host. */
  publicUrl: URL;
  /** SMTP server for outgoing mail; when absent mail is written as .eml files under dataDir/mail. */
  smtpUrl: string | undefined;
  /** Sender address of outgoing mail. */
  mailFrom: string;
  logLevel: LogLevel;
  logFormat: LogFormat;
  /** Secret for signing CSRF tokens; generated and stored under dataDir when not given. */
  secret: string | undefined;
  /** Run the task worker inside the web process. */
  inlineWorker: boolean;
  /** Short tasks (mail, sweeps) a worker runs at the same time. */
  taskConcurrencyShort: number;
  /** Long tasks (ingestion) a worker runs at the same time; 0 leaves them to other processes. */
  taskConcurrencyLong: number;
  /** Bearer token that grants access to /metrics from other hosts than loopback. */
  metricsToken: string | undefined;
  /**
   * Which X-Forwarded-* hops to believe: false (none: the socket's address is the client), the
   * number of reverse proxies in front, or the proxies' addresses and CIDR ranges.
   */
  trustProxy: TrustProxy;
  /** Seed the demo region and content at start. */
  seedDemo: boolean;
  /** Maximum request body in bytes. */
  bodyLimit: number;
  /** A request's headers and body must have arrived within this many ms (else 408). */
  requestTimeoutMs: number;
  /** Requests waiting for a database connection (per process) above which the server answers 503. */
  maxDbWaiting: number;
  /** Event-loop delay (ms) above which the server answers 503. */
  maxEventLoopDelay: number;
  /** Rendered job-board responses kept in memory per process (0 turns the cache off). */
  jobCacheSize: number;
  /** Base URL of JobTech's JobStream API (`/snapshot`, `/stream`), without a trailing slash. */
  jobtechStreamUrl: string;
  /** Optional JobTech API key, sent as header `api-key`. */
  jobtechApiKey: string | undefined;
  /** Schedule the JobStream ingestion and expiry jobs (off by default: tests and demo stay offline). */
  jobtechIngest: boolean;
  /** A snapshot may close at most this percentage of a region's open ads without --allow-mass-close. */
  jobtechSnapshotMaxClosePercent: number;
  /** A session ends after this many minutes without a request. */
  sessionIdleMinutes: number;
  /** A session ends this many hours after sign-in, however active. */
  sessionMaxHours: number;
  /** S3-compatible object storage for files (media); undefined keeps them under dataDir/files. */
  s3: S3Settings | undefined;
  /** Largest image upload in bytes (MEDIA_MAX_BYTES). */
  mediaMaxBytes: number;
  /** Most pixels (width × height) an uploaded image may have (MEDIA_MAX_PIXELS). */
  mediaMaxPixels: number;
}

export interface S3Settings {
  endpoint: URL;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** endpoint/bucket/key URLs instead of bucket.endpoint/key (MinIO and most self-hosted servers). */
  forcePathStyle: boolean;
}

export type TrustProxy = false | number | string[];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Configuration error: ${variable} ${message}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  // Spaces around a value (an .env or compose file leaves them easily) are not part of it.
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/** `secret`: the value may hold a password (DATABASE_URL, SMTP_URL), so a refusal never repeats it. */
function url(name: string, raw: string, protocols: string[], secret = false): URL {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    const hint = secret ? '' : `, got "${raw}"; write it with its scheme, e.g. ${protocols.at(-1)}//${raw}`;
    throw new ConfigError(name, `is not a valid URL${hint}`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
  }
  return parsed;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: `false`, a hop count (`1` for one nginx in front), or a comma-separated list of proxy
 * addresses/CIDRs (`127.0.0.1,10.0.0.0/8`, or `loopback`). `true` is refused: trusting every hop
 * lets a client pick its own address with one header.
 */
function trustProxy(env: Env): TrustProxy {
  const raw = (env.TRUST_PROXY ?? '').trim().toLowerCase();
  if (raw === '' || ['0', 'false', 'no', 'off'].includes(raw)) return false;
  if (['true', 'yes', 'on'].includes(raw)) {
    throw new ConfigError(
      'TRUST_PROXY',
      `cannot be "${raw}": trusting every X-Forwarded-For hop lets any client choose its own address. Give the number of proxies in front (e.g. 1) or their addresses (e.g. 127.0.0.1,10.0.0.0/8)`,
    );
  }
  if (/^\d+$/.test(raw)) return int(env, 'TRUST_PROXY', 0, 1, 10);
  // A trailing comma (or a doubled one) names no proxy.
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) {
    throw new ConfigError(
      'TRUST_PROXY',
      `must be false, a number of proxies, or proxy addresses/CIDRs, got "${raw}"`,
    );
  }
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const bitsOk =
      bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_NAMES.has(entry) && (family === 0 || !bitsOk || extra !== undefined)) {
      throw new ConfigError(
        'TRUST_PROXY',
        `must be false, a number of proxies, or proxy addresses/CIDRs; "${entry}" is none of them`,
      );
    }
    // Wider than any proxy network (10.0.0.0/8, fc00::/7): the same as "true".
    if (bits !== undefined && Number(bits) < (family === 6 ? 7 : 8)) {
      throw new ConfigError(
        'TRUST_PROXY',
        `cannot trust "${entry}": a range that wide lets any client choose its own address with X-Forwarded-For. Name the proxies' own addresses or network (e.g. 127.0.0.1,10.0.0.0/8)`,
      );
    }
  }
  return entries;
}

/**
 * DATABASE_URL: a postgres:// URL naming at most one database. A `#` or a second path segment is
 * almost always a password or database name with a character that needed percent-encoding; pg would
 * otherwise connect somewhere else than meant, or fail later with a less clear message.
 */
function checkDatabaseUrl(raw: string): void {
  if (raw.includes('#')) {
    throw new ConfigError(
      'DATABASE_URL',
      'contains "#": percent-encode special characters in the user name, password or database name (# is %23, @ is %40, / is %2F)',
    );
  }
  const parsed = url('DATABASE_URL', raw, ['postgres:', 'postgresql:'], true);
  const segments = parsed.pathname.split('/').filter((s) => s !== '');
  if (segments.length > 1) {
    throw new ConfigError(
      'DATABASE_URL',
      'names more than one path segment; it must be postgres://user:password@host:port/database (percent-encode a / in the password as %2F)',
    );
  }
  if (!parsed.hostname && !parsed.searchParams.get('host')) {
    throw new ConfigError(
      'DATABASE_URL',
      'names no host: write postgres://user:password@host:port/database, or ?host=/var/run/postgresql for a Unix socket',
    );
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * PUBLIC_URL: the site's origin. Lotsa serves from the root of its host and links use the origin
 * only, so a path would be dropped from every link without a word; user info would end up in every
 * e-mailed link; and with NODE_ENV=production a plain-http origin other than loopback would give
 * sessions cookies without Secure over a network.
 */
function checkPublicUrl(env: Env, port: number): URL {
  const given = env.PUBLIC_URL?.trim();
  const publicUrl = url('PUBLIC_URL', given || `http://localhost:${port}`, ['http:', 'https:']);
  if (publicUrl.pathname !== '/' || publicUrl.search || publicUrl.hash) {
    throw new ConfigError(
      'PUBLIC_URL',
      `must be an origin without a path (Lotsa is served from the root of its host), such as ${publicUrl.origin}; got "${given}"`,
    );
  }
  if (publicUrl.username || publicUrl.password) {
    throw new ConfigError('PUBLIC_URL', `must not contain a user name or password; use ${publicUrl.origin}`);
  }
  const production = env.NODE_ENV?.trim() === 'production';
  if (production && publicUrl.protocol === 'http:' && !LOOPBACK_HOSTS.has(publicUrl.hostname)) {
    throw new ConfigError(
      'PUBLIC_URL',
      `must start with https: when NODE_ENV=production (sign-in cookies are only Secure over HTTPS), got "${given}"`,
    );
  }
  return publicUrl;
}

/** S3_*: all five or none; half a configuration is refused naming the first missing variable. */
function s3Settings(env: Env): S3Settings | undefined {
  const values = {
    S3_ENDPOINT: env.S3_ENDPOINT?.trim() ?? '',
    S3_BUCKET: env.S3_BUCKET?.trim() ?? '',
    S3_REGION: env.S3_REGION?.trim() ?? '',
    S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID?.trim() ?? '',
    S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY?.trim() ?? '',
  };
  const names = Object.keys(values) as (keyof typeof values)[];
  const given = names.filter((name) => values[name] !== '');
  const forcePathStyle = bool(env, 'S3_FORCE_PATH_STYLE', false);
  if (given.length === 0) {
    if (env.S3_FORCE_PATH_STYLE?.trim()) {
      throw new ConfigError('S3_FORCE_PATH_STYLE', `is set, but ${names.join(', ')} are not`);
    }
    return undefined;
  }
  const missing = names.find((name) => values[name] === '');
  if (missing) {
    throw new ConfigError(
      missing,
      `must be set too: S3 storage needs ${names.join(', ')} (${given.join(', ')} given)`,
    );
  }
  const endpoint = url('S3_ENDPOINT', values.S3_ENDPOINT, ['http:', 'https:']);
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(values.S3_BUCKET)) {
    throw new ConfigError(
      'S3_BUCKET',
      `must be a bucket name (3–63 lower-case letters, digits, dots, hyphens), got "${values.S3_BUCKET}"`,
    );
  }
  return {
    endpoint,
    bucket: values.S3_BUCKET,
    region: values.S3_REGION,
    accessKeyId: values.S3_ACCESS_KEY_ID,
    secretAccessKey: values.S3_SECRET_ACCESS_KEY,
    forcePathStyle,
  };
}

/** Reads and validates the environment. Throws ConfigError naming the first bad variable. */
/** Variables whose value in deploy/lotsa.env.template is a CHANGE-ME placeholder. */
const PLACEHOLDER_VARIABLES = ['DATABASE_URL', 'LOTSA_SECRET', 'METRICS_TOKEN'] as const;

/** A placeholder left in the environment file is refused, not used (a secret everyone knows). */
function refusePlaceholders(env: Env): void {
  for (const name of PLACEHOLDER_VARIABLES) {
    if (env[name]?.includes('CHANGE-ME')) {
      throw new ConfigError(
        name,
        'still holds the CHANGE-ME placeholder of deploy/lotsa.env.template: set your own value' +
          (name === 'DATABASE_URL' ? " (the lotsa role's password)" : ' (openssl rand -base64 48)'),
      );
    }
  }
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  refusePlaceholders(env);
  const port = int(env, 'PORT', 3000, 0, 65535);
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl) checkDatabaseUrl(databaseUrl);
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl) url('SMTP_URL', smtpUrl, ['smtp:', 'smtps:'], true);
  const publicUrl = checkPublicUrl(env, port);
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const logFormat = (env.LOG_FORMAT?.trim().toLowerCase() || 'json') as LogFormat;
  if (logFormat !== 'json' && logFormat !== 'pretty') {
    throw new ConfigError('LOG_FORMAT', `must be json or pretty, got "${env.LOG_FORMAT}"`);
  }
  const secret = env.LOTSA_SECRET || undefined;
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError('LOTSA_SECRET', 'must be at least 32 characters');
  }
  const jobtechStreamUrl = url(
    'JOBTECH_STREAM_URL',
    env.JOBTECH_STREAM_URL || 'https://jobstream.api.jobtechdev.se',
    ['http:', 'https:'],
  ).href.replace(/\/+$/, '');
  const mailFrom = env.MAIL_FROM || `Lotsa <no-reply@${publicUrl.hostname}>`;
  if (!/^[^\r\n]+@[^\r\n]+$/.test(mailFrom)) throw new ConfigError('MAIL_FROM', 'must be an e-mail address');
  return {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(cwd, env.LOTSA_DATA_DIR || 'var'),
    publicUrl,
    smtpUrl,
    mailFrom,
    logLevel,
    logFormat,
    secret,
    inlineWorker: bool(env, 'LOTSA_INLINE_WORKER', true),
    taskConcurrencyShort: int(env, 'TASK_CONCURRENCY_SHORT', 2, 1, 32),
    taskConcurrencyLong: int(env, 'TASK_CONCURRENCY_LONG', 1, 0, 32),
    metricsToken: env.METRICS_TOKEN || undefined,
    trustProxy: trustProxy(env),
    seedDemo: bool(env, 'LOTSA_SEED_DEMO', true),
    bodyLimit: int(env, 'BODY_LIMIT', 64 * 1024, 1024, 50 * 1024 * 1024),
    maxEventLoopDelay: int(env, 'MAX_EVENT_LOOP_DELAY_MS', 1000, 10, 60_000),
    requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', 30_000, 500, 600_000),
    maxDbWaiting: int(env, 'MAX_DB_WAITING', 40, 1, 100_000),
    jobCacheSize: int(env, 'JOB_CACHE_SIZE', 500, 0, 100_000),
    jobtechStreamUrl,
    jobtechApiKey: env.JOBTECH_API_KEY || undefined,
    jobtechIngest: bool(env, 'JOBTECH_INGEST', false),
    jobtechSnapshotMaxClosePercent: int(env, 'JOBTECH_SNAPSHOT_MAX_CLOSE_PERCENT', 25, 0, 100),
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 12 * 60, 5, 30 * 24 * 60),
    sessionMaxHours: int(env, 'SESSION_MAX_HOURS', 14 * 24, 1, 365 * 24),
    s3: s3Settings(env),
    mediaMaxBytes: int(env, 'MEDIA_MAX_BYTES', 15 * 1024 * 1024, 64 * 1024, 200 * 1024 * 1024),
    mediaMaxPixels: int(env, 'MEDIA_MAX_PIXELS', 40_000_000, 1_000_000, 500_000_000),
  };
}
