/**
 * Search workloads built from the corpus' own vocabulary (lib/corpus.ts): what people type into a
 * job board — occupations, employers, places, several words, "quoted phrases", -exclusions, a OR b —
 * with and without filters (municipality, occupation field, employment type, published within),
 * ranked by relevance, pages 1–5. Everything is a pure function of the corpus and a seed, so two
 * runs on the same corpus ask exactly the same questions.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import type { Region } from '../../src/platform/region.ts';
import { mulberry32 } from '../../src/modules/jobs/demo.ts';
import {
  EMPTY_QUERY,
  PAGE_SIZE,
  queryParams,
  queryString,
  type JobQuery,
  type PublishedWithin,
} from '../../src/modules/jobs/query.ts';
import { fold } from '../../src/modules/jobs/words.ts';

export interface Counted {
  value: string;
  ads: number;
}

export interface CorpusVocabulary {
  openAds: number;
  /** Occupation names as the labels give them (the head of each label: "Undersköterska"), lower case. */
  occupations: Counted[];
  employers: Counted[];
  /** Municipality names (short, as people write them) with their SCB code in `code`. */
  municipalities: (Counted & { code: string })[];
  occupationFields: Counted[];
  employmentTypes: Counted[];
  /** Two-word phrases frequent in headlines ("personlig assistent"). */
  phrases: Counted[];
  /** Words of the Swedish ads' text with the share of all ads whose search vector holds their stem. */
  words: (Counted & { lexeme: string; share: number })[];
  /** Every word of the "did you mean" vocabulary (job_search_words). */
  known: Set<string>;
}

const SAMPLE_ADS = 3000;

