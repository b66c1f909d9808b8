/** The follow-up survey's pages: the form, and the thanks / already answered / dead link pages. */
import { html } from '../../../platform/html/html.ts';
import {
  csrfField,
  formErrorSummary,
  radioGroup,
  selectField,
  textareaField,
} from '../../../platform/html/forms.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { relocationMessages } from '../messages.ts';
import { EMPLOYMENTS, PATHS } from '../model.ts';
import { HELPED_MAX, type SurveyErrors, type SurveyField } from './followups.ts';
import { householdMessages, type HouseholdKey } from './messages.ts';

const t = (lang: Lang, key: HouseholdKey) => householdMessages.t(lang, key);

export interface SurveyView {
  lang: Lang;
  region: Region;
  csrf: string;
  token: string;
  hasPartner: boolean;
  values: Partial<Record<SurveyField, string>>;
  errors: SurveyErrors;
}

export function surveyPage(v: SurveyView): Page {
  const { lang, values, errors } = v;
  const title = t(lang, 'survey.title');
  const err = (f: SurveyField) =>
    errors[f] ? t(lang, errors[f] === 'helped' ? 'error.helped' : 'error.required') : undefined;
  const employment = EMPLOYMENTS.map((e) => ({
    value: e,
    label: relocationMessages.t(lang, `employment.${e}`),
  }));
  const summary = (Object.keys(errors) as SurveyField[]).map((f) => ({
    id: ['living', 'main', 'partner', 'satisfied'].includes(f)
      ? `${f}-${f === 'satisfied' ? '1' : f === 'living' ? 'yes' : EMPLOYMENTS[0]}`
      : f,
    text: err(f)!,
  }));
  return {
    title: `${summary.length ? (lang === 'sv' ? 'Fel: ' : 'Error: ') : ''}${title}`,
    description: title,
    path: `${PATHS.move}/followup/${v.token}`,
    noindex: true,
    main: html`<div class="wrap move-survey"><h1>${title}</h1>
      <p>${t(lang, 'survey.intro')}</p>
      ${formErrorSummary(lang, summary)}
      <form method="post" action="${localPath(lang, `${PATHS.move}/followup/${v.token}`)}" novalidate>
        ${csrfField(v.csrf)}
        ${radioGroup(lang, {
          name: 'living',
          legend: t(lang, 'q.living'),
          required: true,
          value: values.living ?? '',
          options: [
            { value: 'yes', label: t(lang, 'answer.yes') },
            { value: 'no', label: t(lang, 'answer.no') },
          ],
          error: err('living'),
        })}
        ${selectField(lang, {
          name: 'municipality',
          label: t(lang, 'q.municipality'),
          value: values.municipality ?? '',
          placeholder: '',
          options: [
            ...v.region.municipalities.map((m) => ({ value: m.code, label: m.shortName })),
            { value: 'other', label: t(lang, 'q.municipalityOther') },
          ],
          error: err('municipality'),
        })}
        ${radioGroup(lang, {
          name: 'main',
          legend: t(lang, 'q.main'),
          required: true,
          value: values.main ?? '',
          options: employment,
          error: err('main'),
        })}
        ${
          v.hasPartner
            ? radioGroup(lang, {
                name: 'partner',
                legend: t(lang, 'q.partner'),
                required: true,
                value: values.partner ?? '',
                options: employment,
                error: err('partner'),
              })
            : ''
        }
        ${radioGroup(lang, {
          name: 'satisfied',
          legend: t(lang, 'q.satisfied'),
          hint: t(lang, 'q.satisfiedHint'),
          required: true,
          value: values.satisfied ?? '',
          options: ['1', '2', '3', '4', '5'].map((n) => ({ value: n, label: n })),
          error: err('satisfied'),
        })}
        ${textareaField(lang, {
          name: 'helped',
          label: t(lang, 'q.helped'),
          hint: t(lang, 'q.helpedHint'),
          value: values.helped ?? '',
          maxlength: HELPED_MAX,
          rows: 4,
          required: false,
          error: err('helped'),
        })}
        <button class="button" type="submit">${t(lang, 'survey.send')}</button>
      </form></div>`,
  };
}

export function surveyDonePage(lang: Lang, kind: 'thanks' | 'already' | 'gone'): Page {
  const title = t(
    lang,
    kind === 'thanks' ? 'survey.thanks' : kind === 'already' ? 'survey.already' : 'survey.gone',
  );
  const text = t(
    lang,
    kind === 'thanks' ? 'survey.thanksText' : kind === 'already' ? 'survey.alreadyText' : 'survey.goneText',
  );
  return {
    title,
    description: title,
    // The answered/dead link has nothing to show in the other language: its switch leads to the move page.
    path: PATHS.move,
    noindex: true,
    main: html`<div class="wrap move-survey"><h1>${title}</h1><p>${text}</p></div>`,
  };
}
