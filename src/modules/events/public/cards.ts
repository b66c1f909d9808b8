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
import { eventText, eventTitle, registrationOpen, seatsLeft, type EventRow } from '../events.ts';
import { eventMessages } from '../messages.ts';
import { eventPath } from '../model.ts';
import { cardWhen, languagesText, leaf, placeShort } from './format.ts';
import type { EventImages } from './images.ts';
import { publicEventMessages, type PublicEventMessageKey } from './messages.ts';

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
  event: EventRow,
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

export const CARD_SIZES = '(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, calc(100vw - 2rem)';

export interface CardContext {
  lang: Lang;
  region: Region;
  t: T;
  images: EventImages;
  /** The heading level of the card's title (3 in a list under an h2). */
  level?: 2 | 3;
}

export function eventCard(c: CardContext, event: EventRow): SafeHtml {
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
        <li><span class="event-card__icon" aria-hidden="true">◷</span> <time datetime="${event.starts_at.toISOString()}">${cardWhen(lang, event)}</time></li>
        <li><span class="event-card__icon" aria-hidden="true">⌖</span> ${placeShort(region, event, t('where.online'))}</li>
        <li><span class="event-card__icon" aria-hidden="true">✎</span> ${t('card.languages', { languages: languagesText(lang, event.languages) })}</li>
      </ul>
      ${summary ? html`<p class="event-card__summary">${summary}</p>` : ''}
      <p class="event-card__seats event-card__seats--${state.tone}">${state.text}</p>
    </div>
  </li>`;
}
