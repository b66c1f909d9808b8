/**
 * Text a person wrote (a display name, say) quoted inside a message the system sends: one line,
 * short, without control or direction characters, and with nothing a mail program would turn into a
 * link (`evil.example` becomes `evil[.]example`, `https://` becomes `https[:]//`). The caller still
 * places it after the system's own words and says who wrote it.
 */

/** The most characters of someone's own text a system message quotes. */
export const QUOTED_TEXT_MAX = 60;

/** Control, format (bidirectional overrides, zero-width) and line/paragraph separator characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu;

export function quotedUserText(value: string, max = QUOTED_TEXT_MAX): string {
  // NFKC folds look-alikes mail programs may honour (full-width dots, colons and slashes).
  let text = value.normalize('NFKC').replace(INVISIBLE, ' ').replace(/\s+/gu, ' ').trim();
  const chars = [...text];
  if (chars.length > max)
    text = `${chars
      .slice(0, max - 1)
      .join('')
      .trimEnd()}…`;
  return (
    text
      // A dot inside a word is what makes a host name (and so a link or an address): defang it.
      .replace(/(?<=\S)[.\u3002](?=\S)/gu, '[.]')
      .replace(/:\/\//g, '[:]//')
  );
}
