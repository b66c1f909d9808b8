/**
 * What a company page is (CompanyData), stored per version as JSON in company_versions. Every
 * translatable field is `{ sv, en }`; an empty value is a missing translation. The page's
 * organisationsnummer, slug and owner live on the companies row, not in a version.
 */
import { EMPTY_DOC, isRichDoc, type RichDoc } from '../../platform/html/rich-doc.ts';
import type { Lang } from '../../platform/i18n/index.ts';

export type Localised<T = string> = { sv: T; en: T };

export const COMPANY_STATUSES = ['draft', 'review', 'published', 'unpublished'] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

/**
 * What a company offers newcomers. Each badge on a page is backed by the company's own short text
 * saying what exactly they do; badges are reviewed by the region before they show.
 * relocation = "Hjälper med flytten"; partner = "Partnervänlig arbetsgivare" (helps the partner
 * find work); english = "Engelska som arbetsspråk"; remote = "Distansvänlig".
 */
export const BADGES = ['relocation', 'partner', 'english', 'remote'] as const;
export type Badge = (typeof BADGES)[number];

export interface CompanyBadge {
  badge: Badge;
  /** What exactly the company does (plain text). */
  text: Localised;
}

/** One step of a career path: an occupation of the JobTech taxonomy and what the step is like. */
export interface CareerStep {
  /** A taxonomy concept id (occupation-name or ssyk-level-4). */
  occupationId: string;
  title: Localised;
  text: Localised;
}

/** From a first job to specialist or manager. */
export interface CareerPath {
  title: Localised;
  steps: CareerStep[];
}

export interface CompanyFacts {
  /** Number of employees in the region (null: not told). */
  employees: number | null;
  /** Sites, e.g. "Borlänge (works), Falun (office)". */
  sites: Localised;
  /** Languages spoken at work, ISO 639-1 codes ('sv', 'en', 'fi', …). */
  languages: string[];
}

export interface CompanyData {
  /** The company's name as it presents itself (the organisation's registered name by default). */
  name: string;
  /** One or two sentences for cards, the meta description and og:description. */
  summary: Localised;
  /** Who they are and what they make. */
  about: Localised<RichDoc>;
  /** What it means for the world: innovations, customers, exports. */
  impact: Localised<RichDoc>;
  /** SNI 2007 codes (data/sni.json): the industries. */
  industries: string[];
  /** Municipality codes where they work. */
  municipalities: string[];
  /** Media library slugs. */
  logo: string | null;
  photos: string[];
  /** A short film (https). */
  filmUrl: string;
  /** The company's own site (https) and its profiles elsewhere (schema.org sameAs). */
  website: string;
  sameAs: string[];
  facts: CompanyFacts;
  badges: CompanyBadge[];
  careerPaths: CareerPath[];
  /** Slugs of the digital home's stories of people who work there. */
  stories: string[];
}

export const COMPANY_LIMITS = {
  name: 200,
  summary: 300,
  shortText: 600,
  photos: 12,
  sameAs: 6,
  industries: 5,
  careerPaths: 5,
  careerSteps: 8,
  stories: 12,
  languages: 12,
  url: 2_000,
  competenceNeeds: 30,
} as const;

export function emptyLocalised(): Localised {
  return { sv: '', en: '' };
}

/** A new page's first version. */
export function emptyCompany(name: string): CompanyData {
  return {
    name,
    summary: emptyLocalised(),
    about: { sv: EMPTY_DOC, en: EMPTY_DOC },
    impact: { sv: EMPTY_DOC, en: EMPTY_DOC },
    industries: [],
    municipalities: [],
    logo: null,
    photos: [],
    filmUrl: '',
    website: '',
    sameAs: [],
    facts: { employees: null, sites: emptyLocalised(), languages: [] },
    badges: [],
    careerPaths: [],
    stories: [],
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isLocalised = (value: unknown): value is Localised =>
  isObject(value) && isString(value.sv) && isString(value.en);
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 100 && value.every(isString);

export function isBadge(value: unknown): value is Badge {
  return (BADGES as readonly unknown[]).includes(value);
}

/**
 * Whether a stored value has the shape of CompanyData (a structural check of what the database
 * returns; the forms hold the rules of what may be saved).
 */
export function isCompanyData(value: unknown): value is CompanyData {
  if (!isObject(value)) return false;
  const { about, impact, facts } = value;
  return (
    isString(value.name) &&
    isLocalised(value.summary) &&
    isObject(about) &&
    isRichDoc(about.sv) &&
    isRichDoc(about.en) &&
    isObject(impact) &&
    isRichDoc(impact.sv) &&
    isRichDoc(impact.en) &&
    isStringList(value.industries) &&
    isStringList(value.municipalities) &&
    (value.logo === null || isString(value.logo)) &&
    isStringList(value.photos) &&
    isString(value.filmUrl) &&
    isString(value.website) &&
    isStringList(value.sameAs) &&
    isObject(facts) &&
    (facts.employees === null || typeof facts.employees === 'number') &&
    isLocalised(facts.sites) &&
    isStringList(facts.languages) &&
    Array.isArray(value.badges) &&
    value.badges.every((b: unknown) => isObject(b) && isBadge(b.badge) && isLocalised(b.text)) &&
    Array.isArray(value.careerPaths) &&
    value.careerPaths.every(
      (p: unknown) =>
        isObject(p) &&
        isLocalised(p.title) &&
        Array.isArray(p.steps) &&
        p.steps.every(
          (s: unknown) =>
            isObject(s) && isString(s.occupationId) && isLocalised(s.title) && isLocalised(s.text),
        ),
    ) &&
    isStringList(value.stories)
  );
}

/** Whether two versions differ in their badges (which then wait for the region's review). */
export function badgesChanged(before: CompanyData | null, after: CompanyData): boolean {
  const key = (d: CompanyData) =>
    JSON.stringify(
      [...d.badges]
        .sort((a, b) => a.badge.localeCompare(b.badge))
        .map((b) => [b.badge, b.text.sv.trim(), b.text.en.trim()]),
    );
  return before === null ? after.badges.length > 0 : key(before) !== key(after);
}

/** A value in the page's language, else the other one's. */
export function inLang(value: Localised, lang: Lang): string {
  const other = lang === 'sv' ? 'en' : 'sv';
  return value[lang].trim() || value[other].trim();
}
