/** Retention for the site's own personal data: feedback reports are kept for two years. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { TaskQueue } from '../../platform/tasks/queue.ts';

export const FEEDBACK_RETENTION_MONTHS = 24;

export function registerSiteTasks(queue: TaskQueue, db: Kysely<DB>): void {
  queue.define({
    name: 'site.feedback.purge',
    async run(_payload, { log }) {
      const result = await db
        .deleteFrom('accessibility_feedback')
        .where('created_at', '<', sql<Date>`now() - make_interval(months => ${FEEDBACK_RETENTION_MONTHS})`)
        .executeTakeFirst();
      log.info({ deleted: Number(result.numDeletedRows) }, 'old feedback deleted');
    },
  });
  queue.schedule({ name: 'site.feedback.purge.daily', task: 'site.feedback.purge', everySeconds: 86_400 });
}
