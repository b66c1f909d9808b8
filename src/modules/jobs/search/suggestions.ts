/** "Did you mean": misspelt words of a search replaced by the closest words the region's ads use. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ParsedText } from '../query.ts';
import { fold } from '../words.ts';

const MIN_SUGGEST_LENGTH = 4;
/** Words looked up for "did you mean" (one trigram search each, one after the other), the first ones. */
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

interface Candidate {
  word: string;
  folded: string;
  ads: number;
  sim: number;
}

/** The best word of the ads' vocabulary for a word they do not use, or null. */
export async function suggestWord(db: Kysely<DB>, regionId: string, word: string): Promise<string | null> {
  const folded = fold(word);
  const { rows } = await sql<Candidate>`
    SELECT word, folded, ads, similarity(folded, ${folded}) AS sim
    FROM job_search_words
    WHERE region_id = ${regionId} AND folded % ${folded}
    ORDER BY sim DESC, ads DESC
    LIMIT 25`.execute(db);
  let best: { word: string; score: number; ads: number } | null = null;
  const limit = Math.max(1, Math.floor(folded.length / 3));
  for (const c of rows) {
    if (c.word === word) return null;
    const distance = c.folded === folded ? 0 : editDistance(c.folded, folded);
    if (distance > limit) continue;
    // Closer spellings first; among equals, the word more ads use.
    const score = distance * 1000 - Math.log(1 + c.ads) - c.sim;
    if (!best || score < best.score) best = { word: c.word, score, ads: c.ads };
  }
  return best?.word ?? null;
}

export async function suggest(
  db: Kysely<DB>,
  regionId: string,
  q: string,
  parsed: ParsedText,
): Promise<string | null> {
  const words = [
    ...new Set(
      parsed.groups
        .flat()
        .flatMap((t) => t.words)
        .filter((w) => w.length >= MIN_SUGGEST_LENGTH && /^\p{L}+$/u.test(w)),
    ),
  ];
  if (words.length === 0) return null;
  words.splice(MAX_SUGGEST_WORDS);
  const known = await db
    .selectFrom('job_search_words')
    .select('word')
    .where('region_id', '=', regionId)
    .where('word', 'in', words)
    .execute();
  const knownSet = new Set(known.map((r) => r.word));
  let suggestion = q;
  let changed = false;
  for (const word of words) {
    if (knownSet.has(word)) continue;
    const better = await suggestWord(db, regionId, word);
    if (!better) continue;
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word)}(?=$|[^\\p{L}\\p{N}])`, 'giu');
    suggestion = suggestion.replace(pattern, (_, before: string) => before + better);
    changed = true;
  }
  return changed && suggestion !== q ? suggestion : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
