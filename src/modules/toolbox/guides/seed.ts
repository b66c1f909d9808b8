/**
 * Base seed (every install, demo or not): the three guides of content.ts for every region, inserted
 * only where the region has no guide of that slug — an editor's changes, or a guide they
 * unpublished, are never overwritten. Safe on every start.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { BASE_GUIDES } from './content.ts';

/** Inserts the missing base guides; returns how many were inserted. */
export async function seedGuides(db: Kysely<DB>): Promise<number> {
  const regions = await db.selectFrom('regions').select('id').execute();
  let inserted = 0;
  for (const region of regions) {
    for (const guide of BASE_GUIDES) {
      const result = await db
        .insertInto('toolbox_guides')
        .values({
          region_id: region.id,
          slug: guide.slug,
          position: guide.position,
          published: true,
          data: JSON.stringify(guide.data),
        })
        .onConflict((oc) => oc.columns(['region_id', 'slug']).doNothing())
        .returning('slug')
        .executeTakeFirst();
      if (result) inserted += 1;
    }
  }
  return inserted;
}
