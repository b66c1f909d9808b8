/**
 * Fixed-window rate limits kept in PostgreSQL, so every app process counts the same hits. A route
 * opts in with `config.rateLimit`; its answers say the policy and what is left of it in the
 * `RateLimit-Policy` and `RateLimit` headers (IETF draft httpapi-ratelimit-headers:
 * `RateLimit-Policy: "api";q=1200;w=60`, `RateLimit: "api";r=1187;t=42`), and over the limit it
 * answers 429 with Retry-After. Buckets key on a keyed hash of the client address, never the
 * address itself.
 */
import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { AppError } from '../errors.ts';

export interface RateLimitRule {
  /** Bucket name, e.g. `feedback`. */
  name: string;
  max: number;
  windowSeconds: number;
}

/** A bucket after one hit: requests left in the window, seconds until it ends, and the wait if over. */
export interface RateLimitState {
  remaining: number;
  reset: number;
  wait: number | undefined;
}

export interface RateLimiter {
  /** Counts one hit; returns seconds to wait when the bucket is over its limit. */
  hit(bucket: string, rule: RateLimitRule): Promise<number | undefined>;
  /** Counts one hit and tells what is left of the window (the RateLimit header); `hit` in full. */
  take?(bucket: string, rule: RateLimitRule): Promise<RateLimitState>;
  /**
   * Seconds to wait when the next hit would be refused, without counting one (for a request that
   * spends several buckets: look at all before spending any).
   */
  peek?(bucket: string, rule: RateLimitRule): Promise<number | undefined>;
  /** Deletes windows that have ended. */
  sweep(): Promise<number>;
}

/** How many buckets over their limit this process remembers (oldest forgotten first). */
const MAX_REMEMBERED_BLOCKS = 10_000;

export function createRateLimiter(pool: pg.Pool): RateLimiter {
  // Buckets known to be over their limit, and until when (ms). A fixed window, once over, stays over
  // until it ends, so a client that keeps knocking is answered from memory: a flood of refused
  // requests costs no queries and no lock on the bucket's row.
  const blocked = new Map<string, number>();
  async function take(bucket: string, rule: RateLimitRule): Promise<RateLimitState> {
    const until = blocked.get(bucket);
    if (until !== undefined) {
      const left = until - Date.now();
      if (left > 0) {
        const wait = Math.max(1, Math.ceil(left / 1000));
        return { remaining: 0, reset: wait, wait };
      }
      blocked.delete(bucket);
    }
    const result = await pool.query(
      `INSERT INTO rate_limit_hits (bucket, window_start, hits)
       VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
       RETURNING hits, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS wait`,
      [bucket, rule.windowSeconds],
    );
    const row = result.rows[0] as { hits: number; wait: number };
    const reset = Math.max(1, row.wait);
    if (row.hits <= rule.max) return { remaining: rule.max - row.hits, reset, wait: undefined };
    if (blocked.size >= MAX_REMEMBERED_BLOCKS) blocked.delete(blocked.keys().next().value as string);
    blocked.set(bucket, Date.now() + reset * 1000);
    return { remaining: 0, reset, wait: reset };
  }
  return {
    take,
    async peek(bucket, rule) {
      const until = blocked.get(bucket);
      if (until !== undefined && until > Date.now())
        return Math.max(1, Math.ceil((until - Date.now()) / 1000));
      const result = await pool.query(
        `SELECT hits, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS wait
           FROM rate_limit_hits
          WHERE bucket = $1 AND window_start = to_timestamp(floor(extract(epoch FROM now()) / $2) * $2)`,
        [bucket, rule.windowSeconds],
      );
      const row = result.rows[0] as { hits: number; wait: number } | undefined;
      return row && row.hits >= rule.max ? Math.max(1, row.wait) : undefined;
    },
    async hit(bucket, rule) {
      return (await take(bucket, rule)).wait;
    },
    async sweep() {
      const result = await pool.query(
        `DELETE FROM rate_limit_hits WHERE window_start < now() - interval '1 day'`,
      );
      return result.rowCount ?? 0;
    },
  };
}

