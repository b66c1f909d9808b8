/**
 * Views of the job board: the search page (one GET form holding the text, the filters with their
 * counts and the sort order, the results, paging and the municipality map), the job page with its
 * JobPosting data, and the page of a job that is no longer open. Nothing needs JavaScript; a small
 * script only refreshes the results when a filter changes.
 */
import {
  checkboxGroup,
  choiceId,
  fieldShell,
  groupShell,
  radioGroup,
  selectField,
} from '../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../platform/html/html.ts';
import { localPath, type Page, type PageContext } from '../../platform/html/layout.ts';
import { formatDate, formatNumber, type Lang, type Params } from '../../platform/i18n/index.ts';
import { canonicalElsewhere, isCanonicalHere, safeUrl } from './canonical.ts';
import type { EmployerPage, EmployerPages } from './employers.ts';
import { ownDescription, ownHours } from './own/render.ts';
import { englishGroupTitle } from './english-titles.ts';
import { jobPostingJsonLd } from './jsonld.ts';
import { mapAreaLink, mapShade, type MapData } from './map.ts';
import { messages } from './messages.ts';
import { isEmptySearch, PAGE_SIZE, PARAM, queryParams, queryString, type JobQuery } from './query.ts';
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

const pluralRules: Record<Lang, Intl.PluralRules> = {
  sv: new Intl.PluralRules('sv'),
  en: new Intl.PluralRules('en'),
};

/** A catalogue text with a count: its `.one` or `.other` form as the language's plural rules pick. */
function plural(
  ctx: PageContext,
  key: 'search.count' | 'search.map.link' | 'search.wordsOmitted' | 'search.placesUndo',
  count: number,
  params: Params = {},
): string {
  const form = pluralRules[ctx.lang].select(count) === 'one' ? 'one' : 'other';
  return texts(ctx).t(`${key}.${form}`, { ...params, count: formatCount(ctx.lang, count) });
}

/** Names joined as the language lists them ("Falun och Mora", "Falun and Mora"). */
function listOf(lang: Lang, items: string[]): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
}

/**
 * A search's own state (text, filters, sort and page) as a query string. Its result links carry it,
 * so the job page can lead back to exactly this search.
 */
export function searchState(query: JobQuery): string {
  const page = Math.floor(query.offset / PAGE_SIZE) + 1;
  return queryString(queryParams(query, { withPaging: 'page', page }));
}

/**
 * How many filters are on (the text and the sort order are not filters), counting the municipalities
 * read from the text (`places`), which the panel shows ticked, once each.
 */
export function activeFilters(query: JobQuery, places: readonly { code: string }[] = []): number {
  const lists = [
    [...new Set([...query.municipality, ...places.map((p) => p.code)])],
    query.occupationField,
    query.occupationGroup,
    query.employmentType,
    query.worktime,
    query.employer,
    query.language,
  ];
  return lists.reduce((n, list) => n + list.length, Number(query.remote) + Number(query.published !== ''));
}

export function jobPath(id: string): string {
  return `/jobs/${encodeURIComponent(id)}`;
}

/**
 * "Spara jobbet": a plain form posting the job's id to the talent pool's saved jobs (signed-in
 * people; a visitor is sent to sign in). The page is the same for everyone, so it holds no token.
 */
function saveJobForm(ctx: PageContext, job: { id: string; headline: string }, className: string): SafeHtml {
  return html`<form class="${className}" method="post" action="${localPath(ctx.lang, '/saved-jobs')}">
    <input type="hidden" name="job" value="${job.id}">
    ${saveJobButton(ctx, job, false)}
  </form>`;
}

