/**
 * Views of the job board: the search page (one GET form holding the text, the filters with their
 * counts and the sort order, the results, paging and the municipality map), the job page with its
 * JobPosting data, and the page of a job that is no longer open. Nothing needs JavaScript; a small
 * script only refreshes the results when a filter changes.
 */
import { checkboxGroup, fieldShell, radioGroup, selectField } from '../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../platform/html/html.ts';
import { localPath, type Page, type PageContext } from '../../platform/html/layout.ts';
import { formatDate, formatNumber, type Lang, type Params } from '../../platform/i18n/index.ts';
import { jobPostingJsonLd } from './jsonld.ts';
import type { MapData } from './map.ts';
import { messages } from './messages.ts';
import { PAGE_SIZE, PARAM, queryParams, queryString, type JobQuery } from './query.ts';
import type { JobDetail } from './repository.ts';
import { descriptionHtml } from './sanitize.ts';
import type { ConceptLabels, FacetOption, JobSummary, SearchResult } from './search/index.ts';

type Key = Parameters<typeof messages.t>[1];

function texts(ctx: PageContext) {
  const base: Params = { region: ctx.region.name[ctx.lang] };
  return {
    t: (key: Key, params?: Params) => messages.t(ctx.lang, key, { ...base, ...params }),
  };
}

export function jobPath(id: string): string {
  return `/jobs/${encodeURIComponent(id)}`;
}

function municipalityName(ctx: PageContext, code: string | null): string | null {
  if (!code) return null;
  return ctx.region.municipalities.find((m) => m.code === code)?.shortName ?? null;
}

/** A label in another language than the page is marked, so screen readers pronounce it right. */
function labelled(text: string, lang: Lang | undefined, pageLang: Lang): SafeHtml {
  return lang && lang !== pageLang ? html`<span lang="${lang}">${text}</span>` : html`${text}`;
}

/** Stands in a catalogue text for markup that `withMarkup` puts there. */
const SLOT = '\u0000';

/** A catalogue text (escaped) with markup in place of its one SLOT parameter. */
function withMarkup(text: string, markup: SafeHtml): SafeHtml {
  const [before = '', after = ''] = text.split(SLOT);
  return html`${before}${markup}${after}`;
}

function timeEl(lang: Lang, date: Date): SafeHtml {
  return html`<time datetime="${date.toISOString()}">${formatDate(lang, date)}</time>`;
}

// ---------------------------------------------------------------------------------------------
// A list of jobs (search results, similar jobs)

export function jobList(ctx: PageContext, jobs: JobSummary[], headingLevel: 2 | 3 = 3): SafeHtml {
  const { t } = texts(ctx);
  const lang = ctx.lang;
  return html`<ol class="job-list" role="list">
    ${jobs.map((job) => {
      const place = municipalityName(ctx, job.municipalityCode);
      const heading = html`<a href="${localPath(lang, jobPath(job.id))}">${job.headline}</a>`;
      return html`<li class="job-card">
        ${headingLevel === 2 ? html`<h2 class="job-card__title">${heading}</h2>` : html`<h3 class="job-card__title">${heading}</h3>`}
        <p class="job-card__meta"><span class="job-card__employer">${job.employerName}</span>${place ? html`<span class="job-card__place">${place}</span>` : ''}</p>
        <p class="job-card__dates">${withMarkup(t('search.published', { date: SLOT }), timeEl(lang, job.publishedAt))}${
          job.deadlineAt
            ? html` · ${withMarkup(t('search.deadline', { date: SLOT }), timeEl(lang, job.deadlineAt))}`
            : ''
        }</p>
        ${job.remote || job.generated ? html`<p class="job-card__tags">${job.remote ? html`<span class="tag">${t('search.remote')}</span>` : ''}${job.generated ? html`<span class="tag tag--muted">${t('search.generated')}</span>` : ''}</p>` : ''}
      </li>`;
    })}
  </ol>`;
}

// ---------------------------------------------------------------------------------------------
// The search page

export interface SearchView {
  query: JobQuery;
  result: SearchResult;
  map: MapData | null;
  /** Query string of this search without paging, for links and the feed. */
  feedPath: string;
}

function checkboxFacet(
  ctx: PageContext,
  name: string,
  legend: string,
  options: FacetOption[],
  id: string,
): SafeHtml {
  if (options.length === 0) return html``;
  return checkboxGroup(ctx.lang, {
    ...FACET,
    name,
    idPrefix: id,
    legend,
    values: options.filter((o) => o.selected).map((o) => o.value),
    options: options.map((o) => ({
      value: o.value,
      label: labelled(o.label, o.lang, ctx.lang),
      after: facetCount(ctx.lang, o.count),
    })),
  });
}

