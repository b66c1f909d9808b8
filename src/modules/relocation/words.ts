/**
 * Words the parts share: times as people in the region read them, an event's facts for the history
 * sentences (part.ts HistorySentence), the shared enumerations in words.
 */
import type { Lang } from '../../platform/i18n/index.ts';
import type { PrivacyProcessing } from '../../platform/personal-data.ts';
import { relocationMessages } from './messages.ts';
import { CHANNELS, CONSENT_PURPOSES, NEEDS, isOneOf } from './model.ts';

const dateTimeFormats: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'medium',
    timeStyle: 'short',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm',
    dateStyle: 'medium',
    timeStyle: 'short',
  }),
};

/** A moment as people in the region read it (Europe/Stockholm). */
export function formatDateTime(lang: Lang, date: Date): string {
  return dateTimeFormats[lang].format(date);
}

/** A fact of the event as text ('' when absent or not text). */
export function fact(data: Record<string, unknown>, key: string): string {
  const v = data[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** An ISO time of the event's facts, in the reader's words ('' when absent). */
export function factTime(lang: Lang, data: Record<string, unknown>, key: string): string {
  const v = fact(data, key);
  const d = v ? new Date(v) : undefined;
  return d && !Number.isNaN(d.getTime()) ? formatDateTime(lang, d) : '';
}

/** The needs of the event's facts in words, lower case, joined. */
export function needsWords(lang: Lang, value: unknown): string {
  const list = Array.isArray(value) ? value.filter((n) => isOneOf(NEEDS, n)) : [];
  return list.map((n) => relocationMessages.t(lang, `need.${n}`).toLocaleLowerCase(lang)).join(', ');
}

export function channelWord(lang: Lang, value: unknown): string {
  return isOneOf(CHANNELS, value)
    ? relocationMessages.t(lang, `channel.${value}`).toLocaleLowerCase(lang)
    : '';
}

/** A consent purpose's label ("Lotsen får presentera mig för arbetsgivare"). */
export function consentWords(lang: Lang, value: unknown): string {
  return isOneOf(CONSENT_PURPOSES, value) ? relocationMessages.t(lang, `consent.${value}.label`) : '';
}

/** The words of one processing for the privacy notice, in both languages. */
type PrivacyWords = Record<'title' | 'data' | 'purpose' | 'basis' | 'retention', string>;

/** A processing whose description does not depend on the region's settings. */
export function fixedPrivacy(id: string, words: { sv: PrivacyWords; en: PrivacyWords }): PrivacyProcessing {
  return { id, describe: async (_db, _regionId, lang) => ({ ...words[lang] }) };
}
