/**
 * How well a job fits one side of a talent profile (the person, or their partner): pure functions,
 * each factor giving points and the reason in words. A score is 0–100.
 *
 *   occupation  same occupation name 40, same SSYK-4 group 28, same occupation field 12
 *   skills      6 per skill the job asks for that they have, at most 5 counted (30)
 *   place       in a municipality they chose 20; anywhere in the region 16; else by estimated
 *               travel from the nearest one they chose: ≤ 30 min 14, ≤ 45 10, ≤ 60 6, ≤ 90 2
 *   remote      the job allows remote work 6
 *   language    every language the job requires is theirs +4; one missing −10
 *   experience  asks for experience and they have some +4, have none −8; asks for none and they
 *               have none +3
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ExperienceLevel } from '../model.ts';
import type { Places } from './geo.ts';
import { matchingMessages, type MatchingKey } from './messages.ts';

/** A score at or above this puts a new job in the person's "new jobs for you" inbox. */
export const MATCH_THRESHOLD = 55;
/** Jobs within this many minutes of each other are "in reach of the same home". */
export const HOUSEHOLD_REACH_MINUTES = 60;

/** One side of a profile: the main mover's, or the partner's (whose places are the household's). */
export interface TalentSide {
  occupations: readonly string[];
  occupationGroups: readonly string[];
  occupationFields: readonly string[];
  skills: readonly string[];
  /** Taxonomy language concept ids; null: not known (the partner's are not asked). */
  languages: readonly string[] | null;
  /** null: not known (the partner's). */
  experience: ExperienceLevel | null;
  municipalities: readonly string[];
  anywhere: boolean;
}

export interface JobForMatching {
  id: string;
  occupationId: string | null;
  occupationGroupId: string | null;
  occupationFieldId: string | null;
  municipalityCode: string | null;
  remote: boolean;
  /** talent_job_features: skill and language concept ids, months of experience asked for. */
  skills: readonly string[];
  languages: readonly string[];
  experienceMonths: number;
}

export interface Reason {
  key: MatchingKey;
  params?: Record<string, string | number>;
}

export interface Factor {
  points: number;
  reason: Reason | null;
}

export const FACTORS = ['occupation', 'skills', 'place', 'remote', 'language', 'experience'] as const;
export type FactorName = (typeof FACTORS)[number];

export interface MatchScore {
  /** 0–100. */
  score: number;
  factors: Record<FactorName, Factor>;
}

const NONE: Factor = { points: 0, reason: null };

export function scoreOccupation(side: TalentSide, job: JobForMatching): Factor {
  if (job.occupationId && side.occupations.includes(job.occupationId))
    return { points: 40, reason: { key: 'why.occupation' } };
  if (job.occupationGroupId && side.occupationGroups.includes(job.occupationGroupId))
    return { points: 28, reason: { key: 'why.group' } };
  if (job.occupationFieldId && side.occupationFields.includes(job.occupationFieldId))
    return { points: 12, reason: { key: 'why.field' } };
  return NONE;
}

export function scoreSkills(side: TalentSide, job: JobForMatching): Factor {
  if (side.skills.length === 0 || job.skills.length === 0) return NONE;
  let n = 0;
  for (const s of job.skills) if (side.skills.includes(s)) n++;
  if (n === 0) return NONE;
  return {
    points: Math.min(n, 5) * 6,
    reason: n === 1 ? { key: 'why.skills.one' } : { key: 'why.skills.many', params: { n } },
  };
}

/** The nearest of their municipalities to `code`, with its minutes, or null when none is known. */
export function nearest(
  places: Places,
  from: readonly string[],
  code: string,
): { code: string; minutes: number } | null {
  let best: { code: string; minutes: number } | null = null;
  for (const f of from) {
    const minutes = places.minutes(f, code);
    if (minutes !== null && (!best || minutes < best.minutes)) best = { code: f, minutes };
  }
  return best;
}

export function travelPoints(minutes: number): number {
  if (minutes <= 30) return 14;
  if (minutes <= 45) return 10;
  if (minutes <= 60) return 6;
  if (minutes <= 90) return 2;
  return 0;
}

export function scorePlace(side: TalentSide, job: JobForMatching, places: Places): Factor {
  const code = job.municipalityCode;
  if (!code) return NONE;
  const place = places.name(code);
  if (side.municipalities.includes(code)) return { points: 20, reason: { key: 'why.in', params: { place } } };
  if (side.anywhere) return { points: 16, reason: { key: 'why.inAnywhere', params: { place } } };
  const near = nearest(places, side.municipalities, code);
  if (!near) return { points: 0, reason: { key: 'why.in', params: { place } } };
  return {
    points: travelPoints(near.minutes),
    reason: { key: 'why.near', params: { place, minutes: near.minutes, from: places.name(near.code) } },
  };
}

