/**
 * The builder's page: step 1 (the job: the organisation's open ads, a search of the board, or a
 * title of its own), step 2 (the persona, the text's language, the municipality, the optional
 * blocks), and the text on the same page three ways — a preview (lang of the text), plain text and
 * HTML, each to copy or download. Plain GET forms and radio buttons: nothing needs JavaScript.
 */
import { html, raw, type SafeHtml } from '../../../platform/html/html.ts';
import {
  attrs,
  checkboxGroup,
  errorSummary,
  groupShell,
  radioGroup,
  selectField,
  textField,
} from '../../../platform/html/forms.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { toolboxFrame, COPY_SCRIPT, TOOLBOX_CSS, toolboxHref } from '../frame.ts';
import { toolboxMessages } from '../messages.ts';
import { PATHS, PERSONAS, type Persona } from '../model.ts';
import { BLOCKS, renderHtml, renderPlain } from './compose.ts';
import { builderMessages, type BuilderMessageKey } from './messages.ts';
import {
  builderQuery,
  MAX_SEARCH,
  MAX_TITLE,
  NO_JOB,
  SEARCH_LIMIT,
  type BuilderInput,
  type Field,
  type ParsedQuery,
  type Problem,
} from './params.ts';
import type { Built, ChosenJob, JobChoice, Note, Step1 } from './service.ts';

export const BUILDER_CSS = 'css/toolbox-builder.css';

export interface BuilderPageModel {
  lang: Lang;
  region: Region;
  organisationName: string;
  parsed: ParsedQuery;
  problems: Problem[];
  step1: Step1;
  /** The chosen ad (also when it is in none of the lists). */
  job?: ChosenJob;
  built?: Built;
}

type T = (key: BuilderMessageKey, params?: Record<string, string | number>) => string;

const ERROR_TARGET: Record<Field, string> = {
  job: 'job-none',
  q: 'q',
  title: 'title',
  municipality: 'municipality',
  persona: 'persona-everyone',
  text: 'text-sv',
  blocks: 'blocks-partner',
  format: 'builder-build',
};

function problemText(t: T, p: Problem): string {
  if (p.field === 'format' && p.reason === 'noText') return t('error.format.noText');
  const max = p.field === 'q' ? MAX_SEARCH : MAX_TITLE;
  return t(`error.${p.field}.${p.reason}` as BuilderMessageKey, { max });
}

function placeName(region: Region, code: string | null): string {
  return region.municipalities.find((m) => m.code === code)?.shortName ?? '';
}

function jobLabel(region: Region, job: JobChoice): string {
  const place = placeName(region, job.municipalityCode);
  return [job.headline, job.employerName, place].filter(Boolean).join(' · ');
}

/** One radio button of the job choice (the fieldset around them carries the error). */
function jobRadio(value: string, label: string, checked: boolean, invalid: boolean): SafeHtml {
  const id = `job-${value}`;
  return html`<li class="choice">
    <input type="radio" id="${id}" name="job" value="${value}"${attrs({
      checked,
      'aria-invalid': invalid ? 'true' : undefined,
    })} />
    <label for="${id}">${label}</label>
  </li>`;
}

function noteText(t: T, lang: Lang, note: Note, persona: Persona): string {
  switch (note.kind) {
    case 'closed':
      return t('note.closed');
    case 'notOwn':
      return t('note.notOwn');
    case 'noArguments':
      return t('note.noArguments');
    case 'fewArguments':
      return t('note.fewArguments', { count: note.count });
    case 'generalArguments':
      return t('note.generalArguments', { persona: toolboxMessages.t(lang, `persona.${persona}`) });
    case 'noFacts':
      return t('note.noFacts', { place: note.place });
  }
}

/**
 * The board search: part of the one form, so a search carries every choice already made (the
 * persona, the language, the ticked paragraphs) and the page comes back with them. Its button comes
 * first, so Enter in the search field searches; the page then lands on step 1.
 */
function searchFields(m: BuilderPageModel, t: T, action: string, error: string | undefined): SafeHtml {
  return html`<div class="builder-search" role="search" aria-label="${t('search.button')}">
    ${textField(m.lang, {
      name: 'q',
      type: 'search',
      label: t('search.label'),
      hint: t('search.hint', { max: SEARCH_LIMIT }),
      value: m.parsed.values.q,
      maxlength: MAX_SEARCH,
      error,
    })}
    <button class="button button--secondary" type="submit" name="search" value="1" formaction="${action}#builder-step1">${t('search.button')}</button>
  </div>`;
}

