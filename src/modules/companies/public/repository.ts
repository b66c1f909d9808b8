/**
 * SQL of the public company pages, beyond what the store reads: the day's views and clicks to jobs
 * (company_page_stats, counted without cookies or anything that tells visitors apart: one row per
 * company and Stockholm day), the competence needs with their occupations' labels, and the labels
 * of the career paths' occupations (taxonomy_concepts, the JobTech taxonomy the job board imports).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/**
 * One more view (or click to a job) of the company's page today (the Stockholm day): one upsert,
 * which a day's first view inserts and every later one adds to.
 */
export async function countPageEvent(
  db: Kysely<DB>,
  regionId: string,
  companyId: string,
  what: 'views' | 'job_clicks',
): Promise<void> {
  const views = what === 'views' ? 1 : 0;
  await sql`INSERT INTO company_page_stats (region_id, company_id, day, views, job_clicks)
    VALUES (${regionId}, ${companyId}, (now() AT TIME ZONE 'Europe/Stockholm')::date, ${views}, ${1 - views})
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
