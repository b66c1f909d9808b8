/**
 * /:lang/companies: every published company as a card, with a bar of filters (industry by SNI
 * section, municipality, what they offer newcomers, only those with open jobs) and the sort order —
 * one GET form of selects that works without JavaScript, each option with the number of companies
 * it would show — the chosen filters as chips that take themselves off, and the county map with
 * the number of companies in each municipality (each one with companies a link to the list
 * filtered to it).
 */
import { formErrorSummary, selectField, type Choice } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page, type PageContext } from '../../../platform/html/layout.ts';
import { formatNumber } from '../../../platform/i18n/index.ts';
import { mapAreaLink, mapShade, type MapData } from '../../jobs/map.ts';
import { BADGES } from '../model.ts';
import { SNI_SECTIONS } from '../sni.ts';
import { badgeLabel, companyCard, counted, translator, type CardContext, type T } from './cards.ts';
import { COMPANIES_PATH } from './directory.ts';
import {
  activeFilters,
  applyFilter,
  facets as countFacets,
  filterQuery,
  NO_FILTER,
  SORTS,
  type CompanyFilter,
  type Facets,
  type FilterField,
  type FilterProblem,
  type ListedCompany,
} from './filters.ts';
import type { ImageMap } from './images.ts';
import type { CompanyMessageKey } from './messages.ts';

/** The stylesheet of the company pages (public/css/companies.css). */
export const COMPANIES_CSS = 'css/companies.css';

export interface ListView {
  companies: readonly ListedCompany[];
  filter: CompanyFilter;
  problems: readonly FilterProblem[];
  images: ImageMap;
  map: MapData | null;
}

const FIELD_ID: Record<FilterField, string> = {
  industry: 'cf-industry',
  municipality: 'cf-municipality',
  badge: 'cf-badge',
  jobs: 'cf-jobs',
  sort: 'cf-sort',
};

const FIELD_LABEL: Record<FilterField, CompanyMessageKey> = {
  industry: 'filter.industry',
  municipality: 'filter.municipality',
  badge: 'filter.badge',
  jobs: 'filter.jobs',
  sort: 'sort.label',
};

function problemText(t: T, p: FilterProblem): string {
  if (p.reason === 'repeated') return t('error.repeated', { field: t(FIELD_LABEL[p.field]) });
  return t(`error.${p.field}`, { value: p.value });
}

/** A select's options: "Alla", then each option that would show companies (or is chosen), counted. */
function options(
  ctx: PageContext,
  t: T,
  list: readonly { value: string; label: string }[],
  counts: ReadonlyMap<string, number>,
  chosen: string,
): Choice[] {
  const shown = list.filter((o) => (counts.get(o.value) ?? 0) > 0 || o.value === chosen);
  return [
    { value: '', label: t('filter.any') },
    ...shown.map((o) => ({
      value: o.value,
      label: `${o.label} (${formatNumber(ctx.lang, counts.get(o.value) ?? 0)})`,
    })),
  ];
}

function filterBar(ctx: PageContext, t: T, view: ListView, f: Facets): SafeHtml {
  const { lang, region } = ctx;
  const { filter } = view;
  const error = (field: FilterField) => {
    const p = view.problems.find((x) => x.field === field);
    return p ? problemText(t, p) : undefined;
  };
  const chosenSlug = region.municipalities.find((m) => m.code === filter.municipality)?.slug ?? '';
  const municipalities = [...region.municipalities]
    .sort((a, b) => a.shortName.localeCompare(b.shortName, 'sv'))
    .map((m) => ({ value: m.slug, label: m.shortName }));
  const bySlug = new Map(region.municipalities.map((m) => [m.slug, f.municipality.get(m.code) ?? 0]));
  const jobsError = error('jobs');
  return html`<form class="company-filters" method="get" action="${localPath(lang, COMPANIES_PATH)}" aria-labelledby="company-filters-title">
    <h2 class="visually-hidden" id="company-filters-title">${t('filter.title')}</h2>
    <div class="company-filters__row">
      ${selectField(lang, {
        name: 'industry',
        id: FIELD_ID.industry,
        label: t('filter.industry'),
        value: filter.industry,
        error: error('industry'),
        options: options(
          ctx,
          t,
          SNI_SECTIONS.map((s) => ({ value: s.code, label: s[lang] })),
          f.industry,
          filter.industry,
        ),
      })}
      ${selectField(lang, {
        name: 'municipality',
        id: FIELD_ID.municipality,
        label: t('filter.municipality'),
        value: chosenSlug,
        error: error('municipality'),
        options: options(ctx, t, municipalities, bySlug, chosenSlug),
      })}
      ${selectField(lang, {
        name: 'badge',
        id: FIELD_ID.badge,
        label: t('filter.badge'),
        value: filter.badge,
        error: error('badge'),
        options: options(
          ctx,
          t,
          BADGES.map((b) => ({ value: b, label: badgeLabel(t, b) })),
          f.badge,
          filter.badge,
        ),
      })}
      ${selectField(lang, {
        name: 'sort',
        id: FIELD_ID.sort,
        label: t('sort.label'),
        value: filter.sort,
        error: error('sort'),
        options: SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) })),
      })}
    </div>
    <div class="company-filters__row company-filters__row--end">
      <div class="field company-filters__check${jobsError ? ' field--error' : ''}">
        ${jobsError ? html`<p class="field__error" id="${FIELD_ID.jobs}-error">${jobsError}</p>` : ''}
        <div class="choice">
          <input type="checkbox" id="${FIELD_ID.jobs}" name="jobs" value="1"${filter.jobs ? html` checked` : ''}${jobsError ? html` aria-invalid="true" aria-describedby="${FIELD_ID.jobs}-error"` : ''}>
          <label for="${FIELD_ID.jobs}">${t('filter.jobs.option')} <span class="company-filters__count">(${formatNumber(lang, f.jobs)})</span></label>
        </div>
      </div>
      <button type="submit" class="company-filters__submit">${t('filter.apply')}</button>
    </div>
  </form>`;
}

