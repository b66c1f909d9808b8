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

/** Every module's kinds of event, in module order. */
export class AuditCatalogue {
  readonly #kinds = new Map<string, AuditKind>();

  constructor(contributions: Iterable<AuditSentences>) {
    for (const contribution of contributions) {
      for (const [action, kind] of Object.entries(contribution)) {
        if (this.#kinds.has(action)) throw new Error(`audit action ${action} is declared twice`);
        this.#kinds.set(action, kind);
      }
    }
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
