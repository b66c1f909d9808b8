/**
 * An ad's description as safe HTML. JobTech's `text_formatted` is a small HTML subset written by
 * many systems; we keep paragraphs, line breaks, lists and emphasis, drop every attribute and every
 * other tag (their text stays), drop script and style with their content, and balance the tags.
 * Plain text becomes paragraphs.
 *
 * Ad text comes from outside, so this is a hand-written scanner that looks at each character a
 * bounded number of times (no regular expression that can backtrack): its work grows linearly with
 * the text, whatever the text is. `sanitizeWithStats` counts that work for the tests.
 */
import { escapeHtml, SanitizedHtml } from '../../platform/html/html.ts';

/** Tags kept, and what each becomes. */
export const KEEP: Record<string, string> = {
  p: 'p',
  br: 'br',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  strong: 'strong',
  b: 'strong',
  em: 'em',
  i: 'em',
  h1: 'h3',
  h2: 'h3',
  h3: 'h3',
  h4: 'h4',
  h5: 'h4',
  h6: 'h4',
};
export const BLOCK = new Set(['p', 'ul', 'ol', 'li', 'h3', 'h4']);
export const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'template',
  'noscript',
  'svg',
  'math',
]);
/** Elements removed from the output when they hold nothing but white space. */
const DROP_WHEN_EMPTY = new Set(['p', 'li', 'strong', 'em', 'h3', 'h4']);

/** Characters examined, for the linear-time tests. */
interface Meter {
  steps: number;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** JavaScript's white space (what `\s` and `trim()` mean). */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Length of a well-formed character reference at `i` (which holds `&`): `&name;` (2–32 letters
 * and digits, starting with a letter), `&#` + 1–7 digits + `;`, `&#x` + 1–6 hex digits + `;`; else 0.
 */
function entityLength(text: string, i: number, meter: Meter): number {
  let j = i + 1;
  const first = text.charCodeAt(j);
  if (isLetter(first)) {
    j++;
    while (j - i <= 32 && (isLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
    meter.steps += j - i;
    return j - i >= 3 && text.charCodeAt(j) === 59 ? j - i + 1 : 0;
  }
  if (first !== 35) return 0; // '#'
  j++;
  let max = 7;
  let accept = isDigit;
  if (text.charCodeAt(j) === 120) {
    // 'x'
    j++;
    max = 6;
    accept = isHex;
  }
  const start = j;
  while (j - start < max && accept(text.charCodeAt(j))) j++;
  meter.steps += j - i;
  return j > start && text.charCodeAt(j) === 59 ? j - i + 1 : 0;
}

/** Escapes text but keeps well-formed character references as they are. */
function escapeText(text: string, meter: Meter): string {
  let out = '';
  let from = 0;
  meter.steps += text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let replacement: string;
    if (c === 38) {
      const n = entityLength(text, i, meter);
      if (n) {
        i += n - 1;
        continue;
      }
      replacement = '&amp;';
    } else if (c === 60) replacement = '&lt;';
    else if (c === 62) replacement = '&gt;';
    else if (c === 34) replacement = '&quot;';
    else continue;
    out += text.slice(from, i) + replacement;
    from = i + 1;
  }
  return out + text.slice(from);
}

/** Plain text with blank lines between paragraphs → <p> paragraphs with <br> for single breaks. */
export function paragraphs(text: string): string {
  return paragraphsCounted(text, { steps: 0 });
}

function paragraphsCounted(input: string, meter: Meter): string {
  const text = input.replace(/\r\n?/g, '\n');
  meter.steps += input.length + text.length;
  // A run of white space with two or more line breaks in it separates paragraphs.
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (!isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const runStart = i;
    let breaks = 0;
    while (i < text.length && isSpace(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 10) breaks++;
      i++;
    }
    if (breaks >= 2) {
      parts.push(text.slice(start, runStart));
      start = i;
    }
  }
  parts.push(text.slice(start));
  meter.steps += text.length;
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
    .join('\n');
}

/** Does the text hold `<` followed by a letter, `/` or `!` (anything that could be markup)? */
function hasMarkup(text: string, meter: Meter): boolean {
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const c = text.charCodeAt(i + 1);
    if (isLetter(c) || c === 47 || c === 33) {
      meter.steps += i + 2;
      return true;
    }
  }
  meter.steps += text.length;
  return false;
}

interface Tag {
  /** Where the tag (or comment) starts and ends (exclusive). */
  start: number;
  end: number;
  /** Lower-cased element name; '' for a comment. */
  name: string;
  closing: boolean;
  selfClosing: boolean;
}

/**
 * Finds tags and comments left to right, as the pattern
 * `<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>|<!--[\s\S]*?(?:-->|$)` did, but in linear time: the
 * position of the next `>` is remembered, so a `<a` without one is rejected at once instead of
 * by reading the rest of the text again.
 */
class TagScanner {
  private nextGt = -2; // -2: not looked for yet; -1: there is none after `gtFrom`
  private gtFrom = 0;

  constructor(
    private readonly text: string,
    private readonly meter: Meter,
  ) {}

  /** The first `>` at or after `from`, or -1. */
  private gtAfter(from: number): number {
    if (this.nextGt === -1 && this.gtFrom <= from) return -1;
    if (this.nextGt >= from) return this.nextGt;
    const found = this.text.indexOf('>', from);
    this.meter.steps += (found === -1 ? this.text.length : found + 1) - from;
    this.nextGt = found;
    this.gtFrom = from;
    return found;
  }

