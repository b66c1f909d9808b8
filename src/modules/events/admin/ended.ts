/**
 * Whether an event is over: its end has passed. An event that is over is cancelled no more, its
 * follow-up may be sent, and only then do its statistics speak of attendance and no-shows.
 */
import type { EventRow } from '../events.ts';

export function eventEnded(event: Pick<EventRow, 'ends_at'>, now: Date = new Date()): boolean {
  return event.ends_at <= now;
}
