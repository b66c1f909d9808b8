/**
 * A search plan evaluated over the in-memory index: the ads that match every group (any of its
 * alternatives), none of the exclusions, with a score per ad.
 *
 * Scores: a group's best match in the ad, by field — headline 120, occupation 100, employer 3, text
 * 1 + log₂(1 + occurrences) — times the alternative's weight (compounds and synonyms count less); an
 * English title's occupation group counts as an occupation match. An ad whose every group matched at
 * TITLE_SCORE or more matches the whole query in its headline or occupation: those come first.
 */
import { countOf, fieldOf, FIELD_B } from './segment.ts';
import type { JobIndex } from './memory.ts';
import type { Alternative, PlanGroup, SearchPlan } from './text.ts';

export const TITLE_SCORE = 50;
const FIELD_SCORE = [1, 3, 100, 120];

export function packScore(pack: number): number {
  const field = fieldOf(pack);
  return field === 0 ? 1 + Math.log2(1 + countOf(pack)) : (FIELD_SCORE[field] as number);
}

/** Matching ads: ordinals, the sum of their groups' scores and the lowest group score. */
export interface Matches {
  ords: Int32Array;
  sum: Float32Array;
  min: Float32Array;
  length: number;
}

/** Per-index scratch arrays (searches run one at a time between awaits, so one set serves all). */
const scratch = new WeakMap<JobIndex, { stamp: Uint32Array; value: Float32Array; gen: number }>();

function scratchOf(index: JobIndex) {
  let s = scratch.get(index);
  if (!s) {
    s = { stamp: new Uint32Array(index.size), value: new Float32Array(index.size), gen: 0 };
    scratch.set(index, s);
  }
  // One search advances it by a few dozen at most; start again well before it wraps.
  if (s.gen > 0xffff0000) {
    s.stamp.fill(0);
    s.gen = 0;
  }
  return s;
}

/** Marks every ad of a group in the scratch arrays (stamp = gen, value = its best score). */
function markGroup(
  index: JobIndex,
  group: { alternatives: Alternative[]; occupationGroups?: Map<string, number> },
  s: { stamp: Uint32Array; value: Float32Array; gen: number },
  onFirst: ((ord: number) => void) | null,
): void {
  const gen = s.gen;
  const { stamp, value } = s;
  const english = index.dicts.la.find('en') ?? -2;
  const lang = index.codes.la;
  const alive = index.alive;
  const visit = (ord: number, score: number) => {
    if (!alive[ord]) return;
    if (stamp[ord] !== gen) {
      stamp[ord] = gen;
      value[ord] = score;
      onFirst?.(ord);
    } else if (score > (value[ord] as number)) value[ord] = score;
  };
  const p = index.postings;
  for (const alt of group.alternatives) {
    const r = p.range(alt.term);
    if (r) {
      for (let i = r[0]; i < r[1]; i++) {
        const ord = p.docs[i] as number;
        const pack = p.packs[i] as number;
        if (alt.englishOnly && lang[ord] !== english) continue;
        if (alt.titleOnly && fieldOf(pack) < FIELD_B) continue;
        visit(ord, packScore(pack) * alt.weight);
      }
    }
    for (const [i, words] of index.deltaWords.entries()) {
      const pack = words.get(alt.term);
      if (pack === undefined) continue;
      const ord = index.base.size + i;
      if (alt.englishOnly && lang[ord] !== english) continue;
      if (alt.titleOnly && fieldOf(pack) < FIELD_B) continue;
      visit(ord, packScore(pack) * alt.weight);
    }
  }
  const groups = group.occupationGroups;
  if (groups && groups.size) {
    const weights = new Float32Array(index.dicts.gr.values.length);
    for (const [id, w] of groups) {
      const code = index.dicts.gr.find(id);
      if (code !== undefined) weights[code] = w;
    }
    const gr = index.codes.gr;
    for (let ord = 0; ord < index.size; ord++) {
      const code = gr[ord] as number;
      if (code >= 0 && (weights[code] as number) > 0)
        visit(ord, (FIELD_SCORE[FIELD_B] as number) * (weights[code] as number));
    }
  }
}

/** How many postings a group reads: the smallest group drives the search. */
function cost(index: JobIndex, group: PlanGroup): number {
  let n = group.occupationGroups.size ? index.size : 0;
  for (const alt of group.alternatives) n += index.postings.frequency(alt.term);
  return n;
}

export function evaluate(index: JobIndex, plan: SearchPlan): Matches {
  const s = scratchOf(index);
  const groups = [...plan.groups].sort((a, b) => cost(index, a) - cost(index, b));
  const first = groups[0];
  if (!first)
    return { ords: new Int32Array(0), sum: new Float32Array(0), min: new Float32Array(0), length: 0 };
  s.gen++;
  const list: number[] = [];
  markGroup(index, first, s, (ord) => list.push(ord));
  const ords = Int32Array.from(list);
  // Ordinal order: the base's is newest first, so ties need no more work.
  if (first.alternatives.length + (first.occupationGroups.size ? 1 : 0) > 1) ords.sort();
  const sum = new Float32Array(ords.length);
  const min = new Float32Array(ords.length);
  for (let i = 0; i < ords.length; i++) sum[i] = min[i] = s.value[ords[i] as number] as number;
  let length = ords.length;
  for (const group of groups.slice(1)) {
    s.gen++;
    markGroup(index, group, s, null);
    let kept = 0;
    for (let i = 0; i < length; i++) {
      const ord = ords[i] as number;
      if (s.stamp[ord] !== s.gen) continue;
      const v = s.value[ord] as number;
      ords[kept] = ord;
      sum[kept] = (sum[i] as number) + v;
      min[kept] = Math.min(min[i] as number, v);
      kept++;
    }
    length = kept;
  }
  for (const alternatives of plan.exclude) {
    s.gen++;
    markGroup(index, { alternatives }, s, null);
    let kept = 0;
    for (let i = 0; i < length; i++) {
      const ord = ords[i] as number;
      if (s.stamp[ord] === s.gen) continue;
      ords[kept] = ord;
      sum[kept] = sum[i] as number;
      min[kept] = min[i] as number;
      kept++;
    }
    length = kept;
  }
  return { ords, sum, min, length };
}

/** Keeps only the matches whose ordinal `keep` accepts (phrase checks). */
export function retain(m: Matches, keep: (ord: number) => boolean): Matches {
  let kept = 0;
  for (let i = 0; i < m.length; i++) {
    const ord = m.ords[i] as number;
    if (!keep(ord)) continue;
    m.ords[kept] = ord;
    m.sum[kept] = m.sum[i] as number;
    m.min[kept] = m.min[i] as number;
    kept++;
  }
  return { ...m, length: kept };
}
