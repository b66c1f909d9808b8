/** relocation.tasks.remind (every 15 minutes): one e-mail per case task that is due and not yet reminded. */
import type { TaskDeps } from '../../../platform/module.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { sendTaskReminders } from './service.ts';

export const REMIND_TASK = 'relocation.tasks.remind';

export function registerCaseTasks(queue: TaskQueue, deps: TaskDeps): void {
  const publicOrigin = deps.config.publicUrl.origin;
  queue.define({
    name: REMIND_TASK,
    async run(_payload, { log }) {
      const sent = await sendTaskReminders({ db: deps.database.db, queue }, publicOrigin);
      if (sent > 0) log.info({ sent }, 'case task reminders queued');
    },
  });
  queue.schedule({ name: REMIND_TASK, task: REMIND_TASK, everySeconds: 900 });
}
