/**
 * The talent pool's vocabulary: what a profile holds, the purposes a person consents to and the
 * exact version of each consent text. Values here are the ones stored (migration 0025); their
 * words are in messages.ts.
 */

/** Years of experience in the occupation, as bands (never an exact number). */
export const EXPERIENCE_LEVELS = ['none', 'lt2', '2to5', '5to10', 'gt10'] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];

export const EDUCATION_LEVELS = [
  'compulsory',
  'upper-secondary',
  'vocational',
  'university',
  'doctorate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** When they might move (or that they live in the region already). */
export const MOVE_TIMEFRAMES = [
  'now',
  'within-6-months',
  'within-a-year',
  'later',
  'not-sure',
  'live-here',
] as const;
export type MoveTimeframe = (typeof MOVE_TIMEFRAMES)[number];

export const HOUSING_WISHES = ['rent', 'buy', 'either', 'not-sure'] as const;
export type HousingWish = (typeof HOUSING_WISHES)[number];

/** What a person may consent to, each on its own and each withdrawable in one click. */
export const CONSENT_PURPOSES = ['navigator', 'employers', 'alerts', 'newsletter'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * The version of each consent text in force. The words are messages.ts's `consent.<purpose>.text`;
 * change the words → change the version here, so that each stored consent names the exact text the
 * person was shown (the privacy page lists them).
 */
export const CONSENT_TEXT_VERSIONS: Record<ConsentPurpose, string> = {
  navigator: 'navigator-2026-12',
  employers: 'employers-2026-12',
  alerts: 'alerts-2026-12',
  newsletter: 'newsletter-2026-12',
};

/**
 * The alerts consent as a visitor without a profile reads it (messages.ts
 * `consent.alertsVisitor.text`: saved searches only, no "my profile"); its own version, stored with
 * the alert and, when the address has an account, with the consent given at confirming.
 */
export const ALERTS_VISITOR_TEXT_VERSION = 'alerts-visitor-2026-12';

export const LIMITS = {
  occupations: 5,
  skills: 30,
  languages: 10,
  municipalities: 30,
  children: 10,
  childAgeMax: 25,
  about: 1000,
} as const;

/** A talent profile as the module's code reads it. */
export interface TalentProfile {
  id: string;
  accountId: string;
  status: 'active' | 'hidden';
  /** Taxonomy occupation-name concept ids. */
  occupations: string[];
  /** Taxonomy skill concept ids. */
  skills: string[];
  /** SSYK-4 group and occupation-field concept ids of `occupations`. */
  occupationGroups: string[];
  occupationFields: string[];
  experience: ExperienceLevel;
  /** Taxonomy language concept ids. */
  languages: string[];
  education: EducationLevel;
  /** Municipality codes (four digits) they would consider. */
  municipalities: string[];
  /** The whole region will do. */
  anywhere: boolean;
  moveWhen: MoveTimeframe;
  remoteNow: boolean;
  /** Their own words; never shown to employers. */
  about: string;
  household: {
    hasPartner: boolean;
    partnerOccupations: string[];
    partnerSkills: string[];
    partnerOccupationGroups: string[];
    partnerOccupationFields: string[];
    /** The partner's own account once they claimed their part. */
    partnerAccountId: string | null;
    childrenAges: number[];
    housing: HousingWish;
  };
  createdAt: Date;
  updatedAt: Date;
  renewedAt: Date;
  renewalAskedAt: Date | null;
  hiddenAt: Date | null;
}

export interface TalentConsent {
  purpose: ConsentPurpose;
  textVersion: string;
  grantedAt: Date;
  withdrawnAt: Date | null;
}

export interface TalentSettings {
  kAnonymity: number;
  renewAfterMonths: number;
  hideAfterDays: number;
  deleteAfterMonths: number;
}

export const DEFAULT_TALENT_SETTINGS: TalentSettings = {
  kAnonymity: 5,
  renewAfterMonths: 12,
  hideAfterDays: 30,
  deleteAfterMonths: 6,
};

export { isOneOf } from '../../platform/one-of.ts';
