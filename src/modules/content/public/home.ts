/**
 * The home page: a hero photograph with the job search box, the chooser, places, stories, guides
 * and paths as cards, the region in figures, and the "get help moving here" call to action.
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { TARGET_GROUPS } from '../model.ts';
import type { PublishedItem } from '../store.ts';
import type { MediaUsageLookup } from '../media/service.ts';
import type { ChooserForm } from './chooser.ts';
import { chooserSection } from './chooser-view.ts';
import { cardSection, contentPage, heroPicture, itemCard, texts } from './common.ts';
import type { ImageMap, PublicImage } from './media.ts';
import { publicMessages } from './messages.ts';
import { pathCard } from './paths.ts';
import { storyCard } from './stories.ts';

/** The library photographs the home page's hero takes, the first one present. */
export const HOME_HERO_IMAGES = ['lake-jetty-sunset', 'autumn-forest-sunbeams', 'winter-spruce-forest'];
/** The hero of /move: the home page's, without its first. */
export const MOVE_HERO_IMAGES = HOME_HERO_IMAGES.slice(1);

/**
 * The media library's "used on" for the pictures these pages take by fixed name (the heroes of
 * the home page and /move): such an image is in use, so it is neither deleted nor renamed.
 */
export const fixedPicturesUsage: MediaUsageLookup = async (_db, _regionId, slug) => {
  const uses = [];
  const title = (key: 'usage.homeHero' | 'usage.moveHero') => ({
    sv: publicMessages.t('sv', key),
    en: publicMessages.t('en', key),
  });
  if (HOME_HERO_IMAGES.includes(slug))
    uses.push({ title: title('usage.homeHero'), href: localPath('sv', '/') });
  if (MOVE_HERO_IMAGES.includes(slug))
    uses.push({ title: title('usage.moveHero'), href: localPath('sv', '/move') });
  return uses;
};

export interface HomeContent {
  hero: PublicImage | undefined;
  places: PublishedItem[];
  stories: PublishedItem[];
  guides: PublishedItem[];
  paths: Map<string, PublishedItem>;
  images: ImageMap;
  chooser: ChooserForm;
  /** The featured companies (the companies module's section), after the places. */
  companies?: SafeHtml;
}

export function homePage(region: Region, lang: Lang, organisation: string, c: HomeContent): Page {
  const regionName = region.name[lang];
  const { t } = texts(lang, regionName);
  const placeBySlug = new Set(c.places.map((p) => p.slug));
  const municipalities = [...region.municipalities].sort((a, b) =>
    a.shortName.localeCompare(b.shortName, 'sv'),
  );
  const fact = (number: string, label: string) =>
    html`<li class="fact"><span class="fact__number">${number}</span> <span class="fact__label">${label}</span></li>`;
  const main = html`<section class="home-hero${c.hero ? '' : ' home-hero--plain'}" aria-labelledby="home-title">
      ${heroPicture(c.hero, lang)}
      <div class="wrap home-hero__inner">
        <div class="home-hero__panel">
          <h1 class="home-hero__title" id="home-title">${t('home.hero.title')}</h1>
          <p class="home-hero__lead">${t('home.hero.lead')}</p>
          <form class="home-search" method="get" action="${localPath(lang, '/jobs')}" role="search">
            <label class="home-search__label" for="home-q">${t('home.search.label')}</label>
            <div class="home-search__row">
              <input class="input home-search__input" type="search" id="home-q" name="q" placeholder="${t('home.search.placeholder')}" autocomplete="off">
              <button class="button" type="submit">${t('home.search.submit')}</button>
            </div>
          </form>
          <p class="home-hero__help"><a class="button button--light" href="${localPath(lang, '/move')}">${t('help.link')}</a></p>
        </div>
      </div>
    </section>
    ${chooserSection(lang, regionName, c.chooser)}
    ${cardSection(
      'home-places',
      t('home.places.title'),
      c.places.slice(0, 6).map((p) => itemCard(p, c.images)),
      { href: localPath(lang, '/places'), label: t('home.places.all') },
    )}
    ${c.companies ?? ''}
    ${cardSection(
      'home-stories',
      t('home.stories.title'),
      c.stories.slice(0, 3).map((s) => storyCard(region, s, c.images)),
      { href: localPath(lang, '/stories'), label: t('home.stories.all') },
      'csection--alt',
    )}
    ${cardSection(
      'home-guides',
      t('home.guides.title'),
      c.guides.slice(0, 3).map((g) => itemCard(g, c.images)),
      { href: localPath(lang, '/guides'), label: t('home.guides.all') },
    )}
    ${cardSection(
      'home-paths',
      t('home.paths.title'),
      TARGET_GROUPS.map((g) => pathCard(lang, g, c.paths.get(g), c.images)),
      undefined,
      'csection--alt',
    )}
    <section class="csection" aria-labelledby="facts-title">
      <div class="wrap">
        <h2 class="csection__title" id="facts-title">${t('home.facts.title')}</h2>
        <p>${t('home.facts.intro')}</p>
        <ul class="facts">
          ${fact(
            t('home.facts.hires.number', { min: formatNumber(lang, 4000), max: formatNumber(lang, 5000) }),
            t('home.facts.hires.label'),
          )}
          ${fact(t('home.facts.investments.number', { count: formatNumber(lang, 25) }), t('home.facts.investments.label'))}
          ${fact(
            t('home.facts.municipalities.number', { count: formatNumber(lang, municipalities.length) }),
            t('home.facts.municipalities.label'),
          )}
        </ul>
        <ul class="municipality-list" aria-label="${t('home.places.title')}">
          ${municipalities.map((m) =>
            placeBySlug.has(m.slug)
              ? html`<li><a href="${localPath(lang, `/places/${m.slug}`)}">${m.shortName}</a></li>`
              : html`<li>${m.shortName}</li>`,
          )}
        </ul>
      </div>
    </section>
    <section class="csection csection--cta" aria-labelledby="cta-title">
      <div class="wrap cta">
        <h2 id="cta-title">${t('help.title')}</h2>
        <p>${t('help.text')}</p>
        <p><a class="button button--light" href="${localPath(lang, '/move')}">${t('help.link')}</a></p>
      </div>
    </section>
    <section class="csection" aria-labelledby="behind-title">
      <div class="wrap prose">
        <h2 id="behind-title">${t('home.behind.title')}</h2>
        <p>${t('home.behind.text', { organisation })}</p>
      </div>
    </section>`;
  return contentPage(
    { lang },
    { title: t('home.title'), description: t('home.description'), path: '/', main },
    c.hero,
  );
}

/**
 * The items in their order, but one of each picture first: the home page's six place cards are not
 * three of the same illustration side by side while other pictures wait further down the list.
 */
export function variedFirst<T extends { heroImage: string | null }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  const first: T[] = [];
  const rest: T[] = [];
  for (const item of items) {
    const key = item.heroImage ?? '';
    if (key && seen.has(key)) rest.push(item);
    else {
      if (key) seen.add(key);
      first.push(item);
    }
  }
  return [...first, ...rest];
}
