/**
 * The brand platform's edit form on the server: its field names, the values a stored platform
 * shows in it, and the reader that makes a posted form into BrandData — every text bounded
 * (BRAND_LIMITS), lists one item a line, repeated groups as numbered rows (an empty row is left
 * out; a row with text but no name is refused by its name field). Pure.
 */
import {
  FormReader,
  line,
  multiline,
  one,
  type FieldErrors,
  type FormValues,
} from '../../../platform/html/form-values.ts';
import type { BrandData, Localised } from '../model.ts';
import { BRAND_LIMITS, EMPTY_ROWS, isBlank } from './data.ts';

export type BrandErrorKey =
  'error.tooLong' | 'error.tooMany' | 'error.itemTooLong' | 'error.rowName' | 'error.changed';
export type BrandErrors = FieldErrors<BrandErrorKey>;

/** A repeated group: its field prefix, its parts, which part names the row, its bounds. */
export interface Group {
  key: 'properties' | 'bearers' | 'wordsToAvoid' | 'dos' | 'donts';
  prefix: string;
  parts: readonly { name: string; max: number; lines: boolean }[];
  items: number;
}

const L = BRAND_LIMITS;
export const GROUPS: readonly Group[] = [
  {
    key: 'properties',
    prefix: 'prop',
    items: L.properties.items,
    parts: [
      { name: 'name', max: L.properties.name, lines: false },
      { name: 'words', max: L.properties.words, lines: false },
      { name: 'text', max: L.properties.text, lines: true },
    ],
  },
  {
    key: 'bearers',
    prefix: 'bearer',
    items: L.bearers.items,
    parts: [
      { name: 'name', max: L.bearers.name, lines: false },
      { name: 'text', max: L.bearers.text, lines: true },
    ],
  },
  {
    key: 'wordsToAvoid',
    prefix: 'avoid',
    items: L.wordsToAvoid.items,
    parts: [
      { name: 'word', max: L.wordsToAvoid.chars, lines: false },
      { name: 'instead', max: L.wordsToAvoid.chars, lines: false },
    ],
  },
  {
    key: 'dos',
    prefix: 'do',
    items: L.dos.items,
    parts: [
      { name: 'text', max: L.dos.text, lines: false },
      { name: 'example', max: L.dos.example, lines: true },
    ],
  },
  {
    key: 'donts',
    prefix: 'dont',
    items: L.dos.items,
    parts: [
      { name: 'text', max: L.dos.text, lines: false },
      { name: 'example', max: L.dos.example, lines: true },
    ],
  },
];

/** The one-text fields: name, bound, lines or not. */
export const SINGLES = [
  { key: 'position', max: L.position.chars, lines: false },
  { key: 'positionText', max: L.positionText.chars, lines: true },
  { key: 'voice', max: L.voice.chars, lines: true },
] as const;

/** The list fields (one item a line): name, most items, most characters an item. */
export const LISTS = [
  { key: 'from', items: L.fromTo.items, chars: L.fromTo.chars },
  { key: 'to', items: L.fromTo.items, chars: L.fromTo.chars },
  { key: 'wordsWeLike', items: L.wordsWeLike.items, chars: L.wordsWeLike.chars },
] as const;

const LANGS = ['sv', 'en'] as const;

/** A row's field prefix: `prop0_name` (its inputs `prop0_name_sv`, `prop0_name_en`). */
export const rowField = (group: Group, index: number, part: string) => `${group.prefix}${index}_${part}`;

/** Every field name the form may send (the route's body schema). */
export const FIELD_NAMES: string[] = [
  'base',
  'note',
  ...[...SINGLES, ...LISTS].flatMap((f) => LANGS.map((l) => `${f.key}_${l}`)),
  ...GROUPS.flatMap((g) =>
    Array.from({ length: g.items }, (_, i) =>
      g.parts.flatMap((p) => LANGS.map((l) => `${rowField(g, i, p.name)}_${l}`)),
    ).flat(),
  ),
];

type Row = Record<string, Localised>;
const rowsOf = (data: BrandData, group: Group) => data[group.key] as unknown as Row[];

