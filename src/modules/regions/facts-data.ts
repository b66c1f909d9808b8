/**
 * The place facts shipped as a dated data file (data/place-facts.json): per municipality its
 * population, median house price, travel times, number of preschools and schools, and nature and
 * culture highlights, each figure with its source, the source's address and the date it holds for.
 * This file reads and checks such a file (the shipped one, or one an editor uploads): every
 * municipality present, numbers within sane bounds, dates real, sources https addresses.
 */
import { readFileSync } from 'node:fs';
import { isWebAddress } from '../../platform/html/links.ts';
import { shippedRegions } from './service.ts';

export type Localised = { sv: string; en: string };

/** A figure with where it comes from and the day it holds for (YYYY-MM-DD). */
export interface Fact<T> {
  value: T;
  source: string;
  sourceUrl: string;
  asOf: string;
  /** A rounded or estimated figure. */
  approx?: boolean;
}

export const TRAVEL_MODES = ['train', 'car', 'bus'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

/** The usual fastest journey to a place, by one means of transport. */
export interface TravelTime {
  to: Localised;
  minutes: number;
  mode: TravelMode;
  source: string;
  sourceUrl: string;
  asOf: string;
  approx?: boolean;
}

export interface PlaceFacts {
  population: Fact<number>;
  /** Villa (detached house), SEK. */
  medianHousePrice: Fact<number>;
  travel: TravelTime[];
  preschools: Fact<number>;
  /** Compulsory schools (grundskolor). */
  schools: Fact<number>;
  nature: Localised[];
  culture: Localised[];
}

export interface PlaceFactsFile {
  /** What the figures are (shown to editors; e.g. that they are demo figures to check). */
  note: string;
  /** The file's own date (YYYY-MM-DD). */
  version: string;
  /** By municipality code (SCB, e.g. '2080'). */
  municipalities: Record<string, PlaceFacts>;
}

/** Bounds of the numbers (a figure outside them is a typing error, not a fact). */
export const FACT_BOUNDS = {
  population: [100, 2_000_000],
  medianHousePrice: [50_000, 50_000_000],
  minutes: [1, 24 * 60],
  preschools: [0, 1_000],
  schools: [0, 1_000],
  travel: 12,
  highlights: 10,
  text: 200,
} as const;

export const PLACE_FACTS_FILE = new URL('./data/place-facts.json', import.meta.url);

export class PlaceFactsError extends Error {
  constructor(readonly problems: string[]) {
    super(`place facts: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ' …' : ''}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** A source's page: an https web address (the platform's one check of links). */
function isHttpsUrl(text: unknown): boolean {
  return isWebAddress(text, { httpsOnly: true });
}

const isText = (v: unknown): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= FACT_BOUNDS.text;

class Checker {
  readonly problems: string[] = [];
  constructor(private readonly today: string) {}

  add(where: string, what: string): void {
    this.problems.push(`${where}: ${what}`);
  }

  localised(where: string, value: unknown): void {
    if (!isObject(value)) return this.add(where, 'must be { sv, en }');
    for (const lang of ['sv', 'en'] as const) {
      if (!isText(value[lang]))
        this.add(`${where}.${lang}`, `must be text of 1–${FACT_BOUNDS.text} characters`);
    }
  }

  sourced(where: string, value: Record<string, unknown>): void {
    if (!isText(value.source)) this.add(`${where}.source`, 'must name the source');
    if (!isHttpsUrl(value.sourceUrl)) this.add(`${where}.sourceUrl`, 'must be an https address');
    if (!isIsoDate(value.asOf)) this.add(`${where}.asOf`, 'must be a date YYYY-MM-DD');
    else if (value.asOf > this.today) this.add(`${where}.asOf`, 'lies in the future');
    if (value.approx !== undefined && typeof value.approx !== 'boolean')
      this.add(`${where}.approx`, 'must be true or false');
  }

  count(where: string, value: unknown, [min, max]: readonly [number, number]): void {
    if (!isObject(value)) return this.add(where, 'is missing');
    const n = value.value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
      this.add(`${where}.value`, `must be a whole number from ${min} to ${max}`);
    }
    this.sourced(where, value);
  }

  travel(where: string, value: unknown): void {
    if (!Array.isArray(value) || value.length === 0 || value.length > FACT_BOUNDS.travel) {
      return this.add(where, `must list 1–${FACT_BOUNDS.travel} journeys`);
    }
    value.forEach((trip: unknown, i) => {
      const at = `${where}[${i}]`;
      if (!isObject(trip)) return this.add(at, 'must be a journey');
      this.localised(`${at}.to`, trip.to);
      const [min, max] = FACT_BOUNDS.minutes;
      const m = trip.minutes;
      if (typeof m !== 'number' || !Number.isInteger(m) || m < min || m > max) {
        this.add(`${at}.minutes`, `must be a whole number from ${min} to ${max}`);
      }
      if (!(TRAVEL_MODES as readonly unknown[]).includes(trip.mode)) {
        this.add(`${at}.mode`, `must be one of ${TRAVEL_MODES.join(', ')}`);
      }
      this.sourced(at, trip);
    });
  }

  highlights(where: string, value: unknown): void {
    if (!Array.isArray(value) || value.length === 0 || value.length > FACT_BOUNDS.highlights) {
      return this.add(where, `must list 1–${FACT_BOUNDS.highlights} highlights`);
    }
    value.forEach((h: unknown, i) => this.localised(`${where}[${i}]`, h));
  }

  place(code: string, value: unknown): void {
    if (!isObject(value)) return this.add(code, 'must be an object');
    this.count(`${code}.population`, value.population, FACT_BOUNDS.population);
    this.count(`${code}.medianHousePrice`, value.medianHousePrice, FACT_BOUNDS.medianHousePrice);
    this.count(`${code}.preschools`, value.preschools, FACT_BOUNDS.preschools);
    this.count(`${code}.schools`, value.schools, FACT_BOUNDS.schools);
    this.travel(`${code}.travel`, value.travel);
    this.highlights(`${code}.nature`, value.nature);
    this.highlights(`${code}.culture`, value.culture);
  }
}

/**
 * Checks a parsed facts file against the municipality codes it must cover. Returns the file when
 * it is sound, and every problem found (a path and what is wrong, in English for the log and the
 * editors' upload page).
 */
export function validatePlaceFacts(
  value: unknown,
  municipalityCodes: readonly string[],
  today: string = new Date().toISOString().slice(0, 10),
): { facts?: PlaceFactsFile; problems: string[] } {
  const check = new Checker(today);
  if (!isObject(value)) return { problems: ['the file must hold an object'] };
  if (typeof value.note !== 'string') check.add('note', 'must be text');
  if (!isIsoDate(value.version)) check.add('version', 'must be a date YYYY-MM-DD');
  const places = value.municipalities;
  if (!isObject(places)) {
    check.add('municipalities', 'must be an object by municipality code');
  } else {
    for (const code of municipalityCodes) {
      if (!(code in places)) check.add(code, 'is missing');
      else check.place(code, places[code]);
    }
    for (const code of Object.keys(places)) {
      if (!municipalityCodes.includes(code)) check.add(code, 'is not a municipality of the region');
    }
  }
  return check.problems.length
    ? { problems: check.problems }
    : { facts: value as unknown as PlaceFactsFile, problems: [] };
}

/** Parses and checks facts JSON text; throws PlaceFactsError listing every problem. */
export function parsePlaceFacts(
  text: string,
  municipalityCodes: readonly string[],
  today?: string,
): PlaceFactsFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PlaceFactsError(['the file is not JSON']);
  }
  const { facts, problems } = validatePlaceFacts(value, municipalityCodes, today);
  if (!facts) throw new PlaceFactsError(problems);
  return facts;
}

/** The municipality codes of the shipped default region. */
export function shippedMunicipalityCodes(): string[] {
  const region = shippedRegions().find((r) => r.isDefault) ?? shippedRegions()[0];
  return region ? region.municipalities.map((m) => m.code) : [];
}

/** The shipped facts file, checked against the default region's municipalities. */
export function loadPlaceFacts(today?: string): PlaceFactsFile {
  return parsePlaceFacts(readFileSync(PLACE_FACTS_FILE, 'utf8'), shippedMunicipalityCodes(), today);
}
