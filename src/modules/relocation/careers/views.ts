/**
 * The careers part's back-office pages: the careers page of a case (the panel on its own page),
 * the introduction form (search an employer, pick one, then the person, job and message), the
 * employers' introductions (list and one, with the answer form: only what was shared, the
 * navigator and the message), possible duplicates, and the merge page showing both cases side by
 * side.
 */
import {
  csrfField,
  formErrorSummary,
  hiddenField,
  notice,
  radioGroup,
  selectField,
  textareaField,
  textField,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { jobPath } from '../../jobs/views.ts';
import type { OpenJob } from '../../talent/employers/repository.ts';
import type { CaseRow, PersonRow } from '../cases.ts';
import { relocationMessages } from '../messages.ts';
import { casePath, PATHS, type Need, type Stage } from '../model.ts';
import type { Detail, FoundPair, LinkCandidate } from './duplicates.ts';
import { careersMessages, type CareersMessageKey } from './messages.ts';
import { INTRO_ANSWERS, type EmployerOrg, type IntroductionRow } from './repository.ts';
import {
  introductionPath,
  INTRODUCTIONS_PATH,
  MESSAGE_MAX,
  type FormErrors,
  type MergeSide,
} from './service.ts';
import { introducePath } from './panel.ts';

export interface PageView {
  title: string;
  main: SafeHtml;
}

type T = (key: CareersMessageKey, params?: Record<string, string | number>) => string;
const translator =
  (lang: Lang): T =>
  (key, params) =>
    careersMessages.t(lang, key, params);

const r = relocationMessages;

export function refOf(kase: Pick<CaseRow, 'ref'>): string {
  return String(kase.ref);
}

/** A page with one message (a refusal, a case not found). */
export function messagePage(
  lang: Lang,
  title: string,
  message: string,
  back?: { href: string; text: string },
): PageView {
  return {
    title,
    main: html`<h1>${title}</h1>
      <div class="error-summary" role="alert"><p>${message}</p></div>
      ${back ? html`<p><a href="${back.href}">${back.text}</a></p>` : ''}`,
  };
}

export function careersPage(lang: Lang, kase: CaseRow, panel: SafeHtml): PageView {
  const t = translator(lang);
  const title = t('panel.page', { ref: refOf(kase) });
  return {
    title,
    main: html`<p><a href="${casePath(kase.id)}">${t('panel.back')}</a></p>
      <h1>${title}</h1>
      ${panel}`,
  };
}

// ------------------------------------------------------------------ the introduction form

export interface IntroduceModel {
  lang: Lang;
  csrf: string;
  kase: CaseRow;
  adults: PersonRow[];
  /** Adults with the 'employers' consent. */
  consented: Set<string>;
  query: string;
  results: EmployerOrg[] | null;
  employer: EmployerOrg | null;
  jobs: OpenJob[];
  values: { person: string; job: string; message: string };
  errors: FormErrors;
}

function personName(lang: Lang, p: PersonRow): string {
  const role = r.t(lang, `role.${p.role as 'main' | 'partner'}`);
  return p.name.trim() ? `${p.name.trim()} (${role.toLocaleLowerCase(lang)})` : role;
}

export function introducePage(m: IntroduceModel): PageView {
  const { lang } = m;
  const t = translator(lang);
  const title = t('introduce.title', { ref: refOf(m.kase) });
  const path = introducePath(m.kase.id);
  const keep = (extra: Record<string, string>) =>
    `${path}?${new URLSearchParams({ ...(m.values.person ? { person: m.values.person } : {}), ...extra }).toString()}`;
  const search = html`<form method="get" action="${path}" class="form form--inline" role="search">
    ${m.values.person ? hiddenField('person', m.values.person) : ''}
    ${textField(lang, { name: 'q', label: t('introduce.search'), hint: t('introduce.searchHint'), value: m.query, type: 'search', maxlength: 100 })}
    <button type="submit" class="button button--secondary">${t('introduce.searchButton')}</button>
  </form>`;
  const results =
    m.results === null
      ? ''
      : m.results.length === 0
        ? html`<p>${t('introduce.noResults')}</p>`
        : html`<h2>${t('introduce.results')}</h2>
            <ul>
              ${m.results.map((o) => html`<li><a href="${keep({ organisation: o.id })}">${o.name}</a></li>`)}
            </ul>`;
  const errorList = Object.entries(m.errors).map(([id, text]) => ({ id, text }));
  const form = m.employer
    ? html`<h2>${t('introduce.picked', { name: m.employer.name })}</h2>
        <p><a href="${keep({})}">${t('introduce.otherEmployer')}</a></p>
        <form method="post" action="${path}" class="form" novalidate>
          ${csrfField(m.csrf)} ${hiddenField('organisation', m.employer.id)}
          ${radioGroup(lang, {
            name: 'person',
            legend: t('introduce.person'),
            required: true,
            value: m.values.person,
            error: m.errors.person,
            options: m.adults.map((p) => ({
              value: p.id,
              label: personName(lang, p),
              hint: m.consented.has(p.id) ? undefined : t('intros.noConsent'),
            })),
          })}
          ${selectField(lang, {
            name: 'job',
            label: t('introduce.job'),
            value: m.values.job,
            placeholder: t('introduce.noJob'),
            options: m.jobs.map((j) => ({ value: j.id, label: j.headline })),
            error: m.errors.job,
            required: false,
          })}
          ${textareaField(lang, {
            name: 'message',
            label: t('introduce.message'),
            hint: t('introduce.messageHint'),
            value: m.values.message,
            maxlength: MESSAGE_MAX,
            rows: 5,
            required: false,
            error: m.errors.message,
          })}
          <button type="submit" class="button">${t('introduce.send')}</button>
        </form>`
    : m.errors.organisation
      ? html`<p class="field__error" id="organisation">${m.errors.organisation}</p>`
      : '';
  return {
    title,
    main: html`<p><a href="${casePath(m.kase.id)}">${t('panel.back')}</a></p>
      <h1>${title}</h1>
      ${formErrorSummary(lang, errorList)}
      <p>${t('introduce.intro')}</p>
      ${search} ${results} ${form}`,
  };
}

// ------------------------------------------------------------------ the employers' pages

export function employerListPage(lang: Lang, organisation: string, intros: IntroductionRow[]): PageView {
  const t = translator(lang);
  const title = t('employer.title');
  return {
    title,
    main: html`<h1>${title}</h1>
      <p>${t('employer.intro')}</p>
      ${dataTable({
        id: 'introductions-caption',
        caption: t('employer.caption', { organisation }),
        columns: [
          t('employer.person'),
          t('employer.occupation'),
          t('employer.job'),
          t('employer.status'),
          t('employer.sent'),
        ],
        rows: intros,
        cells: (i) => [
          html`<a href="${introductionPath(i.id)}">${i.withdrawn ? t('employer.withdrawnName') : i.shared.name || '–'}</a>`,
          i.withdrawn ? '–' : i.shared.occupation || '–',
          i.jobHeadline ?? '–',
          t(`introStatus.${i.status}`),
          formatDate(lang, i.createdAt),
        ],
        empty: t('employer.none'),
      })}`,
  };
}

export function employerIntroPage(
  lang: Lang,
  csrf: string,
  intro: IntroductionRow,
  options: { answered?: boolean; error?: string } = {},
): PageView {
  const t = translator(lang);
  const s = intro.shared;
  const title = intro.withdrawn
    ? t('employer.one', { name: t('employer.withdrawnName') })
    : t('employer.one', { name: s.name || '–' });
  const navigator = intro.navigatorName?.trim() || intro.navigatorEmail?.split('@')[0] || '–';
  const shared = intro.withdrawn
    ? html`<p>${t('employer.withdrawn')}</p>`
    : html`<dl class="facts">
        <dt>${t('employer.name')}</dt><dd>${s.name || '–'}</dd>
        <dt>${t('employer.occupation')}</dt><dd>${s.occupation || '–'}</dd>
        ${s.email ? html`<dt>${t('employer.email')}</dt><dd><a href="mailto:${s.email}">${s.email}</a></dd>` : ''}
        ${s.phone ? html`<dt>${t('employer.phone')}</dt><dd>${s.phone}</dd>` : ''}
      </dl>`;
  const answer = intro.withdrawn
    ? ''
    : html`<form method="post" action="${introductionPath(intro.id)}" class="form">
        ${csrfField(csrf)}
        ${radioGroup(lang, {
          name: 'answer',
          legend: t('employer.answer'),
          hint: t('employer.answerHint'),
          required: true,
          value: intro.status === 'sent' ? '' : intro.status,
          error: options.error,
          options: INTRO_ANSWERS.map((a) => ({ value: a, label: t(`introStatus.${a}`) })),
        })}
        <button type="submit" class="button">${t('employer.answerButton')}</button>
      </form>`;
  return {
    title,
    main: html`<p><a href="${INTRODUCTIONS_PATH}">${t('employer.back')}</a></p>
      <h1>${title}</h1>
      ${notice(options.answered ? t('employer.answered') : undefined)}
      ${options.error ? formErrorSummary(lang, [{ id: 'answer', text: options.error }]) : ''}
      <h2>${t('employer.facts')}</h2>
      ${shared}
      <h2>${t('employer.about')}</h2>
      <dl class="facts">
        <dt>${t('employer.job')}</dt>
        <dd>${intro.jobId ? html`<a href="/${lang}${jobPath(intro.jobId)}">${intro.jobHeadline ?? intro.jobId}</a>` : t('employer.noJob')}</dd>
        <dt>${t('employer.navigator')}</dt>
        <dd>${navigator}${intro.navigatorEmail ? html`, <a href="mailto:${intro.navigatorEmail}">${intro.navigatorEmail}</a>` : ''}</dd>
        <dt>${t('employer.sent')}</dt><dd>${formatDate(lang, intro.createdAt)}</dd>
      </dl>
      ${
        intro.withdrawn
          ? ''
          : html`<h2>${t('employer.message')}</h2>
            <p class="prewrap">${intro.message || t('employer.noMessage')}</p>`
      }
      ${answer}`,
  };
}

// ------------------------------------------------------------------ duplicates and merge

export interface CaseSummary {
  id: string;
  ref: string;
  main: string;
}

export function duplicatesPage(
  lang: Lang,
  csrf: string,
  found: { pairs: FoundPair[]; links: LinkCandidate[]; capped: boolean },
  cases: Map<string, CaseSummary>,
  persons: Map<string, { name: string; email: string | null; role: string }>,
  done: string | undefined,
): PageView {
  const t = translator(lang);
  const title = t('dup.title');
  const details = (list: readonly Detail[] | undefined) =>
    list?.length ? html`<ul class="dup-details">${list.map((d) => html`<li>${d[lang]}</li>`)}</ul>` : '';
  const caseCell = (id: string) => {
    const c = cases.get(id);
    return c
      ? html`<a href="${casePath(id)}">${t('case.ref', { ref: c.ref })}</a> – ${c.main || t('case.noName')}`
      : id;
  };
  const pairs = dataTable({
    id: 'duplicates-caption',
    caption: t('dup.pairsCaption'),
    columns: [t('dup.caseA'), t('dup.caseB'), t('dup.why'), t('dup.action')],
    rows: found.pairs,
    cells: (p) => [
      caseCell(p.a),
      caseCell(p.b),
      html`${p.reasons.map((k) => t(`dup.reason.${k}` as CareersMessageKey)).join(', ')}${details(p.details)}`,
      html`<a href="${PATHS.duplicates}/merge?${new URLSearchParams({ a: p.a, b: p.b }).toString()}">${t(
        'dup.compare',
        {
          a: cases.get(p.a)?.ref ?? '',
          b: cases.get(p.b)?.ref ?? '',
        },
      )}</a>`,
    ],
    empty: t('dup.none'),
  });
  const links = dataTable({
    id: 'signups-caption',
    caption: t('dup.linksCaption'),
    columns: [t('dup.person'), t('dup.case'), t('dup.why'), t('dup.action')],
    rows: found.links,
    cells: (l) => {
      const p = persons.get(l.personId);
      const name = p ? `${p.name || t('case.noName')} <${p.email ?? ''}>` : l.personId;
      return [
        name,
        caseCell(l.caseId),
        html`${t(`dup.source.${l.source}` as CareersMessageKey)}${details(l.details)}`,
        l.proven
          ? html`<form method="post" action="${PATHS.duplicates}/link" class="form form--inline">
              ${csrfField(csrf)} ${hiddenField('person', l.personId)}
              <button type="submit" class="button button--secondary">${t('dup.link')}</button>
            </form>`
          : html`<p>${t('dup.unproven')}</p>
              <form method="post" action="${PATHS.duplicates}/confirm" class="form form--inline">
                ${csrfField(csrf)} ${hiddenField('person', l.personId)}
                <button type="submit" class="button button--secondary">${t('dup.confirm')}</button>
              </form>`,
      ];
    },
    empty: t('dup.linksNone'),
  });
  return {
    title,
    main: html`<h1>${title}</h1>
      ${notice(done)}
      <p>${t('dup.intro')}</p>
      ${found.capped ? html`<p>${t('dup.capped', { count: 200 })}</p>` : ''}
      <h2>${t('dup.pairs')}</h2>
      ${pairs}
      <h2>${t('dup.links')}</h2>
      ${links}`,
  };
}

function sideColumn(lang: Lang, region: Region, side: MergeSide): SafeHtml {
  const t = translator(lang);
  const k = side.kase;
  const municipality = k.municipality_code
    ? (region.municipalities.find((m) => m.code === k.municipality_code)?.shortName ?? k.municipality_code)
    : t('merge.notSure');
  return html`<section class="merge-side" aria-labelledby="case-${k.id}">
    <h2 id="case-${k.id}"><a href="${casePath(k.id)}">${t('case.ref', { ref: refOf(k) })}</a></h2>
    <dl class="facts">
      <dt>${t('merge.stage')}</dt><dd>${r.t(lang, `stage.${k.stage as Stage}`)}</dd>
      <dt>${t('merge.created')}</dt><dd>${formatDate(lang, k.created_at)}</dd>
      <dt>${t('merge.municipality')}</dt><dd>${municipality}</dd>
      <dt>${t('merge.navigator')}</dt><dd>${side.navigator ?? t('merge.nobody')}</dd>
      <dt>${t('merge.needs')}</dt><dd>${k.needs.map((n) => r.t(lang, `need.${n as Need}`)).join(', ') || '–'}</dd>
      <dt>${t('merge.history')}</dt><dd>${side.events}</dd>
    </dl>
    <h3>${t('merge.household')}</h3>
    <ul>
      ${side.persons.map(
        (p) =>
          html`<li>${r.t(lang, `role.${p.role as 'main'}`)}:
            ${p.role === 'child' ? t('merge.childAge', { age: p.age ?? '?' }) : [p.name || t('case.noName'), p.email ? ` <${p.email}>` : '', p.phone ? `, ${p.phone}` : ''].join('')}</li>`,
      )}
    </ul>
  </section>`;
}

export function mergePage(
  lang: Lang,
  region: Region,
  csrf: string,
  a: MergeSide,
  b: MergeSide,
  options: { survivor?: string; error?: string; conflict?: string } = {},
): PageView {
  const t = translator(lang);
  const title = t('merge.title', { a: refOf(a.kase), b: refOf(b.kase) });
  return {
    title,
    main: html`<p><a href="${PATHS.duplicates}">${t('dup.title')}</a></p>
      <h1>${title}</h1>
      ${options.conflict ? html`<div class="error-summary" role="alert"><p>${options.conflict}</p><p>${t('merge.refused')}</p></div>` : ''}
      ${options.error ? formErrorSummary(lang, [{ id: 'survivor', text: options.error }]) : ''}
      <p>${t('merge.intro')}</p>
      <div class="merge-sides">${sideColumn(lang, region, a)} ${sideColumn(lang, region, b)}</div>
      <form method="post" action="${PATHS.duplicates}/merge" class="form">
        ${csrfField(csrf)} ${hiddenField('a', a.kase.id)} ${hiddenField('b', b.kase.id)}
        ${radioGroup(lang, {
          name: 'survivor',
          legend: t('merge.survivor'),
          required: true,
          value: options.survivor ?? '',
          error: options.error,
          options: [a, b].map((s) => ({ value: s.kase.id, label: t('merge.keep', { ref: refOf(s.kase) }) })),
        })}
        <button type="submit" class="button">${t('merge.button')}</button>
      </form>`,
  };
}
