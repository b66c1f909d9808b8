/**
 * The event pages in sitemap.xml: the calendar and every published event (cancelled ones are
 * left out), both languages. The events module has no state of its own, so the database is the
 * one the routes were registered with (the last app built in this process).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { SitemapEntry } from '../../../platform/html/layout.ts';
import type { LotsaModule } from '../../../platform/module.ts';
import { eventPath, PATHS } from '../model.ts';
import { sitemapEvents } from './repository.ts';

const BOTH = ['sv', 'en'] as const;

let database: Kysely<DB> | undefined;

export function setSitemapDatabase(db: Kysely<DB>): void {
  database = db;
}

async function entriesOf(regionId: string): Promise<SitemapEntry[]> {
  const events = database ? await sitemapEvents(database, regionId) : [];
  return [
    { path: PATHS.events, languages: BOTH },
    ...events.map((e) => ({ path: eventPath(e.slug), languages: BOTH, lastModified: e.updatedAt })),
  ];
}

export const eventsSitemap: NonNullable<LotsaModule['sitemap']> = {
  version: () => String(Math.floor(Date.now() / 60_000)),
  count: async (region) => (await entriesOf(region.id)).length,
  async *entries(region, _state, offset, limit) {
    yield* (await entriesOf(region.id)).slice(offset, offset + limit);
  },
};
