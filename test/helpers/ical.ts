/**
 * iCalendar read back with ical.js (a real parser): the VEVENTs of a calendar text, with the
 * properties tests assert on, and a check of the lines' length and ends.
 */
import assert from 'node:assert/strict';
import ICAL from 'ical.js';

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  status: string;
  sequence: number;
  url: string;
}

/** Parses `text` as iCalendar (throws when it is not) and returns its VEVENTs. */
export function parseCalendar(text: string): { name: string; method: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.name, 'vcalendar');
  assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description ?? '',
      location: event.location ?? '',
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      status: String(vevent.getFirstPropertyValue('status') ?? ''),
      sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
      url: String(vevent.getFirstPropertyValue('url') ?? ''),
    };
  });
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? ''),
    method: String(calendar.getFirstPropertyValue('method') ?? ''),
    events,
  };
}

/** Every line ends in CRLF and is at most 75 octets (RFC 5545 3.1). */
export function assertFolded(text: string): void {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'only CRLF line ends');
  for (const line of text.slice(0, -2).split('\r\n'))
    assert.ok(
      Buffer.byteLength(line, 'utf8') <= 75,
      `a line of ${Buffer.byteLength(line, 'utf8')} octets: ${line}`,
    );
}
