/**
 * Languages and message catalogues. Each module defines its own catalogue with `defineMessages`;
 * the type system makes the Swedish and English catalogues carry exactly the same keys.
 */
import { escapeHtml, raw, type SafeHtml } from '../html/html.ts';

export const LANGUAGES = ['sv', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'sv' || value === 'en';
}

export type Params = Record<string, string | number>;

export interface Messages<K extends string> {
  /** Plain text with `{name}` placeholders filled in. */
  t(lang: Lang, key: K, params?: Params): string;
  /** Trusted markup from the catalogue; parameters are escaped. */
  h(lang: Lang, key: K, params?: Params): SafeHtml;
  readonly catalogues: Readonly<Record<Lang, Readonly<Record<K, string>>>>;
}

/** Catalogue texts split at their placeholders: literal, name, literal, … (the catalogues are finite). */
const compiled = new Map<string, string[]>();

function fill(template: string, params: Params | undefined, escape: (s: string) => string): string {
  if (!params || !template.includes('{')) return template;
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    out += (name in params ? escape(String(params[name])) : `{${name}}`) + (parts[i + 1] as string);
  }
  return out;
}

/** Defines a module's catalogue. Keys ending in `Html` hold trusted markup and are read with `h`. */
export function defineMessages<K extends string>(catalogues: {
  sv: Record<K, string>;
  en: Record<NoInfer<K>, string>;
}): Messages<K> {
  return {
    catalogues,
    t: (lang, key, params) => fill(catalogues[lang][key], params, (s) => s),
    h: (lang, key, params) => raw(fill(catalogues[lang][key], params, escapeHtml)),
  };
}

/** Picks sv or en from an Accept-Language header, honouring q-values; English when nothing fits. */
export function negotiateLanguage(header: string | undefined): Lang {
  if (!header) return 'en';
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...rest] = part.trim().split(';');
    const qParam = rest.find((p) => p.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const primary = tag.toLowerCase().split('-')[0];
    const lang = isLang(primary) ? primary : undefined;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'en';
}

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', dateStyle: 'long' }),
};

/** A date as people in the region read it (Europe/Stockholm). */
export function formatDate(lang: Lang, date: Date): string {
  return dateFormats[lang].format(date);
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat('sv-SE'),
  en: new Intl.NumberFormat('en-GB'),
};

/** A number with the language's grouping (sv: no-break space, U+2212 minus). */
export function formatNumber(lang: Lang, value: number): string {
  return numberFormats[lang].format(value);
}
