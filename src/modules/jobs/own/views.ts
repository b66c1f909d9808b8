/**
 * The back-office pages of employers' own ads: the list (open ads, soonest deadline first, then
 * the latest closed ones), the form for a new ad and for editing an open one (with the close
 * form), and a closed ad's page. The occupation is picked without JavaScript: the text field's
 * "Sök yrke" button sends the form back with the matching occupations as radio buttons. Every
 * refusal re-shows what was typed with the error by its field.
 */
import {
  checkboxGroup,
  csrfField,
  fieldShell,
  controlAttrs,
  attrs,
  formErrorSummary,
  hiddenField,
  notice,
  radioGroup,
  selectField,
  textField,
  dateField,
  emailField,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import type { Municipality } from '../../../platform/region.ts';
import { englishGroupTitle } from '../english-titles.ts';
import { FIELDS, LIMITS, type FieldErrors, type FormValues } from './form.ts';
import { ownJobMessages, type OwnJobMessageKey } from './messages.ts';
import type { Occupation } from './model.ts';
import type { OwnAd, OwnAdSummary } from './repository.ts';
import type { FormChoices } from './service.ts';

export const OWN_JOBS_PATH = '/admin/jobs';
export const NEW_AD_PATH = `${OWN_JOBS_PATH}/new`;
export const ownAdPath = (id: string) => `${OWN_JOBS_PATH}/${id}`;

type T = (key: OwnJobMessageKey, params?: Record<string, string>) => string;
const translator =
  (lang: Lang): T =>
  (key, params) =>
    ownJobMessages.t(lang, key, params);

/** The public job page of an ad, in the back-office person's language. */
const publicPath = (lang: Lang, id: string) => localPath(lang, `/jobs/${encodeURIComponent(id)}`);

function municipalityName(municipalities: readonly Municipality[], code: string | null): string {
  return municipalities.find((m) => m.code === code)?.shortName ?? '';
}

/** The last day to apply as a date (the ad closes when that Stockholm day is over). */
const deadlineText = (lang: Lang, date: Date) => formatDate(lang, date);

export interface ListModel {
  lang: Lang;
  organisationName: string;
  municipalities: readonly Municipality[];
  open: OwnAdSummary[];
  closed: OwnAdSummary[];
  closedMore: boolean;
  done?: 'closed';
}

export function listPage(m: ListModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const title = t('list.title');
  const view = (ad: OwnAdSummary) =>
    html`<a href="${publicPath(m.lang, ad.id)}" aria-label="${t('list.viewNamed', { headline: ad.headline })}">${t('list.view')}</a>`;
  const open = dataTable({
    id: 'own-open-caption',
    caption: t('list.open'),
    columns: [t('col.headline'), t('col.municipality'), t('col.published'), t('col.deadline'), t('col.page')],
    rows: m.open,
    cells: (ad) => [
      html`<a href="${ownAdPath(ad.id)}">${ad.headline}</a>`,
      municipalityName(m.municipalities, ad.municipalityCode),
      formatDate(m.lang, ad.publishedAt),
      deadlineText(m.lang, ad.deadlineAt),
      view(ad),
    ],
    empty: t('list.emptyOpen'),
  });
  const closed = dataTable({
    id: 'own-closed-caption',
    caption: t('list.closed'),
    columns: [t('col.headline'), t('col.municipality'), t('col.published'), t('col.closed')],
    rows: m.closed,
    cells: (ad) => [
      html`<a href="${ownAdPath(ad.id)}">${ad.headline}</a>`,
      municipalityName(m.municipalities, ad.municipalityCode),
      formatDate(m.lang, ad.publishedAt),
      html`${ad.closedAt ? formatDate(m.lang, ad.closedAt) : ''}<br /><span class="admin-muted">${t(`reason.${ad.closedReason ?? 'missing'}`)}</span>`,
    ],
    empty: t('list.emptyClosed'),
  });
  return {
    title,
    main: html`<h1>${title}</h1>
      ${notice(m.done ? t('done.closed') : undefined)}
      <p class="lead">${t('list.intro', { organisation: m.organisationName })}</p>
      <p><a class="button" href="${NEW_AD_PATH}">${t('list.new')}</a></p>
      ${open} ${closed}
      ${m.closedMore ? html`<p>${t('list.closedMore', { count: String(m.closed.length) })}</p>` : ''}`,
  };
}

export interface FormModel {
  lang: Lang;
  csrf: string;
  employerName: string;
  municipalities: readonly Municipality[];
  choices: FormChoices;
  values: FormValues;
  errors: FieldErrors;
  /** Occupations matching the typed text, offered as radio buttons. */
  matches: Occupation[];
  /** The occupation chosen before (editing), when it is not among the matches. */
  chosen?: Occupation;
  /** Editing an open ad: the ad and the change number the form started from. */
  ad?: OwnAd;
  base?: string;
  done?: 'published' | 'saved';
  /** A notice above the form: someone else changed the ad, or the organisation has too many. */
  problem?: 'conflict' | 'too-many' | 'limited';
  /** With problem 'limited': minutes until a write is taken again. */
  retryMinutes?: number;
  maxOpen: number;
}

function errorOf(t: T, errors: FieldErrors, field: (typeof FIELDS)[number]): string | undefined {
  const e = errors[field];
  return e ? t(e.key, e.params) : undefined;
}

/** The occupation in the page's language: its Swedish name, and its group's English title on English pages. */
function occupationChoice(lang: Lang, o: Occupation) {
  const group = lang === 'en' && o.groupId ? englishGroupTitle(o.groupId) : undefined;
  const shown = group ?? o.groupLabel;
  return {
    value: o.id,
    label: o.label,
    ...(lang === 'en' ? { lang: 'sv' } : {}),
    // The occupation's group after it, to tell similar names apart (in the page's language).
    ...(shown && shown !== o.label
      ? { after: html`<span class="admin-muted"${group ? html` lang="en"` : ''}>(${shown})</span>` }
      : {}),
  };
}

function occupationField(m: FormModel, t: T): SafeHtml {
  const options = [...m.matches];
  if (m.chosen && !options.some((o) => o.id === m.chosen?.id)) options.unshift(m.chosen);
  const picked = options.length
    ? radioGroup(m.lang, {
        name: 'occupation_id',
        legend: m.matches.length ? t('field.occupationPick') : t('field.occupationChosen'),
        hint: m.matches.length ? t('field.occupationPickHint', { text: m.values.occupation }) : undefined,
        options: options.map((o) => occupationChoice(m.lang, o)),
        value: m.values.occupation_id,
      })
    : '';
  return html`${textField(m.lang, {
    name: 'occupation',
    label: t('field.occupation'),
    hint: t('field.occupationHint'),
    error: errorOf(t, m.errors, 'occupation'),
    value: m.values.occupation,
    maxlength: LIMITS.occupation,
    autocomplete: 'off',
  })}
    <p><button class="button button--secondary" type="submit" name="action" value="find">${t('form.findOccupation')}</button></p>
    ${picked}`;
}

/** A textarea with the language of what is written in it (for spelling and screen readers). */
function descriptionField(
  lang: Lang,
  spec: { name: string; label: string; value: string; error?: string; contentLang: Lang },
): SafeHtml {
  const control = html`<textarea class="input"${attrs({
    ...controlAttrs({ name: spec.name, label: spec.label, error: spec.error }),
    rows: 12,
    maxlength: LIMITS.description,
    lang: spec.contentLang,
  })}>${spec.value}</textarea>`;
  return fieldShell(
    lang,
    { name: spec.name, label: spec.label, error: spec.error, required: false },
    control,
  );
}

function formFields(m: FormModel, t: T): SafeHtml {
  const v = m.values;
  const e = (field: (typeof FIELDS)[number]) => errorOf(t, m.errors, field);
  const conceptLabel = (c: { label: string; labelEn: string | null }) =>
    m.lang === 'en' && c.labelEn ? c.labelEn : c.label;
  return html`${textField(m.lang, {
    name: 'headline',
    label: t('field.headline'),
    hint: t('field.headlineHint'),
    error: e('headline'),
    value: v.headline,
    maxlength: LIMITS.headline,
  })}
    ${occupationField(m, t)}
    ${selectField(m.lang, {
      name: 'municipality',
      label: t('field.municipality'),
      hint: t('field.municipalityHint'),
      error: e('municipality'),
      value: v.municipality,
      placeholder: t('field.choose'),
      options: [...m.municipalities]
        .sort((a, b) => a.shortName.localeCompare(b.shortName, 'sv'))
        .map((mu) => ({ value: mu.code, label: mu.shortName })),
    })}
    <fieldset class="fieldset">
      <legend class="fieldset__legend">${t('form.aboutJob')}</legend>
      ${selectField(m.lang, {
        name: 'employment_type',
        label: t('field.employmentType'),
        error: e('employment_type'),
        value: v.employment_type,
        placeholder: t('field.choose'),
        options: m.choices.employmentTypes.map((c) => ({ value: c.id, label: conceptLabel(c) })),
      })}
      ${radioGroup(m.lang, {
        name: 'worktime',
        legend: t('field.worktime'),
        error: e('worktime'),
        options: m.choices.worktimes.map((c) => ({ value: c.id, label: conceptLabel(c) })),
        value: v.worktime,
      })}
      ${textField(m.lang, {
        name: 'hours',
        label: t('field.hours'),
        hint: t('field.hoursHint'),
        error: e('hours'),
        value: v.hours,
        maxlength: LIMITS.hours,
        required: false,
      })}
      ${checkboxGroup(m.lang, {
        name: 'remote',
        legend: t('field.remote'),
        options: [{ value: 'yes', label: t('field.remoteOption') }],
        values: v.remote ? ['yes'] : [],
        required: false,
      })}
      ${textField(m.lang, {
        name: 'vacancies',
        label: t('field.vacancies'),
        error: e('vacancies'),
        value: v.vacancies,
        inputmode: 'numeric',
        maxlength: 4,
        required: false,
        inputClass: 'input--short',
      })}
      ${dateField(m.lang, {
        name: 'deadline',
        label: t('field.deadline'),
        hint: t('field.deadlineHint'),
        error: e('deadline'),
        value: v.deadline,
      })}
    </fieldset>
    <fieldset class="fieldset">
      <legend class="fieldset__legend">${t('form.apply')}</legend>
      <p class="field__hint">${t('form.applyHint')}</p>
      ${textField(m.lang, {
        name: 'apply_url',
        type: 'url',
        label: t('field.applyUrl'),
        hint: t('field.applyUrlHint'),
        error: e('apply_url'),
        value: v.apply_url,
        maxlength: LIMITS.applyUrl,
        autocapitalize: 'none',
        spellcheck: false,
        required: false,
      })}
      ${emailField(m.lang, {
        name: 'apply_email',
        label: t('field.applyEmail'),
        error: e('apply_email'),
        value: v.apply_email,
        autocomplete: 'off',
        maxlength: 254,
        required: false,
      })}
    </fieldset>
    <fieldset class="fieldset">
      <legend class="fieldset__legend">${t('form.description')}</legend>
      <p class="field__hint">${t('form.descriptionHint')}</p>
      ${descriptionField(m.lang, {
        name: 'description_sv',
        label: t('field.descriptionSv'),
        value: v.description_sv,
        error: e('description_sv'),
        contentLang: 'sv',
      })}
      ${descriptionField(m.lang, {
        name: 'description_en',
        label: t('field.descriptionEn'),
        value: v.description_en,
        error: e('description_en'),
        contentLang: 'en',
      })}
    </fieldset>`;
}

/** The errors in the order of the form, each linking to its field. */
function summary(m: FormModel, t: T): SafeHtml {
  return formErrorSummary(
    m.lang,
    FIELDS.flatMap((field) => {
      const text = errorOf(t, m.errors, field);
      return text ? [{ id: field, text }] : [];
    }),
  );
}

function problemNotice(m: FormModel, t: T): SafeHtml {
  if (!m.problem) return html``;
  const text =
    m.problem === 'conflict'
      ? t('error.conflict')
      : m.problem === 'limited'
        ? t('error.limited', { minutes: String(m.retryMinutes ?? 10) })
        : t('error.tooMany', { max: String(m.maxOpen) });
  return html`<div class="notice notice--warning" role="alert"><p>${text}</p></div>`;
}

function closeForm(m: FormModel, t: T, ad: OwnAd): SafeHtml {
  return html`<section aria-labelledby="close-title">
    <h2 id="close-title">${t('close.title')}</h2>
    <p>${t('close.text')}</p>
    <form class="form" method="post" action="${ownAdPath(ad.id)}/close">
      ${csrfField(m.csrf)}
      <button class="button button--secondary" type="submit">${t('close.button')}</button>
    </form>
  </section>`;
}

/** The form for a new ad, or for editing an open one. */
export function formPage(m: FormModel): { title: string; main: SafeHtml } {
  const t = translator(m.lang);
  const failed = Object.keys(m.errors).length > 0;
  const title = m.ad ? t('form.editTitle') : t('form.newTitle');
  const action = m.ad ? ownAdPath(m.ad.id) : NEW_AD_PATH;
  const done =
    m.done === 'published' ? t('done.published') : m.done === 'saved' ? t('done.saved') : undefined;
  return {
    title: failed ? `${title} – ${t('form.refused')}` : title,
    main: html`<p><a href="${OWN_JOBS_PATH}">${t('form.back')}</a></p>
      <h1>${title}</h1>
      ${notice(done)} ${problemNotice(m, t)}
      ${m.ad ? html`<p><a href="${publicPath(m.lang, m.ad.id)}">${t('form.publicLink')}</a></p>` : ''}
      <p class="lead">${t(m.ad ? 'form.introEdit' : 'form.intro', { employer: m.employerName })}</p>
      <p>${t('form.required')}</p>
      <form class="form" method="post" action="${action}" novalidate>
        ${summary(m, t)} ${csrfField(m.csrf)} ${m.base ? hiddenField('base', m.base) : ''}
        ${formFields(m, t)}
        <p><button class="button" type="submit" name="action" value="publish">${m.ad ? t('form.save') : t('form.publish')}</button></p>
      </form>
      ${m.ad?.status === 'open' ? closeForm(m, t, m.ad) : ''}`,
  };
}

/** A closed ad: what it was and when and why it closed. */
export function closedPage(
  lang: Lang,
  ad: OwnAd,
  municipalities: readonly Municipality[],
): { title: string; main: SafeHtml } {
  const t = translator(lang);
  const reason = ad.closedReason ?? 'missing';
  return {
    title: t('closed.title'),
    main: html`<p><a href="${OWN_JOBS_PATH}">${t('form.back')}</a></p>
      <h1>${ad.headline}</h1>
      <p class="lead">${t(`closed.text.${reason}`, { date: ad.closedAt ? formatDate(lang, ad.closedAt) : '' })}</p>
      <h2>${t('closed.facts')}</h2>
      <dl class="admin-facts">
        <dt>${t('col.municipality')}</dt>
        <dd>${municipalityName(municipalities, ad.municipalityCode)}</dd>
        <dt>${t('col.published')}</dt>
        <dd>${formatDate(lang, ad.publishedAt)}</dd>
        <dt>${t('col.deadline')}</dt>
        <dd>${deadlineText(lang, ad.deadlineAt)}</dd>
        <dt>${t('field.occupation')}</dt>
        <dd${lang === 'en' ? html` lang="sv"` : ''}>${ad.data.occupationLabel}</dd>
      </dl>`,
  };
}
