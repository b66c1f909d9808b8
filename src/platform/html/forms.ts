/**
 * The form kit: every server-rendered form in the code base is built from these pieces, so every
 * field has its label, hint and error by it (aria-describedby, aria-invalid), re-shows what was
 * typed, and marks required and optional fields with one wording (`formTexts`).
 *
 * The building block is `fieldShell`: a label (or legend), hint and error around any control. The
 * controls here (text, e-mail, search, textarea, select, date, file, checkbox and radio groups) are
 * thin; a later control — rich text, an image picker — is one more function that builds its control
 * and hands it to `fieldShell` (or `groupShell` for several inputs under one legend).
 */
import type { Lang } from '../i18n/index.ts';
import { formTexts } from './form-messages.ts';
import { html, type HtmlValue, type SafeHtml } from './html.ts';

/** What every field has. */
export interface FieldBase {
  /** The form field name; also the id unless `id` is given. Ids never change once a form ships. */
  name: string;
  id?: string;
  label: string;
  hint?: string | SafeHtml;
  error?: string;
  /** true: marked "(obligatoriskt)"; false: marked "(frivilligt)"; absent: not marked (filters). */
  required?: boolean;
  /** Show the label to screen readers only (a control in a table row, named by its row). */
  hiddenLabel?: boolean;
  /** Extra classes on the field's wrapper. */
  className?: string;
}

type AttrValue = string | number | boolean | undefined;

/** Attributes from a record: true → bare attribute, false/undefined/'' → left out; values escaped. */
export function attrs(values: Record<string, AttrValue>): SafeHtml {
  const parts = Object.entries(values).flatMap(([key, value]) => {
    if (value === true) return [html` ${key}`];
    return value || value === 0 ? [html` ${key}="${String(value)}"`] : [];
  });
  return html`${parts}`;
}

