/**
 * An incremental reader for a top-level JSON array (JobStream's snapshot is one array of ~40 000
 * ads, hundreds of megabytes): it yields each element as soon as it is complete, holds only the
 * element being read, and fails with JsonArrayError when the text is not one whole array — in
 * particular when it is cut off, so a truncated download is never taken for a complete one. An
 * object or array element that is not valid JSON inside is yielded as an InvalidElement, so that one
 * bad record never fails the whole download.
 */

export class JsonArrayError extends Error {
  constructor(
    message: string,
    /** True when the input ended before the array was closed. */
    readonly truncated = false,
  ) {
    super(message);
    this.name = 'JsonArrayError';
  }
}

/**
 * What the reader yields for an element whose brackets close but whose text is not valid JSON (one
 * bad record in a good array): the caller counts it as malformed and goes on with its neighbours.
 */
export class InvalidElement {
  constructor(
    /** The element's position in the array, from 0. */
    readonly index: number,
  ) {}
}

type State = 'start' | 'beforeFirst' | 'beforeValue' | 'inValue' | 'afterValue' | 'end';

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\ufeff']);

export interface JsonArrayOptions {
  /** Largest single element in characters (default 32 MiB); a larger one is yielded as OVERSIZED. */
  maxElementLength?: number;
}

/**
 * Yielded in place of an element longer than `maxElementLength`: the element is read past without
 * being held, so one enormous record is skipped (and counted) instead of failing the whole array —
 * which JobStream would send again, unchanged, at every try and every run.
 */
export const OVERSIZED: unique symbol = Symbol('oversized JSON array element');

/**
 * Yields the elements of the JSON array that `source` delivers in chunks (bytes are decoded as
 * UTF-8, split characters included). Elements are `JSON.parse`d one at a time.
 */
export async function* parseJsonArray(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: JsonArrayOptions = {},
): AsyncGenerator<unknown, number, undefined> {
  const maxLength = options.maxElementLength ?? 32 * 1024 * 1024;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let state: State = 'start';
  let count = 0;
  // The element being read: finished pieces plus where it starts in the current chunk.
  let pieces: string[] = [];
  let pieceLength = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** The element is a bare number/true/false/null, which ends at a delimiter, not a bracket. */
  let bare = false;
  /** The element has grown past maxLength: it is read to its end but not kept. */
  let oversized = false;

  function* scan(chunk: string): Generator<unknown> {
    let start = state === 'inValue' ? 0 : -1;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const ch = chunk[i] as string;
      switch (state) {
        case 'start':
          if (WHITESPACE.has(ch)) continue;
          if (ch !== '[') throw new JsonArrayError('the response is not a JSON array');
          state = 'beforeFirst';
          continue;
        case 'beforeFirst':
        case 'beforeValue':
          if (WHITESPACE.has(ch)) continue;
          if (ch === ']' && state === 'beforeFirst') {
            state = 'end';
            continue;
          }
          if (ch === ']' || ch === ',') throw new JsonArrayError(`unexpected "${ch}" in the array`);
          state = 'inValue';
          start = i;
          pieces = [];
          pieceLength = 0;
          depth = 0;
          inString = false;
          escaped = false;
          bare = false;
          oversized = false;
          if (ch === '{' || ch === '[') depth = 1;
          else if (ch === '"') inString = true;
          else bare = true;
          continue;
        case 'inValue': {
          let done = false;
          let endAt = i; // exclusive end of the element's text
          if (bare) {
            if (ch === ',' || ch === ']' || WHITESPACE.has(ch)) {
              done = true;
              i--; // the delimiter is read again in state afterValue
            }
          } else if (inString) {
            if (escaped) escaped = false;
            else if (ch === '\\') escaped = true;
            else if (ch === '"') {
              inString = false;
              if (depth === 0) {
                done = true;
                endAt = i + 1;
              }
            }
          } else if (ch === '"') inString = true;
          else if (ch === '{' || ch === '[') depth++;
          else if (ch === '}' || ch === ']') {
            depth--;
            if (depth === 0) {
              done = true;
              endAt = i + 1;
            }
          }
          if (done) {
            if (!oversized) pieces.push(chunk.slice(start, endAt));
            const text = oversized ? '' : pieces.length === 1 ? (pieces[0] as string) : pieces.join('');
            pieces = [];
            pieceLength = 0;
            state = 'afterValue';
            const value = oversized ? OVERSIZED : parseElement(text, count);
            count++;
            yield value;
          } else if (!oversized && pieceLength + (i - start) > maxLength) {
            oversized = true;
            pieces = [];
            pieceLength = 0;
          }
          continue;
        }
        case 'afterValue':
          if (WHITESPACE.has(ch)) continue;
          if (ch === ',') state = 'beforeValue';
          else if (ch === ']') state = 'end';
          else throw new JsonArrayError(`unexpected "${ch}" after element ${count}`);
          continue;
        case 'end':
          if (WHITESPACE.has(ch)) continue;
          throw new JsonArrayError('unexpected text after the end of the array');
      }
    }
    if (state === 'inValue' && start >= 0 && !oversized) {
      const rest = chunk.slice(start);
      pieces.push(rest);
      pieceLength += rest.length;
      if (pieceLength > maxLength) {
        oversized = true;
        pieces = [];
        pieceLength = 0;
      }
    }
  }

  try {
    for await (const chunk of source) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      if (text) yield* scan(text);
    }
    const tail = decoder.decode();
    if (tail) yield* scan(tail);
  } catch (error) {
    if (error instanceof TypeError && /encoded data|decode/i.test(error.message)) {
      throw new JsonArrayError('the response is not valid UTF-8');
    }
    throw error;
  }
  assertEnded(state as State /* assigned inside scan() */, count);
  return count;
}

/** Element `index` of the array, parsed; an object or array that is not valid JSON is an InvalidElement. */
function parseElement(text: string, index: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // An object or array whose brackets balance is one bad record; a bare word that is not JSON
    // means the text is not the array we expect.
    if (text.startsWith('{') || text.startsWith('[')) return new InvalidElement(index);
    throw new JsonArrayError(`element ${index} is not valid JSON`);
  }
}

/** Fails unless the reader saw the array close (with `count` elements read so far). */
function assertEnded(final: State, count: number): void {
  // A bare value that runs to the end of the input is still unterminated: the array never closed.
  if (final !== 'end') {
    throw new JsonArrayError(
      final === 'start' ? 'the response is empty' : `the array is truncated after ${count} element(s)`,
      true,
    );
  }
}
