/**
 * The module contract: what a domain module (regions, site, the job board, identity, …) declares,
 * and what it receives. `src/modules/index.ts` lists the modules; `app.ts` and `runtime.ts` loop
 * over that list, so adding a module is one line there. The platform never imports a module.
 *
 * Everything is optional but the name. In the order the platform uses them:
 *
 *   seed         base data at every start (idempotent), and demo data when `demo` (runtime.ts)
 *   tasks        defines the module's background tasks on the queue (runtime.ts, tests, workers)
 *   start        makes the module's per-app state (listeners, caches) before any routes; `close`
 *                ends it when the app closes (app.ts)
 *   navigation   the site's sections: links in the public header menu and the footer sitemap,
 *                each in its slot (SectionOrder in html/layout.ts) and footer group
 *   adminNavigation
 *                links in the back-office menu, in module order
 *   sitemap      the module's pages for sitemap.xml, per region
 *   auditSentences, auditGroups
 *                its kinds of audit event: a label and the sentences that tell one (sv/en); and
 *                groups of them (by dotted prefix) that the audit filter offers as one choice
 *   openApi      its API operations (the same objects its API routes take their schemas from),
 *                named schemas and security schemes, for /api/openapi.json
 *   personalData what it keeps about a person: exported and erased with the account (identity's
 *                own page reads the list in ModuleDeps)
 *   ownPageSections
 *                sections it adds to the own page (/sv/me)
 *   privacyProcessing
 *                what it does with personal data, for the privacy notice (/sv/privacy)
 *   routes       an encapsulated Fastify plugin: what it adds (hooks, decorators) stays inside it;
 *                it inherits the platform's hooks, decorators, error and not-found handlers. Its
 *                `app` is typed by the TypeBox provider: each route's `schema` types its request
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { AuditCatalogue, type AuditGroup, type AuditSentences } from './audit-sentences.ts';
import type { SessionStore } from './auth/sessions.ts';
import type { Config } from './config.ts';
import type { Database } from './db/index.ts';
import type { DB } from './db/schema.ts';
import type { AdminNavItem, NavItem, Site, SitemapEntry } from './html/layout.ts';
import { openApiDocument, type OpenApiContribution, type OpenApiDocument } from './http/openapi.ts';
import type { RateLimiter } from './http/rate-limit.ts';
import type { OwnPageSection, PersonalDataPart, PrivacyProcessing } from './personal-data.ts';
import { typed, type App } from './http/schema.ts';
import type { TaskQueue } from './tasks/queue.ts';
import type { Region, RegionDirectory } from './region.ts';

/** What every module's routes receive: the few shared things they may use. */
export interface ModuleDeps {
  database: Database;
  queue: TaskQueue;
  regions: RegionDirectory;
  site: Site;
  logger: Logger;
  config: Config;
  sessions: SessionStore;
  /** For limits a route config cannot express (per e-mail address, per account). */
  rateLimiter: RateLimiter;
  /** Keyed hashing of rate-limit keys and similar (never stored in clear). */
  secret: string;
  /** Every module's kinds of audit event: labels and sentences. */
  audit: AuditCatalogue;
  /** The OpenAPI document assembled from every module's contribution (served at /api/openapi.json). */
  openApi: OpenApiDocument;
  /** Every module's part of a person's data, in module order (the own page's export and erasure). */
  personalData: readonly PersonalDataPart[];
  /** Every module's sections of the own page, by order. */
  ownPageSections: readonly OwnPageSection[];
  /** Every module's processings of personal data for the privacy notice, in module order. */
  privacyProcessing: readonly PrivacyProcessing[];
  /**
   * The time now. Real time in the app; a test may move it (a licence past its last day). Code that
   * decides by the date — what has expired — reads it here rather than calling new Date().
   */
  clock: () => Date;
}

/** What a module's background tasks receive (a worker process has no HTTP app). */
export interface TaskDeps {
  database: Database;
  config: Config;
  /** The time now (as ModuleDeps.clock): real time unless a test moves it. */
  clock?: () => Date;
}

/** What a module's seed receives. */
export interface SeedContext {
  /** Load the demo data too (SEED_DEMO), not only the base data every install needs. */
  demo: boolean;
  logger?: Logger;
  /** The configuration, where a seed needs it (the media library's storage); absent in the test template. */
  config?: Config;
}

/**
 * One module. `State` is what `start` makes for this app (the job board's change listener and
 * response cache); `routes`, `sitemap` and `close` receive it.
 */
