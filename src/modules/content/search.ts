/**
 * The site search over what visitors can see of the region's digital home (content_published):
 * places, guides, stories and paths, found by the words of their title (A), summary and facts (B)
 * and text (C), as the language's PostgreSQL configuration stems them ('swedish', 'english'), with
 * results grouped by kind.
 *
 * Swedish-aware like the job search: each word's own stem; the last word as a prefix while the
 * person is typing ("försk" finds förskola); compounds both ways, from the published texts' own
 * words — a stem of four letters or more also finds the words that begin with it (förskola →
 * förskoleplats) and those that end in it (skola → grundskola, with the job search's `Compounds`);
 * and, when nothing matches, the text searched again with its spelling corrected (as the job search
 * does, and the page says so) from the titles' and summaries' words that pg_trgm
 * finds similar, folded (trigram index of migration 0021), and the job search's edit distance confirms.
 * Folded like the job search (jobs/words.ts `fold`: å → a, ä → a, ö → o, é → e …): a word typed
 * without its å/ä/ö ("forskola", "halsa", "Sater") is stemmed as typed and matched, folded, against
 * the folded lexemes of what is published, each found lexeme searched with its own spelling; the
 * published vectors keep their letters, so a properly typed word is stemmed and found as before.
 *
 * Bounded: the text is cut to MAX_QUERY_LENGTH characters and MAX_TEXT_WORDS words (the job
 * search's bounds), every statement runs under a statement timeout, hits per kind are capped.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { MAX_QUERY_LENGTH, MAX_TEXT_WORDS, parseText, type ParsedText } from '../jobs/query.ts';
import { bounded } from '../jobs/search/bounds.ts';
import { editDistance } from '../jobs/search/suggestions.ts';
import { Compounds, type DisplayWord } from '../jobs/search/segment.ts';
import { fold, FOLD_FROM, FOLD_TO } from '../jobs/words.ts';
import { CONTENT_KINDS, isContentData, isContentKind, type ContentKind } from './model.ts';
import { searchTexts } from './store.ts';

export { SearchTimedOut } from '../jobs/search/bounds.ts';

/** Each statement of a content search may take this long (ms); past it the search throws SearchTimedOut. */
export const CONTENT_SEARCH_TIMEOUT_MS = 1500;
/** Hits per kind one search returns at most (a page of one kind). */
export const MAX_HITS_PER_KIND = 50;
/** How far one kind's results can be paged. */
export const MAX_OFFSET = 1000;
/** Stems at least this long also find the compounds they begin or end (the job search's bound). */
const MIN_COMPOUND_BASE = 4;
/** Compounds ending in one word, at most (each is one more alternative of the query). */
const COMPOUND_LIMIT = 40;
/** Lexemes a folded prefix stands for, at most (each is one more alternative of the query). */
const FOLDED_PREFIX_LIMIT = 40;
/** Words checked for a spelling correction, the first ones, and their least length. */
const MAX_SUGGEST_WORDS = 6;
const MIN_SUGGEST_LENGTH = 4;
/**
 * The part of an item's text an excerpt is looked for in: a window around the first place a word's
 * stem occurs (ts_headline's cost grows with the text it reads).
 */
const EXCERPT_WINDOW_BEFORE = 300;
const EXCERPT_WINDOW_AFTER = 900;
/** translate()'s arguments folding as `fold` does, as literals: the expression of migration 0021's index. */
const FOLD_SQL = `'${FOLD_FROM}', '${FOLD_TO}'`;
const HIT_START = '\u0002';
const HIT_END = '\u0003';

const CONFIG: Record<Lang, string> = { sv: 'swedish', en: 'english' };

/** A piece of an excerpt: `hit` marks the words that matched (the view emphasises them). */
export interface Segment {
  text: string;
  hit: boolean;
}

export interface ContentHit {
  kind: ContentKind;
  slug: string;
  /** The language of the title and summary: the page's, or the other one where a translation is missing. */
  lang: Lang;
  /**
   * The language of the text the words were found in, and of the excerpt: the page's, or the other
   * one for an untranslated item or a word only its other language's text has.
   */
  matchedLang: Lang;
  title: string;
  summary: string;
  excerpt: Segment[];
  rank: number;
}

