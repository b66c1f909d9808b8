/**
 * The region's published companies as the public pages list them, and as the job board shows them
 * on job cards and job pages.
 *
 * `listedCompanies` reads every published company (the store's publishedCompanies, bounded) and
 * their open jobs in one grouped query on job_ads; the list filters them in memory.
 *
 * `employerPagesSource` is what the companies module hands the job board (jobs/employers.ts): the
 * published pages by organisationsnummer with their logos, read once and kept for TTL_MS per
 * region. The job board's response cache keys its search pages by the set's version, so a page
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
import { loadImages, logoSource } from './images.ts';

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
  const published = await publishedCompanies(db, regionId);
  const counts = await openJobCounts(
    db,
    regionId,
    published.map((p) => p.company.orgNumber),
  );
  return published.map((p) => toListed(p, counts.get(p.company.orgNumber) ?? 0));
}

/** How long the job board's set of employer pages is kept before it is read again. */
export const TTL_MS = 60_000;

export interface EmployerPagesSourceHandle {
  pages(regionId: string): Promise<EmployerPages>;
  /** Reads the region's set again at the next request (all regions without an argument). */
  forget(regionId?: string): void;
}

async function loadEmployerPages(db: Kysely<DB>, regionId: string): Promise<EmployerPages> {
  const published = await publishedCompanies(db, regionId);
  const logos = await loadImages(
    db,
    regionId,
    published.map((p) => p.data.logo),
  );
  const byNumber = new Map<string, EmployerPage>();
  for (const { company, data } of published) {
    const logo = data.logo ? logos.get(data.logo) : undefined;
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
  return { version, get: (n) => (n ? byNumber.get(n) : undefined) };
}

/**
 * The job board's employer pages, kept per region for `ttlMs`. After that the next request reads
 * them again and waits for it; requests meanwhile share the one read.
 */
export function employerPagesSource(
  db: Kysely<DB>,
  options: { ttlMs?: number; now?: () => number } = {},
): EmployerPagesSourceHandle {
  const ttl = options.ttlMs ?? TTL_MS;
  const now = options.now ?? Date.now;
  const kept = new Map<string, { at: number; pages: Promise<EmployerPages> }>();
  return {
    pages(regionId) {
      const entry = kept.get(regionId);
      if (entry && now() - entry.at < ttl) return entry.pages;
      const pages = loadEmployerPages(db, regionId);
      kept.set(regionId, { at: now(), pages });
      // A failed read is not kept: the next request tries again.
      pages.catch(() => {
        if (kept.get(regionId)?.pages === pages) kept.delete(regionId);
      });
      return pages;
    },
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
