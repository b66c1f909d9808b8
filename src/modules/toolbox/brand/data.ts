/**
 * The brand platform's data (BrandData of ../model.ts) as this part keeps it: the bounds of every
 * field (the form says them in its hints and refuses beyond them), an empty platform, a reader
 * that makes whatever a stored version holds into a well-formed BrandData (a version written by an
 * older shape, or by hand, never breaks a page), and the fields as labelled plain text for the
 * history's diff. Pure.
 */
import type { Lang } from '../../../platform/i18n/index.ts';
import type { BrandData, Localised } from '../model.ts';

/** Each field's bounds: `chars` per text, `items` per list or repeated group. */
export const BRAND_LIMITS = {
  position: { chars: 120 },
  positionText: { chars: 1000 },
  fromTo: { items: 10, chars: 120 },
  properties: { items: 5, name: 60, words: 300, text: 1000 },
  bearers: { items: 5, name: 80, text: 1000 },
  voice: { chars: 2000 },
  wordsWeLike: { items: 40, chars: 60 },
  wordsToAvoid: { items: 20, chars: 80 },
  dos: { items: 12, text: 200, example: 400 },
  note: { chars: 300 },
} as const;

/** How many empty rows the form offers after the written ones of a repeated group. */
export const EMPTY_ROWS = 2;

export const emptyLocalised = (): Localised => ({ sv: '', en: '' });

