/**
 * The site shell every public page is rendered in: skip link, header with navigation and language
 * switch, main landmark, footer; hreflang alternates, canonical URL and Open Graph tags.
 * No JavaScript is needed for anything in it.
 */
import type { Region } from '../region.ts';
import type { Assets } from '../http/static.ts';
import type { Lang } from '../i18n/index.ts';
import type { Permission } from '../permissions.ts';
import { html, type SafeHtml } from './html.ts';
import { shell } from './messages.ts';

/**
 * Where each of the site's sections goes in the header menu and the footer sitemap, lower first.
 * A module's section takes its slot here, so adding one later (places, stories, …) is one NavItem
 * in that module; sections not built yet keep their slot free.
 */
export const SectionOrder = {
  home: 0,
  jobs: 10,
  companies: 20,
  places: 30,
  guides: 40,
  stories: 50,
  events: 60,
  talentPool: 70,
  account: 90,
  about: 100,
} as const;

/** The footer sitemap's groups, in the order shown; a group without links is left out. */
export const FOOTER_GROUPS = ['work', 'live', 'you', 'about'] as const;
export type FooterGroup = (typeof FOOTER_GROUPS)[number];

/** More header sections than this, and the header shows the menu button up to a wider screen. */
export const SHORT_NAVIGATION = 5;

/**
 * A section of the public site (a link in the header menu, the footer sitemap or both); modules
 * add theirs when they are registered, and the list is sorted by `order`.
 */
export interface NavItem {
  /** Path after the language prefix, e.g. `/jobs`. */
  path: string;
  label: (lang: Lang) => string;
  /** Its slot (see SectionOrder): lower first; equal ones (default 0) keep module order. */
  order?: number;
  /** The footer sitemap's group it is listed in; without one it is in the header only. */
  footer?: FooterGroup;
  /** `false`: in the footer only (the legal pages). Default `true`. */
  header?: boolean;
  /** The page exists in this language only: the link leads there, labelled in it (lättläst). */
  onlyIn?: Lang;
}

/** A page the sitemap lists, in the languages it exists in. */
export interface SitemapEntry {
  path: string;
  languages: readonly Lang[];
  lastModified?: Date;
}

/**
 * A module's pages for the sitemap, read a slice at a time so that no list of every page is held
 * in memory. Positions count the source's rows in a fixed order; `entries` may yield fewer than
 * `limit` (rows it finds are not canonical here after all), never more.
 */
export interface SitemapSource {
  /** Changes whenever the region's pages of this source change (what a cached answer is kept for). */
  version(region: Region): string;
  count(region: Region): Promise<number>;
  entries(region: Region, offset: number, limit: number): AsyncIterable<SitemapEntry>;
}

/** A link in the back-office navigation, shown to people whose role holds `permission`. */
export interface AdminNavItem {
  /**
   * Absolute path, e.g. `/admin/organisations`; a page of the site in the person's language starts
   * with `/:lang/` (`/:lang/toolbox`).
   */
  path: string;
  label: (lang: Lang) => string;
  permission: Permission;
  /**
   * Where it goes in the menu: lower first; equal ones (default 0) keep module order. Lets a
   * module listed before identity (site) put its items after the back-office home and identity's.
   */
  order?: number;
}

export interface Site {
  assets: Assets;
  navigation: NavItem[];
  /** The back-office's navigation, in order; its parts add their items when registered. */
  adminNavigation: AdminNavItem[];
  /** Modules add the pages they want in sitemap.xml (the job board adds the jobs canonical here). */
  sitemapSources: SitemapSource[];
  /** Most URLs in one sitemap file (50,000, the protocol's limit); past it, sitemap.xml is an index. */
  sitemapUrlLimit: number;
}

/** What a page needs to know about the request it answers. */
export interface PageContext {
  lang: Lang;
  region: Region;
  /** Absolute origin of this site, e.g. `https://dalarna.lotsa.se`. */
  origin: string;
  site: Site;
}

export interface Page {
  title: string;
  description: string;
  /**
   * Path after the language prefix ('/' for the home page), with the page's own query where it has
   * one (a search, a filter: built by the page from what it parsed), so the language switch keeps it.
   */
  path: string;
  main: SafeHtml;
  /** Which languages the page exists in (default: the region's languages). */
  languages?: Lang[];
  noindex?: boolean;
  /** Path to switch language to when this page does not exist in the other language. */
  otherLanguagePath?: string;
  bodyClass?: string;
  /** Absolute canonical URL when it is not this page (a job mirrored from Platsbanken). */
  canonical?: string;
  /** Extra trusted markup for <head>: feeds, JSON-LD data blocks. */
  head?: SafeHtml;
  /** Scripts (paths under public/) loaded with `defer`; pages work without them. */
  scripts?: string[];
  /** Extra stylesheets (paths under public/), after the site's and the region's. */
  stylesheets?: string[];
  /** The page's picture for sharing (og:image); without one, the site's default social image. */
  image?: PageImage;
}

