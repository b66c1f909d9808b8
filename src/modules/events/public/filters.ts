/**
 * The calendar's filters as a value: read from the query string (kind, where = region / away /
 * online, municipality = a municipality's slug, persona = a target group, company = an
 * organisation's id that organises or exhibits at an upcoming event, page), written back as a
 * canonical query string, applied to the upcoming events in memory, and counted per option (each
 * filter's counts with the other filters applied).
 */
import { isUuid } from '../../../platform/http/params.ts';
import type { Region } from '../../../platform/region.ts';
import {
  EVENT_KINDS,
  LOCATION_KINDS,
  PERSONAS,
  isOneOf,
  type EventKind,
  type LocationKind,
} from '../model.ts';
import type { ListedEvent } from './repository.ts';

/** Cards on a page of the list. */
export const PAGE_SIZE = 20;

export interface EventFilter {
  kind: EventKind | '';
  where: LocationKind | '';
  /** A municipality code, or ''. */
  municipality: string;
  persona: string;
  /** An organisation's id, or ''. */
  company: string;
  /** 1-based. */
  page: number;
}

export const NO_FILTER: EventFilter = {
  kind: '',
  where: '',
  municipality: '',
  persona: '',
  company: '',
  page: 1,
};

export type FilterField = 'kind' | 'where' | 'municipality' | 'persona' | 'company' | 'page';
export const FILTER_FIELDS: readonly FilterField[] = [
  'kind',
  'where',
  'municipality',
  'persona',
  'company',
  'page',
];

export interface FilterProblem {
  field: FilterField;
  /** What was sent (cut to 100 characters). */
  value: string;
  reason: 'unknown' | 'repeated';
}

const MAX_VALUE = 100;
const MAX_PAGE = 1000;

/**
 * The filter of a query string. A value the list does not know, or a parameter sent twice, is a
 * problem (the page answers 400 and names it) and that filter is left out; other parameters are
 * ignored. `companies` are the organisations the company filter offers.
 */
export function parseEventFilter(
  query: Readonly<Record<string, string | readonly string[]>>,
  region: Pick<Region, 'municipalities'>,
  companies: ReadonlySet<string>,
): { filter: EventFilter; problems: FilterProblem[] } {
  const filter: EventFilter = { ...NO_FILTER };
  const problems: FilterProblem[] = [];
  for (const field of FILTER_FIELDS) {
    const raw = query[field];
    if (raw === undefined) continue;
    const values = typeof raw === 'string' ? [raw] : raw;
    const value = (values[0] ?? '').slice(0, MAX_VALUE);
    if (values.length > 1) {
      problems.push({ field, value, reason: 'repeated' });
      continue;
    }
    if (value === '') continue;
    if (!read(filter, field, value, region, companies)) problems.push({ field, value, reason: 'unknown' });
  }
  return { filter, problems };
}

function read(
  filter: EventFilter,
  field: FilterField,
  value: string,
  region: Pick<Region, 'municipalities'>,
  companies: ReadonlySet<string>,
): boolean {
  switch (field) {
    case 'kind':
      if (!isOneOf(EVENT_KINDS, value)) return false;
      filter.kind = value;
      return true;
    case 'where':
      if (!isOneOf(LOCATION_KINDS, value)) return false;
      filter.where = value;
      return true;
    case 'municipality': {
      const m = region.municipalities.find((x) => x.slug === value);
      if (!m) return false;
      filter.municipality = m.code;
      return true;
    }
    case 'persona':
      if (!isOneOf(PERSONAS, value)) return false;
      filter.persona = value;
      return true;
    case 'company':
      if (!isUuid(value) || !companies.has(value)) return false;
      filter.company = value;
      return true;
    case 'page': {
      if (!/^[1-9][0-9]{0,3}$/.test(value) || Number(value) > MAX_PAGE) return false;
      filter.page = Number(value);
      return true;
    }
  }
}

/** The filter as a query string ('' for none, else `?…`), in a fixed order; page 1 is left out. */
export function filterQuery(filter: EventFilter, region: Pick<Region, 'municipalities'>): string {
  const p = new URLSearchParams();
  if (filter.kind) p.set('kind', filter.kind);
  if (filter.where) p.set('where', filter.where);
  const m = region.municipalities.find((x) => x.code === filter.municipality);
  if (m) p.set('municipality', m.slug);
  if (filter.persona) p.set('persona', filter.persona);
  if (filter.company) p.set('company', filter.company);
  if (filter.page > 1) p.set('page', String(filter.page));
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** How many filters are chosen (paging is not one). */
export function activeFilters(filter: EventFilter): number {
  return [filter.kind, filter.where, filter.municipality, filter.persona, filter.company].filter(Boolean)
    .length;
}

type Test = (e: ListedEvent) => boolean;

function tests(filter: EventFilter, without?: FilterField): Test[] {
  const out: Test[] = [];
  if (filter.kind && without !== 'kind') out.push((e) => e.event.kind === filter.kind);
  if (filter.where && without !== 'where') out.push((e) => e.event.location_kind === filter.where);
  if (filter.municipality && without !== 'municipality')
    out.push((e) => e.event.municipality_code === filter.municipality);
  if (filter.persona && without !== 'persona') out.push((e) => e.event.personas.includes(filter.persona));
  if (filter.company && without !== 'company')
    out.push((e) => e.organisations.some((o) => o.organisationId === filter.company));
  return out;
}

const matching = (events: readonly ListedEvent[], list: Test[]) =>
  events.filter((e) => list.every((t) => t(e)));

/** The events the filter picks (all pages), in the list's order. */
export function applyFilter(events: readonly ListedEvent[], filter: EventFilter): ListedEvent[] {
  return matching(events, tests(filter));
}

/** The events of one page, and how many pages there are. */
export function pageOf<T>(items: readonly T[], page: number): { items: T[]; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const start = (page - 1) * PAGE_SIZE;
  return { items: items.slice(start, start + PAGE_SIZE), pages };
}

export interface Facets {
  kind: Map<string, number>;
  where: Map<string, number>;
  /** By municipality code. */
  municipality: Map<string, number>;
  persona: Map<string, number>;
  /** By organisation id. */
  company: Map<string, number>;
}

function tally(events: readonly ListedEvent[], keys: (e: ListedEvent) => readonly (string | null)[]) {
  const counts = new Map<string, number>();
  for (const e of events)
    for (const key of new Set(keys(e))) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export function facets(events: readonly ListedEvent[], filter: EventFilter): Facets {
  const others = (field: FilterField) => matching(events, tests(filter, field));
  return {
    kind: tally(others('kind'), (e) => [e.event.kind]),
    where: tally(others('where'), (e) => [e.event.location_kind]),
    municipality: tally(others('municipality'), (e) => [e.event.municipality_code]),
    persona: tally(others('persona'), (e) => e.event.personas),
    company: tally(others('company'), (e) => e.organisations.map((o) => o.organisationId)),
  };
}

/** The organisations the company filter offers: every one organising or exhibiting at an upcoming event, by name. */
export function companyOptions(events: readonly ListedEvent[]): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const e of events) for (const o of e.organisations) byId.set(o.organisationId, o.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
