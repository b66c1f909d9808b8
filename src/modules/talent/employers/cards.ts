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
 * The search filters on what the cards show, never on the profile behind them: an occupation matches
 * the card's occupation at the level shown (a card showing a group matches a search for the group,
 * its field or any name in it; a card showing a name matches the name, its group and its field), a
 * skill only a skill shown on the card, a municipality the municipalities shown — and every card
 * that says "the region" — and the move filter the wide timeframe every card implies. So a fact a
 * card hides never changes which searches find it. A person without a card matches no search.
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
  /** The first (main) occupation name, its own SSYK-4 group and field; '' when none. */
  occupation: string;
  group: string;
  field: string;
  /** Every occupation concept of the profile (names, groups, fields); never searched on. */
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
  /**
   * Occupation concepts (names, groups or fields); any of them matches a card showing it or a
   * narrower concept (a name in the group, a group or name in the field).
   */
  occupations?: readonly string[];
  /**
   * The broader concepts of those searched (a name's group and field, a group's field): a card
   * showing exactly one of them — coarsened above the searched concept — matches too.
   */
  within?: readonly string[];
  /** Skill concepts; any of them matches a card showing it. */
  skills?: readonly string[];
  /** A municipality code: matches the cards showing it and the cards showing "the region". */
  municipality?: string;
  /** Wide timeframe. */
  move?: WideMove;
  /** Accounts that block the searching organisation. */
  blockedBy?: ReadonlySet<string>;
}

export const POOL_MAX_AGE_MS = 60_000;
/** People per slice of an async build (a few milliseconds of work each). */
const SLICE = 5_000;

const sorted = (values: readonly string[]) => [...values].sort().join(',');
const MOVE_CODE: Record<WideMove, number> = { 'within-a-year': 1, later: 2, 'live-here': 3 };

function push(index: Map<string, number[]>, key: string, i: number): void {
  const list = index.get(key);
  if (list) list.push(i);
  else index.set(key, [i]);
}

/** The parts of a person's class key, each at its levels as a small number, made once per build. */
interface KeyParts {
  occupation: Record<OccupationLevel, number>;
  experience: [number, number];
  places: [number, number];
  move: [number, number];
  languages: [number, number];
  household: [number, number];
}

/** Numbers for strings, so that class keys are short. */
class Interner {
  private readonly ids = new Map<string, number>();
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.ids.size));
    return id;
  }
}

export class CardPool {
  readonly builtAt: number;
  readonly k: number;
  private readonly profiles: readonly PoolProfile[];
  private readonly byProfileId: Map<string, number>;
  /** The most common language of each person's languages in the pool. */
  private readonly commonLanguage: string[];
  /** Per step: each person's class (an interned key) and each class's size. */
  private readonly classOf: Int32Array[];
  private readonly classSize: number[][];
  /** Per person: the first step whose class holds k people (-1: none). */
  private readonly finalStep: Int8Array;
  /** Per person: the skills the card shows (those k of the final class share). */
  private readonly shownSkills: (readonly string[])[];
  /**
   * Posting lists over the SHOWN facts only (person indices, ascending = newest first; people
   * without a card are on none): the occupation shown and its broader concepts, the occupation
   * shown alone, the skills shown, the municipalities shown (cards not coarsened to the region).
   */
  private readonly byOccupation = new Map<string, number[]>();
  private readonly byShownOccupation = new Map<string, number[]>();
  private readonly bySkill = new Map<string, number[]>();
  private readonly byMunicipality = new Map<string, number[]>();
  /** Per person: 1 when the card shows "the region" (it matches every municipality). */
  private readonly region: Uint8Array;
  private readonly moveCode: Uint8Array;

  private constructor(input: readonly PoolProfile[], k: number, now: number) {
    this.builtAt = now;
    this.k = k;
    // Newest first, so a search's hits come out in the order they are shown.
    this.profiles = [...input].sort((a, b) => b.updatedAt - a.updatedAt);
    const n = this.profiles.length;
    this.byProfileId = new Map();
    this.commonLanguage = new Array<string>(n).fill('');
    this.classOf = COARSENING.map(() => new Int32Array(n));
    this.classSize = COARSENING.map(() => []);
    this.finalStep = new Int8Array(n).fill(-1);
    this.shownSkills = new Array<readonly string[]>(n).fill([]);
    this.region = new Uint8Array(n);
    this.moveCode = new Uint8Array(n);
  }

