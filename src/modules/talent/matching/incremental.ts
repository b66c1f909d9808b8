/**
 * Incremental matching: reads the region's job changes since its cursor (job_ads.change_seq,
 * talent_match_state), computes their features, and matches each open job against the active
 * profiles whose owners consent to alerts (by occupation group, through the GIN indexes of 0025),
 * leaving the matches above MATCH_THRESHOLD in talent_match_inbox for the alerts' digest — once per
 * job, account and side (ON CONFLICT DO NOTHING). Features, inbox rows and the cursor move in one
 * transaction, so a run that fails leaves nothing half done.
 *
 * The first run in a region only computes the features of the ads already there and moves the
 * cursor past them: the jobs that were open before matching began are on the own page, not news.
 */
import { ownerConsentsTo } from '../profiles.ts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import type { ExperienceLevel } from '../model.ts';
import { featuresOfRow, jobSourceQuery, storeFeatures, type JobSourceRow } from './features.ts';
import type { Places } from './geo.ts';
import {
  explainBoth,
  mainSide,
  MATCH_THRESHOLD,
  partnerSide,
  scoreMatch,
  type JobForMatching,
} from './score.ts';
import { regionPlaces } from './service.ts';

export const MATCH_BATCH = 500;
/** Batches one run reads at most; the next run goes on. */
export const MAX_BATCHES_PER_RUN = 40;

export interface MatchRunResult {
  jobs: number;
  inboxed: number;
  /** True when this run was the region's first (features only, no inbox rows). */
  initial: boolean;
}

function jobOf(
  row: JobSourceRow,
  f: { skills: string[]; languages: string[]; experienceMonths: number },
): JobForMatching {
  return {
    id: row.id,
    occupationId: row.occupation_id,
    occupationGroupId: row.occupation_group_id,
    occupationFieldId: row.occupation_field_id,
    municipalityCode: row.municipality_code,
    remote: row.remote,
    skills: f.skills,
    languages: f.languages,
    experienceMonths: f.experienceMonths,
  };
}

interface InboxRow {
  region_id: string;
  account_id: string;
  job_id: string;
  side: 'main' | 'partner';
  score: number;
  reasons: string;
}

/** The inbox rows for these open jobs: every consenting active profile they fit. */
export async function matchJobs(
  db: Kysely<DB>,
  regionId: string,
  jobs: readonly JobForMatching[],
  places: Places,
): Promise<InboxRow[]> {
  const byGroup = new Map<string, JobForMatching[]>();
  for (const job of jobs) {
    if (!job.occupationGroupId) continue;
    const list = byGroup.get(job.occupationGroupId) ?? [];
    list.push(job);
    byGroup.set(job.occupationGroupId, list);
  }
  const out: InboxRow[] = [];
  for (const [group, groupJobs] of byGroup) {
    const profiles = await db
      .selectFrom('talent_profiles as p')
      .select([
        'p.account_id',
        'p.occupations',
        'p.occupation_groups',
        'p.occupation_fields',
        'p.skills',
        'p.languages',
        'p.experience',
        'p.municipalities',
        'p.anywhere',
        'p.has_partner',
        'p.partner_occupations',
        'p.partner_occupation_groups',
        'p.partner_occupation_fields',
        'p.partner_skills',
      ])
      .where('p.region_id', '=', regionId)
      .where('p.status', '=', 'active')
      .where((eb) =>
        eb.or([
          eb('p.occupation_groups', '@>', sql<string[]>`ARRAY[${group}]::text[]`),
          eb('p.partner_occupation_groups', '@>', sql<string[]>`ARRAY[${group}]::text[]`),
        ]),
      )
      .where(ownerConsentsTo('alerts'))
      .execute();
    for (const row of profiles) {
      const places_ = { municipalities: row.municipalities, anywhere: row.anywhere };
      const sides = [
        [
          'main',
          mainSide({
            occupations: row.occupations,
            occupationGroups: row.occupation_groups,
            occupationFields: row.occupation_fields,
            skills: row.skills,
            languages: row.languages,
            experience: row.experience as ExperienceLevel,
            ...places_,
          }),
        ],
        [
          'partner',
          partnerSide({
            languages: row.languages,
            ...places_,
            household: {
              hasPartner: row.has_partner,
              partnerOccupations: row.partner_occupations,
              partnerSkills: row.partner_skills,
              partnerOccupationGroups: row.partner_occupation_groups,
              partnerOccupationFields: row.partner_occupation_fields,
            },
          }),
        ],
      ] as const;
      for (const [name, side] of sides) {
        if (!side || !side.occupationGroups.includes(group)) continue;
        for (const job of groupJobs) {
          const match = scoreMatch(side, job, places);
          if (match.score < MATCH_THRESHOLD) continue;
          out.push({
            region_id: regionId,
            account_id: row.account_id,
            job_id: job.id,
            side: name,
            score: match.score,
            reasons: JSON.stringify(explainBoth(match, name === 'partner' ? 'partner' : 'own')),
          });
        }
      }
    }
  }
  return out;
}

