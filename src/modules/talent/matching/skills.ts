/**
 * The taxonomy's skills found in an ad's text: each of the ~6,600 skill labels (jobs/data/skills.csv)
 * as folded whole words or phrases ("ms excel", "truckkort"), looked up word by word in one pass
 * over the text. Bounded: the first MAX_TEXT characters, phrases of at most MAX_WORDS words, at most
 * MAX_FOUND skills. Labels shorter than three letters are left out (too many false hits).
 */
import { fold } from '../../jobs/words.ts';
import { readDataCsv } from '../../jobs/taxonomy.ts';

export const MAX_TEXT = 20_000;
export const MAX_FOUND = 40;
const MAX_WORDS = 5;
const MIN_LABEL = 3;

export interface SkillLexicon {
  /** Folded phrase → concept id. */
  phrases: Map<string, string>;
  /** Folded first word → the longest phrase starting with it, in words. */
  longest: Map<string, number>;
  /** Concept id → label. */
  labels: Map<string, string>;
}

export function words(text: string): string[] {
  return (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []) as string[];
}

export function buildLexicon(skills: Iterable<{ id: string; label: string }>): SkillLexicon {
  const phrases = new Map<string, string>();
  const longest = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const { id, label } of skills) {
    labels.set(id, label);
    const w = words(label);
    const key = w.join(' ');
    if (w.length === 0 || w.length > MAX_WORDS || key.length < MIN_LABEL || phrases.has(key)) continue;
    phrases.set(key, id);
    const first = w[0] as string;
    longest.set(first, Math.max(longest.get(first) ?? 0, w.length));
  }
  return { phrases, longest, labels };
}

let shipped: SkillLexicon | undefined;

/** The lexicon of the shipped taxonomy, built once. */
export function shippedLexicon(): SkillLexicon {
  shipped ??= buildLexicon(
    readDataCsv('skills.csv').map((r) => ({ id: r.concept_id as string, label: r.label as string })),
  );
  return shipped;
}

/** Skill concept ids found in the text, in order of first appearance. */
export function skillsInText(text: string, lexicon: SkillLexicon = shippedLexicon()): string[] {
  const w = words(text.slice(0, MAX_TEXT));
  const found = new Set<string>();
  for (let i = 0; i < w.length && found.size < MAX_FOUND; i++) {
    const max = lexicon.longest.get(w[i] as string);
    if (!max) continue;
    // Longest phrase first: "ms excel" before "ms".
    for (let n = Math.min(max, w.length - i); n >= 1; n--) {
      const id = lexicon.phrases.get(w.slice(i, i + n).join(' '));
      if (id) {
        found.add(id);
        i += n - 1;
        break;
      }
    }
  }
  return [...found];
}
