/**
 * The editors' text ↔ the stored RichDoc, for the edit form. INTERIM: a plain reading of the
 * markup (headings, lists, images, paragraphs; inline markup kept as text) until the `richtext`
 * engineer's src/platform/html/richtext.ts is on main; then this file re-exports its
 * parseMarkup/toMarkup and nothing else changes.
 */
import type { Block, Inline, RichDoc } from '../../../platform/html/rich-doc.ts';

export interface MarkupError {
  line: number;
  code: string;
}

const LIMIT = 40_000;
const IMAGE = /^!\[([^\]]*)\]\(image:([a-z0-9][a-z0-9-]{0,119})\)$/;

const text = (v: string): Inline[] => (v ? [{ t: 'text', v }] : []);

function inlineText(c: readonly Inline[]): string {
  return c.map((i) => (i.t === 'text' ? i.v : inlineText(i.c))).join('');
}

function block(lines: string[]): Block {
  const first = lines[0] ?? '';
  if (lines.length === 1 && first.startsWith('### ')) return { t: 'h3', c: text(first.slice(4).trim()) };
  if (lines.length === 1 && first.startsWith('## ')) return { t: 'h2', c: text(first.slice(3).trim()) };
  const image = lines.length === 1 ? IMAGE.exec(first) : null;
  if (image) return { t: 'image', image: image[2] ?? '', caption: (image[1] ?? '').trim() };
  if (lines.every((l) => l.startsWith('- ')))
    return { t: 'ul', items: lines.map((l) => text(l.slice(2).trim())) };
  if (lines.every((l) => /^\d+\. /.test(l)))
    return { t: 'ol', items: lines.map((l) => text(l.replace(/^\d+\. /, '').trim())) };
  return { t: 'p', c: text(lines.join(' ').replace(/\s+/g, ' ').trim()) };
}

export function parseMarkup(source: string): { doc: RichDoc; errors: MarkupError[] } {
  if (source.length > LIMIT) return { doc: { v: 1, blocks: [] }, errors: [{ line: 1, code: 'too-long' }] };
  const blocks: Block[] = [];
  let current: string[] = [];
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line) current.push(line);
    else if (current.length) {
      blocks.push(block(current));
      current = [];
    }
  }
  if (current.length) blocks.push(block(current));
  return { doc: { v: 1, blocks }, errors: [] };
}

export function toMarkup(doc: RichDoc): string {
  return doc.blocks
    .map((b) => {
      switch (b.t) {
        case 'h2':
          return `## ${inlineText(b.c)}`;
        case 'h3':
          return `### ${inlineText(b.c)}`;
        case 'p':
          return inlineText(b.c);
        case 'ul':
          return b.items.map((i) => `- ${inlineText(i)}`).join('\n');
        case 'ol':
          return b.items.map((i, n) => `${n + 1}. ${inlineText(i)}`).join('\n');
        case 'image':
          return `![${b.caption}](image:${b.image})`;
      }
    })
    .join('\n\n');
}

/** The media slugs a document shows. */
export function imageSlugs(doc: RichDoc): string[] {
  return doc.blocks.flatMap((b) => (b.t === 'image' ? [b.image] : []));
}
