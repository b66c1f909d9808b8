/**
 * The widget's HTML: the settings page inside the toolbox frame (the form, the snippet and the JSON
 * address with copy buttons, a live preview drawn by the widget's own script, a new key), the
 * snippet itself, and the widget's own small page (a document of its own: no site shell, so it fits
 * an iframe and is the snippet's fallback link).
 */
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import {
  attrs,
  csrfField,
  fieldShell,
  formErrorSummary,
  selectField,
  textField,
} from '../../../platform/html/forms.ts';
import type { Site } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { OrganisationKind } from '../../../platform/permissions.ts';
import type { Region } from '../../../platform/region.ts';
import { COPY_SCRIPT } from '../frame.ts';
import type { WidgetContent } from './api-schema.ts';
import { REGION_VALUE, type WidgetField, type WidgetFormErrors, type WidgetFormValues } from './form.ts';
import { widgetMessages, type WidgetMessageKey } from './messages.ts';

/** The widget's script under public/ (with its CSS inside; at most 15 KB). */
export const WIDGET_SCRIPT = 'js/lotsa-widget.js';
export const WIDGET_CSS = 'css/toolbox-widget.css';

const tr = (lang: Lang) => (key: WidgetMessageKey, params?: Record<string, string>) =>
  widgetMessages.t(lang, key, params);

/** The CSS custom properties the host page may set (documented on the settings page). */
export const CSS_PROPERTIES = [
  '--lotsa-accent',
  '--lotsa-background',
  '--lotsa-border',
  '--lotsa-radius',
  '--lotsa-gap',
] as const;

/**
 * What an employer pastes: the element the script fills, with a plain link to the widget's page
 * inside (what a visitor without JavaScript, or when the fetch fails, gets), and the script.
 */
export function snippetOf(options: {
  key: string;
  lang: Lang;
  pageUrl: string;
  scriptUrl: string;
  linkText: string;
}): string {
  return html`<div data-lotsa-widget="${options.key}" lang="${options.lang}"><a href="${options.pageUrl}">${options.linkText}</a></div>
<script src="${options.scriptUrl}" async></script>`.toString();
}

export interface SettingsModel {
  lang: Lang;
  region: Region;
  csrfToken: string;
  values: WidgetFormValues;
  errors: WidgetFormErrors;
  /** The saved widget: its key, snippet, addresses and whether it is on. */
  saved?: {
    key: string;
    enabled: boolean;
    lang: Lang;
    snippet: string;
    jsonUrl: string;
    pageUrl: string;
    fallbackText: string;
  };
  /** The kind of the organisation acted for (who may make a new key). */
  kind: OrganisationKind;
  /** Whether this person's role may give the widget a new key. */
  mayRenewKey: boolean;
  /** The organisation has no organisationsnummer: the board's ads cannot be found for it. */
  noOrgNumber: boolean;
}

function checkbox(
  lang: Lang,
  spec: { name: WidgetField; label: string; hint: string; checked: boolean; error?: string },
): SafeHtml {
  const hintId = `${spec.name}-hint`;
  const errorId = spec.error ? `${spec.name}-error` : undefined;
  return html`<div class="choice widget-settings__check${spec.error ? ' field--error' : ''}">
    <input${attrs({
      type: 'checkbox',
      id: spec.name,
      name: spec.name,
      value: 'on',
      checked: spec.checked,
      'aria-invalid': spec.error ? 'true' : undefined,
      'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
    })} />
    <label for="${spec.name}">${spec.label}</label>
    <p class="field__hint" id="${hintId}">${spec.hint}</p>
    ${spec.error ? html`<p class="field__error" id="${errorId}">${spec.error}</p>` : ''}
  </div>`;
}

