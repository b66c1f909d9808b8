/**
 * Form building blocks for back-office pages: a field with its label, hint and error (aria-invalid,
 * aria-describedby), a select, and the error summary that links to each failed field. Every field
 * re-shows what was typed.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { messages } from './messages.ts';
import { errorSummary as sharedErrorSummary } from '../../../platform/html/forms.ts';

export interface FieldSpec {
  /** The form field name; also the id (prefixed by `idPrefix` when a page has several forms). */
  name: string;
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  value: string;
  type?: 'text' | 'email' | 'search';
  autocomplete?: string;
  inputmode?: string;
  maxlength?: number;
}

function attrs(values: Record<string, string | number | boolean | undefined>): SafeHtml {
  const parts = Object.entries(values).flatMap(([key, value]) => {
    if (value === true) return [html`${key}`];
    return value || value === 0 ? [html`${key}="${String(value)}"`] : [];
  });
  return html`${parts.map((part, i) => (i === 0 ? part : html` ${part}`))}`;
}

function labelFor(lang: Lang, spec: { label: string; required?: boolean }, id: string): SafeHtml {
  const marker =
    spec.required === undefined
      ? ''
      : spec.required
        ? html` <span class="field__optional">${messages.t(lang, 'form.required')}</span>`
        : html` <span class="field__optional">${messages.t(lang, 'form.optional')}</span>`;
  return html`<label class="field__label" for="${id}">${spec.label}${marker}</label>`;
}

function described(id: string, spec: { hint?: string; error?: string }) {
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const errorId = spec.error ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

export function textField(lang: Lang, spec: FieldSpec): SafeHtml {
  const id = spec.id ?? spec.name;
  const { hintId, errorId, describedBy } = described(id, spec);
  return html`<div class="field${spec.error ? ' field--error' : ''}">
    ${labelFor(lang, spec, id)}
    ${spec.hint ? html`<p class="field__hint" id="${hintId}">${spec.hint}</p>` : ''}
    ${spec.error ? html`<p class="field__error" id="${errorId}">${spec.error}</p>` : ''}
    <input
      class="input"
      ${attrs({
        type: spec.type ?? 'text',
        id,
        name: spec.name,
        value: spec.value,
        required: spec.required,
        'aria-invalid': spec.error ? 'true' : undefined,
        'aria-describedby': describedBy,
        autocomplete: spec.autocomplete,
        inputmode: spec.inputmode,
        maxlength: spec.maxlength,
        spellcheck: spec.type === 'email' ? 'false' : undefined,
      })}
    />
  </div>`;
}

export interface SelectSpec extends Omit<FieldSpec, 'type' | 'autocomplete' | 'inputmode' | 'maxlength'> {
  options: Array<{ value: string; label: string }>;
  /** A first, empty option ("choose…"). */
  placeholder?: string;
}

export function selectField(lang: Lang, spec: SelectSpec): SafeHtml {
  const id = spec.id ?? spec.name;
  const { hintId, errorId, describedBy } = described(id, spec);
  return html`<div class="field${spec.error ? ' field--error' : ''}">
    ${labelFor(lang, spec, id)}
    ${spec.hint ? html`<p class="field__hint" id="${hintId}">${spec.hint}</p>` : ''}
    ${spec.error ? html`<p class="field__error" id="${errorId}">${spec.error}</p>` : ''}
    <select
      ${attrs({
        id,
        name: spec.name,
        required: spec.required,
        'aria-invalid': spec.error ? 'true' : undefined,
        'aria-describedby': describedBy,
      })}
    >
      ${spec.placeholder !== undefined ? html`<option value="">${spec.placeholder}</option>` : ''}
      ${spec.options.map(
        (option) =>
          html`<option value="${option.value}"${option.value === spec.value ? html` selected` : ''}>${option.label}</option>`,
      )}
    </select>
  </div>`;
}

/** The box at the top of a form that failed, linking to each field with a problem. */
export function errorSummary(lang: Lang, errors: Array<{ id: string; message: string }>): SafeHtml {
  return sharedErrorSummary(
    messages.t(lang, 'form.errorSummaryTitle'),
    errors.map((e) => ({ id: e.id, text: e.message })),
  );
}

/** A status message shown after something was done (role="status" so it is announced). */
export function notice(text: string | undefined): SafeHtml {
  return text ? html`<div class="notice" role="status"><p>${text}</p></div>` : html``;
}

/** The form's string fields, trimmed; anything else is ignored. */
export function formValues<K extends string>(body: unknown, names: readonly K[]): Record<K, string> {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const out = {} as Record<K, string>;
  for (const name of names) {
    const value = source[name];
    out[name] = typeof value === 'string' ? value.trim() : '';
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A uuid route parameter; anything else is "not found". */
export function uuidParam(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, string | undefined>)[name];
  if (!isUuid(value)) throw new AppError('LOTSA_NOT_FOUND');
  return value.toLowerCase();
}

/** A query-string value as a string ('' when absent or repeated oddly). */
export function queryValue(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.trim() : '';
}