/** Reads what the workloads are made of from the corpus (a few seconds: ts_stat over every ad). */
export async function corpusVocabulary(db: Kysely<DB>, region: Region): Promise<CorpusVocabulary> {
  const regionId = region.id;
  const count = async (column: 'employer_name' | 'occupation_field_id' | 'employment_type_id') =>
    (
      await sql<{ value: string; ads: number }>`
        SELECT ${sql.ref(column)} AS value, count(*)::int AS ads FROM job_ads
        WHERE region_id = ${regionId} AND status = 'open' AND ${sql.ref(column)} IS NOT NULL
        GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db)
    ).rows;
  const openAds = Number(
    (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM job_ads WHERE region_id = ${regionId} AND status = 'open'`.execute(db)
    ).rows[0]?.n ?? 0,
  );
  const labels = (
    await sql<{ label: string; ads: number }>`
      SELECT occupation_label AS label, count(*)::int AS ads FROM job_ads
      WHERE region_id = ${regionId} AND status = 'open' GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db)
  ).rows;
  const known = new Set(
    (
      await sql<{
        word: string;
      }>`SELECT word FROM job_search_words WHERE region_id = ${regionId}`.execute(db)
    ).rows.map((r) => r.word),
  );
  const byMunicipality = new Map(
    (
      await sql<{ code: string; ads: number }>`
        SELECT municipality_code AS code, count(*)::int AS ads FROM job_ads
        WHERE region_id = ${regionId} AND status = 'open' GROUP BY 1`.execute(db)
    ).rows.map((r) => [r.code, r.ads]),
  );
  const headlines = (
    await sql<{ headline: string }>`
      SELECT headline FROM job_ads WHERE region_id = ${regionId} AND status = 'open'
        AND id IN (SELECT 'bench-' || g FROM generate_series(1, ${SAMPLE_ADS}) g)
      ORDER BY id`.execute(db)
  ).rows;
  // Document frequency of every stem (ts_stat), and the spelling the ads use most for it.
  const stats = (
    await sql<{ lexeme: string; ndoc: number }>`
      SELECT word AS lexeme, ndoc FROM ts_stat(${`SELECT search FROM job_ads WHERE region_id = '${regionId.replace(/'/g, "''")}' AND status = 'open'`})
      WHERE word ~ '^[[:alpha:]]+$' ORDER BY ndoc DESC, word`.execute(db)
  ).rows;
  const surface = (
    await sql<{ w: string; n: number; lexeme: string | null }>`
      SELECT w, count(*)::int AS n, (ts_lexize('swedish_stem', w))[1] AS lexeme FROM (
        SELECT regexp_split_to_table(lower(headline || ' ' || description_text), '[^[:alpha:]]+') AS w
        FROM job_ads WHERE region_id = ${regionId} AND status = 'open' AND lang = 'sv'
          AND id IN (SELECT 'bench-' || g FROM generate_series(1, ${SAMPLE_ADS}) g)
      ) s WHERE length(w) >= 3 GROUP BY w ORDER BY 2 DESC, 1`.execute(db)
  ).rows;
  const spelling = new Map<string, string>();
  for (const s of surface) if (s.lexeme && !spelling.has(s.lexeme)) spelling.set(s.lexeme, s.w);
  const words = stats.flatMap((s) => {
    const value = spelling.get(s.lexeme);
    return value ? [{ value, ads: Number(s.ndoc), lexeme: s.lexeme, share: Number(s.ndoc) / openAds }] : [];
  });

  // The head of each occupation label: "Butikssäljare, dagligvaror/Medarbetare, …" → butikssäljare,
  // medarbetare; "HR-specialist" → specialist; "Kock storhushåll" → kock.
  const occupations = new Map<string, number>();
  for (const { label, ads } of labels) {
    for (const part of label.split('/')) {
      const head = part.split(/[,(]/)[0]?.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      const word = head.split('-').pop() ?? '';
      if (/^\p{L}{4,}$/u.test(word) && known.has(word))
        occupations.set(word, (occupations.get(word) ?? 0) + ads);
    }
  }
  const phrases = new Map<string, number>();
  for (const { headline } of headlines) {
    const tokens = headline.toLowerCase().split(/[^\p{L}]+/u);
    for (let i = 0; i + 1 < tokens.length; i++) {
      const [a, b] = [tokens[i] as string, tokens[i + 1] as string];
      if (a.length >= 3 && b.length >= 3) phrases.set(`${a} ${b}`, (phrases.get(`${a} ${b}`) ?? 0) + 1);
    }
  }
  const sorted = (map: Map<string, number>) =>
    [...map].map(([value, ads]) => ({ value, ads })).sort((a, b) => b.ads - a.ads || cmp(a.value, b.value));
  return {
    openAds,
    occupations: sorted(occupations),
    employers: await count('employer_name'),
    municipalities: region.municipalities
      .map((m) => ({ value: m.shortName, code: m.code, ads: byMunicipality.get(m.code) ?? 0 }))
      .sort((a, b) => b.ads - a.ads || cmp(a.code, b.code)),
    occupationFields: await count('occupation_field_id'),
    employmentTypes: await count('employment_type_id'),
    phrases: sorted(phrases).filter((p) => p.ads >= 3),
    words,
    known,
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// The rotating set

export interface BenchQuery {
  /** What sort of search it is (occupation, phrase, exclusion, browse, …). */
  kind: string;
  query: JobQuery;
  page: number;
  /** The search page's path and query string (`/sv/jobs?…`). */
  url: string;
}

type Rng = () => number;

function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error('nothing to pick from');
  return items[Math.floor(rng() * items.length)] as T;
}

/** Picks with probability proportional to `ads` (popular things are searched for more). */
function pickWeighted<T extends { ads: number }>(rng: Rng, items: readonly T[]): T {
  const total = items.reduce((sum, i) => sum + i.ads, 0);
  let x = rng() * total;
  for (const item of items) {
    x -= item.ads;
    if (x < 0) return item;
  }
  return items[items.length - 1] as T;
}

const PAGES = [1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5];
const PUBLISHED: PublishedWithin[] = ['1', '3', '7', '7', '30', '30'];

export function searchUrl(query: JobQuery, page: number, lang = 'sv'): string {
  return `/${lang}/jobs${queryString(queryParams(query, { page, withPaging: 'page' }))}`;
}

/**
 * `count` searches (default 240), cycling through the kinds below; about half carry filters and
 * every tenth is a filter-only browse. Pages 1–5, most often 1.
 */
export function rotatingQueries(vocab: CorpusVocabulary, count = 240, seed = 20_261_126): BenchQuery[] {
  const rng = mulberry32(seed);
  const occupations = vocab.occupations.slice(0, 60);
  const employers = vocab.employers.slice(0, 25);
  const phrases = vocab.phrases.slice(0, 40);
  // Words that narrow a search: in 1–20 % of the ads.
  const narrowing = vocab.words.filter((w) => w.share >= 0.01 && w.share <= 0.2 && w.value.length >= 4);
  // Everyday words of the ads (in 0.5–30 % of them); the very common ones are measured on their own.
  const everyday = vocab.words.filter((w) => w.share >= 0.005 && w.share <= 0.3 && w.value.length >= 4);
  const place = () => pickWeighted(rng, vocab.municipalities).value.toLowerCase();
  const occupation = () => pickWeighted(rng, occupations).value;
  const kinds: [string, () => string][] = [
    ['occupation', occupation],
    ['occupation + place', () => `${occupation()} ${place()}`],
    ['employer', () => pickWeighted(rng, employers).value],
    ['place', place],
    ['two words', () => `${occupation()} ${pick(rng, narrowing).value}`],
    ['quoted phrase', () => `"${pickWeighted(rng, phrases).value}"`],
    ['exclusion', () => `${occupation()} -${rng() < 0.5 ? place() : pick(rng, narrowing).value}`],
    ['a OR b', () => `${occupation()} OR ${occupation()}`],
    ['other word', () => pick(rng, everyday).value],
    ['browse (filters only)', () => ''],
  ];
  const out: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const [kind, text] = kinds[i % kinds.length] as [string, () => string];
    const query: JobQuery = {
      ...EMPTY_QUERY,
      q: text(),
      municipality: [],
      occupationField: [],
      employmentType: [],
      occupationGroup: [],
      worktime: [],
      employer: [],
    };
    const browse = query.q === '';
    if (browse || rng() < 0.5) {
      // One or two filters; a browse always has at least one.
      const filters = 1 + (rng() < 0.35 ? 1 : 0);
      const choices = ['municipality', 'occupationField', 'employmentType', 'published'] as const;
      const chosen = new Set<(typeof choices)[number]>();
      while (chosen.size < filters) chosen.add(pick(rng, choices));
      if (chosen.has('municipality')) {
        query.municipality.push(pickWeighted(rng, vocab.municipalities).code);
        if (rng() < 0.25) {
          const other = pickWeighted(rng, vocab.municipalities).code;
          if (!query.municipality.includes(other)) query.municipality.push(other);
        }
      }
      if (chosen.has('occupationField'))
        query.occupationField.push(pickWeighted(rng, vocab.occupationFields).value);
      if (chosen.has('employmentType'))
        query.employmentType.push(pickWeighted(rng, vocab.employmentTypes).value);
      if (chosen.has('published')) query.published = pick(rng, PUBLISHED);
    }
    const page = pick(rng, PAGES);
    query.offset = (page - 1) * PAGE_SIZE;
    out.push({ kind, query, page, url: searchUrl(query, page) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Single words

export interface SingleWord {
  word: string;
  /** Share of the ads whose search vector holds the word's stem (ts_stat), when known. */
  share?: number;
  why: string;
}

/**
 * Single-word searches across the whole range: every word whose stem is in more than half of the
 * ads, words from each band of document frequency, occupations, places and employers' words.
 */
export function singleWords(vocab: CorpusVocabulary, seed = 7): SingleWord[] {
  const rng = mulberry32(seed);
  const out = new Map<string, SingleWord>();
  const add = (word: string, why: string, share?: number) => {
    if (!out.has(word)) out.set(word, { word, why, ...(share !== undefined ? { share } : {}) });
  };
  const shareOf = new Map(vocab.words.map((w) => [w.value, w.share]));
  for (const w of vocab.words) if (w.share > 0.5) add(w.value, 'in more than half of the ads', w.share);
  const bands: [number, number][] = [
    [0.3, 0.5],
    [0.1, 0.3],
    [0.03, 0.1],
    [0.01, 0.03],
    [0.001, 0.01],
    [0, 0.001],
  ];
  for (const [lo, hi] of bands) {
    const inBand = vocab.words.filter((w) => w.share > lo && w.share <= hi && w.value.length >= 3);
    for (let i = 0; i < 6 && inBand.length; i++) {
      const w = inBand.splice(Math.floor(rng() * inBand.length), 1)[0] as (typeof inBand)[number];
      add(w.value, `in ${Math.round(lo * 1000) / 10}–${Math.round(hi * 1000) / 10} % of the ads`, w.share);
    }
  }
  for (const o of vocab.occupations.slice(0, 20)) add(o.value, 'occupation', shareOf.get(o.value));
  for (const m of vocab.municipalities)
    add(m.value.toLowerCase(), 'municipality', shareOf.get(m.value.toLowerCase()));
  for (const e of vocab.employers.slice(0, 10)) {
    const word = e.value.toLowerCase().split(/\s+/)[0] as string;
    add(word, 'employer', shareOf.get(word));
  }
  return [...out.values()];
}

// ---------------------------------------------------------------------------------------------
// Misspellings

export interface Misspelling {
  original: string;
  misspelt: string;
  how: string;
}

const VOWELS = 'aeiouy';
const DIACRITICS: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', ü: 'u' };
const OPERATIONS = [
  'drop diacritics',
  'swap adjacent letters',
  'drop a letter',
  'double a letter',
  'replace a vowel',
] as const;

function misspell(word: string, operation: (typeof OPERATIONS)[number], rng: Rng): string | null {
  const letters = [...word];
  const n = letters.length;
  // Not the first letter: people rarely get that wrong, and a spelling index would not guess it.
  const at = (from: number, to: number) => from + Math.floor(rng() * Math.max(1, to - from));
  switch (operation) {
    case 'drop diacritics': {
      if (!letters.some((l) => l in DIACRITICS)) return null;
      return letters.map((l) => DIACRITICS[l] ?? l).join('');
    }
    case 'swap adjacent letters': {
      const i = at(1, n - 1);
      if (letters[i] === letters[i + 1]) return null;
      [letters[i], letters[i + 1]] = [letters[i + 1] as string, letters[i] as string];
      return letters.join('');
    }
    case 'drop a letter': {
      letters.splice(at(1, n), 1);
      return letters.join('');
    }
    case 'double a letter': {
      const i = at(1, n);
      letters.splice(i, 0, letters[i] as string);
      return letters.join('');
    }
    case 'replace a vowel': {
      const vowels = letters
        .map((l, i) => (VOWELS.includes(fold(l)) && i > 0 ? i : -1))
        .filter((i) => i >= 0);
      if (!vowels.length) return null;
      const i = pick(rng, vowels);
      const own = fold(letters[i] as string);
      const others = [...VOWELS].filter((v) => v !== own);
      letters[i] = pick(rng, others);
      return letters.join('');
    }
  }
}

/**
 * `count` occupation words of the corpus (fewer if it has fewer), each misspelt once: the operations take turns (drop
 * diacritics, swap two adjacent letters, drop a letter, double a letter, replace a vowel); when one
 * does not apply to a word, or makes a word the ads use, the next position or operation is tried.
 */
export function misspelledOccupations(vocab: CorpusVocabulary, count = 100, seed = 11): Misspelling[] {
  const words = vocab.occupations
    .map((o) => o.value)
    .filter((w) => w.length >= 5)
    .slice(0, count);
  return words.map((original, index) => {
    const rng = mulberry32(seed * 1000 + index);
    for (let k = 0; k < OPERATIONS.length * 4; k++) {
      const operation = OPERATIONS[
        (index + Math.floor(k / 4)) % OPERATIONS.length
      ] as (typeof OPERATIONS)[number];
      const misspelt = misspell(original, operation, rng);
      if (misspelt && misspelt !== original && !vocab.known.has(misspelt))
        return { original, misspelt, how: operation };
    }
    throw new Error(`could not misspell "${original}"`);
  });
}
