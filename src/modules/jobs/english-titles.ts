/**
 * English occupation titles: the Statistics Sweden English title of every SSYK-4 occupation group,
 * and the groups an English job title in a search text refers to ("preschool teacher", "nurses",
 * "software developer"). Read once from data/occupation-groups-en.json, which
 * scripts/english-titles.ts derives from the shared JobTech and ESCO files (see data/SOURCES.md);
 * the weighting is decided there, so this module only looks phrases up.
 */
import { readFileSync } from 'node:fs';

/** Longest title looked up, in words. */
export const MAX_TITLE_WORDS = 3;
/** Words of a search text looked at (bounded work for any query). */
export const MAX_QUERY_WORDS = 32;

/**
 * The data file: groups as [concept id, English title]; titles as [weights, phrases], the weights a
 * flat list of (group index, weight in %) pairs shared by the phrases, which are joined with '|'.
 */
export interface EnglishTitlesFile {
  groups: [string, string][];
  titles: [number[], string][];
}

interface Loaded {
  groupTitle: Map<string, string>;
  titles: Map<string, Map<string, number>>;
}

let loaded: Loaded | undefined;

function load(): Loaded {
  if (loaded) return loaded;
  const url = new URL('./data/occupation-groups-en.json', import.meta.url);
  const file = JSON.parse(readFileSync(url, 'utf8')) as EnglishTitlesFile;
  const groupTitle = new Map(file.groups);
  const titles = new Map<string, Map<string, number>>();
  for (const [pairs, phrases] of file.titles) {
    const groups = new Map<string, number>();
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const group = file.groups[pairs[i] as number];
      if (group) groups.set(group[0], (pairs[i + 1] as number) / 100);
    }
    for (const phrase of phrases.split('|')) titles.set(phrase, groups);
  }
  loaded = { groupTitle, titles };
  return loaded;
}

const IRREGULAR: Record<string, string> = { men: 'man', women: 'woman', children: 'child', people: 'person' };

/** The singular of an English noun, by rule (both the data and the query go through it). */
export function singular(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 3 || /(?:ss|us|is|ous)$/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/**
 * A text as title words: lower case, split at anything but letters, singular, without diacritics
 * except å, ä and ö ("café" = cafe, but the Swedish "operatör" is not "operator").
 */
export function titleWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{ASCII}åäö]/gu, (c) => c.normalize('NFD').replace(/\p{M}/gu, ''))
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0)
    .map(singular);
}

/** The Statistics Sweden English title of an SSYK-4 group (by JobTech concept id). */
export function englishGroupTitle(groupId: string): string | undefined {
  return load().groupTitle.get(groupId);
}

export interface OccupationMatch {
  /** SSYK-4 group concept id → weight (1 = the group's own title or an exact ESCO title). */
  groups: Map<string, number>;
  /** Per input word: was it part of a matched title. */
  used: boolean[];
}

/**
 * The SSYK-4 groups that English job titles in a search text refer to. `words` are the lower-cased
 * words of the text; the longest known title starting at each word wins ("software developer"
 * before "developer"), and a group found twice keeps its highest weight. Only the first
 * MAX_QUERY_WORDS words are looked at.
 */
export function englishOccupationMatch(words: string[]): OccupationMatch {
  const { titles } = load();
  const used = words.map(() => false);
  const groups = new Map<string, number>();
  // A word may hold several title words ("sous-chef"); each remembers the word it came from.
  const tokens: { word: string; from: number }[] = [];
  words.slice(0, MAX_QUERY_WORDS).forEach((word, from) => {
    for (const part of titleWords(word.slice(0, 100))) tokens.push({ word: part, from });
  });
  let i = 0;
  while (i < tokens.length) {
    let length = Math.min(MAX_TITLE_WORDS, tokens.length - i);
    for (; length > 0; length--) {
      const phrase = tokens
        .slice(i, i + length)
        .map((t) => t.word)
        .join(' ');
      const found = titles.get(phrase);
      if (!found) continue;
      for (const [group, weight] of found) groups.set(group, Math.max(weight, groups.get(group) ?? 0));
      for (const token of tokens.slice(i, i + length)) used[token.from] = true;
      break;
    }
    i += Math.max(length, 1);
  }
  return { groups, used };
}

/**
 * The SSYK-4 groups whose English group title has a word starting with each of `words` — for a
 * type-ahead, where "software" or "engin" is typed before a whole title is: "software" finds
 * "Software- and system developers". A group's weight is 0.5 (below any whole title found).
 * Words shorter than 3 letters find nothing; at most MAX_TITLE_WORDS words are looked at.
 */
export function englishGroupPrefixMatch(words: string[]): Map<string, number> {
  const wanted = words
    .flatMap((w) => titleWords(w.slice(0, 100)))
    .slice(0, MAX_TITLE_WORDS)
    .filter((w) => w.length >= 3);
  const groups = new Map<string, number>();
  if (wanted.length === 0) return groups;
  const raw = words.join(' ').toLowerCase();
  for (const [group, title] of load().groupTitle) {
    const have = titleWords(title);
    // The query's words are singular; a prefix of a word is matched against its plain form too.
    const plain = title.toLowerCase().split(/[^\p{L}]+/u);
    if (wanted.every((w) => have.some((h) => h.startsWith(w)) || plain.some((p) => p.startsWith(w))))
      groups.set(group, 0.5);
    else if (raw.length >= 3 && title.toLowerCase().includes(raw)) groups.set(group, 0.5);
  }
  return groups;
}
