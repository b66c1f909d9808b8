/**
 * The place pages' events section (content/places/sections.ts): the upcoming events in that
 * municipality in the place pages' own cards (places.css), the first few, and a link to the calendar filtered to it;
 * nothing at all when there is none.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type PageContext } from '../../../platform/html/layout.ts';
import type { Municipality } from '../../../platform/region.ts';
import type { PlaceSection } from '../../content/places/sections.ts';
import { pictureHtml } from '../../content/media/service.ts';
import { eventTitle } from '../events.ts';
import { eventPath, PATHS } from '../model.ts';
import { CARD_SIZES, kindLabel, seatsState, translator } from './cards.ts';
import { cardWhen, placeShort } from './format.ts';
import { filterQuery, NO_FILTER } from './filters.ts';
import { eventImages } from './images.ts';
import { upcomingCards } from './repository.ts';

/** Events a place page shows; the rest are one link away. */
export const PLACE_EVENTS = 3;

export function eventsPlaceSection(db: Kysely<DB>): PlaceSection {
  return {
    name: 'events',
    async render(ctx: PageContext, m: Municipality): Promise<SafeHtml> {
      const { lang, region } = ctx;
      const events = await upcomingCards(db, region.id, { municipalityCode: m.code, limit: PLACE_EVENTS });
      if (events.length === 0) return html``;
      const images = await eventImages(db, region.id, events);
      const t = translator(lang, region);
      const all = localPath(lang, PATHS.events + filterQuery({ ...NO_FILTER, municipality: m.code }, region));
      return html`<section class="place-section place-events" aria-labelledby="place-events">
        <h2 id="place-events">${t('place.title', { name: m.shortName })}</h2>
        <ul class="place-cards" role="list">${events.map((e, i) => {
          const image = images(e);
          const state = seatsState(t, lang, e);
          return html`<li class="place-card">
            ${image ? pictureHtml(image, lang, { sizes: CARD_SIZES, loading: 'lazy', credit: false, cls: 'place-card__picture' }) : html`<div class="place-card__placeholder place-card__placeholder--${i % 4}" aria-hidden="true"></div>`}
            <div class="place-card__body">
              <h3 class="place-card__title"><a href="${localPath(lang, eventPath(e.slug))}">${eventTitle(e, lang)}</a></h3>
              <p class="place-card__meta"><span>${kindLabel(lang, e.kind)}</span> · <time datetime="${e.starts_at.toISOString()}">${cardWhen(lang, e)}</time></p>
              <p>${placeShort(region, e, t('where.online'))} · ${state.text}</p>
            </div>
          </li>`;
        })}</ul>
        <p><a class="button place-jobs__all" href="${all}">${t('place.all', { name: m.shortName })}</a></p>
      </section>`;
    },
  };
}
