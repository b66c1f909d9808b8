/**
 * Housekeeping for joining: sign-ups whose link expired more than a week ago (kept that long so a
 * late click can ask for a new link with what was typed) and partner invitations used or expired
 * more than a week ago are deleted. Safe to run twice.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { sweepSignups } from './service.ts';

export async function sweepPartnerInvites(db: Kysely<DB>): Promise<number> {
  const result = await db
    .deleteFrom('talent_partner_invites')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<', sql<Date>`now() - interval '7 days'`),
        eb('used_at', '<', sql<Date>`now() - interval '7 days'`),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function registerJoinTasks(queue: TaskQueue, db: Kysely<DB>): void {
  queue.define({
    name: 'talent.join.sweep',
    async run(_payload, { log }) {
      const signups = await sweepSignups(db);
      const invites = await sweepPartnerInvites(db);
      log.info({ signups, invites }, 'talent sign-ups swept');
    },
  });
  queue.schedule({ name: 'talent.join.sweep.hourly', task: 'talent.join.sweep', everySeconds: 3600 });
}
