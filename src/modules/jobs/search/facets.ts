/**
 * Facet counts: every facet in one pass over the matching ads, each counted with every filter but its
 * own, and the facets as the search page shows them (labels, selection, order).
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { Lru } from '../cache.ts';
import { PUBLISHED_WITHIN, type JobQuery, type PublishedWithin } from '../query.ts';
import { bounded } from './bounds.ts';
import { since, TRUE, type Condition, type Conditions } from './filters.ts';
import type { ConceptLabels } from './labels.ts';

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  /** Language of the label when it differs from the page's (taxonomy labels are Swedish). */
  lang?: Lang;
}

export interface Facets {
  municipality: FacetOption[];
  occupationField: FacetOption[];
  occupationGroup: FacetOption[];
  employmentType: FacetOption[];
  worktime: FacetOption[];
  remote: FacetOption[];
  published: FacetOption[];
  employer: FacetOption[];
}

/** Facet counts (and the total) per region version, text and filters; least recently used go first. */
export class FacetCache extends Lru<FacetRow[]> {}

/** Published-within buckets move with time: facet counts are reused for at most five minutes. */
export const FACET_TIME_SLOT_MS = 5 * 60_000;

export interface FacetRow {
  facet: string;
  value: string | null;
  label: string | null;
  n: number;
}

const EMPLOYER_FACET_SIZE = 15;

interface GroupedRow {
  g: number;
  mu: string | null;
  fi: string | null;
  gr: string | null;
  et: string | null;
  wt: string | null;
  ek: string | null;
  en: string | null;
  n_all: number;
  n_mu: number;
  n_fi: number;
  n_gr: number;
  n_et: number;
  n_wt: number;
  n_ek: number;
  n_re: number;
  n_p1: number;
  n_p3: number;
  n_p7: number;
  n_p30: number;
}

type GroupedKey = 'mu' | 'fi' | 'gr' | 'et' | 'wt' | 'ek';
type GroupedCount = 'n_mu' | 'n_fi' | 'n_gr' | 'n_et' | 'n_wt' | 'n_ek';

/** GROUPING(mu, fi, gr, et, wt, ek) has one bit per column (mu highest); a set's own column is 0. */
const ALL_ROWS = 0b111111;
const GROUPED_FACETS: Array<{
  grouping: number;
  facet: keyof Conditions;
  value: GroupedKey;
  count: GroupedCount;
}> = [
  { grouping: 0b011111, facet: 'municipality', value: 'mu', count: 'n_mu' },
  { grouping: 0b101111, facet: 'occupationField', value: 'fi', count: 'n_fi' },
  { grouping: 0b110111, facet: 'occupationGroup', value: 'gr', count: 'n_gr' },
  { grouping: 0b111011, facet: 'employmentType', value: 'et', count: 'n_et' },
  { grouping: 0b111101, facet: 'worktime', value: 'wt', count: 'n_wt' },
  { grouping: 0b111110, facet: 'employer', value: 'ek', count: 'n_ek' },
];

/**
 * Every facet in one pass over the matching rows: GROUPING SETS hash each row into one table per
 * facet, and each count leaves out its own facet's filter (so the other options keep their counts).
 */
