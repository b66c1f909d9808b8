/**
 * The content pages in sitemap.xml: the lists (/move, guides, stories, paths, places), the six
 * paths, and every item visitors can see now (places, guides, stories), in both languages.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { SitemapEntry, SitemapSource } from '../../../platform/html/layout.ts';
import { TARGET_GROUPS } from '../model.ts';
import { countPublished, publishedForSitemap } from '../store.ts';
import { itemPath } from './common.ts';

const BOTH = ['sv', 'en'] as const;

/** Pages that are there whatever the editors have published. */
export const FIXED_PAGES: readonly string[] = [
  '/move',
  '/guides',
  '/stories',
  '/paths',
  '/places',
  ...TARGET_GROUPS.map((g) => `/paths/${g}`),
];

export function contentSitemap(db: Kysely<DB>): SitemapSource {
  return {
    // Publishing is to the minute (a scheduled minute too): what is cached is kept a minute at most.
    version: () => String(Math.floor(Date.now() / 60_000)),
    count: async (region) => FIXED_PAGES.length + (await countPublished(db, region.id, 'sv', {})),
    async *entries(region, offset, limit): AsyncGenerator<SitemapEntry> {
      let left = limit;
      for (const path of FIXED_PAGES.slice(offset, offset + limit)) {
        yield { path, languages: BOTH };
        left -= 1;
      }
      if (left <= 0) return;
      const from = Math.max(0, offset - FIXED_PAGES.length);
      for (const row of await publishedForSitemap(db, region.id, from, left)) {
        // Paths are listed above (each group has its page whether or not it is published).
        if (row.kind === 'path') continue;
        yield { path: itemPath(row.kind, row.slug), languages: BOTH, lastModified: row.publishedAt };
      }
    },
  };
}
