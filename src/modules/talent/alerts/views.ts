/**
 * The alerts' pages: the new-alert form (the search in words, frequency, and for a visitor the
 * address and the consent), "check your e-mail", the confirm page a link opens (GET never confirms:
 * mail scanners open links), the unsubscribe page (a button that posts), and their outcomes.
 */
import {
  checkboxGroup,
  csrfField,
  emailField,
  formErrorSummary,
  hiddenField,
  radioGroup,
} from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import type { Lang, Params } from '../../../platform/i18n/index.ts';
import { talentMessages } from '../messages.ts';
import { alertMessages } from './messages.ts';
import { FREQUENCIES, MAX_ALERTS, type Frequency } from './service.ts';

type Key = Parameters<typeof alertMessages.t>[1];

export interface NewAlertErrors {
  email?: Key;
  consent?: Key;
  frequency?: Key;
  form?: Key;
}

export interface NewAlertView {
  lang: Lang;
  csrfToken: string;
  /** The canonical query string ('' for every job). */
  search: string;
  searchWords: string[];
  frequency: Frequency | '';
  email: string;
  consent: boolean;
  /** The signed-in person's address (no field then), else undefined. */
  signedInEmail?: string;
  /** A signed-in person who already consents to alerts is not asked again. */
  askConsent: boolean;
  errors: NewAlertErrors;
  /** The search could not be parsed: what was wrong, and no form. */
  badSearch?: string;
}

function t(lang: Lang, key: Key, params?: Params): string {
  return alertMessages.t(lang, key, params);
}

export function searchWordsList(words: string[]): SafeHtml {
  return html`<ul class="alert-search">${words.map((w) => html`<li>${w}</li>`)}</ul>`;
}

export function newAlertPage(view: NewAlertView): Page {
  const { lang } = view;
  const title = t(lang, 'new.title');
  const back = localPath(lang, `/jobs${view.search ? `?${view.search}` : ''}`);
  if (view.badSearch !== undefined)
    return {
      title,
      description: t(lang, 'new.lead'),
      path: '/alerts/new',
      noindex: true,
      main: html`<div class="wrap prose">
        <h1>${title}</h1>
        <p class="notice notice--error">${t(lang, 'error.badSearch', { problem: view.badSearch })}</p>
        <p><a href="${localPath(lang, '/jobs')}">${t(lang, 'created.jobs')}</a></p>
      </div>`,
    };
  const errors = (['form', 'frequency', 'email', 'consent'] as const).flatMap((name) => {
    const key = view.errors[name];
    if (!key) return [];
    const id = name === 'frequency' ? 'frequency-daily' : name === 'consent' ? 'consent-yes' : name;
    return [{ id, text: t(lang, key, { max: MAX_ALERTS }) }];
  });
  // A visitor has no profile: their consent text speaks of saved searches only.
  const consentText = talentMessages.t(
    lang,
    view.signedInEmail ? 'consent.alerts.text' : 'consent.alertsVisitor.text',
  );
  return {
    title,
    description: t(lang, 'new.lead'),
    path: `/alerts/new${view.search ? `?${view.search}` : ''}`,
    noindex: true,
    main: html`<div class="wrap prose">
      <h1>${title}</h1>
      <p class="lead">${t(lang, 'new.lead')}</p>
      ${formErrorSummary(lang, errors)}
      <h2>${t(lang, 'new.search')}</h2>
      ${searchWordsList(view.searchWords)}
      <p><a href="${back}">${t(lang, 'new.change')}</a></p>
      <form class="form" method="post" action="${localPath(lang, '/alerts')}" novalidate>
        ${csrfField(view.csrfToken)} ${hiddenField('search', view.search)}
        ${radioGroup(lang, {
          name: 'frequency',
          legend: t(lang, 'new.frequency'),
          required: true,
          value: view.frequency,
          error: view.errors.frequency ? t(lang, view.errors.frequency) : undefined,
          options: FREQUENCIES.map((f) => ({ value: f, label: t(lang, `frequency.${f}`) })),
        })}
        ${
          view.signedInEmail
            ? html`<p>${t(lang, 'new.signedInAs', { email: view.signedInEmail })}</p>`
            : emailField(lang, {
                name: 'email',
                label: t(lang, 'new.email'),
                hint: t(lang, 'new.emailHint'),
                value: view.email,
                required: true,
                maxlength: 254,
                error: view.errors.email ? t(lang, view.errors.email) : undefined,
              })
        }
        ${
          view.askConsent
            ? checkboxGroup(lang, {
                name: 'consent',
                legend: t(lang, 'new.consent'),
                hint: consentText,
                required: true,
                values: view.consent ? ['yes'] : [],
                error: view.errors.consent ? t(lang, view.errors.consent) : undefined,
                options: [{ value: 'yes', label: talentMessages.t(lang, 'consent.alerts.label') }],
              })
            : ''
        }
        <button class="button" type="submit">${t(lang, 'new.submit')}</button>
      </form>
    </div>`,
  };
}

/** A page that says one thing, with an optional form (one button) or links. */
export function messagePage(
  lang: Lang,
  path: string,
  keys: { title: Key; text: Key },
  options: { params?: Params; extra?: SafeHtml } = {},
): Page {
  const title = t(lang, keys.title, options.params);
  return {
    title,
    description: t(lang, keys.text, options.params),
    path,
    noindex: true,
    main: html`<div class="wrap prose">
      <h1>${title}</h1>
      <p>${t(lang, keys.text, options.params)}</p>
      ${options.extra ?? ''}
    </div>`,
  };
}

export function links(lang: Lang): SafeHtml {
  return html`<p><a href="${localPath(lang, '/me')}">${t(lang, 'created.me')}</a></p>
    <p><a href="${localPath(lang, '/jobs')}">${t(lang, 'created.jobs')}</a></p>`;
}

export function confirmForm(lang: Lang, csrfToken: string, token: string, words: string[]): SafeHtml {
  return html`${searchWordsList(words)}
    <form class="form" method="post" action="${localPath(lang, '/alerts/confirm')}">
      ${csrfField(csrfToken)} ${hiddenField('token', token)}
      <button class="button" type="submit">${t(lang, 'confirm.button')}</button>
    </form>`;
}

/** The unsubscribe button: a plain POST to the link's own address (the token is the authority). */
export function unsubscribeForm(lang: Lang, action: string, words: string[]): SafeHtml {
  return html`${searchWordsList(words)}
    <form class="form" method="post" action="${action}">
      ${hiddenField('List-Unsubscribe', 'One-Click')}
      <button class="button" type="submit">${t(lang, 'unsubscribe.button')}</button>
    </form>`;
}

/** One catalogue text, for the routes' few words outside a page. */
export function t_(lang: Lang, key: Key, params?: Params): string {
  return t(lang, key, params);
}
