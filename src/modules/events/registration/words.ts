/**
 * An event's facts in words for registration's pages and mails (Stockholm times, the place or the
 * online link), and the .ics a registrant's mail carries (public/calendar.ts's VEVENT).
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { STOCKHOLM } from '../../../platform/i18n/stockholm.ts';
import { eventTitle, type EventRow } from '../events.ts';
import { renderCalendar } from '../ics.ts';
import { icsEventOf } from '../public/calendar.ts';

const formats: Record<
  Lang,
  { day: Intl.DateTimeFormat; clock: Intl.DateTimeFormat; short: Intl.DateTimeFormat }
> = {
  sv: {
    day: new Intl.DateTimeFormat('sv-SE', {
      timeZone: STOCKHOLM,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
    clock: new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM, hour: '2-digit', minute: '2-digit' }),
    short: new Intl.DateTimeFormat('sv-SE', {
      timeZone: STOCKHOLM,
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }),
  },
  en: {
    day: new Intl.DateTimeFormat('en-GB', {
      timeZone: STOCKHOLM,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
    clock: new Intl.DateTimeFormat('en-GB', { timeZone: STOCKHOLM, hour: '2-digit', minute: '2-digit' }),
    short: new Intl.DateTimeFormat('en-GB', {
      timeZone: STOCKHOLM,
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }),
  },
};

const dayKey = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM }).format(d);

/** "lördag 12 december 2026, 17:00–20:00", or across days "… 10:00 – söndag … 15:00". */
export function whenText(lang: Lang, start: Date, end: Date): string {
  const f = formats[lang];
  if (dayKey(start) === dayKey(end))
    return `${f.day.format(start)}, ${f.clock.format(start)}–${f.clock.format(end)}`;
  return `${f.day.format(start)} ${f.clock.format(start)} – ${f.day.format(end)} ${f.clock.format(end)}`;
}

/** A deadline or a registration time: "12 dec. 17:00". */
export function shortTime(lang: Lang, date: Date): string {
  return formats[lang].short.format(date).replace(' kl. ', ' ');
}

/** The place in one line: venue, street, postal code and locality — or the online link. */
export function whereText(event: EventRow): string {
  if (event.location_kind === 'online') return event.online_url ?? '';
  const postal = [event.postal_code, event.locality].filter(Boolean).join(' ');
  return [event.venue, event.street_address, postal].filter(Boolean).join(', ');
}

/**
 * The .ics of one event as a registrant's mail carries it: the public calendar's VEVENT
 * (public/calendar.ts), with the online link as its place — the link goes to registered people only.
 */
export function eventIcs(event: EventRow, lang: Lang, origin: string): string {
  const ics = icsEventOf(event, { origin, lang });
  if (event.location_kind === 'online' && event.online_url) ics.location = event.online_url;
  return renderCalendar({ name: eventTitle(event, lang), product: 'Lotsa//Events', events: [ics] });
}

/**
 * The .ics that takes the event out of a calendar again (RFC 5546 CANCEL): the same VEVENT and UID
 * as the confirmation's (`eventIcs`), STATUS:CANCELLED and a SEQUENCE above the event's version,
 * so the calendar that took the confirmation's copy removes it. For the person's own cancellation
 * (registration/) and the organiser's cancellation of the whole event (admin/).
 */
export function cancellingIcs(event: EventRow, lang: Lang, origin: string): string {
  const ics = icsEventOf(event, { origin, lang });
  return renderCalendar({
    name: eventTitle(event, lang),
    product: 'Lotsa//Events',
    method: 'CANCEL',
    events: [{ ...ics, status: 'CANCELLED', sequence: event.version + 1 }],
  });
}
