/**
 * A job search as a value: read from a URL's query string (pages and the JSON API take the same
 * parameters), validated against the region and the taxonomy, and written back into URLs so that
 * every state of the search page can be shared and bookmarked.
 */

export const SORTS = ['relevance', 'newest', 'deadline'] as const;
export type Sort = (typeof SORTS)[number];
export const PUBLISHED_WITHIN = ['1', '3', '7', '30'] as const;
/** Languages an ad is written in, as detected at ingestion. */
export const AD_LANGUAGES = ['sv', 'en'] as const;
export type AdLanguage = (typeof AD_LANGUAGES)[number];
export type PublishedWithin = (typeof PUBLISHED_WITHIN)[number];

export const PAGE_SIZE = 20;
export const MAX_LIMIT = 100;
export const MAX_OFFSET = 2000;
export const MAX_QUERY_LENGTH = 200;
/**
 * Values one list filter takes: more than the options a facet shows (25 occupation groups), fewer
 * than the hundreds a crafted URL can carry, each of which every matching ad is compared with.
 */
export const MAX_FILTER_VALUES = 25;
/**
 * Words of the free text a search uses — words, `OR` alternatives, phrase words and exclusions all
 * count — in the order typed. People type a handful; each word is an index scan or more (search/).
 */
export const MAX_TEXT_WORDS = 12;

export interface JobQuery {
  q: string;
  municipality: string[];
  occupationField: string[];
  occupationGroup: string[];
  employmentType: string[];
  worktime: string[];
  remote: boolean;
  published: PublishedWithin | '';
  employer: string[];
  /** The ad's language (`language=en`: jobs in English). */
  language: AdLanguage[];
  /**
   * Search the text exactly as typed: no spelling correction when nothing matches, and a place name
   * in the text stays a word instead of becoming the municipality filter (`literal=1`).
   */
  literal: boolean;
  sort: Sort;
  limit: number;
  offset: number;
}

export const EMPTY_QUERY: JobQuery = {
  q: '',
  municipality: [],
  occupationField: [],
  occupationGroup: [],
  employmentType: [],
  worktime: [],
  remote: false,
  published: '',
  employer: [],
  language: [],
  literal: false,
  sort: 'relevance',
  limit: PAGE_SIZE,
  offset: 0,
};

/** The URL parameter of each filter, shared by pages, RSS and the API. */
export const PARAM = {
  q: 'q',
  municipality: 'municipality',
  occupationField: 'occupation_field',
  occupationGroup: 'occupation_group',
  employmentType: 'employment_type',
  worktime: 'worktime',
  remote: 'remote',
  published: 'published',
  employer: 'employer',
  language: 'language',
  literal: 'literal',
  sort: 'sort',
  page: 'page',
  limit: 'limit',
  offset: 'offset',
} as const;

/** What a search may filter on in this region: the allowed values of each list parameter. */
export interface QueryVocabulary {
  municipalities: ReadonlySet<string>;
  occupationFields: ReadonlySet<string>;
  occupationGroups: ReadonlySet<string>;
  employmentTypes: ReadonlySet<string>;
  worktimes: ReadonlySet<string>;
}

/** The list filters whose values come from the region's vocabulary, in the order URLs name them. */
const LIST_FILTERS = [
  { key: 'municipality', vocabulary: 'municipalities' },
  { key: 'occupationField', vocabulary: 'occupationFields' },
  { key: 'occupationGroup', vocabulary: 'occupationGroups' },
  { key: 'employmentType', vocabulary: 'employmentTypes' },
  { key: 'worktime', vocabulary: 'worktimes' },
] as const satisfies readonly {
  key: keyof typeof PARAM & keyof JobQuery;
  vocabulary: keyof QueryVocabulary;
}[];
const LIST_FILTER_BY_PARAM = new Map<string, (typeof LIST_FILTERS)[number]>(
  LIST_FILTERS.map((filter) => [PARAM[filter.key], filter]),
);

export interface QueryProblem {
  param: string;
  value: string;
  reason:
    | 'unknown_value'
    | 'not_a_number'
    | 'out_of_range'
    | 'too_long'
    | 'too_many'
    | 'repeated'
    | 'unknown_parameter';
}

type Params = Iterable<[string, string]>;

const EMPLOYER_KEY = /^[a-z0-9][a-z0-9-]{0,79}$/;

/**
 * Reads a search from query parameters. `mode: 'page'` drops what it cannot use (an old bookmark
 * still opens a page), `mode: 'api'` reports every problem so the caller can answer 400.
 */
