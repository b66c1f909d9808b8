/**
 * A municipality's place page: hero picture with credit, the editors' text, facts with source and
 * date, travel times, preschools and schools, nature and culture, open jobs there (from the job
 * board), stories from there, and the municipality's contact for newcomers. `renderPlacePage` is the
 * content renderer for kind 'place' (the published page and the editors' preview alike);
 * `factsOnlyPage` is the page of a municipality whose place page is not published: the same page
 * without the editors' text.
 *
 * Companies and events: `PLACE_SECTIONS` (sections.ts) is where those modules add their part; a
 * section with nothing to show renders nothing, so no empty heading appears.
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page, type PageContext } from '../../../platform/html/layout.ts';
import { mailtoHref, safeHref, telHref } from '../../../platform/html/links.ts';
import { imageSlugs, renderRichText } from '../../../platform/html/richtext.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { Municipality, Region } from '../../../platform/region.ts';
import { openJobsInMunicipality } from '../../jobs/repository.ts';
import { jobList } from '../../jobs/views.ts';
import { factsOf, type StoredFact } from '../../regions/facts.ts';
import type { ContentRenderer, ContentView, RenderContext } from '../render.ts';
import { publishedList, type PublishedItem } from '../store.ts';
import { factByKey, keyFigures, listFact, travelList } from './facts-view.ts';
import { placeMessages, type PlaceMessageKey } from './messages.ts';
import { CARD_SIZES, HERO_SIZES, loadImages, picture, TEXT_SIZES, type PlaceImage } from './pictures.ts';
import { PLACE_SECTIONS } from './sections.ts';

export const PLACES_PATH = '/places';
export const placePath = (slug: string) => `${PLACES_PATH}/${slug}`;
/** The job search filtered to one municipality (the job board's `municipality` parameter). */
export const jobSearchPath = (code: string) => `/jobs?municipality=${encodeURIComponent(code)}`;

type T = (key: PlaceMessageKey, params?: Record<string, string | number>) => string;
const translator =
  (lang: Lang): T =>
  (key, params) =>
    placeMessages.t(lang, key, params);

/** The place pages' stylesheet, added to the page's <head>. */
export function placeStyles(ctx: { site: PageContext['site'] }): SafeHtml {
  return html`<link rel="stylesheet" href="${ctx.site.assets.url('css/places.css')}">`;
}

export function pageContextOf(ctx: RenderContext): PageContext {
  const origin = ctx.region.canonicalOrigin ?? ctx.deps.config.publicUrl.origin;
  return { lang: ctx.lang, region: ctx.region, site: ctx.deps.site, origin };
}

/** What a place page shows besides the editors' text, read for one municipality. */
interface PlaceData {
  facts: StoredFact[];
  jobs: { total: number; latest: Awaited<ReturnType<typeof openJobsInMunicipality>>['latest'] };
  stories: PublishedItem[];
}

async function loadPlaceData(ctx: RenderContext, m: Municipality): Promise<PlaceData> {
  const db = ctx.deps.database.db;
  const [facts, jobs, stories] = await Promise.all([
    factsOf(db, ctx.region.id, m.code),
    openJobsInMunicipality(db, ctx.region.id, m.code, 5),
    publishedList(db, ctx.region.id, ctx.lang, { kind: 'story', municipalityCode: m.code, limit: 3 }),
  ]);
  return { facts, jobs, stories };
}

function factsSection(t: T, lang: Lang, name: string, facts: StoredFact[]): SafeHtml {
  const figures = keyFigures(lang, facts, ['population', 'medianHousePrice']);
  return html`<section class="place-section" aria-labelledby="place-facts">
    <h2 id="place-facts">${t('page.facts', { name })}</h2>
    ${facts.length ? html`<p class="place-section__intro">${t('page.factsIntro')}</p>${figures}` : html`<p>${t('page.noFacts', { name })}</p>`}
  </section>`;
}

function travelSection(t: T, lang: Lang, facts: StoredFact[]): SafeHtml {
  const list = travelList(lang, facts);
  if (!list.value) return html``;
  return html`<section class="place-section" aria-labelledby="place-travel">
    <h2 id="place-travel">${t('travel.title')}</h2>
    <p class="place-section__intro">${t('travel.intro')}</p>
    ${list}
  </section>`;
}

function schoolSection(t: T, lang: Lang, facts: StoredFact[]): SafeHtml {
  const figures = keyFigures(lang, facts, ['preschools', 'schools']);
  if (!figures.value) return html``;
  return html`<section class="place-section" aria-labelledby="place-schools">
    <h2 id="place-schools">${t('schools.title')}</h2>
    ${figures}
  </section>`;
}

