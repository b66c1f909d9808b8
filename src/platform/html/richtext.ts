/**
 * Rich text: the simple markup editors type (works without JavaScript, in a plain textarea), the
 * stored RichDoc it becomes (rich-doc.ts) and its HTML.
 *
 * Markup: blocks are separated by a blank line. `## ` → h2, `### ` → h3, `- ` lines → a bulleted
 * list, `1. ` lines → a numbered list (an indented line continues the item above), a line
 * `![Caption](image:SLUG)` → an image from the media library; anything else is a paragraph whose
 * single newlines are spaces. Inline: `**strong**`, `*emphasis*`, `[text](URL)` for https://,
 * http://, mailto:, tel: and site paths (`/sv/jobs`); a backslash escapes the next punctuation mark.
 *
 * Bounds: the source is cut at 40,000 characters, a document keeps 400 blocks and a list 100 items;
 * parsing is one pass over the text with a stack at most four frames deep (no regular expression
 * runs over unbounded text with backtracking), so no input makes the work grow faster than its
 * length. What cannot be used (an unsafe link, a malformed image line, `#` or `####` headings) is
 * kept as text and reported as a MarkupError with its line.
 *
 * Canonical documents: `normalizeDoc` gives the one form the parser produces (no empty or adjacent
 * texts, no emphasis starting or ending with a space, no emphasis inside the same emphasis, no link
 * inside a link or with an unusable address, `*` around a lone `**` written as `**` around `*`).
 * For every canonical document, parseMarkup(toMarkup(doc)).doc deep-equals doc; toMarkup of any
 * other document writes its canonical form.
 */
import { html, SanitizedHtml, type SafeHtml } from './html.ts';
import { isExternalLink, isSafeLink } from './links.ts';
import { RICH_DOC_LIMITS, type Block, type Inline, type RichDoc } from './rich-doc.ts';

export const MARKUP_LIMITS = {
  source: RICH_DOC_LIMITS.text,
  blocks: RICH_DOC_LIMITS.blocks,
  listItems: RICH_DOC_LIMITS.listItems,
  href: RICH_DOC_LIMITS.href,
  /** Errors reported at most (the first ones; a form shows them by the field). */
  errors: 50,
} as const;

export const MARKUP_ERROR_CODES = [
  'too-long',
  'too-many-blocks',
  'too-many-items',
  'link-unsafe',
  'link-too-long',
  'image-malformed',
  'heading-level',
] as const;
export type MarkupErrorCode = (typeof MARKUP_ERROR_CODES)[number];

/** Something in the markup that could not be used; `line` counts from 1. */
export interface MarkupError {
  line: number;
  code: MarkupErrorCode;
}

/** An image block's HTML (the media library's picture) or undefined to leave the image out. */
export interface RichImageRenderer {
  (slug: string, caption: string): SafeHtml | undefined;
}

const IMAGE_SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** The markup's own brackets: never in a link address (`[text](address)`). */
const MARKUP_BRACKETS = /[()[\]]/;
const ASCII_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

