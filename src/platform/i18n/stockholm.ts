/**
 * Stockholm minutes (the editors' schedules, events): a time is typed as a date and a time on the wall clock of
 * Europe/Stockholm and stored as an instant. Correct across daylight-saving changes (a time in the
 * skipped spring hour is read with the offset before the change; a time in the repeated autumn hour
 * means its first occurrence).
 */
export const STOCKHOLM = 'Europe/Stockholm';

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: STOCKHOLM,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Stockholm wall-clock fields of an instant. */
export function wallClock(date: Date): { y: number; mo: number; d: number; h: number; mi: number } {
  const out: Record<string, number> = {};
  for (const p of parts.formatToParts(date)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return {
    y: out.year ?? 0,
    mo: out.month ?? 0,
    d: out.day ?? 0,
    h: (out.hour ?? 0) % 24,
    mi: out.minute ?? 0,
  };
}

/** Milliseconds Stockholm is ahead of UTC at `ms`, to the minute. */
function offsetAt(ms: number): number {
  const w = wallClock(new Date(ms));
  const wall = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi);
  return wall - Math.floor(ms / 60_000) * 60_000;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** A typed time of day, `HH:MM` (or `H.MM`); undefined when it is not one. */
export function parseTime(value: string): { h: number; mi: number } | undefined {
  const match = TIME.exec(value.trim());
  return match ? { h: Number(match[1]), mi: Number(match[2]) } : undefined;
}

/** The instant a Stockholm date (`YYYY-MM-DD`, already checked) and time of day mean. */
export function stockholmInstant(date: string, time: { h: number; mi: number } = { h: 0, mi: 0 }): Date {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), time.h, time.mi);
  for (const offset of [offsetAt(wall - 86_400_000), offsetAt(wall + 86_400_000)].sort((a, b) => b - a)) {
    const candidate = wall - offset;
    if (offsetAt(candidate) === offset) return new Date(candidate);
  }
  return new Date(wall - offsetAt(wall - 86_400_000));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Today's date in Stockholm, `YYYY-MM-DD`. */
export function stockholmToday(now = new Date()): string {
  return stockholmDate(now);
}

/** An instant's Stockholm date, `YYYY-MM-DD`. */
export function stockholmDate(date: Date): string {
  const w = wallClock(date);
  return `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)}`;
}

/** An instant's Stockholm time of day, `HH:MM`. */
export function stockholmTime(date: Date): string {
  const w = wallClock(date);
  return `${pad(w.h)}:${pad(w.mi)}`;
}

/** The start of the minute `now` is in. */
export function minuteOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000);
}
