/**
 * Filters and facet counts over the in-memory index, in one pass over the matching ads: each ad is
 * tested against every filter in use; one that passes all counts for every facet, one that fails a
 * single filter counts only for that filter's facet (each facet is counted with every filter but its
 * own, so the other options keep their counts). With no text and no filter the counts are the
 * index's own totals. Then the facets as the search page shows them (labels, selection, order).
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { AD_LANGUAGES, PUBLISHED_WITHIN, type JobQuery, type PublishedWithin } from '../query.ts';
import type { ConceptLabels } from './labels.ts';
import type { Matches } from './match.ts';
import type { JobIndex } from './memory.ts';
import { CODED, type Coded } from './segment.ts';

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  /** Language of the label when it differs from the page's (taxonomy labels are Swedish). */
  lang?: Lang;
}

export interface Facets {
  municipality: FacetOption[];
  occupationField: FacetOption[];
  occupationGroup: FacetOption[];
  employmentType: FacetOption[];
  worktime: FacetOption[];
  remote: FacetOption[];
  published: FacetOption[];
  /** The employers with the most ads (chosen ones first), at most EMPLOYER_FACET_SIZE. */
  employer: FacetOption[];
  language: FacetOption[];
  /** Employers with ads among the results (the employer facet lists the first of them). */
  employerCount: number;
}

/** The query's list filters by their coded facet. */
export const CODED_FILTERS = {
  mu: 'municipality',
  fi: 'occupationField',
  gr: 'occupationGroup',
  et: 'employmentType',
  wt: 'worktime',
  ek: 'employer',
  la: 'language',
} as const satisfies Record<Coded, keyof JobQuery>;

const REMOTE_BIT = 1 << CODED.length;
const PUBLISHED_BIT = REMOTE_BIT << 1;
const DAY_MS = 86_400_000;

/** Counts with every filter but each facet's own, and the ads that pass every filter. */
export interface Counted {
  total: number;
  codes: Record<Coded, Int32Array>;
  remote: number;
  published: Record<PublishedWithin, number>;
  /** Indexes into the matches (or ordinals when every ad matched) that pass every filter. */
  passing: Int32Array;
}

export function since(days: PublishedWithin, now: Date): number {
  return now.getTime() - Number(days) * DAY_MS;
}

/** Whether an ad passes every filter of the query. */
export function passesFilters(index: JobIndex, query: JobQuery, now: Date): (ord: number) => boolean {
  const tests: Array<(ord: number) => boolean> = [];
  for (const k of CODED) {
    const values = query[CODED_FILTERS[k]] as string[];
    if (values.length === 0) continue;
    const allowed = new Set(values.map((v) => index.dicts[k].find(v)).filter((c) => c !== undefined));
    const codes = index.codes[k];
    tests.push((ord) => allowed.has(codes[ord] as number));
  }
  if (query.remote) tests.push((ord) => index.remote[ord] === 1);
  if (query.published) {
    const from = since(query.published, now);
    tests.push((ord) => (index.published[ord] as number) >= from);
  }
  return (ord) => tests.every((t) => t(ord));
}

/** Counts facets over `matches` (null: every open ad) with the query's filters. */
export function countFacets(index: JobIndex, matches: Matches | null, query: JobQuery, now: Date): Counted {
  const active: Array<{ bit: number; codes: Int32Array; allowed: Uint8Array }> = [];
  for (const [i, k] of CODED.entries()) {
    const values = query[CODED_FILTERS[k]] as string[];
    if (values.length === 0) continue;
    const allowed = new Uint8Array(index.dicts[k].values.length + 1);
    for (const v of values) {
      const code = index.dicts[k].find(v);
      if (code !== undefined) allowed[code] = 1;
    }
    active.push({ bit: 1 << i, codes: index.codes[k], allowed });
  }
  const remoteOn = query.remote;
  const sinceMs = query.published ? since(query.published, now) : -Infinity;
  const buckets = PUBLISHED_WITHIN.map((d) => since(d, now));

  if (!matches && !remoteOn && !query.published) {
    if (active.length === 0) return totals(index, buckets);
    if (active.length === 1) return oneFilter(index, active[0] as (typeof active)[0], buckets);
  }

  return asCounted(scan(index, matches, active, remoteOn, sinceMs, buckets));
}

/** A scan's counts by facet name, as the page and the API read them. */
function asCounted(scanned: ReturnType<typeof scan>): Counted {
  const codes = {} as Record<Coded, Int32Array>;
  CODED.forEach((k, i) => (codes[k] = scanned.counts[i] as Int32Array));
  return {
    total: scanned.total,
    codes,
    remote: scanned.remote,
    published: Object.fromEntries(PUBLISHED_WITHIN.map((d, b) => [d, scanned.published[b]])) as Record<
      PublishedWithin,
      number
    >,
    passing: scanned.passing,
  };
}