export function scoreRemote(job: JobForMatching): Factor {
  return job.remote ? { points: 6, reason: { key: 'why.remote' } } : NONE;
}

export function scoreLanguage(side: TalentSide, job: JobForMatching): Factor {
  const theirs = side.languages;
  if (theirs === null || job.languages.length === 0) return NONE;
  if (job.languages.every((l) => theirs.includes(l))) return { points: 4, reason: { key: 'why.languages' } };
  return { points: -10, reason: { key: 'why.languagesMissing' } };
}

const BAND_MONTHS: Record<ExperienceLevel, number> = { none: 0, lt2: 12, '2to5': 24, '5to10': 60, gt10: 120 };

export function scoreExperience(side: TalentSide, job: JobForMatching): Factor {
  if (side.experience === null) return NONE;
  const has = BAND_MONTHS[side.experience];
  if (job.experienceMonths > 0) {
    if (has >= Math.min(job.experienceMonths, 12)) return { points: 4, reason: { key: 'why.experience' } };
    return { points: -8, reason: { key: 'why.experienceMissing' } };
  }
  return has === 0 ? { points: 3, reason: { key: 'why.noExperience' } } : NONE;
}

export function scoreMatch(side: TalentSide, job: JobForMatching, places: Places): MatchScore {
  const factors: Record<FactorName, Factor> = {
    occupation: scoreOccupation(side, job),
    skills: scoreSkills(side, job),
    place: scorePlace(side, job, places),
    remote: scoreRemote(job),
    language: scoreLanguage(side, job),
    experience: scoreExperience(side, job),
  };
  let total = 0;
  for (const f of FACTORS) total += factors[f].points;
  return { score: Math.max(0, Math.min(100, total)), factors };
}

/** Whose side a reason speaks of: the reader's own, or their partner's (to the main mover). */
export type Whose = 'own' | 'partner';

/** The reasons that name the person, said of the partner instead. */
const PARTNER_KEYS: Partial<Record<MatchingKey, MatchingKey>> = {
  'why.occupation': 'why.partner.occupation',
  'why.group': 'why.partner.group',
  'why.field': 'why.partner.field',
  'why.skills.one': 'why.partner.skills.one',
  'why.skills.many': 'why.partner.skills.many',
};

/**
 * The reasons in words, in factor order: "your occupation, 2 of your skills, in Borlänge, …"; of the
 * partner's side, to the main mover: "your partner's occupation, …".
 */
export function explain(score: MatchScore, lang: Lang, whose: Whose = 'own'): string {
  const parts: string[] = [];
  for (const f of FACTORS) {
    const reason = score.factors[f].reason;
    if (!reason) continue;
    const key = (whose === 'partner' && PARTNER_KEYS[reason.key]) || reason.key;
    parts.push(matchingMessages.t(lang, key, reason.params));
  }
  return parts.join(matchingMessages.t(lang, 'why.separator'));
}

/** Both languages, as the inbox stores them. */
export function explainBoth(score: MatchScore, whose: Whose = 'own'): { sv: string; en: string } {
  return { sv: explain(score, 'sv', whose), en: explain(score, 'en', whose) };
}

/** The main mover's side of a profile. */
export function mainSide(p: {
  occupations: readonly string[];
  occupationGroups: readonly string[];
  occupationFields: readonly string[];
  skills: readonly string[];
  languages: readonly string[];
  experience: ExperienceLevel;
  municipalities: readonly string[];
  anywhere: boolean;
}): TalentSide {
  return {
    occupations: p.occupations,
    occupationGroups: p.occupationGroups,
    occupationFields: p.occupationFields,
    skills: p.skills,
    languages: p.languages,
    experience: p.experience,
    municipalities: p.municipalities,
    anywhere: p.anywhere,
  };
}

/** The partner's side: their occupations and skills, the household's places and languages. */
export function partnerSide(p: {
  languages: readonly string[];
  municipalities: readonly string[];
  anywhere: boolean;
  household: {
    hasPartner: boolean;
    partnerOccupations: readonly string[];
    partnerSkills: readonly string[];
    partnerOccupationGroups: readonly string[];
    partnerOccupationFields: readonly string[];
  };
}): TalentSide | null {
  const h = p.household;
  if (!h.hasPartner || (h.partnerOccupations.length === 0 && h.partnerOccupationGroups.length === 0))
    return null;
  return {
    occupations: h.partnerOccupations,
    occupationGroups: h.partnerOccupationGroups,
    occupationFields: h.partnerOccupationFields,
    skills: h.partnerSkills,
    languages: null,
    experience: null,
    municipalities: p.municipalities,
    anywhere: p.anywhere,
  };
}