export interface LotsaModule<State = undefined> {
  /** Short, lower-case; routes are tagged with it in the app's route table. */
  name: string;
  seed?(db: Kysely<DB>, context: SeedContext): Promise<void>;
  tasks?(queue: TaskQueue, deps: TaskDeps): void;
  start?(deps: ModuleDeps): Promise<State> | State;
  close?(state: State): Promise<void> | void;
  navigation?: readonly NavItem[];
  adminNavigation?: readonly AdminNavItem[];
  /** Its pages for sitemap.xml, read in slices (see SitemapSource). */
  sitemap?: {
    version(region: Region, state: State): string;
    count(region: Region, state: State): Promise<number>;
    entries(region: Region, state: State, offset: number, limit: number): AsyncIterable<SitemapEntry>;
  };
  /** What it keeps about a person: in the own page's export, erased with the account. */
  personalData?: readonly PersonalDataPart[];
  /** Sections it adds to the own page. */
  ownPageSections?: readonly OwnPageSection[];
  /** Its processings of personal data, described on the privacy notice. */
  privacyProcessing?: readonly PrivacyProcessing[];
  auditSentences?: AuditSentences;
  /** Groups of its kinds of event that the audit filter offers as one choice. */
  auditGroups?: readonly AuditGroup[];
  /** Its part of the API document; `audit` holds every module's kinds of event. */
  openApi?(context: { audit: AuditCatalogue }): OpenApiContribution;
  routes?(app: App, deps: ModuleDeps, state: State): void | Promise<void>;
}

/** A module of any state, as the module list holds them. */
export type AnyModule = LotsaModule<unknown>;

/** Declares a module (checks its shape and infers its state's type). */
export function defineModule<State = undefined>(module: LotsaModule<State>): LotsaModule<State> {
  return module;
}

/** Every module's kinds of audit event, in module order. */
export function auditCatalogueOf(modules: readonly AnyModule[]): AuditCatalogue {
  return new AuditCatalogue(
    modules.flatMap((m) => (m.auditSentences ? [m.auditSentences] : [])),
    modules.flatMap((m) => m.auditGroups ?? []),
  );
}

/** The OpenAPI document from every module's contribution, in module order. */
export function openApiOf(modules: readonly AnyModule[], audit: AuditCatalogue): OpenApiDocument {
  return openApiDocument(modules.flatMap((m) => (m.openApi ? [m.openApi({ audit })] : [])));
}

/** Every module's parts of a person's data, in module order. */
export function personalDataOf(modules: readonly AnyModule[]): PersonalDataPart[] {
  return modules.flatMap((m) => m.personalData ?? []);
}

/** Every module's sections of the own page, by their order (equal ones in module order). */
export function ownPageSectionsOf(modules: readonly AnyModule[]): OwnPageSection[] {
  return modules.flatMap((m) => m.ownPageSections ?? []).sort((a, b) => a.order - b.order);
}

/** Every module's processings of personal data for the privacy notice, in module order. */
export function privacyProcessingOf(modules: readonly AnyModule[]): PrivacyProcessing[] {
  return modules.flatMap((m) => m.privacyProcessing ?? []);
}

/** The decorator naming the module a Fastify scope belongs to (read by the route table). */
export const MODULE_DECORATOR = 'lotsaModule';

/**
 * Registers the modules on the app, in order: their navigation and sitemap sources into `site`,
 * then for each its state and its routes in a scope of its own. `deps.site` is filled here.
 */
export async function registerModules(
  app: FastifyInstance,
  modules: readonly AnyModule[],
  deps: ModuleDeps,
): Promise<void> {
  for (const module of modules) {
    deps.site.navigation.push(...(module.navigation ?? []));
    deps.site.adminNavigation.push(...(module.adminNavigation ?? []));
  }
  // Stable sorts: items of equal order stay in module order.
  deps.site.navigation.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  deps.site.adminNavigation.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  for (const module of modules) {
    const state = await module.start?.(deps);
    if (module.close) app.addHook('onClose', async () => module.close?.(state));
    const sitemap = module.sitemap;
    if (sitemap) {
      deps.site.sitemapSources.push({
        version: (region) => sitemap.version(region, state),
        count: (region) => sitemap.count(region, state),
        entries: (region, offset, limit) => sitemap.entries(region, state, offset, limit),
      });
    }
    if (!module.routes) continue;
    await app.register(async (scope) => {
      scope.decorate(MODULE_DECORATOR, module.name);
      await module.routes!(typed(scope), deps, state);
    });
  }
}

/** Defines every module's background tasks on the queue, in module order. */
export function registerModuleTasks(queue: TaskQueue, modules: readonly AnyModule[], deps: TaskDeps): void {
  for (const module of modules) module.tasks?.(queue, deps);
}

/** Runs every module's seed, in module order. */
export async function seedModules(
  db: Kysely<DB>,
  modules: readonly AnyModule[],
  context: SeedContext,
): Promise<void> {
  for (const module of modules) await module.seed?.(db, context);
}