export function parseJobQuery(
  params: Params,
  vocabulary: QueryVocabulary,
  mode: 'page' | 'api',
): { query: JobQuery; problems: QueryProblem[] } {
  const query: JobQuery = {
    ...EMPTY_QUERY,
    municipality: [],
    occupationField: [],
    occupationGroup: [],
    employmentType: [],
    worktime: [],
    employer: [],
    language: [],
  };
  const problems: QueryProblem[] = [];
  const seen = new Set<string>();
  const single = (param: string, value: string): boolean => {
    if (seen.has(param)) {
      problems.push({ param, value, reason: 'repeated' });
      return false;
    }
    seen.add(param);
    return true;
  };
  /** Adds a value to a list filter; past MAX_FILTER_VALUES the rest are dropped (reported once). */
  const add = (target: string[], param: string, v: string) => {
    if (target.includes(v)) return;
    if (target.length < MAX_FILTER_VALUES) target.push(v);
    else if (!problems.some((p) => p.param === param && p.reason === 'too_many'))
      problems.push({ param, value: v, reason: 'too_many' });
  };
  const list = (target: string[], allowed: (v: string) => boolean, param: string, value: string) => {
    for (const part of value.split(',')) {
      const v = part.trim();
      if (!v) continue;
      if (!allowed(v)) problems.push({ param, value: v, reason: 'unknown_value' });
      else add(target, param, v);
    }
  };
  const integer = (param: string, value: string, min: number, max: number): number | undefined => {
    if (!/^\d{1,6}$/.test(value)) {
      problems.push({ param, value, reason: 'not_a_number' });
      return undefined;
    }
    const n = Number(value);
    if (n < min || n > max) {
      problems.push({ param, value, reason: 'out_of_range' });
      return undefined;
    }
    return n;
  };
  let page: number | undefined;

  for (const [name, rawValue] of params) {
    const value = rawValue.trim();
    const filter = LIST_FILTER_BY_PARAM.get(name);
    if (filter) {
      const allowed = vocabulary[filter.vocabulary];
      list(query[filter.key], (v) => allowed.has(v), name, value);
      continue;
    }
    switch (name) {
      case PARAM.q:
        if (!single(name, value)) break;
        if (value.length > MAX_QUERY_LENGTH) problems.push({ param: name, value, reason: 'too_long' });
        query.q = value.slice(0, MAX_QUERY_LENGTH).replace(/\s+/g, ' ');
        break;
      case PARAM.employer:
        list(query.employer, (v) => EMPLOYER_KEY.test(v), name, value);
        break;
      case PARAM.language:
        list(query.language, (v) => (AD_LANGUAGES as readonly string[]).includes(v), name, value);
        break;
      case PARAM.literal:
        if (!single(name, value)) break;
        if (value === 'true' || value === '1') query.literal = true;
        else if (value !== 'false' && value !== '0' && value !== '')
          problems.push({ param: name, value, reason: 'unknown_value' });
        break;
      case PARAM.remote:
        if (!single(name, value)) break;
        if (value === 'true' || value === '1' || value === 'on') query.remote = true;
        else if (value !== 'false' && value !== '0' && value !== '')
          problems.push({ param: name, value, reason: 'unknown_value' });
        break;
      case PARAM.published:
        if (!single(name, value)) break;
        if ((PUBLISHED_WITHIN as readonly string[]).includes(value))
          query.published = value as PublishedWithin;
        else if (value !== '') problems.push({ param: name, value, reason: 'unknown_value' });
        break;
      case PARAM.sort:
        if (!single(name, value)) break;
        if ((SORTS as readonly string[]).includes(value)) query.sort = value as Sort;
        else if (value !== '') problems.push({ param: name, value, reason: 'unknown_value' });
        break;
      case PARAM.page:
        if (mode === 'api') problems.push({ param: name, value, reason: 'unknown_parameter' });
        else if (single(name, value) && value !== '')
          page = integer(name, value, 1, MAX_OFFSET / PAGE_SIZE + 1);
        break;
      case PARAM.limit:
        if (mode === 'page') break;
        if (single(name, value)) query.limit = integer(name, value, 1, MAX_LIMIT) ?? query.limit;
        break;
      case PARAM.offset:
        if (mode === 'page') break;
        if (single(name, value)) query.offset = integer(name, value, 0, MAX_OFFSET) ?? query.offset;
        break;
      default:
        // Pages ignore what they do not know (utm_ tags, a submit button's name); programs are told.
        if (mode === 'api') problems.push({ param: name, value, reason: 'unknown_parameter' });
    }
  }
  if (mode === 'page' && page !== undefined) query.offset = (page - 1) * PAGE_SIZE;
  return { query, problems };
}

