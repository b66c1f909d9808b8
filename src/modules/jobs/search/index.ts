/**
 * Job search over a region's open ads, answered from memory: the text as a plan of words (Swedish
 * and English stems, folded so that å/ä/ö never matter, compounds from the ads' own vocabulary,
 * English job titles as occupation groups), place names in the text as the municipality filter,
 * filters with exact facet counts computed per request, relevance, sorting and paging. A text that
 * finds nothing is searched again with its spelling corrected, and says so.
 *
 * PostgreSQL is the only source of truth: memory.ts keeps each region's ads in step with it by
 * change numbers; only quoted phrases are checked against the ads' text in the database.
 *
 * The parts, by concern: memory.ts (the index and how it follows the database), segment.ts (its
 * structures), load.ts (reading ads), text.ts (text → plan), match.ts (plan → matching ads with
 * scores), facets.ts (filters and counts), rank.ts (the page), places.ts, suggestions.ts,
 * labels.ts (taxonomy labels, each filter's accepted values), bounds.ts (statement timeouts),
 * summary.ts (an ad in a result list).
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { englishOccupationMatch } from '../english-titles.ts';
import { parseText, type JobQuery, type ParsedText } from '../query.ts';
import { fold } from '../words.ts';
import { SEARCH_STATEMENT_TIMEOUT_MS } from './bounds.ts';
import { buildFacets, countFacets, emptyFacets, passesFilters, type Facets } from './facets.ts';
import { conceptLabels } from './labels.ts';
import { evaluate, type Matches } from './match.ts';
import { JobIndexes, type JobIndex } from './memory.ts';
import { combined, swedishNames } from './names.ts';
import { checkPhrases, excludePhrases } from './phrases.ts';
import { placesIn, type PlaceInText } from './places.ts';
import { pageOf } from './rank.ts';
import { suggest } from './suggestions.ts';
import type { JobSummary } from './summary.ts';
import { planText, Stemmer, type OccupationMatcher } from './text.ts';

export { SEARCH_STATEMENT_TIMEOUT_MS, SearchTimedOut } from './bounds.ts';
export { EMPLOYER_FACET_SIZE, type FacetOption, type Facets } from './facets.ts';
export { conceptLabels, queryVocabulary, type ConceptLabels } from './labels.ts';
export { JobIndexes } from './memory.ts';
export { editDistance, suggestWord } from './suggestions.ts';
export { toSummary, type JobSummary, type SummaryRow } from './summary.ts';
export { MAX_COMPOUNDS } from './text.ts';
export type { PlaceInText } from './places.ts';

export interface SearchResult {
  total: number;
  items: JobSummary[];
  facets: Facets;
  /** "Did you mean": the whole query with misspelt words replaced by words the ads use, or null. */
  suggestion: string | null;
  /** The text as typed found nothing, so the results are for `searched` (its spelling corrected). */
  corrected: { typed: string; searched: string } | null;
  /** Words of the text read as municipalities and searched as the municipality filter. */
  places: PlaceInText[];
  /** Words of the text left out of the search (past MAX_TEXT_WORDS), 0 for an ordinary search. */
  omittedWords: number;
  /** The text had only words too common to search on (stop words): it was left out. */
  textIgnored: boolean;
  /**
   * The change number of the region's ads the result is of (migration 0014): the same in every
   * process for the same ads, so a paging cursor can tell whether the results have changed.
   */
  changeSeq: string;
}

export interface SearchOptions {
  now?: Date;
  /** Skip facet counting (RSS, similar jobs): the facets come back empty. */
  facets?: boolean;
  /** Per statement (ms) of the phrase check; past it the search throws SearchTimedOut. */
  statementTimeoutMs?: number;
  /**
   * Search the text with its spelling corrected when it finds nothing (default true); false when
   * the caller knows the words are right (the site search found them on its pages).
   */
  correct?: boolean;
}

/** Suggestions are offered when a search finds fewer ads than this. */
const SUGGEST_BELOW = 5;

/** Job search for one app: the regions' in-memory indexes and the stems of words searched for. */
export class JobSearch {
  readonly indexes: JobIndexes;
  private readonly stemmer: Stemmer;
  private readonly titles: OccupationMatcher | undefined;
  private titlesReady: Promise<OccupationMatcher> | undefined;

  /** `cacheSize` 0 turns the cache of word stems off (JOB_CACHE_SIZE=0: every job-board cache). */
  constructor(
    private readonly db: Kysely<DB>,
    options: { cacheSize: number; logger?: Logger; titles?: OccupationMatcher },
  ) {
    this.indexes = new JobIndexes(db, options.logger);
    this.stemmer = new Stemmer(db, options.cacheSize > 0 ? 10_000 : 0);
    this.titles = options.titles;
  }

