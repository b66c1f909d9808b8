/**
 * The site search page: the search field at the top (the text kept), then the results grouped by
 * kind — jobs (from the job board's search), places, guides, stories, paths — each under its own
 * heading with its count in words, up to five hits and a link to all of that kind; one kind alone
 * (`kind=guide`) with paging; no results → other ways in. Plain HTML: works without JavaScript.
 */
import type { ContentKind } from '../../content/model.ts';
import type { ContentHit, ContentSearchResult, KindHits, Segment } from '../../content/search.ts';
import type { OpenJobs } from '../../jobs/service.ts';
import { jobList } from '../../jobs/views.ts';
import { localPath, type Page, type PageContext } from '../../../platform/html/layout.ts';
import { fieldShell } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { formatNumber } from '../../../platform/i18n/index.ts';
import { searchMessages } from './messages.ts';

export const SEARCH_PATH = '/search';
/** Hits of one kind on the page of all kinds; hits per page of one kind. */
export const GROUP_SIZE = 5;
export const KIND_PAGE_SIZE = 20;
export const MAX_TEXT_LENGTH = 200;

export interface SearchView {
  q: string;
  /** One kind alone, paged. */
  kind: ContentKind | null;
  page: number;
  /** The text could not be searched (too long): said by the field. */
  error?: string;
  content: ContentSearchResult | null;
  /** The job board's first hits; undefined when there is no job board or one kind is shown. */
  jobs?: OpenJobs;
}

type Key = Parameters<typeof searchMessages.t>[1];

const CONTENT_PATHS: Record<ContentKind, string> = {
  place: '/places',
  guide: '/guides',
  story: '/stories',
  path: '/paths',
};

export function searchHref(lang: PageContext['lang'], q: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ q, ...extra });
  return `${localPath(lang, SEARCH_PATH)}?${params.toString()}`;
}

/** The page's own query (text, kind, page) for its path: the language switch keeps the search. */
function searchQuery(view: SearchView): string {
  const params = new URLSearchParams({ q: view.q });
  if (view.kind) params.set('kind', view.kind);
  if (view.page > 1) params.set('page', String(view.page));
  return params.toString();
}

function countWords(ctx: PageContext, n: number): string {
  const t = (key: Key, p?: Record<string, string>) => searchMessages.t(ctx.lang, key, p);
  if (n === 0) return t('count.zero');
  return n === 1 ? t('count.one') : t('count.many', { n: formatNumber(ctx.lang, n) });
}

function excerpt(segments: Segment[]): SafeHtml {
  return html`${segments.map((s) => (s.hit ? html`<mark>${s.text}</mark>` : s.text))}`;
}

function hitItem(ctx: PageContext, hit: ContentHit): SafeHtml {
  const t = (key: Key) => searchMessages.t(ctx.lang, key);
  // An untranslated item: title and text in the other language. A translated one found through its
  // other language's text: the page's title, that text's passage, and which text it was.
  const other = hit.lang !== ctx.lang;
  const langAttr = other ? html` lang="${hit.lang}"` : '';
  const excerptOther = hit.excerpt.length > 0 && hit.matchedLang !== ctx.lang;
  const excerptLang = excerptOther ? html` lang="${hit.matchedLang}"` : langAttr;
  const href = localPath(ctx.lang, `${CONTENT_PATHS[hit.kind]}/${hit.slug}`);
  const text = hit.excerpt.length ? excerpt(hit.excerpt) : hit.summary;
  const note = other
    ? html` <span class="tag">${t(hit.lang === 'sv' ? 'inSwedish' : 'inEnglish')}</span>`
    : excerptOther
      ? html` <span class="tag">${t(hit.matchedLang === 'sv' ? 'foundInSwedish' : 'foundInEnglish')}</span>`
      : '';
  return html`<li class="search-hit">
    <h3 class="search-hit__title"><a href="${href}"${langAttr}>${hit.title}</a>${note}</h3>
    ${text ? html`<p class="search-hit__excerpt"${hit.excerpt.length ? excerptLang : langAttr}>${text}</p>` : ''}
  </li>`;
}