  /** The tallies, in slices: it yields every SLICE people, so an async build can let others run. */
  private *fill(): Generator<void, void, void> {
    const { profiles, k } = this;
    const n = profiles.length;
    const languageCount = new Map<string, number>();
    for (let i = 0; i < n; i += 1) {
      const p = profiles[i]!;
      this.byProfileId.set(p.profileId, i);
      for (const l of p.languages) languageCount.set(l, (languageCount.get(l) ?? 0) + 1);
      if (i % SLICE === SLICE - 1) yield;
    }
    const words = new Interner();
    const w = (value: string) => words.id(value);
    const parts: KeyParts[] = new Array<KeyParts>(n);
    for (let i = 0; i < n; i += 1) {
      const p = profiles[i]!;
      let best = '';
      let bestCount = -1;
      for (const l of p.languages) {
        const c = languageCount.get(l) ?? 0;
        if (c > bestCount || (c === bestCount && l < best)) [best, bestCount] = [l, c];
      }
      this.commonLanguage[i] = best;
      this.moveCode[i] = MOVE_CODE[wideMove(p.moveWhen)];
      parts[i] = {
        occupation: { name: w(p.occupation), group: w(p.group), field: w(p.field) },
        experience: [w(p.experience), w(wideExperience(p.experience))],
        places: [w(p.anywhere ? '*' : sorted(p.municipalities)), w('*')],
        move: [w(p.moveWhen), w(`~${wideMove(p.moveWhen)}`)],
        languages: [w(sorted(p.languages)), w(best)],
        household: [w(`${p.partnerField}/${p.preschoolChildren ? 1 : 0}${p.schoolChildren ? 1 : 0}`), w('-')],
      };
      if (i % SLICE === SLICE - 1) yield;
    }
    for (let step = 0; step < COARSENING.length; step += 1) {
      const levels = COARSENING[step]!;
      const ids = new Map<string, number>();
      const classOf = this.classOf[step]!;
      const sizes = this.classSize[step]!;
      for (let i = 0; i < n; i += 1) {
        const key = keyOf(parts[i]!, levels);
        let id = ids.get(key);
        if (id === undefined) {
          id = sizes.length;
          ids.set(key, id);
          sizes.push(0);
        }
        classOf[i] = id;
        sizes[id]! += 1;
        if (i % SLICE === SLICE - 1) yield;
      }
    }
    for (let i = 0; i < n; i += 1) {
      for (let step = 0; step < COARSENING.length; step += 1) {
        if (this.classSize[step]![this.classOf[step]![i]!]! >= k) {
          this.finalStep[i] = step;
          break;
        }
      }
    }
    // The skills each final class shares (k holders or more), counted over the whole class.
    const tallies = new Map<number, Map<string, number>>();
    const classKey = (step: number, i: number) => step * n + this.classOf[step]![i]!;
    for (let i = 0; i < n; i += 1) {
      const step = this.finalStep[i]!;
      if (step >= 0 && !tallies.has(classKey(step, i))) tallies.set(classKey(step, i), new Map());
    }
    for (let step = 0; step < COARSENING.length; step += 1) {
      for (let i = 0; i < n; i += 1) {
        const counts = tallies.get(classKey(step, i));
        if (counts) for (const s of profiles[i]!.skills) counts.set(s, (counts.get(s) ?? 0) + 1);
        if (i % SLICE === SLICE - 1) yield;
      }
    }
    const shared = new Map<number, Set<string>>();
    for (const [key, counts] of tallies) {
      shared.set(key, new Set([...counts].filter(([, c]) => c >= k).map(([s]) => s)));
    }
    // The posting lists, over what each card shows.
    for (let i = 0; i < n; i += 1) {
      const step = this.finalStep[i]!;
      if (step < 0) continue;
      const p = profiles[i]!;
      const levels = COARSENING[step]!;
      const skills = shared.get(classKey(step, i))!;
      this.shownSkills[i] = p.skills.filter((s) => skills.has(s));
      for (const s of this.shownSkills[i]!) push(this.bySkill, s, i);
      const occupation = shownOccupation(p, levels.occupation);
      if (occupation) {
        push(this.byShownOccupation, occupation, i);
        push(this.byOccupation, occupation, i);
        for (const broader of broaderOf(p, levels.occupation)) push(this.byOccupation, broader, i);
      }
      if (levels.municipalities === 'region' || p.anywhere) this.region[i] = 1;
      else for (const m of new Set(p.municipalities)) push(this.byMunicipality, m, i);
      if (i % SLICE === SLICE - 1) yield;
    }
  }

  static build(profiles: readonly PoolProfile[], k: number, now = Date.now()): CardPool {
    const pool = new CardPool(profiles, k, now);
    for (const _ of pool.fill());
    return pool;
  }

