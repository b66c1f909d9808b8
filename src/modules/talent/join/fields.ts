/**
 * The talent form's fields, shared by the join steps and the own edit page: the concept pickers
 * (chosen concepts as ticked checkboxes, a search field and a "Sök" button that shows matches as
 * more checkboxes — type-ahead on top with public/js/talent-picker.js), the enumerations as radio
 * buttons, the region's municipalities as checkboxes.
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import {
  attrs,
  checkboxGroup,
  emailField,
  groupShell,
  hiddenField,
  radioGroup,
  textareaField,
  textField,
} from '../../../platform/html/forms.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { talentMessages } from '../messages.ts';
import {
  CONSENT_PURPOSES,
  EDUCATION_LEVELS,
  EXPERIENCE_LEVELS,
  HOUSING_WISHES,
  LIMITS,
  MOVE_TIMEFRAMES,
} from '../model.ts';
import { draftFields, PICKERS, type Draft, type DraftErrors, type PickerName } from './draft.ts';
import { joinMessages } from './messages.ts';
import { QUERY_MAX, type Concept } from './taxonomy.ts';

export const PICKER_SCRIPT = 'js/talent-picker.js';
export const TALENT_CSS = 'css/talent.css';

/** A picker as shown: the chosen concepts, and the matches of a search when one was made. */
export interface PickerView {
  chosen: Concept[];
  q: string;
  results?: Concept[];
}

/** What the fields need besides the draft. */
export interface FieldsView {
  lang: Lang;
  region: Region;
  draft: Draft;
  errors: DraftErrors;
  pickers: Partial<Record<PickerName, PickerView>>;
  languages: Concept[];
  /** The partner keeps their own part (claimed with their account): their pickers are not shown. */
  partnerClaimed?: boolean;
  /** The partner edits their own part: their pickers say "your occupations", not "your partner's". */
  partnerSelf?: boolean;
}

export function errorText(lang: Lang, errors: DraftErrors, name: string): string | undefined {
  const e = errors[name];
  return e && joinMessages.t(lang, e.key, e.params);
}

/** Where the error summary's link for a field goes. */
export function fieldAnchor(name: string): string {
  if (name in PICKERS) return `q_${name}`;
  if (name === 'consents') return `consents-${CONSENT_PURPOSES[0]}`;
  if (name === 'anywhere' || name === 'remote_now' || name === 'has_partner') return name;
  if (['experience', 'education', 'move_when', 'housing', 'language'].includes(name)) {
    const first: Record<string, string> = {
      experience: EXPERIENCE_LEVELS[0],
      education: EDUCATION_LEVELS[0],
      move_when: MOVE_TIMEFRAMES[0],
      housing: HOUSING_WISHES[0],
      language: 'sv',
    };
    return `${name}-${first[name]}`;
  }
  if (name === 'municipalities') return 'anywhere';
  return name;
}

function checkbox(name: string, id: string, value: string, label: string, checked: boolean): SafeHtml {
  return html`<div class="choice"><input${attrs({ type: 'checkbox', id, name })} value="${value}"${attrs({
    checked,
  })} /><label for="${id}">${label}</label></div>`;
}

/** A concept picker: a fieldset with the chosen concepts, the search and its matches. */
export function pickerField(view: FieldsView, name: PickerName): SafeHtml {
  const { lang } = view;
  const t = (k: Parameters<typeof joinMessages.t>[1], p?: Record<string, string | number>) =>
    joinMessages.t(lang, k, p);
  const picker = view.pickers[name] ?? { chosen: [], q: '' };
  const chosenIds = new Set(picker.chosen.map((c) => c.id));
  const results = (picker.results ?? []).filter((c) => !chosenIds.has(c.id));
  const searchId = `q_${name}`;
  // The partner's own page names their part in their words ("Your occupations").
  const words: PickerName =
    view.partnerSelf && name === 'partner_occupations'
      ? 'occupations'
      : view.partnerSelf && name === 'partner_skills'
        ? 'skills'
        : name;
  const required = name === 'occupations' ? true : name === 'skills' ? false : undefined;
  const content = html`<div class="picker__chosen" data-picker-chosen="${name}">
      ${picker.chosen.map((c) => checkbox(name, `${name}-${c.id}`, c.id, c.label, true))}
    </div>
    <div class="picker__search">
      <label class="field__label" for="${searchId}">${t(`field.searchLabel.${words}`)}</label>
      <div class="picker__row">
        <input class="input"${attrs({
          type: 'search',
          id: searchId,
          name: searchId,
          value: picker.q,
          maxlength: QUERY_MAX * 2,
          autocomplete: 'off',
          'data-picker': PICKERS[name].type,
          'data-picker-name': name,
          'data-picker-max': PICKERS[name].max,
          'aria-describedby': picker.results ? `${searchId}-found` : undefined,
        })} />
        <button class="button button--secondary" type="submit" name="action" value="search:${name}">${t(
          'field.search',
        )}</button>
      </div>
    </div>
    ${
      picker.results
        ? html`<div class="picker__results" id="${searchId}-found" role="status">
            <p class="field__hint">${
              results.length === 0 ? t('field.searchNone', { q: picker.q }) : t('field.searchFound')
            }</p>
            ${results.map((c) => checkbox(name, `${name}-${c.id}`, c.id, c.label, false))}
          </div>`
        : ''
    }`;
  return groupShell(
    lang,
    {
      name,
      legend: t(`field.${words}`),
      hint: t(`field.${name}.hint`),
      error: errorText(lang, view.errors, name),
      required,
      className: 'field picker',
    },
    content,
  );
}

