/**
 * events.offers (every minute): offers past their deadline expire and their seats go to the next;
 * free seats with people waiting (the organiser raised the capacity) are offered.
 * events.reminders (every 15 minutes): the day-before reminder, once per registration.
 */
import type { TaskDeps } from '../../../platform/module.ts';
import { loadSecret } from '../../../platform/secret.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { runOffers, sendReminders } from './service.ts';

export const OFFERS_TASK = 'events.offers';
export const REMINDERS_TASK = 'events.reminders';

export function registerRegistrationTasks(queue: TaskQueue, deps: TaskDeps): void {
  const serviceDeps = () => ({
    db: deps.database.db,
    queue,
    secret: loadSecret(deps.config.secret, deps.config.dataDir),
    origin: deps.config.publicUrl.origin,
  });
  queue.define({
    name: OFFERS_TASK,
    async run(_payload, { log }) {
      const done = await runOffers(serviceDeps());
      if (done.expired > 0 || done.offered > 0) log.info(done, 'event waiting-list offers');
    },
  });
  queue.schedule({ name: OFFERS_TASK, task: OFFERS_TASK, everySeconds: 60 });
  queue.define({
    name: REMINDERS_TASK,
    async run(_payload, { log }) {
      const sent = await sendReminders(serviceDeps());
      if (sent > 0) log.info({ sent }, 'event reminders queued');
    },
  });
  queue.schedule({ name: REMINDERS_TASK, task: REMINDERS_TASK, everySeconds: 900 });
}