/**
 * The one pass over the matching ads (every open ad when `matches` is null): plain loops over typed
 * arrays and locals only — it runs up to the region's size per search, so it is kept free of
 * lookups by name, closures and growing arrays.
 */
function scan(
  index: JobIndex,
  matches: Pick<Matches, 'ords' | 'length'> | null,
  active: Array<{ bit: number; codes: Int32Array; allowed: Uint8Array }>,
  remoteOn: boolean,
  sinceMs: number,
  buckets: number[],
) {
  const own: Int32Array[] = CODED.map((k) => index.codes[k]);
  const counts: Int32Array[] = CODED.map((k) => new Int32Array(index.dicts[k].values.length));
  const nOwn = own.length;
  const nActive = active.length;
  const activeCodes: Int32Array[] = active.map((f) => f.codes);
  const activeAllowed: Uint8Array[] = active.map((f) => f.allowed);
  const activeBits = Int32Array.from(active.map((f) => f.bit));
  const published = new Int32Array(buckets.length);
  const nBuckets = buckets.length;
  const thresholds = Float64Array.from(buckets);
  const ords = matches ? matches.ords : null;
  const n = matches ? matches.length : index.size;
  const alive = index.alive;
  const remoteOf = index.remote;
  const publishedOf = index.published;
  const passing = new Int32Array(n);
  let total = 0;
  let remote = 0;
  for (let i = 0; i < n; i++) {
    let ord = i;
    if (ords !== null) ord = ords[i] as number;
    else if (alive[ord] === 0) continue;
    let mask = 0;
    for (let f = 0; f < nActive; f++)
      if ((activeAllowed[f] as Uint8Array)[(activeCodes[f] as Int32Array)[ord] as number] !== 1)
        mask |= activeBits[f] as number;
    const isRemote = remoteOf[ord] === 1;
    if (remoteOn && !isRemote) mask |= REMOTE_BIT;
    const at = publishedOf[ord] as number;
    if (at < sinceMs) mask |= PUBLISHED_BIT;
    if (mask === 0) {
      passing[total++] = i;
      for (let k = 0; k < nOwn; k++) {
        const c = (own[k] as Int32Array)[ord] as number;
        if (c >= 0) bump(counts[k] as Int32Array, c);
      }
      if (isRemote) remote++;
      for (let b = 0; b < nBuckets; b++) if (at >= (thresholds[b] as number)) bump(published, b);
    } else if ((mask & (mask - 1)) === 0) {
      if (mask === PUBLISHED_BIT) {
        for (let b = 0; b < nBuckets; b++) if (at >= (thresholds[b] as number)) bump(published, b);
      } else if (mask !== REMOTE_BIT) {
        const k = 31 - Math.clz32(mask);
        const c = (own[k] as Int32Array)[ord] as number;
        if (c >= 0) bump(counts[k] as Int32Array, c);
      }
    }
  }
  return { total, counts, remote, published, passing: passing.slice(0, total) };
}

function bump(counts: Int32Array, at: number): void {
  counts[at] = (counts[at] as number) + 1;
}

/**
 * Every open ad, one coded filter (a browse by occupation field, a place typed alone): its own
 * facet's counts are the index's totals, and only the ads that pass it (JobIndex.byCode) are
 * visited for the others — the same counts as the full pass, without looking at every ad.
 */
function oneFilter(
  index: JobIndex,
  filter: { bit: number; codes: Int32Array; allowed: Uint8Array },
  buckets: number[],
): Counted {
  const k = 31 - Math.clz32(filter.bit);
  const key = CODED[k] as Coded;
  const { starts, ords } = index.byCode(key);
  const lists: Int32Array[] = [];
  for (let c = 0; c < filter.allowed.length - 1; c++)
    if (filter.allowed[c] === 1) lists.push(ords.subarray(starts[c], starts[c + 1]));
  let passing: Int32Array;
  if (lists.length === 1) passing = (lists[0] as Int32Array).slice();
  else {
    passing = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
    let at = 0;
    for (const l of lists) {
      passing.set(l, at);
      at += l.length;
    }
    passing.sort();
  }
  const counted = asCounted(
    scan(index, { ords: passing, length: passing.length }, [], false, -Infinity, buckets),
  );
  // The filter's own facet is counted without itself: every ad's value, as with no filter.
  counted.codes[key] = index.totals().codes[key];
  // The scan's `passing` are positions in the list it was given; the caller wants the ads themselves.
  counted.passing = passing;
  return counted;
}