/** A filter group's look: a bare fieldset with a list of choices. */
const FACET = { className: 'facet', legendClass: 'facet__legend', listClass: 'facet__options' } as const;

function facetCount(lang: Lang, count: number): SafeHtml {
  return html`<span class="facet__count">(${formatNumber(lang, count)})</span>`;
}

function mapView(ctx: PageContext, view: SearchView): SafeHtml {
  const { t } = texts(ctx);
  const { map, result, query } = view;
  if (!map) return html``;
  const counts = new Map(result.facets.municipality.map((o) => [o.value, o.count]));
  const max = Math.max(1, ...counts.values());
  const shade = (n: number) => (n === 0 ? 0 : Math.min(4, 1 + Math.floor((n / max) * 3.999)));
  return html`<section class="job-map" aria-labelledby="job-map-title">
    <h2 id="job-map-title">${t('search.map.title')}</h2>
    <p class="job-map__intro" id="job-map-desc">${t('search.map.description')}</p>
    <svg class="job-map__svg" viewBox="${map.viewBox}" aria-labelledby="job-map-title" aria-describedby="job-map-desc" role="group" focusable="false">
      ${map.municipalities.map((m) => {
        const n = counts.get(m.code) ?? 0;
        const q = { ...query, municipality: [m.code], offset: 0 };
        const href = localPath(ctx.lang, `/jobs${queryString(queryParams(q))}`);
        const label = t('search.map.link', { name: m.name, count: formatNumber(ctx.lang, n) });
        const selected = query.municipality.includes(m.code);
        return html`<a href="${href}" class="job-map__area job-map__area--${shade(n)}${selected ? ' job-map__area--selected' : ''}"><title>${label}</title><path d="${m.d}"/><text x="${m.labelX}" y="${m.labelY}" aria-hidden="true">${formatNumber(ctx.lang, n)}</text></a>`;
      })}
    </svg>
  </section>`;
}

function pagination(ctx: PageContext, view: SearchView): SafeHtml {
  const { t } = texts(ctx);
  const { query, result } = view;
  const pages = Math.min(Math.ceil(result.total / PAGE_SIZE), 101);
  if (pages <= 1) return html``;
  const current = Math.floor(query.offset / PAGE_SIZE) + 1;
  const href = (page: number) =>
    localPath(ctx.lang, `/jobs${queryString(queryParams(query, { withPaging: 'page', page }))}`);
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  const items: SafeHtml[] = [];
  if (current > 1)
    items.push(html`<li><a href="${href(current - 1)}" rel="prev">${t('search.previous')}</a></li>`);
  shown.forEach((p, i) => {
    if (i > 0 && p - (shown[i - 1] as number) > 1) items.push(html`<li aria-hidden="true">…</li>`);
    items.push(
      p === current
        ? html`<li><a href="${href(p)}" aria-current="page" aria-label="${t('search.pageCurrent', { page: p })}">${p}</a></li>`
        : html`<li><a href="${href(p)}" aria-label="${t('search.page', { page: p })}">${p}</a></li>`,
    );
  });
  if (current < pages)
    items.push(html`<li><a href="${href(current + 1)}" rel="next">${t('search.next')}</a></li>`);
  return html`<nav class="pagination" aria-label="${t('search.pagination')}"><ul>${items}</ul></nav>`;
}

export function countText(lang: Lang, total: number): string {
  if (total === 0) return messages.t(lang, 'search.count.zero');
  if (total === 1) return messages.t(lang, 'search.count.one');
  return messages.t(lang, 'search.count.many', { count: formatNumber(lang, total) });
}

/** The part of the search page the enhancement script swaps: count, suggestion, results, paging. */
export function resultsFragment(ctx: PageContext, view: SearchView): SafeHtml {
  const { t } = texts(ctx);
  const { query, result } = view;
  const lang = ctx.lang;
  const from = query.offset + 1;
  const to = query.offset + result.items.length;
  const suggestionHref = result.suggestion
    ? localPath(lang, `/jobs${queryString(queryParams({ ...query, q: result.suggestion, offset: 0 }))}`)
    : '';
  return html`<div id="job-results" class="job-results">
    <h2 id="results-title" class="job-results__count" aria-live="polite" aria-atomic="true">${countText(lang, result.total)}</h2>
    ${result.total > 0 ? html`<p class="job-results__showing">${t('search.showing', { from: formatNumber(lang, from), to: formatNumber(lang, to), total: formatNumber(lang, result.total) })}</p>` : ''}
    ${result.suggestion ? html`<p class="job-results__suggestion">${t('search.didYouMean')} <a href="${suggestionHref}">${result.suggestion}</a></p>` : ''}
    ${result.omittedWords > 0 ? html`<p class="job-results__notice">${result.omittedWords === 1 ? t('search.wordsOmitted.one') : t('search.wordsOmitted.many', { count: formatNumber(lang, result.omittedWords) })}</p>` : ''}
    ${result.total === 0 ? html`<p>${t('search.noResultsHelp')}</p>` : ''}
    ${jobList(ctx, result.items)}
    ${pagination(ctx, view)}
  </div>`;
}