function jobChoices(m: BuilderPageModel, t: T, error: string | undefined): SafeHtml {
  const { step1, region } = m;
  const chosen = m.parsed.values.job;
  const invalid = error !== undefined;
  const listed = new Set(step1.own.map((j) => j.id));
  const byName = step1.byName.filter((j) => !listed.has(j.id));
  for (const j of byName) listed.add(j.id);
  const found = (step1.found?.items ?? []).filter((j) => !listed.has(j.id));
  for (const j of found) listed.add(j.id);
  const extra = m.job && !listed.has(m.job.id) ? m.job : undefined;
  const q = m.parsed.input.q;
  const content = html`${
    extra
      ? html`<h3 class="builder-jobs__title">${t('step1.chosen')}</h3>
          <ul class="builder-jobs" role="list">${jobRadio(extra.id, jobLabel(region, extra), true, invalid)}</ul>`
      : ''
  }
    <h3 class="builder-jobs__title">${t('step1.own')}</h3>
    ${
      step1.own.length
        ? html`<ul class="builder-jobs" role="list">
            ${step1.own.map((j) => jobRadio(j.id, jobLabel(region, j), chosen === j.id, invalid))}
          </ul>`
        : step1.noNumber
          ? ''
          : html`<p class="builder-empty">${t('step1.ownNone')}</p>`
    }
    ${
      step1.noNumber
        ? html`<p class="notice builder-no-number">${t(
            step1.byName.length ? 'step1.noNumberByName' : 'step1.noNumber',
            { name: m.organisationName },
          )}</p>`
        : ''
    }
    ${
      byName.length
        ? html`<h3 class="builder-jobs__title">${t('step1.byName', { name: m.organisationName })}</h3>
            <ul class="builder-jobs" role="list">
              ${byName.map((j) => jobRadio(j.id, jobLabel(region, j), chosen === j.id, invalid))}
            </ul>`
        : ''
    }
    ${
      step1.searchFailed
        ? html`<p class="notice notice--warning">${t('step1.searchUnavailable')}</p>`
        : step1.found
          ? html`<h3 class="builder-jobs__title">${t('step1.found', { q })}</h3>
              ${
                found.length
                  ? html`<ul class="builder-jobs" role="list">
                      ${found.map((j) => jobRadio(j.id, jobLabel(region, j), chosen === j.id, invalid))}
                    </ul>`
                  : step1.found.items.length
                    ? ''
                    : html`<p class="builder-empty">${t('step1.foundNone', { q })}</p>`
              }
              ${
                step1.found.total > step1.found.items.length
                  ? html`<p class="field__hint">${t('step1.foundMore', {
                      shown: step1.found.items.length,
                      total: step1.found.total,
                    })}</p>`
                  : ''
              }`
          : ''
    }
    <ul class="builder-jobs builder-jobs--none" role="list">
      ${jobRadio(NO_JOB, t('step1.none'), chosen === NO_JOB, invalid)}
    </ul>`;
  return groupShell(
    m.lang,
    { name: 'job', legend: t('step1.jobLegend'), error, className: 'field builder-jobs-field' },
    content,
  );
}

