/**
 * Wakes a process's idle task slots when a task is queued anywhere: enqueue() sends
 * `NOTIFY lotsa_tasks` in the same transaction as the insert (so it arrives only once the task can be
 * seen), and every process running tasks LISTENs on its own connection. Without the listener (or
 * while it reconnects) the slots still look every `pollMs`; it only saves the wait.
 */
import type pg from 'pg';
import type { Logger } from 'pino';
import { ChannelListener } from '../db/listen.ts';

export const TASKS_CHANNEL = 'lotsa_tasks';

export class TaskWakeListener extends ChannelListener {
  constructor(pool: pg.Pool, log: Logger, onWake: () => void) {
    super(pool, {
      channel: TASKS_CHANNEL,
      onNotify: () => onWake(),
      onLost: (error) =>
        log.warn({ err: error instanceof Error ? error.message : String(error) }, 'task wake listener lost'),
    });
  }
}