const talent = (lang: Lang, key: Parameters<typeof talentMessages.t>[1]) => talentMessages.t(lang, key);

/** Step 2's fields: experience, languages, education, places, move, remote, about. */
export function aboutFields(view: FieldsView): SafeHtml {
  const { lang, draft: d, errors } = view;
  const t = (k: Parameters<typeof joinMessages.t>[1]) => joinMessages.t(lang, k);
  const err = (n: string) => errorText(lang, errors, n);
  return html`${radioGroup(lang, {
    name: 'experience',
    legend: t('field.experience'),
    required: true,
    error: err('experience'),
    value: d.experience,
    options: EXPERIENCE_LEVELS.map((v) => ({ value: v, label: talent(lang, `experience.${v}`) })),
  })}
  ${checkboxGroup(lang, {
    name: 'languages',
    legend: t('field.languages'),
    required: false,
    error: err('languages'),
    values: d.languages,
    options: view.languages.map((c) => ({ value: c.id, label: c.label })),
  })}
  ${radioGroup(lang, {
    name: 'education',
    legend: t('field.education'),
    required: true,
    error: err('education'),
    value: d.education,
    options: EDUCATION_LEVELS.map((v) => ({ value: v, label: talent(lang, `education.${v}`) })),
  })}
  ${groupShell(
    lang,
    {
      name: 'municipalities',
      legend: t('field.municipalities'),
      required: true,
      error: err('municipalities'),
    },
    html`${checkbox('anywhere', 'anywhere', '1', t('field.anywhere'), d.anywhere)}
      <ul class="talent-places">
        ${[...view.region.municipalities]
          .sort((a, b) => a.shortName.localeCompare(b.shortName, 'sv'))
          .map(
            (m) =>
              html`<li>${checkbox('municipalities', `municipalities-${m.code}`, m.code, m.shortName, d.municipalities.includes(m.code))}</li>`,
          )}
      </ul>`,
  )}
  ${radioGroup(lang, {
    name: 'move_when',
    legend: t('field.move_when'),
    required: true,
    error: err('move_when'),
    value: d.moveWhen,
    options: MOVE_TIMEFRAMES.map((v) => ({ value: v, label: talent(lang, `move.${v}`) })),
  })}
  <div class="field">${checkbox('remote_now', 'remote_now', '1', t('field.remote_now'), d.remoteNow)}</div>
  ${textareaField(lang, {
    name: 'about',
    label: t('field.about'),
    hint: t('field.about.hint'),
    required: false,
    error: err('about'),
    value: d.about,
    rows: 5,
    maxlength: LIMITS.about,
  })}`;
}

/** Step 3's fields: the household. */
export function householdFields(view: FieldsView): SafeHtml {
  const { lang, draft: d, errors } = view;
  const t = (k: Parameters<typeof joinMessages.t>[1]) => joinMessages.t(lang, k);
  const err = (n: string) => errorText(lang, errors, n);
  return html`<p class="field__hint">${t('field.household.hint')}</p>
    <div class="field">${checkbox('has_partner', 'has_partner', '1', t('field.has_partner'), d.hasPartner)}</div>
    ${view.partnerClaimed ? html`<p class="field__hint">${t('field.partnerClaimed')}</p>` : html`${pickerField(view, 'partner_occupations')} ${pickerField(view, 'partner_skills')}`}
    ${textField(lang, {
      name: 'children',
      label: t('field.children'),
      hint: t('field.children.hint'),
      required: false,
      error: err('children'),
      value: d.children,
      inputmode: 'numeric',
      autocomplete: 'off',
      maxlength: 60,
    })}
    ${radioGroup(lang, {
      name: 'housing',
      legend: t('field.housing'),
      error: err('housing'),
      value: d.housing,
      options: HOUSING_WISHES.map((v) => ({ value: v, label: talent(lang, `housing.${v}`) })),
    })}`;
}

/** Step 4's fields: e-mail (not when signed in), language, consents (none ticked unless the person did). */
export function contactFields(view: FieldsView, signedIn: boolean): SafeHtml {
  const { lang, draft: d, errors } = view;
  const t = (k: Parameters<typeof joinMessages.t>[1]) => joinMessages.t(lang, k);
  const err = (n: string) => errorText(lang, errors, n);
  return html`${
    signedIn
      ? ''
      : emailField(lang, {
          name: 'email',
          label: t('field.email'),
          hint: t('field.email.hint'),
          required: true,
          error: err('email'),
          value: d.email,
          maxlength: 254,
        })
  }
  ${radioGroup(lang, {
    name: 'language',
    legend: t('field.language'),
    required: true,
    error: err('language'),
    value: d.language || lang,
    options: (['sv', 'en'] as const).map((v) => ({ value: v, label: t(`lang.${v}`) })),
  })}
  ${checkboxGroup(lang, {
    name: 'consents',
    legend: t('field.consents'),
    hint: t('field.consents.hint'),
    error: err('consents'),
    values: d.consents,
    options: CONSENT_PURPOSES.map((p) => ({
      value: p,
      label: talent(lang, `consent.${p}.label`),
      hint: talent(lang, `consent.${p}.text`),
    })),
  })}`;
}

/** Hidden fields for everything in the draft except `shown` (the fields the page shows itself). */
export function hiddenDraft(d: Draft, shown: readonly string[]): SafeHtml {
  const out: SafeHtml[] = [];
  for (const [name, value] of Object.entries(draftFields(d))) {
    if (shown.includes(name)) continue;
    for (const v of [value].flat()) if (v !== '') out.push(hiddenField(name, v));
  }
  return html`${out}`;
}
