/** SQL of the public content pages beyond the content store: which version of the job ads is current. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/**
 * A key that moves whenever the region's job ads change (ingestion bumps the generation in the
 * transaction that changes them): the job search reads the changes since it last looked.
 */
export async function jobAdsVersion(db: Kysely<DB>, regionId: string): Promise<string> {
  const row = await db
    .selectFrom('job_ingest_state')
    .select('generation')
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  return `0.${row?.generation ?? 0}`;
}
