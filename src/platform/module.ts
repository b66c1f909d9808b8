/**
 * The module contract: what a domain module (regions, site, the job board, identity, …) declares,
 * and what it receives. `src/modules/index.ts` lists the modules; `app.ts` and `runtime.ts` loop
 * over that list, so adding a module is one line there. The platform never imports a module.
 */
import type { Logger } from 'pino';
import type { SessionStore } from './auth/sessions.ts';
import type { Config } from './config.ts';
import type { Database } from './db/index.ts';
import type { Site } from './html/layout.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { RegionDirectory } from './region.ts';

/** What every module's routes receive: the few shared things they may use. */
export interface ModuleDeps {
  database: Database;
  queue: JobQueue;
  regions: RegionDirectory;
  site: Site;
  logger: Logger;
  config: Config;
  sessions: SessionStore;
  /** For limits a route config cannot express (per e-mail address, per account). */
  rateLimiter: RateLimiter;
  /** Keyed hashing of rate-limit keys and similar (never stored in clear). */
  secret: string;
}
