/**
 * The place facts data file (PlaceFactsFile, read and checked by facts-data.ts) as the facts table
 * stores it: one row per municipality and fact key; and a file's problems, each named by the
 * municipality and the fact it is about, for the editors' upload page. The file's own date
 * (`version`) decides whether a shipped file replaces what is stored.
 */
import { validatePlaceFacts, type PlaceFactsFile, type TravelTime } from './facts-data.ts';

export type { PlaceFactsFile };

/** A value in both languages. */
export type Localised<T = string> = { sv: T; en: T };

export type FactUnit = 'people' | 'sek' | 'minutes' | 'count';

/** One fact as a row of place_facts. */
export interface FactRow {
  municipalityCode: string;
  key: string;
  kind: 'number' | 'list';
  value: number | null;
  unit: FactUnit | null;
  /** A travel time's destination ('' otherwise). */
  label: Localised;
  items: Localised<string[]>;
  /** '' for nature and culture: the file lists their highlights without a source. */
  source: string;
  sourceUrl: string;
  /** YYYY-MM-DD: the day the figure holds for (a list: the file's date). */
  asOf: string;
  approx: boolean;
}

/** The numeric facts and their units, in the order pages show them. */
export const NUMBER_FACTS = [
  ['population', 'people'],
  ['medianHousePrice', 'sek'],
  ['preschools', 'count'],
  ['schools', 'count'],
] as const;
export const LIST_FACTS = ['nature', 'culture'] as const;

const EMPTY_TEXT: Localised = { sv: '', en: '' };
const NO_ITEMS: Localised<string[]> = { sv: [], en: [] };

function slugOf(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'x'
  );
}

/** A travel time's key: `travel.<destination>-<mode>`. */
export function travelKey(t: Pick<TravelTime, 'to' | 'mode'>): string {
  return `travel.${slugOf(t.to.en || t.to.sv)}-${t.mode}`;
}

/** Every fact of a (checked) file as rows. */
export function factRowsOf(file: PlaceFactsFile): FactRow[] {
  const rows: FactRow[] = [];
  for (const [code, facts] of Object.entries(file.municipalities)) {
    for (const [key, unit] of NUMBER_FACTS) {
      const f = facts[key];
      rows.push({
        municipalityCode: code,
        key,
        kind: 'number',
        value: f.value,
        unit,
        label: EMPTY_TEXT,
        items: NO_ITEMS,
        source: f.source,
        sourceUrl: f.sourceUrl,
        asOf: f.asOf,
        approx: f.approx === true,
      });
    }
    const keys = new Set<string>();
    for (const t of facts.travel) {
      const key = travelKey(t);
      if (keys.has(key)) continue; // the same journey twice: the first one counts
      keys.add(key);
      rows.push({
        municipalityCode: code,
        key,
        kind: 'number',
        value: t.minutes,
        unit: 'minutes',
        label: { sv: t.to.sv, en: t.to.en },
        items: NO_ITEMS,
        source: t.source,
        sourceUrl: t.sourceUrl,
        asOf: t.asOf,
        approx: t.approx === true,
      });
    }
    for (const key of LIST_FACTS) {
      rows.push({
        municipalityCode: code,
        key,
        kind: 'list',
        value: null,
        unit: null,
        label: EMPTY_TEXT,
        items: { sv: facts[key].map((h) => h.sv), en: facts[key].map((h) => h.en) },
        source: '',
        sourceUrl: '',
        asOf: file.version,
        approx: false,
      });
    }
  }
  return rows;
}

/** The file's date: what decides whether a shipped file is newer than what is stored. */
export const fileDate = (file: PlaceFactsFile): string => file.version;

// ---- Problems ---------------------------------------------------------------------------------

/**
 * A problem of a file: the municipality's code ('' for the file as a whole), the fact it is about
 * (its path in the file, e.g. `population.value`, `travel[2].minutes`; '' for the municipality),
 * and what is wrong (the loader's words).
 */
export interface FactProblem {
  municipality: string;
  fact: string;
  message: string;
}

/** The largest file an editor may upload (bytes of JSON). */
export const MAX_FACTS_FILE = 1_000_000;

/** The problem of a file over MAX_FACTS_FILE (the page says the size in the person's language). */
export const FILE_TOO_LARGE = 'the file is too large';

/** "2080.travel[1].minutes: must be …" → municipality 2080, fact travel[1].minutes, message. */
export function problemOf(text: string): FactProblem {
  const colon = text.indexOf(': ');
  if (colon < 0) return { municipality: '', fact: '', message: text };
  const path = text.slice(0, colon);
  const message = text.slice(colon + 2);
  const match = /^(\d{4})(?:\.(.*))?$/.exec(path);
  if (!match) return { municipality: '', fact: path, message };
  return { municipality: match[1] as string, fact: match[2] ?? '', message };
}

/**
 * Reads a facts file from its text: the file, or every problem the loader finds (nothing is
 * applied unless there are none). `codes` are the region's municipalities; each must be in it.
 */
export function parseFactsFile(
  text: string,
  codes: readonly string[],
  now: Date = new Date(),
): { file: PlaceFactsFile; problems: [] } | { file: undefined; problems: FactProblem[] } {
  const fail = (message: string) => ({
    file: undefined,
    problems: [{ municipality: '', fact: '', message }],
  });
  if (Buffer.byteLength(text, 'utf8') > MAX_FACTS_FILE) return fail(FILE_TOO_LARGE);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('the file is not JSON');
  }
  const today = now.toISOString().slice(0, 10);
  const { facts, problems } = validatePlaceFacts(value, codes, today);
  if (!facts) return { file: undefined, problems: problems.map(problemOf) };
  if (facts.version > today)
    return {
      file: undefined,
      problems: [{ municipality: '', fact: 'version', message: 'lies in the future' }],
    };
  return { file: facts, problems: [] };
}
