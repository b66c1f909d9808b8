/**
 * /:lang/events: the upcoming events as cards, soonest first, 20 a page, with one GET form of
 * selects (kind, where, municipality, target group, employer) that works without JavaScript, each
 * option counted, the chosen filters as chips that take themselves off, paging links, and the
 * feed of the same filter ("Prenumerera på kalendern").
 */
import { formErrorSummary, selectField, type Choice } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page, type PageContext } from '../../../platform/html/layout.ts';
import { formatNumber } from '../../../platform/i18n/index.ts';
import { EVENT_KINDS, EVENTS_CSS, LOCATION_KINDS, PATHS, PERSONAS } from '../model.ts';
import {
  counted,
  eventCard,
  icon,
  kindLabel,
  locationLabel,
  personaLabel,
  translator,
  type T,
} from './cards.ts';
import {
  activeFilters,
  companyOptions,
  facets as countFacets,
  filterQuery,
  pageOf,
  type EventFilter,
  type Facets,
  type FilterField,
  type FilterProblem,
} from './filters.ts';
import { longDay } from './format.ts';
import type { EventImages } from './images.ts';
import type { PublicEventMessageKey } from './messages.ts';
import type { CardEvent, ListedEvent } from './repository.ts';

export interface ListView {
  /** The calendar's index: every upcoming event up to UPCOMING_CAP (the counts and options). */
  events: readonly ListedEvent[];
  /** The index stopped at its cap: later events are not in it. */
  more: boolean;
  /** The events the filter picks, all pages. */
  chosen: readonly ListedEvent[];
  /** The cards of the page shown. */
  cards: readonly CardEvent[];
  filter: EventFilter;
  problems: readonly FilterProblem[];
  images: EventImages;
}

export const FIELD_ID: Record<FilterField, string> = {
  kind: 'ef-kind',
  where: 'ef-where',
  municipality: 'ef-municipality',
  persona: 'ef-persona',
  company: 'ef-company',
  page: 'ef-page',
};

const FIELD_LABEL: Record<Exclude<FilterField, 'page'>, PublicEventMessageKey> = {
  kind: 'filter.kind',
  where: 'filter.where',
  municipality: 'filter.municipality',
  persona: 'filter.persona',
  company: 'filter.company',
};

export function problemText(t: T, p: FilterProblem): string {
  if (p.field === 'page') return t('error.page', { value: p.value });
  const field = t(FIELD_LABEL[p.field]);
  if (p.reason === 'repeated') return t('error.repeated', { field });
  return t('error.unknown', { value: p.value, field });
}

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

function filterForm(ctx: PageContext, t: T, view: ListView, f: Facets): SafeHtml {
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
  const companies = companyOptions(view.events).map((c) => ({ value: c.id, label: c.name }));
  return html`<form class="event-filters" method="get" action="${localPath(lang, PATHS.events)}" aria-labelledby="event-filters-title">
    <h2 class="visually-hidden" id="event-filters-title">${t('filter.title')}</h2>
    <div class="event-filters__row">
      ${selectField(lang, {
        name: 'kind',
        id: FIELD_ID.kind,
        label: t('filter.kind'),
        value: filter.kind,
        error: error('kind'),
        options: options(
          ctx,
          t,
          EVENT_KINDS.map((k) => ({ value: k, label: kindLabel(lang, k) })),
          f.kind,
          filter.kind,
        ),
      })}
      ${selectField(lang, {
        name: 'where',
        id: FIELD_ID.where,
        label: t('filter.where'),
        value: filter.where,
        error: error('where'),
        options: options(
          ctx,
          t,
          LOCATION_KINDS.map((k) => ({ value: k, label: locationLabel(lang, k) })),
          f.where,
          filter.where,
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
        name: 'persona',
        id: FIELD_ID.persona,
        label: t('filter.persona'),
        value: filter.persona,
        error: error('persona'),
        options: options(
          ctx,
          t,
          PERSONAS.map((p) => ({ value: p, label: personaLabel(lang, p) })),
          f.persona,
          filter.persona,
        ),
      })}
      ${selectField(lang, {
        name: 'company',
        id: FIELD_ID.company,
        label: t('filter.company'),
        value: filter.company,
        error: error('company'),
        options: options(ctx, t, companies, f.company, filter.company),
      })}
    </div>
    <div class="event-filters__end"><button type="submit">${t('filter.apply')}</button></div>
  </form>`;
}

