/**
 * Housekeeping for identity data: ended sessions, used or expired sign-in tokens and WebAuthn
 * challenges, and invitations that ended long ago are deleted. Safe to run twice.
 */
import { sql, type Kysely } from 'kysely';
import type { SessionStore } from '../../platform/auth/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { TaskQueue } from '../../platform/tasks/queue.ts';

/** How long ended invitations stay visible to the organisation before they are deleted. */
export const INVITATION_RETENTION_DAYS = 90;

export function registerIdentityTasks(queue: TaskQueue, db: Kysely<DB>, sessions: SessionStore): void {
  queue.define({
    name: 'identity.sweep',
    async run(_payload, { log }) {
      const ended = await sessions.sweep();
      const tokens = await db
        .deleteFrom('login_tokens')
        .where('expires_at', '<', sql<Date>`now() - interval '1 day'`)
        .executeTakeFirst();
      const challenges = await db
        .deleteFrom('webauthn_challenges')
        .where('expires_at', '<', sql<Date>`now()`)
        .executeTakeFirst();
      const invitations = await db
        .deleteFrom('invitations')
        .where((eb) =>
          eb.or([
            eb('expires_at', '<', sql<Date>`now() - make_interval(days => ${INVITATION_RETENTION_DAYS})`),
            eb('accepted_at', '<', sql<Date>`now() - make_interval(days => ${INVITATION_RETENTION_DAYS})`),
            eb('revoked_at', '<', sql<Date>`now() - make_interval(days => ${INVITATION_RETENTION_DAYS})`),
          ]),
        )
        .executeTakeFirst();
      log.info(
        {
          sessions: ended,
          loginTokens: Number(tokens.numDeletedRows),
          challenges: Number(challenges.numDeletedRows),
          invitations: Number(invitations.numDeletedRows),
        },
        'identity swept',
      );
    },
  });
  queue.schedule({ name: 'identity.sweep.hourly', task: 'identity.sweep', everySeconds: 3600 });
}
