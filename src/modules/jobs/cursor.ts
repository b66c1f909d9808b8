/**
 * The job list API's paging cursor. Results are ranked (relevance, with text) in memory, so keyset
 * paging on sort keys is not possible for every sort; the cursor is the offset of the next page,
 * the change number of the region's ads the previous page was of, and a hash of the search. It is
 * opaque to clients (base64url of JSON) and checked: a malformed cursor, or one from another search,
 * is a 400 naming `cursor`; one whose ads have changed since (an ingest ran) is a 409
 * `LOTSA_CURSOR_EXPIRED`: the client starts again from the first page, so it neither misses nor
 * repeats jobs without knowing.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import { MAX_OFFSET } from './query.ts';

export const CURSOR_PARAM = 'cursor';
/** Longer than any cursor this module makes. */
export const MAX_CURSOR_LENGTH = 200;

export interface Cursor {
  offset: number;
  /** SearchResult.changeSeq of the page that made it. */
  seq: string;
  /** searchHash of the search it pages through. */
  search: string;
}

/** A short hash of the search (its canonical query string without paging). */
export function searchHash(canonicalSearch: string): string {
  return createHash('sha256').update(canonicalSearch).digest('base64url').slice(0, 11);
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ o: cursor.offset, s: cursor.seq, h: cursor.search })).toString(
    'base64url',
  );
}

function refused(reason: string): AppError {
  return new AppError('LOTSA_BAD_REQUEST', { fields: { [CURSOR_PARAM]: reason } });
}

/** The cursor a client sent, for the search `search` (searchHash); 400 when it is not one of ours. */
export function decodeCursor(text: string, search: string): Cursor {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) throw badCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const { o, s, h } = (parsed ?? {}) as { o?: unknown; s?: unknown; h?: unknown };
  if (
    typeof o !== 'number' ||
    !Number.isInteger(o) ||
    o < 0 ||
    o > MAX_OFFSET ||
    typeof s !== 'string' ||
    !/^\d{1,20}$/.test(s) ||
    typeof h !== 'string'
  )
    throw badCursor();
  if (h !== search) throw refused('belongs to another search: send it with the same parameters');
  return { offset: o, seq: s, search: h };
}

function badCursor(): AppError {
  return refused('malformed: use the next link of the previous page as it is');
}

/** 409 when the region's ads changed since the cursor's page (the client starts again). */
export function checkCursorCurrent(cursor: Cursor, seq: string): void {
  if (cursor.seq !== seq)
    throw new AppError('LOTSA_CURSOR_EXPIRED', {
      fields: { [CURSOR_PARAM]: 'the jobs have changed since: start again from the first page' },
    });
}