export function emptyBrand(): BrandData {
  return {
    position: emptyLocalised(),
    positionText: emptyLocalised(),
    from: { sv: [], en: [] },
    to: { sv: [], en: [] },
    properties: [],
    bearers: [],
    voice: emptyLocalised(),
    wordsWeLike: { sv: [], en: [] },
    wordsToAvoid: [],
    dos: [],
    donts: [],
  };
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const obj = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function loc(value: unknown): Localised {
  const o = obj(value);
  return { sv: str(o.sv), en: str(o.en) };
}

function locList(value: unknown): Localised<string[]> {
  const o = obj(value);
  const list = (v: unknown) =>
    arr(v)
      .map(str)
      .filter((s) => s.trim() !== '');
  return { sv: list(o.sv), en: list(o.en) };
}

/** A stored version's data as BrandData: missing parts empty, anything malformed left out. */
export function readBrand(value: unknown): BrandData {
  const o = obj(value);
  const rows = <K extends string>(v: unknown, keys: readonly K[]) =>
    arr(v).map((row) => {
      const r = obj(row);
      return Object.fromEntries(keys.map((k) => [k, loc(r[k])])) as Record<K, Localised>;
    });
  return {
    position: loc(o.position),
    positionText: loc(o.positionText),
    from: locList(o.from),
    to: locList(o.to),
    properties: rows(o.properties, ['name', 'words', 'text'] as const),
    bearers: rows(o.bearers, ['name', 'text'] as const),
    voice: loc(o.voice),
    wordsWeLike: locList(o.wordsWeLike),
    wordsToAvoid: rows(o.wordsToAvoid, ['word', 'instead'] as const),
    dos: rows(o.dos, ['text', 'example'] as const),
    donts: rows(o.donts, ['text', 'example'] as const),
  };
}

/** Whether nothing is written in either language. */
export const isBlank = (value: Localised): boolean => !value.sv.trim() && !value.en.trim();

/** A text in `lang`, else in the other language (and which language it is in), else undefined. */
export function inLang(value: Localised, lang: Lang): { text: string; lang: Lang } | undefined {
  if (value[lang].trim()) return { text: value[lang], lang };
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  return value[other].trim() ? { text: value[other], lang: other } : undefined;
}

/** A list in `lang`, else in the other language. */
export function listInLang(value: Localised<string[]>, lang: Lang): { items: string[]; lang: Lang } {
  if (value[lang].length) return { items: value[lang], lang };
  const other: Lang = lang === 'sv' ? 'en' : 'sv';
  return { items: value[other], lang: value[other].length ? other : lang };
}

const lines = (...parts: string[]) => parts.filter((p) => p.trim() !== '').join('\n');

/** The words for the labels of the diff's fields. */
export interface FieldLabels {
  position: string;
  positionText: string;
  from: string;
  to: string;
  property: string;
  bearer: string;
  voice: string;
  wordsWeLike: string;
  wordsToAvoid: string;
  dos: string;
  donts: string;
  /** "svenska" / "engelska". */
  language: Record<Lang, string>;
}

/**
 * Every field of a platform as labelled plain text, both languages, in the form's order: what the
 * history's fieldsDiff compares (a repeated group row by row, "Egenskap 2 – svenska").
 */
export function brandFields(
  data: BrandData,
  labels: FieldLabels,
): { key: string; label: string; text: string }[] {
  const out: { key: string; label: string; text: string }[] = [];
  const both = (key: string, label: string, value: (lang: Lang) => string) => {
    for (const lang of ['sv', 'en'] as const)
      out.push({ key: `${key}_${lang}`, label: `${label} – ${labels.language[lang]}`, text: value(lang) });
  };
  both('position', labels.position, (l) => data.position[l]);
  both('positionText', labels.positionText, (l) => data.positionText[l]);
  both('from', labels.from, (l) => data.from[l].join('\n'));
  both('to', labels.to, (l) => data.to[l].join('\n'));
  data.properties.forEach((p, i) =>
    both(`properties${i}`, `${labels.property} ${i + 1}`, (l) => lines(p.name[l], p.words[l], p.text[l])),
  );
  data.bearers.forEach((b, i) =>
    both(`bearers${i}`, `${labels.bearer} ${i + 1}`, (l) => lines(b.name[l], b.text[l])),
  );
  both('voice', labels.voice, (l) => data.voice[l]);
  both('wordsWeLike', labels.wordsWeLike, (l) => data.wordsWeLike[l].join('\n'));
  both('wordsToAvoid', labels.wordsToAvoid, (l) =>
    data.wordsToAvoid.map((w) => `${w.word[l]} → ${w.instead[l]}`).join('\n'),
  );
  both('dos', labels.dos, (l) => data.dos.map((d) => `${d.text[l]}: ${d.example[l]}`).join('\n'));
  both('donts', labels.donts, (l) => data.donts.map((d) => `${d.text[l]}: ${d.example[l]}`).join('\n'));
  return out;
}

const PART_ORDER = [
  'position',
  'positionText',
  'from',
  'to',
  'properties',
  'bearers',
  'voice',
  'wordsWeLike',
  'wordsToAvoid',
  'dos',
  'donts',
];

/** A field key's place: its part, then its row, then its language. */
function rank(key: string): number {
  const m = /^([a-zA-Z]+?)(\d*)_(sv|en)$/.exec(key);
  if (!m) return Number.MAX_SAFE_INTEGER;
  return PART_ORDER.indexOf(m[1]!) * 10_000 + Number(m[2] || 0) * 10 + (m[3] === 'en' ? 1 : 0);
}

/**
 * The changes from `before` to `after` as fieldsDiff takes them: every field of either, a field
 * one of them lacks (a row added or removed) compared with the empty text.
 */
export function brandChanges(
  before: BrandData,
  after: BrandData,
  labels: FieldLabels,
): { key: string; label: string; before: string; after: string }[] {
  const a = brandFields(before, labels);
  const b = brandFields(after, labels);
  // In the form's order: by part, then row, then language (a row only one side has in its place).
  const keys = [...new Set([...a.map((f) => f.key), ...b.map((f) => f.key)])].sort(
    (x, y) => rank(x) - rank(y),
  );
  const byKey = (list: typeof a) => new Map(list.map((f) => [f.key, f]));
  const am = byKey(a);
  const bm = byKey(b);
  return keys.map((key) => ({
    key,
    label: (bm.get(key) ?? am.get(key))!.label,
    before: am.get(key)?.text ?? '',
    after: bm.get(key)?.text ?? '',
  }));
}