/** The search as query parameters, in a fixed order, leaving defaults out. */
export function queryParams(
  query: JobQuery,
  options: { page?: number; sort?: boolean; withPaging?: 'page' | 'api' } = {},
): URLSearchParams {
  const p = new URLSearchParams();
  if (query.q) p.set(PARAM.q, query.q);
  for (const { key } of LIST_FILTERS) for (const v of query[key]) p.append(PARAM[key], v);
  if (query.remote) p.set(PARAM.remote, 'true');
  if (query.published) p.set(PARAM.published, query.published);
  for (const v of query.employer) p.append(PARAM.employer, v);
  for (const v of query.language) p.append(PARAM.language, v);
  if (query.literal && query.q) p.set(PARAM.literal, '1');
  if ((options.sort ?? true) && query.sort !== 'relevance') p.set(PARAM.sort, query.sort);
  if (options.withPaging === 'page' && options.page && options.page > 1)
    p.set(PARAM.page, String(options.page));
  if (options.withPaging === 'api') {
    if (query.limit !== PAGE_SIZE) p.set(PARAM.limit, String(query.limit));
    if (query.offset) p.set(PARAM.offset, String(query.offset));
  }
  return p;
}

/** `?a=b&…`, or '' when the search is empty. */
export function queryString(params: URLSearchParams): string {
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function isEmptySearch(query: JobQuery): boolean {
  return (
    !query.q &&
    !query.municipality.length &&
    !query.occupationField.length &&
    !query.occupationGroup.length &&
    !query.employmentType.length &&
    !query.worktime.length &&
    !query.remote &&
    !query.published &&
    !query.employer.length &&
    !query.language.length
  );
}

// ---------------------------------------------------------------------------------------------
// Free text, in the syntax people know from web search: words, "a phrase", -exclude, a OR b.

export interface TextTerm {
  /** Lower-cased words; more than one means a phrase. */
  words: string[];
}

export interface ParsedText {
  /** Every group must match; inside a group any term may (a OR b). */
  groups: TextTerm[][];
  exclude: TextTerm[];
  /** Words typed but left out: past MAX_TEXT_WORDS (or 12 groups, 6 exclusions), the later ones. */
  omitted: number;
}

const WORD = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu;

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).flatMap((w) => w.split(/[-']/)).filter(Boolean);
}

/** Words that must all match (each with its OR alternatives), and words to exclude. */
const MAX_GROUPS = 12;
const MAX_EXCLUDED = 6;

export function parseText(q: string): ParsedText {
  const groups: TextTerm[][] = [];
  const exclude: TextTerm[] = [];
  const tokens = q.match(/-?"[^"]*"?|\S+/g) ?? [];
  let joinNext = false;
  /** Whether the last word outside an exclusion was kept (an `OR` after a left-out word is left out too). */
  let lastKept = false;
  let budget = MAX_TEXT_WORDS;
  let omitted = 0;
  /** Whether the term still fits in the word budget (a term is kept whole or left out). */
  const fits = (term: TextTerm, room: boolean) => {
    if (room && term.words.length <= budget) {
      budget -= term.words.length;
      return true;
    }
    omitted += term.words.length;
    return false;
  };
  for (const token of tokens) {
    if (token === 'OR' && groups.length > 0) {
      joinNext = true;
      continue;
    }
    const negated = token.startsWith('-') && token.length > 1;
    const body = negated ? token.slice(1) : token;
    const words = wordsOf(body.replace(/"/g, ' '));
    if (words.length === 0) continue;
    const terms: TextTerm[] = body.startsWith('"') ? [{ words }] : words.map((w) => ({ words: [w] }));
    if (negated) {
      for (const t of terms) if (fits(t, exclude.length < MAX_EXCLUDED)) exclude.push(t);
      joinNext = false;
    } else {
      for (const [i, t] of terms.entries()) {
        const or = i === 0 && joinNext;
        lastKept = fits(t, or ? lastKept : groups.length < MAX_GROUPS);
        if (!lastKept) continue;
        if (or) (groups[groups.length - 1] as TextTerm[]).push(t);
        else groups.push([t]);
      }
      joinNext = false;
    }
  }
  return { groups, exclude, omitted };
}
