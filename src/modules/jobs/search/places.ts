/**
 * Place names typed into the search text: "lärare falun" searches "lärare" in Falun. Words that
 * name one of the region's municipalities (folded: Borlange is Borlänge; Malung-Sälen as two words)
 * leave the text and become the municipality filter, and the page says so with a way back
 * (`literal=1`).
 */
import type { Region } from '../../../platform/region.ts';
import type { ParsedText, TextTerm } from '../query.ts';
import { fold } from '../words.ts';

export interface PlaceInText {
  /** The words as typed. */
  word: string;
  /** The municipality's code. */
  code: string;
}

const namesCache = new WeakMap<Region, Array<{ words: string[]; code: string }>>();

function names(region: Region): Array<{ words: string[]; code: string }> {
  let list = namesCache.get(region);
  if (!list) {
    list = region.municipalities
      .map((m) => ({
        words: fold(m.shortName)
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean),
        code: m.code,
      }))
      .filter((n) => n.words.length > 0)
      // Longer names first: "Malung-Sälen" before a name that is one of its words.
      .sort((a, b) => b.words.length - a.words.length);
    namesCache.set(region, list);
  }
  return list;
}

/** The text without the place names it has, and the places. Only plain words count (not OR, phrases). */
export function placesIn(parsed: ParsedText, region: Region): { parsed: ParsedText; places: PlaceInText[] } {
  const plain = (g: TextTerm[]) =>
    g.length === 1 && g[0]?.words.length === 1 ? (g[0].words[0] as string) : null;
  const words = parsed.groups.map(plain);
  const taken = new Set<number>();
  const places: PlaceInText[] = [];
  for (const name of names(region)) {
    for (let i = 0; i + name.words.length <= words.length; i++) {
      const span = name.words.map((_, j) => i + j);
      if (span.some((k) => taken.has(k) || words[k] === null)) continue;
      if (!span.every((k, j) => fold(words[k] as string) === name.words[j])) continue;
      for (const k of span) taken.add(k);
      places.push({ word: span.map((k) => words[k]).join(' '), code: name.code });
    }
  }
  if (places.length === 0) return { parsed, places };
  return { parsed: { ...parsed, groups: parsed.groups.filter((_, i) => !taken.has(i)) }, places };
}