export function searchPage(ctx: PageContext, view: SearchView): Page {
  const { t } = texts(ctx);
  const { query, result } = view;
  const lang = ctx.lang;
  const f = result.facets;
  const path = `/jobs${queryString(queryParams(query, { withPaging: 'page', page: Math.floor(query.offset / PAGE_SIZE) + 1 }))}`;
  const title = query.q ? t('search.titleQuery', { q: query.q }) : t('search.title');
  const publishedOptions = ['', '1', '3', '7', '30'] as const;
  const main = html`<div class="wrap job-search">
    <h1>${t('search.title')}</h1>
    <p class="lead">${t('search.lead')}</p>
    <form class="job-search__form" method="get" action="${localPath(lang, '/jobs')}" id="job-search-form">
      <div role="search">
        ${fieldShell(
          lang,
          {
            name: PARAM.q,
            id: 'job-q',
            label: t('search.label'),
            hint: t('search.hint'),
            className: 'job-search__query',
          },
          html`<div class="job-search__row">
            <input type="search" id="job-q" name="${PARAM.q}" value="${query.q}" aria-describedby="job-q-hint" maxlength="200" autocomplete="off">
            <button type="submit">${t('search.submit')}</button>
          </div>`,
        )}
      </div>
      <div class="job-search__layout">
        <div class="job-search__filters">
          <h2 class="job-search__filters-title">${t('search.filters')}</h2>
          ${checkboxFacet(ctx, PARAM.municipality, t('search.facet.municipality'), f.municipality, 'f-mu')}
          ${checkboxFacet(ctx, PARAM.occupationField, t('search.facet.occupationField'), f.occupationField, 'f-fi')}
          ${query.occupationField.length || query.occupationGroup.length ? checkboxFacet(ctx, PARAM.occupationGroup, t('search.facet.occupationGroup'), f.occupationGroup, 'f-gr') : ''}
          ${checkboxFacet(ctx, PARAM.employmentType, t('search.facet.employmentType'), f.employmentType, 'f-et')}
          ${checkboxFacet(ctx, PARAM.worktime, t('search.facet.worktime'), f.worktime, 'f-wt')}
          ${checkboxGroup(lang, {
            ...FACET,
            name: PARAM.remote,
            idPrefix: 'f-re',
            legend: t('search.facet.remote'),
            values: query.remote ? ['true'] : [],
            options: [
              {
                id: 'f-re',
                value: 'true',
                label: t('search.facet.remote.option'),
                after: facetCount(lang, f.remote[0]?.count ?? 0),
              },
            ],
          })}
          ${radioGroup(lang, {
            ...FACET,
            name: PARAM.published,
            idPrefix: 'f-pa',
            legend: t('search.facet.published'),
            value: query.published,
            options: publishedOptions.map((d) => {
              const option = f.published.find((o) => o.value === d);
              return {
                value: d,
                id: `f-pa-${d || 'any'}`,
                label: t(`search.facet.published.${d || 'any'}` as Key),
                after: option ? facetCount(lang, option.count) : undefined,
              };
            }),
          })}
          ${checkboxFacet(ctx, PARAM.employer, t('search.facet.employer'), f.employer, 'f-ek')}
          <p class="job-search__apply"><button type="submit">${t('search.applyFilters')}</button></p>
          <p><a href="${localPath(lang, '/jobs')}">${t('search.clear')}</a></p>
        </div>
        <div class="job-search__main">
          <div class="job-search__sort">
            ${selectField(lang, {
              name: PARAM.sort,
              id: 'job-sort',
              label: t('search.sort'),
              className: 'field--contents',
              value: query.sort,
              options: (['relevance', 'newest', 'deadline'] as const).map((value) => ({
                value,
                label: t(`search.sort.${value}`),
              })),
            })}
            <button type="submit" class="button--secondary">${t('search.sortApply')}</button>
          </div>
          <div id="job-results-live">
            ${resultsFragment(ctx, view)}
          </div>
          <p class="job-search__feed"><a href="${localPath(lang, view.feedPath)}" type="application/rss+xml">${t('search.rss')}</a></p>
          ${mapView(ctx, view)}
          <p class="job-search__source">${t('search.source')}</p>
        </div>
      </div>
    </form>
  </div>`;
  return {
    title,
    description: t('search.description'),
    path,
    main,
    noindex: !isIndexable(query),
    head: html`<link rel="alternate" type="application/rss+xml" title="${t('rss.title')}" href="${localPath(lang, view.feedPath)}">`,
    scripts: ['js/job-search.js'],
  };
}

