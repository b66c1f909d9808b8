/**
 * JobTech writes date-times as naive Europe/Stockholm local time (`2025-09-11T11:25:57`, no offset),
 * and JobStream's `date` parameters are read the same way. These helpers convert between such
 * strings and instants, correct across daylight-saving changes.
 */

export const STOCKHOLM = 'Europe/Stockholm';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: STOCKHOLM,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Stockholm wall-clock fields of an instant. */
function wallClock(ms: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    y: parts.year ?? 0,
    mo: parts.month ?? 0,
    d: parts.day ?? 0,
    h: (parts.hour ?? 0) % 24,
    mi: parts.minute ?? 0,
    s: parts.second ?? 0,
  };
}

/** Milliseconds Stockholm is ahead of UTC at the instant `ms` (3 600 000 or 7 200 000). */
function offsetAt(ms: number): number {
  const w = wallClock(ms);
  const wall = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * Every instant whose Stockholm wall clock reads `wall` (the fields encoded as if UTC), earliest
 * first: one normally, two in the repeated hour of autumn, none in the skipped hour of spring.
 */
function interpretations(wall: number): number[] {
  const offsets = new Set([offsetAt(wall - DAY), offsetAt(wall + DAY), offsetAt(wall)]);
  const found = new Set<number>();
  for (const offset of offsets) {
    const candidate = wall - offset;
    if (offsetAt(candidate) === offset) found.add(candidate);
  }
  return [...found].sort((a, b) => a - b);
}

function parseWall(s: string): number | null {
  const m = LOCAL.exec(s.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = ''] = m;
  const fields = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec)] as const;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3) || '0');
  const wall = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], ms);
  const check = new Date(wall);
  // Reject impossible dates (2025-02-30) instead of letting Date roll them over.
  if (
    Number.isNaN(wall) ||
    check.getUTCFullYear() !== fields[0] ||
    check.getUTCMonth() !== fields[1] - 1 ||
    check.getUTCDate() !== fields[2] ||
    check.getUTCHours() !== fields[3] ||
    check.getUTCMinutes() !== fields[4] ||
    check.getUTCSeconds() !== fields[5]
  ) {
    return null;
  }
  return wall;
}

/**
 * The instant of a naive Stockholm local date-time (`YYYY-MM-DDTHH:MM:SS`, seconds and time
 * optional). A time in the repeated autumn hour means its first occurrence; a time in the skipped
 * spring hour is moved forward by the hour that was skipped (02:30 → 03:30 CEST). A string with an
 * explicit offset or `Z` is taken as it says. Returns null for anything else.
 */
export function stockholmLocalToDate(s: string): Date | null {
  if (WITH_OFFSET.test(s)) {
    const ms = Date.parse(s);
    return Number.isNaN(ms) ? null : new Date(ms);
  }
  const wall = parseWall(s);
  if (wall === null) return null;
  const found = interpretations(wall);
  if (found[0] !== undefined) return new Date(found[0]);
  // In the gap: read the wall time with the offset in force before the change.
  return new Date(wall - offsetAt(wall - DAY));
}

/** The latest instant a naive Stockholm string can mean (differs from the earliest only in autumn). */
export function stockholmLocalLatest(s: string): Date | null {
  const wall = WITH_OFFSET.test(s) ? null : parseWall(s);
  if (wall === null) return stockholmLocalToDate(s);
  const found = interpretations(wall);
  const last = found[found.length - 1];
  return last === undefined ? stockholmLocalToDate(s) : new Date(last);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as naive Stockholm local time, `YYYY-MM-DDTHH:MM:SS` (milliseconds dropped). */
export function toStockholmLocal(date: Date): string {
  const w = wallClock(date.getTime());
  return `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}`;
}

/**
 * A naive Stockholm string for the lower bound of a JobStream window that is at or before
 * `instant` however the service reads it: in the repeated autumn hour a local time is ambiguous,
 * so the bound moves back an hour rather than risk skipping events.
 */
export function stockholmLowerBound(instant: Date): string {
  const local = toStockholmLocal(instant);
  const latest = stockholmLocalLatest(local);
  if (latest && latest.getTime() > instant.getTime())
    return toStockholmLocal(new Date(instant.getTime() - HOUR));
  return local;
}