/** Text as stored: control characters dropped, tabs and line breaks as spaces. */
function cleanText(text: string): string {
  return text.replace(CONTROL, '').replace(/[\t\n\r]/g, ' ');
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/**
 * Whether `href` may be a link: https://, http://, mailto:, tel: or a site path (`/…`, not `//`),
 * by the platform's one check (links.ts), and without the markup's own brackets.
 */
export function isSafeHref(href: string): boolean {
  return (
    href.length <= MARKUP_LIMITS.href &&
    !MARKUP_BRACKETS.test(href) &&
    isSafeLink(href, { mailto: true, tel: true, path: true })
  );
}

// ---------------------------------------------------------------------------------------------
// Inline markup: one pass with a stack of open frames (root, and at most one each of strong, em,
// the two together (`***`, resolved by the first closer) and link).

type FrameKind = 'root' | 'strong' | 'em' | 'combo' | 'link';
interface Frame {
  kind: FrameKind;
  nodes: Inline[];
  /** Where it opened in the text (a link's errors are reported on its line). */
  at: number;
}
const OPENERS: Record<FrameKind, string> = { root: '', strong: '**', em: '*', combo: '***', link: '[' };

function appendText(nodes: Inline[], text: string): void {
  const clean = cleanText(text);
  if (clean === '') return;
  const last = nodes[nodes.length - 1];
  if (last?.t === 'text') nodes[nodes.length - 1] = { t: 'text', v: last.v + clean };
  else nodes.push({ t: 'text', v: clean });
}

function appendNode(nodes: Inline[], node: Inline): void {
  if (node.t === 'text') appendText(nodes, node.v);
  else nodes.push(node);
}

interface InlineContext {
  report(offset: number, code: MarkupErrorCode): void;
}

class InlineParser {
  private readonly stack: Frame[] = [{ kind: 'root', nodes: [], at: 0 }];
  private i = 0;
  private plainFrom = 0;

  constructor(
    private readonly s: string,
    private readonly context: InlineContext,
  ) {}

  private get top(): Frame {
    return this.stack[this.stack.length - 1] as Frame;
  }

  private has(kind: 'strong' | 'em' | 'link'): boolean {
    return this.stack.some((f) => f.kind === kind || (f.kind === 'combo' && kind !== 'link'));
  }

  private text(value: string): void {
    appendText(this.top.nodes, value);
  }

  /** Writes out the plain text since the last markup character. */
  private flush(): void {
    if (this.i > this.plainFrom) this.text(this.s.slice(this.plainFrom, this.i));
  }

  /** An unclosed frame becomes its opener as text followed by what it holds. */
  private unwind(): void {
    const frame = this.stack.pop() as Frame;
    this.text(OPENERS[frame.kind]);
    for (const node of frame.nodes) appendNode(this.top.nodes, node);
  }

  private close(node: Inline): void {
    this.stack.pop();
    appendNode(this.top.nodes, node);
  }

  parse(): Inline[] {
    const s = this.s;
    while (this.i < s.length) {
      const ch = s[this.i];
      if (ch === '\\' || ch === '*' || ch === '[' || ch === ']') {
        this.flush();
        if (ch === '\\') this.escape();
        else if (ch === '*') this.asterisks();
        else if (ch === '[') this.openLink();
        else this.closeLink();
        this.plainFrom = this.i;
      } else this.i++;
    }
    this.flush();
    while (this.stack.length > 1) this.unwind();
    return this.top.nodes;
  }

  private escape(): void {
    const next = this.s[this.i + 1];
    if (next !== undefined && ASCII_PUNCTUATION.has(next)) {
      this.text(next);
      this.i += 2;
    } else {
      this.text('\\');
      this.i += 1;
    }
  }

  private asterisks(): void {
    const start = this.i;
    while (this.s[this.i] === '*') this.i++;
    let n = this.i - start;
    const before = this.s[start - 1];
    const after = this.s[this.i];
    const canClose = before !== undefined && !isSpace(before);
    const canOpen = after !== undefined && !isSpace(after);
    while (n > 0 && canClose && this.top.nodes.length > 0) {
      const top = this.top;
      if (top.kind === 'em') {
        // `**` inside emphasis opens strong when it can (`*a **b** c*`), rather than closing it.
        if (n === 2 && canOpen && !this.has('strong')) break;
        this.close({ t: 'em', c: top.nodes });
        n -= 1;
      } else if (top.kind === 'strong' && n >= 2) {
        this.close({ t: 'strong', c: top.nodes });
        n -= 2;
      } else if (top.kind === 'combo') {
        // `***` opened both; the first closer says which is inside.
        if (n >= 3) {
          this.close({ t: 'strong', c: [{ t: 'em', c: top.nodes }] });
          n -= 3;
        } else if (n === 2) {
          this.stack[this.stack.length - 1] = {
            kind: 'em',
            nodes: [{ t: 'strong', c: top.nodes }],
            at: top.at,
          };
          n -= 2;
        } else {
          this.stack[this.stack.length - 1] = {
            kind: 'strong',
            nodes: [{ t: 'em', c: top.nodes }],
            at: top.at,
          };
          n -= 1;
        }
      } else break;
    }
    if (n > 0 && canOpen) {
      if (n >= 3 && !this.has('strong') && !this.has('em')) {
        this.stack.push({ kind: 'combo', nodes: [], at: start });
        n -= 3;
      } else if (n >= 2 && !this.has('strong')) {
        this.stack.push({ kind: 'strong', nodes: [], at: start });
        n -= 2;
      } else if (n === 1 && !this.has('em')) {
        this.stack.push({ kind: 'em', nodes: [], at: start });
        n -= 1;
      }
    }
    if (n > 0) this.text('*'.repeat(n));
  }

  private openLink(): void {
    if (this.has('link')) this.text('[');
    else this.stack.push({ kind: 'link', nodes: [], at: this.i });
    this.i += 1;
  }

  private closeLink(): void {
    const s = this.s;
    const linkAt = this.stack.findIndex((f) => f.kind === 'link');
    if (linkAt < 0 || s[this.i + 1] !== '(') {
      this.text(']');
      this.i += 1;
      return;
    }
    // The address runs to `)`; it stops at a bracket, so no text is scanned twice.
    let j = this.i + 2;
    while (j < s.length && s[j] !== ')' && s[j] !== '[' && s[j] !== ']') j++;
    if (s[j] !== ')') {
      this.text(']');
      this.i += 1;
      return;
    }
    const href = s.slice(this.i + 2, j);
    while (this.stack.length - 1 > linkAt) this.unwind();
    const link = this.top;
    if (href.length > MARKUP_LIMITS.href || !isSafeHref(href)) {
      this.context.report(link.at, href.length > MARKUP_LIMITS.href ? 'link-too-long' : 'link-unsafe');
      this.unwind();
      this.text(`](${href})`);
    } else {
      this.close({ t: 'link', href, c: link.nodes });
    }
    this.i = j + 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Canonical form

/** Joins `next` onto `nodes`: adjacent texts merge, and so do adjacent strong or em. */
function join(nodes: Inline[], next: Inline): void {
  const last = nodes[nodes.length - 1];
  if (last && last.t === next.t && (next.t === 'strong' || next.t === 'em')) {
    // Every node here was built by the normalisation itself, so it may grow in place.
    const merged = (last as { c: Inline[] }).c;
    for (const node of next.c) join(merged, node);
  } else if (last?.t === 'text' && next.t === 'text') {
    nodes[nodes.length - 1] = { t: 'text', v: last.v + next.v };
  } else if (next.t !== 'text' || next.v !== '') {
    nodes.push(next);
  }
}

interface Within {
  strong: boolean;
  em: boolean;
  link: boolean;
}

const plainText = (nodes: readonly Inline[]): string =>
  nodes.map((n) => (n.t === 'text' ? n.v : plainText(n.c))).join('');

/** Spaces at the edges of a strong or em go outside it. */
function wrapEmphasis(kind: 'strong' | 'em', c: Inline[], out: Inline[]): void {
  const first = c[0];
  if (first?.t === 'text') {
    const lead = /^\s+/.exec(first.v)?.[0] ?? '';
    if (lead) {
      join(out, { t: 'text', v: lead });
      c =
        first.v.length === lead.length
          ? c.slice(1)
          : [{ t: 'text', v: first.v.slice(lead.length) }, ...c.slice(1)];
    }
  }
  const last = c[c.length - 1];
  let trail = '';
  if (last?.t === 'text') {
    const trimmed = last.v.trimEnd();
    trail = last.v.slice(trimmed.length);
    if (trail) c = trimmed ? [...c.slice(0, -1), { t: 'text', v: trimmed }] : c.slice(0, -1);
  }
  if (c.length > 0) {
    const only = c[0];
    // `*` around a lone `**…**` reads the same as `**` around `*…*`, which is how markup writes it.
    if (kind === 'em' && c.length === 1 && only?.t === 'strong')
      join(out, { t: 'strong', c: [{ t: 'em', c: only.c }] });
    else join(out, { t: kind, c });
  }
  if (trail) join(out, { t: 'text', v: trail });
}

function normalInlines(nodes: readonly Inline[], within: Within): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.t === 'text') join(out, { t: 'text', v: cleanText(node.v) });
    else if (node.t === 'link') {
      const c = normalInlines(node.c, { ...within, link: true });
      const usable = !within.link && isSafeHref(node.href) && plainText(c).trim() !== '';
      if (usable) join(out, { t: 'link', href: node.href, c });
      else for (const child of c) join(out, child);
    } else {
      const c = normalInlines(node.c, { ...within, [node.t]: true });
      if (within[node.t]) for (const child of c) join(out, child);
      else wrapEmphasis(node.t, c, out);
    }
  }
  return out;
}

