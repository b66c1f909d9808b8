/**
 * `content.schedule`, every minute: notes scheduled items that have gone live (an audit event),
 * swaps in a new version of a live item approved for a minute that has come (content_published
 * holds one version, so visitors see the old one until this run, then the new one: never none, never
 * both), and takes down items whose unpublish time has passed (a story's consent end among them).
 * A new item's visibility does not wait for it: content_published.visible_from/until are exact by
 * time. Safe to run twice or in parallel.
 */
import type { Kysely } from 'kysely';
import { SYSTEM_ACTOR, recordAudit } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { getItem, getVersion, publish, unpublish } from '../store.ts';
import { dueDown, dueLive, dueSwap, setWentLive, type DueItem } from './repository.ts';
import { itemName, stamp } from './service.ts';

export const SCHEDULE_TASK = 'content.schedule';

async function nameOf(trx: Kysely<DB>, due: DueItem): Promise<{ name: string; version: number | null }> {
  const item = await getItem(trx, due.regionId, due.id);
  const version =
    item && item.publishedVersion
      ? await getVersion(trx, due.regionId, item, item.publishedVersion)
      : undefined;
  return { name: itemName(version?.data, due.slug), version: item?.publishedVersion ?? null };
}

/** Swaps the item's scheduled version in for the live one (due and locked by dueSwap). */
/** The schedule's audit line for an item, by the system. */
function scheduleAudit(
  trx: Kysely<DB>,
  due: DueItem,
  action: 'content.went_live' | 'content.taken_down',
  data: Parameters<typeof recordAudit>[1]['data'],
): Promise<void> {
  return recordAudit(trx, {
    regionId: due.regionId,
    actor: SYSTEM_ACTOR,
    action,
    subjectType: 'content',
    subjectId: due.id,
    data,
  });
}

async function swapIn(trx: Kysely<DB>, due: DueItem, now: Date): Promise<boolean> {
  const item = await getItem(trx, due.regionId, due.id);
  if (!item?.scheduled || item.publishedVersion === null) return false;
  const { version, at, until } = item.scheduled;
  const data = await getVersion(trx, due.regionId, item, version);
  await publish(trx, {
    regionId: due.regionId,
    itemId: item.id,
    version,
    visibleFrom: at,
    visibleUntil: until,
    swap: true,
  });
  await setWentLive(trx, due.regionId, item.id, now);
  await scheduleAudit(trx, due, 'content.went_live', {
    kind: item.kind,
    name: itemName(data?.data, item.slug),
    version,
    replaced: item.publishedVersion,
    at: stamp(at),
  });
  return true;
}

/**
 * One pass of the schedule at `now`; returns how many items went live (a new version swapped in
 * among them) and came down.
 */
export async function runSchedule(db: Kysely<DB>, now = new Date()): Promise<{ live: number; down: number }> {
  return db.transaction().execute(async (trx) => {
    let swapped = 0;
    for (const due of await dueSwap(trx, now)) if (await swapIn(trx, due, now)) swapped += 1;
    const live = await dueLive(trx);
    for (const due of live) {
      const { name, version } = await nameOf(trx, due);
      await setWentLive(trx, due.regionId, due.id, now);
      await scheduleAudit(trx, due, 'content.went_live', {
        kind: due.kind,
        name,
        version,
        at: due.publishAt ? stamp(due.publishAt) : null,
      });
    }
    const down = await dueDown(trx);
    for (const due of down) {
      const { name, version } = await nameOf(trx, due);
      await unpublish(trx, due.regionId, due.id);
      await scheduleAudit(trx, due, 'content.taken_down', {
        kind: due.kind,
        name,
        version,
        consent: due.kind === 'story',
      });
    }
    return { live: live.length + swapped, down: down.length };
  });
}

export function registerEditorialTasks(queue: TaskQueue, db: Kysely<DB>): void {
  queue.define({
    name: SCHEDULE_TASK,
    async run(_payload, { log }) {
      const done = await runSchedule(db);
      if (done.live || done.down) log.info(done, 'content schedule');
    },
  });
  queue.schedule({ name: `${SCHEDULE_TASK}.minutely`, task: SCHEDULE_TASK, everySeconds: 60 });
}
