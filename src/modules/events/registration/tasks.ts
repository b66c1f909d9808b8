/**
 * events.offers (every minute): offers past their deadline expire and their seats go to the next;
 * free seats with people waiting (the organiser raised the capacity) are offered; sign-ups moved
 * from the newcomer network (migration 0036) get the hashes of their derived links.
 * events.reminders (every 15 minutes): the day-before reminder, once per registration.
 * events.retention (daily): registrations six months after their event ended, and those ended
 * without a seat (cancelled, declined, expired) 30 days after, are deleted with their check-ins.
 */
import type { TaskDeps } from '../../../platform/module.ts';
import { loadSecret } from '../../../platform/secret.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { runOffers, runRetention, sendReminders } from './service.ts';

export const OFFERS_TASK = 'events.offers';
export const REMINDERS_TASK = 'events.reminders';
export const RETENTION_TASK = 'events.retention';

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
      if (done.expired > 0 || done.offered > 0 || done.rehashed > 0)
        log.info(done, 'event waiting-list offers');
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
  queue.define({
    name: RETENTION_TASK,
    async run(_payload, { log }) {
      const done = await runRetention(deps.database.db);
      if (done.deleted > 0) log.info(done, 'event registrations deleted after their retention');
    },
  });
  queue.schedule({ name: RETENTION_TASK, task: RETENTION_TASK, everySeconds: 86_400 });
}
