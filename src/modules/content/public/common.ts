/**
 * Pieces every public content page shares: catalogue readers, cards (the whole card clickable
 * through one link named by its title), the hero picture, paging, the "get help moving here" box
 * and the preview banner.
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page, type PageImage } from '../../../platform/html/layout.ts';
import { formatNumber, type Lang, type Params } from '../../../platform/i18n/index.ts';
import type { ContentKind, TargetGroup } from '../model.ts';
import type { RenderContext, ContentView } from '../render.ts';
import type { PublishedItem } from '../store.ts';
import { ogImage, picture, type ImageMap, type PublicImage } from './media.ts';
import { publicMessages, type PublicKey } from './messages.ts';

/** The stylesheet of the public content pages (public/css/content.css). */
export const CONTENT_CSS = 'css/content.css';

export function texts(lang: Lang, regionName: string) {
  return {
    t: (key: PublicKey, params?: Params) => publicMessages.t(lang, key, { region: regionName, ...params }),
    h: (key: PublicKey, params?: Params) => publicMessages.h(lang, key, { region: regionName, ...params }),
  };
}

export type Texts = ReturnType<typeof texts>;

/** Where an item of each kind is shown (after the language prefix). */
export function itemPath(kind: ContentKind, slug: string): string {
  const base = { place: '/places', guide: '/guides', story: '/stories', path: '/paths' }[kind];
  return `${base}/${encodeURIComponent(slug)}`;
}

export function groupName(lang: Lang, group: TargetGroup): string {
  return publicMessages.t(lang, `group.${group}`);
}

/** An item as a page renders it. */
export function viewOf(item: PublishedItem): ContentView {
  return {
    itemId: item.itemId,
    kind: item.kind,
    slug: item.slug,
    lang: item.lang,
    municipalityCode: item.municipalityCode,
    version: item.version,
    data: item.data,
    publishedAt: item.publishedAt,
  };
}

export interface CardSpec {
  href: string;
  title: string;
  /** Heading level of the title within its section. */
  level?: 2 | 3;
  text?: string | SafeHtml;
  /** Small line above the title (a target group, a profession). */
  kicker?: string;
  /** A quote shown under the title (stories). */
  quote?: string;
  image?: PublicImage;
  lang: Lang;
  cls?: string;
}

/**
 * A card: its title's link covers the whole card (CSS), so the card is one link whose name is its
 * title; the picture, kicker and text are read after it. The picture's credit is plain text here
 * (the library's credit links its licence: a second link in the card); the item's own page shows
 * the credit with its link.
 */
export function card(spec: CardSpec): SafeHtml {
  const title = html`<a class="ccard__link" href="${spec.href}">${spec.title}</a>`;
  return html`<li class="ccard${spec.cls ? ` ${spec.cls}` : ''}${spec.image ? '' : ' ccard--plain'}">
    <div class="ccard__body">
      ${spec.kicker ? html`<p class="ccard__kicker">${spec.kicker}</p>` : ''}
      ${spec.level === 2 ? html`<h2 class="ccard__title">${title}</h2>` : html`<h3 class="ccard__title">${title}</h3>`}
      ${spec.quote ? html`<p class="ccard__quote">${publicMessages.t(spec.lang, 'quoted', { quote: spec.quote })}</p>` : ''}
      ${spec.text ? html`<p class="ccard__text">${spec.text}</p>` : ''}
    </div>
    ${
      spec.image
        ? html`<div class="ccard__media">
            ${picture(spec.image, spec.lang, {
              sizes: '(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 100vw',
              loading: 'lazy',
              credit: false,
              cls: 'ccard__picture',
            })}
            ${spec.image.credit[spec.lang] ? html`<p class="ccard__credit">${spec.image.credit[spec.lang]}</p>` : ''}
          </div>`
        : ''
    }
  </li>`;
}

/** A card of a published item, linking to its page. */
export function itemCard(item: PublishedItem, images: ImageMap, extra: Partial<CardSpec> = {}): SafeHtml {
  return card({
    href: localPath(item.lang, itemPath(item.kind, item.slug)),
    title: item.title,
    text: item.summary,
    image: item.heroImage ? images.get(item.heroImage) : undefined,
    lang: item.lang,
    ...extra,
  });
}

export function cardList(cards: SafeHtml[], cls = ''): SafeHtml {
  return html`<ul class="ccards${cls ? ` ${cls}` : ''}" role="list">${cards}</ul>`;
}

/** A section of cards under a heading, with a link to all of them; nothing when there are none. */
export function cardSection(
  id: string,
  title: string,
  cards: SafeHtml[],
  more?: { href: string; label: string },
  cls = '',
): SafeHtml {
  if (cards.length === 0) return html``;
  return html`<section class="csection${cls ? ` ${cls}` : ''}" aria-labelledby="${id}-title">
    <div class="wrap">
      <div class="csection__head">
        <h2 class="csection__title" id="${id}-title">${title}</h2>
        ${more ? html`<a class="csection__more" href="${more.href}">${more.label}</a>` : ''}
      </div>
      ${cardList(cards)}
    </div>
  </section>`;
}

/** The hero picture of a page (eager: it is the first thing seen). */
export function heroPicture(image: PublicImage | undefined, lang: Lang): SafeHtml {
  if (!image) return html``;
  return picture(image, lang, {
    sizes: '(min-width: 80rem) 80rem, 100vw',
    loading: 'eager',
    priority: true,
    credit: true,
    cls: 'chero__picture',
  });
}

/** The "get help moving here" call to action. */
export function helpBox(lang: Lang, t: Texts['t']): SafeHtml {
  return html`<aside class="help-box" aria-labelledby="help-title">
    <h2 id="help-title">${t('help.title')}</h2>
    <p>${t('help.text')}</p>
    <p><a class="button help-box__link" href="${localPath(lang, '/move')}">${t('help.link')}</a></p>
  </aside>`;
}

/** A preview's banner, unless the caller shows its own (RenderContext.previewBanner false). */
export function previewBanner(ctx: RenderContext, t: Texts['t']): SafeHtml {
  return ctx.preview && ctx.previewBanner !== false
    ? html`<div class="notice preview-banner" role="status"><p>${t('preview.banner')}</p></div>`
    : html``;
}

/** A page of the public content: its stylesheet, its picture for sharing, noindex in preview. */
export function contentPage(
  ctx: { lang: Lang; preview?: boolean },
  page: Page,
  image: PublicImage | undefined,
): Page {
  const og: PageImage | undefined = image ? ogImage(image, ctx.lang) : undefined;
  return {
    ...page,
    stylesheets: [CONTENT_CSS],
    ...(og ? { image: og } : {}),
    ...(ctx.preview ? { noindex: true } : {}),
  };
}

/** Previous/next links and where the list is; nothing when it fits on one page. */
export function paging(
  lang: Lang,
  t: Texts['t'],
  page: number,
  pages: number,
  href: (page: number) => string,
): SafeHtml {
  if (pages <= 1) return html``;
  return html`<nav class="cpaging" aria-label="${t('paging.label')}">
    ${page > 1 ? html`<a rel="prev" href="${href(page - 1)}">${t('paging.previous')}</a>` : ''}
    <span>${t('paging.status', { page: formatNumber(lang, page), pages: formatNumber(lang, pages) })}</span>
    ${page < pages ? html`<a rel="next" href="${href(page + 1)}">${t('paging.next')}</a>` : ''}
  </nav>`;
}
