/**
 * The JobTech taxonomy Lotsa ships (data/*.csv, see data/SOURCES.md): occupation fields, SSYK-4
 * groups, occupation names, skills, län and kommuner, and the small enumerations ads refer to.
 * `importTaxonomy` upserts it into `taxonomy_concepts` on every seed and writes only what changed;
 * `loadTaxonomy` reads it back as an in-memory lookup for pages and filters.
 */
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Lang } from '../../platform/i18n/index.ts';

export const CONCEPT_TYPES = [
  'occupation-field',
  'ssyk-level-4',
  'occupation-name',
  'skill',
  'region',
  'municipality',
  'employment-type',
  'worktime-extent',
  'salary-type',
  'employment-duration',
  'driving-licence',
  'language',
] as const;
export type ConceptType = (typeof CONCEPT_TYPES)[number];

/** One row of `taxonomy_concepts`. */
export interface TaxonomyConcept {
  concept_id: string;
  type: ConceptType;
  label: string;
  label_en: string | null;
  code: string | null;
  parent_id: string | null;
  deprecated: boolean;
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * Parses RFC 4180 CSV: fields separated by commas, optionally in double quotes; inside quotes a
 * doubled quote is a quote and commas and line breaks are data. Lines end in LF or CRLF; a leading
 * byte-order mark and a final line break are ignored. Returns every record as an array of fields.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  /** Whether the current record has begun (so that a lone `""` at the end is a record). */
  let started = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy the run of ordinary characters up to the next quote in one step.
      const next = text.indexOf('"', i);
      const end = next < 0 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    started = true;
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      started = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('CSV: a quoted field is not closed');
  if (started) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV with a header line into one object per record, keyed by the header's names. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((row, index) => {
    if (row.length !== header.length)
      throw new Error(`CSV line ${index + 2}: ${row.length} fields, the header has ${header.length}`);
    const record: Record<string, string> = {};
    header.forEach((name, i) => (record[name] = row[i] as string));
    return record;
  });
}

const DATA_DIR = new URL('./data/', import.meta.url);

/** Reads one of the shipped CSV files in data/. */
export function readDataCsv(name: string): Record<string, string>[] {
  return parseCsvRecords(readFileSync(new URL(name, DATA_DIR), 'utf8'));
}

// ---------------------------------------------------------------------------------------------
// English labels (ours) and the concepts the sample ads do not show

/** English names of the 21 occupation fields, written for Lotsa. */
export const FIELD_LABELS_EN: Readonly<Record<string, string>> = {
  X82t_awd_Qyc: 'Administration, finance and law',
  j7Cq_ZJe_GkT: 'Building and construction',
  apaJ_2ja_LuF: 'IT and computing',
  Uuf1_GMh_Uvw: 'Beauty and personal care',
  RPTn_bxG_ExZ: 'Sales, purchasing and marketing',
  PaxQ_o1G_wWH: 'Crafts and trades',
  ScKy_FHB_7wT: 'Hotels, restaurants and catering',
  NYW6_mP6_vwf: 'Health and medical care',
  wTEr_CBC_bqh: 'Industrial manufacturing',
  yhCP_AqT_tns: 'Installation, operation and maintenance',
  '9puE_nYg_crq': 'Culture, media and design',
  whao_Q6A_ScE: 'Cleaning and waste management',
  VuuL_7CH_adj: 'Farming, forestry, gardening and animal care',
  kJeN_wmw_9wX: 'Natural sciences',
  MVqp_eS8_kDZ: 'Education and childcare',
  GazW_2TU_kJw: 'Social work and care',
  E7hm_BLq_fqZ: 'Security and guarding',
  '6Hq3_tKo_V57': 'Engineering and technology',
  ASGV_zcE_bWf: 'Transport, distribution and warehousing',
  bh3H_Y3h_5eD: 'Managers and executives',
  bH5L_uXD_ZAX: 'Military',
};

/** English names of the enumeration concepts, written for Lotsa. */
export const ENUM_LABELS_EN: Readonly<Record<string, string>> = {
  // employment-type
  PFZr_Syz_cUq: 'Regular employment (permanent or fixed-term)',
  '1paU_aCR_nGn': 'On-call employment',
  kpPX_CNN_gDU: 'Permanent employment (including any probationary period)',
  sTu5_NBQ_udq: 'Fixed-term employment',
  gro4_cWF_6D7: 'Temporary cover for an absent employee',
  EBhX_Qm2_8eX: 'Seasonal employment',
  Jh8f_q9J_pbJ: 'Summer or holiday job',
  '9Wuo_2Yb_36E': 'Work abroad',
  // worktime-extent
  '6YE1_gAC_R2G': 'Full-time',
  '947z_JGS_Uk2': 'Part-time',
  // salary-type
  oG8G_9cW_nRf: 'Fixed monthly, weekly or hourly pay',
  asrX_9Df_ukn: 'Fixed and variable pay',
  vVtj_qm6_GQu: 'Variable pay (piece rate or commission)',
  // employment-duration
  a7uU_j21_mkL: 'Until further notice',
  qQUd_4qe_NDT: '6 months or longer',
  Xj7x_7yZ_jEn: '3 to 6 months',
  Sy9J_aRd_ALx: '11 days to 3 months',
  // driving-licence
  VTK8_WRx_GcM: 'B (car)',
  // language
  zSLA_vw2_FXN: 'Swedish',
  NVxJ_hLg_TYS: 'English',
};

