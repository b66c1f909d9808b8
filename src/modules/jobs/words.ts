/**
 * The vocabulary of a region's open ads: every word of their headlines and occupations with the
 * number of ads that use it (job_search_words, refreshed by ingestion). The search no longer reads
 * it — it keeps the same vocabulary in memory (search/segment.ts `displayWords`) — but the
 * benchmarks build their workloads from it. `fold` is the search's own folding.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** Folds letters with diacritics (å → a, é → e): the search matches words folded. */
export const FOLD_FROM = 'åäöéèêëüáàâíìóòúùçñ';
export const FOLD_TO = 'aaoeeeeuaaaiioouucn';

export function fold(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) {
    const i = FOLD_FROM.indexOf(ch);
    out += i >= 0 ? FOLD_TO[i] : ch;
  }
  return out;
}

/** Rebuilds the region's vocabulary from its open ads, in one transaction. */
export async function refreshSearchWords(db: Kysely<DB>, regionId: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('job_search_words').where('region_id', '=', regionId).execute();
    const result = await sql`
      INSERT INTO job_search_words (region_id, word, folded, ads)
      SELECT ${regionId}, w, translate(w, ${FOLD_FROM}, ${FOLD_TO}), count(DISTINCT id)
      FROM (
        SELECT id, regexp_split_to_table(
                 lower(headline || ' ' || occupation_label || ' ' || occupation_group_label),
                 '[^[:alpha:]]+') AS w
        FROM job_ads
        WHERE region_id = ${regionId} AND status = 'open'
      ) words
      WHERE length(w) BETWEEN 3 AND 40
      GROUP BY w`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  });
}
