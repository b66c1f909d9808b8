/**
 * What an item of the region's digital home is (ContentData), stored per version as JSON in
 * content_versions and, for the version visitors see, in content_published. Every translatable
 * field is `{ sv, en }`; an empty value is a missing translation, which editors are shown.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import { EMPTY_DOC, isEmptyDoc, isRichDoc, type RichDoc } from '../../platform/html/rich-doc.ts';

export type Localised<T = string> = { sv: T; en: T };

export const CONTENT_KINDS = ['place', 'guide', 'story', 'path'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const CONTENT_STATUSES = ['draft', 'review', 'published', 'unpublished'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

/**
 * The strategy's six target groups: families = family jugglers and returnees; nature = nature
 * seekers from big cities, in Sweden and abroad; cottage = visitors and cottage owners; dreamers =
 * hobby-farm and garage dreamers; students = young people and students; international =
 * international talent. Each has a path (an item of kind 'path' whose slug is the key).
 */
export const TARGET_GROUPS = [
  'families',
  'nature',
  'cottage',
  'dreamers',
  'students',
  'international',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const GUIDE_AUDIENCES = ['eu', 'non-eu', 'returning', 'everyone'] as const;
export type GuideAudience = (typeof GUIDE_AUDIENCES)[number];

/** When in the move a guide's step belongs. */
export const GUIDE_PHASES = ['before', 'arrival', 'first-weeks', 'settling'] as const;
export type GuidePhase = (typeof GUIDE_PHASES)[number];

export interface GuideStep {
  phase: GuidePhase;
  /** The authority's page (https). */
  url: string;
  title: Localised;
  authority: Localised;
  /** What to bring: documents, ids. */
  bring: Localised;
  text: Localised;
}

export interface PlaceData {
  /** The municipality's contact for newcomers. */
  contact: { name: string; email: string; phone: string; url: string };
  newcomerText: Localised;
}

export interface GuideData {
  audiences: GuideAudience[];
  steps: GuideStep[];
}

export interface StoryData {
  personName: string;
  profession: Localised;
  employer: string;
  movedFrom: Localised;
  quote: Localised;
  /** The person's recorded consent; the story is unpublished when it ends. Dates YYYY-MM-DD. */
  consent: { recordedOn: string; method: string; endsOn: string };
}

export interface PathData {
  /** Job-search text whose results the path shows. */
  jobQuery: string;
  places: string[];
  guides: string[];
  stories: string[];
}

export interface ContentData {
  title: Localised;
  /** Plain text for cards, the meta description and og:description. */
  summary: Localised;
  body: Localised<RichDoc>;
  /** A media library slug: the page's first picture and its og:image. */
  heroImage: string | null;
  targetGroups: TargetGroup[];
  place?: PlaceData;
  guide?: GuideData;
  story?: StoryData;
  path?: PathData;
}

export const CONTENT_LIMITS = {
  title: 120,
  summary: 300,
  shortText: 500,
  steps: 30,
  slugs: 30,
  url: 2_000,
} as const;

export function emptyLocalised(): Localised {
  return { sv: '', en: '' };
}

/** A new item's first version. */
export function emptyContent(kind: ContentKind): ContentData {
  const data: ContentData = {
    title: emptyLocalised(),
    summary: emptyLocalised(),
    body: { sv: EMPTY_DOC, en: EMPTY_DOC },
    heroImage: null,
    targetGroups: [],
  };
  if (kind === 'place') {
    data.place = { contact: { name: '', email: '', phone: '', url: '' }, newcomerText: emptyLocalised() };
  } else if (kind === 'guide') {
    data.guide = { audiences: [], steps: [] };
  } else if (kind === 'story') {
    data.story = {
      personName: '',
      profession: emptyLocalised(),
      employer: '',
      movedFrom: emptyLocalised(),
      quote: emptyLocalised(),
      consent: { recordedOn: '', method: '', endsOn: '' },
    };
  } else {
    data.path = { jobQuery: '', places: [], guides: [], stories: [] };
  }
  return data;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

function isLocalised(value: unknown): value is Localised {
  return isObject(value) && isString(value.sv) && isString(value.en);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length <= 100 && value.every(isString);
}

function isKindPart(kind: ContentKind, d: Record<string, unknown>): boolean {
  if (kind === 'place') {
    const p = d.place;
    return isObject(p) && isObject(p.contact) && isLocalised(p.newcomerText);
  }
  if (kind === 'guide') {
    const g = d.guide;
    return (
      isObject(g) &&
      isStringList(g.audiences) &&
      Array.isArray(g.steps) &&
      g.steps.every(
        (s: unknown) => isObject(s) && isString(s.phase) && isString(s.url) && isLocalised(s.title),
      )
    );
  }
  if (kind === 'story') {
    const s = d.story;
    return isObject(s) && isString(s.personName) && isObject(s.consent) && isLocalised(s.quote);
  }
  const p = d.path;
  return isObject(p) && isString(p.jobQuery) && isStringList(p.places) && isStringList(p.guides);
}

/**
 * Whether a stored value has the shape of ContentData for the kind (a structural check of what
 * the database returns; the editors' forms hold the rules of what may be saved).
 */
export function isContentData(kind: ContentKind, value: unknown): value is ContentData {
  if (!isObject(value)) return false;
  const body = value.body;
  return (
    isLocalised(value.title) &&
    isLocalised(value.summary) &&
    isObject(body) &&
    isRichDoc(body.sv) &&
    isRichDoc(body.en) &&
    (value.heroImage === null || isString(value.heroImage)) &&
    isStringList(value.targetGroups) &&
    isKindPart(kind, value)
  );
}

/** The languages in which an item lacks its title, summary or text. */
export function missingLanguages(data: ContentData): Lang[] {
  return (['sv', 'en'] as const).filter(
    (lang) => !data.title[lang].trim() || !data.summary[lang].trim() || isEmptyDoc(data.body[lang]),
  );
}

export function isTargetGroup(value: unknown): value is TargetGroup {
  return (TARGET_GROUPS as readonly unknown[]).includes(value);
}

export function isContentKind(value: unknown): value is ContentKind {
  return (CONTENT_KINDS as readonly unknown[]).includes(value);
}