/** One batch of the region's changes; returns what it did, or null when there was nothing new. */
export async function matchNextBatch(
  db: Kysely<DB>,
  regionId: string,
  batch = MATCH_BATCH,
): Promise<MatchRunResult | null> {
  const places = await regionPlaces(db, regionId);
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('talent_match_state')
      .values({ region_id: regionId })
      .onConflict((oc) => oc.column('region_id').doNothing())
      .execute();
    const state = await trx
      .selectFrom('talent_match_state')
      .select(['last_change_seq', 'initialised'])
      .where('region_id', '=', regionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const initial = !state.initialised;
    const cursor = state.last_change_seq;
    const rows = await jobSourceQuery(trx, regionId)
      .where('change_seq', '>', cursor)
      .orderBy('change_seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) {
      if (initial)
        await trx
          .updateTable('talent_match_state')
          .set({ initialised: true, updated_at: new Date() })
          .where('region_id', '=', regionId)
          .execute();
      return null;
    }
    const open = rows.filter((r) => r.status === 'open');
    const computed = open.map((r) => ({ row: r, features: featuresOfRow(r) }));
    await storeFeatures(trx, regionId, computed);
    const closed = rows.filter((r) => r.status !== 'open').map((r) => r.id);
    if (closed.length)
      await trx
        .deleteFrom('talent_job_features')
        .where('region_id', '=', regionId)
        .where('job_id', 'in', closed)
        .execute();
    let inboxed = 0;
    if (!initial) {
      const inbox = await matchJobs(
        trx,
        regionId,
        computed.map((c) => jobOf(c.row, c.features)),
        places,
      );
      for (let i = 0; i < inbox.length; i += 5000) {
        const result = await trx
          .insertInto('talent_match_inbox')
          .values(inbox.slice(i, i + 5000))
          .onConflict((oc) => oc.columns(['region_id', 'account_id', 'job_id', 'side']).doNothing())
          .executeTakeFirst();
        inboxed += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
    }
    const last = rows[rows.length - 1] as JobSourceRow;
    // The first run ends when it has read everything there was.
    await trx
      .updateTable('talent_match_state')
      .set({
        last_change_seq: last.change_seq,
        initialised: !initial || rows.length < batch,
        updated_at: new Date(),
      })
      .where('region_id', '=', regionId)
      .execute();
    return { jobs: rows.length, inboxed, initial };
  });
}

/** Every region's changes, a bounded number of batches each. */
export async function runMatching(db: Kysely<DB>, batch = MATCH_BATCH): Promise<MatchRunResult> {
  const regions = await db.selectFrom('regions').select('id').orderBy('id').execute();
  const total: MatchRunResult = { jobs: 0, inboxed: 0, initial: false };
  for (const { id } of regions) {
    for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      const result = await matchNextBatch(db, id, batch);
      if (!result) break;
      total.jobs += result.jobs;
      total.inboxed += result.inboxed;
      total.initial ||= result.initial;
    }
  }
  return total;
}

export const MATCH_TASK = 'talent.match';

export function registerMatchingTasks(queue: TaskQueue, db: Kysely<DB>): void {
  queue.define({
    name: MATCH_TASK,
    async run(_payload, { log }) {
      const result = await runMatching(db);
      if (result.jobs > 0) log.info(result, 'talent matching ran');
    },
  });
  queue.schedule({ name: `${MATCH_TASK}.minutely`, task: MATCH_TASK, everySeconds: 60 });
}