export interface KindHits {
  kind: ContentKind;
  total: number;
  hits: ContentHit[];
}

export interface ContentSearchResult {
  /** The text searched: the typed text cut to MAX_QUERY_LENGTH characters. */
  text: string;
  /** One group per kind searched, in CONTENT_KINDS order (an empty group has total 0). */
  groups: KindHits[];
  total: number;
  /**
   * The text as typed found nothing, so the groups are those of `searched`: the text with misspelt
   * words replaced by the closest words of titles and summaries ("ratvik" → "rättvik"), as the job
   * search does.
   */
  corrected: { typed: string; searched: string } | null;
  /** Words typed past MAX_TEXT_WORDS, left out. */
  omittedWords: number;
  /** The text had only words too common to search on: nothing was searched. */
  textIgnored: boolean;
}

export interface ContentSearchOptions {
  kinds?: readonly ContentKind[];
  limitPerKind: number;
  /** Hits of each kind to skip (paging one kind). */
  offset?: number;
  statementTimeoutMs?: number;
  /** Search the text with its spelling corrected when nothing matches (default true). */
  suggest?: boolean;
}

/** The text as searched: at most MAX_QUERY_LENGTH characters, control characters as spaces. */
export function boundText(text: string): string {
  return [...text.replace(/\p{Cc}/gu, ' ')].slice(0, MAX_QUERY_LENGTH).join('').trim();
}

