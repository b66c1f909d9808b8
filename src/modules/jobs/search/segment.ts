/**
 * A region's open ads as in-memory search structures: one row of typed arrays per ad (filter codes,
 * dates), an inverted index from each word of the ads' text vectors to the ads that use it, and the
 * words of headlines and occupations for spelling corrections.
 *
 * Words are the lexemes of the ads' `search` vectors (PostgreSQL's Swedish stemming, and English for
 * ads written in English), folded (å → a, é → e …), so that `Borlange` finds Borlänge. For every ad
 * and word one byte says how well the ad uses it: the best field (headline A, occupation B, employer
 * C, text D) and how often (up to 15).
 */
import { fold } from '../words.ts';
import type { JobSummary } from './summary.ts';

/** The facets whose values are codes (one dictionary per facet). */
export const CODED = ['mu', 'fi', 'gr', 'et', 'wt', 'ek', 'la'] as const;
export type Coded = (typeof CODED)[number];

/** An ad as read from the database, before it gets an ordinal. */
export interface DocRow {
  summary: JobSummary;
  values: Record<Coded, string | null>;
  employerName: string;
  deadline: number;
  /** `search::text` of the ad. */
  vector: string;
}

/** Field classes of a tsvector position: D (text) 0, C (employer) 1, B (occupation) 2, A (headline) 3. */
export const FIELD_A = 3;
export const FIELD_B = 2;
export const packOf = (field: number, count: number): number => (field << 4) | Math.min(15, count);
export const fieldOf = (pack: number): number => pack >> 4;
export const countOf = (pack: number): number => pack & 15;

/** Value ↔ code of one coded facet. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string | null): number {
    if (value === null) return -1;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  find(value: string): number | undefined {
    return this.codes.get(value);
  }

  copy(): Dictionary {
    const d = new Dictionary();
    for (const v of this.values) d.code(v);
    return d;
  }
}

/**
 * The words of one ad's vector: folded lexeme → pack, deduplicated. `spellings` collects a lexeme's
 * own spelling where folding changed it (to show a correction with its å/ä/ö).
 */
export function parseVector(text: string, spellings?: Map<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (text.charCodeAt(i) !== 39 /* ' */) {
      i++;
      continue;
    }
    // A quoted lexeme: '' is a quote, \x an escaped character.
    let lexeme = '';
    i++;
    for (; i < n; i++) {
      const ch = text[i] as string;
      if (ch === '\\') {
        lexeme += text[++i] ?? '';
      } else if (ch === "'") {
        if (text[i + 1] === "'") {
          lexeme += "'";
          i++;
        } else break;
      } else lexeme += ch;
    }
    i++;
    let field = 0;
    let count = 0;
    if (text[i] === ':') {
      i++;
      // Positions: 12A,15,20C …
      while (i < n && text[i] !== ' ') {
        const c = text.charCodeAt(i);
        if (c === 44 /* , */) count++;
        else if (c >= 65 && c <= 68) field = Math.max(field, 68 - c);
        i++;
      }
      count++;
    } else count = 1;
    const key = fold(lexeme);
    if (spellings && key !== lexeme && !spellings.has(key)) spellings.set(key, lexeme);
    const pack = packOf(field, count);
    const old = out.get(key);
    out.set(key, old === undefined ? pack : Math.max(old, pack));
  }
  return out;
}

/** A typed array that grows as values are pushed (doubling). */
class Growable<T extends Int32Array | Uint8Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

/** A word people type, as the ads spell it most often, and how many ads use it. */
export interface DisplayWord {
  word: string;
  ads: number;
}

/** The inverted index of a set of ads whose ordinals start at `first`. */
export class Postings {
  /** Folded lexeme → term number. */
  readonly terms = new Map<string, number>();
  offsets = new Int32Array(1);
  docs = new Int32Array(0);
  packs = new Uint8Array(0);

  /** The ads using a term: [start, end) into docs/packs. */
  range(term: string): [number, number] | undefined {
    const t = this.terms.get(term);
    if (t === undefined) return undefined;
    return [this.offsets[t] as number, this.offsets[t + 1] as number];
  }

  /** How many ads use a term. */
  frequency(term: string): number {
    const r = this.range(term);
    return r ? r[1] - r[0] : 0;
  }

