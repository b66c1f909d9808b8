/**
 * The first page of a search: the best `k` ads of those that pass every filter, by the search's
 * order, kept in a bounded heap (no full sort of tens of thousands of matches).
 *
 * Relevance: ads that match the whole query in their headline or occupation first, then by score
 * (rounded, so that near-equal scores tie), then newest first; newest: publication time; deadline:
 * the soonest deadline first, ads without one last. The last tie-break is the ad's id, descending.
 */
import type { Sort } from '../query.ts';
import { TITLE_SCORE, type Matches } from './match.ts';
import type { JobIndex } from './memory.ts';
import type { JobSummary } from './summary.ts';

interface Candidate {
  ord: number;
  tier: number;
  score: number;
}

type Compare = (a: Candidate, b: Candidate) => number;

function comparator(index: JobIndex, sort: Sort, ranked: boolean): Compare {
  const published = index.published;
  const deadline = index.deadline;
  const summaries = index.summaries;
  const newest = (a: Candidate, b: Candidate) =>
    (published[b.ord] as number) - (published[a.ord] as number) ||
    ((summaries[b.ord] as JobSummary).id < (summaries[a.ord] as JobSummary).id ? -1 : 1);
  if (sort === 'deadline')
    return (a, b) => {
      const da = deadline[a.ord] as number;
      const db = deadline[b.ord] as number;
      if (Number.isNaN(da) !== Number.isNaN(db)) return Number.isNaN(da) ? 1 : -1;
      return (Number.isNaN(da) ? 0 : da - db) || newest(a, b);
    };
  if (ranked) return (a, b) => b.tier - a.tier || b.score - a.score || newest(a, b);
  return newest;
}

/** A max-heap on "worse": the root is the worst of the best `k` kept so far. */
class Best {
  private readonly heap: Candidate[] = [];
  constructor(
    private readonly k: number,
    private readonly compare: Compare,
  ) {}

  offer(c: Candidate): void {
    const h = this.heap;
    if (h.length < this.k) {
      h.push(c);
      let i = h.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.compare(h[i] as Candidate, h[parent] as Candidate) <= 0) break;
        [h[i], h[parent]] = [h[parent] as Candidate, h[i] as Candidate];
        i = parent;
      }
      return;
    }
    if (this.k === 0 || this.compare(c, h[0] as Candidate) >= 0) return;
    h[0] = c;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < h.length && this.compare(h[l] as Candidate, h[worst] as Candidate) > 0) worst = l;
      if (r < h.length && this.compare(h[r] as Candidate, h[worst] as Candidate) > 0) worst = r;
      if (worst === i) break;
      [h[i], h[worst]] = [h[worst] as Candidate, h[i] as Candidate];
      i = worst;
    }
  }

  sorted(): Candidate[] {
    return [...this.heap].sort(this.compare);
  }
}

/**
 * Ordinals of the ads at [offset, offset + limit) in the search's order. `passing` indexes the
 * matches (or are ordinals when there is no text); `null` means every open ad passes.
 */
export function pageOf(
  index: JobIndex,
  matches: Matches | null,
  passing: Int32Array | null,
  sort: Sort,
  offset: number,
  limit: number,
): number[] {
  const ranked = sort === 'relevance' && matches !== null;
  const best = new Best(offset + limit, comparator(index, sort, ranked));
  const offerOrd = (ord: number) => best.offer({ ord, tier: 0, score: 0 });
  if (matches && passing) {
    for (const i of passing) {
      const min = matches.min[i] as number;
      best.offer({
        ord: matches.ords[i] as number,
        tier: min >= TITLE_SCORE ? 1 : 0,
        score: Math.round((matches.sum[i] as number) * 2),
      });
    }
  } else if (passing) {
    if (sort === 'deadline') for (const ord of passing) offerOrd(ord);
    else newestFirst(index, passing, offset + limit, offerOrd);
  } else if (sort === 'deadline') {
    for (let ord = 0; ord < index.size; ord++) if (index.alive[ord]) offerOrd(ord);
  } else {
    newestFirst(index, null, offset + limit, offerOrd);
  }
  return best
    .sorted()
    .slice(offset)
    .map((c) => c.ord);
}

/**
 * Newest first without looking at every ad: the base's ordinals are in that order already, so the
 * first `k` open ones (ascending) and every ad of the delta are all that can make the page.
 * `ords` ascending, or null for every ad.
 */
function newestFirst(
  index: JobIndex,
  ords: Int32Array | null,
  k: number,
  offer: (ord: number) => void,
): void {
  const b = index.base.size;
  const alive = index.alive;
  let taken = 0;
  if (!ords) {
    for (let ord = 0; ord < b && taken < k; ord++) {
      if (!alive[ord]) continue;
      offer(ord);
      taken++;
    }
    for (let ord = b; ord < index.size; ord++) if (alive[ord]) offer(ord);
    return;
  }
  let i = 0;
  for (; i < ords.length && (ords[i] as number) < b && taken < k; i++) {
    if (!alive[ords[i] as number]) continue;
    offer(ords[i] as number);
    taken++;
  }
  let lo = i;
  let hi = ords.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ords[mid] as number) < b) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo; j < ords.length; j++) if (alive[ords[j] as number]) offer(ords[j] as number);
}
