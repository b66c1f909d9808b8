/**
 * Fixed-window rate limits kept in PostgreSQL, so every app process counts the same hits. A route
 * opts in with `config.rateLimit`; over the limit it answers 429 with Retry-After. Buckets key on a
 * keyed hash of the client address, never the address itself.
 */
import { createHmac } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { AppError } from '../errors.ts';

export interface RateLimitRule {
  /** Bucket name, e.g. `feedback`. */
  name: string;
  max: number;
  windowSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit; returns seconds to wait when the bucket is over its limit. */
  hit(bucket: string, rule: RateLimitRule): Promise<number | undefined>;
  /** Deletes windows that have ended. */
  sweep(): Promise<number>;
}

export function createRateLimiter(pool: pg.Pool): RateLimiter {
  return {
    async hit(bucket, rule) {
      const result = await pool.query(
        `INSERT INTO rate_limit_hits (bucket, window_start, hits)
         VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
         RETURNING hits, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS wait`,
        [bucket, rule.windowSeconds],
      );
      const row = result.rows[0] as { hits: number; wait: number };
      return row.hits > rule.max ? Math.max(1, row.wait) : undefined;
    },
    async sweep() {
      const result = await pool.query(
        `DELETE FROM rate_limit_hits WHERE window_start < now() - interval '1 day'`,
      );
      return result.rowCount ?? 0;
    },
  };
}

/** Returns the per-request check: undefined when the route has no limit, else a promise of the verdict. */
export function createRateLimitCheck(
  limiter: RateLimiter,
  secret: string,
): (request: FastifyRequest) => Promise<AppError | undefined> | undefined {
  const clientKey = (request: FastifyRequest) =>
    createHmac('sha256', secret).update(`ip:${request.ip}`).digest('base64url').slice(0, 22);
  return (request) => {
    const rule = request.routeConfig.rateLimit;
    if (!rule) return undefined;
    return limiter
      .hit(`${rule.name}:${clientKey(request)}`, rule)
      .then((wait) =>
        wait === undefined ? undefined : new AppError('LOTSA_RATE_LIMITED', { retryAfter: wait }),
      );
  };
}
