/**
 * CSV as the region's exports write it (RFC 4180: comma-separated, every cell quoted, inner quotes
 * doubled, CRLF; UTF-8 with a byte-order mark so spreadsheet programs read å, ä and ö). A cell a
 * spreadsheet would take for a formula (=, +, -, @, a tab or a carriage return first) gets an
 * apostrophe in front, so a name anyone typed never runs as a formula on the reader's computer.
 */
const FORMULA = /^[=+\-@\t\r]/;

/** One cell: formula characters defused, quoted, inner quotes doubled. */
export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = FORMULA.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A whole file: the byte-order mark, then each row's cells, CRLF after every row. */
export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