/** The button alone; `inForm`: inside another form (the search page's), posting it here instead. */
function saveJobButton(ctx: PageContext, job: { id: string; headline: string }, inForm: boolean): SafeHtml {
  const { t } = texts(ctx);
  const post = inForm
    ? html` name="job" value="${job.id}" formaction="${localPath(ctx.lang, '/saved-jobs')}" formmethod="post" formnovalidate`
    : '';
  return html`<button type="submit" class="button--secondary"${post} aria-label="${t('job.saveNamed', { headline: job.headline })}">${t('job.save')}</button>`;
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
  return html`<time datetime="${date.toISOString()}">${dateText(lang, date)}</time>`;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Dates as formatted, by day: Intl's formatting costs more than the rest of a job card. */
const dayTexts: Record<Lang, Map<number, string>> = { sv: new Map(), en: new Map() };

/**
 * formatDate, once per calendar day. Stockholm is UTC+1 or UTC+2: where both give the same day the
 * date does not depend on summer time, and the day's text is reused; the hour where they differ is
 * formatted each time. A few thousand days at most are kept.
 */
function dateText(lang: Lang, date: Date): string {
  const t = date.getTime();
  const day = Math.floor((t + HOUR_MS) / DAY_MS);
  if (day !== Math.floor((t + 2 * HOUR_MS) / DAY_MS)) return formatDate(lang, date);
  const known = dayTexts[lang];
  let text = known.get(day);
  if (text === undefined) {
    if (known.size >= 5000) known.clear();
    text = formatDate(lang, date);
    known.set(day, text);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// A list of jobs (search results, similar jobs)

/** What a list of job cards may show besides the jobs. */
export interface JobListOptions {
  /** Employers with a company page here: their logo and a link to it on each of their cards. */
  employers?: EmployerPages;
  /** Where a card's title links (after the language prefix); default the job's page. */
  href?: (job: JobSummary) => string;
  /** Extra attributes of the title link (the company page's links are rel="nofollow"). */
  rel?: string;
  /** A "Spara jobbet" button on each card, for a list inside the search page's form. */
  saveInForm?: boolean;
}

/** The employer's logo (decorative: the name is next to it) and its name, linking to its page. */
export function employerLine(lang: Lang, name: string, page: EmployerPage | undefined): SafeHtml | string {
  if (!page) return name;
  const logo = page.logo
    ? html`<img class="employer-logo" src="${page.logo.src}" alt="" width="${page.logo.width}" height="${page.logo.height}" loading="lazy" decoding="async">`
    : '';
  return html`${logo}<a href="${localPath(lang, page.path)}">${name}</a>`;
}

/**
 * Job cards. `from`: the search the list belongs to (searchState), carried by each link so the job
 * page's back link returns to it.
 */
export function jobList(
  ctx: PageContext,
  jobs: JobSummary[],
  headingLevel: 2 | 3 = 3,
  from = '',
  options: JobListOptions = {},
): SafeHtml {
  const { t } = texts(ctx);
  const lang = ctx.lang;
  const href = options.href ?? ((job: JobSummary) => jobPath(job.id) + from);
  const rel = options.rel ? html` rel="${options.rel}"` : '';
  return html`<ol class="job-list" role="list">
    ${jobs.map((job) => {
      const place = municipalityName(ctx, job.municipalityCode);
      // A headline in the other language is marked, so a screen reader pronounces it right.
      const heading = html`<a href="${localPath(lang, href(job))}"${rel}${job.lang !== lang ? html` lang="${job.lang}"` : ''}>${job.headline}</a>`;
      const english = job.lang === 'en';
      const employer = options.employers?.get(job.employerOrgnr);
      return html`<li class="job-card">
        ${headingLevel === 2 ? html`<h2 class="job-card__title">${heading}</h2>` : html`<h3 class="job-card__title">${heading}</h3>`}
        <p class="job-card__meta"><span class="job-card__employer">${employerLine(lang, job.employerName, employer)}</span>${place ? html`<span class="job-card__place">${place}</span>` : ''}</p>
        <p class="job-card__dates">${withMarkup(t('search.published', { date: SLOT }), timeEl(lang, job.publishedAt))}${
          job.deadlineAt
            ? html` · ${withMarkup(t('search.deadline', { date: SLOT }), timeEl(lang, job.deadlineAt))}`
            : ''
        }</p>
        ${options.saveInForm ? html`<p class="job-card__save">${saveJobButton(ctx, job, true)}</p>` : ''}
        ${job.remote || job.generated || english ? html`<p class="job-card__tags">${english ? html`<span class="tag">${t('search.inEnglish')}</span>` : ''}${job.remote ? html`<span class="tag">${t('search.remote')}</span>` : ''}${job.generated ? html`<span class="tag tag--muted">${t('search.generated')}</span>` : ''}</p>` : ''}
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
  /** The page's URL named a filter value it does not know; the page dropped it and says so. */
  droppedFilter?: boolean;
  /** Employers with a company page (their logo and link on their cards). */
  employers?: EmployerPages;
}

/** A filter group's look: a bare fieldset with a list of choices. */
const FACET = { className: 'facet', legendClass: 'facet__legend', listClass: 'facet__options' } as const;

/** Choices a facet shows before "Visa alla" (employers: there can be thousands). */
const FACET_SHOWN = 10;
/**
 * Employers listed at most, those with the most jobs (chosen ones first): each costs the page about
 * 40 compressed bytes, and the search page stays under 50 KB. The rest are found by name.
 */
const FACET_LISTED = 250;

/**
 * A filter of checkboxes with counts. Past `shown` choices the rest, up to `listed`, sit in a
 * "Visa alla (N)" disclosure (open when one of them is chosen), in the same fieldset.
 */
function checkboxFacet(
  ctx: PageContext,
  name: string,
  legend: string,
  options: FacetOption[],
  id: string,
  shown = Infinity,
  listed = Infinity,
  /** How many choices there are in all, when `options` holds only the first of them. */
  total = options.length,
): SafeHtml {
  if (options.length === 0) return html``;
  const { t } = texts(ctx);
  const spec = { ...FACET, name, idPrefix: id, legend };
  // Up to 250 employers a page: one template per option, its count formatted without Intl when small.
  const items = (list: FacetOption[]) =>
    html`<ul class="facet__options">${list.map((o) => {
      const inputId = choiceId(spec, o.value);
      const label = o.lang && o.lang !== ctx.lang ? html`<span lang="${o.lang}">${o.label}</span>` : o.label;
      return html`<li><input type="checkbox" id="${inputId}" name="${name}" value="${o.value}"${o.selected ? CHECKED : ''} />
      <label for="${inputId}">${label} <span class="facet__count">(${formatCount(ctx.lang, o.count)})</span></label></li>`;
    })}</ul>`;
  const first = options.slice(0, shown);
  const rest = options.slice(shown, listed);
  const all = formatNumber(ctx.lang, Math.max(total, options.length));
  const cut = Math.max(total, options.length) > listed;
  const more = rest.length
    ? html`<details class="facet__more"${rest.some((o) => o.selected) ? html` open` : ''}>
        <summary>${cut ? t('search.facet.showMore', { shown: formatNumber(ctx.lang, listed), count: all }) : t('search.facet.showAll', { count: all })}</summary>
        ${items(rest)}
        ${cut ? html`<p class="facet__hint">${t('search.facet.findByName')}</p>` : ''}
      </details>`
    : '';
  return groupShell(ctx.lang, spec, html`${items(first)}${more}`);
}

function facetCount(lang: Lang, n: number): SafeHtml {
  return html`<span class="facet__count">(${formatCount(lang, n)})</span>`;
}

const CHECKED = html` checked`;

/** What Intl.NumberFormat puts between groups of three digits (sv: a no-break space). */
const GROUP_SEPARATOR: Record<Lang, string> = { sv: '\u00a0', en: ',' };

/**
 * A count as formatNumber writes it, without Intl (a page has hundreds): the digits in groups of
 * three, for whole numbers from 0 below a billion; anything else through formatNumber.
 */
function formatCount(lang: Lang, n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e9) return formatNumber(lang, n);
  const digits = String(n);
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += GROUP_SEPARATOR[lang] + digits.slice(i, i + 3);
  return out;
}

/** "Annonser på engelska" as one checkbox; both languages as a list when the URL chose Swedish too. */
function languageFacet(ctx: PageContext, query: JobQuery, options: FacetOption[] | undefined): SafeHtml {
  if (!options) return html``;
  const { t } = texts(ctx);
  const label = (value: string) => t(`search.facet.language.${value === 'en' ? 'en' : 'sv'}`);
  const legend = t('search.facet.language');
  if (query.language.includes('sv')) {
    const labelledOptions = options.map((o) => ({ ...o, label: label(o.value), lang: undefined }));
    return checkboxFacet(ctx, PARAM.language, legend, labelledOptions, 'f-la');
  }
  return checkboxGroup(ctx.lang, {
    ...FACET,
    name: PARAM.language,
    idPrefix: 'f-la',
    legend,
    values: query.language,
    options: [
      {
        value: 'en',
        label: label('en'),
        after: facetCount(ctx.lang, options.find((o) => o.value === 'en')?.count ?? 0),
      },
    ],
  });
}

/**
 * The searched text without the place names the search read from it as municipality filters (after a
 * correction, the corrected text's), so that choosing another municipality on the map shows that
 * municipality's jobs, not those of both. The search box shows it too: the place is then the ticked
 * municipality in the filters, and unticking it takes it off.
 */
function textWithoutPlaces(view: SearchView): string {
  const places = view.result.places ?? [];
  if (places.length === 0) return view.query.q;
  let text = view.result.corrected?.searched ?? view.query.q;
  for (const place of places) {
    const words = place.word.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const name = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s-]+')}(?![\\p{L}\\p{N}])`, 'iu');
    text = text.replace(name, ' ');
  }
  return text.replace(/\s+/g, ' ').trim();
}

function mapView(ctx: PageContext, view: SearchView): SafeHtml {
  const { t } = texts(ctx);
  const { map, result, query } = view;
  if (!map) return html``;
  const text = textWithoutPlaces(view);
  const inText = new Set((result.places ?? []).map((p) => p.code));
  const counts = new Map(result.facets.municipality.map((o) => [o.value, o.count]));
  const max = Math.max(1, ...counts.values());
  return html`<section class="job-map" aria-labelledby="job-map-title">
    <h2 id="job-map-title">${t('search.map.title')}</h2>
    <p class="job-map__intro" id="job-map-desc">${t('search.map.description')}</p>
    <svg class="job-map__svg" viewBox="${map.viewBox}" aria-labelledby="job-map-title" aria-describedby="job-map-desc" role="group" focusable="false">
      ${map.municipalities.map((m) => {
        const n = counts.get(m.code) ?? 0;
        const q = { ...query, q: text, municipality: [m.code], offset: 0 };
        const href = localPath(ctx.lang, `/jobs${queryString(queryParams(q))}`);
        const label = plural(ctx, 'search.map.link', n, { name: m.name });
        const selected = query.municipality.includes(m.code) || inText.has(m.code);
        const count = formatCount(ctx.lang, n);
        return mapAreaLink({
          cls: 'job-map',
          shape: m,
          href,
          label,
          count,
          shade: mapShade(n, max, 4),
          selected,
        });
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

export function countText(ctx: PageContext, total: number): string {
  if (total === 0) return texts(ctx).t('search.count.zero');
  return plural(ctx, 'search.count', total);
}

/**
 * What the search did with the text besides searching it, each with one link to search the text as
 * typed instead (`literal=1`): a correction when the text found nothing, and place names it read as
 * municipality filters. Otherwise "Menade du" when few ads matched.
 */
function textNotes(ctx: PageContext, view: SearchView): SafeHtml {
  const { t } = texts(ctx);
  const { query, result } = view;
  const lang = ctx.lang;
  const searchFor = (q: Partial<JobQuery>) =>
    localPath(lang, `/jobs${queryString(queryParams({ ...query, offset: 0, ...q }))}`);
  const literal = searchFor({ literal: true });
  const notes: SafeHtml[] = [];
  const corrected = result.corrected;
  if (corrected) {
    const shown = withMarkup(
      t('search.corrected', { searched: SLOT }),
      html`<strong>${corrected.searched}</strong>`,
    );
    const undo = t('search.correctedUndo', { typed: t('search.quoted', { word: corrected.typed }) });
    notes.push(html`<p class="job-results__suggestion">${shown} — <a href="${literal}">${undo}</a></p>`);
  } else if (result.suggestion) {
    notes.push(
      html`<p class="job-results__suggestion">${t('search.didYouMean')} <a href="${searchFor({ q: result.suggestion })}">${result.suggestion}</a></p>`,
    );
  }
  // The places in the order they were typed (the search finds them longest name first).
  const typed = (corrected?.searched ?? query.q).toLocaleLowerCase(lang);
  const at = (word: string) => typed.indexOf(word.toLocaleLowerCase(lang).split(/\s+/)[0] ?? '');
  const places = [...(result.places ?? [])].sort((a, b) => at(a.word) - at(b.word));
  if (places.length) {
    // After a correction the places are words of the corrected text: searching them as words
    // searches that text as it stands, not the typo (which finds nothing).
    const placesUndo = corrected ? searchFor({ q: corrected.searched, literal: true }) : literal;
    // The ticked municipalities too: the jobs shown are those of all of them.
    const ticked = query.municipality.flatMap((code) => municipalityName(ctx, code) ?? []);
    const names = [...places.map((p) => municipalityName(ctx, p.code) ?? p.word), ...ticked];
    const words = listOf(
      lang,
      places.map((p) => t('search.quoted', { word: p.word })),
    );
    notes.push(
      html`<p class="job-results__notice job-results__places">${t('search.places', { places: listOf(lang, [...new Set(names)]) })} <a href="${placesUndo}">${plural(ctx, 'search.placesUndo', places.length, { words })}</a></p>`,
    );
  }
  return html`${notes}`;
}

/** The part of the search page the enhancement script swaps: count, notes, results, paging. */
export function resultsFragment(ctx: PageContext, view: SearchView): SafeHtml {
  const { t } = texts(ctx);
  const { query, result } = view;
  const lang = ctx.lang;
  const from = query.offset + 1;
  const to = query.offset + result.items.length;
  return html`<div id="job-results" class="job-results">
    <h2 id="results-title" class="job-results__count" aria-live="polite" aria-atomic="true">${countText(ctx, result.total)}</h2>
    ${view.droppedFilter ? html`<p class="notice job-results__dropped">${t('search.unknownFilter')}</p>` : ''}
    ${result.total > 0 ? html`<p class="job-results__showing">${t('search.showing', { from: formatCount(lang, from), to: formatCount(lang, to), total: formatCount(lang, result.total) })}</p>` : ''}
    <p class="job-search__watch"><a class="button button--secondary" href="${localPath(lang, `/alerts/new${queryString(queryParams({ ...query, offset: 0 }, { sort: false }))}`)}">${t('search.watch')}</a> <span class="field__hint">${t('search.watchHint')}</span></p>
    ${textNotes(ctx, view)}
    ${result.omittedWords > 0 ? html`<p class="job-results__notice">${plural(ctx, 'search.wordsOmitted', result.omittedWords)}</p>` : ''}
    ${result.textIgnored ? html`<p class="job-results__notice">${t('search.textIgnored', { q: query.q })}</p>` : ''}
    ${result.total === 0 ? html`<p>${t('search.noResultsHelp')}</p>` : ''}
    ${jobList(ctx, result.items, 3, searchState(query), { employers: view.employers, saveInForm: true })}
    ${pagination(ctx, view)}
  </div>`;
}

const PUBLISHED_OPTIONS = ['', '1', '3', '7', '30'] as const;

/**
 * The filters, behind a "Filtrera (3)" disclosure: closed on a phone, so the results come first;
 * from 50rem the filter column, always open (CSS, and the script for browsers without
 * ::details-content), its summary hidden.
 */
function filterPanel(ctx: PageContext, view: SearchView): SafeHtml {
  const { t } = texts(ctx);
  const { query, result } = view;
  const lang = ctx.lang;
  const f = result.facets;
  const on = activeFilters(query, result.places);
  return html`<details class="job-filters" id="job-filters">
    <summary class="job-filters__toggle">${on ? t('search.filterToggleCount', { count: formatNumber(lang, on) }) : t('search.filterToggle')}</summary>
    <div class="job-search__filters">
      <h2 class="job-search__filters-title">${t('search.filters')}</h2>
      ${checkboxFacet(ctx, PARAM.municipality, t('search.facet.municipality'), f.municipality, 'f-mu')}
      ${checkboxFacet(ctx, PARAM.occupationField, t('search.facet.occupationField'), f.occupationField, 'f-fi')}
      ${query.occupationField.length || query.occupationGroup.length ? checkboxFacet(ctx, PARAM.occupationGroup, t('search.facet.occupationGroup'), f.occupationGroup, 'f-gr') : ''}
      ${languageFacet(ctx, query, f.language)}
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
        options: PUBLISHED_OPTIONS.map((d) => {
          const option = f.published.find((o) => o.value === d);
          return {
            value: d,
            id: `f-pa-${d || 'any'}`,
            label: t(`search.facet.published.${d || 'any'}` as Key),
            after: option ? facetCount(lang, option.count) : undefined,
          };
        }),
      })}
      ${checkboxFacet(ctx, PARAM.employer, t('search.facet.employer'), f.employer, 'f-ek', FACET_SHOWN, FACET_LISTED, f.employerCount)}
      <p class="job-search__apply"><button type="submit">${t('search.applyFilters')}</button></p>
      <p><a href="${localPath(lang, '/jobs')}">${t('search.clear')}</a></p>
    </div>
  </details>`;
}

export function searchPage(ctx: PageContext, view: SearchView): Page {
  const { t } = texts(ctx);
  const { query } = view;
  const lang = ctx.lang;
  const path = `/jobs${searchState(query)}`;
  const title = query.q ? t('search.titleQuery', { q: query.q }) : t('search.title');
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
            <input type="search" id="job-q" name="${PARAM.q}" value="${query.literal ? query.q : textWithoutPlaces(view)}" aria-describedby="job-q-hint" maxlength="200" autocomplete="off">
            <button type="submit">${t('search.submit')}</button>
          </div>`,
        )}
        ${query.literal && query.q ? html`<input type="hidden" name="${PARAM.literal}" value="1">` : ''}
      </div>
      <div class="job-search__layout">
        ${filterPanel(ctx, view)}
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
            <button type="submit" class="button--secondary job-search__sort-apply">${t('search.sortApply')}</button>
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
  return (
    !query.q &&
    !query.literal &&
    query.offset === 0 &&
    query.employer.length === 0 &&
    query.occupationGroup.length === 0
  );
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

