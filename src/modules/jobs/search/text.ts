/**
 * Free text → a search plan over the in-memory index: each word's Swedish and English stems (from
 * PostgreSQL, the same stemming the ads' vectors were made with), folded like the index (å → a), the
 * compounds the ads use that end in it (lärare also finds förskollärare), English job titles as the
 * occupation groups they name, and quoted phrases to check word by word.
 *
 * English stems match only ads written in English, so "developer" does not find every Swedish ad
 * that says "utveckla"; Swedish words for an English one (synonyms.ts) count only in headlines and
 * occupations, for the same reason.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { Lru } from '../cache.ts';
import type { ParsedText, TextTerm } from '../query.ts';
import { englishSynonyms } from '../synonyms.ts';
import { fold } from '../words.ts';
import type { JobIndex } from './memory.ts';

const COMPOUND_LIMIT = 40;
/** Compounds of all the text's words together: each is one more posting list to read. */
export const MAX_COMPOUNDS = 3 * COMPOUND_LIMIT;
const MIN_COMPOUND_BASE = 4;
/** Weights of the ways a word can match an ad, against its exact stem (1). */
const COMPOUND_WEIGHT = 0.85;
const SYNONYM_WEIGHT = 0.9;

/** One way a group of the text can match: a word of the index. */
export interface Alternative {
  term: string;
  weight: number;
  /** An English stem: counts only in ads written in English. */
  englishOnly: boolean;
  /** Counts only in the headline or occupation. */
  titleOnly: boolean;
}

/** Part of the text every matching ad must have (any alternative), or an English job title's groups. */
export interface PlanGroup {
  alternatives: Alternative[];
  /** Occupation groups (concept ids) an English title in the text names, with a weight. */
  occupationGroups: Map<string, number>;
}

export interface SearchPlan {
  groups: PlanGroup[];
  exclude: Alternative[][];
  /** Quoted phrases whose ads must have their words in this order. */
  phrases: string[][];
  /**
   * Excluded quoted phrases (`-"välkommen hem"`): the ads that have every word of one (its groups)
   * and the words in this order are left out, not the ads with any of its words.
   */
  excludedPhrases?: Array<{ words: string[]; groups: PlanGroup[] }>;
}

/** Stems of a word: Swedish and English, folded; null where the word is a stop word. */
export interface Stems {
  sv: string[];
  en: string[];
}

/** Stems of words, read from PostgreSQL once per word (an LRU of `size`; 0 reads every time). */
export class Stemmer {
  private readonly cache: Lru<Stems>;

  constructor(
    private readonly db: Kysely<DB>,
    size: number,
  ) {
    this.cache = new Lru(size);
  }

  async stems(words: string[]): Promise<Map<string, Stems>> {
    const out = new Map<string, Stems>();
    const missing: string[] = [];
    for (const w of new Set(words)) {
      const known = this.cache.get(w);
      if (known) out.set(w, known);
      else missing.push(w);
    }
    if (missing.length === 0) return out;
    const { rows } = await sql<{ w: string; sv: string; en: string }>`SELECT w,
        to_tsvector('swedish', w)::text AS sv, to_tsvector('english', w)::text AS en
      FROM unnest(${missing}::text[]) AS w`.execute(this.db);
    for (const r of rows) {
      const stems = { sv: lexemes(r.sv), en: lexemes(r.en) };
      this.cache.set(r.w, stems);
      out.set(r.w, stems);
    }
    return out;
  }
}

function lexemes(vector: string): string[] {
  return [...vector.matchAll(/'((?:[^']|'')*)'/g)].map((m) => fold((m[1] as string).replace(/''/g, "'")));
}

/** Occupation groups an English title among the text's words names, and which words it used. */
export type OccupationMatcher = (words: string[]) => { groups: Map<string, number>; used: boolean[] };

const noTitles: OccupationMatcher = (words) => ({ groups: new Map(), used: words.map(() => false) });

