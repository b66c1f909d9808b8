/**
 * SQL for the companies' pages (companies, company_versions). Every read and write names the
 * region. Writes take the caller's transaction: the service holds the rules (who may edit, what
 * waits for review) and the audit; this file only stores. Saving is guarded by the version the
 * editor started from (optimistic locking): the second of two people saving at once gets
 * `conflict` and nothing of theirs is lost (the form is shown again with what they typed).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CompaniesTable, DB } from '../../platform/db/schema.ts';
import { isCompanyData, type CompanyData, type CompanyStatus } from './model.ts';

export interface Company {
  id: string;
  slug: string;
  orgNumber: string;
  organisationId: string | null;
  name: string;
  status: CompanyStatus;
  version: number;
  publishedVersion: number | null;
  reviewVersion: number | null;
  publishedAt: Date | null;
  featured: boolean;
  demo: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface CompanyVersion {
  version: number;
  data: CompanyData;
  authorId: string | null;
  savedAt: Date;
  note: string;
}

/** A published company as visitors see it. */
export interface PublishedCompany {
  company: Company;
  data: CompanyData;
}

export class StoredCompanyError extends Error {}

function toCompany(row: Selectable<CompaniesTable>): Company {
  return {
    id: row.id,
    slug: row.slug,
    orgNumber: row.org_number,
    organisationId: row.organisation_id,
    name: row.name,
    status: row.status as CompanyStatus,
    version: row.version,
    publishedVersion: row.published_version,
    reviewVersion: row.review_version,
    publishedAt: row.published_at,
    featured: row.featured,
    demo: row.demo,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toData(value: unknown, what: string): CompanyData {
  if (!isCompanyData(value)) throw new StoredCompanyError(`${what} is not a company page`);
  return value;
}

export interface NewCompany {
  regionId: string;
  slug: string;
  orgNumber: string;
  organisationId: string | null;
  data: CompanyData;
  authorId: string | null;
  demo?: boolean;
  note?: string;
}

export type InsertResult = { ok: true; company: Company } | { ok: false; clash: 'slug' | 'org_number' };

/** A new page in draft with its first version; refused when the slug or the number is taken. */
export async function insertCompany(trx: Kysely<DB>, c: NewCompany): Promise<InsertResult> {
  const taken = await trx
    .selectFrom('companies')
    .select(['slug', 'org_number'])
    .where('region_id', '=', c.regionId)
    .where((eb) => eb.or([eb('slug', '=', c.slug), eb('org_number', '=', c.orgNumber)]))
    .executeTakeFirst();
  if (taken) return { ok: false, clash: taken.org_number === c.orgNumber ? 'org_number' : 'slug' };
  const row = await trx
    .insertInto('companies')
    .values({
      region_id: c.regionId,
      slug: c.slug,
      org_number: c.orgNumber,
      organisation_id: c.organisationId,
      name: c.data.name,
      demo: c.demo ?? false,
      created_by: c.authorId,
      updated_by: c.authorId,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) return { ok: false, clash: 'slug' };
  await trx
    .insertInto('company_versions')
    .values({
      region_id: c.regionId,
      company_id: row.id,
      version: 1,
      data: JSON.stringify(c.data),
      author_id: c.authorId,
      note: c.note ?? '',
    })
    .execute();
  return { ok: true, company: toCompany(row) };
}

export interface SaveCompanyVersion {
  regionId: string;
  companyId: string;
  /** The version the form was made from. */
  baseVersion: number;
  data: CompanyData;
  authorId: string | null;
  note?: string;
}

export type SaveResult =
  { ok: true; version: number } | { ok: false; conflict: number } | { ok: false; missing: true };

/**
 * Saves a new version when the page is still at `baseVersion`; otherwise tells the version it is
 * at now (someone else saved meanwhile) and stores nothing.
 */
export async function saveCompanyVersion(trx: Kysely<DB>, save: SaveCompanyVersion): Promise<SaveResult> {
  const updated = await trx
    .updateTable('companies')
    .set({ version: sql`version + 1`, updated_by: save.authorId, updated_at: sql`now()` })
    .where('region_id', '=', save.regionId)
    .where('id', '=', save.companyId)
    .where('version', '=', save.baseVersion)
    .returning('version')
    .executeTakeFirst();
  if (!updated) {
    const now = await trx
      .selectFrom('companies')
      .select('version')
      .where('region_id', '=', save.regionId)
      .where('id', '=', save.companyId)
      .executeTakeFirst();
    return now ? { ok: false, conflict: now.version } : { ok: false, missing: true };
  }
  await trx
    .insertInto('company_versions')
    .values({
      region_id: save.regionId,
      company_id: save.companyId,
      version: updated.version,
      data: JSON.stringify(save.data),
      author_id: save.authorId,
      note: save.note ?? '',
    })
    .execute();
  return { ok: true, version: updated.version };
}

/** Sets what visitors see (and the list's name) to `version`; clears a review it settles. */
export async function publishCompanyVersion(
  trx: Kysely<DB>,
  regionId: string,
  companyId: string,
  version: number,
  name: string,
): Promise<void> {
  await trx
    .updateTable('companies')
    .set({
      status: 'published',
      published_version: version,
      published_at: sql`coalesce(published_at, now())`,
      review_version: sql<
        number | null
      >`CASE WHEN review_version <= ${version} THEN NULL ELSE review_version END`,
      name,
      updated_at: sql`now()`,
    })
    .where('region_id', '=', regionId)
    .where('id', '=', companyId)
    .execute();
}

/** Marks `version` as waiting for the region's review (the published one stays visible). */
export async function requestCompanyReview(
  trx: Kysely<DB>,
  regionId: string,
  companyId: string,
  version: number,
): Promise<void> {
  await trx
    .updateTable('companies')
    .set({
      review_version: version,
      status: sql<string>`CASE WHEN status = 'published' THEN 'published' ELSE 'review' END`,
      updated_at: sql`now()`,
    })
    .where('region_id', '=', regionId)
    .where('id', '=', companyId)
    .execute();
}

/** The page whose column has this value (each is unique within the region). */
async function companyWhere(
  db: Kysely<DB>,
  regionId: string,
  column: 'id' | 'organisation_id' | 'org_number',
  value: string,
): Promise<Company | undefined> {
  const row = await db
    .selectFrom('companies')
    .selectAll()
    .where('region_id', '=', regionId)
    .where(column, '=', value)
    .executeTakeFirst();
  return row && toCompany(row);
}

export function getCompany(
  db: Kysely<DB>,
  regionId: string,
  companyId: string,
): Promise<Company | undefined> {
  return companyWhere(db, regionId, 'id', companyId);
}

/** The page an organisation edits, if it has claimed or created one. */
export function companyOfOrganisation(
  db: Kysely<DB>,
  regionId: string,
  organisationId: string,
): Promise<Company | undefined> {
  return companyWhere(db, regionId, 'organisation_id', organisationId);
}

export function companyByOrgNumber(
  db: Kysely<DB>,
  regionId: string,
  orgNumber: string,
): Promise<Company | undefined> {
  return companyWhere(db, regionId, 'org_number', orgNumber);
}

/** One version of a page (the latest when `version` is omitted). */
export async function getCompanyVersion(
  db: Kysely<DB>,
  regionId: string,
  company: Pick<Company, 'id' | 'version'>,
  version = company.version,
): Promise<CompanyVersion | undefined> {
  const row = await db
    .selectFrom('company_versions')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('company_id', '=', company.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    version: row.version,
    data: toData(row.data, `company ${company.id} v${row.version}`),
    authorId: row.author_id,
    savedAt: row.saved_at,
    note: row.note,
  };
}

/** The region's published pages joined with the version visitors see. */
function publishedRows(db: Kysely<DB>, regionId: string) {
  return db
    .selectFrom('companies as c')
    .innerJoin('company_versions as v', (j) =>
      j
        .onRef('v.region_id', '=', 'c.region_id')
        .onRef('v.company_id', '=', 'c.id')
        .onRef('v.version', '=', 'c.published_version'),
    )
    .selectAll('c')
    .select('v.data')
    .where('c.region_id', '=', regionId)
    .where('c.status', '=', 'published');
}

/** A published company by its slug, with the version visitors see. */
export async function publishedCompanyBySlug(
  db: Kysely<DB>,
  regionId: string,
  slug: string,
): Promise<PublishedCompany | undefined> {
  const row = await publishedRows(db, regionId).where('c.slug', '=', slug).executeTakeFirst();
  if (!row) return undefined;
  return { company: toCompany(row), data: toData(row.data, `company ${row.id}`) };
}

/** Every published company of the region, by name, with the version visitors see (bounded). */
export async function publishedCompanies(
  db: Kysely<DB>,
  regionId: string,
  limit = 2_000,
): Promise<PublishedCompany[]> {
  const rows = await publishedRows(db, regionId).orderBy('c.name').limit(limit).execute();
  return rows.map((row) => ({ company: toCompany(row), data: toData(row.data, `company ${row.id}`) }));
}

/** The page's row, locked for the rest of the transaction (a workflow step reads and changes it). */
export async function lockCompany(
  trx: Kysely<DB>,
  regionId: string,
  companyId: string,
): Promise<Company | undefined> {
  const row = await trx
    .selectFrom('companies')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('id', '=', companyId)
    .forUpdate()
    .executeTakeFirst();
  return row && toCompany(row);
}

/** Gives an unclaimed page to an organisation; false when someone has claimed it already. */
export async function claimCompany(
  trx: Kysely<DB>,
  regionId: string,
  companyId: string,
  organisationId: string,
  accountId: string | null,
): Promise<boolean> {
  const result = await trx
    .updateTable('companies')
    .set({ organisation_id: organisationId, updated_by: accountId, updated_at: sql`now()` })
    .where('region_id', '=', regionId)
    .where('id', '=', companyId)
    .where('organisation_id', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Drops the version waiting for review (sent back): a published page stays, else it is a draft again. */
export async function returnCompanyReview(
  trx: Kysely<DB>,
  regionId: string,
  companyId: string,
): Promise<void> {
  await trx
    .updateTable('companies')
    .set({
      review_version: null,
      status: sql<string>`CASE WHEN status = 'published' THEN 'published' ELSE 'draft' END`,
      updated_at: sql`now()`,
    })
    .where('region_id', '=', regionId)
    .where('id', '=', companyId)
    .execute();
}

/** Takes the page off the site (its versions stay; publishing again takes a review). */
export async function unpublishCompany(trx: Kysely<DB>, regionId: string, companyId: string): Promise<void> {
  await trx
    .updateTable('companies')
    .set({ status: 'unpublished', review_version: null, featured: false, updated_at: sql`now()` })
    .where('region_id', '=', regionId)
    .where('id', '=', companyId)
    .execute();
}

/** Features the page on the home page and its municipalities' pages, or stops featuring it. */
export async function setCompanyFeatured(
  trx: Kysely<DB>,
  regionId: string,
  companyId: string,
  featured: boolean,
): Promise<void> {
  await trx
    .updateTable('companies')
    .set({ featured, updated_at: sql`now()` })
    .where('region_id', '=', regionId)
    .where('id', '=', companyId)
    .execute();
}
