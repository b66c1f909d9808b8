/**
 * The place facts data file (PlaceFactsFile) as the facts table stores it: one row per municipality
 * and fact key, and the checks a file passes before anything of it is applied, each problem named
 * by municipality and fact. The file's own date (`asOf`) decides whether a shipped file replaces
 * what is stored.
 *
 * File shape: `{ asOf, municipalities: { "<code>": { population, medianHousePrice, preschools,
 * schools, travel: [...], nature, culture } } }` where each fact is `Fact<T> = { value, source,
 * sourceUrl, asOf, approx? }`, a travel time also has `to` ({sv, en}) and `mode`, and nature and
 * culture have `{ sv: string[], en: string[] }` as value.
 */
/** A text in both languages. */
export type Localised<T = string> = { sv: T; en: T };

export interface Fact<T> {
  value: T;
  source: string;
  sourceUrl: string;
  /** YYYY-MM-DD: the date the figure is for. */
  asOf: string;
  approx?: boolean;
}

export const TRAVEL_MODES = ['train', 'car', 'bus', 'flight'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

export interface TravelTime extends Fact<number> {
  /** Where to (Stockholm, Arlanda, Falun, …). */
  to: Localised;
  mode: TravelMode;
}

export interface MunicipalityFacts {
  population: Fact<number>;
  medianHousePrice?: Fact<number>;
  preschools: Fact<number>;
  schools: Fact<number>;
  travel: TravelTime[];
  nature: Fact<Localised<string[]>>;
  culture: Fact<Localised<string[]>>;
}

export interface PlaceFactsFile {
  /** YYYY-MM-DD: the file's own date. */
  asOf: string;
  /** By SCB municipality code. */
  municipalities: Record<string, MunicipalityFacts>;
}

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
  source: string;
  sourceUrl: string;
  asOf: string;
  approx: boolean;
}

/** The numeric facts and their units, in the order pages show them. */
export const NUMBER_FACTS = [
  ['population', 'people'],
  ['medianHousePrice', 'sek'],
  ['preschools', 'count'],
  ['schools', 'count'],
] as const satisfies ReadonlyArray<readonly [keyof MunicipalityFacts, FactUnit]>;
export const LIST_FACTS = ['nature', 'culture'] as const satisfies ReadonlyArray<keyof MunicipalityFacts>;

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

const base = (code: string, fact: Fact<unknown>) => ({
  municipalityCode: code,
  source: fact.source,
  sourceUrl: fact.sourceUrl,
  asOf: fact.asOf,
  approx: fact.approx === true,
});

/** Every fact of a (valid) file as rows. */
export function factRowsOf(file: PlaceFactsFile): FactRow[] {
  const rows: FactRow[] = [];
  for (const [code, facts] of Object.entries(file.municipalities)) {
    for (const [key, unit] of NUMBER_FACTS) {
      const fact = facts[key];
      if (!fact) continue;
      rows.push({
        ...base(code, fact),
        key,
        kind: 'number',
        value: fact.value,
        unit,
        label: EMPTY_TEXT,
        items: NO_ITEMS,
      });
    }
    for (const t of facts.travel) {
      rows.push({
        ...base(code, t),
        key: travelKey(t),
        kind: 'number',
        value: t.value,
        unit: 'minutes',
        label: { sv: t.to.sv, en: t.to.en },
        items: NO_ITEMS,
      });
    }
    for (const key of LIST_FACTS) {
      const fact = facts[key];
      rows.push({
        ...base(code, fact),
        key,
        kind: 'list',
        value: null,
        unit: null,
        label: EMPTY_TEXT,
        items: { sv: fact.value.sv, en: fact.value.en },
      });
    }
  }
  return rows;
}

// ---- Validation -------------------------------------------------------------------------------

/** What can be wrong with a file; `municipality` and `fact` name where ('' = the file itself). */
export const FACT_PROBLEMS = [
  'notJson',
  'notObject',
  'date',
  'unknownMunicipality',
  'missingMunicipality',
  'missing',
  'value',
  'source',
  'sourceUrl',
  'asOf',
  'future',
  'destination',
  'mode',
  'list',
  'tooLarge',
] as const;
export type FactProblemCode = (typeof FACT_PROBLEMS)[number];

export interface FactProblem {
  /** The municipality's code as written in the file ('' for the file as a whole). */
  municipality: string;
  /** The fact's key as written ('' for the municipality or the file as a whole). */
  fact: string;
  problem: FactProblemCode;
}