export interface JobView {
  job: JobDetail;
  similar: JobSummary[];
  labels: ConceptLabels;
  /** The search the page was reached from (searchState of its parsed parameters), '' for none. */
  from?: { state: string; query: JobQuery };
  /** Employers with a company page (this job's: its logo and link; the similar jobs' too). */
  employers?: EmployerPages;
}

/** The duration concept "Tills vidare": an employment with no end date. */
const OPEN_ENDED = 'a7uU_j21_mkL';

/** The worktime concept "Heltid" (full-time). */
const FULL_TIME = '6YE1_gAC_R2G';

/**
 * Extent as people say it ("50 % of full-time"); nothing when it only repeats the working hours
 * (100 % of a full-time job).
 */
function scopeText(ctx: PageContext, job: JobDetail): string | null {
  const { t } = texts(ctx);
  const scope = job.raw.scope_of_work;
  if (!scope || scope.min === null || scope.max === null) return null;
  if (scope.min !== scope.max) return t('job.scopeRange', { min: scope.min, max: scope.max });
  if (scope.min !== 100) return t('job.scopeSingle', { value: scope.min });
  return job.worktimeId === FULL_TIME ? null : t('job.scopeFull');
}

/**
 * The occupation in the page's language: on English pages the Statistics Sweden English title of
 * the ad's SSYK-4 group where there is one, else the ad's Swedish label, marked lang="sv".
 */
