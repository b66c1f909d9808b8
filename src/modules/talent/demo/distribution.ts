/**
 * The region's real distributions for the profile generator: occupations by how many open ads name
 * them (with their group and field), the skills found in those ads (talent_job_features) per
 * occupation, at most 40 each, and municipalities by their ads.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Distribution, OccupationWeight } from './generate.ts';

export async function regionDistribution(db: Kysely<DB>, regionId: string): Promise<Distribution> {
  const occupations = await db
    .selectFrom('job_ads')
    .select([
      'occupation_id',
      'occupation_group_id',
      'occupation_field_id',
      (eb) => eb.fn.countAll<string>().as('n'),
    ])
    .where('region_id', '=', regionId)
    .where('status', '=', 'open')
    .where('occupation_id', 'is not', null)
    .where('occupation_group_id', 'is not', null)
    .where('occupation_field_id', 'is not', null)
    .groupBy(['occupation_id', 'occupation_group_id', 'occupation_field_id'])
    .execute();
  const skills = await sql<{ occupation_id: string; skill: string; n: string }>`
    SELECT occupation_id, skill, n FROM (
      SELECT j.occupation_id, s.skill, count(*) AS n,
             row_number() OVER (PARTITION BY j.occupation_id ORDER BY count(*) DESC, s.skill) AS rank
      FROM job_ads j
      JOIN talent_job_features f ON f.region_id = j.region_id AND f.job_id = j.id
      CROSS JOIN LATERAL unnest(f.skills) AS s(skill)
      WHERE j.region_id = ${regionId} AND j.status = 'open' AND j.occupation_id IS NOT NULL
      GROUP BY j.occupation_id, s.skill
    ) ranked WHERE rank <= 40`.execute(db);
  const byOccupation = new Map<string, Array<{ id: string; weight: number }>>();
  for (const r of skills.rows) {
    const list = byOccupation.get(r.occupation_id) ?? [];
    list.push({ id: r.skill, weight: Number(r.n) });
    byOccupation.set(r.occupation_id, list);
  }
  const municipalities = await db
    .selectFrom('job_ads')
    .select(['municipality_code', (eb) => eb.fn.countAll<string>().as('n')])
    .where('region_id', '=', regionId)
    .where('status', '=', 'open')
    .where('municipality_code', 'is not', null)
    .groupBy('municipality_code')
    .execute();
  return {
    occupations: occupations
      .map((o): OccupationWeight => ({
        occupationId: o.occupation_id as string,
        groupId: o.occupation_group_id as string,
        fieldId: o.occupation_field_id as string,
        weight: Number(o.n),
        skills: byOccupation.get(o.occupation_id as string) ?? [],
      }))
      .sort((a, b) => (a.occupationId < b.occupationId ? -1 : 1)),
    municipalities: municipalities
      .map((m) => ({ code: m.municipality_code as string, weight: Number(m.n) }))
      .sort((a, b) => (a.code < b.code ? -1 : 1)),
  };
}
