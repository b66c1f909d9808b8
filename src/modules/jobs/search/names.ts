/**
 * Swedish occupation names of the JobTech taxonomy (taxonomy_concepts, type occupation-name: about
 * 4,000 names such as "Programmerare" or "Servitör/Servitris", each under an SSYK-4 group) as the
 * groups a search word names: "programmerare" also finds the ads of "Mjukvaru- och
 * systemutvecklare m.fl." whatever their headline says, like an English title does (english-titles.ts).
 * A few abbreviations people type (usk, ssk) are read as the names they stand for.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { fold } from '../words.ts';
import type { OccupationMatcher } from './text.ts';

/**
 * A group named by a Swedish word counts less than the word itself in a headline (120) or as a
 * compound there (102): the ad that says "civilingenjör" before the one filed under a group of that name.
 */
const NAME_WEIGHT = 0.75;
/** Longest name variant looked up, in words. */
const MAX_NAME_WORDS = 3;
/** A name shared by more groups than this is too general to stand for any of them ("chef"). */
const MAX_GROUPS_PER_NAME = 4;

/** Abbreviations of occupations that job seekers type, as the name they stand for. */
const ABBREVIATIONS: Record<string, string> = {
  usk: 'undersköterska',
  ssk: 'sjuksköterska',
  dssk: 'distriktssköterska',
};

function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Variant (folded words joined by a space) → groups; built from the names' parts ("Servitör/Servitris"). */
export function nameVariants(rows: Array<{ label: string; group: string }>): Map<string, Set<string>> {
  const variants = new Map<string, Set<string>>();
  for (const { label, group } of rows) {
    for (const part of label.split(/[/,(]/)) {
      const words = wordsOf(part.replace(/\)/g, ''));
      if (words.length === 0 || words.length > MAX_NAME_WORDS) continue;
      const key = words.join(' ');
      const groups = variants.get(key) ?? new Set<string>();
      groups.add(group);
      variants.set(key, groups);
    }
  }
  for (const [key, groups] of variants) if (groups.size > MAX_GROUPS_PER_NAME) variants.delete(key);
  return variants;
}

/** A matcher over name variants: the longest run of typed words that is a name wins. */
export function nameMatcher(variants: Map<string, Set<string>>): OccupationMatcher {
  return (typed) => {
    const words = typed.map((w) => (w ? fold(ABBREVIATIONS[w] ?? w) : ''));
    const used = words.map(() => false);
    const groups = new Map<string, number>();
    for (let i = 0; i < words.length; i++) {
      for (let n = Math.min(MAX_NAME_WORDS, words.length - i); n >= 1; n--) {
        const span = words.slice(i, i + n);
        if (span.some((w) => !w)) continue;
        const found = variants.get(span.join(' '));
        if (!found) continue;
        for (const g of found) groups.set(g, Math.max(groups.get(g) ?? 0, NAME_WEIGHT / found.size));
        for (let j = i; j < i + n; j++) used[j] = true;
        i += n - 1;
        break;
      }
    }
    return { groups, used };
  };
}

const loaded = new WeakMap<Kysely<DB>, Promise<OccupationMatcher>>();

/** The Swedish names' matcher, read once per process (the taxonomy changes only at seeding). */
export function swedishNames(db: Kysely<DB>): Promise<OccupationMatcher> {
  let matcher = loaded.get(db);
  if (!matcher) {
    matcher = db
      .selectFrom('taxonomy_concepts')
      .select(['label', 'parent_id'])
      .where('type', '=', 'occupation-name')
      .where('deprecated', '=', false)
      .where('parent_id', 'is not', null)
      .execute()
      .then((rows) =>
        nameMatcher(nameVariants(rows.map((r) => ({ label: r.label, group: r.parent_id as string })))),
      );
    matcher.catch(() => loaded.delete(db));
    loaded.set(db, matcher);
  }
  return matcher;
}

/** Several matchers as one: each word's groups from all of them. */
export function combined(matchers: OccupationMatcher[]): OccupationMatcher {
  return (words) => {
    const groups = new Map<string, number>();
    const used = words.map(() => false);
    for (const m of matchers) {
      const r = m(words);
      for (const [g, w] of r.groups) groups.set(g, Math.max(groups.get(g) ?? 0, w));
      r.used.forEach((u, i) => {
        if (u) used[i] = true;
      });
    }
    return { groups, used };
  };
}
