/**
 * events.cancel-mails and events.followup-mails: the mails of a cancellation and of a follow-up,
 * queued MAIL_CHUNK at a time, each run queueing the next chunk — so no request and no task run
 * does work that grows with the number registered.
 */
import type { TaskDeps } from '../../../platform/module.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import {
  CANCEL_MAILS_TASK,
  FOLLOWUP_MAILS_TASK,
  cancelMails,
  followupMails,
  type MailChunk,
} from './service.ts';

export function registerAdminTasks(queue: TaskQueue, deps: TaskDeps): void {
  const serviceDeps = () => ({ db: deps.database.db, queue });
  queue.define<MailChunk>({
    name: CANCEL_MAILS_TASK,
    async run(payload, { log }) {
      const queued = await cancelMails(serviceDeps(), payload);
      if (queued > 0) log.info({ queued, event: payload.eventId }, 'event cancellation mails queued');
    },
  });
  queue.define<MailChunk>({
    name: FOLLOWUP_MAILS_TASK,
    async run(payload, { log }) {
      const queued = await followupMails(serviceDeps(), payload);
      if (queued > 0) log.info({ queued, event: payload.eventId }, 'event follow-up mails queued');
    },
  });
}
