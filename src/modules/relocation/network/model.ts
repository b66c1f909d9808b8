/**
 * The newcomer network's vocabulary (migration 0032): group topics, ambassador personas and
 * languages, the statuses, the limits of what a form may send, and the version of the text an
 * ambassador agrees to. Values here are the ones stored; their words are in messages.ts.
 */

/** What a group is about (also an ambassador's interests). */
export const TOPICS = [
  'outdoors',
  'families',
  'tech',
  'language_cafe',
  'sports',
  'culture',
  'food',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

/** Whom an ambassador would like to welcome. */
export const PERSONAS = [
  'families',
  'international',
  'returners',
  'nature',
  'students',
  'entrepreneurs',
] as const;
export type Persona = (typeof PERSONAS)[number];

/** The languages an ambassador may offer (ISO 639-1), Swedish and English first. */
export const AMBASSADOR_LANGUAGES = [
  'sv',
  'en',
  'de',
  'nl',
  'fr',
  'es',
  'pl',
  'ar',
  'fa',
  'fi',
  'no',
  'uk',
] as const;
export type AmbassadorLanguage = (typeof AMBASSADOR_LANGUAGES)[number];

export const GROUP_STATUSES = ['active', 'archived'] as const;
export const AMBASSADOR_STATUSES = ['pending', 'approved', 'paused'] as const;
export type AmbassadorStatus = (typeof AMBASSADOR_STATUSES)[number];
export const MATCH_STATUSES = ['proposed', 'introduced', 'ended'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** The version of the ambassador's consent text (messages.ts `amb.consent`): change both together. */
export const AMBASSADOR_CONSENT_VERSION = 'network-ambassador-2026-12';

export const LIMITS = {
  groupName: 120,
  groupDescription: 2000,
  slug: 80,
  occupation: 200,
  about: 1000,
  matchNote: 1000,
} as const;

/** How many ranked ambassadors the case panel shows. */
export const TOP_AMBASSADORS = 5;
/** At most this many groups are listed publicly (a region has a handful). */
export const GROUP_LIST_LIMIT = 200;

/** A group's slug: lower-case words joined by hyphens. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A slug from a name (å, ä, ö → a, a, o; anything else dropped). */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.slug)
    .replace(/-+$/g, '');
}
