/**
 * The company list's filters as a value: read from the page's query string (industry = an SNI
 * section, municipality = a municipality's slug, badge, jobs=1 for "has open jobs", sort), written
 * back as a canonical query string, applied to the published companies in memory, and counted per
 * option (each filter's counts with the other filters applied, so every number says what choosing
 * that option would show).
 */
import type { Region } from '../../../platform/region.ts';
import { BADGES, isBadge, type Badge, type Localised } from '../model.ts';
import { isSniSection } from '../sni.ts';

/** A published company as the list (and the cards elsewhere) show it. */
export interface ListedCompany {
  slug: string;
  orgNumber: string;
  name: string;
  summary: Localised;
  /** SNI divisions, and the sections they belong to. */
  industries: string[];
  sections: string[];
  /** Municipality codes. */
  municipalities: string[];
  badges: Badge[];
  logo: string | null;
  photo: string | null;
  /** Open jobs. */
  jobs: number;
  publishedAt: Date;
  featured: boolean;
  demo: boolean;
}

export const SORTS = ['name', 'jobs', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

export interface CompanyFilter {
  /** An SNI section (A–U), or '' for any. */
  industry: string;
  /** A municipality code, or '' for any. */
  municipality: string;
  badge: Badge | '';
  /** Only companies with open jobs. */
  jobs: boolean;
  sort: Sort;
}

export const NO_FILTER: CompanyFilter = {
  industry: '',
  municipality: '',
  badge: '',
  jobs: false,
  sort: 'name',
};

export type FilterField = 'industry' | 'municipality' | 'badge' | 'jobs' | 'sort';
export const FILTER_FIELDS: readonly FilterField[] = ['industry', 'municipality', 'badge', 'jobs', 'sort'];

export interface FilterProblem {
  field: FilterField;
  /** What was sent (cut to 100 characters). */
  value: string;
  reason: 'unknown' | 'repeated';
}

const MAX_VALUE = 100;

/**
 * The filter of a query string. A value the list does not know, or a parameter sent twice, is a
 * problem (the page answers 400 and names it) and that filter is left out; other parameters are
 * ignored (utm_ tags, an old bookmark's).
 */
export function parseCompanyFilter(
  query: Readonly<Record<string, string | readonly string[]>>,
  region: Pick<Region, 'municipalities'>,
): { filter: CompanyFilter; problems: FilterProblem[] } {
  const filter: CompanyFilter = { ...NO_FILTER };
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
    if (value === '') continue; // "Alla": the form sends the empty option
    const known = read(filter, field, value, region);
    if (!known) problems.push({ field, value, reason: 'unknown' });
  }
  return { filter, problems };
}

function read(
  filter: CompanyFilter,
  field: FilterField,
  value: string,
  region: Pick<Region, 'municipalities'>,
): boolean {
  switch (field) {
    case 'industry':
      if (!isSniSection(value)) return false;
      filter.industry = value;
      return true;
    case 'municipality': {
      const m = region.municipalities.find((x) => x.slug === value);
      if (!m) return false;
      filter.municipality = m.code;
      return true;
    }
    case 'badge':
      if (!isBadge(value)) return false;
      filter.badge = value;
      return true;
    case 'jobs':
      if (value !== '1') return false;
      filter.jobs = true;
      return true;
    case 'sort':
      if (!(SORTS as readonly string[]).includes(value)) return false;
      filter.sort = value as Sort;
      return true;
  }
}

/** The filter as a query string ('' for none, else `?…`), in a fixed order; sort by name is left out. */
export function filterQuery(filter: CompanyFilter, region: Pick<Region, 'municipalities'>): string {
  const p = new URLSearchParams();
  if (filter.industry) p.set('industry', filter.industry);
  const m = region.municipalities.find((x) => x.code === filter.municipality);
  if (m) p.set('municipality', m.slug);
  if (filter.badge) p.set('badge', filter.badge);
  if (filter.jobs) p.set('jobs', '1');
  if (filter.sort !== 'name') p.set('sort', filter.sort);
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** How many filters are chosen (the phone's "Filtrera (2)"). */
export function activeFilters(filter: CompanyFilter): number {
  return [filter.industry, filter.municipality, filter.badge, filter.jobs].filter(Boolean).length;
}

type Test = (c: ListedCompany) => boolean;

function tests(filter: CompanyFilter, without?: FilterField): Test[] {
  const out: Test[] = [];
  if (filter.industry && without !== 'industry') out.push((c) => c.sections.includes(filter.industry));
  if (filter.municipality && without !== 'municipality')
    out.push((c) => c.municipalities.includes(filter.municipality));
  if (filter.badge && without !== 'badge') out.push((c) => c.badges.includes(filter.badge as Badge));
  if (filter.jobs && without !== 'jobs') out.push((c) => c.jobs > 0);
  return out;
}

const matching = (companies: readonly ListedCompany[], list: Test[]) =>
  companies.filter((c) => list.every((test) => test(c)));

const byName = (a: ListedCompany, b: ListedCompany) => a.name.localeCompare(b.name, 'sv');

const ORDER: Record<Sort, (a: ListedCompany, b: ListedCompany) => number> = {
  name: byName,
  jobs: (a, b) => b.jobs - a.jobs || byName(a, b),
  newest: (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || byName(a, b),
};

/** The companies the filter picks, in its order. */
export function applyFilter(companies: readonly ListedCompany[], filter: CompanyFilter): ListedCompany[] {
  return matching(companies, tests(filter)).sort(ORDER[filter.sort]);
}

/** Per filter, how many companies each option would show (with the other filters applied). */
export interface Facets {
  /** By SNI section. */
  industry: Map<string, number>;
  /** By municipality code. */
  municipality: Map<string, number>;
  badge: Map<Badge, number>;
  /** Companies with open jobs. */
  jobs: number;
}

function tally(companies: readonly ListedCompany[], keys: (c: ListedCompany) => readonly string[]) {
  const counts = new Map<string, number>();
  for (const c of companies) for (const key of new Set(keys(c))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export function facets(companies: readonly ListedCompany[], filter: CompanyFilter): Facets {
  const others = (field: FilterField) => matching(companies, tests(filter, field));
  const badges = tally(others('badge'), (c) => c.badges);
  return {
    industry: tally(others('industry'), (c) => c.sections),
    municipality: tally(others('municipality'), (c) => c.municipalities),
    badge: new Map(BADGES.map((b) => [b, badges.get(b) ?? 0])),
    jobs: others('jobs').filter((c) => c.jobs > 0).length,
  };
}