/**
 * What a client's address counts as: an IPv4 address itself (however it is written: also as an
 * IPv4-mapped IPv6 address), an IPv6 address its /64 (one subscriber usually holds a whole /64, so
 * each of its addresses is not a new client). A port, which some proxies write after the address in
 * X-Forwarded-For (`203.0.113.7:51234`, `[2001:db8::1]:443`), is no part of it: the client picks a
 * new one with every connection.
 */
export function addressBucket(given: string): string {
  const ip = withoutPort(given.trim());
  if (isIP(ip) !== 6) return ip;
  const groups = ipv6Groups(ip.split('%')[0] as string);
  if (groups.length !== 8) return ip.toLowerCase();
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(address);
  if (bracketed) return bracketed[1] as string;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(address);
  return v4 ? (v4[1] as string) : address;
}

/** The eight 16-bit groups of a valid IPv6 address (an embedded IPv4 tail as two of them). */
function ipv6Groups(address: string): number[] {
  const parts = (text: string) =>
    text
      ? text.split(':').flatMap((g) => {
          if (!g.includes('.')) return [parseInt(g, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = g.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        })
      : [];
  const [head = '', tail] = address.split('::');
  const left = parts(head);
  if (tail === undefined) return left;
  const right = parts(tail);
  return [...left, ...Array<number>(Math.max(0, 8 - left.length - right.length)).fill(0), ...right];
}

/** A keyed hash of the client's address bucket: what per-client limits count on. */
export function clientKey(request: FastifyRequest, secret: string): string {
  return createHmac('sha256', secret)
    .update(`ip:${addressBucket(request.ip)}`)
    .digest('base64url')
    .slice(0, 22);
}

/** The rule's policy, as `RateLimit-Policy` writes it. */
export function rateLimitPolicy(rule: RateLimitRule): string {
  return `"${rule.name}";q=${rule.max};w=${rule.windowSeconds}`;
}

/** Sets `RateLimit-Policy` and `RateLimit` on a reply from the bucket's state after this request. */
function setRateLimitHeaders(reply: FastifyReply, rule: RateLimitRule, state: RateLimitState): void {
  reply.header('ratelimit-policy', rateLimitPolicy(rule));
  reply.header('ratelimit', `"${rule.name}";r=${Math.max(0, state.remaining)};t=${state.reset}`);
}

/** Returns the per-request check: undefined when the route has no limit, else a promise of the verdict. */
export function createRateLimitCheck(
  limiter: RateLimiter,
  secret: string,
  options: { trustProxy: boolean } = { trustProxy: false },
): (request: FastifyRequest, reply: FastifyReply) => Promise<AppError | undefined> | undefined {
  let warned = false;
  return (request, reply) => {
    const rule = request.routeConfig.rateLimit;
    if (!rule) return undefined;
    if (!warned && !options.trustProxy && request.headers['x-forwarded-for']) {
      // Behind a proxy without TRUST_PROXY every client shares the proxy's address and its limits.
      warned = true;
      request.log.warn(
        'a request came through a proxy (X-Forwarded-For) but TRUST_PROXY is off: every client behind it shares one rate limit; set TRUST_PROXY to the number of proxies in front',
      );
    }
    const bucket = `${rule.name}:${clientKey(request, secret)}`;
    const refuse = (wait: number | undefined) =>
      wait === undefined ? undefined : new AppError('LOTSA_RATE_LIMITED', { retryAfter: wait });
    if (!limiter.take) return limiter.hit(bucket, rule).then(refuse);
    return limiter.take(bucket, rule).then((state) => {
      setRateLimitHeaders(reply, rule, state);
      return refuse(state.wait);
    });
  };
}

/**
 * How much work each key (a client) has running in this process; `enter` refuses past `max`. For
 * expensive work a per-window limit alone would let arrive all at once.
 */
export class ConcurrencyLimit {
  private readonly running = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** A function that ends this piece of work, or undefined when the key already has `max` running. */
  enter(key: string): (() => void) | undefined {
    const now = this.running.get(key) ?? 0;
    if (now >= this.max) return undefined;
    this.running.set(key, now + 1);
    return () => {
      const left = (this.running.get(key) ?? 1) - 1;
      if (left > 0) this.running.set(key, left);
      else this.running.delete(key);
    };
  }
}
