/**
 * The demo seed of the region's digital home: with `demo` on, every demo item (demo.ts) is
 * inserted as a published item of each region of Dalarna's county. It is
 * safe on every start: an item whose slug already exists for its kind is skipped, so an editor's
 * change — or an editor's own item of that slug — is never overwritten. A story is visible until
 * its consent ends (unpublish_at).
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../platform/db/schema.ts';
import { loadRegions } from '../regions/repository.ts';
import { loadDemoContent, type DemoRecord } from './demo.ts';
import { insertItem, publish } from './store.ts';
import { stockholmInstant } from '../../platform/i18n/stockholm.ts';

/** The demo is written for Dalarna (county 20): other regions get none of it. */
export const DEMO_COUNTY = '20';

export interface DemoSeedResult {
  regionId: string;
  inserted: number;
  skipped: number;
}

/** When a demo item stops being visible: a story at the start of the day its consent ends. */
export function demoVisibleUntil(record: DemoRecord): Date | null {
  const ends = record.data.story?.consent.endsOn;
  return ends ? stockholmInstant(ends) : null;
}

/** Inserts and publishes the demo items one region lacks; returns what it did per region. */
export async function seedDemoContent(
  db: Kysely<DB>,
  options: { demo: boolean; logger?: Logger; now?: Date },
): Promise<DemoSeedResult[]> {
  if (!options.demo) return [];
  const results: DemoSeedResult[] = [];
  for (const region of await loadRegions(db)) {
    if (region.countyCode !== DEMO_COUNTY) continue;
    const records = loadDemoContent(region.municipalities);
    const result: DemoSeedResult = { regionId: region.id, inserted: 0, skipped: 0 };
    for (const record of records) {
      const done = await db.transaction().execute(async (trx) => {
        const item = await insertItem(trx, {
          regionId: region.id,
          kind: record.kind,
          slug: record.slug,
          municipalityCode: record.municipalityCode,
          data: record.data,
          authorId: null,
          demo: true,
          note: 'Demo',
        });
        if (!item) return false;
        await publish(trx, {
          regionId: region.id,
          itemId: item.id,
          version: item.version,
          visibleFrom: options.now ?? new Date(),
          visibleUntil: demoVisibleUntil(record),
        });
        return true;
      });
      if (done) result.inserted++;
      else result.skipped++;
    }
    options.logger?.info(result, 'demo content seeded');
    results.push(result);
  }
  return results;
}
