/**
 * Wakes the incremental matching when the job board's ads change: ingestion and the employers' own
 * ads send `NOTIFY lotsa_jobs` in the transaction that changed rows (jobs/changes.ts); this queues
 * talent.match at once (one waiting at a time) instead of waiting for its minute.
 */
import type { Logger } from 'pino';
import { ChannelListener } from '../../../platform/db/listen.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { JOBS_CHANNEL } from '../../jobs/changes.ts';
import { MATCH_TASK } from './incremental.ts';

export async function startMatchingWake(
  database: Database,
  queue: TaskQueue,
  logger: Logger,
): Promise<ChannelListener> {
  const listener = new ChannelListener(database.pool, {
    channel: JOBS_CHANNEL,
    onNotify: () => {
      queue.enqueue(MATCH_TASK, {}, { dedupeKey: MATCH_TASK }).catch((error: unknown) => {
        logger.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'talent.match not queued',
        );
      });
    },
    // The minute's schedule stays: nothing is lost while the listener reconnects.
    onLost: () => undefined,
  });
  await listener.start();
  return listener;
}
