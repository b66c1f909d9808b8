/**
 * Server-side HTML with escaping by default. `html` is a tagged template: every interpolated value
 * is escaped unless it is already SafeHtml (the result of another `html`, of a sanitiser —
 * SanitizedHtml — of `jsonScript`, or of `raw` for our own trusted markup). Arrays are joined.
 * null, undefined and false render as nothing. `xml` is the same escaping path for XML documents
 * (the RSS feed), also dropping the characters XML 1.0 forbids.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/**
 * Markup that came out of a sanitiser (the job ad sanitiser): the type says it is safe to embed, so
 * `html` takes it as it is and nobody needs `raw()` for it. Only sanitisers construct one.
 */
export class SanitizedHtml extends SafeHtml {
  declare readonly sanitized: true;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most texts have nothing to escape: one test, and no new string.
  return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string) : text;
}

const NEEDS_ESCAPE = /[&<>"']/;

/** What a tagged template takes: its safe class as it is, text and numbers escaped, lists joined. */
type Interpolated<Safe> = Safe | string | number | null | undefined | false | Interpolated<Safe>[];

export type HtmlValue = Interpolated<SafeHtml>;

/**
 * The one escaping path of `html` and `xml`: a tagged template that keeps values of class `Safe` as
 * they are, joins arrays, renders null, undefined and false as nothing and escapes everything else.
 */
function taggedTemplate<Safe extends { readonly value: string }>(
  Safe: new (value: string) => Safe,
  escape: (text: string) => string,
): (strings: TemplateStringsArray, ...values: Interpolated<Safe>[]) => Safe {
  const render = (value: Interpolated<Safe>): string => {
    if (typeof value === 'string') return escape(value);
    if (value === null || value === undefined || value === false) return '';
    if (value instanceof Safe) return value.value;
    if (Array.isArray(value)) {
      // Long lists (a facet's options, the job cards): appended in place, no array of their strings.
      let out = '';
      for (const item of value) out += render(item);
      return out;
    }
    return escape(String(value));
  };
  return (strings, ...values) => {
    let out = strings[0] as string;
    for (let i = 0; i < values.length; i++)
      out += render(values[i] as Interpolated<Safe>) + (strings[i + 1] as string);
    return new Safe(out);
  };
}

/** Builds SafeHtml, escaping every interpolated value that is not SafeHtml already. */
export const html: (strings: TemplateStringsArray, ...values: HtmlValue[]) => SafeHtml = taggedTemplate(
  SafeHtml,
  escapeHtml,
);

/** Marks trusted markup (our own catalogues and templates) as safe. Never pass user input. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * A `<script type="…">` data block (JSON-LD) holding `value` as JSON, with `<`, `>`, `&` and the
 * line separators escaped so no text inside can end the script or be read as markup.
 */
export function jsonScript(type: string, value: unknown): SafeHtml {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return new SafeHtml(`<script type="${escapeHtml(type)}">${json}</script>`);
}

/**
 * Characters XML 1.0 forbids (its `Char` production): control characters other than tab and line
 * breaks, lone surrogates, and U+FFFE/U+FFFF. Ad texts and a search's words can carry them, and one
 * makes a feed reader refuse the whole feed.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for XML element content and quoted attributes: forbidden characters dropped, then escaped. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(NOT_XML, ''));
}

/** An XML fragment built by `xml`. */
export class SafeXml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type XmlValue = Interpolated<SafeXml>;

/** Builds XML, escaping (and cleaning) every interpolated value that is not SafeXml already. */
export const xml: (strings: TemplateStringsArray, ...values: XmlValue[]) => SafeXml = taggedTemplate(
  SafeXml,
  escapeXml,
);
