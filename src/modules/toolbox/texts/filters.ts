/**
 * The filters of both lists, pure: read from a page's query string (a value the list does not know,
 * or a parameter sent twice, is a problem the page answers with 400 by its field; other parameters
 * are ignored), written back as a query string, and — for the organisations' page — applied to
 * the approved texts in memory and counted per option with the other filters applied.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import type { TextOutline } from '../toolbox.ts';
import { PERSONAS, TEXT_STATUSES, TOPICS, isOneOf, type TextStatus } from '../model.ts';
import type { AdminFilter } from './repository.ts';

type Query = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface FilterProblem {
  field: string;
  /** What was sent (cut to 100 characters). */
  value: string;
  reason: 'unknown' | 'repeated';
}

const MAX_VALUE = 100;
const MAX_PAGE = 1000;

function readQuery(
  query: Query,
  fields: readonly string[],
  accept: (field: string, value: string) => boolean,
): FilterProblem[] {
  const problems: FilterProblem[] = [];
  for (const field of fields) {
    const raw = query[field];
    if (raw === undefined) continue;
    const values = typeof raw === 'string' ? [raw] : raw;
    const value = (values[0] ?? '').slice(0, MAX_VALUE);
    if (values.length > 1) problems.push({ field, value, reason: 'repeated' });
    else if (value !== '' && !accept(field, value)) problems.push({ field, value, reason: 'unknown' });
  }
  return problems;
}

const pageOf = (value: string): number | undefined =>
  /^[1-9][0-9]{0,3}$/.test(value) && Number(value) <= MAX_PAGE ? Number(value) : undefined;

// The back-office list.

export const ADMIN_FIELDS = ['status', 'persona', 'topic', 'municipality', 'page'] as const;

export function parseAdminFilter(
  query: Query,
  region: Pick<Region, 'municipalities'>,
): { filter: AdminFilter; problems: FilterProblem[] } {
  const filter: AdminFilter = { status: '', persona: '', topic: '', municipality: '', page: 1 };
  const problems = readQuery(query, ADMIN_FIELDS, (field, value) => {
    switch (field) {
      case 'status':
        if (!isOneOf(TEXT_STATUSES, value)) return false;
        filter.status = value as TextStatus;
        return true;
      case 'persona':
        if (!isOneOf(PERSONAS, value)) return false;
        filter.persona = value;
        return true;
      case 'topic':
        if (!isOneOf(TOPICS, value)) return false;
        filter.topic = value;
        return true;
      case 'municipality':
        if (value !== 'region' && !region.municipalities.some((m) => m.code === value)) return false;
        filter.municipality = value;
        return true;
      default: {
        const page = pageOf(value);
        if (page === undefined) return false;
        filter.page = page;
        return true;
      }
    }
  });
  return { filter, problems };
}

export function adminQuery(filter: AdminFilter, page = filter.page): string {
  const p = new URLSearchParams();
  if (filter.status) p.set('status', filter.status);
  if (filter.persona) p.set('persona', filter.persona);
  if (filter.topic) p.set('topic', filter.topic);
  if (filter.municipality) p.set('municipality', filter.municipality);
  if (page > 1) p.set('page', String(page));
  const text = p.toString();
  return text ? `?${text}` : '';
}

// The organisations' page.

/** Texts on a page of the organisations' list. */
export const PUBLIC_PAGE_SIZE = 20;

export const PUBLIC_FIELDS = ['persona', 'topic', 'municipality', 'language', 'page'] as const;
export type PublicField = (typeof PUBLIC_FIELDS)[number];

export interface PublicFilter {
  persona: string;
  topic: string;
  /** A municipality code, or '' for all. */
  municipality: string;
  /** The language of the texts shown. */
  language: Lang;
  page: number;
}

export function parsePublicFilter(
  query: Query,
  region: Pick<Region, 'municipalities'>,
  pageLang: Lang,
): { filter: PublicFilter; problems: FilterProblem[] } {
  const filter: PublicFilter = { persona: '', topic: '', municipality: '', language: pageLang, page: 1 };
  const problems = readQuery(query, PUBLIC_FIELDS, (field, value) => {
    switch (field) {
      case 'persona':
        if (!isOneOf(PERSONAS, value)) return false;
        filter.persona = value;
        return true;
      case 'topic':
        if (!isOneOf(TOPICS, value)) return false;
        filter.topic = value;
        return true;
      case 'municipality': {
        const m = region.municipalities.find((x) => x.slug === value);
        if (!m) return false;
        filter.municipality = m.code;
        return true;
      }
      case 'language':
        if (value !== 'sv' && value !== 'en') return false;
        filter.language = value;
        return true;
      default: {
        const page = pageOf(value);
        if (page === undefined) return false;
        filter.page = page;
        return true;
      }
    }
  });
  return { filter, problems };
}

export function publicQuery(
  filter: PublicFilter,
  region: Pick<Region, 'municipalities'>,
  pageLang: Lang,
  page = filter.page,
): string {
  const p = new URLSearchParams();
  if (filter.persona) p.set('persona', filter.persona);
  if (filter.topic) p.set('topic', filter.topic);
  const m = region.municipalities.find((x) => x.code === filter.municipality);
  if (m) p.set('municipality', m.slug);
  if (filter.language !== pageLang) p.set('language', filter.language);
  if (page > 1) p.set('page', String(page));
  const text = p.toString();
  return text ? `?${text}` : '';
}

const written = (t: TextOutline, lang: Lang) => t.written[lang];

type Test = (t: TextOutline) => boolean;

function tests(filter: PublicFilter, without?: PublicField): Test[] {
  const out: Test[] = [];
  if (filter.persona && without !== 'persona') out.push((t) => t.persona === filter.persona);
  if (filter.topic && without !== 'topic') out.push((t) => t.topic === filter.topic);
  // A municipality's texts, and those about the whole region (they hold for it too).
  if (filter.municipality && without !== 'municipality')
    out.push((t) => t.municipalityCode === null || t.municipalityCode === filter.municipality);
  if (without !== 'language') out.push((t) => written(t, filter.language));
  return out;
}

const matching = <T extends TextOutline>(texts: readonly T[], list: Test[]) =>
  texts.filter((t) => list.every((x) => x(t)));

export function applyPublicFilter<T extends TextOutline>(texts: readonly T[], filter: PublicFilter): T[] {
  return matching(texts, tests(filter));
}

export interface Facets {
  persona: Map<string, number>;
  topic: Map<string, number>;
  /** By municipality code: its own texts plus the region-wide ones. */
  municipality: Map<string, number>;
  language: Map<string, number>;
}

function tally(texts: readonly TextOutline[], key: (t: TextOutline) => readonly string[]) {
  const counts = new Map<string, number>();
  for (const t of texts) for (const k of key(t)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

export function publicFacets(
  texts: readonly TextOutline[],
  filter: PublicFilter,
  region: Pick<Region, 'municipalities'>,
): Facets {
  const others = (field: PublicField) => matching(texts, tests(filter, field));
  const codes = region.municipalities.map((m) => m.code);
  return {
    persona: tally(others('persona'), (t) => [t.persona]),
    topic: tally(others('topic'), (t) => [t.topic]),
    municipality: tally(others('municipality'), (t) =>
      t.municipalityCode === null ? codes : [t.municipalityCode],
    ),
    language: tally(others('language'), (t) => (['sv', 'en'] as const).filter((l) => written(t, l))),
  };
}

export function pageSlice<T>(items: readonly T[], page: number, size: number): { items: T[]; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  return { items: items.slice((page - 1) * size, page * size), pages };
}
