/**
 * A readable diff of two texts (versions of a page: its title, summary, the markup of its body):
 * words that went are in <del>, words that came in <ins>, each also named in words for screen
 * readers ("borttaget" … "slut på borttaget"), and struck through or underlined, so colour is
 * never the only sign.
 *
 * Myers' O(ND) algorithm over words (after the common beginning and end are set aside), bounded:
 * beyond DIFF_LIMITS.tokens tokens or DIFF_LIMITS.edits differences it compares whole lines
 * instead, and beyond that shows all of the old text removed and all of the new added. So the work
 * is at most about tokens × edits steps, whatever the texts.
 */
import type { Lang } from '../i18n/index.ts';
import { html, type SafeHtml } from './html.ts';
import { richTextMessages } from './richtext-messages.ts';

export const DIFF_LIMITS = {
  /** Most tokens (words, spaces, punctuation; or lines) compared after the common ends. */
  tokens: 8_000,
  /** Most differences (tokens added plus removed) the search goes to. */
  edits: 1_000,
} as const;

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface TextDiff {
  parts: DiffPart[];
  /** 'word', or coarser when the texts were too long or too different: 'line', 'whole'. */
  level: 'word' | 'line' | 'whole';
}

/** Words, runs of spaces and single punctuation marks (a linear pattern: no backtracking). */
const WORD_TOKENS = /\s+|[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu;

const wordTokens = (text: string): string[] => text.match(WORD_TOKENS) ?? [];
/** Lines with their line break. */
const lineTokens = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

/**
 * The shortest edit script from a to b (Myers), or undefined beyond `maxEdits`. Returns the
 * operations in order: 0 same, 1 added (from b), -1 removed (from a).
 */
function myers(a: readonly string[], b: readonly string[], maxEdits: number): Array<-1 | 0 | 1> | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))
          ? (v[offset + k + 1] as number)
          : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return undefined;
}

/** Walks the saved frontiers back from (n, m) to (0, 0). */
function backtrack(trace: readonly Int32Array[], last: number, n: number, m: number): Array<-1 | 0 | 1> {
  const ops: Array<-1 | 0 | 1> = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    // trace[d] holds v[-d-1 .. d+1] as it was before step d (the frontier of step d - 1).
    const frontier = trace[d] as Int32Array;
    const at = (k: number) => frontier[k + d + 1] as number;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push(0);
      x--;
      y--;
    }
    ops.push(down ? 1 : -1);
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push(0);
    x--;
    y--;
  }
  return ops.reverse();
}

/** Diffs token lists with their common beginning and end set aside; undefined beyond the limits. */
function diffTokens(a: readonly string[], b: readonly string[]): DiffPart[] | undefined {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length + midB.length > DIFF_LIMITS.tokens) return undefined;
  const ops = myers(midA, midB, DIFF_LIMITS.edits);
  if (!ops) return undefined;
  const parts: DiffPart[] = [{ kind: 'same', text: a.slice(0, start).join('') }];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op === 0) {
      parts.push({ kind: 'same', text: midA[i++] as string });
      j++;
    } else if (op === -1) parts.push({ kind: 'removed', text: midA[i++] as string });
    else parts.push({ kind: 'added', text: midB[j++] as string });
  }
  parts.push({ kind: 'same', text: a.slice(endA).join('') });
  return readable(parts);
}

/**
 * Merges the parts for reading: spaces within a line between two changes join them, and each run
 * of changes reads as all that was removed followed by all that was added.
 */
function readable(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = added = '';
  };
  const same = (text: string) => {
    const last = out[out.length - 1];
    if (last?.kind === 'same') last.text += text;
    else out.push({ kind: 'same', text });
  };
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as DiffPart;
    if (part.text === '') continue;
    if (part.kind === 'removed') removed += part.text;
    else if (part.kind === 'added') added += part.text;
    else if (
      (removed || added) &&
      /^[^\S\n]+$/.test(part.text) &&
      parts[i + 1] &&
      parts[i + 1]?.kind !== 'same'
    ) {
      removed += part.text;
      added += part.text;
    } else {
      flush();
      same(part.text);
    }
  }
  flush();
  return out;
}

/** The difference between two texts: by word, else by line, else the whole (see DIFF_LIMITS). */
export function diffTexts(before: string, after: string): TextDiff {
  if (before === after) return { parts: before ? [{ kind: 'same', text: before }] : [], level: 'word' };
  const words = diffTokens(wordTokens(before), wordTokens(after));
  if (words) return { parts: words, level: 'word' };
  const lines = diffTokens(lineTokens(before), lineTokens(after));
  if (lines) return { parts: lines, level: 'line' };
  const parts: DiffPart[] = [];
  if (before) parts.push({ kind: 'removed', text: before });
  if (after) parts.push({ kind: 'added', text: after });
  return { parts, level: 'whole' };
}

function partHtml(lang: Lang, part: DiffPart): SafeHtml {
  const t = (key: Parameters<typeof richTextMessages.t>[1]) => richTextMessages.t(lang, key);
  if (part.kind === 'same') return html`${part.text}`;
  if (part.kind === 'removed') {
    return html`<del><span class="visually-hidden">[${t('diff.removed')}] </span>${part.text}<span class="visually-hidden"> [${t('diff.removedEnd')}]</span></del>`;
  }
  return html`<ins><span class="visually-hidden">[${t('diff.added')}] </span>${part.text}<span class="visually-hidden"> [${t('diff.addedEnd')}]</span></ins>`;
}

/** Two texts' difference as HTML: a note when it is coarser than by word, then the text. */
export function diffHtml(lang: Lang, before: string, after: string): SafeHtml {
  const diff = diffTexts(before, after);
  const note =
    diff.level === 'word'
      ? ''
      : html`<p class="diff__note">${richTextMessages.t(lang, diff.level === 'line' ? 'diff.coarse' : 'diff.whole')}</p>`;
  return html`${note}<div class="diff">${diff.parts.map((part) => partHtml(lang, part))}</div>`;
}

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

/**
 * The fields that changed between two versions, each under its label (a heading of `headingLevel`,
 * default 3) with its diff; "Inga ändringar." when none did.
 */
export function fieldsDiff(
  lang: Lang,
  fields: readonly FieldChange[],
  options: { headingLevel?: 2 | 3 | 4 } = {},
): SafeHtml {
  const changed = fields.filter((field) => field.before !== field.after);
  if (changed.length === 0)
    return html`<p class="diff__none">${richTextMessages.t(lang, 'diff.noChanges')}</p>`;
  const level = options.headingLevel ?? 3;
  return html`${changed.map(
    (field) => html`<section class="diff-field">
      <h${level} class="diff-field__label">${field.label}</h${level}>
      ${diffHtml(lang, field.before, field.after)}
    </section>`,
  )}`;
}
