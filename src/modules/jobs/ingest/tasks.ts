/**
 * Background tasks of the job board: the JobStream window every 5 minutes, the snapshot every night
 * (it also closes ads that vanished without a removal), and the local expiry sweep. They are always
 * defined (so an operator can queue one by hand); the two that call JobTech are only scheduled when
 * JOBTECH_INGEST=true, so tests and the demo never call the real service. The expiry sweep is local
 * and always scheduled, so the demo board closes its ads on time too. The two downloads run in the
 * queue's `long` lane: a snapshot of 100,000 ads takes minutes and must not hold up sign-in e-mails.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../../../platform/config.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { loadRegions } from '../../regions/repository.ts';
import { scopeForRegion, type IngestScope } from './apply.ts';
import { JobStreamClient } from './client.ts';
import { expireAds, runSnapshot, runStream, type RunOptions } from './run.ts';

export const INGEST_TASKS = {
  stream: 'jobs.ingest.stream',
  snapshot: 'jobs.ingest.snapshot',
  expire: 'jobs.expire',
} as const;

const SNAPSHOT_SCHEDULE = 'jobs.ingest.snapshot.nightly';

export const INGEST_SCHEDULES = [
  { name: 'jobs.ingest.stream.5min', task: INGEST_TASKS.stream, everySeconds: 300 },
  { name: SNAPSHOT_SCHEDULE, task: INGEST_TASKS.snapshot, everySeconds: 86_400 },
  { name: 'jobs.expire.15min', task: INGEST_TASKS.expire, everySeconds: 900 },
] as const;

/** Payload of the ingest tasks: one region, or (absent) every region with a JobTech concept id. */
export interface IngestPayload {
  regionId?: string;
}

/** The ingest scopes of `regionId`, or of every region that has a JobTech concept id. */
export async function ingestScopes(db: Kysely<DB>, regionId?: string): Promise<IngestScope[]> {
  const regions = await loadRegions(db);
  if (regionId) {
    const region = regions.find((r) => r.id === regionId);
    if (!region) throw new Error(`unknown region "${regionId}"`);
    const scope = scopeForRegion(region);
    if (!scope) throw new Error(`region "${regionId}" has no JobTech concept id`);
    return [scope];
  }
  return regions.map(scopeForRegion).filter((s): s is IngestScope => s !== null);
}

export function clientFromConfig(
  config: Pick<Config, 'jobtechStreamUrl' | 'jobtechApiKey'>,
  logger?: Logger,
): JobStreamClient {
  return new JobStreamClient({ baseUrl: config.jobtechStreamUrl, apiKey: config.jobtechApiKey, logger });
}

export function registerJobBoardTasks(
  queue: TaskQueue,
  database: Database,
  config: Config,
  options: { client?: JobStreamClient; run?: RunOptions } = {},
): void {
  const { db } = database;
  const clientFor = (log: Logger) => options.client ?? clientFromConfig(config, log);

  queue.define<IngestPayload>({
    name: INGEST_TASKS.stream,
    lane: 'long',
    maxAttempts: 3,
    async run(payload, { log }) {
      const client = clientFor(log);
      const failures: string[] = [];
      for (const scope of await ingestScopes(db, payload?.regionId)) {
        const result = await runStream(db, scope, client, { logger: log, ...options.run });
        if (result.ok) continue;
        if (result.needsSnapshot) {
          // No usable cursor: a snapshot sets one. Queue one for all regions instead of failing every
          // 5 minutes; the key is the nightly schedule's, so a snapshot already waiting is not doubled.
          log.warn(
            { regionId: scope.regionId, err: result.error },
            'stream needs a snapshot; snapshot queued',
          );
          await queue.enqueue(INGEST_TASKS.snapshot, {}, { dedupeKey: `schedule:${SNAPSHOT_SCHEDULE}` });
          continue;
        }
        failures.push(`${scope.regionId}: ${result.error}`);
      }
      if (failures.length) throw new Error(failures.join('; '));
    },
  });

  queue.define<IngestPayload>({
    name: INGEST_TASKS.snapshot,
    lane: 'long',
    maxAttempts: 3,
    async run(payload, { log }) {
      const scopes = await ingestScopes(db, payload?.regionId);
      if (scopes.length === 0) return;
      const results = await runSnapshot(db, scopes, clientFor(log), {
        logger: log,
        maxClosePercent: config.jobtechSnapshotMaxClosePercent,
        ...options.run,
      });
      // A refused snapshot is recorded and logged; trying it again soon would only download it again.
      const failures = results.filter((r) => !r.ok && !r.refused).map((r) => `${r.regionId}: ${r.error}`);
      if (failures.length) throw new Error(failures.join('; '));
    },
  });

  queue.define<IngestPayload>({
    name: INGEST_TASKS.expire,
    async run(payload, { log }) {
      await expireAds(db, { regionId: payload?.regionId, logger: log });
    },
  });

  for (const schedule of INGEST_SCHEDULES) {
    if (config.jobtechIngest || schedule.task === INGEST_TASKS.expire) queue.schedule({ ...schedule });
  }
}