/** A picture for Open Graph and Twitter cards: an absolute or site URL, its alt text and size. */
export interface PageImage {
  url: string;
  alt: string;
  width: number;
  height: number;
}

/** The site's default social image (public/img/og-default.jpg, 1200×630, drawn by scripts/make-social-image.ts). */
export const DEFAULT_OG_IMAGE = { path: 'img/og-default.jpg', width: 1200, height: 630 } as const;

/** The page's og:image, og:image:alt, its size and the Twitter card. */
function openGraphImage(ctx: PageContext, page: Page): SafeHtml {
  const image = page.image ?? {
    url: ctx.site.assets.url(DEFAULT_OG_IMAGE.path),
    alt: shell.t(ctx.lang, 'ogImageAlt', { region: ctx.region.name[ctx.lang] }),
    width: DEFAULT_OG_IMAGE.width,
    height: DEFAULT_OG_IMAGE.height,
  };
  const url = image.url.startsWith('/') ? ctx.origin + image.url : image.url;
  return html`<meta property="og:image" content="${url}">
<meta property="og:image:alt" content="${image.alt}">
<meta property="og:image:width" content="${image.width}">
<meta property="og:image:height" content="${image.height}">
<meta name="twitter:card" content="summary_large_image">`;
}

export function localPath(lang: Lang, path: string): string {
  return `/${lang}${path === '/' ? '/' : path}`;
}

/**
 * The theme colour, icons, web manifest and stylesheets (the site's, then the region's brand) of
 * every shell. The .ico comes first for browsers without SVG icons; the others take the SVG.
 */
export function brandAssets(site: Site, region: Region): SafeHtml {
  return html`<meta name="theme-color" content="${region.brand.primary}">
<link rel="icon" href="${site.assets.url('img/favicon.ico')}" sizes="32x32">
<link rel="icon" href="${site.assets.url('img/favicon.svg')}" type="image/svg+xml">
<link rel="apple-touch-icon" href="${site.assets.url('img/apple-touch-icon.png')}">
<link rel="manifest" href="/manifest.webmanifest">
<link rel="stylesheet" href="${site.assets.url('css/lotsa.css')}">
<link rel="stylesheet" href="/brand/${region.id}.css">`;
}

/** A page's scripts (paths under public/), deferred. */
export function scriptTags(site: Site, scripts: readonly string[] = []): SafeHtml[] {
  return scripts.map((src) => html`<script src="${site.assets.url(src)}" defer></script>`);
}

/** The region's logo and name with the shell's tagline, linking to `href`. */
export function brandLink(site: Site, region: Region, href: string, name: string, tagline: string): SafeHtml {
  return html`<a class="brand" href="${href}">
<img class="brand__logo" src="${site.assets.url(region.brand.logo)}" alt="" width="40" height="40">
<span class="brand__name">${name}</span>
<span class="brand__tagline">${tagline}</span>
</a>`;
}

/**
 * The footer's sitemap: the sections grouped (FOOTER_GROUPS), each group under its heading; a link
 * to a page in one language only leads there and says so (lang, hreflang).
 */
function footerSitemap({ lang, site }: PageContext): SafeHtml {
  const groups = FOOTER_GROUPS.map((group) => ({
    group,
    items: site.navigation.filter((item) => item.footer === group),
  })).filter(({ items }) => items.length > 0);
  const link = (item: NavItem) =>
    item.onlyIn && item.onlyIn !== lang
      ? html`<a href="${localPath(item.onlyIn, item.path)}" lang="${item.onlyIn}" hreflang="${item.onlyIn}">${item.label(item.onlyIn)}</a>`
      : html`<a href="${localPath(item.onlyIn ?? lang, item.path)}">${item.label(lang)}</a>`;
  return html`<nav class="site-footer__sitemap" aria-label="${shell.t(lang, 'footerSitemap')}">
${groups.map(
  ({ group, items }) => html`<section class="site-footer__group" aria-labelledby="footer-${group}">
<h2 id="footer-${group}">${shell.t(lang, `footer.${group}`)}</h2>
<ul>
${items.map((item) => html`<li>${link(item)}</li>`)}
</ul>
</section>`,
)}
</nav>`;
}

