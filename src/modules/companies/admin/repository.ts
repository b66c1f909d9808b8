/**
 * The back-office's SQL beyond the page's own store (../store.ts): the region's list, the
 * settings, competence needs and their export, the page's visitor numbers, the taxonomy's
 * occupations to pick from, and the comment a page was last sent back with. Every query names the
 * region.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { CompanyStatus } from '../model.ts';

type Db = Kysely<DB>;

export interface ListRow {
  id: string;
  slug: string;
  name: string;
  orgNumber: string;
  organisationId: string | null;
  organisationName: string | null;
  status: CompanyStatus;
  version: number;
  publishedVersion: number | null;
  reviewVersion: number | null;
  featured: boolean;
  demo: boolean;
  updatedAt: Date;
}

export interface ListFilter {
  status?: CompanyStatus;
  /** Only pages waiting for review (a first publication or a change of badges). */
  review?: boolean;
  offset: number;
  limit: number;
}

/** The region's pages: those waiting for review first, then by name; and how many in all. */
export async function listCompanies(
  db: Db,
  regionId: string,
  filter: ListFilter,
): Promise<{ rows: ListRow[]; total: number }> {
  let query = db
    .selectFrom('companies as c')
    .leftJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'c.region_id').onRef('o.id', '=', 'c.organisation_id'),
    )
    .where('c.region_id', '=', regionId);
  if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.review) query = query.where('c.review_version', 'is not', null);
  const [rows, count] = await Promise.all([
    query
      .select([
        'c.id',
        'c.slug',
        'c.name',
        'c.org_number',
        'c.organisation_id',
        'o.name as organisation_name',
        'c.status',
        'c.version',
        'c.published_version',
        'c.review_version',
        'c.featured',
        'c.demo',
        'c.updated_at',
      ])
      .orderBy(sql`c.review_version IS NULL`)
      .orderBy('c.name')
      .orderBy('c.id')
      .offset(filter.offset)
      .limit(filter.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
  ]);
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      orgNumber: r.org_number,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      status: r.status as CompanyStatus,
      version: r.version,
      publishedVersion: r.published_version,
      reviewVersion: r.review_version,
      featured: r.featured,
      demo: r.demo,
      updatedAt: r.updated_at,
    })),
  };
}

