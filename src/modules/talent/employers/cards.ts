/**
 * Anonymised talent cards with k-anonymity, answered from memory.
 *
 * A card shows a person's quasi-identifying facts (occupation, experience, municipalities, move
 * timeframe, languages, household) only at a level at which at least k people of the visible pool
 * (active profiles whose owners consent to 'employers') share ALL the card's shown facts. Each
 * card starts at the finest level and is coarsened one step at a time (COARSENING) until its
 * equivalence class holds k people; a card that is still alone at the coarsest level is not shown.
 * Skills are shown only when at least k people of the card's final class share them.
 *
 * The tallies (one map of class → members per step) are built per region from one snapshot of the
 * pool (CardPool.build) and kept at most POOL_MAX_AGE_MS. Blocks are per organisation and applied
 * to the results, not to the tallies: a block only ever hides a card.
 */
import type { ExperienceLevel, MoveTimeframe } from '../model.ts';

/** What the cards read of one visible profile. */
export interface PoolProfile {
  profileId: string;
  accountId: string;
  /** The first (main) occupation name, its SSYK-4 group and field; '' when none. */
  occupation: string;
  group: string;
  field: string;
  /** Every occupation concept of the profile (names, groups, fields), for the search. */
  occupationConcepts: readonly string[];
  skills: readonly string[];
  experience: ExperienceLevel;
  languages: readonly string[];
  municipalities: readonly string[];
  anywhere: boolean;
  moveWhen: MoveTimeframe;
  /** The partner's first occupation field, '' when none or no partner. */
  partnerField: string;
  preschoolChildren: boolean;
  schoolChildren: boolean;
  updatedAt: number;
}

export type OccupationLevel = 'name' | 'group' | 'field';
export type WideExperience = 'lt2' | '2to10' | 'gt10';
export type WideMove = 'within-a-year' | 'later' | 'live-here';

interface Levels {
  occupation: OccupationLevel;
  experience: 'band' | 'wide';
  municipalities: 'exact' | 'region';
  move: 'exact' | 'wide';
  languages: 'all' | 'common';
  household: 'shown' | 'hidden';
}

/** The steps, finest first; each coarsens one fact more than the one before. */
export const COARSENING: readonly Levels[] = (() => {
  const steps: Levels[] = [
    {
      occupation: 'name',
      experience: 'band',
      municipalities: 'exact',
      move: 'exact',
      languages: 'all',
      household: 'shown',
    },
  ];
  const next = (change: Partial<Levels>) => steps.push({ ...steps[steps.length - 1]!, ...change });
  next({ municipalities: 'region' });
  next({ move: 'wide' });
  next({ household: 'hidden' });
  next({ languages: 'common' });
  next({ experience: 'wide' });
  next({ occupation: 'group' });
  next({ occupation: 'field' });
  return steps;
})();

export function wideExperience(band: ExperienceLevel): WideExperience {
  return band === 'none' || band === 'lt2' ? 'lt2' : band === 'gt10' ? 'gt10' : '2to10';
}

export function wideMove(move: MoveTimeframe): WideMove {
  if (move === 'live-here') return 'live-here';
  return move === 'later' || move === 'not-sure' ? 'later' : 'within-a-year';
}

/** What a card shows: each fact at its level, never anything else. */
export interface CardFacts {
  occupation: { level: OccupationLevel; conceptId: string } | null;
  experience: { band: ExperienceLevel } | { wide: WideExperience };
  /** Municipality codes, or 'region' for the whole region. */
  municipalities: readonly string[] | 'region';
  move: { exact: MoveTimeframe } | { wide: WideMove };
  languages: readonly string[];
  household: { partnerField: string; preschoolChildren: boolean; schoolChildren: boolean } | null;
  skills: readonly string[];
}

export interface Card {
  profile: PoolProfile;
  facts: CardFacts;
}

export interface CardQuery {
  /** Occupation concepts (names, groups or fields); any of them matches. */
  occupations?: readonly string[];
  /** Skill concepts; any of them matches. */
  skills?: readonly string[];
  municipality?: string;
  /** Wide timeframe. */
  move?: WideMove;
  /** Accounts that block the searching organisation. */
  blockedBy?: ReadonlySet<string>;
}

export const POOL_MAX_AGE_MS = 60_000;

const sorted = (values: readonly string[]) => [...values].sort().join(',');

export class CardPool {
  readonly builtAt: number;
  readonly k: number;
  private readonly profiles: readonly PoolProfile[];
  private readonly byProfileId: Map<string, number>;
  /** Per step: class key → member indices. */
  private readonly classes: Map<string, number[]>[];
  /** The most common language of each person's languages in the pool. */
  private readonly commonLanguage: string[];
  private readonly skillTallies = new Map<string, string[]>();
  /** Per person: the first step whose class holds k people (-1: none), and that class's key. */
  private readonly finalStep: Int8Array;
  private readonly finalKey: string[];