function resultSection(m: BuilderPageModel, t: T, built: Built, path: string): SafeHtml {
  const { lang } = m;
  const textLang = built.text.lang;
  const fragment = renderHtml(built.text);
  const plain = renderPlain(built.text);
  const query = builderQuery({ ...m.parsed.input, municipality: m.parsed.input.municipality });
  const copy = (
    id: string,
  ) => html`<button type="button" class="button button--secondary copy-button" data-copy="${id}"
      data-copied="${t('result.copied')}" data-copy-failed="${t('result.copyFailed')}" hidden>${t('result.copy')}</button>
    <span class="copy-status" role="status" data-copy-status="${id}"></span>`;
  const notes = built.notes.map((n) => noteText(t, lang, n, m.parsed.input.persona));
  if (textLang !== lang) notes.push(t('note.textLang', { lang: t(`langWord.${textLang}`) }));
  return html`<section class="builder-result" aria-labelledby="builder-result">
    <h2 id="builder-result">${t('result.title')}</h2>
    ${notes.length ? html`<ul class="builder-notes" role="list">${notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}
    <div class="builder-result__preview">
      <h3>${t('result.preview')}</h3>
      <div class="builder-preview" lang="${textLang}">${raw(fragment)}</div>
    </div>
    <div class="builder-output">
      <label class="field__label" for="builder-plain">${t('result.plain')}</label>
      <textarea class="input builder-output__text" id="builder-plain" readonly rows="12" lang="${textLang}">${plain}</textarea>
      <div class="builder-output__actions">
        ${copy('builder-plain')}
        <a class="button button--secondary" href="${path}?${query}&amp;format=txt" download>${t('result.downloadTxt')}</a>
      </div>
    </div>
    <div class="builder-output">
      <label class="field__label" for="builder-html">${t('result.html')}</label>
      <textarea class="input builder-output__text builder-output__text--code" id="builder-html" readonly rows="12" spellcheck="false">${fragment}</textarea>
      <div class="builder-output__actions">
        ${copy('builder-html')}
        <a class="button button--secondary" href="${path}?${query}&amp;format=html" download>${t('result.downloadHtml')}</a>
      </div>
    </div>
    <p class="builder-share">${t('result.share')}</p>
  </section>`;
}

export function builderPage(m: BuilderPageModel): {
  title: string;
  description: string;
  path: string;
  main: SafeHtml;
  stylesheets: string[];
  scripts: string[];
  noindex: true;
} {
  const { lang, region } = m;
  const t: T = (key, params) => builderMessages.t(lang, key, params);
  const path = toolboxHref(lang, PATHS.builder);
  const errors = new Map<Field, string>();
  for (const p of m.problems) if (!errors.has(p.field)) errors.set(p.field, problemText(t, p));
  const values = m.parsed.values;
  const input: BuilderInput = m.parsed.input;
  const summary = errorSummary(
    t('error.summary'),
    [...errors].map(([field, text]) => ({ id: ERROR_TARGET[field], text })),
  );

  const form = html`<form method="get" action="${path}#builder-result" class="builder-form">
    ${searchFields(m, t, path, errors.get('q'))}
    ${jobChoices(m, t, errors.get('job'))}
    <div class="builder-own-job">
      ${textField(lang, {
        name: 'title',
        label: t('field.title'),
        hint: t('field.title.hint'),
        value: values.title,
        maxlength: MAX_TITLE,
        error: errors.get('title'),
      })}
    </div>
    ${selectField(lang, {
      name: 'municipality',
      label: t('field.municipality'),
      hint: t('field.municipality.hint'),
      value: values.municipality,
      placeholder: t('field.municipality.job'),
      options: region.municipalities.map((mu) => ({ value: mu.code, label: mu.shortName })),
      error: errors.get('municipality'),
    })}
    <h2 class="builder-step__title">${t('step2.title')}</h2>
    ${radioGroup(lang, {
      name: 'persona',
      legend: t('field.persona'),
      value: input.persona,
      error: errors.get('persona'),
      options: PERSONAS.map((p) => ({ value: p, label: toolboxMessages.t(lang, `persona.${p}`) })),
      className: 'field builder-choices',
    })}
    ${radioGroup(lang, {
      name: 'text',
      legend: t('field.text'),
      hint: t('field.text.hint'),
      value: input.text,
      error: errors.get('text'),
      options: region.languages.map((l) => ({ value: l, label: t(`lang.${l}`) })),
      className: 'field builder-choices builder-choices--inline',
    })}
    ${checkboxGroup(lang, {
      name: 'blocks',
      legend: t('field.blocks'),
      hint: t('field.blocks.hint'),
      values: input.blocks,
      error: errors.get('blocks'),
      options: BLOCKS.map((b) => ({ value: b, label: t(`block.${b}`) })),
      className: 'field builder-choices',
    })}
    <button class="button" type="submit" id="builder-build">${t('build.button')}</button>
  </form>`;

  const body = html`${summary}
    <div class="builder">
      <section class="builder-step" aria-labelledby="builder-step1">
        <h2 class="builder-step__title" id="builder-step1">${t('step1.title')}</h2>
        ${form}
      </section>
      ${m.built ? resultSection(m, t, m.built, path) : ''}
    </div>`;

  const query = builderQuery(input);
  return {
    title: t('page.title'),
    description: t('page.lead'),
    path: `${PATHS.builder}${input.job ? `?${query}` : ''}`,
    main: toolboxFrame(lang, {
      current: 'builder',
      heading: t('page.title'),
      lead: t('page.lead'),
      organisationName: m.organisationName,
      body,
    }),
    stylesheets: [TOOLBOX_CSS, BUILDER_CSS],
    scripts: [COPY_SCRIPT],
    noindex: true,
  };
}
