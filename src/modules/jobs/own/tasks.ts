/**
 * `jobs.own.expire`, every minute: closes employers' own ads whose last day to apply is over
 * (closed_reason 'expired', with an audit event each), so that their pages answer 410 like a
 * mirrored ad's after its expiry. Safe to run twice or in parallel.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { expireOwnAds } from './service.ts';

export const OWN_EXPIRE_TASK = 'jobs.own.expire';

export function registerOwnJobTasks(queue: TaskQueue, db: Kysely<DB>): void {
  queue.define({
    name: OWN_EXPIRE_TASK,
    async run(_payload, { log }) {
      const closed = await expireOwnAds(db);
      for (const [regionId, count] of closed) log.info({ regionId, closed: count }, 'own job ads expired');
    },
  });
  queue.schedule({ name: `${OWN_EXPIRE_TASK}.minutely`, task: OWN_EXPIRE_TASK, everySeconds: 60 });
}