function settingsForm(model: SettingsModel): SafeHtml {
  const { lang, region, values, errors } = model;
  const t = tr(lang);
  const err = (field: WidgetField) => (errors[field] ? t(errors[field]) : undefined);
  const regionName = region.name[lang];
  const summary = (Object.keys(errors) as WidgetField[]).map((field) => ({
    id: field,
    text: t(errors[field]!),
  }));
  return html`<section class="widget-settings" aria-labelledby="widget-settings-heading">
    <h2 id="widget-settings-heading">${t('settings.heading')}</h2>
    ${formErrorSummary(lang, summary)}
    <form method="post" action="/${lang}/toolbox/widget" novalidate>
      ${csrfField(model.csrfToken)}
      ${selectField(lang, {
        name: 'lang',
        label: t('settings.lang'),
        hint: t('settings.langHint'),
        value: values.lang,
        error: err('lang'),
        options: [
          { value: 'sv', label: t('settings.lang.sv') },
          { value: 'en', label: t('settings.lang.en') },
        ],
      })}
      ${selectField(lang, {
        name: 'municipality',
        label: t('settings.municipality'),
        hint: t('settings.municipalityHint', { region: regionName }),
        value: values.municipality,
        error: err('municipality'),
        options: [
          { value: REGION_VALUE, label: t('settings.region', { region: regionName }) },
          ...region.municipalities.map((m) => ({ value: m.code, label: m.shortName })),
        ],
      })}
      <fieldset class="fieldset widget-settings__options">
        <legend class="fieldset__legend">${t('settings.options')}</legend>
        ${checkbox(lang, {
          name: 'show_jobs',
          label: t('settings.showJobs'),
          hint: t('settings.showJobsHint'),
          checked: values.showJobs,
          error: err('show_jobs'),
        })}
        ${model.noOrgNumber ? html`<p class="notice notice--warning widget-settings__orgnr">${t('settings.noOrgNumber')}</p>` : ''}
        ${textField(lang, {
          name: 'max_jobs',
          label: t('settings.maxJobs'),
          hint: t('settings.maxJobsHint'),
          value: values.maxJobs,
          error: err('max_jobs'),
          inputmode: 'numeric',
          maxlength: 2,
          autocomplete: 'off',
          inputClass: 'input--short',
          pattern: `[0-9]{1,2}`,
        })}
        ${
          model.mayRenewKey
            ? checkbox(lang, {
                name: 'enabled',
                label: t('settings.enabled'),
                hint: t('settings.enabledHint'),
                checked: values.enabled,
                error: err('enabled'),
              })
            : html`<p class="field__hint">${t(values.enabled ? 'settings.enabledByAdmins' : 'settings.disabledByAdmins')}</p>`
        }
      </fieldset>
      <p><button class="button" type="submit">${t('settings.save')}</button></p>
    </form>
  </section>`;
}

function copyButton(lang: Lang, target: string, label: string): SafeHtml {
  const t = tr(lang);
  return html`<p class="widget-copy">
    <button type="button" class="button button--secondary copy-button" data-copy="${target}" data-copied="${t('copy.done')}" data-copy-failed="${t('copy.failed')}" hidden>${label}</button>
    <span class="copy-status" role="status" data-copy-status="${target}"></span>
  </p>`;
}