/** The chosen filters, each a link to the list without it, and "Rensa filtren". */
function chosenChips(ctx: PageContext, t: T, filter: CompanyFilter): SafeHtml {
  if (activeFilters(filter) === 0) return html``;
  const { lang, region } = ctx;
  const without = (change: Partial<CompanyFilter>) =>
    localPath(lang, COMPANIES_PATH + filterQuery({ ...filter, ...change }, region));
  const chips: { label: string; href: string }[] = [];
  const section = SNI_SECTIONS.find((s) => s.code === filter.industry);
  if (section) chips.push({ label: section[lang], href: without({ industry: '' }) });
  const m = region.municipalities.find((x) => x.code === filter.municipality);
  if (m) chips.push({ label: m.shortName, href: without({ municipality: '' }) });
  if (filter.badge) chips.push({ label: badgeLabel(t, filter.badge), href: without({ badge: '' }) });
  if (filter.jobs) chips.push({ label: t('filter.jobs.option'), href: without({ jobs: false }) });
  const clear = localPath(lang, COMPANIES_PATH + filterQuery({ ...NO_FILTER, sort: filter.sort }, region));
  return html`<ul class="company-chosen" aria-label="${t('filter.title')}">
    ${chips.map(
      (c) =>
        html`<li><a class="company-chosen__chip" href="${c.href}">${c.label}<span class="company-chosen__x" aria-hidden="true">×</span><span class="visually-hidden"> – ${t('filter.remove')}</span></a></li>`,
    )}
    <li><a class="company-chosen__clear" href="${clear}">${t('filter.clear')}</a></li>
  </ul>`;
}

function mapView(ctx: PageContext, t: T, view: ListView, f: Facets): SafeHtml {
  const { map, filter } = view;
  if (!map) return html``;
  const { lang, region } = ctx;
  const byCode = new Map(region.municipalities.map((m) => [m.code, m]));
  const max = Math.max(1, ...f.municipality.values());
  return html`<section class="company-map" aria-labelledby="company-map-title">
    <h2 id="company-map-title">${t('map.title')}</h2>
    <p class="company-map__intro" id="company-map-desc">${t('map.description')}</p>
    <svg class="company-map__svg" viewBox="${map.viewBox}" role="group" aria-labelledby="company-map-title" aria-describedby="company-map-desc" focusable="false">
      ${map.municipalities.map((shape) => {
        const m = byCode.get(shape.code);
        const n = f.municipality.get(shape.code) ?? 0;
        if (!m || n === 0) return html`<path class="company-map__empty" d="${shape.d}"/>`;
        const href = localPath(
          lang,
          COMPANIES_PATH + filterQuery({ ...filter, municipality: m.code }, region),
        );
        const selected = filter.municipality === m.code;
        return mapAreaLink({
          cls: 'company-map',
          shape,
          href,
          label: counted(t, lang, 'map.link', n, { name: m.shortName }),
          count: formatNumber(lang, n),
          shade: mapShade(n, max, 3),
          selected,
        });
      })}
    </svg>
  </section>`;
}

export function listPage(ctx: PageContext, view: ListView): Page {
  const { lang, region } = ctx;
  const t = translator(lang, region);
  const f = countFacets(view.companies, view.filter);
  const shown = applyFilter(view.companies, view.filter);
  const cards: CardContext = { lang, region, t, images: view.images };
  const errors = view.problems.map((p) => ({ id: FIELD_ID[p.field], text: problemText(t, p) }));
  const query = filterQuery(view.filter, region);
  const main = html`<div class="companies">
    <header class="companies-intro">
      <div class="wrap">
        <h1>${t('list.title')}</h1>
        <p class="companies-intro__lead">${t('list.lead')}</p>
      </div>
    </header>
    <div class="wrap companies__body">
      ${errors.length ? html`${formErrorSummary(lang, errors)}<p class="notice">${t('error.shown')}</p>` : ''}
      ${filterBar(ctx, t, view, f)}
      <div class="companies__layout">
        <section class="companies__results" aria-labelledby="companies-count">
          <h2 class="companies__count" id="companies-count">${counted(t, lang, 'list.count', shown.length)}</h2>
          ${chosenChips(ctx, t, view.filter)}
          ${
            shown.length
              ? html`<ul class="company-cards" role="list">${shown.map((c, i) => companyCard(cards, c, i))}</ul>`
              : html`<p class="companies__none">${view.companies.length ? t('list.none') : t('list.empty')}</p>`
          }
        </section>
        <aside class="companies__aside">${mapView(ctx, t, view, f)}</aside>
      </div>
    </div>
  </div>`;
  return {
    title: t('list.title'),
    description: t('list.description'),
    path: COMPANIES_PATH + query,
    main,
    noindex: query !== '' || errors.length > 0 || undefined,
    bodyClass: 'page-companies',
    stylesheets: [COMPANIES_CSS],
  };
}
