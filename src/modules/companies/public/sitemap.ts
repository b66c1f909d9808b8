/**
 * The company pages in sitemap.xml: the list and every published company, in both languages (the
 * sitemap writes the hreflang alternates). What is cached of it is kept a minute at most.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { SitemapEntry } from '../../../platform/html/layout.ts';
import type { Region } from '../../../platform/region.ts';
import { COMPANIES_PATH, companyPath } from './directory.ts';
import { publishedSlugs } from './repository.ts';

const BOTH = ['sv', 'en'] as const;

/** What the module's `sitemap` needs: the database, from the module's state. */
export interface SitemapState {
  db: Kysely<DB>;
}

export const companySitemap = {
  version: () => String(Math.floor(Date.now() / 60_000)),
  count: async (region: Region, { db }: SitemapState) => 1 + (await publishedSlugs(db, region.id)).length,
  async *entries(
    region: Region,
    { db }: SitemapState,
    offset: number,
    limit: number,
  ): AsyncGenerator<SitemapEntry> {
    const all: SitemapEntry[] = [
      { path: COMPANIES_PATH, languages: BOTH },
      ...(await publishedSlugs(db, region.id)).map((c) => ({
        path: companyPath(c.slug),
        languages: BOTH,
        lastModified: c.updatedAt,
      })),
    ];
    yield* all.slice(offset, offset + limit);
  },
};
