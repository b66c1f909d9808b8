/**
 * The employers' pages: the card search (a GET form: occupation and skill searched and picked
 * without JavaScript, municipality, timeframe), one card with the intro request form, and the
 * organisation's requests. A card shows only its facts at their k-anonymous level — never a name,
 * an address, the person's own words or exact ages.
 */
import {
  csrfField,
  formErrorSummary,
  notice,
  radioGroup,
  selectField,
  textareaField,
  textField,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { mailtoHref } from '../../../platform/html/links.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import type { Municipality } from '../../../platform/region.ts';
import { talentMessages } from '../messages.ts';
import type { CardFacts } from './cards.ts';
import { employerMessages, type EmployerMessageKey } from './messages.ts';
import type { Concept, IntroRow, OpenJob } from './repository.ts';
import type { IntroErrors, ShownCard } from './service.ts';

export const TALENT_PATH = '/admin/talent';
export const REQUESTS_PATH = `${TALENT_PATH}/requests`;
export const cardPath = (cardId: string) => `${TALENT_PATH}/cards/${cardId}`;

type T = (key: EmployerMessageKey, params?: Record<string, string>) => string;
export const translator =
  (lang: Lang): T =>
  (key, params) =>
    employerMessages.t(lang, key, params);

export const conceptLabel = (lang: Lang, concepts: Map<string, Concept>, id: string) => {
  const c = concepts.get(id);
  return c ? (lang === 'en' && c.labelEn ? c.labelEn : c.label) : '';
};

/** Every concept id a card may name (for one label query per page). */
export function conceptIdsOf(facts: CardFacts): string[] {
  return [
    ...(facts.occupation ? [facts.occupation.conceptId] : []),
    ...facts.skills,
    ...facts.languages,
    ...(facts.household?.partnerField ? [facts.household.partnerField] : []),
  ];
}

export interface CardContext {
  lang: Lang;
  concepts: Map<string, Concept>;
  municipalities: readonly Municipality[];
}

export function occupationText(c: CardContext, facts: CardFacts): string {
  const t = translator(c.lang);
  if (!facts.occupation) return t('card.anyOccupation');
  const label = conceptLabel(c.lang, c.concepts, facts.occupation.conceptId) || t('card.anyOccupation');
  if (facts.occupation.level === 'group') return `${label} (${t('card.levelGroup')})`;
  if (facts.occupation.level === 'field') return `${label} (${t('card.levelField')})`;
  return label;
}

/** The card's facts as a description list. */
export function cardFacts(c: CardContext, facts: CardFacts): SafeHtml {
  const t = translator(c.lang);
  const tt = (key: Parameters<typeof talentMessages.t>[1]) => talentMessages.t(c.lang, key);
  const experience =
    'band' in facts.experience
      ? tt(`experience.${facts.experience.band}`)
      : t(`wide.${facts.experience.wide}`);
  const move = 'exact' in facts.move ? tt(`move.${facts.move.exact}`) : t(`wideMove.${facts.move.wide}`);
  const places =
    facts.municipalities === 'region'
      ? t('card.region')
      : facts.municipalities
          .map((code) => c.municipalities.find((m) => m.code === code)?.shortName ?? code)
          .join(', ');
  const labels = (ids: readonly string[]) =>
    ids
      .map((id) => conceptLabel(c.lang, c.concepts, id))
      .filter(Boolean)
      .join(', ');
  const household = facts.household
    ? [
        facts.household.partnerField
          ? t('card.partner', { field: conceptLabel(c.lang, c.concepts, facts.household.partnerField) })
          : '',
        facts.household.preschoolChildren ? t('card.preschool') : '',
        facts.household.schoolChildren ? t('card.school') : '',
      ].filter(Boolean)
    : [];
  const row = (term: string, value: string) => html`<dt>${term}</dt><dd>${value}</dd>`;
  return html`<dl class="admin-facts talent-card__facts">
    ${row(t('card.experience'), experience)} ${row(t('card.places'), places)} ${row(t('card.move'), move)}
    ${facts.languages.length > 0 ? row(t('card.languages'), labels(facts.languages)) : ''}
    ${row(t('card.skills'), facts.skills.length > 0 ? labels(facts.skills) : t('card.noSkills'))}
    ${household.length > 0 ? row(t('card.household'), household.join(', ')) : ''}
  </dl>`;
}

export interface SearchModel {
  lang: Lang;
  k: number;
  municipalities: readonly Municipality[];
  values: { occupation: string; oc: string; skill: string; municipality: string; move: string };
  occupationMatches: Concept[];
  occupationNone: boolean;
  skillNone: boolean;
  /** Undefined before anything was searched. */
  result: { total: number; tooFew: boolean; cards: ShownCard[]; page: number; pages: number; query: string };
  concepts: Map<string, Concept>;
}

export function searchPage(m: SearchModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const title = t('search.title');
  const c: CardContext = { lang: m.lang, concepts: m.concepts, municipalities: m.municipalities };
  const picks =
    m.occupationMatches.length > 1
      ? radioGroup(m.lang, {
          name: 'oc',
          legend: t('search.occupationPick'),
          value: m.values.oc,
          options: [
            { value: '', label: t('search.occupationAll', { text: m.values.occupation }) },
            ...m.occupationMatches.map((o) => ({
              value: o.id,
              label: conceptLabel(m.lang, m.concepts, o.id) || o.label,
            })),
          ],
        })
      : '';
  const form = html`<form method="get" action="${TALENT_PATH}" class="talent-search">
    ${textField(m.lang, {
      name: 'occupation',
      label: t('search.occupation'),
      hint: t('search.occupationHint'),
      value: m.values.occupation,
      maxlength: 100,
      error: m.occupationNone ? t('search.occupationNone', { text: m.values.occupation }) : undefined,
    })}
    ${picks}
    ${textField(m.lang, {
      name: 'skill',
      label: t('search.skill'),
      hint: t('search.skillHint'),
      value: m.values.skill,
      maxlength: 100,
      error: m.skillNone ? t('search.skillNone', { text: m.values.skill }) : undefined,
    })}
    ${selectField(m.lang, {
      name: 'municipality',
      label: t('search.municipality'),
      value: m.values.municipality,
      placeholder: t('search.anyMunicipality'),
      // By name, as the job search lists them.
      options: [...m.municipalities]
        .sort((a, b) => a.shortName.localeCompare(b.shortName, 'sv'))
        .map((mu) => ({ value: mu.code, label: mu.shortName })),
    })}
    ${selectField(m.lang, {
      name: 'move',
      label: t('search.move'),
      value: m.values.move,
      placeholder: t('search.anyMove'),
      options: (['within-a-year', 'later', 'live-here'] as const).map((v) => ({
        value: v,
        label: t(`wideMove.${v}`),
      })),
    })}
    <p><button class="button" type="submit">${t('search.submit')}</button></p>
  </form>`;
  const r = m.result;
  const summary = r.tooFew
    ? html`<p class="notice" role="status">${t('search.tooFew', { k: String(m.k) })}</p>`
    : r.total === 0
      ? html`<p role="status">${t('search.none')}</p>`
      : html`<p role="status">${r.total === 1 ? t('search.countOne') : t('search.count', { count: String(r.total) })}</p>`;
  const cards = r.cards.map(({ cardId, card }) => {
    const occupation = occupationText(c, card.facts);
    return html`<li class="job-card talent-card">
      <article aria-labelledby="card-${cardId}">
        <h2 id="card-${cardId}" class="job-card__title talent-card__title">${occupation}</h2>
        ${cardFacts(c, card.facts)}
        <p>
          <a href="${cardPath(cardId)}"
            >${t('card.open')}<span class="visually-hidden"> (${occupation})</span></a
          >
        </p>
      </article>
    </li>`;
  });
  const pageLink = (page: number) => `${TALENT_PATH}?${r.query}${r.query ? '&' : ''}page=${page}`;
  const paging =
    r.pages > 1
      ? html`<nav aria-label="${t('search.paging')}" class="paging">
          ${r.page > 1 ? html`<a rel="prev" href="${pageLink(r.page - 1)}">${t('search.previous')}</a>` : ''}
          ${r.page < r.pages ? html`<a rel="next" href="${pageLink(r.page + 1)}">${t('search.next')}</a>` : ''}
        </nav>`
      : '';
  return {
    title,
    main: html`<h1>${title}</h1>
      <p class="lead">${t('search.lead', { k: String(m.k) })}</p>
      <p><a href="${REQUESTS_PATH}">${t('search.requests')}</a></p>
      ${form} ${summary}
      ${cards.length > 0 ? html`<ul class="job-list talent-cards">${cards}</ul>` : ''} ${paging}`,
  };
}

export interface CardPageModel {
  lang: Lang;
  csrf: string;
  context: CardContext;
  shown: ShownCard;
  jobs: OpenJob[];
  values: { message: string; job: string };
  errors: IntroErrors;
  problem?: 'unavailable' | 'limited' | 'pending';
  limit: number;
  sent?: boolean;
}

export function cardPage(m: CardPageModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const occupation = occupationText(m.context, m.shown.card.facts);
  const errorText = (field: keyof IntroErrors) => {
    const e = m.errors[field];
    return e ? t(`intro.error.${e}`) : undefined;
  };
  const summaryErrors = (['message', 'job'] as const).flatMap((f) => {
    const text = errorText(f);
    return text ? [{ id: f, text }] : [];
  });
  const problem = m.problem
    ? html`<div class="error-summary" role="alert"><p>${t(`intro.${m.problem}`, { count: String(m.limit) })}</p></div>`
    : '';
  return {
    title: `${t('card.title')}: ${occupation}`,
    main: html`<h1>${occupation}</h1>
      ${notice(m.sent ? t('intro.sent') : undefined)}
      <section class="talent-card talent-card--single" aria-label="${t('card.title')}">
        ${cardFacts(m.context, m.shown.card.facts)}
      </section>
      <h2>${t('intro.title')}</h2>
      <p>${t('intro.lead')}</p>
      ${problem} ${formErrorSummary(m.lang, summaryErrors)}
      <form method="post" action="${cardPath(m.shown.cardId)}">
        ${csrfField(m.csrf)}
        ${textareaField(m.lang, {
          name: 'message',
          label: t('intro.message'),
          hint: t('intro.messageHint'),
          value: m.values.message,
          required: true,
          maxlength: 1000,
          rows: 6,
          error: errorText('message'),
        })}
        ${selectField(m.lang, {
          name: 'job',
          label: t('intro.job'),
          value: m.values.job,
          required: false,
          placeholder: t('intro.noJob'),
          options: m.jobs.map((j) => ({ value: j.id, label: j.headline })),
          error: errorText('job'),
        })}
        <p><button class="button" type="submit">${t('intro.submit')}</button></p>
      </form>
      <p><a href="${TALENT_PATH}">${t('requests.back')}</a></p>`,
  };
}

export function goneCardPage(lang: Lang): { title: string; main: SafeHtml } {
  const t = translator(lang);
  return {
    title: t('card.title'),
    main: html`<h1>${t('card.title')}</h1>
      <p>${t('card.gone')}</p>
      <p><a href="${TALENT_PATH}">${t('requests.back')}</a></p>`,
  };
}

export function requestsPage(
  lang: Lang,
  organisationName: string,
  intros: IntroRow[],
): { title: string; main: SafeHtml } {
  const t = translator(lang);
  const title = t('requests.title');
  const table = dataTable({
    id: 'talent-requests-caption',
    caption: t('requests.caption'),
    columns: [
      t('requests.col.sent'),
      t('requests.col.person'),
      t('requests.col.job'),
      t('requests.col.status'),
    ],
    rows: intros,
    cells: (r) => [
      formatDate(lang, r.createdAt),
      r.personEmail
        ? html`${r.personName ?? ''}<br /><a href="${mailtoHref(r.personEmail) ?? ''}">${r.personEmail}</a>`
        : html`<span class="admin-muted">${t('requests.anonymous')}</span>`,
      r.jobHeadline ?? '',
      html`${t(`status.${r.status}`)}${r.answeredAt ? html`<br /><span class="admin-muted">${formatDate(lang, r.answeredAt)}</span>` : ''}`,
    ],
    empty: t('requests.empty'),
  });
  return {
    title,
    main: html`<h1>${title}</h1>
      <p class="lead">${t('requests.lead', { organisation: organisationName })}</p>
      ${table}
      <p><a href="${TALENT_PATH}">${t('requests.back')}</a></p>`,
  };
}
