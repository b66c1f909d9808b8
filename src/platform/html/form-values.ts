/**
 * Reading a posted form on the server: the values as the body parser gives them, plain text made
 * safe to store (one line, or lines), and a reader that collects one error per field in the
 * module's own message keys. The editors' content form and the company form read with it.
 */
import type { MarkupError } from './richtext.ts';

/** Field name → what was typed (a checkbox group: the checked values). */
export type FormValues = Record<string, string | string[]>;

export interface FieldError<K extends string> {
  key: K;
  params?: Record<string, string>;
  /** Rich text that could not be read: the markup's own errors, told by the field. */
  markup?: MarkupError[];
}
/** Field id → what is wrong with it. */
export type FieldErrors<K extends string> = Record<string, FieldError<K>>;

/** A one-value field; sent twice (only a hand-made request does), its first value. */
export function one(values: FormValues, name: string): string {
  const v = values[name];
  return typeof v === 'string' ? v : (v?.[0] ?? '');
}

/** A field's values (a checkbox group), none when absent. */
export function many(values: FormValues, name: string): string[] {
  const v = values[name];
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

/** Plain one-line text: control characters dropped, spaces collapsed. */
export const line = (value: string) =>
  value
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Text with line breaks kept. */
export const multiline = (value: string) =>
  value
    .replace(/\r\n?/g, '\n')
    .replace(/(?![\n])\p{Cc}/gu, '')
    .trim();

/** Reads fields of a form and keeps the first error of each (`tooLong` names the limit). */
export class FormReader<K extends string> {
  readonly errors: FieldErrors<K> = {};
  constructor(
    readonly values: FormValues,
    private readonly tooLong: K,
  ) {}

  fail(id: string, key: K, params?: Record<string, string>): void {
    this.errors[id] ??= { key, params };
  }

  text(name: string, max: number, lines = false): string {
    const value = lines ? multiline(one(this.values, name)) : line(one(this.values, name));
    if (value.length > max) this.fail(name, this.tooLong, { max: String(max) });
    return value;
  }

  localised(prefix: string, max: number, lines = false): { sv: string; en: string } {
    return { sv: this.text(`${prefix}_sv`, max, lines), en: this.text(`${prefix}_en`, max, lines) };
  }
}
