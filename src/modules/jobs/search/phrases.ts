/**
 * Quoted phrases: of the ads that have all of a phrase's words, those whose text has them in order
 * (stop words too: "sökes till" is not any ad with "sökes"). The headline and occupation are checked
 * in memory; the ads whose phrase can only be in the description are checked in the database, at
 * most PHRASE_DB_CHECKS of them per search: those that pass the search's filters first (so the page and
 * the total are exact up to that many), then the others (for the other options' facet counts), newest
 * first — past that, the rest are not counted.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { fold, FOLD_FROM, FOLD_TO } from '../words.ts';
import { bounded } from './bounds.ts';
import { evaluate, retain, type Matches } from './match.ts';
import type { JobIndex } from './memory.ts';
import type { JobSummary } from './summary.ts';
import type { PlanGroup } from './text.ts';

/** Ads per search whose description the database checks for a phrase. */
export const PHRASE_DB_CHECKS = 300;

const folded = new WeakMap<JobIndex, string[]>();

/** Each ad's headline and occupation, folded (made once per index, on the first phrase search). */
function titlesOf(index: JobIndex): string[] {
  let titles = folded.get(index);
  if (!titles) {
    titles = index.summaries.map((s) => fold(`${s.headline} ${s.occupationLabel}`));
    folded.set(index, titles);
  }
  return titles;
}

const clean = (w: string) => fold(w).replace(/[^\p{L}\p{N}]/gu, '');

export async function checkPhrases(
  db: Kysely<DB>,
  index: JobIndex,
  matches: Matches,
  phrases: string[][],
  timeoutMs: number,
  passes: (ord: number) => boolean = () => true,
): Promise<Matches> {
  const words = phrases.map((p) => p.map(clean).filter(Boolean)).filter((p) => p.length > 0);
  if (words.length === 0) return matches;
  const inMemory = words.map(
    (p) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${p.join('[^\\p{L}\\p{N}]+')}(?:$|[^\\p{L}\\p{N}])`, 'u'),
  );
  const titles = titlesOf(index);
  // Each word of a phrase is in a title that has the phrase: a plain substring test first, and the
  // regular expression only for the few titles that have them all (phrases of common words match
  // tens of thousands of ads, nearly all by their description).
  const need = [...new Set(words.flat())].sort((a, b) => b.length - a.length);
  const inTitle = (title: string) => {
    for (let w = 0; w < need.length; w++) if (!title.includes(need[w] as string)) return false;
    return inMemory.every((r) => r.test(title));
  };
  const keep = new Uint8Array(index.size);
  // The database checks those that pass the filters first, then the others; newest first within
  // each (the base's ordinals are newest first, the delta's few come after): PHRASE_DB_CHECKS at most.
  const passing: number[] = [];
  const others: number[] = [];
  for (let i = 0; i < matches.length; i++) {
    const ord = matches.ords[i] as number;
    if (inTitle(titles[ord] as string)) keep[ord] = 1;
    else if (passing.length < PHRASE_DB_CHECKS) {
      if (passes(ord)) passing.push(ord);
      else if (others.length < PHRASE_DB_CHECKS) others.push(ord);
    }
  }
  const ask = passing.concat(others).slice(0, PHRASE_DB_CHECKS);
  if (ask.length) {
    // With several phrases one may be in the headline and another in the text: the database sees both.
    const byId = new Map(ask.map((ord) => [(index.summaries[ord] as JobSummary).id, ord]));
    const conditions = words.map(
      (p) =>
        sql`translate(lower(headline || ' ' || occupation_label || ' ' || description_text), ${FOLD_FROM}, ${FOLD_TO}) ~ ${`(^|[^[:alnum:]])${p.join('[^[:alnum:]]+')}($|[^[:alnum:]])`}`,
    );
    const { rows } = await bounded(db, timeoutMs, (trx) =>
      sql<{ id: string }>`SELECT id FROM job_ads
        WHERE region_id = ${index.base.regionId} AND id = ANY(${[...byId.keys()]}::text[])
          AND ${sql.join(conditions, sql` AND `)}`.execute(trx),
    );
    for (const r of rows) {
      const ord = byId.get(r.id);
      if (ord !== undefined) keep[ord] = 1;
    }
  }
  return retain(matches, (ord) => keep[ord] === 1);
}

/**
 * Leaves out the matches that have an excluded phrase: of the ads with all its words (stop words
 * aside), those whose text has the phrase (checkPhrases, with its limit). A phrase of stop words
 * only leaves out nothing.
 */
export async function excludePhrases(
  db: Kysely<DB>,
  index: JobIndex,
  matches: Matches,
  excluded: Array<{ words: string[]; groups: PlanGroup[] }>,
  timeoutMs: number,
): Promise<Matches> {
  let out = matches;
  for (const { words, groups } of excluded) {
    if (groups.length === 0 || out.length === 0) continue;
    const inMatches = new Set(out.ords.subarray(0, out.length));
    const candidates = retain(evaluate(index, { groups, exclude: [], phrases: [] }), (ord) =>
      inMatches.has(ord),
    );
    if (candidates.length === 0) continue;
    const having = await checkPhrases(db, index, candidates, [words], timeoutMs);
    const drop = new Set(having.ords.subarray(0, having.length));
    out = retain(out, (ord) => !drop.has(ord));
  }
  return out;
}
