/**
 * Spelling: words of a search that no ad uses, replaced by the closest word of the region's
 * headlines and occupations (in memory, segment.ts `displayWords`), folded so that a missing å/ä/ö
 * costs nothing and an edit costs one.
 */
import type { ParsedText } from '../query.ts';
import { fold } from '../words.ts';
import type { JobIndex } from './memory.ts';

const MIN_SUGGEST_LENGTH = 4;
/** Words looked up for a correction, the first ones. */
const MAX_SUGGEST_WORDS = 6;

/** Edit distance with transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n] as number;
}

/**
 * The best word for a word no ad uses, or null: first from the ads' headlines and occupations, else
 * from every word of their texts (as the index has it: a stem such as "ingenjör").
 */
export function suggestWord(index: JobIndex, word: string): string | null {
  const folded = fold(word);
  if (index.words.has(folded)) return null;
  const limit = Math.max(1, Math.floor(folded.length / 4));
  let best: { word: string; score: number } | null = null;
  const consider = (key: string, shown: string, ads: number) => {
    if (Math.abs(key.length - folded.length) > limit || key[0] !== folded[0]) return;
    const distance = editDistance(key, folded);
    if (distance > limit) return;
    // Closer spellings first; among equals, the word more ads use.
    const score = distance * 1000 - Math.log(1 + ads);
    if (!best || score < best.score) best = { word: shown, score };
  };
  for (const [key, entry] of index.words) consider(key, entry.word, entry.ads);
  if (!best)
    for (const key of index.base.nearTerms(folded, limit))
      consider(key, index.base.spellings.get(key) ?? key, index.postings.frequency(key));
  return (best as { word: string } | null)?.word ?? null;
}

/** The whole text with each word no ad uses replaced by its best correction, or null. */
export function suggest(
  index: JobIndex,
  q: string,
  parsed: ParsedText,
  known: (word: string) => boolean,
): string | null {
  const words = [
    ...new Set(
      parsed.groups
        .flat()
        .flatMap((t) => t.words)
        .filter((w) => w.length >= MIN_SUGGEST_LENGTH && /^\p{L}+$/u.test(w)),
    ),
  ].slice(0, MAX_SUGGEST_WORDS);
  let suggestion = q;
  let corrected = false;
  for (const word of words) {
    // A word typed without its å/ä/ö is shown as the ads spell it when the text is corrected anyway.
    const spelled = index.words.get(fold(word))?.word;
    const better = known(word) ? (spelled !== word ? spelled : undefined) : suggestWord(index, word);
    if (!better) continue;
    if (fold(better) !== fold(word)) corrected = true;
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word)}(?=$|[^\\p{L}\\p{N}])`, 'giu');
    suggestion = suggestion.replace(pattern, (_, before: string) => before + better);
  }
  return corrected && suggestion !== q ? suggestion : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
