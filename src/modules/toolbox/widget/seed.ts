/**
 * Demo data (only with `demo`): a widget for each employer organisation that has members (the demo
 * employers' HR people find their snippet ready), for every region. Inserted only where the
 * organisation has none, so a saved setting or a new key is never overwritten; at most 50 a region.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { SeedContext } from '../../../platform/module.ts';
import { newWidgetKey } from './form.ts';

export async function seedWidgets(db: Kysely<DB>, { demo }: SeedContext): Promise<number> {
  if (!demo) return 0;
  const organisations = await db
    .selectFrom('organisations as o')
    .select(['o.region_id', 'o.id'])
    .where('o.kind', '=', 'employer')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('memberships as m')
          .select('m.account_id')
          .whereRef('m.region_id', '=', 'o.region_id')
          .whereRef('m.organisation_id', '=', 'o.id'),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('toolbox_widgets as w')
            .select('w.key')
            .whereRef('w.region_id', '=', 'o.region_id')
            .whereRef('w.organisation_id', '=', 'o.id'),
        ),
      ),
    )
    .orderBy('o.region_id')
    .orderBy('o.name')
    .limit(500)
    .execute();
  const perRegion = new Map<string, number>();
  let added = 0;
  for (const organisation of organisations) {
    const count = perRegion.get(organisation.region_id) ?? 0;
    if (count >= 50) continue;
    perRegion.set(organisation.region_id, count + 1);
    const result = await db
      .insertInto('toolbox_widgets')
      .values({ region_id: organisation.region_id, organisation_id: organisation.id, key: newWidgetKey() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}
