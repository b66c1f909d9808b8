/**
 * /:lang/places: the county map (every municipality a link, each shape an <a> named by its
 * municipality) and every municipality as a card with a picture, its population, open jobs and a
 * line of text. A municipality without a published place page is still listed, with its facts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page, type PageContext } from '../../../platform/html/layout.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { Municipality } from '../../../platform/region.ts';
import { openJobCountsByMunicipality } from '../../jobs/repository.ts';
import { loadMap, type MapData } from '../../jobs/map.ts';
import { factsByMunicipality, type StoredFact } from '../../regions/facts.ts';
import { publishedList, type PublishedItem } from '../store.ts';
import { factValue } from './facts-view.ts';
import { placeMessages, type PlaceMessageKey } from './messages.ts';
import { CARD_SIZES, loadImages, picture, type PlaceImage } from './pictures.ts';
import { PLACES_PATH, placePath, placeStyles } from './page.ts';

type T = (key: PlaceMessageKey, params?: Record<string, string | number>) => string;

interface Card {
  m: Municipality;
  item: PublishedItem | undefined;
  population: StoredFact | undefined;
  jobs: number;
  image: PlaceImage | undefined;
}

function mapView(t: T, lang: Lang, map: MapData, cards: Card[]): SafeHtml {
  const byCode = new Map(cards.map((c) => [c.m.code, c]));
  // The names are drawn after every shape, so that no neighbour's shape covers a name. The shapes
  // are links for pointers only: the list below has the same fifteen links, so a keyboard does not
  // pass each place twice.
  const shapes = map.municipalities.flatMap((shape) => {
    const card = byCode.get(shape.code);
    return card ? [{ shape, card }] : [];
  });
  return html`<section class="places-map" aria-labelledby="places-map-title">
    <h2 id="places-map-title" class="visually-hidden">${t('list.map.title')}</h2>
    <p class="visually-hidden" id="places-map-desc">${t('list.map.description')}</p>
    <svg class="places-map__svg" viewBox="${map.viewBox}" role="group" aria-labelledby="places-map-title" aria-describedby="places-map-desc" focusable="false">
      ${shapes.map(
        ({ shape, card }) =>
          html`<a href="${localPath(lang, placePath(card.m.slug))}" class="places-map__area" tabindex="-1"><title>${card.m.shortName}</title><path d="${shape.d}"/></a>`,
      )}
      <g class="places-map__labels" aria-hidden="true">${shapes.map(
        ({ shape, card }) => html`<text x="${shape.labelX}" y="${shape.labelY}">${card.m.shortName}</text>`,
      )}</g>
    </svg>
  </section>`;
}

function cardView(t: T, lang: Lang, card: Card, index: number): SafeHtml {
  const { m, item, population, jobs, image } = card;
  const line = item?.summary || t('list.factsOnly');
  const count = formatNumber(lang, jobs);
  return html`<li class="place-card">
    ${
      image
        ? picture(image, lang, {
            sizes: CARD_SIZES,
            loading: index < 2 ? 'eager' : 'lazy',
            cls: 'place-card__picture',
          })
        : html`<div class="place-card__placeholder place-card__placeholder--${index % 4}" aria-hidden="true"></div>`
    }
    <div class="place-card__body">
      <h3 class="place-card__title"><a href="${localPath(lang, placePath(m.slug))}">${item?.title || m.shortName}</a></h3>
      <p class="place-card__meta">${population ? html`<span>${t('list.population', { count: factValue(lang, population) })}</span>` : ''}<span>${t(jobs === 1 ? 'list.jobs.one' : 'list.jobs.other', { count })}</span></p>
      <p>${line}</p>
    </div>
  </li>`;
}

/** Everything the list shows, read at once. */
export async function loadPlaceCards(db: Kysely<DB>, ctx: PageContext): Promise<Card[]> {
  const { region, lang } = ctx;
  const [items, facts, jobs] = await Promise.all([
    publishedList(db, region.id, lang, { kind: 'place', limit: 200 }),
    factsByMunicipality(db, region.id),
    openJobCountsByMunicipality(db, region.id),
  ]);
  const bySlug = new Map(items.map((i) => [i.slug, i]));
  const images = await loadImages(
    db,
    region.id,
    items.map((i) => i.heroImage ?? ''),
  );
  const municipalities = [...region.municipalities].sort((a, b) =>
    a.shortName.localeCompare(b.shortName, 'sv'),
  );
  return municipalities.map((m) => {
    const item = bySlug.get(m.slug);
    return {
      m,
      item,
      population: (facts.get(m.code) ?? []).find((f) => f.key === 'population'),
      jobs: jobs.get(m.code) ?? 0,
      image: item?.heroImage ? images.get(item.heroImage) : undefined,
    };
  });
}

export function placesListPage(ctx: PageContext, cards: Card[]): Page {
  const t: T = (key, params) => placeMessages.t(ctx.lang, key, params);
  const region = ctx.region.name[ctx.lang];
  const map = ctx.region.countyCode ? loadMap(ctx.region.countyCode) : null;
  const main = html`<div class="places">
    <header class="places-intro wrap">
      <h1>${t('list.title', { region })}</h1>
      <p class="places-intro__lead">${t('list.lead')}</p>
    </header>
    <div class="wrap places__layout">
      ${map ? mapView(t, ctx.lang, map, cards) : ''}
      <section class="places-list" aria-labelledby="places-list-title">
        <h2 id="places-list-title">${t('list.heading')}</h2>
        <ul class="place-cards" role="list">${cards.map((c, i) => cardView(t, ctx.lang, c, i))}</ul>
      </section>
    </div>
  </div>`;
  return {
    title: t('list.title', { region }),
    description: t('list.description'),
    path: PLACES_PATH,
    main,
    bodyClass: 'page-places',
    head: placeStyles(ctx),
  };
}
