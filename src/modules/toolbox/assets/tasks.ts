/**
 * toolbox.assets.expiry (daily, and queued when an asset is withdrawn): downloaders are warned 30
 * days before an asset's last day and told once it has passed or the asset was withdrawn (service.ts
 * runAssetExpiry, safe to run twice). toolbox.downloads.retention (daily): downloads older than 24
 * months are deleted.
 */
import type { TaskDeps } from '../../../platform/module.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { EXPIRY_TASK, RETENTION_TASK, runAssetExpiry, runDownloadRetention } from './service.ts';

export function registerAssetTasks(queue: TaskQueue, deps: TaskDeps): void {
  const now = () => (deps.clock ? deps.clock() : new Date());
  queue.define({
    name: EXPIRY_TASK,
    async run(_payload, { log }) {
      const done = await runAssetExpiry(
        { db: deps.database.db, queue, origin: deps.config.publicUrl.origin },
        now(),
      );
      if (done.warned > 0 || done.notified > 0) log.info(done, 'toolbox asset expiry mails queued');
    },
  });
  queue.schedule({ name: EXPIRY_TASK, task: EXPIRY_TASK, everySeconds: 86_400 });
  queue.define({
    name: RETENTION_TASK,
    async run(_payload, { log }) {
      const deleted = await runDownloadRetention(deps.database.db, now());
      if (deleted > 0) log.info({ deleted }, 'toolbox downloads deleted after their retention');
    },
  });
  queue.schedule({ name: RETENTION_TASK, task: RETENTION_TASK, everySeconds: 86_400 });
}