function savedSections(model: SettingsModel): SafeHtml {
  const { lang } = model;
  const t = tr(lang);
  const saved = model.saved;
  if (!saved) {
    return html`<section class="widget-section" aria-labelledby="widget-snippet-heading">
      <h2 id="widget-snippet-heading">${t('snippet.heading')}</h2>
      <p>${t('snippet.none')}</p>
    </section>`;
  }
  const example = CSS_PROPERTIES.map(
    (p, i) => `  ${p}: ${['#8a3b12', '#fff8f0', '#d9c2ad', '0.5rem', '1rem'][i]};`,
  ).join('\n');
  return html`<section class="widget-section" aria-labelledby="widget-snippet-heading">
      <h2 id="widget-snippet-heading">${t('snippet.heading')}</h2>
      ${saved.enabled ? '' : html`<p class="notice notice--warning">${t('snippet.disabled')}</p>`}
      ${fieldShell(
        lang,
        { name: 'widget-snippet', label: t('snippet.label'), hint: t('snippet.hint') },
        html`<textarea class="input widget-code" id="widget-snippet" rows="7" readonly spellcheck="false" aria-describedby="widget-snippet-hint">${saved.snippet}</textarea>`,
      )}
      ${copyButton(lang, 'widget-snippet', t('copy.button'))}
      <p class="widget-key">${t('key.current')} <code>${saved.key}</code></p>
    </section>
    <section class="widget-section" aria-labelledby="widget-preview-heading">
      <h2 id="widget-preview-heading">${t('preview.heading')}</h2>
      <p>${t('preview.hint')}</p>
      <div class="widget-preview">
        <div data-lotsa-widget="${saved.key}" lang="${saved.lang}" data-heading-level="3"><a href="${saved.pageUrl}">${saved.fallbackText}</a></div>
      </div>
    </section>
    <section class="widget-section" aria-labelledby="widget-json-heading">
      <h2 id="widget-json-heading">${t('json.heading')}</h2>
      ${textField(lang, {
        name: 'widget-json',
        label: t('json.label'),
        hint: t('json.hint'),
        value: saved.jsonUrl,
        readonly: true,
        spellcheck: false,
        type: 'url',
      })}
      ${copyButton(lang, 'widget-json', t('copy.json'))}
      <p><a href="${saved.jsonUrl}">${saved.jsonUrl}</a></p>
      <p><a href="${saved.pageUrl}">${t('json.page')}</a></p>
    </section>
    <section class="widget-section" aria-labelledby="widget-style-heading">
      <h2 id="widget-style-heading">${t('style.heading')}</h2>
      <p>${t('style.text')}</p>
      <pre class="widget-code"><code>[data-lotsa-widget] {\n${example}\n}</code></pre>
      <p>${t('style.level')}</p>
    </section>
    <section class="widget-section" aria-labelledby="widget-key-heading">
      <h2 id="widget-key-heading">${t('key.heading')}</h2>
      <p>${t('key.text')}</p>
      <p>${t(`key.who.${model.kind}`)}</p>
      ${
        model.mayRenewKey
          ? html`<p><a class="button button--secondary" href="/${lang}/toolbox/widget/key">${t('key.button')}</a></p>`
          : html`<p>${t('key.notYou')}</p>`
      }
    </section>`;
}

/** "Create a new key?": what stops working, who may do it, a button that confirms and a way back. */
export function confirmKeyBody(options: {
  lang: Lang;
  csrfToken: string;
  key: string;
  kind: OrganisationKind;
  allowed: boolean;
}): SafeHtml {
  const { lang } = options;
  const t = tr(lang);
  const back = `/${lang}/toolbox/widget`;
  return html`<section class="widget-section widget-confirm" aria-labelledby="widget-confirm-heading">
    <h2 id="widget-confirm-heading">${t('confirm.heading')}</h2>
    <p>${t('confirm.what')}</p>
    <p class="widget-key">${t('confirm.current')} <code>${options.key}</code></p>
    <p>${t(`key.who.${options.kind}`)}</p>
    ${
      options.allowed
        ? html`<form method="post" action="/${lang}/toolbox/widget/key" class="widget-confirm__actions">
            ${csrfField(options.csrfToken)}
            <input type="hidden" name="confirm" value="yes" />
            <button class="button" type="submit">${t('confirm.yes')}</button>
            <a class="button button--secondary" href="${back}">${t('confirm.no')}</a>
          </form>`
        : html`<p>${t('key.notYou')}</p>
          <p><a class="button button--secondary" href="${back}">${t('confirm.back')}</a></p>`
    }
  </section>`;
}

/** The settings page's body (inside toolboxFrame). */
export function settingsBody(model: SettingsModel): SafeHtml {
  const t = tr(model.lang);
  return html`<p class="widget-how">${t('page.how')}</p>
    <div class="widget-layout">
      <div class="widget-layout__form">${settingsForm(model)}</div>
      <div class="widget-layout__out">${savedSections(model)}</div>
    </div>`;
}

