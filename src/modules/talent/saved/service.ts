/** Saved jobs (stars): save, remove, the own page's list, the person's data. Each change audited. */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { accountActor, recordAudit } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';

/** Saves an existing ad of the region (again is fine); false when there is no such ad. */
export async function saveJob(
  db: Kysely<DB>,
  regionId: string,
  accountId: string,
  jobId: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const ad = await trx
      .selectFrom('job_ads')
      .select('id')
      .where('region_id', '=', regionId)
      .where('id', '=', jobId)
      .executeTakeFirst();
    if (!ad) return false;
    const row = await trx
      .insertInto('saved_jobs')
      .values({ region_id: regionId, account_id: accountId, job_id: jobId })
      .onConflict((oc) => oc.columns(['region_id', 'account_id', 'job_id']).doNothing())
      .returning('job_id')
      .executeTakeFirst();
    if (row)
      await recordAudit(trx, {
        regionId,
        actor: accountActor(accountId),
        action: 'talent.saved_job.added',
        subjectType: 'job_ad',
        subjectId: jobId,
      });
    return true;
  });
}

export async function removeSavedJob(db: Kysely<DB>, regionId: string, accountId: string, jobId: string) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('saved_jobs')
      .where('region_id', '=', regionId)
      .where('account_id', '=', accountId)
      .where('job_id', '=', jobId)
      .returning('job_id')
      .executeTakeFirst();
    if (row)
      await recordAudit(trx, {
        regionId,
        actor: accountActor(accountId),
        action: 'talent.saved_job.removed',
        subjectType: 'job_ad',
        subjectId: jobId,
      });
  });
}

export interface SavedJob {
  jobId: string;
  headline: string;
  employerName: string;
  municipalityCode: string | null;
  savedAt: Date;
  closedAt: Date | null;
}

/** The person's saved jobs, newest first; marks a closed one as seen closed. */
export async function savedJobs(db: Kysely<DB>, regionId: string, accountId: string): Promise<SavedJob[]> {
  const rows = await db
    .selectFrom('saved_jobs as s')
    .innerJoin('job_ads as j', (join) =>
      join.onRef('j.region_id', '=', 's.region_id').onRef('j.id', '=', 's.job_id'),
    )
    .select([
      's.job_id',
      's.saved_at',
      's.closed_seen_at',
      'j.headline',
      'j.employer_name',
      'j.municipality_code',
      'j.status',
    ])
    .select(
      sql<Date | null>`CASE WHEN j.status = 'closed' THEN coalesce(j.closed_at, j.updated_at) END`.as(
        'closed_at',
      ),
    )
    .where('s.region_id', '=', regionId)
    .where('s.account_id', '=', accountId)
    .orderBy('s.saved_at', 'desc')
    .orderBy('s.job_id')
    .execute();
  const unseen = rows.filter((r) => r.closed_at && !r.closed_seen_at).map((r) => r.job_id);
  if (unseen.length)
    await db
      .updateTable('saved_jobs')
      .set({ closed_seen_at: sql<Date>`now()` })
      .where('region_id', '=', regionId)
      .where('account_id', '=', accountId)
      .where('job_id', 'in', unseen)
      .execute();
  return rows.map((r) => ({
    jobId: r.job_id,
    headline: r.headline,
    employerName: r.employer_name,
    municipalityCode: r.municipality_code,
    savedAt: r.saved_at,
    closedAt: r.closed_at,
  }));
}

export async function exportSavedJobs(db: Kysely<DB>, regionId: string, accountId: string) {
  const rows = await db
    .selectFrom('saved_jobs')
    .select(['job_id', 'saved_at', 'closed_seen_at'])
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .orderBy('saved_at')
    .execute();
  return rows.map((r) => ({ jobId: r.job_id, savedAt: r.saved_at, closedSeenAt: r.closed_seen_at }));
}

export async function eraseSavedJobs(db: Kysely<DB>, regionId: string, accountId: string) {
  await db
    .deleteFrom('saved_jobs')
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .execute();
}
