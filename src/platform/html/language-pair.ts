/**
 * A Swedish and an English field side by side (the editors' content form, the company form): the
 * empty one is marked when the other is written, so a missing translation is seen where it is.
 * The words come from the calling form's catalogue.
 */
import type { Lang } from '../i18n/index.ts';
import { textareaField, textField } from './forms.ts';
import { html, type SafeHtml } from './html.ts';
import { richTextField } from './richtext-field.ts';

export interface LanguagePairSpec {
  /** The fields are `${prefix}_sv` and `${prefix}_en`. */
  prefix: string;
  values: { sv: string; en: string };
  /** Each field's label ("Sammanfattning – svenska"). */
  label: (lang: Lang) => string;
  /** The mark of a missing translation ("Saknas"). */
  missing: string;
  /** The error of a field, by its name. */
  error: (name: string) => string | undefined;
  rows?: number;
  maxlength?: number;
  hint?: string;
  rich?: boolean;
  /** true/false: marked required/optional; null: not marked (needed only sometimes). */
  required?: boolean | null;
}

export function languagePair(formLang: Lang, p: LanguagePairSpec): SafeHtml {
  const side = (lang: Lang, value: string, other: string) => {
    const name = `${p.prefix}_${lang}`;
    const missing = !value.trim() && Boolean(other.trim());
    const spec = {
      name,
      label: p.label(lang),
      hint: missing
        ? html`<strong class="tag tag--overdue">${p.missing}</strong>${p.hint ? html` ${p.hint}` : ''}`
        : p.hint,
      error: p.error(name),
      value,
      maxlength: p.maxlength,
      required: p.required === null ? undefined : (p.required ?? false),
    };
    if (p.rich) return richTextField(formLang, { ...spec, lang, rows: p.rows });
    return p.rows ? textareaField(formLang, { ...spec, rows: p.rows }) : textField(formLang, spec);
  };
  const { sv, en } = p.values;
  return html`<div class="content-pair">${side('sv', sv, en)}${side('en', en, sv)}</div>`;
}