function chosenChips(ctx: PageContext, t: T, view: ListView): SafeHtml {
  const { filter } = view;
  if (activeFilters(filter) === 0) return html``;
  const { lang, region } = ctx;
  const without = (change: Partial<EventFilter>) =>
    localPath(lang, PATHS.events + filterQuery({ ...filter, ...change, page: 1 }, region));
  const chips: { label: string; href: string }[] = [];
  if (filter.kind) chips.push({ label: kindLabel(lang, filter.kind), href: without({ kind: '' }) });
  if (filter.where) chips.push({ label: locationLabel(lang, filter.where), href: without({ where: '' }) });
  const m = region.municipalities.find((x) => x.code === filter.municipality);
  if (m) chips.push({ label: m.shortName, href: without({ municipality: '' }) });
  if (filter.persona)
    chips.push({ label: personaLabel(lang, filter.persona), href: without({ persona: '' }) });
  const company = companyOptions(view.events).find((c) => c.id === filter.company);
  if (company) chips.push({ label: company.name, href: without({ company: '' }) });
  return html`<ul class="event-chosen" aria-label="${t('filter.title')}">
    ${chips.map(
      (c) =>
        html`<li><a class="event-chosen__chip" href="${c.href}">${c.label}<span class="event-chosen__x" aria-hidden="true">×</span><span class="visually-hidden"> – ${t('filter.remove')}</span></a></li>`,
    )}
    <li><a class="event-chosen__clear" href="${localPath(lang, PATHS.events)}">${t('filter.clear')}</a></li>
  </ul>`;
}

function paging(ctx: PageContext, t: T, filter: EventFilter, pages: number): SafeHtml {
  if (pages <= 1) return html``;
  const { lang, region } = ctx;
  const to = (page: number) => localPath(lang, PATHS.events + filterQuery({ ...filter, page }, region));
  const page = Math.min(filter.page, pages);
  return html`<nav class="event-paging" aria-label="${t('list.paging')}">
    ${page > 1 ? html`<a class="event-paging__prev" rel="prev" href="${to(page - 1)}">${t('list.previous')}</a>` : ''}
    <span class="event-paging__at" aria-current="page">${t('list.page', { page: formatNumber(lang, page), pages: formatNumber(lang, pages) })}</span>
    ${page < pages ? html`<a class="event-paging__next" rel="next" href="${to(page + 1)}">${t('list.next')}</a>` : ''}
  </nav>`;
}

export function listPage(ctx: PageContext, view: ListView): Page {
  const { lang, region } = ctx;
  const t = translator(lang, region);
  const f = countFacets(view.events, view.filter);
  const all = view.chosen;
  const { pages } = pageOf(all, view.filter.page);
  const items = view.cards;
  const last = view.events.at(-1)?.event.starts_at;
  const errors = view.problems.map((p) => ({
    id: FIELD_ID[p.field === 'page' ? 'kind' : p.field],
    text: problemText(t, p),
  }));
  const query = filterQuery(view.filter, region);
  const feedQuery = filterQuery({ ...view.filter, page: 1 }, region);
  const feed = localPath(lang, PATHS.feed + feedQuery);
  const main = html`<div class="events">
    <header class="events-intro">
      <div class="wrap events-intro__inner">
        <div>
          <h1>${t('list.title')}</h1>
          <p class="events-intro__lead">${t('list.lead')}</p>
        </div>
        <p class="events-intro__feed"><a class="events-feed" href="${feed}" type="text/calendar">${icon('calendar')}${t('list.subscribe')}</a><span class="events-intro__hint">${t('list.subscribe.hint')}</span></p>
      </div>
    </header>
    <div class="wrap events__body">
      ${errors.length ? html`${formErrorSummary(lang, errors)}<p class="notice">${t('error.shown')}</p>` : ''}
      ${filterForm(ctx, t, view, f)}
      <section class="events__results" aria-labelledby="events-count">
        <h2 class="events__count" id="events-count">${counted(t, lang, 'list.count', all.length)}</h2>
        ${chosenChips(ctx, t, view)}
        ${view.more && last ? html`<p class="notice events__more">${t('list.more', { count: formatNumber(lang, view.events.length), date: longDay(lang, last) })}</p>` : ''}
        ${
          items.length
            ? html`<ul class="event-cards" role="list">${items.map((e) => eventCard({ lang, region, t, images: view.images }, e))}</ul>`
            : html`<p class="events__none">${view.events.length ? t('list.none') : t('list.empty')}</p>`
        }
        ${paging(ctx, t, view.filter, pages)}
      </section>
    </div>
  </div>`;
  return {
    title:
      view.filter.page > 1
        ? `${t('list.title')} – ${t('list.page', { page: view.filter.page, pages })}`
        : t('list.title'),
    description: t('list.description'),
    path: PATHS.events + query,
    main,
    noindex: activeFilters(view.filter) > 0 || errors.length > 0 || undefined,
    bodyClass: 'page-events',
    stylesheets: [EVENTS_CSS],
    head: html`<link rel="alternate" type="text/calendar" title="${t('feed.name', { region: region.name[lang] })}" href="${feed}">`,
  };
}
