/**
 * iCalendar (RFC 5545) for events: one event's .ics (the add-to-calendar link, the confirmation
 * mail's attachment) and the subscribable feed of many. Pure: it takes plain values, escapes every
 * text (backslash, semicolon, comma, line breaks), folds lines at 75 octets without splitting a
 * UTF-8 character, and writes times in UTC; CRLF line ends.
 */

export interface IcsEvent {
  /** Stable across versions of the event: `<event id>@<host>`. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  /** The event's page (an absolute https/http URL from configuration). */
  url?: string;
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  /** Last change; also the SEQUENCE source (seconds), so calendars take the newer version. */
  updated: Date;
  /** Increases with each change (the event's version). */
  sequence?: number;
}

export interface IcsCalendar {
  /** The calendar's name (X-WR-CALNAME), e.g. "Evenemang i Dalarna". */
  name: string;
  /** PRODID's product part, e.g. "Lotsa//Dalarna". */
  product: string;
  /** PUBLISH (a feed, a download, a mail attachment) or CANCEL. */
  method?: 'PUBLISH' | 'CANCEL';
  events: readonly IcsEvent[];
  now?: Date;
}

/** TEXT value escaping (RFC 5545 3.3.11); control characters other than line breaks dropped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  );
}

/** A property's value must not break a line: what is not TEXT-escaped loses its line breaks. */
function plain(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, '');
}

/** UTC date-time, `YYYYMMDDTHHMMSSZ`. */
export function formatUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
      limit = 74; // continuation lines start with a space
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function eventLines(event: IcsEvent, now: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${plain(event.uid)}`,
    `DTSTAMP:${formatUtc(now)}`,
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `LAST-MODIFIED:${formatUtc(event.updated)}`,
    `SEQUENCE:${Math.max(0, Math.floor(event.sequence ?? 0))}`,
    `STATUS:${event.status ?? 'CONFIRMED'}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${plain(event.url)}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A whole VCALENDAR with its events. */
export function renderCalendar(calendar: IcsCalendar): string {
  const now = calendar.now ?? new Date();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${plain(calendar.product)}//EN`,
    'CALSCALE:GREGORIAN',
    `METHOD:${calendar.method ?? 'PUBLISH'}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    'X-WR-TIMEZONE:Europe/Stockholm',
    ...calendar.events.flatMap((event) => eventLines(event, now)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** The MIME type of a calendar file or feed. */
export const ICS_TYPE = 'text/calendar; charset=utf-8';