  /** Builds the index from each ad's words, in ordinal order (`first` is the first ad's ordinal). */
  static build(first: number, words: Array<Map<string, number>>): Postings {
    const p = new Postings();
    const termOf = new Growable(new Int32Array(1 << 16), (n) => new Int32Array(n));
    const packs = new Growable(new Uint8Array(1 << 16), (n) => new Uint8Array(n));
    const docStart = new Int32Array(words.length + 1);
    /** Ads per term, by term number. */
    const perTerm = new Growable(new Int32Array(1024), (n) => new Int32Array(n));
    for (const [d, map] of words.entries()) {
      docStart[d] = termOf.length;
      for (const [key, pack] of map) {
        let t = p.terms.get(key);
        if (t === undefined) {
          t = p.terms.size;
          p.terms.set(key, t);
          perTerm.push(0);
        }
        termOf.push(t);
        packs.push(pack);
        perTerm.data[t] = (perTerm.data[t] as number) + 1;
      }
    }
    docStart[words.length] = termOf.length;
    const termCount = p.terms.size;
    const offsets = new Int32Array(termCount + 1);
    const counts = perTerm.data;
    for (let t = 0; t < termCount; t++) offsets[t + 1] = (offsets[t] as number) + (counts[t] as number);
    const fill = offsets.slice(0, termCount);
    const docs = new Int32Array(termOf.length);
    const outPacks = new Uint8Array(termOf.length);
    for (let d = 0; d < words.length; d++) {
      for (let i = docStart[d] as number; i < (docStart[d + 1] as number); i++) {
        const t = termOf.data[i] as number;
        const at = fill[t] as number;
        docs[at] = first + d;
        outPacks[at] = packs.data[i] as number;
        fill[t] = at + 1;
      }
    }
    p.offsets = offsets;
    p.docs = docs;
    p.packs = outPacks;
    return p;
  }
}

const DISPLAY_WORD = /\p{L}{3,40}/gu;

/** Words of headlines and occupations, folded → the spelling most ads use and how many ads use it. */
export function displayWords(rows: Iterable<DocRow>): Map<string, DisplayWord> {
  const spellings = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const s = row.summary;
    const text = `${s.headline} ${s.occupationLabel}`.toLowerCase();
    const seen = new Set<string>();
    for (const [w] of text.matchAll(DISPLAY_WORD)) {
      if (seen.has(w)) continue;
      seen.add(w);
      const key = fold(w);
      let map = spellings.get(key);
      if (!map) spellings.set(key, (map = new Map()));
      map.set(w, (map.get(w) ?? 0) + 1);
    }
  }
  const out = new Map<string, DisplayWord>();
  for (const [key, map] of spellings) {
    let best = '';
    let bestN = -1;
    let ads = 0;
    for (const [w, n] of map) {
      ads += n;
      if (n > bestN) [best, bestN] = [w, n];
    }
    out.set(key, { word: best, ads });
  }
  return out;
}

/**
 * Swedish compounds put the head last: the headline and occupation words that end in a word
 * (lärare → förskollärare, speciallärare), found by binary search over the words reversed.
 */
export class Compounds {
  private readonly reversed: Array<{ key: string; word: DisplayWord }>;

  constructor(words: Map<string, DisplayWord>) {
    this.reversed = [...words].map(([key, word]) => ({ key: [...key].reverse().join(''), word }));
    this.reversed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Up to `limit` words that end in the folded `word` (not the word itself), the most used first. */
  endingIn(word: string, limit: number, scan = 2000): string[] {
    const key = [...word].reverse().join('');
    let lo = 0;
    let hi = this.reversed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.reversed[mid] as { key: string }).key < key) lo = mid + 1;
      else hi = mid;
    }
    const found: DisplayWord[] = [];
    for (let i = lo; i < this.reversed.length && i < lo + scan; i++) {
      const entry = this.reversed[i] as { key: string; word: DisplayWord };
      if (!entry.key.startsWith(key)) break;
      if (entry.key.length > key.length) found.push(entry.word);
    }
    found.sort((a, b) => b.ads - a.ads || (a.word < b.word ? -1 : 1));
    return found.slice(0, limit).map((w) => w.word);
  }
}