/** Whether a slug is taken in the region. */
export async function slugTaken(db: Db, regionId: string, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom('companies')
    .select('id')
    .where('region_id', '=', regionId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row !== undefined;
}

// Settings.

export interface CompanySettings {
  /** A published page's ordinary text edits go live at once (else they wait for review). */
  directTextEdits: boolean;
}

export async function companySettings(db: Db, regionId: string): Promise<CompanySettings> {
  const row = await db
    .selectFrom('company_settings')
    .select('direct_text_edits')
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  return { directTextEdits: row?.direct_text_edits ?? true };
}

export async function saveCompanySettings(
  db: Db,
  regionId: string,
  settings: CompanySettings,
): Promise<void> {
  await db
    .insertInto('company_settings')
    .values({ region_id: regionId, direct_text_edits: settings.directTextEdits })
    .onConflict((oc) =>
      oc.column('region_id').doUpdateSet({
        direct_text_edits: settings.directTextEdits,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

// Occupations (the JobTech taxonomy the job board imports into taxonomy_concepts).

export const OCCUPATION_TYPES = ['occupation-name', 'ssyk-level-4'] as const;

export interface Occupation {
  id: string;
  type: (typeof OCCUPATION_TYPES)[number];
  label: string;
  labelEn: string | null;
  /** SSYK code of a group. */
  code: string | null;
}

function toOccupation(r: {
  concept_id: string;
  type: string;
  label: string;
  label_en: string | null;
  code: string | null;
}): Occupation {
  return {
    id: r.concept_id,
    type: r.type as Occupation['type'],
    label: r.label,
    labelEn: r.label_en,
    code: r.code,
  };
}

/** Occupations (names and SSYK-4 groups, not deprecated) whose label holds `text`; groups and starts first. */
export async function searchOccupations(db: Db, text: string, limit = 25): Promise<Occupation[]> {
  const words = text.trim().slice(0, 100);
  if (!words) return [];
  const pattern = `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const starts = `${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('taxonomy_concepts')
    .select(['concept_id', 'type', 'label', 'label_en', 'code'])
    .where('type', 'in', [...OCCUPATION_TYPES])
    .where('deprecated', '=', false)
    .where((eb) => eb.or([eb('label', 'ilike', pattern), eb('label_en', 'ilike', pattern)]))
    .orderBy(sql`label ILIKE ${starts}`, 'desc')
    .orderBy(sql`type = 'ssyk-level-4'`, 'desc')
    .orderBy(sql`length(label)`)
    .orderBy('label')
    .limit(limit)
    .execute();
  return rows.map(toOccupation);
}

/** The occupations of these ids that the taxonomy has (deprecated ones too: stored pages name them). */
export async function occupationsById(db: Db, ids: readonly string[]): Promise<Map<string, Occupation>> {
  const wanted = [...new Set(ids)].filter((id) => id.length > 0 && id.length <= 40).slice(0, 500);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('taxonomy_concepts')
    .select(['concept_id', 'type', 'label', 'label_en', 'code'])
    .where('type', 'in', [...OCCUPATION_TYPES])
    .where('concept_id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.concept_id, toOccupation(r)]));
}

// Competence needs.

export interface Need {
  occupationId: string;
  people: number;
  updatedAt: Date;
}

export async function companyNeeds(db: Db, regionId: string, companyId: string): Promise<Need[]> {
  const rows = await db
    .selectFrom('company_competence_needs')
    .select(['occupation_id', 'people', 'updated_at'])
    .where('region_id', '=', regionId)
    .where('company_id', '=', companyId)
    .orderBy('people', 'desc')
    .orderBy('occupation_id')
    .execute();
  return rows.map((r) => ({ occupationId: r.occupation_id, people: r.people, updatedAt: r.updated_at }));
}

/**
 * Sets the page's needs to `needs` (rows not named are removed); a row whose number did not change
 * keeps its date. Returns how many rows changed (added, changed or removed).
 */
export async function replaceNeeds(
  trx: Db,
  regionId: string,
  companyId: string,
  needs: readonly { occupationId: string; people: number }[],
): Promise<number> {
  const ids = needs.map((n) => n.occupationId);
  let removed = trx
    .deleteFrom('company_competence_needs')
    .where('region_id', '=', regionId)
    .where('company_id', '=', companyId);
  if (ids.length > 0) removed = removed.where('occupation_id', 'not in', ids);
  const gone = await removed.executeTakeFirst();
  let changed = Number(gone.numDeletedRows);
  for (const need of needs) {
    const row = await trx
      .insertInto('company_competence_needs')
      .values({
        region_id: regionId,
        company_id: companyId,
        occupation_id: need.occupationId,
        people: need.people,
      })
      .onConflict((oc) =>
        oc
          .columns(['region_id', 'company_id', 'occupation_id'])
          .doUpdateSet({ people: need.people, updated_at: sql`now()` })
          .where('company_competence_needs.people', '<>', need.people),
      )
      .returning('occupation_id')
      .executeTakeFirst();
    if (row) changed += 1;
  }
  return changed;
}

export interface NeedExportRow {
  company: string;
  orgNumber: string;
  occupationId: string;
  label: string;
  labelEn: string | null;
  people: number;
  updatedAt: Date;
}

/** Every company's needs for the region's export, by company and occupation (bounded). */
export async function exportNeeds(db: Db, regionId: string, limit = 100_000): Promise<NeedExportRow[]> {
  const rows = await db
    .selectFrom('company_competence_needs as n')
    .innerJoin('companies as c', (j) =>
      j.onRef('c.region_id', '=', 'n.region_id').onRef('c.id', '=', 'n.company_id'),
    )
    .innerJoin('taxonomy_concepts as t', 't.concept_id', 'n.occupation_id')
    .select([
      'c.name',
      'c.org_number',
      'n.occupation_id',
      't.label',
      't.label_en',
      'n.people',
      'n.updated_at',
    ])
    .where('n.region_id', '=', regionId)
    .orderBy('c.name')
    .orderBy('c.id')
    .orderBy('n.people', 'desc')
    .orderBy('n.occupation_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    company: r.name,
    orgNumber: r.org_number,
    occupationId: r.occupation_id,
    label: r.label,
    labelEn: r.label_en,
    people: r.people,
    updatedAt: r.updated_at,
  }));
}

// Visitors.

export interface PageStats {
  last30: { views: number; jobClicks: number };
  total: { views: number; jobClicks: number };
}

/** The page's views and clicks to its jobs: the last 30 days (today included) and since it began. */
export async function pageStats(db: Db, regionId: string, companyId: string): Promise<PageStats> {
  const row = await db
    .selectFrom('company_page_stats')
    .select([
      sql<string>`coalesce(sum(views), 0)`.as('views'),
      sql<string>`coalesce(sum(job_clicks), 0)`.as('clicks'),
      sql<string>`coalesce(sum(views) FILTER (WHERE day > (now() AT TIME ZONE 'Europe/Stockholm')::date - 30), 0)`.as(
        'views30',
      ),
      sql<string>`coalesce(sum(job_clicks) FILTER (WHERE day > (now() AT TIME ZONE 'Europe/Stockholm')::date - 30), 0)`.as(
        'clicks30',
      ),
    ])
    .where('region_id', '=', regionId)
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return {
    last30: { views: Number(row?.views30 ?? 0), jobClicks: Number(row?.clicks30 ?? 0) },
    total: { views: Number(row?.views ?? 0), jobClicks: Number(row?.clicks ?? 0) },
  };
}

// The workflow's history.

/** The comment the page was last sent back with, while no later step has settled it. */
export async function lastReturn(
  db: Db,
  regionId: string,
  companyId: string,
): Promise<{ comment: string; actorId: string | null; at: Date } | undefined> {
  const row = await db
    .selectFrom('audit_events')
    .select(['action', 'data', 'actor_id', 'at'])
    .where('region_id', '=', regionId)
    .where('subject_type', '=', 'company')
    .where('subject_id', '=', companyId)
    .where('action', 'in', [
      'company.returned',
      'company.submitted',
      'company.approved',
      'company.review',
      'company.published',
    ])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row?.action !== 'company.returned') return undefined;
  const data = row.data as Record<string, unknown>;
  if (typeof data.comment !== 'string') return undefined;
  return { comment: data.comment, actorId: row.actor_id, at: row.at };
}

// The media library's "used on".

/**
 * Where a media-library image is used by a company page: pages whose latest or published version
 * shows it as the logo or a photo, for the library's "used on" (and its refusal to delete or
 * rename an image in use). `live` is false when only a version visitors do not see shows it.
 */
export async function companyImageUsage(
  db: Db,
  regionId: string,
  slug: string,
): Promise<{ title: string; href: string; live: boolean }[]> {
  const rows = await db
    .selectFrom('companies as c')
    .innerJoin('company_versions as v', (j) =>
      j.onRef('v.region_id', '=', 'c.region_id').onRef('v.company_id', '=', 'c.id'),
    )
    .select(['c.id', 'c.name', 'c.status', 'c.published_version', 'v.version'])
    .where('c.region_id', '=', regionId)
    .where((eb) =>
      eb.or([eb('v.version', '=', eb.ref('c.version')), eb('v.version', '=', eb.ref('c.published_version'))]),
    )
    .where(sql<boolean>`(v.data ->> 'logo' = ${slug} OR v.data -> 'photos' ? ${slug})`)
    .orderBy('c.name')
    .limit(200)
    .execute();
  const pages = new Map<string, { title: string; href: string; live: boolean }>();
  for (const r of rows) {
    const live = r.status === 'published' && r.version === r.published_version;
    const page = pages.get(r.id) ?? { title: r.name, href: `/admin/companies/${r.id}`, live: false };
    page.live ||= live;
    pages.set(r.id, page);
  }
  return [...pages.values()];
}