function natureSection(t: T, lang: Lang, facts: StoredFact[]): SafeHtml {
  const nature = listFact(lang, factByKey(facts, 'nature'), 'place-nature-list');
  const culture = listFact(lang, factByKey(facts, 'culture'), 'place-culture-list');
  if (!nature.value && !culture.value) return html``;
  return html`<section class="place-section" aria-labelledby="place-nature">
    <h2 id="place-nature">${t('natureCulture.title')}</h2>
    <div class="place-lists">${nature}${culture}</div>
  </section>`;
}

function jobsSection(pctx: PageContext, t: T, m: Municipality, jobs: PlaceData['jobs']): SafeHtml {
  const lang = pctx.lang;
  const name = m.shortName;
  const count = formatNumber(lang, jobs.total);
  const one = jobs.total === 1;
  const link = jobs.total
    ? html`<a class="button place-jobs__all" href="${localPath(lang, jobSearchPath(m.code))}">${t(one ? 'jobs.all.one' : 'jobs.all.other', { count, name })}</a>`
    : html`<a class="button place-jobs__all" href="${localPath(lang, '/jobs')}">${t('jobs.county')}</a>`;
  return html`<section class="place-section place-jobs" aria-labelledby="place-jobs">
    <h2 id="place-jobs">${t('jobs.title', { name })}</h2>
    <p class="place-jobs__count">${jobs.total ? t(one ? 'jobs.count.one' : 'jobs.count.other', { count, name }) : t('jobs.none', { name })}</p>
    ${jobs.latest.length ? jobList(pctx, jobs.latest, 3) : ''}
    <p>${link}</p>
  </section>`;
}

function storyCard(lang: Lang, story: PublishedItem, images: Map<string, PlaceImage>): SafeHtml {
  const image = story.heroImage ? images.get(story.heroImage) : undefined;
  return html`<li class="place-card">
    ${image ? picture(image, lang, { sizes: CARD_SIZES, loading: 'lazy', cls: 'place-card__picture' }) : html`<div class="place-card__placeholder" aria-hidden="true"></div>`}
    <div class="place-card__body">
      <h3 class="place-card__title"><a href="${localPath(lang, `/stories/${story.slug}`)}">${story.title}</a></h3>
      <p>${story.summary}</p>
    </div>
  </li>`;
}

function storiesSection(
  t: T,
  lang: Lang,
  name: string,
  stories: PublishedItem[],
  images: Map<string, PlaceImage>,
): SafeHtml {
  if (!stories.length) return html``;
  return html`<section class="place-section" aria-labelledby="place-stories">
    <h2 id="place-stories">${t('stories.title', { name })}</h2>
    <ul class="place-cards" role="list">${stories.map((s) => storyCard(lang, s, images))}</ul>
  </section>`;
}

