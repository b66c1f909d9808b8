/**
 * /:lang/toolbox/texts for organisations: a photograph from the media library, one GET form of
 * selects (target group, topic, municipality, language — each option counted, no JavaScript
 * needed), the approved texts as cards (title and paragraphs in the chosen language under its own
 * lang attribute, the source named, linked and dated inside the text so it is copied with it, a
 * copy button that toolbox-copy.js shows), paging, and the chosen municipality's place facts as
 * sentences ready to quote with source and year, the stale ones marked.
 */
import { formErrorSummary, selectField, type Choice } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { safeHref } from '../../../platform/html/links.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { pictureHtml, type MediaImage } from '../../content/media/service.ts';
import type { StoredFact } from '../../regions/facts.ts';
import { toolboxHref } from '../frame.ts';
import { PATHS, PERSONAS, TOPICS } from '../model.ts';
import { paragraphs, type ApprovedText } from '../toolbox.ts';
import { municipalityLabel, personaLabel, problemText, topicLabel } from './admin-views.ts';
import {
  publicQuery,
  type Facets,
  type FilterProblem,
  type PublicField,
  type PublicFilter,
} from './filters.ts';
import { textsMessages, type TextsMessageKey } from './messages.ts';

type Params = Record<string, string>;
const tr = (lang: Lang) => (key: TextsMessageKey, params?: Params) => textsMessages.t(lang, key, params);

/** A fact ready to quote: the sentence, its source, date and whether it is old. */
export interface QuotableFact {
  key: string;
  sentence: string;
  source: string;
  sourceUrl: string;
  asOf: string;
  stale: boolean;
}

export interface PublicModel {
  lang: Lang;
  region: Region;
  filter: PublicFilter;
  problems: readonly FilterProblem[];
  /** The texts the filter picks, all pages. */
  total: number;
  /** This page's texts. */
  texts: readonly ApprovedText[];
  pages: number;
  facets: Facets;
  facts: readonly QuotableFact[];
  image?: MediaImage;
}

const FIELD_ID: Record<PublicField, string> = {
  persona: 'tx-persona',
  topic: 'tx-topic',
  municipality: 'tx-municipality',
  language: 'tx-language',
  page: 'tx-page',
};

/** A YYYY-MM-DD day in words ("31 december 2023"). */
export const dayText = (lang: Lang, day: string) => formatDate(lang, new Date(`${day}T12:00:00Z`));

function counted(
  lang: Lang,
  list: readonly { value: string; label: string }[],
  counts: ReadonlyMap<string, number>,
  chosen: string,
): Choice[] {
  return list
    .filter((o) => (counts.get(o.value) ?? 0) > 0 || o.value === chosen)
    .map((o) => ({ value: o.value, label: `${o.label} (${formatNumber(lang, counts.get(o.value) ?? 0)})` }));
}

function filterForm(m: PublicModel): SafeHtml {
  const { lang, region, filter, facets } = m;
  const t = tr(lang);
  const error = (field: PublicField) => {
    const p = m.problems.find((x) => x.field === field);
    return p ? problemText(lang, p) : undefined;
  };
  const chosenSlug = region.municipalities.find((x) => x.code === filter.municipality)?.slug ?? '';
  const municipalities = [...region.municipalities]
    .sort((a, b) => a.shortName.localeCompare(b.shortName, 'sv'))
    .map((x) => ({ value: x.slug, label: x.shortName }));
  const bySlug = new Map(region.municipalities.map((x) => [x.slug, facets.municipality.get(x.code) ?? 0]));
  const languages = [
    { value: 'sv', label: t('pub.languageSv') },
    { value: 'en', label: t('pub.languageEn') },
  ];
  const any = { value: '', label: t('filter.any') };
  return html`<form class="texts-filters" method="get" action="${toolboxHref(lang, PATHS.texts)}" aria-labelledby="texts-filters-title">
    <h2 class="visually-hidden" id="texts-filters-title">${t('pub.filterTitle')}</h2>
    <div class="texts-filters__row">
      ${selectField(lang, {
        name: 'persona',
        id: FIELD_ID.persona,
        label: t('filter.persona'),
        value: filter.persona,
        error: error('persona'),
        options: [
          any,
          ...counted(
            lang,
            PERSONAS.map((p) => ({ value: p, label: personaLabel(lang, p) })),
            facets.persona,
            filter.persona,
          ),
        ],
      })}
      ${selectField(lang, {
        name: 'topic',
        id: FIELD_ID.topic,
        label: t('filter.topic'),
        value: filter.topic,
        error: error('topic'),
        options: [
          any,
          ...counted(
            lang,
            TOPICS.map((p) => ({ value: p, label: topicLabel(lang, p) })),
            facets.topic,
            filter.topic,
          ),
        ],
      })}
      ${selectField(lang, {
        name: 'municipality',
        id: FIELD_ID.municipality,
        label: t('filter.municipality'),
        value: chosenSlug,
        error: error('municipality'),
        options: [
          { value: '', label: t('pub.allMunicipalities') },
          ...counted(lang, municipalities, bySlug, chosenSlug),
        ],
      })}
      ${selectField(lang, {
        name: 'language',
        id: FIELD_ID.language,
        label: t('filter.language'),
        value: filter.language,
        error: error('language'),
        options: counted(lang, languages, facets.language, filter.language),
      })}
    </div>
    <p class="field__hint texts-filters__hint">${t('pub.municipalityHint')}</p>
    <div class="texts-filters__actions">
      <button class="button" type="submit">${t('filter.apply')}</button>
      ${
        filter.persona || filter.topic || filter.municipality || filter.language !== lang
          ? html`<a href="${toolboxHref(lang, PATHS.texts)}">${t('filter.clear')}</a>`
          : ''
      }
    </div>
  </form>`;
}

