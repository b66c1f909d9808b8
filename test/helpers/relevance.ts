/**
 * Relevance of the job search against a judged test set (test/fixtures/search-judgments.json):
 * queries a person would type, each with a rule saying which ads that person expects on the first
 * page, stated over the ads' stored fields (occupation, headline, employer, municipality, language…)
 * rather than as a list of ad ids, so it holds for any day's demo board. The rules are resolved to
 * sets of ad ids from job_ads at evaluation time; every query goes through `searchJobs` (relevance
 * sort, first 50) and is scored with
 *
 * - precision at 10: relevant ads among the first 10 ÷ min(10, relevant ads);
 * - recall at 50: relevant ads among the first 50 ÷ min(50, relevant ads);
 *
 * as means per kind of query and overall, with the worst queries listed. Used by
 * test/http/jobs/relevance.test.ts (a floor) and the bench part `relevance` (docs/BENCHMARKS.md).
 */
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { EMPTY_QUERY } from '../../src/modules/jobs/query.ts';
import { seedJobBoard } from '../../src/modules/jobs/seed.ts';
import { searchJobs } from '../../src/modules/jobs/search/index.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import type { Lang } from '../../src/platform/i18n/index.ts';
import type { Region } from '../../src/platform/region.ts';

/**
 * The floor the tests hold the engine to (overall means): what it reached when the set was made
 * (P@10 0.58, R@50 0.57) less a margin. Raise it as the search improves.
 */
export const RELEVANCE_FLOOR = { precisionAt10: 0.8, recallAt50: 0.8 } as const;

export const JUDGMENTS_FILE = new URL('../fixtures/search-judgments.json', import.meta.url);

/**
 * Which ads are relevant: every field given must hold (AND). Lists match any of their values;
 * `headline` and `description` are regular expressions, case-insensitive.
 */
export interface Rule {
  /** SSYK-4 occupation group concept ids (job_ads.occupation_group_id). */
  occupationGroups?: string[];
  /** Occupation name concept ids (job_ads.occupation_id), finer than a group. */
  occupations?: string[];
  /** Occupation field concept ids (job_ads.occupation_field_id). */
  occupationFields?: string[];
  /** Regular expression the headline matches. */
  headline?: string;
  /** Regular expression the description text matches. */
  description?: string;
  /** Employer keys (job_ads.employer_key: organisation number, or a slug of the name). */
  employers?: string[];
  /** SCB municipality codes (job_ads.municipality_code). */
  municipalities?: string[];
  /** The ad's language (job_ads.lang). */
  lang?: 'sv' | 'en';
  /** Remote work possible. */
  remote?: boolean;
  /** Ads matching this rule are not relevant after all. */
  not?: Rule;
}

export const KINDS = [
  'occupation',
  'compound',
  'no-diacritics',
  'typo',
  'english-title',
  'synonym',
  'employer',
  'place',
  'occupation-place',
  'phrase',
  'multi-word',
] as const;
export type Kind = (typeof KINDS)[number];

export interface Judgment {
  q: string;
  kind: Kind;
  /** One rule, or several of which any may hold (OR). */
  relevant: Rule | Rule[];
  /** The page language the search is made from (default sv). */
  lang?: Lang;
  /** Why these ads are the ones a person expects. */
  comment: string;
}

export interface JudgmentSet {
  about: string;
  /** Taxonomy labels of the concept ids the rules use, for whoever reads the file. */
  labels: Record<string, string>;
  queries: Judgment[];
}

/**
 * The demo board is generated from the day it is seeded on; the judged board is always that of this
 * day, so that the figures of one run compare with the next (the rules hold for any day's board).
 */
export const JUDGED_DAY = new Date('2026-12-01T09:00:00Z');

/** Loads the judged demo board (the real sample ads and the day's generated ads) into every region. */
export async function seedJudgedBoard(db: Kysely<DB>): Promise<void> {
  await seedJobBoard(db, { demo: true, now: JUDGED_DAY });
}

export function loadJudgments(file: URL | string = JUDGMENTS_FILE): JudgmentSet {
  return JSON.parse(readFileSync(file, 'utf8')) as JudgmentSet;
}

/** The fields of an open ad the rules read. */
export interface JudgedAd {
  id: string;
  headline: string;
  description_text: string;
  employer_key: string;
  municipality_code: string | null;
  occupation_id: string | null;
  occupation_group_id: string | null;
  occupation_field_id: string | null;
  lang: 'sv' | 'en';
  remote: boolean;
}

const anyOf = (values: string[] | undefined, value: string | null) =>
  values === undefined || (value !== null && values.includes(value));

export function matchesRule(ad: JudgedAd, rule: Rule): boolean {
  const re = (pattern: string | undefined, text: string) =>
    pattern === undefined || new RegExp(pattern, 'iu').test(text);
  return (
    anyOf(rule.occupationGroups, ad.occupation_group_id) &&
    anyOf(rule.occupations, ad.occupation_id) &&
    anyOf(rule.occupationFields, ad.occupation_field_id) &&
    anyOf(rule.employers, ad.employer_key) &&
    anyOf(rule.municipalities, ad.municipality_code) &&
    (rule.lang === undefined || ad.lang === rule.lang) &&
    (rule.remote === undefined || ad.remote === rule.remote) &&
    re(rule.headline, ad.headline) &&
    re(rule.description, ad.description_text) &&
    !(rule.not && matchesRule(ad, rule.not))
  );
}