/**
 * Employment types JobTech introduced to replace "Vanlig anställning" and friends; not in the
 * September 2025 sample ads. The ids and labels agree across three independent public client code
 * bases (see data/SOURCES.md); the labels are refreshed from the Taxonomy API when that exists.
 */
const NEWER_EMPLOYMENT_TYPES: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'kpPX_CNN_gDU', label: 'Tillsvidareanställning (inkl. eventuell provanställning)' },
  { id: 'sTu5_NBQ_udq', label: 'Tidsbegränsad anställning' },
  { id: 'gro4_cWF_6D7', label: 'Vikariat' },
  { id: 'EBhX_Qm2_8eX', label: 'Säsongsanställning' },
  { id: 'Jh8f_q9J_pbJ', label: 'Sommarjobb / feriejobb' },
  { id: '9Wuo_2Yb_36E', label: 'Arbete utomlands' },
];

/** The ad field of ad-enum-values-observed.csv → the concept type. */
const ENUM_FIELD_TYPES: Readonly<Record<string, ConceptType>> = {
  employment_type: 'employment-type',
  working_hours_type: 'worktime-extent',
  salary_type: 'salary-type',
  duration: 'employment-duration',
  driving_license: 'driving-licence',
  'must_have.languages': 'language',
  'nice_to_have.languages': 'language',
};

// ---------------------------------------------------------------------------------------------
// The concepts

let cached: TaxonomyConcept[] | undefined;

/** Every concept Lotsa ships, sorted by concept id (about 11,400). Read once, then cached. */
export function shippedConcepts(): TaxonomyConcept[] {
  if (cached) return cached;
  const byId = new Map<string, TaxonomyConcept>();
  const add = (concept: TaxonomyConcept) => {
    const existing = byId.get(concept.concept_id);
    if (existing && existing.type !== concept.type)
      throw new Error(`Concept ${concept.concept_id} is both ${existing.type} and ${concept.type}`);
    if (!existing) byId.set(concept.concept_id, concept);
  };
  const concept = (
    type: ConceptType,
    id: string,
    label: string,
    extra: Partial<Pick<TaxonomyConcept, 'label_en' | 'code' | 'parent_id' | 'deprecated'>> = {},
  ): TaxonomyConcept => ({
    concept_id: id,
    type,
    label,
    label_en: extra.label_en ?? null,
    code: extra.code || null,
    parent_id: extra.parent_id || null,
    deprecated: extra.deprecated ?? false,
  });

  for (const r of readDataCsv('occupation-fields.csv'))
    add(concept('occupation-field', r.concept_id!, r.label!, { label_en: FIELD_LABELS_EN[r.concept_id!] }));
  for (const r of readDataCsv('occupation-groups-ssyk4.csv'))
    add(
      concept('ssyk-level-4', r.concept_id!, r.label!, {
        code: r.ssyk_code_2012,
        parent_id: r.occupation_field_concept_id,
      }),
    );
  for (const r of readDataCsv('occupation-names.csv'))
    add(
      concept('occupation-name', r.concept_id!, r.label!, {
        parent_id: r.occupation_group_concept_id,
        deprecated: r.in_2025_export !== 'true',
      }),
    );
  for (const r of readDataCsv('skills.csv')) add(concept('skill', r.concept_id!, r.label!));
  for (const r of readDataCsv('geo-regions-municipalities.csv')) {
    const type = r.type === 'region' ? 'region' : 'municipality';
    add(concept(type, r.concept_id!, r.label!, { code: r.scb_code, parent_id: r.region_concept_id }));
  }
  for (const r of readDataCsv('ad-enum-values-observed.csv')) {
    const type = ENUM_FIELD_TYPES[r.field!];
    if (!type || !r.concept_id || !r.label) continue;
    add(concept(type, r.concept_id, r.label, { label_en: ENUM_LABELS_EN[r.concept_id] }));
  }
  for (const { id, label } of NEWER_EMPLOYMENT_TYPES)
    add(concept('employment-type', id, label, { label_en: ENUM_LABELS_EN[id] }));

  cached = [...byId.values()].sort((a, b) => (a.concept_id < b.concept_id ? -1 : 1));
  return cached;
}

