/**
 * The stored form of rich text (RichDoc): a small structured document — headings, paragraphs,
 * lists, links, emphasis and images from the media library — never HTML. Editors type simple
 * markup (richtext.ts parses it); pages render a RichDoc through the sanitised-HTML type. This
 * file holds what every reader of stored documents needs: the types, the structural check of a
 * stored value, and the plain text (for search and summaries).
 */
export type Inline =
  | { t: 'text'; v: string }
  | { t: 'strong'; c: Inline[] }
  | { t: 'em'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] };

export type Block =
  | { t: 'h2' | 'h3' | 'p'; c: Inline[] }
  | { t: 'ul' | 'ol'; items: Inline[][] }
  | { t: 'image'; image: string; caption: string };

export interface RichDoc {
  v: 1;
  blocks: Block[];
}

export const EMPTY_DOC: RichDoc = Object.freeze({ v: 1, blocks: Object.freeze([]) as unknown as Block[] });

/** Bounds a stored document is held to (the parser keeps within them; the check refuses beyond). */
export const RICH_DOC_LIMITS = {
  blocks: 400,
  listItems: 100,
  depth: 8,
  text: 40_000,
  href: 2_000,
} as const;

const INLINE_WRAPPERS = new Set(['strong', 'em']);
const TEXT_BLOCKS = new Set(['h2', 'h3', 'p']);
const LIST_BLOCKS = new Set(['ul', 'ol']);

function isInlines(value: unknown, depth: number, budget: { text: number }): value is Inline[] {
  if (!Array.isArray(value) || depth > RICH_DOC_LIMITS.depth) return false;
  for (const node of value as unknown[]) {
    if (typeof node !== 'object' || node === null) return false;
    const n = node as Record<string, unknown>;
    if (n.t === 'text') {
      if (typeof n.v !== 'string') return false;
      budget.text -= n.v.length;
      if (budget.text < 0) return false;
    } else if (typeof n.t === 'string' && INLINE_WRAPPERS.has(n.t)) {
      if (!isInlines(n.c, depth + 1, budget)) return false;
    } else if (n.t === 'link') {
      if (typeof n.href !== 'string' || n.href.length > RICH_DOC_LIMITS.href) return false;
      if (!isInlines(n.c, depth + 1, budget)) return false;
    } else {
      return false;
    }
  }
  return true;
}

function isBlock(value: unknown, budget: { text: number }): value is Block {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Record<string, unknown>;
  if (typeof b.t !== 'string') return false;
  if (TEXT_BLOCKS.has(b.t)) return isInlines(b.c, 0, budget);
  if (LIST_BLOCKS.has(b.t)) {
    return (
      Array.isArray(b.items) &&
      b.items.length <= RICH_DOC_LIMITS.listItems &&
      (b.items as unknown[]).every((item) => isInlines(item, 0, budget))
    );
  }
  if (b.t === 'image') return typeof b.image === 'string' && typeof b.caption === 'string';
  return false;
}

/** Whether a stored value is a well-formed RichDoc within the limits. */
export function isRichDoc(value: unknown): value is RichDoc {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  if (d.v !== 1 || !Array.isArray(d.blocks) || d.blocks.length > RICH_DOC_LIMITS.blocks) return false;
  const budget = { text: RICH_DOC_LIMITS.text };
  return (d.blocks as unknown[]).every((block) => isBlock(block, budget));
}

function inlineText(nodes: readonly Inline[], out: string[]): void {
  for (const node of nodes) {
    if (node.t === 'text') out.push(node.v);
    else inlineText(node.c, out);
  }
}

/** The document's words as plain text: blocks on lines of their own, captions included. */
export function richTextPlain(doc: RichDoc): string {
  const lines: string[] = [];
  for (const block of doc.blocks) {
    const out: string[] = [];
    if (block.t === 'image') out.push(block.caption);
    else if ('items' in block) {
      for (const item of block.items) {
        inlineText(item, out);
        out.push('\n');
      }
    } else inlineText(block.c, out);
    const line = out.join('').trim();
    if (line) lines.push(line);
  }
  return lines.join('\n');
}

/** Whether a document has no words and no images (a missing translation). */
export function isEmptyDoc(doc: RichDoc): boolean {
  return doc.blocks.every((block) => block.t !== 'image' && richTextPlain({ v: 1, blocks: [block] }) === '');
}