function occupationText(ctx: PageContext, job: JobDetail): SafeHtml | null {
  const english =
    ctx.lang === 'en' && job.occupationGroupId ? englishGroupTitle(job.occupationGroupId) : undefined;
  if (english) return html`${english}`;
  if (!job.occupationLabel) return null;
  return labelled(job.occupationLabel, ctx.lang === 'en' ? 'sv' : undefined, ctx.lang);
}

/** The job page's title: the headline and the employer, unless the headline already names it. */
export function jobTitle(job: Pick<JobDetail, 'headline' | 'employerName'>): string {
  const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
  const named = !job.employerName || fold(job.headline).includes(fold(job.employerName));
  return named ? job.headline : `${job.headline} – ${job.employerName}`;
}

/** "Tillbaka till sökningen" with the search it came from, or to the whole job list. */
function backLink(ctx: PageContext, from: JobView['from']): SafeHtml {
  const { t } = texts(ctx);
  const toSearch = from && !isEmptySearch(from.query);
  const href = localPath(ctx.lang, `/jobs${from?.state ?? ''}`);
  return html`<p class="job-page__back"><a href="${href}">${toSearch ? t('job.backToSearch') : t('job.back')}</a></p>`;
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
  const duration =
    job.durationId === OPEN_ENDED ? t('job.durationOpenEnded') : conceptText(ctx, labels, job.durationId);
  const original = !job.generated ? safeUrl(raw_.webpage_url) : null;
  // An employer's own ad shows its description in each language it was written in.
  const ownText = job.origin === 'own' ? ownDescription(raw_, lang) : null;
  const description =
    ownText ??
    html`<div class="prose job__text" lang="${job.lang}">${descriptionHtml(raw_.description?.text_formatted, raw_.description?.text)}</div>`;
  const adLang = job.lang !== lang ? job.lang : undefined;
  const employer = view.employers?.get(job.employerOrgnr);
  const main = html`<div class="wrap job-page">
    ${backLink(ctx, view.from)}
    <article class="job" aria-labelledby="job-title">
      <header class="job__header">
        <h1 id="job-title"${adLang ? html` lang="${adLang}"` : ''}>${job.headline}</h1>
        <p class="job__employer">${employerLine(lang, job.employerName, employer)}${place ? html` · ${place}` : ''}</p>
        ${job.generated ? html`<p class="notice">${t('job.generatedNotice')}</p>` : ''}
        ${saveJobForm(ctx, job, 'job__save')}
      </header>
      <section class="job__facts" aria-labelledby="job-facts-title">
        <h2 id="job-facts-title">${t('job.facts')}</h2>
        <dl class="job-facts">
          ${fact(t('job.employer'), job.employerName)}
          ${fact(t('job.workplace'), job.workplace && job.workplace !== job.employerName ? job.workplace : null)}
          ${fact(t('job.municipality'), place)}
          ${fact(t('job.occupation'), occupationText(ctx, job))}
          ${fact(t('job.employmentType'), conceptText(ctx, labels, job.employmentTypeId))}
          ${fact(t('job.worktime'), conceptText(ctx, labels, job.worktimeId))}
          ${fact(t('job.scope'), scopeText(ctx, job) ?? (job.origin === 'own' ? ownHours(raw_) : null))}
          ${fact(t('job.duration'), duration)}
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
        ${description}
      </section>
      <section class="job__apply" aria-labelledby="job-apply-title">
        <h2 id="job-apply-title">${t('job.apply')}</h2>
        ${applyLinks(ctx, job)}
        ${original ? html`<p><a href="${original}" rel="noopener external">${t('job.original')}</a></p>` : ''}
        <p class="job__navigator"><a href="${localPath(lang, `/move?job=${encodeURIComponent(job.id)}`)}">${t('job.askNavigator')}</a></p>
      </section>
      ${employer ? html`<p class="job__company"><a href="${localPath(lang, employer.path)}">${t('job.employerPage', { employer: employer.name })}</a></p>` : ''}
    </article>
    <section class="job-similar" aria-labelledby="job-similar-title">
      <h2 id="job-similar-title">${t('job.similar')}</h2>
      ${similar.length ? jobList(ctx, similar, 3, view.from?.state, { employers: view.employers }) : html`<p>${t('job.noSimilar')}</p>`}
    </section>
  </div>`;
  const facts = { generated: job.generated, webpageUrl: raw_.webpage_url };
  return {
    title: jobTitle(job),
    description: [job.employerName, place, job.occupationLabel].filter(Boolean).join(' · '),
    path: jobPath(job.id),
    main,
    canonical: canonicalElsewhere(facts) ?? undefined,
    // JobPosting only where this page is the canonical one; a demo ad is kept out of search engines.
    ...(isCanonicalHere(facts) ? { head: jobPostingJsonLd(ctx, job) } : {}),
    ...(job.generated ? { noindex: true } : {}),
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