export async function searchContent(
  db: Kysely<DB>,
  regionId: string,
  lang: Lang,
  text: string,
  options: ContentSearchOptions,
): Promise<ContentSearchResult> {
  const kinds = CONTENT_KINDS.filter((k) => !options.kinds || options.kinds.includes(k));
  const searched = boundText(text);
  const parsed = parseText(searched);
  const empty = (textIgnored: boolean): ContentSearchResult => ({
    text: searched,
    groups: kinds.map((kind) => ({ kind, total: 0, hits: [] })),
    total: 0,
    corrected: null,
    omittedWords: parsed.omitted,
    textIgnored,
  });
  if (parsed.groups.length === 0 || kinds.length === 0) return empty(false);
  const timeout = options.statementTimeoutMs ?? CONTENT_SEARCH_TIMEOUT_MS;
  const limit = Math.min(Math.max(Math.trunc(options.limitPerKind), 0), MAX_HITS_PER_KIND);
  const offset = Math.min(Math.max(Math.trunc(options.offset ?? 0), 0), MAX_OFFSET);
  // Still typing the last word: the text (within its bound) ends in a letter, not a space.
  const open = /\p{L}$/u.test([...text].slice(0, MAX_QUERY_LENGTH).join(''));
  return bounded(
    db,
    timeout,
    async (trx) => {
      const vocabularies = await vocabulary(db, trx, regionId);
      const queries = await queriesFor(trx, parsed, open, vocabularies);
      // Only words too common to search on in the page's language ("och i på").
      if (!queries[lang]) return empty(true);
      const rows = await matching(trx, regionId, lang, kinds, queries, limit, offset);
      const excerpts = await excerptsOf(trx, rows, queries);
      const groups = kinds.map((kind) => {
        const own = rows.filter((r) => r.kind === kind);
        return {
          kind,
          total: Number(own[0]?.total ?? (offset > 0 ? -1 : 0)),
          hits: own.map((r) => toHit(r, excerpts.get(r) ?? [])),
        };
      });
      // A page past the last hit still needs the kind's total.
      if (groups.some((g) => g.total < 0)) {
        const totals = await matching(trx, regionId, lang, kinds, queries, 1, 0);
        for (const g of groups)
          if (g.total < 0) g.total = Number(totals.find((r) => r.kind === g.kind)?.total ?? 0);
      }
      let total = groups.reduce((n, g) => n + g.total, 0);
      let corrected: ContentSearchResult['corrected'] = null;
      if (total === 0 && options.suggest !== false) {
        const suggestion = await suggestFor(trx, regionId, lang, searched, parsed, vocabularies[lang]);
        // As the job search does: the corrected text's results, and the page says so.
        const fixed = suggestion ? await queriesFor(trx, parseText(suggestion), false, vocabularies) : null;
        const found =
          suggestion && fixed?.[lang] ? await matching(trx, regionId, lang, kinds, fixed, limit, offset) : [];
        if (suggestion && fixed && found.length > 0) {
          const fixedExcerpts = await excerptsOf(trx, found, fixed);
          for (const g of groups) {
            const own = found.filter((r) => r.kind === g.kind);
            g.total = Number(own[0]?.total ?? 0);
            g.hits = own.map((r) => toHit(r, fixedExcerpts.get(r) ?? []));
          }
          total = groups.reduce((n, g) => n + g.total, 0);
          corrected = { typed: searched, searched: suggestion };
        }
      }
      return {
        text: searched,
        groups,
        total,
        corrected,
        omittedWords: parsed.omitted,
        textIgnored: false,
      };
    },
    { 'pg_trgm.similarity_threshold': '0.3', 'pg_trgm.word_similarity_threshold': '0.5' },
  );
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: the lexemes of what visitors can see, per language (compounds are found in it).

interface Vocabulary {
  /** Folded lexeme → the lexemes that fold to it (förskol → [förskol]). */
  byFold: Map<string, string[]>;
  /** The folded lexemes, sorted (a folded prefix's lexemes by binary search). */
  folds: string[];
  /** Compounds over the folded lexemes (their `word` is the folded lexeme: expand with byFold). */
  compounds: Compounds;
}
type Vocabularies = Record<Lang, Vocabulary>;

const VISIBLE = sql`p.visible_from <= now() AND (p.visible_until IS NULL OR p.visible_until > now())`;

/** Per database and region: the vocabularies and the state of content_published they were read at. */
const vocabularies = new WeakMap<Kysely<DB>, Map<string, { stamp: string; value: Vocabularies }>>();

/**
 * The region's published lexemes per language, read again only when what is published (or visible)
 * has changed: a publish rewrites its rows (published_at), an unpublish removes them, a scheduled
 * item becoming visible changes the visible count.
 */
async function vocabulary(db: Kysely<DB>, trx: Kysely<DB>, regionId: string): Promise<Vocabularies> {
  const { rows: stampRows } = await sql<{ stamp: string }>`SELECT concat_ws(':', count(*),
      count(*) FILTER (WHERE ${VISIBLE}), max(p.published_at)::text) AS stamp
    FROM content_published p WHERE p.region_id = ${regionId}`.execute(trx);
  const stamp = stampRows[0]?.stamp ?? '';
  let perRegion = vocabularies.get(db);
  if (!perRegion) vocabularies.set(db, (perRegion = new Map()));
  const known = perRegion.get(regionId);
  if (known && known.stamp === stamp) return known.value;
  const { rows } = await sql<{
    lang: string;
    w: string;
    n: string;
  }>`SELECT p.lang, u.lexeme AS w, count(*) AS n
    FROM content_published p, unnest(p.search) AS u
    WHERE p.region_id = ${regionId} AND ${VISIBLE}
    GROUP BY p.lang, u.lexeme`.execute(trx);
  const words: Record<Lang, Map<string, DisplayWord>> = { sv: new Map(), en: new Map() };
  for (const r of rows)
    if (r.lang === 'sv' || r.lang === 'en') words[r.lang].set(r.w, { word: r.w, ads: Number(r.n) });
  const value = { sv: vocabularyOf(words.sv), en: vocabularyOf(words.en) };
  perRegion.set(regionId, { stamp, value });
  return value;
}

function vocabularyOf(words: Map<string, DisplayWord>): Vocabulary {
  const byFold = new Map<string, string[]>();
  const folded = new Map<string, DisplayWord>();
  for (const [lexeme, w] of words) {
    const key = fold(lexeme);
    const same = byFold.get(key);
    if (same) same.push(lexeme);
    else byFold.set(key, [lexeme]);
    const known = folded.get(key);
    folded.set(key, { word: key, ads: (known?.ads ?? 0) + w.ads });
  }
  const folds = [...byFold.keys()].sort();
  return { byFold, folds, compounds: new Compounds(folded) };
}

/** The lexemes that fold to the folded `word`. */
function sameFolded(vocabulary: Vocabulary, word: string): string[] {
  return vocabulary.byFold.get(fold(word)) ?? [];
}

/** Up to FOLDED_PREFIX_LIMIT lexemes whose folded form begins with the folded `prefix`. */
function foldedPrefix(vocabulary: Vocabulary, prefix: string): string[] {
  const key = fold(prefix);
  const { folds } = vocabulary;
  let lo = 0;
  let hi = folds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((folds[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < folds.length && out.length < FOLDED_PREFIX_LIMIT; i++) {
    const f = folds[i] as string;
    if (!f.startsWith(key)) break;
    out.push(...sameFolded(vocabulary, f));
  }
  return out.slice(0, FOLDED_PREFIX_LIMIT);
}

// ---------------------------------------------------------------------------------------------
// Text → a tsquery per language.

interface Queries {
  /** Every word (its stem, prefix and compounds); null when the text has nothing to search in it. */
  sv: string | null;
  en: string | null;
  /** The words' own stems only, any of them: items with the words as typed rank higher. */
  svExact: string | null;
  enExact: string | null;
  /** The typed words and their stems, lower-case, per language: where an excerpt is looked for. */
  needles: Record<Lang, string[]>;
}

/** A lexeme as a tsquery operand (quoted; `prefix` adds :*). */
function operand(lexeme: string, prefix = false): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

/** The lexemes of a tsvector's text form ('förskol':1 'plats':2). */
function lexemesOf(vector: string): string[] {
  return [...vector.matchAll(/'((?:[^'\\]|''|\\.)*)'/g)].map((m) =>
    (m[1] as string).replace(/''/g, "'").replace(/\\(.)/g, '$1'),
  );
}

async function stemsOf(trx: Kysely<DB>, words: string[]): Promise<Map<string, Record<Lang, string[]>>> {
  const out = new Map<string, Record<Lang, string[]>>();
  if (words.length === 0) return out;
  const { rows } = await sql<{ w: string; sv: string; en: string }>`SELECT w,
      to_tsvector('swedish', w)::text AS sv, to_tsvector('english', w)::text AS en
    FROM unnest(${words}::text[]) AS w`.execute(trx);
  for (const r of rows) out.set(r.w, { sv: lexemesOf(r.sv), en: lexemesOf(r.en) });
  return out;
}

/**
 * The alternatives of one word in one language: its stems; the last word while typing (`open`) as
 * a prefix too; a long enough stem also as a prefix (förskol:* → förskoleplats) and with the
 * compounds of the vocabulary that end in it (skol → grundskol). None for a stop word.
 */
function alternatives(
  word: string,
  stems: string[],
  open: { typing: boolean; alone: boolean },
  vocabulary: Vocabulary,
): string[] {
  const out = new Set<string>();
  /** `prefix` as a prefix, and the lexemes it stands for folded that do not begin with it as typed. */
  const asPrefix = (prefix: string) => {
    out.add(operand(prefix, true));
    for (const lexeme of foldedPrefix(vocabulary, prefix))
      if (!lexeme.startsWith(prefix)) out.add(operand(lexeme));
  };
  // A stop word is left out, unless it is all that is typed so far ("för" → förskola).
  if (stems.length === 0) {
    if (open.typing && open.alone && word.length >= 2) asPrefix(word);
    return [...out];
  }
  for (const stem of stems) {
    const long = [...stem].length >= MIN_COMPOUND_BASE;
    if (long || open.typing) asPrefix(stem);
    else out.add(operand(stem));
    // The lexemes spelt with å/ä/ö that the stem stands for folded (forskol → förskol).
    for (const lexeme of sameFolded(vocabulary, stem)) if (lexeme !== stem) out.add(operand(lexeme, long));
    if (open.typing && word !== stem) asPrefix(word);
    if (long && /^\p{L}+$/u.test(stem))
      for (const compound of vocabulary.compounds.endingIn(fold(stem), COMPOUND_LIMIT))
        for (const lexeme of sameFolded(vocabulary, compound)) out.add(operand(lexeme));
  }
  return [...out];
}

async function queriesFor(
  trx: Kysely<DB>,
  parsed: ParsedText,
  open: boolean,
  vocabularies: Vocabularies,
): Promise<Queries> {
  const terms = parsed.groups.flat();
  const words = [...new Set([...terms, ...parsed.exclude].flatMap((t) => t.words))];
  const stems = await stemsOf(trx, words);
  const lastWord = terms.at(-1)?.words.at(-1);
  const build = (lang: Lang) => {
    const required: string[] = [];
    const exact: string[] = [];
    for (const group of parsed.groups) {
      const any = group.flatMap((term) =>
        term.words.map((w) => {
          const own = stems.get(w)?.[lang] ?? [];
          for (const s of own) {
            exact.push(operand(s));
            for (const lexeme of sameFolded(vocabularies[lang], s))
              if (lexeme !== s) exact.push(operand(lexeme));
          }
          const typing = { typing: open && w === lastWord, alone: words.length === 1 };
          const alts = alternatives(w, own, typing, vocabularies[lang]);
          return alts.length ? `(${alts.join(' | ')})` : '';
        }),
      );
      // A phrase's words must all be there; OR alternatives any of them (stop words left out).
      const parts = any.filter(Boolean);
      if (parts.length === 0) continue;
      const phrase = group.length === 1 && (group[0]?.words.length ?? 0) > 1;
      required.push(`(${parts.join(phrase ? ' & ' : ' | ')})`);
    }
    if (required.length === 0) return { full: null, exact: null };
    for (const term of parsed.exclude)
      for (const w of term.words) for (const s of stems.get(w)?.[lang] ?? []) required.push(`!${operand(s)}`);
    return { full: required.join(' & '), exact: exact.length ? exact.join(' | ') : null };
  };
  const sv = build('sv');
  const en = build('en');
  const needles = (lang: Lang) => [
    ...new Set(
      terms.flatMap((t) =>
        t.words.flatMap((w) => {
          const own = stems.get(w)?.[lang] ?? [];
          return [w, ...own, ...own.flatMap((s) => sameFolded(vocabularies[lang], s))];
        }),
      ),
    ),
  ];
  return {
    sv: sv.full,
    en: en.full,
    svExact: sv.exact,
    enExact: en.exact,
    needles: { sv: needles('sv'), en: needles('en') },
  };
}

// ---------------------------------------------------------------------------------------------
// Matching rows, grouped and ranked per kind.

interface MatchRow {
  kind: string;
  slug: string;
  /** The language of the title and summary shown. */
  lang: string;
  /** The language of the text that matched (the excerpt's). */
  matched_lang: string;
  title: string;
  summary: string;
  data: unknown;
  rank: number;
  total: string;
}

/** An item found only through its other language's text ranks below those found in the page's. */
const OTHER_LANGUAGE_WEIGHT = 0.5;

/**
 * Items whose text matches, in the page's language or else in the other one (a Swedish word on the
 * English page: "Skatteverket"). Each is shown by its page-language title where it has one, else by
 * its other language's (untranslated). Ranked per kind, with each kind's total.
 */
async function matching(
  trx: Kysely<DB>,
  regionId: string,
  lang: Lang,
  kinds: readonly ContentKind[],
  q: Queries,
  limit: number,
  offset: number,
): Promise<MatchRow[]> {
  const query = (l: Lang) => sql`${l === 'sv' ? q.sv : q.en}::tsquery`;
  const exact = (l: Lang) => sql`${l === 'sv' ? q.svExact : q.enExact}::tsquery`;
  const matches = (l: Lang) =>
    (l === 'sv' ? q.sv : q.en) ? sql`(p.lang = ${l} AND p.search @@ ${query(l)})` : sql`false`;
  const { rows } = await sql<MatchRow>`WITH m AS (
      SELECT DISTINCT ON (p.item_id) p.item_id, p.kind, p.slug, p.lang, p.title, p.summary, p.data,
        CASE WHEN p.lang = 'sv'
          THEN coalesce(ts_rank(p.search, ${query('sv')}), 0) + coalesce(ts_rank(p.search, ${exact('sv')}), 0)
          ELSE coalesce(ts_rank(p.search, ${query('en')}), 0) + coalesce(ts_rank(p.search, ${exact('en')}), 0)
        END * CASE WHEN p.lang = ${lang} THEN 1 ELSE ${OTHER_LANGUAGE_WEIGHT}::real END AS rank
      FROM content_published p
      WHERE p.region_id = ${regionId} AND ${VISIBLE} AND p.kind = ANY(${[...kinds]}::text[])
        AND p.title <> '' AND (${matches('sv')} OR ${matches('en')})
      ORDER BY p.item_id, p.lang = ${lang} DESC
    ), d AS (
      SELECT m.kind, m.slug, coalesce(o.lang, m.lang) AS lang, m.lang AS matched_lang,
        coalesce(o.title, m.title) AS title, coalesce(o.summary, m.summary) AS summary, m.data, m.rank
      FROM m LEFT JOIN content_published o
        ON o.region_id = ${regionId} AND o.item_id = m.item_id AND o.lang = ${lang} AND o.title <> ''
    ), r AS (
      SELECT d.*, row_number() OVER (PARTITION BY kind ORDER BY rank DESC, matched_lang = ${lang} DESC, title, slug) AS n,
        count(*) OVER (PARTITION BY kind) AS total
      FROM d
    )
    SELECT kind, slug, lang, matched_lang, title, summary, data, rank, total FROM r
    WHERE n > ${offset} AND n <= ${offset + limit}
    ORDER BY kind, n`.execute(trx);
  return rows;
}

function toHit(row: MatchRow, excerpt: Segment[]): ContentHit {
  return {
    kind: row.kind as ContentKind,
    slug: row.slug,
    lang: row.lang === 'en' ? 'en' : 'sv',
    matchedLang: row.matched_lang === 'en' ? 'en' : 'sv',
    title: row.title,
    summary: row.summary,
    excerpt,
    rank: Number(row.rank),
  };
}

/** A short passage of each hit's text around the words found (ts_headline), as plain segments. */
async function excerptsOf(trx: Kysely<DB>, rows: MatchRow[], q: Queries): Promise<Map<MatchRow, Segment[]>> {
  const out = new Map<MatchRow, Segment[]>();
  const wanted = rows.filter(
    (r) => isContentKind(r.kind) && (r.matched_lang === 'sv' || r.matched_lang === 'en'),
  );
  if (wanted.length === 0) return out;
  const docs = wanted.map((r) => {
    const l = r.matched_lang as Lang;
    const words = isContentData(r.kind as ContentKind, r.data) ? searchTexts(r.data, l) : null;
    const text = words ? `${words.b}\n${words.c}` : r.summary;
    return text.replaceAll(HIT_START, ' ').replaceAll(HIT_END, ' ');
  });
  const windows = wanted.map((r, i) => excerptWindow(docs[i] as string, q.needles[r.matched_lang as Lang]));
  const configs = wanted.map((r) => CONFIG[r.matched_lang as Lang]);
  const queries = wanted.map((r) => (r.matched_lang === 'sv' ? q.sv : q.en) ?? '');
  const options = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=24, MinWords=10, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`;
  const { rows: lines } = await sql<{ i: string; h: string }>`SELECT x.i,
      ts_headline(x.c::regconfig, x.d, x.q::tsquery, ${options}) AS h
    FROM unnest(${configs}::text[], ${windows}::text[], ${queries}::text[]) WITH ORDINALITY AS x(c, d, q, i)`.execute(
    trx,
  );
  for (const line of lines) {
    const i = Number(line.i) - 1;
    const row = wanted[i];
    if (row) out.set(row, withEllipses(segments(line.h), docs[i] ?? ''));
  }
  return out;
}

/** The part of `doc` around the first of the words found in it (its start when none is). */
function excerptWindow(doc: string, needles: string[]): string {
  const lower = doc.toLowerCase();
  let at = -1;
  for (const needle of needles) {
    const i = needle.length >= 2 ? lower.indexOf(needle) : -1;
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = Math.max(0, at - EXCERPT_WINDOW_BEFORE);
  // Whole words only: the window starts after a space and ends before one.
  const from = start === 0 ? 0 : doc.indexOf(' ', start) + 1;
  const end = Math.max(at, 0) + EXCERPT_WINDOW_AFTER;
  const to = end >= doc.length ? doc.length : doc.lastIndexOf(' ', end);
  return doc.slice(from, to > from ? to : end);
}

/** An ellipsis where the passage starts after the text's start or ends before its end. */
function withEllipses(parts: Segment[], doc: string): Segment[] {
  const plain = parts.map((p) => p.text).join('');
  if (!plain) return parts;
  const text = doc.replace(/\s+/g, ' ').trim();
  const out = [...parts];
  if (!text.startsWith(plain.slice(0, 30))) out.unshift({ text: '… ', hit: false });
  if (!text.endsWith(plain.slice(-30))) out.push({ text: ' …', hit: false });
  return out;
}

/** ts_headline's text with its markers → segments; whitespace runs become one space. */
export function segments(marked: string): Segment[] {
  const out: Segment[] = [];
  const text = marked.replace(/\s+/g, ' ').trim();
  const parts = text.split(new RegExp(`(${HIT_START}[^${HIT_END}]*${HIT_END})`, 'u'));
  for (const part of parts) {
    if (!part) continue;
    const hit = part.startsWith(HIT_START);
    const clean = part.replaceAll(HIT_START, '').replaceAll(HIT_END, '');
    if (!clean) continue;
    const last = out.at(-1);
    if (last && last.hit === hit) last.text += clean;
    else out.push({ text: clean, hit });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The spelling correction: words no visible item uses, replaced by the closest word of titles and summaries.

async function suggestFor(
  trx: Kysely<DB>,
  regionId: string,
  lang: Lang,
  text: string,
  parsed: ParsedText,
  vocabulary: Vocabulary,
): Promise<string | null> {
  const typed = [
    ...new Set(
      parsed.groups
        .flat()
        .flatMap((t) => t.words)
        .filter((w) => [...w].length >= MIN_SUGGEST_LENGTH && /^\p{L}+$/u.test(w)),
    ),
  ].slice(0, MAX_SUGGEST_WORDS);
  const stems = await stemsOf(trx, typed);
  const unknown = typed.filter(
    (w) => !(stems.get(w)?.[lang] ?? []).some((s) => vocabulary.byFold.has(fold(s))),
  );
  if (unknown.length === 0) return null;
  // Candidates by trigram similarity of the folded words (migration 0021's index finds the rows).
  const folded = sql.raw(`translate(lower(p.title || ' ' || p.summary), ${FOLD_SQL})`);
  const { rows } = await sql<{ typed: string; w: string }>`SELECT t.typed, c.w
    FROM unnest(${unknown}::text[], ${unknown.map(fold)}::text[]) AS t(typed, f)
    CROSS JOIN LATERAL (
      SELECT w FROM (
        SELECT DISTINCT w FROM content_published p,
          regexp_split_to_table(lower(p.title || ' ' || p.summary), '[^[:alpha:]]+') AS w
        WHERE p.region_id = ${regionId} AND p.lang = ${lang} AND ${VISIBLE}
          AND t.f <% ${folded}
      ) words
      WHERE length(w) >= 3 AND ${sql.raw(`translate(w, ${FOLD_SQL})`)} % t.f
      ORDER BY similarity(${sql.raw(`translate(w, ${FOLD_SQL})`)}, t.f) DESC, w
      LIMIT 5
    ) c`.execute(trx);
  let suggestion = text;
  let changed = false;
  for (const word of unknown) {
    const limit = Math.max(1, Math.floor([...word].length / 4));
    // Measured folded: "ratvik" is one letter from Rättvik, as the job search counts it.
    const best = rows
      .filter((r) => r.typed === word)
      .map((r) => ({ w: r.w, d: editDistance(fold(r.w), fold(word)) }))
      .filter((c) => c.d <= limit)
      .sort((a, b) => a.d - b.d)[0];
    if (!best) continue;
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${word}(?=$|[^\\p{L}\\p{N}])`, 'giu');
    suggestion = suggestion.replace(pattern, (_, before: string) => before + best.w);
    changed = true;
  }
  return changed && suggestion !== text ? suggestion : null;
}

/** The bounds, for the page's messages. */
export const CONTENT_SEARCH_BOUNDS = { maxLength: MAX_QUERY_LENGTH, maxWords: MAX_TEXT_WORDS } as const;