export async function facetQuery(
  db: Kysely<DB>,
  timeoutMs: number,
  base: Condition,
  c: Conditions,
  query: JobQuery,
  now: Date,
): Promise<{ rows: FacetRow[] }> {
  // Only the filters in use become FILTER clauses; an unfiltered facet is a plain count.
  const columns = [
    ['municipality', 'c_mu'],
    ['occupationField', 'c_fi'],
    ['occupationGroup', 'c_gr'],
    ['employmentType', 'c_et'],
    ['worktime', 'c_wt'],
    ['remote', 'c_re'],
    ['published', 'c_pa'],
    ['employer', 'c_ek'],
  ] as const;
  const active = columns.filter(([k]) => c[k] !== TRUE);
  const count = (extra: RawBuilder<SqlBool> | null, except: keyof Conditions | null) => {
    const parts = active.filter(([k]) => k !== except).map(([, col]) => col);
    const where = [...(extra ? [extra] : []), ...parts.map((p) => sql.raw(p))];
    return where.length
      ? sql`count(*) FILTER (WHERE ${sql.join(where, sql` AND `)})::int`
      : sql`count(*)::int`;
  };
  const bucket = (d: PublishedWithin) =>
    count(sql<SqlBool>`pa >= ${since(d, now)}::timestamptz`, 'published');
  // The planner prices `search @@ q` as cheap and, for a common word, reads the table instead of
  // the text index; that unpacks every ad's vector. The index answers exactly, so insist on it.
  const rows = await bounded(
    db,
    timeoutMs,
    async (trx) =>
      (
        await sql<GroupedRow>`
    WITH f AS (
      SELECT municipality_code AS mu, occupation_field_id AS fi, occupation_group_id AS gr,
             employment_type_id AS et, worktime_extent_id AS wt, remote AS re, published_at AS pa,
             employer_key AS ek, employer_name AS en,
             ${c.municipality} AS c_mu, ${c.occupationField} AS c_fi, ${c.occupationGroup} AS c_gr,
             ${c.employmentType} AS c_et, ${c.worktime} AS c_wt, ${c.remote} AS c_re,
             ${c.published} AS c_pa, ${c.employer} AS c_ek
      FROM job_index WHERE ${base}
    )
    SELECT GROUPING(mu, fi, gr, et, wt, ek)::int AS g, mu, fi, gr, et, wt, ek,
      CASE WHEN GROUPING(ek) = 0 THEN min(en) END AS en,
      ${count(null, null)} AS n_all,
      ${count(null, 'municipality')} AS n_mu,
      ${count(null, 'occupationField')} AS n_fi,
      ${count(null, 'occupationGroup')} AS n_gr,
      ${count(null, 'employmentType')} AS n_et,
      ${count(null, 'worktime')} AS n_wt,
      ${count(null, 'employer')} AS n_ek,
      ${count(sql<SqlBool>`re`, 'remote')} AS n_re,
      ${bucket('1')} AS n_p1, ${bucket('3')} AS n_p3, ${bucket('7')} AS n_p7, ${bucket('30')} AS n_p30
    FROM f
    GROUP BY GROUPING SETS ((mu), (fi), (gr), (et), (wt), (ek), ())`.execute(trx)
      ).rows,
    { enable_seqscan: 'off' },
  );

  const out: FacetRow[] = [];
  const employers: FacetRow[] = [];
  for (const r of rows) {
    if (r.g === ALL_ROWS) {
      out.push({ facet: 'total', value: null, label: null, n: r.n_all });
      out.push({ facet: 'remote', value: 'true', label: null, n: r.n_re });
      for (const [days, n] of [
        ['1', r.n_p1],
        ['3', r.n_p3],
        ['7', r.n_p7],
        ['30', r.n_p30],
      ] as const)
        out.push({ facet: 'published', value: days, label: null, n });
      continue;
    }
    const set = GROUPED_FACETS.find((f) => f.grouping === r.g);
    if (!set) continue;
    const value = r[set.value];
    const n = r[set.count];
    if (set.facet === 'employer') {
      if (n > 0 || (value && query.employer.includes(value)))
        employers.push({ facet: 'employer', value, label: r.en, n });
    } else if (n > 0) out.push({ facet: set.facet, value, label: null, n });
  }
  employers.sort(
    (a, b) =>
      Number(query.employer.includes(b.value as string)) -
        Number(query.employer.includes(a.value as string)) ||
      b.n - a.n ||
      String(a.value).localeCompare(String(b.value)),
  );
  out.push(...employers.slice(0, Math.max(EMPLOYER_FACET_SIZE, query.employer.length)));
  return { rows: out };
}

export function buildFacets(
  rows: FacetRow[],
  query: JobQuery,
  region: Region,
  labels: ConceptLabels,
  lang: Lang,
): Facets {
  const counts = (facet: string) => {
    const map = new Map<string, FacetRow>();
    for (const r of rows) if (r.facet === facet && r.value !== null) map.set(r.value, r);
    return map;
  };
  const collator = new Intl.Collator(lang === 'sv' ? 'sv' : 'en');
  const concept = (facet: keyof Facets, selected: string[]): FacetOption[] => {
    const map = counts(facet);
    const values = new Set([...map.keys(), ...selected]);
    return [...values]
      .map((value) => {
        const label = labels.label(value, lang);
        return {
          value,
          label: label?.text ?? value,
          count: map.get(value)?.n ?? 0,
          selected: selected.includes(value),
          ...(label && label.lang !== lang ? { lang: label.lang } : {}),
        };
      })
      .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
  };
  const municipalities = counts('municipality');
  const published = counts('published');
  const remote = counts('remote').get('true')?.n ?? 0;
  const employer = counts('employer');
  return {
    municipality: region.municipalities
      .map((m) => ({
        value: m.code,
        label: m.shortName,
        count: municipalities.get(m.code)?.n ?? 0,
        selected: query.municipality.includes(m.code),
      }))
      .sort((a, b) => collator.compare(a.label, b.label)),
    occupationField: concept('occupationField', query.occupationField),
    occupationGroup: concept('occupationGroup', query.occupationGroup).slice(
      0,
      Math.max(25, query.occupationGroup.length),
    ),
    employmentType: concept('employmentType', query.employmentType),
    worktime: concept('worktime', query.worktime),
    remote: [{ value: 'true', label: 'remote', count: remote, selected: query.remote }],
    published: PUBLISHED_WITHIN.map((d) => ({
      value: d,
      label: d,
      count: published.get(d)?.n ?? 0,
      selected: query.published === d,
    })),
    employer: [...employer.values()].map((r) => ({
      value: r.value as string,
      label: r.label ?? (r.value as string),
      count: r.n,
      selected: query.employer.includes(r.value as string),
    })),
  };
}
