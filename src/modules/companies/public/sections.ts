/**
 * Companies on other modules' pages: the section of a place page (the companies working in that
 * municipality, featured first — content/places/sections.ts) and the featured companies on the
 * home page (content/public/home.ts). Each is built in the look of the page it sits on (the place
 * pages' cards, the home page's cards), so it needs no stylesheet of its own; each is nothing at all
 * when there is no company to show.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type PageContext } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Municipality, Region } from '../../../platform/region.ts';
import { card, cardSection } from '../../content/public/common.ts';
import type { PlaceSection } from '../../content/places/sections.ts';
import { counted, industryText, localText, translator } from './cards.ts';
import { COMPANIES_PATH, companyPath, listedCompanies } from './directory.ts';
import { filterQuery, NO_FILTER, type ListedCompany } from './filters.ts';
import { CARD_SIZES, loadImages, picture } from './images.ts';

/** Companies a place page shows; the rest are one link away. */
export const PLACE_COMPANIES = 6;
/** Featured companies on the home page. */
export const HOME_COMPANIES = 3;

/** Featured first, then those with the most open jobs, then by name. */
function featuredFirst(a: ListedCompany, b: ListedCompany): number {
  return Number(b.featured) - Number(a.featured) || b.jobs - a.jobs || a.name.localeCompare(b.name, 'sv');
}

/** The companies section of a place page. */
export function companiesPlaceSection(db: Kysely<DB>): PlaceSection {
  return {
    name: 'companies',
    async render(ctx: PageContext, m: Municipality): Promise<SafeHtml> {
      const { lang, region } = ctx;
      const here = (await listedCompanies(db, region.id))
        .filter((c) => c.municipalities.includes(m.code))
        .sort(featuredFirst);
      if (here.length === 0) return html``;
      const shown = here.slice(0, PLACE_COMPANIES);
      const images = await loadImages(
        db,
        region.id,
        shown.map((c) => c.photo),
      );
      const t = translator(lang, region);
      const all = localPath(
        lang,
        COMPANIES_PATH + filterQuery({ ...NO_FILTER, municipality: m.code }, region),
      );
      return html`<section class="place-section place-companies" aria-labelledby="place-companies">
        <h2 id="place-companies">${t('place.title', { name: m.shortName })}</h2>
        <ul class="place-cards" role="list">${shown.map((c, i) => {
          const photo = c.photo ? images.get(c.photo) : undefined;
          const summary = localText(c.summary, lang);
          return html`<li class="place-card">
            ${photo ? picture(photo, lang, { sizes: CARD_SIZES, loading: 'lazy', cls: 'place-card__picture' }) : html`<div class="place-card__placeholder place-card__placeholder--${i % 4}" aria-hidden="true"></div>`}
            <div class="place-card__body">
              <h3 class="place-card__title"><a href="${localPath(lang, companyPath(c.slug))}">${c.name}</a></h3>
              <p class="place-card__meta"><span>${c.jobs ? counted(t, lang, 'card.jobs', c.jobs) : t('card.jobs.none')}</span></p>
              ${summary ? html`<p>${summary}</p>` : ''}
            </div>
          </li>`;
        })}</ul>
        <p><a class="button place-jobs__all" href="${all}">${t('place.all', { name: m.shortName })}</a></p>
      </section>`;
    },
  };
}

/** The home page's featured companies as the home page's cards; nothing when none is featured. */
export async function featuredCompaniesSection(
  db: Kysely<DB>,
  region: Region,
  lang: Lang,
): Promise<SafeHtml> {
  const featured = (await listedCompanies(db, region.id)).filter((c) => c.featured).sort(featuredFirst);
  if (featured.length === 0) return html``;
  const shown = featured.slice(0, HOME_COMPANIES);
  const images = await loadImages(
    db,
    region.id,
    shown.map((c) => c.photo),
  );
  const t = translator(lang, region);
  return cardSection(
    'home-companies',
    t('home.title'),
    shown.map((c) =>
      card({
        href: localPath(lang, companyPath(c.slug)),
        title: c.name,
        kicker: industryText(lang, c.industries, 1),
        text: localText(c.summary, lang),
        image: c.photo ? images.get(c.photo) : undefined,
        lang,
      }),
    ),
    { href: localPath(lang, COMPANIES_PATH), label: t('home.all') },
  );
}