/** The ids a field's hint and error get, and the aria-describedby that names them. */
export function describedBy(id: string, spec: { hint?: unknown; error?: string }) {
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const errorId = spec.error ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

/** "(obligatoriskt)" / "(frivilligt)" after a label, or nothing. */
export function requiredMarker(lang: Lang, required: boolean | undefined): HtmlValue {
  if (required === undefined) return '';
  return html` <span class="field__optional">${formTexts.t(lang, required ? 'form.required' : 'form.optional')}</span>`;
}

function hintAndError(ids: ReturnType<typeof describedBy>, spec: FieldBase): SafeHtml {
  return html`${spec.hint ? html`<p class="field__hint" id="${ids.hintId}">${spec.hint}</p>` : ''}${
    spec.error ? html`<p class="field__error" id="${ids.errorId}">${spec.error}</p>` : ''
  }`;
}

/** The common attributes of a control: id, name, required, aria-invalid, aria-describedby. */
export function controlAttrs(spec: FieldBase): Record<string, AttrValue> {
  const id = spec.id ?? spec.name;
  return {
    id,
    name: spec.name,
    required: spec.required === true,
    'aria-invalid': spec.error ? 'true' : undefined,
    'aria-describedby': describedBy(id, spec).describedBy,
  };
}

/** A label, hint and error around one control (built with `controlAttrs(spec)`). */
export function fieldShell(lang: Lang, spec: FieldBase, control: SafeHtml): SafeHtml {
  const id = spec.id ?? spec.name;
  const ids = describedBy(id, spec);
  const labelClass = spec.hiddenLabel ? 'visually-hidden' : 'field__label';
  return html`<div class="field${spec.error ? ' field--error' : ''}${spec.className ? ` ${spec.className}` : ''}">
    <label class="${labelClass}" for="${id}">${spec.label}${requiredMarker(lang, spec.required)}</label>
    ${hintAndError(ids, spec)} ${control}
  </div>`;
}

export interface TextSpec extends FieldBase {
  value: string;
  type?: 'text' | 'email' | 'search' | 'url' | 'tel';
  autocomplete?: string;
  inputmode?: string;
  maxlength?: number;
  pattern?: string;
  placeholder?: string;
  readonly?: boolean;
  spellcheck?: boolean;
  /** Default "off" for e-mail; "none" for codes and other text typed exactly. */
  autocapitalize?: 'off' | 'none' | 'sentences' | 'words' | 'characters';
  /** Extra classes on the input itself. */
  inputClass?: string;
}

/** A one-line text input (also e-mail, search, url, tel). */
export function textField(lang: Lang, spec: TextSpec): SafeHtml {
  const type = spec.type ?? 'text';
  const control = html`<input class="input${spec.inputClass ? ` ${spec.inputClass}` : ''}"${attrs({
    type,
    ...controlAttrs(spec),
    value: spec.value,
    autocomplete: spec.autocomplete,
    inputmode: spec.inputmode,
    maxlength: spec.maxlength,
    pattern: spec.pattern,
    placeholder: spec.placeholder,
    readonly: spec.readonly,
    spellcheck: spec.spellcheck === false || type === 'email' ? 'false' : undefined,
    autocapitalize: spec.autocapitalize ?? (type === 'email' ? 'off' : undefined),
  })} />`;
  return fieldShell(lang, spec, control);
}

/** An e-mail address: type=email, no spellcheck or capitals, autocomplete "email" unless told. */
export function emailField(lang: Lang, spec: Omit<TextSpec, 'type'>): SafeHtml {
  return textField(lang, { autocomplete: 'email', ...spec, type: 'email' });
}

export interface TextareaSpec extends FieldBase {
  value: string;
  rows?: number;
  maxlength?: number;
  autocomplete?: string;
}

export function textareaField(lang: Lang, spec: TextareaSpec): SafeHtml {
  const control = html`<textarea class="input"${attrs({
    ...controlAttrs(spec),
    rows: spec.rows ?? 6,
    maxlength: spec.maxlength,
    autocomplete: spec.autocomplete,
  })}>${spec.value}</textarea>`;
  return fieldShell(lang, spec, control);
}

export interface Choice {
  value: string;
  label: string | SafeHtml;
  /** The language of the label when it is not the page's (a language's own name). */
  lang?: string;
  /** Trusted extra markup after the label (a count). */
  after?: SafeHtml;
  hint?: string;
}

export interface SelectSpec extends FieldBase {
  value: string;
  options: ReadonlyArray<Choice>;
  /** Options in labelled groups (<optgroup>), after `options`. */
  groups?: ReadonlyArray<{ label: string; options: ReadonlyArray<Choice> }>;
  /** A first, empty option ("choose…"). */
  placeholder?: string;
  /** Extra classes on the select. */
  inputClass?: string;
}

export function selectField(lang: Lang, spec: SelectSpec): SafeHtml {
  // value="" is written out, so a "choose…" or "all" option submits nothing rather than its label.
  const option = (o: Choice) =>
    html`<option value="${o.value}"${attrs({ selected: o.value === spec.value, lang: o.lang })}>${o.label}</option>`;
  const first = spec.placeholder !== undefined ? html`<option value="">${spec.placeholder}</option>` : '';
  const control = html`<select class="input${spec.inputClass ? ` ${spec.inputClass}` : ''}"${attrs(controlAttrs(spec))}>
    ${first} ${spec.options.map(option)}
    ${(spec.groups ?? []).map((g) => html`<optgroup label="${g.label}">${g.options.map(option)}</optgroup>`)}
  </select>`;
  return fieldShell(lang, spec, control);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date as ÅÅÅÅ-MM-DD typed into a text input (inputmode numeric, a pattern, the hint saying the
 * format), not `type=date`, whose format each browser shows its own way. Read it with `parseDate`.
 */
export function dateField(lang: Lang, spec: Omit<TextSpec, 'type' | 'inputmode' | 'pattern'>): SafeHtml {
  return textField(lang, {
    hint: formTexts.t(lang, 'form.dateHint'),
    autocomplete: 'off',
    maxlength: 10,
    ...spec,
    type: 'text',
    inputmode: 'numeric',
    pattern: '\\d{4}-\\d{2}-\\d{2}',
  });
}

/** A typed date checked on the server: '' → null, a real calendar day → 'YYYY-MM-DD', else undefined. */
export function parseDate(value: string): string | null | undefined {
  const text = value.trim();
  if (text === '') return null;
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? text : undefined;
}

export interface FileSpec extends FieldBase {
  accept?: string;
  multiple?: boolean;
}

/** A file input (its form needs enctype="multipart/form-data"). A file is never re-shown. */
export function fileField(lang: Lang, spec: FileSpec): SafeHtml {
  const control = html`<input class="input"${attrs({
    type: 'file',
    ...controlAttrs(spec),
    accept: spec.accept,
    multiple: spec.multiple,
  })} />`;
  return fieldShell(lang, spec, control);
}

export interface GroupBase {
  /** The group's name; ids are `${idPrefix ?? name}-…`. */
  name: string;
  idPrefix?: string;
  legend: string;
  hint?: string | SafeHtml;
  error?: string;
  required?: boolean;
  /** The fieldset's class (default "field"; a filter panel's "facet"); `legendClass` the legend's. */
  className?: string;
  legendClass?: string;
  /** The class of each choice's wrapper (default "choice"). */
  choiceClass?: string;
  /** Lay the choices out as a list (<ul class=listClass><li>…) — long lists of filters. */
  listClass?: string;
}

/** A fieldset with legend, hint and error around several inputs. */
export function groupShell(lang: Lang, spec: GroupBase, content: HtmlValue): SafeHtml {
  const prefix = spec.idPrefix ?? spec.name;
  const ids = describedBy(prefix, spec);
  const className = `${spec.className ?? 'field'}${spec.error ? ' field--error' : ''}`;
  return html`<fieldset class="${className}"${attrs({ 'aria-describedby': ids.describedBy })}>
    <legend class="${spec.legendClass ?? 'field__label'}">${spec.legend}${requiredMarker(lang, spec.required)}</legend>
    ${spec.hint ? html`<p class="field__hint" id="${ids.hintId}">${spec.hint}</p>` : ''}
    ${spec.error ? html`<p class="field__error" id="${ids.errorId}">${spec.error}</p>` : ''}
    ${content}
  </fieldset>`;
}

/** The id of a group's choice: `${idPrefix ?? name}-${value}` unless the choice names its own. */
export function choiceId(spec: GroupBase, value: string): string {
  return `${spec.idPrefix ?? spec.name}-${value}`;
}

function choices(
  type: 'checkbox' | 'radio',
  spec: GroupBase & { options: ReadonlyArray<Choice & { id?: string }> },
  checked: (value: string) => boolean,
): SafeHtml {
  const items = spec.options.map((o) => {
    const id = o.id ?? choiceId(spec, o.value);
    const hintId = o.hint ? `${id}-hint` : undefined;
    const content = html`<input${attrs({ type, id, name: spec.name })} value="${o.value}"${attrs({
      checked: checked(o.value),
      'aria-invalid': spec.error ? 'true' : undefined,
      'aria-describedby': hintId,
    })} />
      <label for="${id}"${o.lang ? html` lang="${o.lang}"` : ''}>${o.label}${o.after ? html` ${o.after}` : ''}</label>
      ${o.hint ? html`<p class="field__hint" id="${hintId}">${o.hint}</p>` : ''}`;
    return spec.listClass
      ? html`<li${spec.choiceClass ? html` class="${spec.choiceClass}"` : ''}>${content}</li>`
      : html`<div class="${spec.choiceClass ?? 'choice'}">${content}</div>`;
  });
  return spec.listClass ? html`<ul class="${spec.listClass}">${items}</ul>` : html`${items}`;
}

export interface CheckboxGroupSpec extends GroupBase {
  options: ReadonlyArray<Choice & { id?: string }>;
  values: readonly string[];
}

export function checkboxGroup(lang: Lang, spec: CheckboxGroupSpec): SafeHtml {
  return groupShell(
    lang,
    spec,
    choices('checkbox', spec, (v) => spec.values.includes(v)),
  );
}

export interface RadioGroupSpec extends GroupBase {
  options: ReadonlyArray<Choice & { id?: string }>;
  value: string;
}

export function radioGroup(lang: Lang, spec: RadioGroupSpec): SafeHtml {
  return groupShell(
    lang,
    spec,
    choices('radio', spec, (v) => spec.value === v),
  );
}

/** A plain fieldset grouping several fields under a legend. */
export function fieldset(legend: string, content: HtmlValue, options: { className?: string } = {}): SafeHtml {
  return html`<fieldset class="fieldset${options.className ? ` ${options.className}` : ''}">
    <legend class="fieldset__legend">${legend}</legend>
    ${content}
  </fieldset>`;
}

/** A hidden field carrying a value back (a token, where to go next). */
export function hiddenField(name: string, value: string): SafeHtml {
  return html`<input type="hidden" name="${name}" value="${value}" />`;
}

/** The hidden CSRF token field every POST form carries. */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}" />`;
}

/** The box at the top of a form that failed: `title` from the page's catalogue, one link per error. */
export function errorSummary(title: string, errors: ReadonlyArray<{ id: string; text: string }>): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${title}</h2>
    <ul>
      ${errors.map((e) => html`<li><a href="#${e.id}">${e.text}</a></li>`)}
    </ul>
  </div>`;
}

/** The error summary with the site's common title. */
export function formErrorSummary(lang: Lang, errors: ReadonlyArray<{ id: string; text: string }>): SafeHtml {
  return errorSummary(formTexts.t(lang, 'form.errorSummaryTitle'), errors);
}

/** A status message shown after something was done (role="status" so it is announced). */
export function notice(text: string | undefined): SafeHtml {
  return text ? html`<div class="notice" role="status"><p>${text}</p></div>` : html``;
}

/** One string field of a parsed form or JSON body; '' when absent or not a string. */
export function bodyField(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** The form's string fields, trimmed; anything else is ignored. */
export function formValues<K extends string>(body: unknown, names: readonly K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const name of names) out[name] = bodyField(body, name).trim();
  return out;
}
