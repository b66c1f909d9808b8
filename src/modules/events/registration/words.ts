/**
 * An event's facts in words for registration's pages and mails (Stockholm times, the place or the
 * online link), and its .ics. The public part has its own event → IcsEvent builder
 * (public/calendar.ts); until that is merged this small one serves the confirmation mails.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { STOCKHOLM } from '../../../platform/i18n/stockholm.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { eventText, eventTitle, type EventRow } from '../events.ts';
import { renderCalendar, type IcsEvent } from '../ics.ts';
import { eventPath } from '../model.ts';

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

/** The .ics of one event (its confirmation mail's attachment). */
export function eventIcs(event: EventRow, lang: Lang, origin: string): string {
  const host = new URL(origin).host;
  const url = `${origin}${localPath(lang, eventPath(event.slug))}`;
  const summary = eventText(event, 'summary', lang);
  const ics: IcsEvent = {
    uid: `${event.id}@${host}`,
    start: event.starts_at,
    end: event.ends_at,
    summary: eventTitle(event, lang),
    description: [summary, url].filter(Boolean).join('\n\n'),
    location: whereText(event),
    url,
    status: event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    updated: event.updated_at,
    sequence: event.version,
  };
  return renderCalendar({ name: eventTitle(event, lang), product: 'Lotsa//Events', events: [ics] });
}