/** Every open ad, no filter: the index's totals, and "published within" by binary search. */
function totals(index: JobIndex, buckets: number[]): Counted {
  const t = index.totals();
  const sorted = index.publishedSorted();
  const atLeast = (ms: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) < ms) lo = mid + 1;
      else hi = mid;
    }
    return sorted.length - lo;
  };
  return {
    total: index.aliveCount,
    codes: t.codes,
    remote: t.remote,
    published: Object.fromEntries(
      PUBLISHED_WITHIN.map((d, b) => [d, atLeast(buckets[b] as number)]),
    ) as Record<PublishedWithin, number>,
    passing: new Int32Array(0),
  };
}

/** No facets (feeds and similar jobs ask for none). */
export function emptyFacets(): Facets {
  return {
    municipality: [],
    occupationField: [],
    occupationGroup: [],
    employmentType: [],
    worktime: [],
    remote: [],
    published: [],
    employer: [],
    language: [],
    employerCount: 0,
  };
}

/** Made once: a collator costs more to make than a facet list to sort. */
const COLLATORS: Record<Lang, Intl.Collator> = { sv: new Intl.Collator('sv'), en: new Intl.Collator('en') };

/** Employers a facet lists at most (besides the selected ones): the most frequent. */
export const EMPLOYER_FACET_SIZE = 250;
/** Occupation groups a facet lists at most (besides the selected ones). */
const GROUP_FACET_SIZE = 25;

export function buildFacets(
  index: JobIndex,
  counted: Counted,
  query: JobQuery,
  region: Region,
  labels: ConceptLabels,
  lang: Lang,
): Facets {
  const collator = COLLATORS[lang];
  const countOf = (k: Coded, value: string) => {
    const code = index.dicts[k].find(value);
    return code === undefined ? 0 : (counted.codes[k][code] ?? 0);
  };
  /** Values with a count, and the selected ones even without. */
  const present = (k: Coded, selected: string[]) => {
    const values = new Set(selected);
    const counts = counted.codes[k];
    for (let c = 0; c < counts.length; c++)
      if ((counts[c] as number) > 0) values.add(index.dicts[k].values[c] as string);
    return [...values];
  };
  const concept = (k: Coded, selected: string[]): FacetOption[] =>
    present(k, selected)
      .map((value) => {
        const label = labels.label(value, lang);
        return {
          value,
          label: label?.text ?? value,
          count: countOf(k, value),
          selected: selected.includes(value),
          ...(label && label.lang !== lang ? { lang: label.lang } : {}),
        };
      })
      .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
  const top = (options: FacetOption[], size: number) => options.filter((o, i) => i < size || o.selected);
  // Employers can be thousands: the most frequent by count alone, and only those get labels and order.
  const counts = counted.codes.ek;
  const withAds: number[] = [];
  for (let c = 0; c < counts.length; c++) if ((counts[c] as number) > 0) withAds.push(c);
  withAds.sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
  const chosen = new Set(query.employer);
  const employerValues = new Set([
    ...query.employer,
    ...withAds.slice(0, EMPLOYER_FACET_SIZE).map((c) => index.dicts.ek.values[c] as string),
  ]);
  const employers = [...employerValues]
    .map((value) => {
      const code = index.dicts.ek.find(value);
      return {
        value,
        label: (code === undefined ? undefined : index.employerNames[code]) ?? value,
        count: countOf('ek', value),
        selected: chosen.has(value),
      };
    })
    .sort(
      (a, b) =>
        Number(b.selected) - Number(a.selected) || b.count - a.count || collator.compare(a.label, b.label),
    );
  return {
    municipality: region.municipalities
      .map((m) => ({
        value: m.code,
        label: m.shortName,
        count: countOf('mu', m.code),
        selected: query.municipality.includes(m.code),
      }))
      .sort((a, b) => collator.compare(a.label, b.label)),
    occupationField: concept('fi', query.occupationField),
    occupationGroup: top(concept('gr', query.occupationGroup), GROUP_FACET_SIZE),
    employmentType: concept('et', query.employmentType),
    worktime: concept('wt', query.worktime),
    remote: [{ value: 'true', label: 'remote', count: counted.remote, selected: query.remote }],
    published: PUBLISHED_WITHIN.map((d) => ({
      value: d,
      label: d,
      count: counted.published[d],
      selected: query.published === d,
    })),
    employer: top(employers, EMPLOYER_FACET_SIZE),
    employerCount: withAds.length,
    language: AD_LANGUAGES.map((l) => ({
      value: l,
      label: l,
      count: countOf('la', l),
      selected: query.language.includes(l),
    })),
  };
}