/** The largest file an editor may upload (bytes of JSON). */
export const MAX_FACTS_FILE = 1_000_000;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isDate(v: unknown): v is string {
  if (typeof v !== 'string' || !DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function isText(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.trim().length > 0 && v.length <= max;
}

function isUrl(v: unknown): boolean {
  if (typeof v !== 'string' || v.length > 2000 || !/^https?:\/\//.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

function isItemList(v: unknown): v is string[] {
  return Array.isArray(v) && v.length <= 30 && v.every((s) => isText(s, 200));
}

/** The problems of one fact's source, URL and date. */
function provenanceProblems(fact: Record<string, unknown>, today: string): FactProblemCode[] {
  const out: FactProblemCode[] = [];
  if (!isText(fact.source, 200)) out.push('source');
  if (!isUrl(fact.sourceUrl)) out.push('sourceUrl');
  if (!isDate(fact.asOf)) out.push('asOf');
  else if (fact.asOf > today) out.push('future');
  return out;
}

function valueProblems(key: string, fact: Record<string, unknown>): FactProblemCode[] {
  if (key === 'nature' || key === 'culture') {
    const v = fact.value;
    return isObject(v) && isItemList(v.sv) && isItemList(v.en) && (v.sv.length > 0 || v.en.length > 0)
      ? []
      : ['list'];
  }
  const v = fact.value;
  const max = key === 'medianHousePrice' ? 100_000_000 : key.startsWith('travel') ? 6000 : 10_000_000;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max ? [] : ['value'];
}

function travelProblems(code: string, travel: unknown, today: string): FactProblem[] {
  if (!Array.isArray(travel) || travel.length > 20)
    return [{ municipality: code, fact: 'travel', problem: 'missing' }];
  return travel.flatMap((t, i): FactProblem[] => {
    const where =
      isObject(t) && isObject(t.to) && typeof t.to.sv === 'string' ? `travel: ${t.to.sv}` : `travel[${i}]`;
    if (!isObject(t)) return [{ municipality: code, fact: where, problem: 'missing' }];
    const codes: FactProblemCode[] = [...valueProblems('travel', t), ...provenanceProblems(t, today)];
    if (!isObject(t.to) || !isText(t.to.sv, 100) || !isText(t.to.en, 100)) codes.push('destination');
    if (!(TRAVEL_MODES as readonly unknown[]).includes(t.mode)) codes.push('mode');
    return codes.map((problem) => ({ municipality: code, fact: where, problem }));
  });
}

function municipalityProblems(code: string, facts: unknown, today: string): FactProblem[] {
  if (!isObject(facts)) return [{ municipality: code, fact: '', problem: 'notObject' }];
  const problems: FactProblem[] = [];
  const keys = [...NUMBER_FACTS.map(([k]) => k), ...LIST_FACTS];
  for (const key of keys) {
    const fact = facts[key];
    if (fact === undefined && key === 'medianHousePrice') continue;
    if (!isObject(fact)) {
      problems.push({ municipality: code, fact: key, problem: 'missing' });
      continue;
    }
    for (const problem of [...valueProblems(key, fact), ...provenanceProblems(fact, today)])
      problems.push({ municipality: code, fact: key, problem });
  }
  problems.push(...travelProblems(code, facts.travel, today));
  return problems;
}

/**
 * Reads a facts file from its text: the file, or every problem found (nothing is applied unless
 * there are none). `codes` are the region's municipalities; each must be in the file.
 */
export function parseFactsFile(
  text: string,
  codes: readonly string[],
  now: Date = new Date(),
): { file: PlaceFactsFile; problems: [] } | { file: undefined; problems: FactProblem[] } {
  const fail = (problem: FactProblemCode) => ({
    file: undefined,
    problems: [{ municipality: '', fact: '', problem }],
  });
  if (Buffer.byteLength(text, 'utf8') > MAX_FACTS_FILE) return fail('tooLarge');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('notJson');
  }
  if (!isObject(data) || !isObject(data.municipalities)) return fail('notObject');
  const today = now.toISOString().slice(0, 10);
  const problems: FactProblem[] = [];
  if (!isDate(data.asOf) || data.asOf > today)
    problems.push({ municipality: '', fact: 'asOf', problem: 'date' });
  const known = new Set(codes);
  for (const [code, facts] of Object.entries(data.municipalities)) {
    if (!known.has(code)) problems.push({ municipality: code, fact: '', problem: 'unknownMunicipality' });
    else problems.push(...municipalityProblems(code, facts, today));
  }
  for (const code of codes) {
    if (!(code in data.municipalities))
      problems.push({ municipality: code, fact: '', problem: 'missingMunicipality' });
  }
  if (problems.length) return { file: undefined, problems };
  return { file: data as unknown as PlaceFactsFile, problems: [] };
}
