/**
 * SQL of the public company pages, beyond what the store reads: the views and clicks to jobs
 * (company_page_stats, counted without cookies or anything that tells visitors apart: one row per
 * company and Stockholm day, added to in batches by counts.ts), the competence needs with their occupations' labels, and the labels
 * of the career paths' occupations (taxonomy_concepts, the JobTech taxonomy the job board imports).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/** Views and clicks to jobs of one company's page on one day, to be added to what is stored. */
export interface PageCount {
  regionId: string;
  companyId: string;
  /** The Stockholm day, YYYY-MM-DD. */
  day: string;
  views: number;
  jobClicks: number;
}

/**
 * Adds the counts to the days' rows of company_page_stats, in one statement: a day's first count
 * inserts its row, later ones add to it. A company deleted meanwhile is skipped.
 */
export async function addPageCounts(db: Kysely<DB>, counts: readonly PageCount[]): Promise<void> {
  if (counts.length === 0) return;
  const rows = counts.map(
    (c) => sql`(${c.regionId}, ${c.companyId}::uuid, ${c.day}::date, ${c.views}::int, ${c.jobClicks}::int)`,
  );
  await sql`INSERT INTO company_page_stats (region_id, company_id, day, views, job_clicks)
    SELECT v.region_id, v.company_id, v.day, v.views, v.job_clicks
    FROM (VALUES ${sql.join(rows)}) AS v (region_id, company_id, day, views, job_clicks)
    JOIN companies c ON c.region_id = v.region_id AND c.id = v.company_id
    ON CONFLICT (region_id, company_id, day) DO UPDATE
    SET views = company_page_stats.views + EXCLUDED.views,
        job_clicks = company_page_stats.job_clicks + EXCLUDED.job_clicks`.execute(db);
}

/** An occupation's labels from the taxonomy (label_en may be missing). */
export interface OccupationLabel {
  id: string;
  type: string;
  sv: string;
  en: string | null;
  /** The concept above it (an occupation name's SSYK-4 group). */
  parentId: string | null;
}

/** The taxonomy's labels of these occupation concepts (bounded). */
export async function occupationLabels(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, OccupationLabel>> {
  const wanted = [...new Set(ids)].filter((id) => id !== '').slice(0, 200);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('taxonomy_concepts')
    .select(['concept_id', 'type', 'label', 'label_en', 'parent_id'])
    .where('concept_id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [
      r.concept_id,
      { id: r.concept_id, type: r.type, sv: r.label, en: r.label_en, parentId: r.parent_id },
    ]),
  );
}

export interface CompetenceNeed {
  occupation: OccupationLabel;
  people: number;
}

/** What the company expects to recruit in the coming year, the most people first (bounded). */
export async function competenceNeeds(
  db: Kysely<DB>,
  regionId: string,
  companyId: string,
): Promise<CompetenceNeed[]> {
  const rows = await db
    .selectFrom('company_competence_needs as n')
    .innerJoin('taxonomy_concepts as t', 't.concept_id', 'n.occupation_id')
    .select(['n.occupation_id', 'n.people', 't.type', 't.label', 't.label_en', 't.parent_id'])
    .where('n.region_id', '=', regionId)
    .where('n.company_id', '=', companyId)
    .orderBy('n.people', 'desc')
    .orderBy('t.label')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    occupation: {
      id: r.occupation_id,
      type: r.type,
      sv: r.label,
      en: r.label_en,
      parentId: r.parent_id,
    },
    people: r.people,
  }));
}

/** The published companies' slugs for the sitemap, by slug (bounded like the list). */
export async function publishedSlugs(
  db: Kysely<DB>,
  regionId: string,
): Promise<{ slug: string; updatedAt: Date }[]> {
  const rows = await db
    .selectFrom('companies')
    .select(['slug', 'updated_at'])
    .where('region_id', '=', regionId)
    .where('status', '=', 'published')
    .orderBy('slug')
    .limit(2_000)
    .execute();
  return rows.map((r) => ({ slug: r.slug, updatedAt: r.updated_at }));
}