export function isRelevant(ad: JudgedAd, relevant: Rule | Rule[]): boolean {
  return (Array.isArray(relevant) ? relevant : [relevant]).some((rule) => matchesRule(ad, rule));
}

/** The region's open ads, as the rules read them. */
export async function openAds(db: Kysely<DB>, regionId: string): Promise<JudgedAd[]> {
  return db
    .selectFrom('job_ads')
    .select([
      'id',
      'headline',
      'description_text',
      'employer_key',
      'municipality_code',
      'occupation_id',
      'occupation_group_id',
      'occupation_field_id',
      'lang',
      'remote',
    ])
    .where('region_id', '=', regionId)
    .where('status', '=', 'open')
    .execute();
}

export interface QueryScore {
  q: string;
  kind: Kind;
  /** The page language searched from. */
  lang: Lang;
  /** Relevant ads on the board. */
  relevant: number;
  /** Ads the search found (its total). */
  total: number;
  precisionAt10: number;
  recallAt50: number;
  /** Headlines of the first three results, marked ✓ when relevant. */
  top: string[];
}

export interface Score {
  queries: number;
  precisionAt10: number;
  recallAt50: number;
}

export interface RelevanceResult {
  overall: Score;
  byKind: ({ kind: Kind } & Score)[];
  perQuery: QueryScore[];
  /** Worst first: lowest P@10 + R@50, then the most relevant ads missed. */
  worst: QueryScore[];
  /** Queries whose rule matches no open ad (a broken judgment, not a search miss). */
  unjudgeable: string[];
}

const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0);

function summarise(scores: QueryScore[]): Score {
  return {
    queries: scores.length,
    precisionAt10: mean(scores.map((s) => s.precisionAt10)),
    recallAt50: mean(scores.map((s) => s.recallAt50)),
  };
}

/** Runs every judged query through searchJobs and scores it. */
export async function evaluateRelevance(
  db: Kysely<DB>,
  region: Region,
  judgments: JudgmentSet,
  options: { now?: Date } = { now: JUDGED_DAY },
): Promise<RelevanceResult> {
  const ads = await openAds(db, region.id);
  const byId = new Map(ads.map((ad) => [ad.id, ad]));
  const perQuery: QueryScore[] = [];
  const unjudgeable: string[] = [];
  for (const j of judgments.queries) {
    const relevant = new Set(ads.filter((ad) => isRelevant(ad, j.relevant)).map((ad) => ad.id));
    if (relevant.size === 0) {
      unjudgeable.push(j.q);
      continue;
    }
    const result = await searchJobs(
      db,
      region,
      { ...EMPTY_QUERY, q: j.q, sort: 'relevance', limit: 50 },
      j.lang ?? 'sv',
      { facets: false, ...(options.now ? { now: options.now } : {}) },
    );
    const ids = result.items.map((item) => item.id);
    const hits = (n: number) => ids.slice(0, n).filter((id) => relevant.has(id)).length;
    perQuery.push({
      q: j.q,
      kind: j.kind,
      lang: j.lang ?? 'sv',
      relevant: relevant.size,
      total: result.total,
      precisionAt10: hits(10) / Math.min(10, relevant.size),
      recallAt50: hits(50) / Math.min(50, relevant.size),
      top: ids.slice(0, 3).map((id) => `${relevant.has(id) ? '✓' : '✗'} ${byId.get(id)?.headline ?? id}`),
    });
  }
  const byKind = KINDS.map((kind) => ({
    kind,
    ...summarise(perQuery.filter((s) => s.kind === kind)),
  })).filter((k) => k.queries > 0);
  const worst = [...perQuery].sort(
    (a, b) =>
      a.precisionAt10 + a.recallAt50 - (b.precisionAt10 + b.recallAt50) ||
      b.relevant - a.relevant ||
      a.q.localeCompare(b.q),
  );
  return { overall: summarise(perQuery), byKind, perQuery, worst, unjudgeable };
}

/** Figures as a person reads them: 0.734 → "0.73". */
export const figure = (value: number) => value.toFixed(2);

/** A few lines for a console: overall, per kind, the `worst` worst queries. */
export function describeRelevance(r: RelevanceResult, worst = 10): string {
  const line = (name: string, s: Score) =>
    `  ${name.padEnd(18)} ${String(s.queries).padStart(3)} queries  P@10 ${figure(s.precisionAt10)}  R@50 ${figure(s.recallAt50)}`;
  return [
    line('overall', r.overall),
    ...r.byKind.map((k) => line(k.kind, k)),
    `  worst ${worst}:`,
    ...r.worst
      .slice(0, worst)
      .map(
        (s) =>
          `    ${JSON.stringify(s.q)} (${s.kind}, ${s.lang}, ${s.relevant} relevant, ${s.total} found): P@10 ${figure(s.precisionAt10)} R@50 ${figure(s.recallAt50)}; top: ${s.top.join(' | ') || '—'}`,
      ),
  ].join('\n');
}
