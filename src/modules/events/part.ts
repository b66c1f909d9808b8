/**
 * The events module is made of parts (public/, registration/, admin/, checkin/, leads/), each in
 * its folder with an index.ts exporting one EventsPart; module.ts joins them into the module's
 * declaration. Two seams let parts add to each other's pages without importing them:
 * `adminPanels` (sections of the back-office event page, which admin/ renders in order) and
 * `publicPanels` (sections of the public event page, which public/ renders in order: the
 * registration box is registration/'s).
 */
import type { Kysely } from 'kysely';
import type { Person } from '../../platform/auth/principal.ts';
import type { AuditGroup, AuditSentences } from '../../platform/audit-sentences.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { SafeHtml } from '../../platform/html/html.ts';
import type { AdminNavItem, NavItem } from '../../platform/html/layout.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { LotsaModule, ModuleDeps, TaskDeps } from '../../platform/module.ts';
import type { App } from '../../platform/http/schema.ts';
import type { OwnPageSection, PersonalDataPart, PrivacyProcessing } from '../../platform/personal-data.ts';
import type { Region } from '../../platform/region.ts';
import type { TaskQueue } from '../../platform/tasks/queue.ts';
import type { EventAccess, EventRelation, EventRow } from './events.ts';

/** A rendered panel: its HTML is a <section id="{id}" aria-labelledby=…> with an <h2> of `title`. */
export interface PanelView {
  id: string;
  title: string;
  html: SafeHtml;
}

/** What a panel of the back-office event page receives. */
export interface AdminPanelContext {
  db: Kysely<DB>;
  region: Region;
  /** The back-office's language (the person's own). */
  lang: Lang;
  person: Person;
  access: EventAccess;
  /** How the person stands to the event: manages it, or exhibits at it. */
  relation: EventRelation;
  event: EventRow;
  csrfToken: string;
  /** The page's query string, as read. */
  query: Record<string, unknown>;
}

export interface AdminPanel {
  /** Lower first; admin/'s own sections are 10 (facts), 20 (organisations), 30 (programme), 40 (questions). */
  order: number;
  render(context: AdminPanelContext): Promise<PanelView | null>;
}

/** What a panel of the public event page receives (the page is the same for everyone: no person). */
export interface PublicPanelContext {
  db: Kysely<DB>;
  region: Region;
  lang: Lang;
  event: EventRow;
  /** The page's query string (a form re-shown, a notice), as read. */
  query: Record<string, unknown>;
  /** The page's CSRF token, for a form the panel shows. */
  csrfToken: string;
}

export interface PublicPanel {
  /** Lower first; public/'s own sections are 10 (about), 30 (programme), 40 (organisers and exhibitors), 50 (place). */
  order: number;
  render(context: PublicPanelContext): Promise<PanelView | null>;
}

/** What the parts' routes get from the others. */
export interface PartsContext {
  adminPanels: readonly AdminPanel[];
  publicPanels: readonly PublicPanel[];
}

/** One part of the events module: what it adds to the module's declaration. */
export interface EventsPart {
  routes?(app: App, deps: ModuleDeps, parts: PartsContext): void;
  tasks?(queue: TaskQueue, deps: TaskDeps): void;
  seed?(db: Kysely<DB>, demo: boolean): Promise<void>;
  navigation?: readonly NavItem[];
  adminNavigation?: readonly AdminNavItem[];
  personalData?: readonly PersonalDataPart[];
  ownPageSections?: readonly OwnPageSection[];
  privacyProcessing?: readonly PrivacyProcessing[];
  auditSentences?: AuditSentences;
  auditGroups?: readonly AuditGroup[];
  adminPanels?: readonly AdminPanel[];
  publicPanels?: readonly PublicPanel[];
  /** Its pages for sitemap.xml (public/'s). */
  sitemap?: LotsaModule['sitemap'];
  /** Its API operations for /api/openapi.json. */
  openApi?: LotsaModule['openApi'];
}
