/**
 * The toolbox module is made of parts (brand/, assets/, texts/, builder/, widget/, guides/), each
 * in its folder with an index.ts exporting one ToolboxPart; module.ts joins them. One seam lets
 * parts add to the back-office's toolbox page without importing each other: `adminCards` (the
 * /admin/toolbox overview, which brand/ renders in order).
 */
import type { Kysely } from 'kysely';
import type { AuditGroup, AuditSentences } from '../../platform/audit-sentences.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { SafeHtml } from '../../platform/html/html.ts';
import type { AdminNavItem, NavItem } from '../../platform/html/layout.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { LotsaModule, ModuleDeps, SeedContext, TaskDeps } from '../../platform/module.ts';
import type { App } from '../../platform/http/schema.ts';
import type { OwnPageSection, PersonalDataPart, PrivacyProcessing } from '../../platform/personal-data.ts';
import type { Region } from '../../platform/region.ts';
import type { TaskQueue } from '../../platform/tasks/queue.ts';

/** A card on the back-office overview /admin/toolbox: what a part manages, with its link. */
export interface AdminCard {
  /** Lower first. brand 10, assets 20, texts 30, guides 40, widget 50. */
  order: number;
  render(context: {
    db: Kysely<DB>;
    region: Region;
    lang: Lang;
  }): Promise<{ title: string; html: SafeHtml } | null>;
}

export interface PartsContext {
  adminCards: readonly AdminCard[];
}

/** One part of the toolbox module: what it adds to the module's declaration. */
export interface ToolboxPart {
  routes?(app: App, deps: ModuleDeps, parts: PartsContext): void;
  tasks?(queue: TaskQueue, deps: TaskDeps): void;
  seed?(db: Kysely<DB>, context: SeedContext): Promise<void>;
  navigation?: readonly NavItem[];
  adminNavigation?: readonly AdminNavItem[];
  personalData?: readonly PersonalDataPart[];
  ownPageSections?: readonly OwnPageSection[];
  privacyProcessing?: readonly PrivacyProcessing[];
  auditSentences?: AuditSentences;
  auditGroups?: readonly AuditGroup[];
  adminCards?: readonly AdminCard[];
  /** Its API operations for /api/openapi.json. */
  openApi?: LotsaModule['openApi'];
}
