/** Housekeeping tasks of the platform itself. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { RateLimiter } from '../http/rate-limit.ts';
import type { TaskQueue } from './queue.ts';

export function registerMaintenanceTasks(queue: TaskQueue, db: Kysely<DB>, limiter: RateLimiter): void {
  queue.define({
    name: 'platform.sweep',
    async run(_payload, { log }) {
      const jobs = await db
        .deleteFrom('jobs')
        .where('state', 'in', ['done', 'failed'])
        .where('finished_at', '<', sql<Date>`now() - interval '14 days'`)
        .executeTakeFirst();
      const limits = await limiter.sweep();
      // The outbox is a delivery queue, not an archive: rows go a month after they were written.
      const mail = await db
        .deleteFrom('mail_outbox')
        .where('state', 'in', ['sent', 'failed'])
        .where('created_at', '<', sql<Date>`now() - interval '30 days'`)
        .executeTakeFirst();
      log.info(
        { jobs: Number(jobs.numDeletedRows), rateLimitWindows: limits, mail: Number(mail.numDeletedRows) },
        'swept',
      );
    },
  });
  queue.schedule({ name: 'platform.sweep.hourly', task: 'platform.sweep', everySeconds: 3600 });
}
