/**
 * Realistic talent profiles for the demo and the benchmarks, a pure function of a seed: occupations
 * weighted by how often they occur in the region's job ads, skills drawn from the skills found in
 * the ads of that occupation, municipalities weighted by their ads, experience, languages,
 * education, move timeframes, and households (about 45 % with a partner of their own occupation).
 * The distributions come from the database (distribution.ts); this file only draws.
 */
import { mulberry32 } from '../../jobs/demo.ts';
import type { EducationLevel, ExperienceLevel, HousingWish, MoveTimeframe } from '../model.ts';

export const SWEDISH = 'zSLA_vw2_FXN';
export const ENGLISH = 'NVxJ_hLg_TYS';

export interface OccupationWeight {
  occupationId: string;
  groupId: string;
  fieldId: string;
  /** Ads with this occupation. */
  weight: number;
  /** Skills found in its ads, with how many ads name each. */
  skills: ReadonlyArray<{ id: string; weight: number }>;
}

export interface Distribution {
  occupations: readonly OccupationWeight[];
  municipalities: ReadonlyArray<{ code: string; weight: number }>;
}

export interface GeneratedProfile {
  occupations: string[];
  occupationGroups: string[];
  occupationFields: string[];
  skills: string[];
  experience: ExperienceLevel;
  languages: string[];
  education: EducationLevel;
  municipalities: string[];
  anywhere: boolean;
  moveWhen: MoveTimeframe;
  remoteNow: boolean;
  hasPartner: boolean;
  partnerOccupations: string[];
  partnerOccupationGroups: string[];
  partnerOccupationFields: string[];
  partnerSkills: string[];
  childrenAges: number[];
  housing: HousingWish;
}

/** Picks by weight from a cumulative table (binary search). */
export function weightedPicker<T>(items: readonly T[], weight: (t: T) => number): (r: number) => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (const item of items) cumulative.push((sum += Math.max(0, weight(item))));
  return (r) => {
    const x = r * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}

const EXPERIENCE: ReadonlyArray<[ExperienceLevel, number]> = [
  ['none', 8],
  ['lt2', 17],
  ['2to5', 30],
  ['5to10', 25],
  ['gt10', 20],
];
const EDUCATION: ReadonlyArray<[EducationLevel, number]> = [
  ['compulsory', 6],
  ['upper-secondary', 34],
  ['vocational', 18],
  ['university', 38],
  ['doctorate', 4],
];
const MOVE: ReadonlyArray<[MoveTimeframe, number]> = [
  ['now', 15],
  ['within-6-months', 22],
  ['within-a-year', 25],
  ['later', 12],
  ['not-sure', 16],
  ['live-here', 10],
];
const HOUSING: ReadonlyArray<[HousingWish, number]> = [
  ['rent', 30],
  ['buy', 30],
  ['either', 25],
  ['not-sure', 15],
];
const OTHER_LANGUAGES = ['NVxJ_hLg_TYS'];

function pickSkills(
  rnd: () => number,
  occupation: OccupationWeight,
  pick: ((r: number) => { id: string; weight: number }) | null,
  max: number,
): string[] {
  if (!pick || occupation.skills.length === 0) return [];
  const want = Math.min(occupation.skills.length, 2 + Math.floor(rnd() * (max - 1)));
  const out = new Set<string>();
  for (let tries = 0; out.size < want && tries < want * 4; tries++) out.add(pick(rnd()).id);
  return [...out];
}

/** `count` profiles from the distribution; the same seed always gives the same profiles. */
export function generateProfiles(count: number, seed: number, dist: Distribution): GeneratedProfile[] {
  if (dist.occupations.length === 0) return [];
  const rnd = mulberry32(seed);
  const occupation = weightedPicker(dist.occupations, (o) => o.weight);
  const municipality = weightedPicker(dist.municipalities, (m) => m.weight);
  const skillPickers = new Map(
    dist.occupations.map((o) => [
      o.occupationId,
      o.skills.length ? weightedPicker(o.skills, (s) => s.weight) : null,
    ]),
  );
  const table = <T>(rows: ReadonlyArray<[T, number]>) => {
    const p = weightedPicker(rows, (r) => r[1]);
    return () => p(rnd())[0];
  };
  const experience = table(EXPERIENCE);
  const education = table(EDUCATION);
  const moveWhen = table(MOVE);
  const housing = table(HOUSING);
  const out: GeneratedProfile[] = [];
  for (let i = 0; i < count; i++) {
    const first = occupation(rnd());
    // A second occupation now and then: one of the same group when there is one.
    const occupations = [first];
    if (rnd() < 0.25) {
      const second = occupation(rnd());
      if (second.occupationId !== first.occupationId) occupations.push(second);
    }
    const skills = new Set<string>();
    for (const o of occupations)
      for (const s of pickSkills(rnd, o, skillPickers.get(o.occupationId) ?? null, 8)) skills.add(s);
    const anywhere = dist.municipalities.length === 0 || rnd() < 0.3;
    const places = new Set<string>();
    if (dist.municipalities.length) {
      const n = anywhere ? 0 : 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < n; k++) places.add(municipality(rnd()).code);
    }
    const languages = [SWEDISH];
    if (rnd() < 0.7) languages.push(...OTHER_LANGUAGES);
    const hasPartner = rnd() < 0.45;
    const partner = hasPartner ? occupation(rnd()) : null;
    const children: number[] = [];
    if (hasPartner && rnd() < 0.6) {
      const n = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < n; k++) children.push(Math.floor(rnd() * 18));
    }
    out.push({
      occupations: occupations.map((o) => o.occupationId),
      occupationGroups: [...new Set(occupations.map((o) => o.groupId))],
      occupationFields: [...new Set(occupations.map((o) => o.fieldId))],
      skills: [...skills].slice(0, 30),
      experience: experience(),
      languages,
      education: education(),
      municipalities: [...places],
      anywhere,
      moveWhen: moveWhen(),
      remoteNow: rnd() < 0.2,
      hasPartner,
      partnerOccupations: partner ? [partner.occupationId] : [],
      partnerOccupationGroups: partner ? [partner.groupId] : [],
      partnerOccupationFields: partner ? [partner.fieldId] : [],
      partnerSkills: partner
        ? pickSkills(rnd, partner, skillPickers.get(partner.occupationId) ?? null, 6)
        : [],
      childrenAges: children.sort((a, b) => a - b),
      housing: housing(),
    });
  }
  return out;
}