  /** The same pool, built a slice at a time between turns of the event loop. */
  static async buildAsync(profiles: readonly PoolProfile[], k: number, now = Date.now()): Promise<CardPool> {
    const pool = new CardPool(profiles, k, now);
    for (const _ of pool.fill()) await new Promise<void>((resolve) => setImmediate(resolve));
    return pool;
  }

  get size(): number {
    return this.profiles.length;
  }

  isFresh(now = Date.now()): boolean {
    return now - this.builtAt < POOL_MAX_AGE_MS;
  }

  /** The card of the person at index i, or null when even the coarsest class is under k. */
  private cardOf(i: number): Card | null {
    const step = this.finalStep[i]!;
    if (step < 0) return null;
    const levels = COARSENING[step]!;
    const p = this.profiles[i]!;
    const occupationId = shownOccupation(p, levels.occupation);
    return {
      profile: p,
      facts: {
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
        skills: this.shownSkills[i]!,
      },
    };
  }

  /** People on any of the lists, as a mask; undefined when the filter is not used. */
  private maskOf(index: Map<string, number[]>, keys: readonly string[] | undefined): Uint8Array | undefined {
    if (!keys || keys.length === 0) return undefined;
    const mask = new Uint8Array(this.profiles.length);
    for (const key of keys) for (const i of index.get(key) ?? []) mask[i] = 1;
    return mask;
  }

  /** Cards whose occupation is, or lies within, a searched one; or is broader than one (within). */
  private occupationMask(query: CardQuery): Uint8Array | undefined {
    const mask = this.maskOf(this.byOccupation, query.occupations);
    if (!mask) return undefined;
    for (const key of query.within ?? []) for (const i of this.byShownOccupation.get(key) ?? []) mask[i] = 1;
    return mask;
  }

  /**
   * The cards matching a query on their shown facts, newest profile first: `total` matching cards
   * (0 when fewer than k match, so a narrow search names no one) and the cards of one page.
   */
  search(query: CardQuery, offset: number, limit: number): { total: number; cards: Card[]; tooFew: boolean } {
    const n = this.profiles.length;
    const occupations = this.occupationMask(query);
    const skills = this.maskOf(this.bySkill, query.skills);
    const places = query.municipality ? this.maskOf(this.byMunicipality, [query.municipality]) : undefined;
    const move = query.move ? MOVE_CODE[query.move] : 0;
    const blocked = query.blockedBy && query.blockedBy.size > 0 ? query.blockedBy : undefined;
    const hits: number[] = [];
    for (let i = 0; i < n; i += 1) {
      if (this.finalStep[i]! < 0) continue;
      if (occupations && !occupations[i]) continue;
      if (skills && !skills[i]) continue;
      if (places && !places[i] && !this.region[i]) continue;
      if (move && this.moveCode[i] !== move) continue;
      if (blocked?.has(this.profiles[i]!.accountId)) continue;
      hits.push(i);
    }
    if (hits.length < this.k) return { total: 0, cards: [], tooFew: hits.length > 0 };
    const cards = hits.slice(offset, offset + limit).map((i) => this.cardOf(i)!);
    return { total: hits.length, cards, tooFew: false };
  }

  /** One profile's card (null when not in the pool or not shown at any level). */
  card(profileId: string): Card | null {
    const i = this.byProfileId.get(profileId);
    return i === undefined ? null : this.cardOf(i);
  }

  /** The coarsening step a profile's card is shown at (-1: not shown); for tests and the bench. */
  stepOf(profileId: string): number {
    const i = this.byProfileId.get(profileId);
    return i === undefined ? -1 : this.finalStep[i]!;
  }
}

/** The occupation concept a card shows at a level ('' when none). */
function shownOccupation(p: PoolProfile, level: OccupationLevel): string {
  return level === 'name' ? p.occupation : level === 'group' ? p.group : p.field;
}

/** The broader concepts of the occupation a card shows: a name's group and field, a group's field. */
function broaderOf(p: PoolProfile, level: OccupationLevel): string[] {
  const broader = level === 'name' ? [p.group, p.field] : level === 'group' ? [p.field] : [];
  return broader.filter(Boolean);
}

function keyOf(p: KeyParts, levels: Levels): string {
  return `${p.occupation[levels.occupation]},${p.experience[levels.experience === 'band' ? 0 : 1]},${
    p.places[levels.municipalities === 'exact' ? 0 : 1]
  },${p.move[levels.move === 'exact' ? 0 : 1]},${p.languages[levels.languages === 'all' ? 0 : 1]},${
    p.household[levels.household === 'shown' ? 0 : 1]
  }`;
}
