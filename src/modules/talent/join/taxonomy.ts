/**
 * The JobTech taxonomy as the talent pool reads it: search concepts of a type by label (folded,
 * case-insensitive, bounded), look chosen ids up (unknown ones are reported, never stored) and the
 * parent chain occupation-name → ssyk-level-4 → occupation-field for matching.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { englishGroupPrefixMatch, englishOccupationMatch } from '../../jobs/english-titles.ts';

export const CONCEPT_KINDS = ['occupation-name', 'skill', 'language'] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];

/** Most matches a search returns, and the longest query taken. */
export const SEARCH_LIMIT = 20;
export const QUERY_MAX = 100;

export interface Concept {
  id: string;
  label: string;
}

/** Lower case, accents kept (å ä ö are letters of their own in Swedish). */
export function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
}

const labelIn = (lang: Lang) => (lang === 'en' ? sql<string>`coalesce(label_en, label)` : sql<string>`label`);

/**
 * Concepts of `type` whose label (the English one where present, for English) holds `q`: those
 * starting with it first, then shorter labels; at most `limit`.
 */
/** The SSYK-4 groups an English text refers to, best first: whole titles, else parts of words. */
function englishGroups(words: string[]): string[] {
  const whole = englishOccupationMatch(words).groups;
  const found = whole.size > 0 ? whole : englishGroupPrefixMatch(words);
  return [...found]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([id]) => id);
}

export async function searchConcepts(
  db: Kysely<DB>,
  type: ConceptKind,
  q: string,
  lang: Lang,
  limit = SEARCH_LIMIT,
): Promise<Concept[]> {
  const folded = fold(q).slice(0, QUERY_MAX);
  if (!folded) return [];
  const escaped = folded.replace(/[\\%_]/g, (c) => `\\${c}`);
  const label = labelIn(lang);
  // Occupation names have Swedish labels only: an English title ("nurse") finds the names of the
  // SSYK-4 groups it refers to, the best-fitting groups first.
  // Part of a word ("software", "engin") finds the groups whose English title has a word starting so.
  const groups = lang === 'en' && type === 'occupation-name' ? englishGroups(folded.split(' ')) : [];
  const inGroups = groups.length ? sql<boolean>`parent_id IN (${sql.join(groups)})` : sql<boolean>`false`;
  const rows = await db
    .selectFrom('taxonomy_concepts')
    .select(['concept_id', label.as('label')])
    .where('type', '=', type)
    .where('deprecated', '=', false)
    .where(
      sql<boolean>`(lower(${label}) LIKE ${`%${escaped}%`} OR lower(label) LIKE ${`%${escaped}%`} OR ${inGroups})`,
    )
    .orderBy(sql`lower(${label}) LIKE ${`${escaped}%`}`, 'desc')
    .$if(groups.length > 0, (qb) => qb.orderBy(sql`array_position(${groups}::text[], parent_id)`))
    .orderBy(sql`length(${label})`)
    .orderBy('concept_id')
    .limit(Math.min(Math.max(limit, 1), SEARCH_LIMIT))
    .execute();
  return rows.map((r) => ({ id: r.concept_id, label: r.label }));
}

/** Every concept of a type (short lists only: the languages). */
export async function allConcepts(
  db: Kysely<DB>,
  type: ConceptKind,
  lang: Lang,
  limit = 200,
): Promise<Concept[]> {
  const label = labelIn(lang);
  const rows = await db
    .selectFrom('taxonomy_concepts')
    .select(['concept_id', label.as('label')])
    .where('type', '=', type)
    .where('deprecated', '=', false)
    .orderBy(label)
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.concept_id, label: r.label }));
}

/** The labels of `ids` of `type` that exist, in the order given; unknown ids are left out. */
export async function conceptsById(
  db: Kysely<DB>,
  type: ConceptKind,
  ids: readonly string[],
  lang: Lang,
): Promise<Concept[]> {
  const wanted = [...new Set(ids)].filter((id) => id.length > 0 && id.length <= 40);
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom('taxonomy_concepts')
    .select(['concept_id', labelIn(lang).as('label')])
    .where('type', '=', type)
    .where('concept_id', 'in', wanted)
    .execute();
  const byId = new Map(rows.map((r) => [r.concept_id, r.label]));
  return wanted.flatMap((id) => {
    const label = byId.get(id);
    return label === undefined ? [] : [{ id, label }];
  });
}

/** The SSYK-4 groups and occupation fields above the given occupation names. */
export async function occupationParents(
  db: Kysely<DB>,
  occupationIds: readonly string[],
): Promise<{ groups: string[]; fields: string[] }> {
  if (occupationIds.length === 0) return { groups: [], fields: [] };
  const rows = await db
    .selectFrom('taxonomy_concepts as o')
    .innerJoin('taxonomy_concepts as g', 'g.concept_id', 'o.parent_id')
    .select(['g.concept_id as group_id', 'g.type as group_type', 'g.parent_id as field_id'])
    .where('o.type', '=', 'occupation-name')
    .where('o.concept_id', 'in', [...occupationIds])
    .execute();
  const groups = new Set<string>();
  const fields = new Set<string>();
  for (const r of rows) {
    if (r.group_type !== 'ssyk-level-4') continue;
    groups.add(r.group_id);
    if (r.field_id) fields.add(r.field_id);
  }
  return { groups: [...groups].sort(), fields: [...fields].sort() };
}
