/**
 * An ad's description as safe HTML. JobTech's `text_formatted` is a small HTML subset written by
 * many systems; we keep paragraphs, line breaks, lists and emphasis, drop every attribute and every
 * other tag (their text stays), drop script and style with their content, and balance the tags.
 * Plain text becomes paragraphs.
 */
import { escapeHtml } from '../../platform/html/html.ts';

const KEEP: Record<string, string> = {
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
const BLOCK = new Set(['p', 'ul', 'ol', 'li', 'h3', 'h4']);
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'template',
  'noscript',
  'svg',
  'math',
]);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>|<!--[\s\S]*?(?:-->|$)/g;
const ENTITY = /&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/y;

/** Escapes text but keeps well-formed character references as they are. */
function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(text);
      if (m) {
        out += m[0];
        i += m[0].length - 1;
        continue;
      }
      out += '&amp;';
    } else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else out += ch;
  }
  return out;
}

/** Plain text with blank lines between paragraphs → <p> paragraphs with <br> for single breaks. */
export function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

export function sanitizeDescription(
  formatted: string | null | undefined,
  text: string | null | undefined,
): string {
  const source = formatted ?? '';
  if (!/<[a-zA-Z/!]/.test(source)) return paragraphs(source || text || '');
  const out: string[] = [];
  const stack: string[] = [];
  let dropping: string | null = null;
  let last = 0;
  const pushText = (chunk: string) => {
    if (dropping || !chunk) return;
    // Text directly inside a list is not allowed; keep it as a list item's text.
    out.push(escapeText(chunk));
  };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(source); m; m = TAG.exec(source)) {
    pushText(source.slice(last, m.index));
    last = TAG.lastIndex;
    const name = (m[2] ?? '').toLowerCase();
    if (!name) continue; // a comment
    const closing = m[1] === '/';
    if (dropping) {
      if (closing && name === dropping) dropping = null;
      continue;
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (!closing && m[3] !== '/') dropping = name;
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
      if (BLOCK.has(tag) && stack.at(-1) === 'p') out.push(`</${stack.pop() as string}>`);
      if (tag === 'li' && stack.at(-1) === 'li') out.push(`</${stack.pop() as string}>`);
      stack.push(tag);
      out.push(`<${tag}>`);
    } else {
      const at = stack.lastIndexOf(tag);
      if (at === -1) continue;
      while (stack.length > at) out.push(`</${stack.pop() as string}>`);
    }
  }
  pushText(source.slice(last));
  while (stack.length) out.push(`</${stack.pop() as string}>`);
  return out
    .join('')
    .replace(/<(p|li|strong|em|h3|h4)>\s*<\/\1>/g, '')
    .trim();
}