/** Only the plain list and single-filter pages are worth indexing; deep filter states are not. */
function isIndexable(query: JobQuery): boolean {
  return !query.q && query.offset === 0 && query.employer.length === 0 && query.occupationGroup.length === 0;
}

// ---------------------------------------------------------------------------------------------
// The job page

function fact(term: string, value: SafeHtml | string | null | undefined): SafeHtml {
  if (value === null || value === undefined || value === '') return html``;
  return html`<div class="job-facts__item"><dt>${term}</dt><dd>${value}</dd></div>`;
}

export function applyLinks(ctx: PageContext, job: JobDetail): SafeHtml {
  const { t } = texts(ctx);
  const details = job.raw.application_details ?? {};
  const url = safeUrl(details.url);
  const email =
    details.email && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(details.email) ? details.email : null;
  const platsbanken = safeUrl(job.raw.webpage_url);
  const items: SafeHtml[] = [];
  if (url)
    items.push(html`<p><a class="button" href="${url}" rel="noopener external">${t('job.applyUrl')}</a></p>`);
  if (email)
    items.push(
      html`<p>${withMarkup(t('job.applyEmail', { email: SLOT }), html`<a href="mailto:${email}">${email}</a>`)}</p>`,
    );
  if (!url && !email && platsbanken)
    items.push(
      html`<p><a class="button" href="${platsbanken}" rel="noopener external">${t('job.applyPlatsbanken')}</a></p>`,
    );
  if (details.reference)
    items.push(html`<p>${t('job.applyReference', { reference: details.reference })}</p>`);
  if (details.information || details.other)
    items.push(html`<p>${t('job.applyInformation')} ${details.information ?? ''} ${details.other ?? ''}</p>`);
  return html`${items}`;
}

/** Only http(s) links from ads are ever made clickable. */
export function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Hosts whose job pages may be the canonical page of an ad we mirror (Platsbanken). */
const CANONICAL_HOSTS = ['arbetsformedlingen.se'];

/**
 * The ad's own page as the canonical URL, only when it is on a known job source: an ad names any
 * host it likes in webpage_url, and a canonical link hands that host this page's search ranking.
 */
export function canonicalSource(url: string | null): string | null {
  if (!url) return null;
  const { protocol, hostname } = new URL(url);
  const known = CANONICAL_HOSTS.some((host) => hostname === host || hostname.endsWith(`.${host}`));
  return protocol === 'https:' && known ? url : null;
}

export interface JobView {
  job: JobDetail;
  similar: JobSummary[];
  labels: ConceptLabels;
}

function conceptText(ctx: PageContext, labels: ConceptLabels, id: string | null): SafeHtml | null {
  if (!id) return null;
  const label = labels.label(id, ctx.lang);
  return label ? labelled(label.text, label.lang, ctx.lang) : null;
}

