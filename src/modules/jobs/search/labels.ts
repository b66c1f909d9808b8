/** Taxonomy labels for the board's filters, and the values each filter accepts in a region. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import type { QueryVocabulary } from '../query.ts';

/** Taxonomy labels for what the board filters on, from `taxonomy_concepts`. */
export interface ConceptLabels {
  label(conceptId: string, lang: Lang): { text: string; lang: Lang } | undefined;
  byType(type: string): string[];
}

const LABEL_TYPES = [
  'occupation-field',
  'ssyk-level-4',
  'employment-type',
  'worktime-extent',
  'salary-type',
  'employment-duration',
];

const labelsCache = new WeakMap<Kysely<DB>, Promise<ConceptLabels>>();

/** Loaded once per process: the taxonomy changes only when the app is seeded. */
export function conceptLabels(db: Kysely<DB>): Promise<ConceptLabels> {
  const cached = labelsCache.get(db);
  if (cached) return cached;
  const loading = (async (): Promise<ConceptLabels> => {
    const rows = await db
      .selectFrom('taxonomy_concepts')
      .select(['concept_id', 'type', 'label', 'label_en'])
      .where('type', 'in', LABEL_TYPES)
      .execute();
    const byId = new Map(rows.map((r) => [r.concept_id, r]));
    const types = new Map<string, string[]>();
    for (const r of rows) {
      const list = types.get(r.type) ?? [];
      list.push(r.concept_id);
      types.set(r.type, list);
    }
    return {
      label(conceptId: string, lang: Lang) {
        const row = byId.get(conceptId);
        if (!row) return undefined;
        if (lang === 'en' && row.label_en) return { text: row.label_en, lang: 'en' as const };
        return { text: row.label, lang: 'sv' as const };
      },
      byType: (type: string) => types.get(type) ?? [],
    };
  })().catch((error: unknown) => {
    labelsCache.delete(db);
    throw error;
  });
  labelsCache.set(db, loading);
  return loading;
}

const vocabularies = new WeakMap<Region, { labels: ConceptLabels; vocabulary: QueryVocabulary }>();

/**
 * The values each filter accepts in this region: its municipalities and the taxonomy's concepts.
 * Built once per region object (the directory replaces it when the region changes), not per request.
 */
export async function queryVocabulary(db: Kysely<DB>, region: Region): Promise<QueryVocabulary> {
  const labels = await conceptLabels(db);
  const known = vocabularies.get(region);
  if (known?.labels === labels) return known.vocabulary;
  const vocabulary: QueryVocabulary = {
    municipalities: new Set(region.municipalities.map((m) => m.code)),
    occupationFields: new Set(labels.byType('occupation-field')),
    occupationGroups: new Set(labels.byType('ssyk-level-4')),
    employmentTypes: new Set(labels.byType('employment-type')),
    worktimes: new Set(labels.byType('worktime-extent')),
  };
  vocabularies.set(region, { labels, vocabulary });
  return vocabulary;
}
