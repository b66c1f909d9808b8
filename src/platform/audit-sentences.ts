/**
 * The audit trail's words: each module contributes, for every kind of event it records, a label
 * ("Role changed") and the sentences that tell one event ("{actor} changed the role of {subject} …"),
 * in Swedish and English. The platform gathers them into one catalogue (`AuditCatalogue`) that the
 * back-office's audit pages, the audit filter and the API's description read. Modules declare
 * theirs as `auditSentences` in their module (platform/module.ts).
 */
import type { Lang } from './i18n/index.ts';

/** What a sentence's `when` may look at. */
export interface AuditFacts {
  /** The actor is the account the event is about ("signed out", not "ended a session of …"). */
  self: boolean;
  data: Record<string, unknown>;
}

/** One way to tell an event; the first variant whose `when` holds (or that has none) is used. */
export interface AuditVariant {
  when?: (facts: AuditFacts) => boolean;
  sv: string;
  en: string;
}

/** A kind of event: its label (for filters) and its sentences. */
export interface AuditKind {
  label: Readonly<Record<Lang, string>>;
  sentences: readonly AuditVariant[];
}

/** A module's kinds of event, by their dotted action (`org.member.role_changed`). */
export type AuditSentences = Readonly<Record<string, AuditKind>>;

/**
 * A group of kinds of event the audit filter (and the API's `action`) offers as one choice: every
 * action under one of its dotted prefixes (`org.member` → `org.member.invited`, …).
 */
export interface AuditGroup {
  /** What the filter sends; by convention the (first) prefix. */
  value: string;
  label: Readonly<Record<Lang, string>>;
  /** Prefixes without the trailing dot. */
  prefixes: readonly string[];
}

/** Every module's kinds of event and groups of them, in module order. */
export class AuditCatalogue {
  readonly #kinds = new Map<string, AuditKind>();
  readonly #groups = new Map<string, AuditGroup>();

  constructor(contributions: Iterable<AuditSentences>, groups: Iterable<AuditGroup> = []) {
    for (const contribution of contributions) {
      for (const [action, kind] of Object.entries(contribution)) {
        if (this.#kinds.has(action)) throw new Error(`audit action ${action} is declared twice`);
        this.#kinds.set(action, kind);
      }
    }
    for (const group of groups) {
      if (this.#groups.has(group.value) || this.#kinds.has(group.value)) {
        throw new Error(`audit group ${group.value} is declared twice`);
      }
      this.#groups.set(group.value, group);
    }
  }

  /** Every group of kinds of event, in the order the modules declare them. */
  get groups(): readonly AuditGroup[] {
    return [...this.#groups.values()];
  }

  /** The group a filter value names, if it names one. */
  group(value: string): AuditGroup | undefined {
    return this.#groups.get(value);
  }

  /** Every known action, in the order the modules declare them. */
  get actions(): readonly string[] {
    return [...this.#kinds.keys()];
  }

  has(action: string): boolean {
    return this.#kinds.has(action);
  }

  /** The action's label in words; the action itself when unknown. */
  label(lang: Lang, action: string): string {
    return this.#kinds.get(action)?.label[lang] ?? action;
  }

  /** The action's sentences; undefined when no module declares it. */
  sentences(action: string): readonly AuditVariant[] | undefined {
    return this.#kinds.get(action)?.sentences;
  }
}