export function jobPage(ctx: PageContext, view: JobView): Page {
  const { t } = texts(ctx);
  const { job, labels, similar } = view;
  const lang = ctx.lang;
  const raw_ = job.raw;
  const place = municipalityName(ctx, job.municipalityCode);
  const scope = raw_.scope_of_work;
  const scopeText =
    scope && scope.min !== null && scope.max !== null
      ? scope.min === scope.max
        ? t('job.scopeSingle', { value: scope.min })
        : t('job.scopeRange', { min: scope.min, max: scope.max })
      : null;
  const original = !job.generated ? safeUrl(raw_.webpage_url) : null;
  const description = descriptionHtml(raw_.description?.text_formatted, raw_.description?.text);
  const adLang = job.lang !== lang ? job.lang : undefined;
  const main = html`<div class="wrap job-page">
    <p class="job-page__back"><a href="${localPath(lang, '/jobs')}">${t('job.back')}</a></p>
    <article class="job" aria-labelledby="job-title">
      <header class="job__header">
        <h1 id="job-title"${adLang ? html` lang="${adLang}"` : ''}>${job.headline}</h1>
        <p class="job__employer">${job.employerName}${place ? html` · ${place}` : ''}</p>
        ${job.generated ? html`<p class="notice">${t('job.generatedNotice')}</p>` : ''}
      </header>
      <section class="job__facts" aria-labelledby="job-facts-title">
        <h2 id="job-facts-title">${t('job.facts')}</h2>
        <dl class="job-facts">
          ${fact(t('job.employer'), job.employerName)}
          ${fact(t('job.workplace'), job.workplace && job.workplace !== job.employerName ? job.workplace : null)}
          ${fact(t('job.municipality'), place)}
          ${fact(t('job.occupation'), job.occupationLabel ? labelled(job.occupationLabel, lang === 'en' ? 'sv' : undefined, lang) : null)}
          ${fact(t('job.employmentType'), conceptText(ctx, labels, job.employmentTypeId))}
          ${fact(t('job.worktime'), conceptText(ctx, labels, job.worktimeId))}
          ${fact(t('job.scope'), scopeText)}
          ${fact(t('job.duration'), conceptText(ctx, labels, job.durationId))}
          ${fact(t('job.salaryType'), conceptText(ctx, labels, job.salaryTypeId))}
          ${fact(t('job.salaryDescription'), raw_.salary_description ? labelled(raw_.salary_description, lang === 'en' ? 'sv' : undefined, lang) : null)}
          ${fact(t('job.vacancies'), job.vacancies ? formatNumber(lang, job.vacancies) : null)}
          ${fact(t('job.start'), raw_.access ? labelled(raw_.access, lang === 'en' ? 'sv' : undefined, lang) : null)}
          ${fact(t('job.published'), timeEl(lang, job.publishedAt))}
          ${fact(t('job.deadline'), job.deadlineAt ? timeEl(lang, job.deadlineAt) : null)}
        </dl>
        ${job.remote ? html`<p>${t('job.remote')}</p>` : ''}
        ${raw_.experience_required ? html`<p>${t('job.experienceRequired')}</p>` : ''}
        ${raw_.driving_license_required ? html`<p>${t('job.drivingLicence')}</p>` : ''}
      </section>
      <section class="job__description" aria-labelledby="job-description-title">
        <h2 id="job-description-title">${t('job.description')}</h2>
        ${job.lang === 'en' && lang === 'sv' ? html`<p class="job__language">${t('job.language')}</p>` : ''}
        <div class="prose job__text" lang="${job.lang}">${description}</div>
      </section>
      <section class="job__apply" aria-labelledby="job-apply-title">
        <h2 id="job-apply-title">${t('job.apply')}</h2>
        ${applyLinks(ctx, job)}
        ${original ? html`<p><a href="${original}" rel="noopener external">${t('job.original')}</a></p>` : ''}
      </section>
    </article>
    <section class="job-similar" aria-labelledby="job-similar-title">
      <h2 id="job-similar-title">${t('job.similar')}</h2>
      ${similar.length ? jobList(ctx, similar) : html`<p>${t('job.noSimilar')}</p>`}
    </section>
  </div>`;
  const jsonLd = jobPostingJsonLd(ctx, job);
  return {
    title: `${job.headline} – ${job.employerName}`,
    description: [job.employerName, place, job.occupationLabel].filter(Boolean).join(' · '),
    path: jobPath(job.id),
    main,
    canonical: canonicalSource(original) ?? undefined,
    head: jsonLd,
  };
}

export function closedJobPage(ctx: PageContext, job: JobDetail, similar: JobSummary[]): Page {
  const { t } = texts(ctx);
  const lang = ctx.lang;
  const reason = job.closedReason ?? 'missing';
  const main = html`<div class="wrap job-page job-page--closed">
    <h1>${t('closed.title')}</h1>
    <p class="lead">${t(`closed.text.${reason}` as Key, { headline: job.headline, employer: job.employerName })}</p>
    <p><a class="button" href="${localPath(lang, '/jobs')}">${t('closed.search')}</a></p>
    <section class="job-similar" aria-labelledby="job-similar-title">
      <h2 id="job-similar-title">${t('closed.similar')}</h2>
      ${similar.length ? jobList(ctx, similar) : html`<p>${t('job.noSimilar')}</p>`}
    </section>
  </div>`;
  return {
    title: t('closed.title'),
    description: t(`closed.text.${reason}` as Key, { headline: job.headline, employer: job.employerName }),
    path: jobPath(job.id),
    main,
    noindex: true,
  };
}
