/**
 * Slugs for addresses (a company's page, an event's): lower-case ASCII words joined by '-'.
 */

/** A slug from a name or title: lower case, å/ä → a, ö → o, other marks dropped, words joined by '-'. */
export function slugFromName(name: string, max = 60): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}
