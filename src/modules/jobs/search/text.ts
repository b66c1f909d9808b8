/**
 * Free text → tsquery: Swedish and English configurations, compounds from the ads' own vocabulary
 * (lärare also finds förskollärare) and English synonyms.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ParsedText, TextTerm } from '../query.ts';
import { englishSynonyms } from '../synonyms.ts';
import type { Condition } from './filters.ts';

const COMPOUND_LIMIT = 40;
/**
 * Compounds of all the text's words together: up to COMPOUND_LIMIT for each of three words, fewer
 * each (the most used first) when more words share them. Every compound is one more lexeme to look up
 * in the text index and to test each candidate ad against.
 */
export const MAX_COMPOUNDS = 3 * COMPOUND_LIMIT;
const MIN_COMPOUND_BASE = 4;

/** Words of the region's ads that end in `word` (Swedish compounds put the head last). */
async function compoundsOf(
  db: Kysely<DB>,
  regionId: string,
  words: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const wanted = [...new Set(words.filter((w) => w.length >= MIN_COMPOUND_BASE && /^\p{L}+$/u.test(w)))];
  if (wanted.length === 0) return out;
  const each = Math.min(COMPOUND_LIMIT, Math.floor(MAX_COMPOUNDS / wanted.length));
  const parts = wanted.map(
    (w) => sql<{ base: string; word: string }>`(SELECT ${w}::text AS base, word FROM job_search_words
      WHERE region_id = ${regionId} AND reverse(word) LIKE ${[...w].reverse().join('') + '%'}
        AND word <> ${w}
      ORDER BY ads DESC, word LIMIT ${each})`,
  );
  const { rows } = await sql<{ base: string; word: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(
    db,
  );
  for (const row of rows) {
    const list = out.get(row.base) ?? [];
    list.push(row.word);
    out.set(row.base, list);
  }
  return out;
}

type Tsq = RawBuilder<unknown>;

function termQuery(term: TextTerm, compounds: Map<string, string[]>, expand: boolean): Tsq {
  if (term.words.length > 1) {
    const phrase = term.words.join(' ');
    return sql`(phraseto_tsquery('swedish', ${phrase}) || phraseto_tsquery('english', ${phrase}))`;
  }
  const word = term.words[0] as string;
  const alternatives = expand ? [...(compounds.get(word) ?? []), ...englishSynonyms(word)] : [];
  const extra = alternatives.filter((w) => /^[\p{L} ]+$/u.test(w));
  const base = sql`(plainto_tsquery('swedish', ${word}) || plainto_tsquery('english', ${word})`;
  if (extra.length === 0) return sql`${base})`;
  const ors = extra.map((w) => sql`plainto_tsquery('swedish', ${w})`);
  return sql`${base} || ${sql.join(ors, sql` || `)})`;
}

/** The text query as a tsquery string, or '' when nothing searchable is left (only stop words). */
export async function buildTsquery(db: Kysely<DB>, regionId: string, parsed: ParsedText): Promise<string> {
  if (parsed.groups.length === 0) return '';
  const single = parsed.groups.flat().filter((t) => t.words.length === 1);
  const compounds = await compoundsOf(
    db,
    regionId,
    single.map((t) => t.words[0] as string),
  );
  const groups = parsed.groups.map((group) => {
    const terms = group.map((t) => termQuery(t, compounds, true));
    return terms.length === 1 ? (terms[0] as Tsq) : sql`(${sql.join(terms, sql` || `)})`;
  });
  let query = sql`${sql.join(groups, sql` && `)}`;
  for (const term of parsed.exclude) query = sql`${query} && !!${termQuery(term, compounds, false)}`;
  const { rows } = await sql<{
    q: string;
    n: number;
  }>`SELECT (${query})::text AS q, numnode(${query}) AS n`.execute(db);
  const row = rows[0];
  return row && row.n > 0 ? row.q : '';
}

/** Whether PostgreSQL expects the text and filters to match more than a fifth of the open ads. */
export async function isCommonQuery(
  db: Kysely<DB>,
  regionId: string,
  tsquery: string,
  filters: Condition,
): Promise<boolean> {
  // Two independent reads: ask for both at once.
  const [plan, size] = await Promise.all([
    sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`EXPLAIN (FORMAT JSON)
      SELECT 1 FROM job_index WHERE region_id = ${regionId} AND search @@ ${tsquery}::tsquery AND ${filters}`.execute(
      db,
    ),
    sql<{ n: number }>`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'job_index'::regclass`.execute(
      db,
    ),
  ]);
  const estimate = plan.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0;
  const all = size.rows;
  return estimate > 0.2 * Math.max(1, all[0]?.n ?? 0);
}