  private constructor(profiles: readonly PoolProfile[], k: number, now: number) {
    this.builtAt = now;
    this.k = k;
    // Newest first, so a search's hits come out in the order they are shown.
    profiles = [...profiles].sort((a, b) => b.updatedAt - a.updatedAt);
    this.profiles = profiles;
    this.byProfileId = new Map(profiles.map((p, i) => [p.profileId, i]));
    const languageCount = new Map<string, number>();
    for (const p of profiles)
      for (const l of p.languages) languageCount.set(l, (languageCount.get(l) ?? 0) + 1);
    this.commonLanguage = profiles.map((p) => {
      let best = '';
      let bestCount = -1;
      for (const l of p.languages) {
        const c = languageCount.get(l) ?? 0;
        if (c > bestCount || (c === bestCount && l < best)) [best, bestCount] = [l, c];
      }
      return best;
    });
    this.classes = COARSENING.map((levels) => {
      const map = new Map<string, number[]>();
      profiles.forEach((_, i) => {
        const key = this.keyOf(i, levels);
        const list = map.get(key);
        if (list) list.push(i);
        else map.set(key, [i]);
      });
      return map;
    });
    this.finalStep = new Int8Array(profiles.length).fill(-1);
    this.finalKey = new Array<string>(profiles.length).fill('');
    profiles.forEach((_, i) => {
      for (let step = 0; step < COARSENING.length; step += 1) {
        const key = this.keyOf(i, COARSENING[step]!);
        if ((this.classes[step]!.get(key)?.length ?? 0) >= k) {
          this.finalStep[i] = step;
          this.finalKey[i] = key;
          break;
        }
      }
    });
  }

  static build(profiles: readonly PoolProfile[], k: number, now = Date.now()): CardPool {
    return new CardPool(profiles, k, now);
  }

  get size(): number {
    return this.profiles.length;
  }

  isFresh(now = Date.now()): boolean {
    return now - this.builtAt < POOL_MAX_AGE_MS;
  }

  private keyOf(i: number, levels: Levels): string {
    const p = this.profiles[i]!;
    const occupation =
      levels.occupation === 'name' ? p.occupation : levels.occupation === 'group' ? p.group : p.field;
    const experience = levels.experience === 'band' ? p.experience : wideExperience(p.experience);
    const places = levels.municipalities === 'region' || p.anywhere ? '*' : sorted(p.municipalities);
    const move = levels.move === 'exact' ? p.moveWhen : wideMove(p.moveWhen);
    const languages = levels.languages === 'all' ? sorted(p.languages) : this.commonLanguage[i]!;
    const household =
      levels.household === 'shown'
        ? `${p.partnerField}/${p.preschoolChildren ? 1 : 0}${p.schoolChildren ? 1 : 0}`
        : '-';
    return `${occupation}|${experience}|${places}|${move}|${languages}|${household}`;
  }

  /** The card of the profile at index i, or null when even the coarsest class is under k. */
  private cardOf(i: number): Card | null {
    const step = this.finalStep[i]!;
    if (step < 0) return null;
    const key = this.finalKey[i]!;
    const members = this.classes[step]!.get(key)!;
    return { profile: this.profiles[i]!, facts: this.factsOf(i, COARSENING[step]!, step, key, members) };
  }

  private factsOf(i: number, levels: Levels, step: number, key: string, members: number[]): CardFacts {
    const p = this.profiles[i]!;
    const occupationId =
      levels.occupation === 'name' ? p.occupation : levels.occupation === 'group' ? p.group : p.field;
    const cacheKey = `${step}\u0000${key}`;
    let shared = this.skillTallies.get(cacheKey);
    if (!shared) {
      const counts = new Map<string, number>();
      for (const m of members)
        for (const s of this.profiles[m]!.skills) counts.set(s, (counts.get(s) ?? 0) + 1);
      shared = [...counts].filter(([, c]) => c >= this.k).map(([s]) => s);
      this.skillTallies.set(cacheKey, shared);
    }
    const mine = new Set(p.skills);
    return {
      occupation: occupationId ? { level: levels.occupation, conceptId: occupationId } : null,
      experience:
        levels.experience === 'band' ? { band: p.experience } : { wide: wideExperience(p.experience) },
      municipalities:
        levels.municipalities === 'region' || p.anywhere ? 'region' : [...p.municipalities].sort(),
      move: levels.move === 'exact' ? { exact: p.moveWhen } : { wide: wideMove(p.moveWhen) },
      languages:
        levels.languages === 'all' ? [...p.languages].sort() : [this.commonLanguage[i]!].filter(Boolean),
      household:
        levels.household === 'shown'
          ? {
              partnerField: p.partnerField,
              preschoolChildren: p.preschoolChildren,
              schoolChildren: p.schoolChildren,
            }
          : null,
      skills: shared.filter((s) => mine.has(s)),
    };
  }

  /**
   * The cards matching a query, newest profile first: `total` matching people (0 when fewer than k
   * match, so a narrow search names no one) and the cards of one page.
   */
  search(query: CardQuery, offset: number, limit: number): { total: number; cards: Card[]; tooFew: boolean } {
    const occupations = query.occupations?.length ? new Set(query.occupations) : undefined;
    const skills = query.skills?.length ? new Set(query.skills) : undefined;
    const hits: number[] = [];
    this.profiles.forEach((p, i) => {
      if (query.blockedBy?.has(p.accountId)) return;
      if (occupations && !p.occupationConcepts.some((c) => occupations.has(c))) return;
      if (skills && !p.skills.some((s) => skills.has(s))) return;
      if (query.municipality && !p.anywhere && !p.municipalities.includes(query.municipality)) return;
      if (query.move && wideMove(p.moveWhen) !== query.move) return;
      hits.push(i);
    });
    if (hits.length < this.k) return { total: 0, cards: [], tooFew: hits.length > 0 };
    // Cards that stay under k at the coarsest level are left out of the list.
    const shown: Card[] = [];
    let total = 0;
    for (const i of hits) {
      if (this.finalStep[i]! < 0) continue;
      if (total >= offset && shown.length < limit) shown.push(this.cardOf(i)!);
      total += 1;
    }
    return { total, cards: shown, tooFew: false };
  }

  /** One profile's card (null when not in the pool or not shown at any level). */
  card(profileId: string): Card | null {
    const i = this.byProfileId.get(profileId);
    return i === undefined ? null : this.cardOf(i);
  }
}