/** The form's values for a stored platform (and the version it starts from). */
export function valuesOf(data: BrandData, base: number): FormValues {
  const values: FormValues = { base: String(base), note: '' };
  for (const f of SINGLES) for (const l of LANGS) values[`${f.key}_${l}`] = data[f.key][l];
  for (const f of LISTS) for (const l of LANGS) values[`${f.key}_${l}`] = data[f.key][l].join('\n');
  for (const g of GROUPS)
    rowsOf(data, g).forEach((row, i) => {
      for (const p of g.parts)
        for (const l of LANGS) values[`${rowField(g, i, p.name)}_${l}`] = row[p.name]?.[l] ?? '';
    });
  return values;
}

/** Whether a posted row has anything written. */
function rowWritten(values: FormValues, group: Group, index: number): boolean {
  return group.parts.some((p) =>
    LANGS.some((l) => one(values, `${rowField(group, index, p.name)}_${l}`).trim() !== ''),
  );
}

/** How many rows of a group the form shows: those written, then EMPTY_ROWS more, within its bound. */
export function rowsShown(values: FormValues, group: Group): number {
  let last = -1;
  for (let i = 0; i < group.items; i++) if (rowWritten(values, group, i)) last = i;
  return Math.min(group.items, last + 1 + EMPTY_ROWS);
}

export interface ReadForm {
  values: FormValues;
  /** The version the editor started from (0: none yet); undefined when the form did not say. */
  base: number | undefined;
  note: string;
  data: BrandData;
  errors: BrandErrors;
}

/** A version number as posted: a whole number from 0 up to what the database holds. */
export function versionOf(value: string): number | undefined {
  if (!/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 2_147_483_647 ? n : undefined;
}

/** Reads the posted form (strings only: the route's schema refused anything else). */
export function readBrandForm(body: Record<string, string | undefined>): ReadForm {
  const values: FormValues = {};
  for (const name of FIELD_NAMES) values[name] = body[name] ?? '';
  const reader = new FormReader<BrandErrorKey>(values, 'error.tooLong');
  const data = {} as BrandData;

  for (const f of SINGLES) data[f.key] = reader.localised(f.key, f.max, f.lines);

  for (const f of LISTS) {
    const list = { sv: [] as string[], en: [] as string[] };
    for (const l of LANGS) {
      const name = `${f.key}_${l}`;
      const items = multiline(one(values, name))
        .split('\n')
        .map(line)
        .filter((s) => s !== '');
      if (items.length > f.items) reader.fail(name, 'error.tooMany', { max: String(f.items) });
      else if (items.some((s) => s.length > f.chars))
        reader.fail(name, 'error.itemTooLong', { max: String(f.chars) });
      list[l] = items;
    }
    data[f.key] = list;
  }

  for (const g of GROUPS) {
    const rows: Row[] = [];
    for (let i = 0; i < g.items; i++) {
      const row: Row = {};
      for (const p of g.parts) row[p.name] = reader.localised(rowField(g, i, p.name), p.max, p.lines);
      const written = g.parts.some((p) => !isBlank(row[p.name]!));
      if (!written) continue;
      const first = g.parts[0]!.name;
      if (isBlank(row[first]!)) reader.fail(`${rowField(g, i, first)}_sv`, 'error.rowName');
      rows.push(row);
    }
    (data as unknown as Record<string, Row[]>)[g.key] = rows;
  }

  const note = reader.text('note', L.note.chars);
  const base = versionOf(one(values, 'base').trim());
  return { values, base, note, data, errors: reader.errors };
}

/**
 * The form field a change of brandChanges (data.ts) belongs to: `position_sv` is itself, a row
 * `properties2_en` its name field `prop2_name_en`, a whole group (`dos_sv`) its first row's.
 */
export function fieldOfChange(key: string): string | undefined {
  const m = /^([a-zA-Z]+?)(\d*)_(sv|en)$/.exec(key);
  if (!m) return undefined;
  const [, name, index, lang] = m as unknown as [string, string, string, string];
  const group = GROUPS.find((g) => g.key === name);
  if (group) return `${rowField(group, Number(index || 0), group.parts[0]!.name)}_${lang}`;
  return FIELD_NAMES.includes(key) ? key : undefined;
}