function sameConcept(a: TaxonomyConcept, b: TaxonomyConcept): boolean {
  return (
    a.type === b.type &&
    a.label === b.label &&
    a.label_en === b.label_en &&
    a.code === b.code &&
    a.parent_id === b.parent_id &&
    a.deprecated === b.deprecated
  );
}

const BATCH = 1000;

/**
 * Upserts every shipped concept into `taxonomy_concepts` and returns how many rows it wrote. Rows
 * that already hold the same values are not written, so running it on every start costs one read.
 * Concepts in the table that Lotsa does not ship (for instance from a later Taxonomy refresh) are
 * left alone.
 */
export async function importTaxonomy(db: Kysely<DB>): Promise<number> {
  const shipped = shippedConcepts();
  const stored = await db
    .selectFrom('taxonomy_concepts')
    .select(['concept_id', 'type', 'label', 'label_en', 'code', 'parent_id', 'deprecated'])
    .execute();
  const current = new Map(stored.map((row) => [row.concept_id, row as TaxonomyConcept]));
  const changed = shipped.filter((c) => {
    const row = current.get(c.concept_id);
    return !row || !sameConcept(row, c);
  });
  for (let i = 0; i < changed.length; i += BATCH) {
    await db
      .insertInto('taxonomy_concepts')
      .values(changed.slice(i, i + BATCH))
      .onConflict((oc) =>
        oc.column('concept_id').doUpdateSet((eb) => ({
          type: eb.ref('excluded.type'),
          label: eb.ref('excluded.label'),
          label_en: eb.ref('excluded.label_en'),
          code: eb.ref('excluded.code'),
          parent_id: eb.ref('excluded.parent_id'),
          deprecated: eb.ref('excluded.deprecated'),
        })),
      )
      .execute();
  }
  return changed.length;
}

// ---------------------------------------------------------------------------------------------
// The lookup pages use

export interface TaxonomyEntry {
  id: string;
  type: ConceptType;
  label: string;
  labelEn: string | null;
  code: string | null;
  parentId: string | null;
}

export interface Taxonomy {
  /** The concept's label in `lang` (English falls back to Swedish); undefined for unknown ids. */
  label(conceptId: string, lang: Lang): string | undefined;
  get(conceptId: string): TaxonomyEntry | undefined;
  /** The 21 occupation fields, by Swedish label. */
  fields: TaxonomyEntry[];
  /** The SSYK-4 groups of an occupation field, by Swedish label. */
  groupsOfField(fieldId: string): TaxonomyEntry[];
  /** Concepts of one type, by Swedish label (for example 'employment-type' or 'worktime-extent'). */
  ofType(type: ConceptType): TaxonomyEntry[];
}

const collator = new Intl.Collator('sv');
const byLabel = (a: TaxonomyEntry, b: TaxonomyEntry) => collator.compare(a.label, b.label);

/**
 * Reads the taxonomy (without the 6,600 skills and the 4,000 occupation names, which ads carry
 * with their labels) into an in-memory lookup.
 */
export async function loadTaxonomy(db: Kysely<DB>): Promise<Taxonomy> {
  const rows = await db
    .selectFrom('taxonomy_concepts')
    .select(['concept_id', 'type', 'label', 'label_en', 'code', 'parent_id'])
    .where('type', 'not in', ['skill', 'occupation-name'])
    .execute();
  const byId = new Map<string, TaxonomyEntry>();
  const byType = new Map<ConceptType, TaxonomyEntry[]>();
  const children = new Map<string, TaxonomyEntry[]>();
  for (const r of rows) {
    const entry: TaxonomyEntry = {
      id: r.concept_id,
      type: r.type as ConceptType,
      label: r.label,
      labelEn: r.label_en,
      code: r.code,
      parentId: r.parent_id,
    };
    byId.set(entry.id, entry);
    const list = byType.get(entry.type) ?? [];
    list.push(entry);
    byType.set(entry.type, list);
    if (entry.type === 'ssyk-level-4' && entry.parentId) {
      const siblings = children.get(entry.parentId) ?? [];
      siblings.push(entry);
      children.set(entry.parentId, siblings);
    }
  }
  for (const list of byType.values()) list.sort(byLabel);
  for (const list of children.values()) list.sort(byLabel);
  return {
    label(conceptId, lang) {
      const entry = byId.get(conceptId);
      if (!entry) return undefined;
      return lang === 'en' ? (entry.labelEn ?? entry.label) : entry.label;
    },
    get: (conceptId) => byId.get(conceptId),
    fields: byType.get('occupation-field') ?? [],
    groupsOfField: (fieldId) => children.get(fieldId) ?? [],
    ofType: (type) => byType.get(type) ?? [],
  };
}