/** The plan for a parsed text. Stop words (in either language) are left out of plain words. */
export async function planText(
  index: JobIndex,
  stemmer: Stemmer,
  parsed: ParsedText,
  titles: OccupationMatcher = noTitles,
): Promise<SearchPlan> {
  const typed = [...parsed.groups.flat(), ...parsed.exclude].flatMap((t) => t.words);
  const single = parsed.groups.map((g) =>
    g.length === 1 && g[0]?.words.length === 1 ? g[0].words[0] : null,
  );
  const title = titles(single.map((w) => w ?? ''));
  // Compounds of the plain words (each of OR alternatives too), fewer each when more words share them.
  const bases = [
    ...new Set(
      parsed.groups
        .flat()
        .filter((t) => t.words.length === 1)
        .map((t) => t.words[0] as string),
    ),
  ].filter((w) => w.length >= MIN_COMPOUND_BASE && /^\p{L}+$/u.test(w));
  const each = bases.length ? Math.min(COMPOUND_LIMIT, Math.floor(MAX_COMPOUNDS / bases.length)) : 0;
  const compounds = new Map(bases.map((w) => [w, index.base.compounds.endingIn(fold(w), each)]));
  // A word typed without å/ä/ö may stem differently from the ads' spelling (hogskoleingenjor loses
  // "or", högskoleingenjör keeps "ör"): the spelling the ads use is stemmed too.
  const spelled = new Map<string, string>();
  for (const w of typed) {
    const known = index.words.get(fold(w))?.word;
    if (known && known !== w) spelled.set(w, known);
  }
  const all = [
    ...typed,
    ...spelled.values(),
    ...[...compounds.values()].flat(),
    ...typed.flatMap((w) => englishSynonyms(w).flatMap((s) => s.split(' '))),
  ];
  const stems = new Map(await stemmer.stems(all));
  for (const w of typed) {
    const own = stems.get(w);
    if (!own || own.sv.length === 0) continue;
    const sv = new Set([...own.sv, ...(stems.get(spelled.get(w) ?? '')?.sv ?? []), fold(w)]);
    stems.set(w, { sv: [...sv], en: own.en });
  }

  const groups: PlanGroup[] = [];
  const phrases: string[][] = [];
  const none = new Map<string, number>();
  for (const [i, group] of parsed.groups.entries()) {
    const only = group.length === 1 ? (group[0] as TextTerm) : null;
    if (only && only.words.length > 1) {
      // A phrase alone: every word it has (stop words aside) is required, then the order is checked.
      for (const w of only.words) {
        const alternatives = exact(w, stems);
        if (alternatives.length) groups.push({ alternatives, occupationGroups: none });
      }
      phrases.push(only.words);
      continue;
    }
    const alternatives: Alternative[] = [];
    for (const term of group)
      alternatives.push(
        ...(term.words.length > 1
          ? phraseAlternatives(term, stems)
          : wordAlternatives(term.words[0] as string, stems, compounds, parsed.groups.length > 1)),
      );
    const occupationGroups = title.used[i] ? title.groups : none;
    if (alternatives.length === 0 && occupationGroups.size === 0) continue;
    groups.push({ alternatives, occupationGroups });
  }
  const exclude = parsed.exclude
    .filter((t) => t.words.length === 1)
    .map((t) => exact(t.words[0] as string, stems))
    .filter((alts) => alts.length > 0);
  const excludedPhrases = parsed.exclude
    .filter((t) => t.words.length > 1)
    .map((t) => ({
      words: t.words,
      groups: t.words
        .map((w) => exact(w, stems))
        .filter((alternatives) => alternatives.length > 0)
        .map((alternatives) => ({ alternatives, occupationGroups: none })),
    }));
  return { groups, exclude, phrases, excludedPhrases };
}

/**
 * A word's own stems; none for a Swedish stop word (the board's ads are mostly Swedish), nor, among
 * several words, for an English one ("welder in borlange").
 */
function exact(word: string, stems: Map<string, Stems>, several = false): Alternative[] {
  const s = stems.get(word);
  if (!s || s.sv.length === 0 || (several && s.en.length === 0)) return [];
  const out: Alternative[] = s.sv.map((term) => ({ term, weight: 1, englishOnly: false, titleOnly: false }));
  for (const term of s.en)
    if (!s.sv.includes(term)) out.push({ term, weight: 1, englishOnly: true, titleOnly: false });
  return out;
}

function wordAlternatives(
  word: string,
  stems: Map<string, Stems>,
  compounds: Map<string, string[]>,
  several: boolean,
): Alternative[] {
  const out = exact(word, stems, several);
  if (out.length === 0) return out;
  for (const compound of compounds.get(word) ?? [])
    for (const term of stems.get(compound)?.sv ?? [])
      if (!out.some((a) => a.term === term))
        out.push({ term, weight: COMPOUND_WEIGHT, englishOnly: false, titleOnly: false });
  for (const synonym of englishSynonyms(word))
    for (const part of synonym.split(' '))
      for (const term of stems.get(part)?.sv ?? [])
        out.push({ term, weight: SYNONYM_WEIGHT, englishOnly: false, titleOnly: true });
  return out;
}

/** A phrase among OR alternatives: ads with its longest word (its order is not checked there). */
function phraseAlternatives(term: TextTerm, stems: Map<string, Stems>): Alternative[] {
  // The rarest word would be best; without frequencies at hand, the longest is a fair guess.
  const words = [...term.words].sort((a, b) => b.length - a.length);
  for (const w of words) {
    const alts = exact(w, stems);
    if (alts.length) return alts;
  }
  return [];
}
