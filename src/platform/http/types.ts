/** What the platform adds to Fastify's request and route config. */
import type { Region } from '../region.ts';
import type { Principal } from '../auth/principal.ts';
import type { Lang } from '../i18n/index.ts';
import type { Permission } from '../permissions.ts';
import type { RouteEntry } from './authorize.ts';
import type { RateLimitRule } from './rate-limit.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_URL's origin. */
    publicOrigin: string;
    /** Every route with the permission it declares (filled as routes are added). */
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    /** The region this request is for (from its host). */
    region: Region;
    /** The page language: from the /sv or /en prefix, else negotiated. */
    lang: Lang;
    /** The matched route's pattern and config, read once per request (Fastify builds
     *  `routeOptions` anew on every access). Undefined for the not-found handler. */
    routeUrl: string | undefined;
    routeConfig: FastifyContextConfig;
    /** The signed-in person or API token; null when none (read only on routes that need it). */
    auth: Principal | null;
    /** Nonce for this response's Content-Security-Policy. */
    cspNonce: string;
  }
  interface FastifyReply {
    /** The CSRF token for forms on this page (sets its cookie on this reply when needed). */
    csrfToken(): string;
  }
  interface FastifyContextConfig {
    permission?: Permission;
    rateLimit?: RateLimitRule;
    /**
     * false only for routes that authenticate by bearer token instead of cookies (or by a token in
     * the path, as one-click unsubscribe); 'origin' for a form on a page cached alike for everyone,
     * which cannot carry a person's token: only the same-origin half of the check (Sec-Fetch-Site,
     * else Origin) is made.
     */
    csrf?: boolean | 'origin';
    /** 'optional': a public route that still reads the session when there is one. */
    auth?: 'optional';
    /** Not logged per request (health checks, metrics). */
    quiet?: boolean;
    /** Answered even while load is shed (the liveness probe: a busy process is still alive). */
    neverShed?: boolean;
    /** ETag/Last-Modified and 304 on 200 answers to GET (conditional.ts). */
    conditional?: boolean;
    /** 'public': readable from any origin without credentials (cors.ts); public read API only. */
    cors?: 'public';
    /**
     * Other sites may use the answer (security.ts): 'resource' — load it cross-origin
     * (Cross-Origin-Resource-Policy: cross-origin); 'frame' — that, and show it in an iframe
     * (CSP frame-ancestors *, no X-Frame-Options). The toolbox widget's JSON and page only.
     */
    embed?: 'resource' | 'frame';
  }
}