  next(from: number): Tag | null {
    const { text, meter } = this;
    const n = text.length;
    let i = text.indexOf('<', from);
    for (; i !== -1; i = text.indexOf('<', i + 1)) {
      // An element tag: `<name …>` or `</name …>`.
      let j = i + 1;
      const closing = text.charCodeAt(j) === 47;
      if (closing) j++;
      if (isLetter(text.charCodeAt(j))) {
        const nameStart = j;
        while (j < n && (isLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
        meter.steps += j - nameStart;
        // \b after the name: the next character must not be a word character ('_' is the only one left).
        if (j < n && text.charCodeAt(j) !== 95) {
          const gt = this.gtAfter(j);
          if (gt !== -1) {
            meter.steps += i - from;
            return {
              start: i,
              end: gt + 1,
              name: text.slice(nameStart, j).toLowerCase(),
              closing,
              selfClosing: gt - 1 >= j && text.charCodeAt(gt - 1) === 47,
            };
          }
        }
        continue;
      }
      // A comment runs to `-->` or to the end of the text.
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        const end = close === -1 ? n : close + 3;
        meter.steps += end - from;
        return { start: i, end, name: '', closing: false, selfClosing: false };
      }
    }
    meter.steps += (i === -1 ? n : i) - from;
    return null;
  }
}

/**
 * Removes `<p>`, `<li>`, `<strong>`, `<em>`, `<h3>` and `<h4>` that hold only white space, in one
 * left-to-right pass (an element that becomes empty by it stays, as it always has).
 */
function dropEmpty(html: string, meter: Meter): string {
  let out = '';
  let from = 0;
  let i = html.indexOf('<');
  while (i !== -1) {
    const close = html.indexOf('>', i);
    const name = close === -1 ? '' : html.slice(i + 1, close);
    if (DROP_WHEN_EMPTY.has(name)) {
      let j = close + 1;
      while (j < html.length && isSpace(html.charCodeAt(j))) j++;
      meter.steps += j - i;
      const end = `</${name}>`;
      if (html.startsWith(end, j)) {
        out += html.slice(from, i);
        from = j + end.length;
        i = html.indexOf('<', from);
        continue;
      }
    }
    i = html.indexOf('<', i + 1);
  }
  meter.steps += html.length;
  return out + html.slice(from);
}

/** The description as safe HTML, and the number of characters the sanitiser examined. */
export function sanitizeWithStats(
  formatted: string | null | undefined,
  text: string | null | undefined,
): { html: string; steps: number } {
  const meter: Meter = { steps: 0 };
  const html = sanitizeCounted(formatted, text, meter);
  return { html, steps: meter.steps };
}

/** Plain text (never read as markup) as escaped paragraphs a page embeds directly. */
export function plainTextHtml(text: string): SanitizedHtml {
  return new SanitizedHtml(paragraphs(text));
}

/** The description as markup a page embeds directly (`html` takes SanitizedHtml without `raw()`). */
export function descriptionHtml(
  formatted: string | null | undefined,
  text: string | null | undefined,
): SanitizedHtml {
  return new SanitizedHtml(sanitizeDescription(formatted, text));
}

/** The description's sanitised markup as text (for JSON: the API's description_html, JSON-LD). */
export function sanitizeDescription(
  formatted: string | null | undefined,
  text: string | null | undefined,
): string {
  return sanitizeCounted(formatted, text, { steps: 0 });
}

function sanitizeCounted(
  formatted: string | null | undefined,
  text: string | null | undefined,
  meter: Meter,
): string {
  // Stored ads are type-checked at ingestion; anything else is treated as absent, never thrown on.
  const source = typeof formatted === 'string' ? formatted : '';
  const plain = typeof text === 'string' ? text : '';
  if (!hasMarkup(source, meter)) return paragraphsCounted(source || plain, meter);
  const out: string[] = [];
  const stack: string[] = [];
  /** How many of each element are open on the stack (so a stray closing tag costs nothing). */
  const open = new Map<string, number>();
  const push = (tag: string) => {
    stack.push(tag);
    open.set(tag, (open.get(tag) ?? 0) + 1);
    out.push(`<${tag}>`);
  };
  const pop = () => {
    const tag = stack.pop() as string;
    open.set(tag, (open.get(tag) as number) - 1);
    meter.steps += 1;
    out.push(`</${tag}>`);
  };
  let dropping: string | null = null;
  let last = 0;
  const pushText = (chunk: string) => {
    if (dropping || !chunk) return;
    out.push(escapeText(chunk, meter));
  };
  const scanner = new TagScanner(source, meter);
  for (let m = scanner.next(0); m; m = scanner.next(last)) {
    pushText(source.slice(last, m.start));
    last = m.end;
    const { name, closing } = m;
    if (!name) continue; // a comment
    if (dropping) {
      if (closing && name === dropping) dropping = null;
      continue;
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (!closing && !m.selfClosing) dropping = name;
      continue;
    }
    const tag = KEEP[name];
    if (!tag) {
      if (name === 'div' || name === 'tr') out.push(closing ? '' : ' ');
      continue;
    }
    if (tag === 'br') {
      out.push('<br>');
      continue;
    }
    if (!closing) {
      // A new block closes an open paragraph (browsers do the same).
      if (BLOCK.has(tag) && stack.at(-1) === 'p') pop();
      if (tag === 'li' && stack.at(-1) === 'li') pop();
      push(tag);
    } else if (open.get(tag)) {
      // Close it and everything opened inside it.
      while (stack.at(-1) !== tag) pop();
      pop();
    }
  }
  pushText(source.slice(last));
  while (stack.length) pop();
  return dropEmpty(out.join(''), meter).trim();
}