/**
 * A source's name, linked when its address is a web address. Sources are named as they publish, in
 * Swedish: inside a block in another language the name says lang="sv", so it is read out right (as
 * the builder's text does for the same sources).
 */
function sourceName(lang: Lang, name: string, url: string): SafeHtml {
  const href = safeHref(url);
  const langAttr = lang === 'sv' ? '' : html` lang="sv"`;
  if (href) return html`<a href="${href}" rel="noopener"${langAttr}>${name}</a>`;
  return lang === 'sv' ? html`${name}` : html`<span lang="sv">${name}</span>`;
}

function sourceLine(lang: Lang, text: ApprovedText): SafeHtml | '' {
  const { name, url, date } = text.source;
  if (!name) return '';
  const named = sourceName(lang, name, url);
  const label = textsMessages.t(lang, 'pub.sourceLabel');
  return html`<p class="text-card__source">${label}: ${named}${date ? html`, <time datetime="${date}">${dayText(lang, date)}</time>` : ''}</p>`;
}

function textCard(m: PublicModel, text: ApprovedText): SafeHtml {
  const t = tr(m.lang);
  const chosen = m.filter.language;
  const langAttr = chosen !== m.lang ? html` lang="${chosen}"` : '';
  const id = `text-${text.id}`;
  return html`<li>
    <article class="text-card" aria-labelledby="${id}-title">
      <p class="text-card__tags">
        <span class="tag">${topicLabel(m.lang, text.topic)}</span>
        ${text.persona === 'everyone' ? '' : html`<span class="tag tag--muted">${personaLabel(m.lang, text.persona)}</span>`}
        <span class="tag tag--muted">${municipalityLabel(m.lang, m.region, text.municipalityCode)}</span>
      </p>
      <h3 class="text-card__title" id="${id}-title"${langAttr}>${text.title[chosen]}</h3>
      <div class="text-card__body" id="${id}"${langAttr}>${paragraphs(text.body[chosen]).map(
        (p, i) => html`${i ? '\n\n' : ''}<p>${p}</p>`,
      )}${text.source.name ? '\n\n' : ''}${sourceLine(chosen, text)}</div>
      <p class="text-card__copy">
        <button type="button" class="button button--secondary copy-button" data-copy="${id}" data-copied="${t('pub.copied')}" data-copy-failed="${t('pub.copyFailed')}" hidden>${t('pub.copy')}</button>
        <span class="copy-status" role="status" data-copy-status="${id}"></span>
      </p>
    </article>
  </li>`;
}

function paging(m: PublicModel): SafeHtml | '' {
  const t = tr(m.lang);
  const href = (page: number) =>
    `${toolboxHref(m.lang, PATHS.texts)}${publicQuery(m.filter, m.region, m.lang, page)}`;
  const links = [];
  if (m.filter.page > 1)
    links.push(html`<a href="${href(m.filter.page - 1)}" rel="prev">${t('pub.previous')}</a>`);
  if (m.filter.page < m.pages)
    links.push(html`<a href="${href(m.filter.page + 1)}" rel="next">${t('pub.next')}</a>`);
  if (!links.length) return '';
  return html`<nav class="texts-paging" aria-label="${t('pub.paging')}">${links}</nav>`;
}