function group(ctx: PageContext, view: SearchView, g: KindHits): SafeHtml {
  const t = (key: Key, p?: Record<string, string>) => searchMessages.t(ctx.lang, key, p);
  const id = `search-${g.kind}`;
  const more =
    view.kind === null && g.total > g.hits.length
      ? html`<p class="search-group__all"><a href="${searchHref(ctx.lang, view.q, { kind: g.kind })}">${t(`all.${g.kind}`, { n: formatNumber(ctx.lang, g.total) })}</a></p>`
      : '';
  return html`<section class="search-group" aria-labelledby="${id}">
    <h2 id="${id}">${t(`group.${g.kind}`)} <span class="search-group__count">(${countWords(ctx, g.total)})</span></h2>
    ${g.hits.length ? html`<ol class="search-hits" role="list">${g.hits.map((h) => hitItem(ctx, h))}</ol>` : ''}
    ${more}
  </section>`;
}

function jobsGroup(ctx: PageContext, jobs: OpenJobs, typed: string): SafeHtml {
  const t = (key: Key, p?: Record<string, string>) => searchMessages.t(ctx.lang, key, p);
  const all = `${localPath(ctx.lang, '/jobs')}?${new URLSearchParams({ q: jobs.searched }).toString()}`;
  return html`<section class="search-group" aria-labelledby="search-job">
    <h2 id="search-job">${t('group.job')} <span class="search-group__count">(${countWords(ctx, jobs.total)})</span></h2>
    ${jobs.searched !== typed ? html`<p>${t('jobsCorrected', { q: jobs.searched })}</p>` : ''}
    ${jobs.items.length ? jobList(ctx, jobs.items, 3) : ''}
    ${jobs.total > 0 ? html`<p class="search-group__all"><a href="${all}">${t('all.job', { n: formatNumber(ctx.lang, jobs.total) })}</a></p>` : ''}
  </section>`;
}

function help(ctx: PageContext): SafeHtml {
  const t = (key: Key) => searchMessages.t(ctx.lang, key, { region: ctx.region.name[ctx.lang] });
  const link = (path: string, key: Key) =>
    html`<li><a href="${localPath(ctx.lang, path)}">${t(key)}</a></li>`;
  return html`<section class="search-help" aria-labelledby="search-help">
    <h2 id="search-help">${t('help.title')}</h2>
    <p>${t('help.text')}</p>
    <ul>
      ${link('/places', 'help.places')}
      ${link('/guides', 'help.guides')}
      ${link('/', 'help.chooser')}
      ${link('/jobs', 'help.jobs')}
    </ul>
  </section>`;
}

function pagination(ctx: PageContext, view: SearchView, total: number): SafeHtml {
  const t = (key: Key, p?: Record<string, string>) => searchMessages.t(ctx.lang, key, p);
  const pages = Math.max(1, Math.ceil(total / KIND_PAGE_SIZE));
  if (pages <= 1 || !view.kind) return html``;
  const href = (page: number) =>
    searchHref(ctx.lang, view.q, { kind: view.kind as string, ...(page > 1 ? { page: String(page) } : {}) });
  return html`<nav class="pagination" aria-label="${t('pagination')}"><ul>
    ${view.page > 1 ? html`<li><a href="${href(view.page - 1)}" rel="prev">${t('previous')}</a></li>` : ''}
    <li aria-current="page">${t('kindPage', { page: String(view.page), pages: String(pages) })}</li>
    ${view.page < pages ? html`<li><a href="${href(view.page + 1)}" rel="next">${t('next')}</a></li>` : ''}
  </ul></nav>`;
}

