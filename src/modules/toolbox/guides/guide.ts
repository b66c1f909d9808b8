/**
 * A guide's stored shape and what is read from it: the data read back defensively from jsonb (an
 * editor's save or a hand-edited row never breaks a page), the keys of its checklist items, a
 * checklist's progress (ticks of items since removed simply no longer count), and its links (an
 * https address, or a path of this site shown in the reader's language).
 */
import { isWebAddress } from '../../../platform/html/links.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { GuideItem, GuideSection, Localised } from '../model.ts';
import type { StoredGuideData } from './content.ts';

/** Bounds of a guide (the editors' form refuses more; the table holds ≤ 200,000 octets). */
export const LIMITS = {
  title: 160,
  summary: 600,
  sectionTitle: 160,
  sectionText: 3000,
  timeline: 200,
  itemTitle: 200,
  itemText: 1000,
  authority: 120,
  url: 2000,
  sections: 12,
  itemsPerSection: 20,
  items: 150,
  bytes: 190_000,
} as const;

/** Checklists an organisation may keep; a label's length. */
export const MAX_CHECKLISTS = 50;
export const LABEL_MAX = 120;

export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** A path of this site, without the language prefix ("/move", "/talent-pool"). */
const SITE_PATH = /^\/[a-z0-9][a-z0-9\-/]{0,199}$/;

export interface GuideRecord {
  slug: string;
  version: number;
  position: number;
  published: boolean;
  data: StoredGuideData;
  updatedAt: Date;
}

const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');

function localised(value: unknown, max: number): Localised {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return { sv: text(v.sv, max), en: text(v.en, max) };
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

function readItem(value: unknown): GuideItem | null {
  const v = record(value);
  const key = text(v.key, 40);
  if (!KEY_PATTERN.test(key)) return null;
  return {
    key,
    title: localised(v.title, LIMITS.itemTitle),
    text: localised(v.text, LIMITS.itemText),
    authority: localised(v.authority, LIMITS.authority),
    url: text(v.url, LIMITS.url),
  };
}

function readSection(value: unknown): GuideSection {
  const v = record(value);
  return {
    title: localised(v.title, LIMITS.sectionTitle),
    text: localised(v.text, LIMITS.sectionText),
    timeline: localised(v.timeline, LIMITS.timeline),
    items: list(v.items)
      .slice(0, LIMITS.itemsPerSection)
      .map(readItem)
      .filter((i): i is GuideItem => i !== null),
  };
}

/** The guide's data as stored, read defensively (unknown fields dropped, bounds kept). */
export function readGuideData(value: unknown): StoredGuideData {
  const v = record(typeof value === 'string' ? safeJson(value) : value);
  const image = text(v.image, 100);
  return {
    title: localised(v.title, LIMITS.title),
    summary: localised(v.summary, LIMITS.summary),
    sections: list(v.sections).slice(0, LIMITS.sections).map(readSection),
    ...(image ? { image } : {}),
  };
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return {};
  }
}

/** Every item key of a guide, in order. */
export function itemKeys(data: Pick<StoredGuideData, 'sections'>): string[] {
  return data.sections.flatMap((s) => s.items.map((i) => i.key));
}

/** How many of the guide's items are ticked (ticks of removed items do not count). */
export function progressOf(
  data: Pick<StoredGuideData, 'sections'>,
  done: readonly string[],
): { done: number; total: number } {
  const ticked = new Set(done);
  const keys = itemKeys(data);
  return { done: keys.filter((k) => ticked.has(k)).length, total: keys.length };
}

/** Whether an item's link may be stored: an https web address (as the form's hint says), or a path of this site. */
export function isGuideLink(value: string): boolean {
  return SITE_PATH.test(value) || (value.length <= LIMITS.url && isWebAddress(value, { httpsOnly: true }));
}

/** An item's link for a reader: a site path gets the language prefix; anything unsafe is none. */
export function guideHref(lang: Lang, url: string): string | null {
  if (url === '') return null;
  if (SITE_PATH.test(url)) return `/${lang}${url}`;
  return isWebAddress(url, { httpsOnly: true }) ? url : null;
}

/** A title in the reader's language, else the other one. */
export function inLang(value: Localised, lang: Lang): { text: string; lang: Lang } {
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  return value[lang].trim() !== '' ? { text: value[lang], lang } : { text: value[other], lang: other };
}