/** A block's inlines in canonical form: no spaces at its edges. */
function normalContent(nodes: readonly Inline[]): Inline[] {
  const c = normalInlines(nodes, { strong: false, em: false, link: false });
  const first = c[0];
  if (first?.t === 'text') {
    const v = first.v.trimStart();
    if (v) c[0] = { t: 'text', v };
    else c.shift();
  }
  const last = c[c.length - 1];
  if (last?.t === 'text') {
    const v = last.v.trimEnd();
    if (v) c[c.length - 1] = { t: 'text', v };
    else c.pop();
  }
  return c;
}

/** The canonical form of a document (what parseMarkup gives for its markup); see the file's head. */
export function normalizeDoc(doc: RichDoc): RichDoc {
  const blocks: Block[] = [];
  for (const block of doc.blocks) {
    if (blocks.length >= MARKUP_LIMITS.blocks) break;
    if (block.t === 'image') {
      if (IMAGE_SLUG.test(block.image))
        blocks.push({ t: 'image', image: block.image, caption: cleanText(block.caption).trim() });
    } else if ('items' in block) {
      const items = block.items.map(normalContent).filter((item) => item.length > 0);
      if (items.length > 0) blocks.push({ t: block.t, items: items.slice(0, MARKUP_LIMITS.listItems) });
    } else {
      const c = normalContent(block.c);
      if (c.length > 0) blocks.push({ t: block.t, c });
    }
  }
  return { v: 1, blocks };
}

