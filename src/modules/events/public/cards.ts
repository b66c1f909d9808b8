/**
 * An event as a card (the calendar, the place pages): its picture (or a coloured leaf with the
 * date), kind, title (the card's one link), when on Stockholm's clock, where, languages and what
 * registration looks like now (seats left, full with a waiting list, apply, cancelled). Also the
 * words the pages share.
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { formatNumber, type Lang, type Params } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { pictureHtml } from '../../content/media/service.ts';
import { publicMessages as contentMessages } from '../../content/public/messages.ts';
import { eventText, eventTitle, registrationOpen, seatsLeft } from '../events.ts';
import { eventMessages } from '../messages.ts';
import { eventPath } from '../model.ts';
import { cardWhen, languagesText, leaf, placeShort } from './format.ts';
import type { EventImages } from './images.ts';
import { publicEventMessages, type PublicEventMessageKey } from './messages.ts';
import type { CardEvent } from './repository.ts';

export type T = (key: PublicEventMessageKey, params?: Params) => string;

export function translator(lang: Lang, region: Pick<Region, 'name'>): T {
  const base = { region: region.name[lang] };
  return (key, params) => publicEventMessages.t(lang, key, { ...base, ...params });
}

/** A text with a count: its `.one` or `.other` form. */
export function counted(
  t: T,
  lang: Lang,
  key: 'list.count' | 'card.seats' | 'page.seatsLeft',
  count: number,
  params: Params = {},
): string {
  return t(`${key}.${count === 1 ? 'one' : 'other'}` as PublicEventMessageKey, {
    ...params,
    count: formatNumber(lang, count),
  });
}

export function kindLabel(lang: Lang, kind: string): string {
  return eventMessages.t(lang, `kind.${kind}` as Parameters<typeof eventMessages.t>[1]);
}

export function locationLabel(lang: Lang, kind: string): string {
  return eventMessages.t(lang, `location.${kind}` as Parameters<typeof eventMessages.t>[1]);
}

export function personaLabel(lang: Lang, persona: string): string {
  return contentMessages.t(lang, `group.${persona}` as Parameters<typeof contentMessages.t>[1]);
}

/** What registration looks like now, in a few words, and a tone for its style. */
export function seatsState(
  t: T,
  lang: Lang,
  event: CardEvent,
  now = new Date(),
): { text: string; tone: 'open' | 'few' | 'full' | 'closed' | 'cancelled' } {
  if (event.status === 'cancelled') return { text: t('card.cancelled'), tone: 'cancelled' };
  if (event.registration === 'none') return { text: t('card.noRegistration'), tone: 'open' };
  if (!registrationOpen(event, now)) return { text: t('card.closed'), tone: 'closed' };
  const left = seatsLeft(event);
  if (left === 0) return { text: t('card.full'), tone: 'full' };
  if (event.registration === 'application')
    return {
      text: left === null ? t('card.apply') : `${t('card.apply')} · ${counted(t, lang, 'card.seats', left)}`,
      tone: 'open',
    };
  if (left === null) return { text: t('card.register'), tone: 'open' };
  const few = event.capacity !== null && left <= Math.max(3, Math.ceil(event.capacity * 0.1));
  return { text: counted(t, lang, 'card.seats', left), tone: few ? 'few' : 'open' };
}

const ICONS = {
  clock:
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Zm0 2a7 7 0 1 1 0 14 7 7 0 0 1 0-14Zm-1 2v5.4l4.2 2.5 1-1.7-3.2-1.9V7h-2Z',
  pin: 'M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7Zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5Z',
  screen:
    'M3 4h18a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1h-7v2h3v2H7v-2h3v-2H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1Zm1 2v9h16V6H4Z',
  calendar:
    'M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V2ZM5 9v10h14V9H5Zm2 2h4v4H7v-4Z',
  speech:
    'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2Zm0 2v10h2v2l2.5-2H20V5H4Z',
} as const;

/** A small decorative icon (inline SVG, no style attribute: the stylesheet sizes and colours it). */
export function icon(name: keyof typeof ICONS): SafeHtml {
  return html`<svg class="event-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="${ICONS[name]}"/></svg>`;
}

export const CARD_SIZES = '(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, calc(100vw - 2rem)';

export interface CardContext {
  lang: Lang;
  region: Region;
  t: T;
  images: EventImages;
  /** The heading level of the card's title (3 in a list under an h2). */
  level?: 2 | 3;
}

export function eventCard(c: CardContext, event: CardEvent): SafeHtml {
  const { lang, region, t } = c;
  const image = c.images(event);
  const href = localPath(lang, eventPath(event.slug));
  const state = seatsState(t, lang, event);
  const day = leaf(lang, event.starts_at);
  const summary = eventText(event, 'summary', lang);
  const cancelled = event.status === 'cancelled';
  const title = eventTitle(event, lang);
  const heading =
    c.level === 2
      ? html`<h2 class="event-card__title"><a href="${href}">${title}</a></h2>`
      : html`<h3 class="event-card__title"><a href="${href}">${title}</a></h3>`;
  return html`<li class="event-card${cancelled ? ' event-card--cancelled' : ''}">
    <div class="event-card__media">
      ${
        image
          ? pictureHtml(image, lang, {
              sizes: CARD_SIZES,
              loading: 'lazy',
              credit: false,
              cls: 'event-card__picture',
            })
          : html`<div class="event-card__placeholder event-card__placeholder--${event.kind}" aria-hidden="true"></div>`
      }
      <p class="event-card__leaf" aria-hidden="true"><span class="event-card__day">${day.day}</span><span class="event-card__month">${day.month}</span></p>
    </div>
    <div class="event-card__body">
      <p class="event-card__kind">${kindLabel(lang, event.kind)}${cancelled ? html` · <strong class="event-card__cancelled">${t('card.cancelled')}</strong>` : ''}</p>
      ${heading}
      <ul class="event-card__facts" role="list">
        <li>${icon('clock')} <time datetime="${event.starts_at.toISOString()}">${cardWhen(lang, event)}</time></li>
        <li>${icon(event.location_kind === 'online' ? 'screen' : 'pin')} ${placeShort(region, event, t('where.online'))}</li>
        <li>${icon('speech')} ${t('card.languages', { languages: languagesText(lang, event.languages) })}</li>
      </ul>
      ${summary ? html`<p class="event-card__summary">${summary}</p>` : ''}
      <p class="event-card__seats event-card__seats--${state.tone}">${state.text}</p>
    </div>
  </li>`;
}
