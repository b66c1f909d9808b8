/**
 * Housekeeping for identity data: ended sessions, used or expired sign-in tokens and WebAuthn
 * challenges, and invitations that ended long ago are deleted, each by its owner. Safe to run twice.
 */
import type { Kysely } from 'kysely';
import type { SessionStore } from '../../platform/auth/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { TaskQueue } from '../../platform/tasks/queue.ts';
import { sweepInvitations } from './invitations/service.ts';
import { sweepLoginTokens } from './login/service.ts';
import { sweepChallenges } from './second-factor/service.ts';

/** How long ended invitations stay visible to the organisation before they are deleted. */
export const INVITATION_RETENTION_DAYS = 90;

export function registerIdentityTasks(queue: TaskQueue, db: Kysely<DB>, sessions: SessionStore): void {
  queue.define({
    name: 'identity.sweep',
    async run(_payload, { log }) {
      const ended = await sessions.sweep();
      const tokens = await sweepLoginTokens(db);
      const challenges = await sweepChallenges(db);
      const invitations = await sweepInvitations(db, INVITATION_RETENTION_DAYS);
      log.info(
        {
          sessions: ended,
          loginTokens: tokens,
          challenges,
          invitations,
        },
        'identity swept',
      );
    },
  });
  queue.schedule({ name: 'identity.sweep.hourly', task: 'identity.sweep', everySeconds: 3600 });
}
