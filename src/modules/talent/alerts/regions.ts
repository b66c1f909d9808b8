/** The region of an own-page section (which has its id only), from the regions module's store. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Region } from '../../../platform/region.ts';
import { loadRegions } from '../../regions/repository.ts';

export async function findRegion(db: Kysely<DB>, regionId: string): Promise<Region | undefined> {
  return (await loadRegions(db)).find((r) => r.id === regionId);
}