// ---------------------------------------------------------------------------------------------
// Blocks

/** A source line's text inside a block, with its line number. */
interface Segment {
  text: string;
  line: number;
}
type Draft =
  | { t: 'p' | 'h2' | 'h3'; segments: Segment[] }
  | { t: 'ul' | 'ol'; items: Segment[][]; full: boolean }
  | { t: 'image'; image: string; caption: string };

type LineKind =
  | { t: 'blank' }
  | { t: 'h2' | 'h3'; text: string }
  | { t: 'ul' | 'ol'; text: string }
  | { t: 'image'; image: string; caption: string }
  | { t: 'text'; text: string; bad?: MarkupErrorCode };

/** `![Caption](image:slug)` as the whole line, else undefined. */
function imageLine(s: string): { image: string; caption: string } | undefined {
  let i = 2;
  let caption = '';
  while (i < s.length && s[i] !== ']') {
    const next = s[i + 1];
    if (s[i] === '\\' && next !== undefined && ASCII_PUNCTUATION.has(next)) {
      caption += next;
      i += 2;
    } else caption += s[i++];
  }
  const rest = s.slice(i + 1);
  if (s[i] !== ']' || !rest.startsWith('(image:') || !rest.endsWith(')')) return undefined;
  const image = rest.slice('(image:'.length, -1);
  return IMAGE_SLUG.test(image) ? { image, caption: cleanText(caption).trim() } : undefined;
}

function classify(raw: string): LineKind {
  const s = raw.trim();
  if (s === '') return { t: 'blank' };
  let hashes = 0;
  while (s[hashes] === '#') hashes++;
  if (hashes > 0 && (s[hashes] === ' ' || s[hashes] === '\t')) {
    const text = s.slice(hashes).trim();
    if (hashes === 2) return { t: 'h2', text };
    if (hashes === 3) return { t: 'h3', text };
    return { t: 'text', text: s, bad: 'heading-level' };
  }
  if (s[0] === '-' && (s[1] === ' ' || s[1] === '\t')) return { t: 'ul', text: s.slice(2).trim() };
  let digits = 0;
  while (digits < 10 && isDigit(s[digits])) digits++;
  if (digits > 0 && digits <= 9 && s[digits] === '.' && (s[digits + 1] === ' ' || s[digits + 1] === '\t')) {
    return { t: 'ol', text: s.slice(digits + 2).trim() };
  }
  if (s.startsWith('![')) {
    const image = imageLine(s);
    return image ? { t: 'image', ...image } : { t: 'text', text: s, bad: 'image-malformed' };
  }
  return { t: 'text', text: s };
}