export const SETTINGS_SCRIPTS = [COPY_SCRIPT, WIDGET_SCRIPT];

/** The job section: the list, or why there is none (and the company page); "all jobs" when it lists them. */
function jobsHtml(
  content: WidgetContent,
  tag: string,
  heading: (tag: string, id: string, text: string) => SafeHtml,
): SafeHtml {
  const company = content.organisation.companyUrl;
  return html`<section class="lotsa-w" aria-labelledby="lotsa-w-jobs">
      ${heading(tag, 'lotsa-w-jobs', content.texts.jobs)}
      ${
        content.jobs.length
          ? html`<ul class="lotsa-w__jobs">
              ${content.jobs.map(
                (job) =>
                  html`<li><a href="${job.url}">${job.title}</a>${
                    job.municipality || job.deadline
                      ? html`<span class="lotsa-w__meta">${[job.municipality, job.deadline ? `${content.texts.deadline} ${job.deadline}` : null].filter(Boolean).join(' · ')}</span>`
                      : ''
                  }</li>`,
              )}
            </ul>`
          : html`<p>${content.texts.noJobs}</p>`
      }
      ${content.moreJobsUrl ? html`<p><a href="${content.moreJobsUrl}">${content.texts.moreJobs}</a></p>` : ''}
      ${!content.jobs.length && company ? html`<p><a href="${company}">${content.texts.company}</a></p>` : ''}
    </section>`;
}

/** The widget's content as HTML: the same structure the script draws. */
export function widgetHtml(content: WidgetContent, headingLevel: 1 | 2 = 2): SafeHtml {
  const h = headingLevel === 1 ? 'h1' : 'h2';
  const sub = headingLevel === 1 ? 'h2' : 'h3';
  const heading = (tag: string, id: string, text: string) =>
    tag === 'h1'
      ? html`<h1 id="${id}">${text}</h1>`
      : tag === 'h2'
        ? html`<h2 id="${id}">${text}</h2>`
        : html`<h3 id="${id}">${text}</h3>`;
  const source = content.life.source;
  return html`<section class="lotsa-w" aria-labelledby="lotsa-w-life">
      ${heading(h, 'lotsa-w-life', content.life.title)}
      ${content.life.paragraphs.map((p) => html`<p>${p}</p>`)}
      ${
        source
          ? html`<p class="lotsa-w__source">${content.texts.source}: ${source.url ? html`<a href="${source.url}">${source.name}</a>` : source.name}</p>`
          : ''
      }
      <p><a class="lotsa-w__cta" href="${content.navigator.url}">${content.navigator.text}</a></p>
    </section>
    ${content.showJobs ? jobsHtml(content, sub, heading) : ''}`;
}

/**
 * The widget's own page: a small document of its own (no cookies, no script, frameable). Its links
 * open in the top window (`<base target>`): Lotsa's other pages refuse to be framed.
 */
export function widgetPage(options: {
  site: Site;
  region: Region;
  content: WidgetContent;
  title: string;
  description: string;
}): string {
  const { site, region, content } = options;
  return `<!doctype html>\n${html`<html lang="${content.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<meta name="description" content="${options.description}">
<meta name="robots" content="noindex">
<base target="_top">
<link rel="icon" href="${site.assets.url('img/favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${site.assets.url('css/lotsa.css')}">
<link rel="stylesheet" href="/brand/${region.id}.css">
<link rel="stylesheet" href="${site.assets.url(WIDGET_CSS)}">
</head>
<body class="lotsa-w-page">
<header class="lotsa-w-page__header">
<p class="lotsa-w-page__org">${content.organisation.companyUrl ? html`<a href="${content.organisation.companyUrl}">${content.organisation.name}</a>` : content.organisation.name}</p>
</header>
<main class="lotsa-w-page__main">
${widgetHtml(content, 1)}
</main>
<footer class="lotsa-w-page__footer">
<p><a href="${content.links.site}">${content.texts.from}</a></p>
</footer>
</body>
</html>`.toString()}\n`;
}
