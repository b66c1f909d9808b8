/** talent.intro.expire (hourly): pending intro requests past their 30 days become expired. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { expireIntros } from './service.ts';

export const INTRO_EXPIRE_TASK = 'talent.intro.expire';

export function registerEmployerTasks(queue: TaskQueue, db: Kysely<DB>): void {
  queue.define({
    name: INTRO_EXPIRE_TASK,
    async run(_payload, { log }) {
      const expired = await expireIntros(db);
      if (expired > 0) log.info({ expired }, 'intro requests expired');
    },
  });
  queue.schedule({ name: `${INTRO_EXPIRE_TASK}.hourly`, task: INTRO_EXPIRE_TASK, everySeconds: 3600 });
}