function contactSection(t: T, lang: Lang, region: Region, name: string, view: ContentView | null): SafeHtml {
  const place = view?.data.place;
  const contact = place?.contact;
  const text = place?.newcomerText[lang] ?? '';
  const lines: SafeHtml[] = [];
  // stored addresses are links only when they are what the field is for; else plain text
  const link = (href: string | null, text: string, external = false) =>
    href ? html`<a href="${href}"${external ? html` rel="noopener"` : ''}>${text}</a>` : html`${text}`;
  if (contact?.email)
    lines.push(html`<li>${t('contact.email')}: ${link(mailtoHref(contact.email), contact.email)}</li>`);
  if (contact?.phone)
    lines.push(html`<li>${t('contact.phone')}: ${link(telHref(contact.phone), contact.phone)}</li>`);
  if (contact?.url) {
    const href = safeHref(contact.url);
    const shown = href ? href.replace(/^https?:\/\//i, '') : contact.url;
    lines.push(html`<li>${t('contact.web')}: ${link(href, shown, true)}</li>`);
  }
  const fallback = !contact?.name && !lines.length;
  return html`<section class="place-section place-contact" aria-labelledby="place-contact">
    <h2 id="place-contact">${t('contact.title', { name })}</h2>
    ${text ? html`<p>${text}</p>` : ''}
    ${contact?.name ? html`<p class="place-contact__name">${contact.name}</p>` : ''}
    ${lines.length ? html`<ul class="place-contact__lines" role="list">${lines}</ul>` : ''}
    ${
      fallback
        ? html`<p>${t('contact.region', { organisation: region.contact.organisation })}</p>
          <ul class="place-contact__lines" role="list"><li>${t('contact.email')}: <a href="mailto:${region.contact.email}">${region.contact.email}</a></li></ul>`
        : ''
    }
  </section>`;
}

function hero(
  t: T,
  lang: Lang,
  m: Municipality,
  view: ContentView | null,
  image: PlaceImage | undefined,
  preview: boolean,
): SafeHtml {
  const title = view?.data.title[lang] || m.shortName;
  const summary = view?.data.summary[lang] ?? '';
  return html`<header class="place-hero${image ? '' : ' place-hero--plain'}">
    <div class="place-hero__text wrap">
      <p class="place-hero__back"><a href="${localPath(lang, PLACES_PATH)}">${t('page.back')}</a></p>
      <h1>${title}</h1>
      ${summary ? html`<p class="place-hero__lead">${summary}</p>` : ''}
    </div>
    ${image ? picture(image, lang, { sizes: HERO_SIZES, loading: 'eager', priority: true, cls: 'place-hero__picture', flagExpired: preview }) : ''}
  </header>`;
}

/** The page of one municipality, with the editors' item (`view`) or without (facts only). */
async function placePage(ctx: RenderContext, m: Municipality, view: ContentView | null): Promise<Page> {
  const t = translator(ctx.lang);
  const lang = ctx.lang;
  const pctx = pageContextOf(ctx);
  const data = await loadPlaceData(ctx, m);
  const body = view?.data.body[lang];
  const slugs = [
    view?.data.heroImage ?? '',
    ...(body ? imageSlugs(body) : []),
    ...data.stories.map((s) => s.heroImage ?? ''),
  ];
  const images = await loadImages(ctx.deps.database.db, ctx.region.id, slugs);
  const heroImage = view?.data.heroImage ? images.get(view.data.heroImage) : undefined;
  const text = body
    ? renderRichText(body, {
        headingOffset: 0,
        // The editor's caption (the markup's bracket text), else the library's.
        image: (slug, caption) => {
          const image = images.get(slug);
          return image
            ? picture(image, lang, { sizes: TEXT_SIZES, loading: 'lazy', credit: true, caption })
            : undefined;
        },
      })
    : undefined;
  const extra = await Promise.all(PLACE_SECTIONS.map((s) => s.render(pctx, m)));
  const name = m.shortName;
  const main = html`<article class="place">
    ${ctx.preview && ctx.previewBanner !== false ? html`<p class="place-preview" role="status">${t('page.previewBanner')}</p>` : ''}
    ${hero(t, lang, m, view, heroImage, ctx.preview)}
    <div class="wrap page-columns place__body">
      <div class="page-columns__main place__main">
        ${text && text.value ? html`<section class="place-text" aria-label="${t('page.about', { name })}">${text}</section>` : html`<p class="place-text place-text--missing">${t('page.noText', { name })}</p>`}
        ${factsSection(t, lang, name, data.facts)}
        ${travelSection(t, lang, data.facts)}
        ${schoolSection(t, lang, data.facts)}
        ${natureSection(t, lang, data.facts)}
        ${jobsSection(pctx, t, m, data.jobs)}
        ${extra}
        ${storiesSection(t, lang, name, data.stories, images)}
      </div>
      <aside class="page-columns__aside place__aside">${contactSection(t, lang, ctx.region, name, view)}</aside>
    </div>
  </article>`;
  return {
    title: view?.data.title[lang] || name,
    description: view?.data.summary[lang] || t('page.description', { name }),
    path: placePath(m.slug),
    main,
    noindex: ctx.preview || undefined,
    bodyClass: 'page-place',
    head: placeStyles(pctx),
  };
}

/** The municipality a place item is about: by its code, else by its slug. */
export function municipalityOf(
  region: Region,
  view: Pick<ContentView, 'municipalityCode' | 'slug'>,
): Municipality | undefined {
  return (
    region.municipalities.find((m) => m.code === view.municipalityCode) ??
    region.municipalities.find((m) => m.slug === view.slug)
  );
}

/** The content renderer of kind 'place': the published page and the editors' preview. */
export const renderPlacePage: ContentRenderer = async (ctx, view) => {
  const m = municipalityOf(ctx.region, view) ?? {
    code: view.municipalityCode ?? '',
    officialName: view.data.title[ctx.lang],
    shortName: view.data.title[ctx.lang] || view.slug,
    slug: view.slug,
    jobtechConceptId: '',
  };
  return placePage(ctx, m, view);
};

/** A municipality without a published place page: the same page, facts, jobs and contact only. */
export function factsOnlyPage(ctx: RenderContext, m: Municipality): Promise<Page> {
  return placePage(ctx, m, null);
}
