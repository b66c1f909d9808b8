/**
 * Event times and places in words, on Stockholm's wall clock (whatever the server's zone): a card's
 * short date, the page's "when" (one day with its hours, or a range over several days), the
 * programme's days, and an address as one line.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import { STOCKHOLM, stockholmDate, stockholmTime } from '../../../platform/i18n/stockholm.ts';
import type { Region } from '../../../platform/region.ts';
import type { EventRow } from '../events.ts';

const LOCALE: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

const longDate: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat(LOCALE.sv, {
    timeZone: STOCKHOLM,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
  en: new Intl.DateTimeFormat(LOCALE.en, {
    timeZone: STOCKHOLM,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
};
const shortDate: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat(LOCALE.sv, {
    timeZone: STOCKHOLM,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }),
  en: new Intl.DateTimeFormat(LOCALE.en, {
    timeZone: STOCKHOLM,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }),
};
const dayOfMonth = new Intl.DateTimeFormat('sv-SE', { timeZone: STOCKHOLM, day: 'numeric' });
const monthShort: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat(LOCALE.sv, { timeZone: STOCKHOLM, month: 'short' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { timeZone: STOCKHOLM, month: 'short' }),
};

/** A time of day as the language writes it: 17.00 in Swedish, 17:00 in English. */
export function clock(lang: Lang, date: Date): string {
  const t = stockholmTime(date);
  return lang === 'sv' ? t.replace(':', '.') : t;
}

export function longDay(lang: Lang, date: Date): string {
  return longDate[lang].format(date);
}

export function shortDay(lang: Lang, date: Date): string {
  return shortDate[lang].format(date).replace(/\.$/, '');
}

/** The calendar leaf of a card: the day of the month and the month's short name. */
export function leaf(lang: Lang, date: Date): { day: string; month: string } {
  return { day: dayOfMonth.format(date), month: monthShort[lang].format(date).replace(/\.$/, '') };
}

/** Whether an event starts and ends on the same Stockholm day. */
export function sameDay(event: Pick<EventRow, 'starts_at' | 'ends_at'>): boolean {
  // An event ending at midnight belongs to the day it started.
  return stockholmDate(event.starts_at) === stockholmDate(new Date(event.ends_at.getTime() - 1));
}

/** "lördag 12 december 2026, kl. 17.00–20.00", or a range over days with their times. */
export function whenText(lang: Lang, event: Pick<EventRow, 'starts_at' | 'ends_at'>): string {
  const s = event.starts_at;
  const e = event.ends_at;
  const at = lang === 'sv' ? 'kl. ' : '';
  if (sameDay(event)) return `${longDay(lang, s)}, ${at}${clock(lang, s)}–${clock(lang, e)}`;
  return `${longDay(lang, s)} ${at}${clock(lang, s)} – ${longDay(lang, e)} ${at}${clock(lang, e)}`;
}

/** A card's short "ons 9 dec, 17.00" (or "fre 8 dec – sön 10 dec"). */
export function cardWhen(lang: Lang, event: Pick<EventRow, 'starts_at' | 'ends_at'>): string {
  const at = lang === 'sv' ? 'kl. ' : '';
  if (sameDay(event))
    return `${shortDay(lang, event.starts_at)}, ${at}${clock(lang, event.starts_at)}–${clock(lang, event.ends_at)}`;
  return `${shortDay(lang, event.starts_at)} – ${shortDay(lang, event.ends_at)}`;
}

/** The municipality's short name of an event in the region. */
export function municipalityName(region: Pick<Region, 'municipalities'>, code: string | null): string {
  if (!code) return '';
  return region.municipalities.find((m) => m.code === code)?.shortName ?? '';
}

/** The address as one line: venue, street, postal code and locality (what is written). */
export function addressLine(
  event: Pick<EventRow, 'venue' | 'street_address' | 'postal_code' | 'locality'>,
): string {
  const town = [event.postal_code, event.locality].filter((s) => s.trim() !== '').join(' ');
  return [event.venue, event.street_address, town].filter((s) => s.trim() !== '').join(', ');
}

/** Where the card says it is: the locality (and the municipality when it differs), or online. */
export function placeShort(
  region: Pick<Region, 'municipalities'>,
  event: Pick<EventRow, 'location_kind' | 'locality' | 'municipality_code' | 'venue'>,
  online: string,
): string {
  if (event.location_kind === 'online') return online;
  const m = municipalityName(region, event.municipality_code);
  const town = event.locality.trim() || m;
  return [event.venue.trim(), town].filter(Boolean).join(', ');
}

const languageNames: Record<Lang, Intl.DisplayNames> = {
  sv: new Intl.DisplayNames([LOCALE.sv], { type: 'language' }),
  en: new Intl.DisplayNames([LOCALE.en], { type: 'language' }),
};

/** ISO 639-1 codes in the page's language: "svenska och engelska" → "svenska, engelska". */
export function languagesText(lang: Lang, codes: readonly string[]): string {
  return codes.map((c) => languageNames[lang].of(c) ?? c).join(', ');
}