function form(ctx: PageContext, view: SearchView): SafeHtml {
  const t = (key: Key, p?: Record<string, string>) => searchMessages.t(ctx.lang, key, p);
  const describedBy = ['site-q-hint', view.error ? 'site-q-error' : ''].filter(Boolean).join(' ');
  return html`<form class="site-search__form" method="get" action="${localPath(ctx.lang, SEARCH_PATH)}" role="search" aria-labelledby="site-search-title">
    ${fieldShell(
      ctx.lang,
      { name: 'q', id: 'site-q', label: t('label'), hint: t('hint'), error: view.error },
      html`<div class="site-search__row">
        <input class="input" type="search" id="site-q" name="q" value="${view.q}" aria-describedby="${describedBy}"${view.error ? html` aria-invalid="true"` : ''} maxlength="${MAX_TEXT_LENGTH}" autocomplete="off">
        <button type="submit">${t('submit')}</button>
      </div>`,
    )}
    ${view.kind ? html`<input type="hidden" name="kind" value="${view.kind}">` : ''}
  </form>`;
}

function summary(ctx: PageContext, view: SearchView, total: number): SafeHtml {
  const t = (key: Key, p?: Record<string, string>) => searchMessages.t(ctx.lang, key, p);
  const content = view.content;
  if (!content) return html``;
  const key: Key = total === 0 ? 'summary.zero' : total === 1 ? 'summary.one' : 'summary.many';
  const lines: SafeHtml[] = [
    html`<p class="site-search__summary">${t(key, { n: formatNumber(ctx.lang, total), q: view.q })}</p>`,
  ];
  if (content.corrected)
    lines.push(
      html`<p class="site-search__corrected">${t('corrected', { q: content.corrected.searched })}</p>`,
    );
  if (content.textIgnored) lines.push(html`<p>${t('ignored')}</p>`);
  if (content.omittedWords > 0) lines.push(html`<p>${t('omitted', { max: '12' })}</p>`);
  return html`${lines}`;
}

/** Links to each group with its count, when there are several groups with hits to scroll past. */
function jumpLinks(ctx: PageContext, view: SearchView): SafeHtml {
  const t = (key: Key) => searchMessages.t(ctx.lang, key);
  const counts = [
    ...(view.jobs ? [{ kind: 'job', total: view.jobs.total }] : []),
    ...(view.content?.groups ?? []).map((g) => ({ kind: g.kind as string, total: g.total })),
  ].filter((g) => g.total > 0);
  if (view.kind || counts.length < 2) return html``;
  return html`<nav class="search-jump" aria-label="${t('jumpTo')}"><ul>
    ${counts.map((g) => html`<li><a href="#search-${g.kind}">${t(`group.${g.kind}` as Key)} (${formatNumber(ctx.lang, g.total)})</a></li>`)}
  </ul></nav>`;
}

export function searchPage(ctx: PageContext, view: SearchView): Page {
  const t = (key: Key, p?: Record<string, string>) => searchMessages.t(ctx.lang, key, p);
  const content = view.content;
  const contentTotal = content?.total ?? 0;
  const total = contentTotal + (view.jobs?.total ?? 0);
  const groups = content
    ? html`${view.jobs ? jobsGroup(ctx, view.jobs, view.q) : ''}${content.groups.map((g) => group(ctx, view, g))}`
    : '';
  const kindTotal = view.kind ? (content?.groups[0]?.total ?? 0) : 0;
  return {
    title: view.q && !view.error ? t('titleFor', { q: view.q }) : t('title'),
    description: t('description', { region: ctx.region.name[ctx.lang] }),
    path: view.q ? `${SEARCH_PATH}?${searchQuery(view)}` : SEARCH_PATH,
    noindex: view.q !== '',
    main: html`<div class="wrap site-search">
      <h1 id="site-search-title">${t('title')}</h1>
      ${form(ctx, view)}
      ${summary(ctx, view, total)}
      ${view.kind ? html`<p><a href="${searchHref(ctx.lang, view.q)}">${t('back')}</a></p>` : jumpLinks(ctx, view)}
      ${groups}
      ${pagination(ctx, view, kindTotal)}
      ${content && total === 0 ? help(ctx) : ''}
    </div>`,
  };
}