export function renderPage(ctx: PageContext, page: Page): string {
  const { lang, region, site, origin } = ctx;
  const t = (key: Parameters<typeof shell.t>[1], params?: Record<string, string>) =>
    shell.t(lang, key, params);
  const languages = page.languages ?? region.languages;
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  const otherPath = languages.includes(other) ? page.path : (page.otherLanguagePath ?? '/');
  const regionName = region.name[lang];
  const siteName = t('siteName', { region: regionName });
  const fullTitle = page.path === '/' ? page.title : `${page.title} – ${siteName}`;
  const self = origin + localPath(lang, page.path);
  const canonical = page.canonical ?? self;
  // A page's path may carry its query (a search, a filter) so that the language switch keeps it.
  const bare = page.path.split('?')[0] ?? page.path;
  const current = (item: NavItem) =>
    item.path === bare || (item.path !== '/' && bare.startsWith(item.path + '/'));
  const headerItems = site.navigation.filter((item) => item.header !== false);
  const navList = html`<ul>
${headerItems.map(
  (item) =>
    html`<li><a href="${localPath(lang, item.path)}"${current(item) ? html` aria-current="page"` : ''}>${item.label(lang)}</a></li>`,
)}
</ul>`;

  return `<!doctype html>${html`<html lang="${lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${page.description}">
${page.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="canonical" href="${canonical}">
${languages.map((l) => html`<link rel="alternate" hreflang="${l}" href="${origin + localPath(l, page.path)}">`)}
${languages.length > 1 ? html`<link rel="alternate" hreflang="x-default" href="${origin + localPath(region.defaultLanguage, page.path)}">` : ''}
<meta property="og:type" content="website">
<meta property="og:site_name" content="${siteName}">
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${page.description}">
<meta property="og:url" content="${self}">
<meta property="og:locale" content="${lang === 'sv' ? 'sv_SE' : 'en_GB'}">
${openGraphImage(ctx, page)}
${brandAssets(site, region)}
${(page.stylesheets ?? []).map((href) => html`<link rel="stylesheet" href="${site.assets.url(href)}">`)}
${page.head ?? ''}
${scriptTags(site, page.scripts)}
</head>
<body${page.bodyClass ? html` class="${page.bodyClass}"` : ''}>
<a class="skip-link" href="#main">${t('skipLink')}</a>
<header class="site-header${headerItems.length > SHORT_NAVIGATION ? ' site-header--long' : ''}">
<div class="wrap site-header__inner">
${brandLink(site, region, localPath(lang, '/'), regionName, t('tagline'))}
<nav class="site-nav site-nav--bar" aria-label="${t('mainNav')}">
${navList}
</nav>
<details class="site-menu">
<summary class="site-menu__button"><span class="site-menu__icon" aria-hidden="true"></span>${t('menuButton')}</summary>
<nav class="site-nav site-menu__panel" aria-label="${t('mainNav')}">
<form class="site-menu__search" method="get" action="${localPath(lang, '/search')}" role="search" aria-label="${t('searchLabel')}">
<label for="menu-q">${t('searchLabel')}</label>
<div class="site-menu__search-row"><input class="input" type="search" id="menu-q" name="q" maxlength="200" autocomplete="off"><button type="submit">${t('searchLink')}</button></div>
</form>
${navList}
</nav>
</details>
<a class="search-link" href="${localPath(lang, '/search')}"${bare === '/search' ? html` aria-current="page"` : ''}><svg class="search-link__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.5"/><path d="m15.5 15.5 5 5" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/></svg><span class="search-link__text">${t('searchLink')}</span></a>
${
  region.languages.includes(other)
    ? html`<a class="lang-switch" href="${localPath(other, otherPath)}" hreflang="${other}" lang="${other}">${t('languageSwitch')}</a>`
    : ''
}
</div>
</header>
<main id="main" tabindex="-1">
${page.main}
</main>
<footer class="site-footer">
<div class="wrap site-footer__inner">
${footerSitemap(ctx)}
<section class="site-footer__about">
<p class="site-footer__brand">${siteName}</p>
<p>${t('footerAbout', { organisation: region.contact.organisation, region: regionName })}</p>
</section>
<section class="site-footer__contact" aria-labelledby="footer-contact">
<h2 id="footer-contact">${t('footerContact')}</h2>
<p>${region.contact.organisation}<br><a href="mailto:${region.contact.email}">${region.contact.email}</a>${region.contact.phone ? html`<br>${region.contact.phone}` : ''}</p>
</section>
</div>
</footer>
</body>
</html>`}`;
}