function factsSection(m: PublicModel): SafeHtml {
  const t = tr(m.lang);
  const chosen = m.filter.language;
  const langAttr = chosen !== m.lang ? html` lang="${chosen}"` : '';
  const place = m.filter.municipality ? municipalityLabel(m.lang, m.region, m.filter.municipality) : '';
  if (!place)
    return html`<section class="texts-facts" aria-labelledby="texts-facts-title">
      <h2 id="texts-facts-title">${t('pub.factsTitleAny')}</h2>
      <p>${t('pub.factsPick')}</p>
    </section>`;
  return html`<section class="texts-facts" aria-labelledby="texts-facts-title">
    <h2 id="texts-facts-title">${t('pub.factsTitle', { place })}</h2>
    <p>${t('pub.factsLead')}</p>
    ${
      m.facts.length
        ? html`<ul class="texts-facts__list">
          ${m.facts.map((f) => {
            const id = `fact-${f.key.replace(/[^a-z0-9-]/gi, '-')}`;
            const source = sourceName(m.lang, f.source, f.sourceUrl);
            return html`<li class="fact-quote${f.stale ? ' fact-quote--stale' : ''}">
              <div class="fact-quote__main">
              <p class="fact-quote__text" id="${id}"${langAttr}>${f.sentence}</p>
              <p class="fact-quote__meta">${t('pub.sourceLabel')}: ${source}, <time datetime="${f.asOf}">${dayText(m.lang, f.asOf)}</time></p>
              ${f.stale ? html`<p class="fact-quote__stale"><strong class="tag tag--overdue">${t('pub.stale')}</strong></p>` : ''}
              </div>
              <p class="fact-quote__copy">
                <button type="button" class="button button--secondary copy-button" data-copy="${id}" data-copied="${t('pub.copied')}" data-copy-failed="${t('pub.copyFailed')}" hidden>${t('pub.copyFact')}</button>
                <span class="copy-status" role="status" data-copy-status="${id}"></span>
              </p>
            </li>`;
          })}
        </ul>`
        : html`<p>${t('pub.factsNone')}</p>`
    }
  </section>`;
}

export function publicBody(m: PublicModel): SafeHtml {
  const t = tr(m.lang);
  const errors = m.problems.map((p) => ({
    id: FIELD_ID[p.field as PublicField] ?? FIELD_ID.page,
    text: problemText(m.lang, p),
  }));
  const place = m.filter.municipality ? municipalityLabel(m.lang, m.region, m.filter.municipality) : '';
  const count =
    m.total === 1 ? t('pub.resultsOne') : t('pub.results', { count: formatNumber(m.lang, m.total) });
  const picture = m.image
    ? pictureHtml(m.image, m.lang, {
        sizes: '(min-width: 60rem) 50rem, 100vw',
        loading: 'eager',
        priority: true,
        cls: 'texts-hero',
      })
    : '';
  return html`${picture} ${formErrorSummary(m.lang, errors)} ${filterForm(m)}
    <section class="texts-results" aria-labelledby="texts-results-title">
      <h2 id="texts-results-title">${t('pub.textsTitle')} <span class="texts-results__count">· ${count}</span></h2>
      ${place ? html`<p class="texts-results__facts"><a href="#texts-facts-title">${t('pub.factsTitle', { place })}</a></p>` : ''}
      ${
        m.texts.length
          ? html`<ul class="texts-list">${m.texts.map((text) => textCard(m, text))}</ul>`
          : html`<p class="texts-empty">${t('pub.empty')}</p>`
      }
      ${paging(m)}
    </section>
    ${factsSection(m)}`;
}

// Facts in words.

function duration(lang: Lang, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const min = minutes % 60;
  if (h === 0) return textsMessages.t(lang, 'quote.minutes', { m: String(min) });
  if (min === 0) return textsMessages.t(lang, 'quote.hours', { h: String(h) });
  return textsMessages.t(lang, 'quote.hoursMinutes', { h: String(h), m: String(min) });
}

const TRAVEL_KEY = { train: 'quote.train', car: 'quote.car', bus: 'quote.bus' } as const;

/**
 * The municipality's numeric facts that name a source as sentences in `lang` ("Falun har cirka
 * 59 700 invånare (SCB, Folkmängd i kommuner, 2023)."), each with its source, date and staleness.
 */
export function quotableFacts(
  facts: readonly StoredFact[],
  lang: Lang,
  place: string,
  isStale: (asOf: string) => boolean,
): QuotableFact[] {
  const out: QuotableFact[] = [];
  for (const f of facts) {
    if (f.kind !== 'number' || f.value === null || !f.source) continue;
    const common = {
      place,
      approx: f.approx ? textsMessages.t(lang, 'quote.approx') : '',
      source: f.source,
      year: f.asOf.slice(0, 4),
    };
    let sentence: string | undefined;
    if (f.key.startsWith('travel.')) {
      const mode = (['train', 'car', 'bus'] as const).find((m) => f.key.endsWith(`-${m}`));
      if (!mode) continue;
      sentence = textsMessages.t(lang, TRAVEL_KEY[mode], {
        ...common,
        time: duration(lang, f.value),
        to: f.label[lang] || f.label.sv,
      });
    } else if (['population', 'medianHousePrice', 'preschools', 'schools'].includes(f.key)) {
      sentence = textsMessages.t(lang, `quote.${f.key}` as TextsMessageKey, {
        ...common,
        value: formatNumber(lang, f.value),
      });
    }
    if (!sentence) continue;
    out.push({
      key: f.key,
      sentence,
      source: f.source,
      sourceUrl: f.sourceUrl,
      asOf: f.asOf,
      stale: isStale(f.asOf),
    });
  }
  const order = (key: string) => {
    const i = ['population', 'medianHousePrice', 'preschools', 'schools'].indexOf(key);
    return i === -1 ? 10 : i;
  };
  return out.sort((a, b) => order(a.key) - order(b.key));
}