class Errors {
  readonly list: MarkupError[] = [];
  add(line: number, code: MarkupErrorCode): void {
    if (this.list.length >= MARKUP_LIMITS.errors) return;
    // A malformed image line is one error, not also an unusable link.
    if (code === 'link-unsafe' && this.list.some((e) => e.line === line && e.code === 'image-malformed'))
      return;
    const last = this.list[this.list.length - 1];
    if (last?.line === line && last.code === code) return;
    this.list.push({ line, code });
  }
}

/** Groups the source's lines into block drafts (bounded by MARKUP_LIMITS.blocks). */
function drafts(lines: readonly string[], errors: Errors): Draft[] {
  const out: Draft[] = [];
  let open: Draft | undefined;
  const start = (draft: Draft, line: number): boolean => {
    if (out.length >= MARKUP_LIMITS.blocks) {
      errors.add(line, 'too-many-blocks');
      return false;
    }
    out.push(draft);
    open = draft.t === 'image' || draft.t === 'h2' || draft.t === 'h3' ? undefined : draft;
    return true;
  };
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n] as string;
    const line = n + 1;
    const kind = classify(raw);
    if (kind.t === 'blank') {
      open = undefined;
    } else if (kind.t === 'text' && !kind.bad && /^\s/.test(raw) && open && 'items' in open) {
      // An indented line continues the list item above.
      if (!open.full) open.items[open.items.length - 1]?.push({ text: kind.text, line });
    } else if (kind.t === 'ul' || kind.t === 'ol') {
      if (open?.t === kind.t) {
        if (open.items.length >= MARKUP_LIMITS.listItems) {
          if (!open.full) errors.add(line, 'too-many-items');
          open.full = true;
        } else open.items.push([{ text: kind.text, line }]);
      } else if (!start({ t: kind.t, items: [[{ text: kind.text, line }]], full: false }, line)) break;
    } else if (kind.t === 'text') {
      if (kind.bad) errors.add(line, kind.bad);
      if (open?.t === 'p') open.segments.push({ text: kind.text, line });
      else if (!start({ t: 'p', segments: [{ text: kind.text, line }] }, line)) break;
    } else if (kind.t === 'image') {
      if (!start({ t: 'image', image: kind.image, caption: kind.caption }, line)) break;
    } else if (!start({ t: kind.t, segments: [{ text: kind.text, line }] }, line)) break;
  }
  return out;
}

/** A block's lines joined by spaces, parsed as inline markup; link errors on their own line. */
function inlines(segments: readonly Segment[], errors: Errors): Inline[] {
  const starts: number[] = [];
  let text = '';
  for (const segment of segments) {
    if (text !== '') text += ' ';
    starts.push(text.length);
    text += segment.text;
  }
  const lineOf = (offset: number): number => {
    let k = 0;
    while (k + 1 < starts.length && (starts[k + 1] as number) <= offset) k++;
    return (segments[k] as Segment).line;
  };
  return new InlineParser(text, { report: (offset, code) => errors.add(lineOf(offset), code) }).parse();
}

/** Parses editors' markup into a (canonical) RichDoc; what could not be used is in `errors`. */
export function parseMarkup(source: string): { doc: RichDoc; errors: MarkupError[] } {
  const errors = new Errors();
  let text = source.replace(/\r\n?/g, '\n');
  if (text.length > MARKUP_LIMITS.source) {
    let line = 1;
    for (let i = 0; i < MARKUP_LIMITS.source; i++) if (text.charCodeAt(i) === 10) line++;
    errors.add(line, 'too-long');
    text = text.slice(0, MARKUP_LIMITS.source);
  }
  const blocks: Block[] = [];
  for (const draft of drafts(text.split('\n'), errors)) {
    if (draft.t === 'image') blocks.push(draft);
    else if ('items' in draft) {
      blocks.push({ t: draft.t, items: draft.items.map((item) => inlines(item, errors)) });
    } else blocks.push({ t: draft.t, c: inlines(draft.segments, errors) });
  }
  return { doc: normalizeDoc({ v: 1, blocks }), errors: errors.list.sort((a, b) => a.line - b.line) };
}

// ---------------------------------------------------------------------------------------------
// Markup from a document

