/**
 * The navigator module is made of parts (request/, cases/, household/, careers/, network/,
 * dashboard/), each in its folder with an index.ts exporting one RelocationPart; module.ts joins
 * them into the module's declaration. A part may also add panels to the navigator's case file
 * (`casePanels`), which the case file (cases/) renders in order after its own.
 */
import type { Kysely } from 'kysely';
import type { Person } from '../../platform/auth/principal.ts';
import type { AuditGroup, AuditSentences } from '../../platform/audit-sentences.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { SafeHtml } from '../../platform/html/html.ts';
import type { AdminNavItem, NavItem } from '../../platform/html/layout.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { ModuleDeps, TaskDeps } from '../../platform/module.ts';
import type { App } from '../../platform/http/schema.ts';
import type { OwnPageSection, PersonalDataPart, PrivacyProcessing } from '../../platform/personal-data.ts';
import type { Region } from '../../platform/region.ts';
import type { TaskQueue } from '../../platform/tasks/queue.ts';
import type { CaseRow, CaseScope, PersonRow } from './cases.ts';
import type { ConsentPurpose } from './model.ts';

/** What a panel of the case file receives. */
export interface CasePanelContext {
  db: Kysely<DB>;
  region: Region;
  /** The navigator's language (the back-office's). */
  lang: Lang;
  person: Person;
  scope: CaseScope;
  case: CaseRow;
  /** The household, main mover first. */
  persons: PersonRow[];
  /** Each adult's live consents. */
  consents: Map<string, Set<ConsentPurpose>>;
  csrfToken: string;
  /** The page's query string (a part's `done` notice or re-shown form state), as read. */
  query: Record<string, unknown>;
}

/** A rendered panel: its HTML is a <section id="{id}" aria-labelledby=…> with an <h2> of `title`. */
export interface CasePanelView {
  id: string;
  title: string;
  html: SafeHtml;
}

/** A panel a part adds to the case file. */
export interface CasePanel {
  /** Lower first; the case file's own panels are 10 (household), 20 (tasks), 30 (meetings), 90 (history). */
  order: number;
  render(context: CasePanelContext): Promise<CasePanelView | null>;
}

/** One entry of a case's history, as a part's sentence reads it. */
export interface HistoryEvent {
  kind: string;
  body: string;
  data: Record<string, unknown>;
}

/** What a history sentence may use besides the event. */
export interface HistoryContext {
  lang: Lang;
  region: Region;
  /** Who did it, in words ("Anna Lind", "Någon"). */
  who: string;
  /** A household person of the case by id, in words (their name, else their role); undefined once erased. */
  person(id: unknown): string | undefined;
}

/**
 * How a part's kind of history entry reads in the case file: a sentence in the navigator's language
 * from the event's facts (names are looked up now, never stored in the entry), and whether the
 * entry's body is said by the sentence (else the case file shows it under the sentence).
 */
export interface HistorySentence {
  sentence(event: HistoryEvent, context: HistoryContext): string;
  bodySaid?: boolean;
}

/** What the parts' routes get from the others. */
export interface PartsContext {
  /** Every part's case-file panels, by order. */
  casePanels: readonly CasePanel[];
  /** Every part's sentences for its kinds of history entry, by kind. */
  historySentences: Readonly<Record<string, HistorySentence>>;
}

/** One part of the navigator module: what it adds to the module's declaration. */
export interface RelocationPart {
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
  casePanels?: readonly CasePanel[];
  /** Sentences for the kinds of history entry it writes (`addCaseEvent`), by kind. */
  historySentences?: Readonly<Record<string, HistorySentence>>;
}
