/**
 * The toolbox's vocabulary (migration 0041): kinds of asset, topics, personas, permitted uses, the
 * shape of the brand platform and of a guide, and the toolbox's paths.
 */
import type { TargetGroup } from '../content/model.ts';
import { TARGET_GROUPS } from '../content/model.ts';

export type Localised<T = string> = { sv: T; en: T };

export const ASSET_KINDS = ['photo', 'logo', 'graphic-profile', 'template', 'film', 'document'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const ASSET_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

/** What texts and assets are about (the topics, plus the career itself and culture). */
export const TOPICS = [
  'career',
  'nature',
  'schools',
  'commute',
  'housing',
  'green-industry',
  'culture',
  'everyday',
] as const;
export type Topic = (typeof TOPICS)[number];

/** The strategy's personas: content's six target groups, or everyone. */
export const PERSONAS = [...TARGET_GROUPS, 'everyone'] as const;
export type Persona = TargetGroup | 'everyone';

/** Where an asset may be used. */
export const USES = ['web', 'social', 'job-ads', 'print', 'presentations', 'film', 'press'] as const;
export type Use = (typeof USES)[number];

export const TEXT_STATUSES = ['draft', 'approved', 'retired'] as const;
export type TextStatus = (typeof TEXT_STATUSES)[number];

/** The brand platform (toolbox_brand_versions.data). */
export interface BrandData {
  /** "A modern career region": the position in a line, and what it means. */
  position: Localised;
  positionText: Localised;
  /** From → to: how the picture of the region should move. */
  from: Localised<string[]>;
  to: Localised<string[]>;
  /** The three properties (open, unpretentious, innovative), each with what it means. */
  properties: { name: Localised; words: Localised; text: Localised }[];
  /** The three profile bearers (the companies, the people, the lifestyle). */
  bearers: { name: Localised; text: Localised }[];
  /** Tone of voice. */
  voice: Localised;
  /** Words we like, and words we avoid (each with the better one). */
  wordsWeLike: Localised<string[]>;
  wordsToAvoid: { word: Localised; instead: Localised }[];
  /** Do's and don'ts, each with an example. */
  dos: { text: Localised; example: Localised }[];
  donts: { text: Localised; example: Localised }[];
}

/** An item of a guide's checklist: its key stays when the text is edited, so ticks survive. */
export interface GuideItem {
  key: string;
  title: Localised;
  text: Localised;
  /** An authority's or partner's page (https), optional. */
  url: string;
  authority: Localised;
}

export interface GuideSection {
  title: Localised;
  /** Plain text; paragraphs by an empty line. */
  text: Localised;
  /** How long this part usually takes ("2–4 months"), optional. */
  timeline: Localised;
  items: GuideItem[];
}

/** A guide for recruiting from afar (toolbox_guides.data). */
export interface GuideData {
  title: Localised;
  summary: Localised;
  sections: GuideSection[];
}

/** Paths after the language prefix (public side) and the back-office's. */
export const PATHS = {
  home: '/toolbox',
  assets: '/toolbox/assets',
  texts: '/toolbox/texts',
  builder: '/toolbox/builder',
  widget: '/toolbox/widget',
  guides: '/toolbox/guides',
  admin: '/admin/toolbox',
} as const;

export { isOneOf } from '../../platform/one-of.ts';