const escapeText = (text: string) => text.replace(/[\\*[\]]/g, '\\$&');

function inlineMarkup(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.t === 'text') out += escapeText(node.v);
    else if (node.t === 'strong') out += `**${inlineMarkup(node.c)}**`;
    else if (node.t === 'em') out += `*${inlineMarkup(node.c)}*`;
    else out += `[${inlineMarkup(node.c)}](${node.href})`;
  }
  return out;
}

/** A paragraph's line, escaped where its start would read as a heading, list or image. */
function paragraphLine(nodes: readonly Inline[]): string {
  const line = inlineMarkup(nodes);
  if (line[0] === '#' || line[0] === '-' || line.startsWith('![')) return `\\${line}`;
  let digits = 0;
  while (isDigit(line[digits])) digits++;
  return digits > 0 && line[digits] === '.' ? `${line.slice(0, digits)}\\${line.slice(digits)}` : line;
}

/** The markup of a document (its canonical form): what the editor's textarea shows. */
export function toMarkup(doc: RichDoc): string {
  return normalizeDoc(doc)
    .blocks.map((block) => {
      switch (block.t) {
        case 'h2':
          return `## ${inlineMarkup(block.c)}`;
        case 'h3':
          return `### ${inlineMarkup(block.c)}`;
        case 'p':
          return paragraphLine(block.c);
        case 'ul':
          return block.items.map((item) => `- ${inlineMarkup(item)}`).join('\n');
        case 'ol':
          return block.items.map((item, i) => `${i + 1}. ${inlineMarkup(item)}`).join('\n');
        case 'image':
          return `![${block.caption.replace(/[\\[\]]/g, '\\$&')}](image:${block.image})`;
      }
    })
    .join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// HTML

function inlineHtml(nodes: readonly Inline[], inLink: boolean): SafeHtml[] {
  return nodes.map((node) => {
    if (node.t === 'text') return html`${cleanText(node.v)}`;
    if (node.t === 'strong') return html`<strong>${inlineHtml(node.c, inLink)}</strong>`;
    if (node.t === 'em') return html`<em>${inlineHtml(node.c, inLink)}</em>`;
    // A stored document is checked again here: an unusable address is never a link.
    if (inLink || !isSafeHref(node.href)) return html`${inlineHtml(node.c, inLink)}`;
    const rel = isExternalLink(node.href) ? html` rel="noopener"` : '';
    return html`<a href="${node.href}"${rel}>${inlineHtml(node.c, true)}</a>`;
  });
}

function blockHtml(block: Block, options: RenderOptions): SafeHtml | undefined {
  const offset = options.headingOffset ?? 0;
  switch (block.t) {
    case 'h2':
    case 'h3': {
      const level = (block.t === 'h2' ? 2 : 3) + offset;
      return html`<h${level}>${inlineHtml(block.c, false)}</h${level}>`;
    }
    case 'p':
      return html`<p>${inlineHtml(block.c, false)}</p>`;
    case 'ul':
    case 'ol': {
      const items = block.items.map((item) => html`<li>${inlineHtml(item, false)}</li>`);
      return block.t === 'ul' ? html`<ul>${items}</ul>` : html`<ol>${items}</ol>`;
    }
    case 'image':
      return IMAGE_SLUG.test(block.image)
        ? options.image?.(block.image, cleanText(block.caption).trim())
        : undefined;
    default:
      return undefined;
  }
}

export interface RenderOptions {
  /** Renders an image block (the media library's picture); without it, or undefined, it is left out. */
  image?: RichImageRenderer;
  /** 1: headings one level lower (h3/h4), for rich text under a section's own h2. */
  headingOffset?: 0 | 1;
}

/** A document's HTML: escaped text, safe links only (external ones rel="noopener"), no wrapper. */
export function renderRichText(doc: RichDoc, options: RenderOptions = {}): SanitizedHtml {
  const parts = doc.blocks.map((block) => blockHtml(block, options));
  return new SanitizedHtml(html`${parts.map((part) => part ?? '')}`.value);
}

/** The media slugs of a document's images, each once, in order. */
export function imageSlugs(doc: RichDoc): string[] {
  const slugs = new Set<string>();
  for (const block of doc.blocks) if (block.t === 'image') slugs.add(block.image);
  return [...slugs];
}
