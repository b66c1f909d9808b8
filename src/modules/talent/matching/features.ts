/**
 * What the matching reads from a job ad, computed once per version of the ad and kept in
 * talent_job_features: the skills JobTech lists (must_have and nice_to_have) plus the taxonomy's
 * skill labels found in the headline and description, the languages it requires, and whether it
 * asks for experience (JobTech says only yes or no: 12 months stands for yes).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { skillsInText, type SkillLexicon } from './skills.ts';

export const MAX_JOB_SKILLS = 60;
export const MAX_JOB_LANGUAGES = 20;
export const EXPERIENCE_ASKED_MONTHS = 12;

export interface JobFeatures {
  skills: string[];
  languages: string[];
  experienceMonths: number;
}

/** The parts of an ad the features come from (raw's must_have and nice_to_have, read in SQL). */
export interface FeatureSource {
  headline: string;
  description: string;
  mustHave: unknown;
  niceToHave: unknown;
  experienceRequired: unknown;
}

function conceptIds(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const item of list) {
    const id = (item as { concept_id?: unknown } | null)?.concept_id;
    if (typeof id === 'string' && id.length <= 40) out.push(id);
  }
  return out;
}

function part(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

export function computeFeatures(source: FeatureSource, lexicon?: SkillLexicon): JobFeatures {
  const skills = new Set([
    ...conceptIds(part(source.mustHave, 'skills')),
    ...conceptIds(part(source.niceToHave, 'skills')),
  ]);
  for (const id of skillsInText(`${source.headline}\n${source.description}`, lexicon)) skills.add(id);
  const languages = [...new Set(conceptIds(part(source.mustHave, 'languages')))];
  const asked =
    source.experienceRequired === true || conceptIds(part(source.mustHave, 'work_experiences')).length > 0;
  return {
    skills: [...skills].slice(0, MAX_JOB_SKILLS),
    languages: languages.slice(0, MAX_JOB_LANGUAGES),
    experienceMonths: asked ? EXPERIENCE_ASKED_MONTHS : 0,
  };
}

/** The columns of job_ads a feature computation and a match read, in one select. */
export function jobSourceQuery(db: Kysely<DB>, regionId: string) {
  return db
    .selectFrom('job_ads')
    .select([
      'id',
      'status',
      'headline',
      'description_text',
      'occupation_id',
      'occupation_group_id',
      'occupation_field_id',
      'municipality_code',
      'remote',
      'published_at',
      'change_seq',
      sql<unknown>`raw->'must_have'`.as('must_have'),
      sql<unknown>`raw->'nice_to_have'`.as('nice_to_have'),
      sql<unknown>`raw->'experience_required'`.as('experience_required'),
    ])
    .where('region_id', '=', regionId);
}

export type JobSourceRow = Awaited<ReturnType<ReturnType<typeof jobSourceQuery>['execute']>>[number];

export function featuresOfRow(row: JobSourceRow, lexicon?: SkillLexicon): JobFeatures {
  return computeFeatures(
    {
      headline: row.headline,
      description: row.description_text,
      mustHave: row.must_have,
      niceToHave: row.nice_to_have,
      experienceRequired: row.experience_required,
    },
    lexicon,
  );
}

/** Stores the features of these ads (one statement per 1,000). */
export async function storeFeatures(
  db: Kysely<DB>,
  regionId: string,
  rows: ReadonlyArray<{ row: JobSourceRow; features: JobFeatures }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const slice = rows.slice(i, i + 1000);
    await db
      .insertInto('talent_job_features')
      .values(
        slice.map(({ row, features }) => ({
          region_id: regionId,
          job_id: row.id,
          occupation_id: row.occupation_id,
          occupation_group_id: row.occupation_group_id,
          occupation_field_id: row.occupation_field_id,
          municipality_code: row.municipality_code,
          remote: row.remote,
          published_at: row.published_at,
          skills: features.skills,
          languages: features.languages,
          experience_months: features.experienceMonths,
          computed_seq: row.change_seq,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['region_id', 'job_id']).doUpdateSet((eb) => ({
          occupation_id: eb.ref('excluded.occupation_id'),
          occupation_group_id: eb.ref('excluded.occupation_group_id'),
          occupation_field_id: eb.ref('excluded.occupation_field_id'),
          municipality_code: eb.ref('excluded.municipality_code'),
          remote: eb.ref('excluded.remote'),
          published_at: eb.ref('excluded.published_at'),
          skills: eb.ref('excluded.skills'),
          languages: eb.ref('excluded.languages'),
          experience_months: eb.ref('excluded.experience_months'),
          computed_seq: eb.ref('excluded.computed_seq'),
        })),
      )
      .execute();
  }
}