  /** Searches the region's ads as of `version` (JobChanges' version of the region). */
  async search(
    region: Region,
    version: string,
    query: JobQuery,
    lang: Lang,
    options: SearchOptions = {},
  ): Promise<SearchResult> {
    const index = await this.indexes.get(region.id, version);
    const now = options.now ?? new Date();
    const typed = parseText(query.q);
    let { parsed, places } = query.literal ? { parsed: typed, places: [] } : placesIn(typed, region);
    let effective = withPlaces(query, places);
    let run = await this.run(index, effective, parsed, now, options);
    let corrected: SearchResult['corrected'] = null;
    let suggestion: string | null = null;
    if (run.total < SUGGEST_BELOW && parsed.groups.length > 0) {
      const stems = await this.stemmer.stems(parsed.groups.flat().flatMap((t) => t.words));
      const known = (word: string) =>
        index.words.has(fold(word)) ||
        (stems.get(word)?.sv ?? []).some((stem) => index.postings.frequency(stem) > 0);
      suggestion = suggest(index, query.q, parsed, known);
      if (suggestion && run.total === 0 && !query.literal && options.correct !== false) {
        // The corrected text's places (a typo of a municipality's name too) are its filter, as typed.
        const fixed = placesIn(parseText(suggestion), region);
        const fixedQuery = withPlaces(query, fixed.places);
        const again = await this.run(index, fixedQuery, fixed.parsed, now, options);
        if (again.total > 0) {
          run = again;
          ({ parsed, places } = fixed);
          effective = fixedQuery;
          corrected = { typed: query.q, searched: suggestion };
          suggestion = null;
        }
      }
    }
    const labels = await conceptLabels(this.db);
    const facets =
      options.facets === false
        ? emptyFacets()
        : buildFacets(index, run.counted, effective, region, labels, lang);
    return {
      total: run.total,
      items: run.page.map((ord) => index.summaries[ord] as JobSummary),
      facets,
      suggestion,
      corrected,
      places,
      omittedWords: parsed.omitted,
      textIgnored: run.textIgnored,
      changeSeq: index.seq.toString(),
    };
  }

  /** English titles and Swedish occupation names as one matcher, made once (the names are read once). */
  private occupationTitles(): Promise<OccupationMatcher> {
    if (!this.titlesReady) {
      const ready = this.titles
        ? Promise.resolve(this.titles)
        : swedishNames(this.db).then((names) => combined([englishOccupationMatch, names]));
      // A failed read is tried again by the next search.
      ready.catch(() => {
        if (this.titlesReady === ready) this.titlesReady = undefined;
      });
      this.titlesReady = ready;
    }
    return this.titlesReady;
  }

  private async run(index: JobIndex, query: JobQuery, parsed: ParsedText, now: Date, options: SearchOptions) {
    const hasText = parsed.groups.length > 0;
    const titles = await this.occupationTitles();
    const plan = hasText ? await planText(index, this.stemmer, parsed, titles) : null;
    let matches: Matches | null = null;
    // Only words too common to search on ("och i på"): the text is left out and every job shown.
    const textIgnored = plan !== null && plan.groups.length === 0;
    if (plan && !textIgnored) {
      const timeoutMs = options.statementTimeoutMs ?? SEARCH_STATEMENT_TIMEOUT_MS;
      matches = evaluate(index, plan);
      if (plan.phrases.length && matches.length)
        matches = await checkPhrases(
          this.db,
          index,
          matches,
          plan.phrases,
          timeoutMs,
          passesFilters(index, query, now),
        );
      if (plan.excludedPhrases?.length)
        matches = await excludePhrases(this.db, index, matches, plan.excludedPhrases, timeoutMs);
    }
    const counted = countFacets(index, matches, query, now);
    const passing = matches || hasFilters(query) ? counted.passing : null;
    const page = pageOf(index, matches, passing, query.sort, query.offset, query.limit);
    return { total: counted.total, counted, page, textIgnored };
  }
}

/** The query with the municipalities named in its text added to its municipality filter. */
function withPlaces(query: JobQuery, places: PlaceInText[]): JobQuery {
  if (places.length === 0) return query;
  return { ...query, municipality: [...new Set([...query.municipality, ...places.map((p) => p.code)])] };
}

function hasFilters(q: JobQuery): boolean {
  return (
    q.municipality.length +
      q.occupationField.length +
      q.occupationGroup.length +
      q.employmentType.length +
      q.worktime.length +
      q.employer.length +
      q.language.length >
      0 ||
    q.remote ||
    q.published !== ''
  );
}

const defaults = new WeakMap<Kysely<DB>, JobSearch>();

/**
 * A search on a database whose ads do not change while the process runs (benchmarks, tests that
 * call the search directly): one JobSearch per database, its indexes read once.
 */
export function searchJobs(
  db: Kysely<DB>,
  region: Region,
  query: JobQuery,
  lang: Lang,
  options: SearchOptions = {},
): Promise<SearchResult> {
  let search = defaults.get(db);
  if (!search) {
    search = new JobSearch(db, { cacheSize: 10_000 });
    defaults.set(db, search);
  }
  return search.search(region, 'static', query, lang, options);
}
