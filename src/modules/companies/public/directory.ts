/**
 * The region's published companies as the public pages list them, and as the job board shows them
 * on job cards and job pages.
 *
 * The directory reads every published company (the store's publishedCompanies, bounded), their
 * open jobs in one grouped query on job_ads and their logos' and first photos' images, once per
 * TTL_MS per region (employerPagesSource); the list filters it in memory, a company page finds
 * its company in it, and the job board (jobs/employers.ts) gets the published pages by
 * organisationsnummer with their logos. The job board's response cache keys its search pages by the set's version, so a page
 * rendered before a company published (or changed its logo) is not served once the set is read
 * again: job cards catch up within a minute in every process, at once in the process where
 * `forget` is called (the back-office can call `employerPagesChanged` after publishing).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { openJobCounts, type EmployerPage, type EmployerPages } from '../../jobs/employers.ts';
import { sectionOf } from '../sni.ts';
import { publishedCompanies, type PublishedCompany } from '../store.ts';
import type { ListedCompany } from './filters.ts';
import { loadImages, logoSource, type ImageMap } from './images.ts';

export const COMPANIES_PATH = '/companies';
export const companyPath = (slug: string) => `${COMPANIES_PATH}/${encodeURIComponent(slug)}`;

export function toListed(p: PublishedCompany, jobs: number): ListedCompany {
  const { company, data } = p;
  const sections = data.industries.map(sectionOf).filter((s): s is string => s !== undefined);
  return {
    slug: company.slug,
    orgNumber: company.orgNumber,
    name: data.name || company.name,
    summary: data.summary,
    industries: data.industries,
    sections: [...new Set(sections)],
    municipalities: data.municipalities,
    badges: [...new Set(data.badges.map((b) => b.badge))],
    logo: data.logo,
    photo: data.photos[0] ?? null,
    jobs,
    publishedAt: company.publishedAt ?? company.createdAt,
    featured: company.featured,
    demo: company.demo,
  };
}

/** Every published company of the region with its open jobs (sorted by name). */
export async function listedCompanies(db: Kysely<DB>, regionId: string): Promise<ListedCompany[]> {
  return (await companyDirectory(db, regionId)).listed;
}

/** The region's directory: this process's kept one when the routes are registered, else read now. */
export function companyDirectory(db: Kysely<DB>, regionId: string): Promise<CompanyDirectory> {
  return current ? current.directory(regionId) : readDirectory(db, regionId);
}

/**
 * What the public pages and the job board know of a region's published companies, read at once:
 * the pages (by slug), the list's entries with their open jobs, the images of their logos and
 * first photos, and the job board's employer pages by organisationsnummer.
 */
export interface CompanyDirectory {
  /** When it was read: a page changed after this is not in it yet. */
  readAt: Date;
  bySlug: ReadonlyMap<string, PublishedCompany>;
  listed: ListedCompany[];
  /** Logos and first photos of every listed company. */
  images: ImageMap;
  employerPages: EmployerPages;
}

async function readDirectory(db: Kysely<DB>, regionId: string): Promise<CompanyDirectory> {
  const readAt = new Date();
  const published = await publishedCompanies(db, regionId);
  const [counts, images] = await Promise.all([
    openJobCounts(
      db,
      regionId,
      published.map((p) => p.company.orgNumber),
    ),
    loadImages(
      db,
      regionId,
      published.flatMap((p) => [p.data.logo, p.data.photos[0] ?? null]),
    ),
  ]);
  const byNumber = new Map<string, EmployerPage>();
  for (const { company, data } of published) {
    const logo = data.logo ? images.get(data.logo) : undefined;
    byNumber.set(company.orgNumber, {
      path: companyPath(company.slug),
      name: data.name || company.name,
      logo: logo ? logoSource(logo) : null,
    });
  }
  const version = createHash('sha256')
    .update(JSON.stringify([...byNumber]))
    .digest('base64url')
    .slice(0, 12);
  return {
    readAt,
    bySlug: new Map(published.map((p) => [p.company.slug, p])),
    listed: published.map((p) => toListed(p, counts.get(p.company.orgNumber) ?? 0)),
    images,
    employerPages: { version, get: (n) => (n ? byNumber.get(n) : undefined) },
  };
}

/** How long a region's directory is kept before it is read again (open-job counts age this much). */
export const TTL_MS = 60_000;

export interface EmployerPagesSourceHandle {
  /** The region's directory, read at most once per TTL (requests meanwhile share the one read). */
  directory(regionId: string): Promise<CompanyDirectory>;
  pages(regionId: string): Promise<EmployerPages>;
  /** Reads the region's directory again at the next request (all regions without an argument). */
  forget(regionId?: string): void;
}

/**
 * The region's company directory, kept per region for `ttlMs`. After that the next request reads
 * it again and waits for it; requests meanwhile share the one read. The public list and company
 * pages and the job board's employer links all read it, so a list or a page costs no query for
 * the companies themselves.
 */
export function employerPagesSource(
  db: Kysely<DB>,
  options: { ttlMs?: number; now?: () => number } = {},
): EmployerPagesSourceHandle {
  const ttl = options.ttlMs ?? TTL_MS;
  const now = options.now ?? Date.now;
  const kept = new Map<string, { at: number; directory: Promise<CompanyDirectory> }>();
  const directory = (regionId: string): Promise<CompanyDirectory> => {
    const entry = kept.get(regionId);
    if (entry && now() - entry.at < ttl) return entry.directory;
    const read = readDirectory(db, regionId);
    kept.set(regionId, { at: now(), directory: read });
    // A failed read is not kept: the next request tries again.
    read.catch(() => {
      if (kept.get(regionId)?.directory === read) kept.delete(regionId);
    });
    return read;
  };
  return {
    directory,
    pages: async (regionId) => (await directory(regionId)).employerPages,
    forget(regionId) {
      if (regionId === undefined) kept.clear();
      else kept.delete(regionId);
    },
  };
}

let current: EmployerPagesSourceHandle | undefined;

/** The source this process hands the job board (set when the module's routes are registered). */
export function setCurrentEmployerPages(source: EmployerPagesSourceHandle | undefined): void {
  current = source;
}

/** A company was published, changed or taken down: job cards here show it from the next request. */
export function employerPagesChanged(regionId: string): void {
  current?.forget(regionId);
}
