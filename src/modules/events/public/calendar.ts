/**
 * An event as iCalendar: `icsEventOf` builds the one VEVENT of an event (the page's "Lägg till i
 * kalendern", the registration part's confirmation mail attaches the same), `eventCalendar` a whole
 * file of one event or of the feed. The UID is `<event id>@<host of the configured origin>` so every
 * copy of the event is the same one in a calendar; SEQUENCE is the event's version and STATUS says
 * CANCELLED for a cancelled one, so a subscribed calendar updates it. Links come from the
 * configured origin only (platform/http/origin.ts), never from the request's Host.
 */
import { localPath } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { eventText, eventTitle, type EventRow } from '../events.ts';
import { renderCalendar, type IcsEvent } from '../ics.ts';
import { eventPath } from '../model.ts';
import { addressLine, municipalityName } from './format.ts';
import { publicEventMessages } from './messages.ts';

/** The host part of UIDs: the configured origin's host name. */
export function uidHost(origin: string): string {
  try {
    return new URL(origin).hostname || 'lotsa.invalid';
  } catch {
    return 'lotsa.invalid';
  }
}

/** The absolute address of an event's page in a language. */
export function eventUrl(origin: string, lang: Lang, slug: string): string {
  return origin.replace(/\/+$/, '') + localPath(lang, eventPath(slug));
}

/** An event's one VEVENT. `origin` is the configured origin (siteOrigin of the request, or the region's). */
/** What an event's VEVENT reads (a card's columns: no description, no accessibility text). */
export type IcsEventFields = Pick<
  EventRow,
  | 'id'
  | 'slug'
  | 'status'
  | 'title_sv'
  | 'title_en'
  | 'summary_sv'
  | 'summary_en'
  | 'cancel_reason'
  | 'starts_at'
  | 'ends_at'
  | 'location_kind'
  | 'venue'
  | 'street_address'
  | 'postal_code'
  | 'locality'
  | 'municipality_code'
  | 'updated_at'
  | 'version'
>;

export function icsEventOf(
  event: IcsEventFields,
  options: { origin: string; lang: Lang; region?: Pick<Region, 'municipalities'> },
): IcsEvent {
  const { origin, lang } = options;
  const url = eventUrl(origin, lang, event.slug);
  const where =
    event.location_kind === 'online'
      ? publicEventMessages.t(lang, 'where.online')
      : [addressLine(event), options.region ? municipalityName(options.region, event.municipality_code) : '']
          .filter((s) => s !== '')
          .join(', ');
  const summary = eventText(event, 'summary', lang);
  const cancelled = event.status === 'cancelled';
  const note = cancelled
    ? [publicEventMessages.t(lang, 'page.cancelled'), event.cancel_reason.trim()].filter(Boolean).join(' ')
    : '';
  return {
    uid: `${event.id}@${uidHost(origin)}`,
    start: event.starts_at,
    end: event.ends_at,
    summary: eventTitle(event, lang),
    description: [note, summary, url].filter((s) => s !== '').join('\n\n'),
    location: where || undefined,
    url,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    updated: event.updated_at,
    sequence: event.version,
  };
}

/** A calendar file of these events (one event's download, or the feed). */
export function eventCalendar(
  events: readonly IcsEventFields[],
  options: { origin: string; lang: Lang; region: Pick<Region, 'municipalities' | 'name'>; now?: Date },
): string {
  return renderCalendar({
    name: publicEventMessages.t(options.lang, 'feed.name', { region: options.region.name[options.lang] }),
    product: `Lotsa//${options.region.name.sv}`,
    events: events.map((e) => icsEventOf(e, options)),
    now: options.now,
  });
}
