/**
 * The demo generator's literal tables, kept as data in data/demo/*.json and read once when this
 * module loads: occupations (with their weights, profiles and sectors), Dalarna's municipalities
 * (sizes and what each has more of), made-up employers, the demo companies that employ with their
 * organisationsnummer (companies.json: the companies module's demo pages, linked to their ads by
 * that number), the texts ads are written from, the enumerations the sample ads use and the shares
 * of remote, part-time and sector. demo.ts is the generator that combines them.
 *
 * A data file that names an unknown profile, sector, occupation or municipality, leaves a profile
 * without texts or employers, or gives a company a malformed number or more than all of an
 * occupation's ads somewhere, fails here at load rather than as odd ads later.
 */
import { readFileSync } from 'node:fs';
import type { TaxRef } from './jobtech.ts';

export const PROFILES = [
  'care',
  'social',
  'school',
  'industry',
  'tech',
  'it',
  'build',
  'transport',
  'nature',
  'tourism',
  'retail',
  'office',
  'service',
] as const;
export type Profile = (typeof PROFILES)[number];

/** Who employs people in an occupation (see shares.json: municipality, regional authority, private). */
export const SECTORS = ['municipal', 'regional', 'hospital', 'private', 'mixed'] as const;
export type Sector = (typeof SECTORS)[number];

export interface OccupationSpec {
  /** The occupation name's label in the taxonomy (in the 2025 export). */
  label: string;
  /** How it reads in a headline, if not the label. */
  title?: string;
  /** An English title: the occupation can appear in English ads. */
  en?: string;
  /** Relative frequency among the region's ads. */
  w: number;
  p: Profile;
  s: Sector;
}

export interface DemoMunicipalityData {
  /** SCB code, e.g. '2080'. */
  code: string;
  /** For people reading the file; the generator takes names from the region. */
  name: string;
  /** Approximate population in thousands, rounded: a weight only. */
  size: number;
  note?: string;
  /** What the municipality has more of than the average (a factor per profile). */
  profile?: Partial<Record<Profile, number>>;
}

export interface ProfileText {
  tasks: readonly string[];
  requirements: readonly string[];
  tasksEn: readonly string[];
  requirementsEn: readonly string[];
}

type Heading = 'task' | 'require' | 'offer' | 'apply';

export interface DemoTexts {
  profiles: Readonly<Record<Profile, ProfileText>>;
  sv: {
    headlines: readonly string[];
    intros: readonly string[];
    headings: Readonly<Record<Heading, readonly string[]>>;
    offers: readonly string[];
    apply: readonly string[];
    remote: readonly string[];
    licence: string;
    /** A template: {deadline} is the last day to apply. */
    deadline: string;
    salary: readonly string[];
    salaryWithCommission: string;
    access: string;
  };
  en: {
    headlines: readonly string[];
    intros: readonly string[];
    headings: Readonly<Record<Heading, string>>;
    licence: string;
    language: string;
    offers: readonly string[];
    remote: readonly string[];
    deadline: string;
    salary: readonly string[];
    access: string;
  };
}

interface Enumerations {
  employment: { regular: TaxRef; onCall: TaxRef };
  worktime: { full: TaxRef; part: TaxRef };
  salary: { fixed: TaxRef; mixed: TaxRef; variable: TaxRef };
  duration: { open: TaxRef; sixPlus: TaxRef; threeToSix: TaxRef; short: TaxRef };
  licenceB: TaxRef;
  swedish: TaxRef;
  english: TaxRef;
}

interface Shares {
  /** Shares of municipality, regional authority and private employers. */
  sector: Readonly<Record<Sector, [number, number, number]>>;
  /** Shares of ads that offer remote or hybrid work (about 3 % overall). */
  remote: Readonly<Record<Profile, number>>;
  partTime: Readonly<Partial<Record<Profile, number>>>;
}

function read<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./data/demo/${name}`, import.meta.url), 'utf8')) as T;
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`demo data: ${what}`);
}

const isProfile = (p: string): p is Profile => (PROFILES as readonly string[]).includes(p);

/**
 * Occupations common in Dalarna's ads, grouped by a heading for people reading the file: care and
 * schools first (the largest employers are the municipalities and Region Dalarna), then industry
 * (steel, mining, electrical power, wood), construction, transport, IT, retail and, around Sälen,
 * Mora and Siljan, tourism.
 */
export const OCCUPATIONS: readonly OccupationSpec[] = Object.values(
  read<Record<string, OccupationSpec[]>>('occupations.json'),
).flat();

const municipalities = read<DemoMunicipalityData[]>('municipalities.json');
/** Approximate populations (thousands, rounded) of Dalarna's municipalities: weights only. */
export const MUNICIPALITY_SIZE: Readonly<Record<string, number>> = Object.fromEntries(
  municipalities.map((m) => [m.code, m.size]),
);
/** What each municipality has more of than the average: steel, mining, power, tourism, IT. */
export const MUNICIPALITY_PROFILE: Readonly<Record<string, Partial<Record<Profile, number>>>> =
  Object.fromEntries(municipalities.filter((m) => m.profile).map((m) => [m.code, m.profile ?? {}]));

/** Made-up companies, by profile (any likeness to a real company's name is unintended). */
export const GENERIC_EMPLOYERS = read<Readonly<Record<Profile, readonly string[]>>>('employers.json');

/**
 * A demo company as an employer: for an ad of one of its occupations in one of its municipalities,
 * it is the employer with the municipality's share of those ads; `maxOpen` bounds one generated
 * corpus (iterateAds), so that a company keeps a realistic number of open ads at any scale.
 */
export interface LinkedEmployer {
  name: string;
  /** Organisationsnummer, ten digits: the company page's link to its ads. */
  orgnr: string;
  /** The company's (example.com) site. */
  url: string;
  /** Municipality code → the company's share of its occupations' ads there (0–1). */
  municipalities: Readonly<Record<string, number>>;
  /** Occupation labels of occupations.json. */
  occupations: readonly string[];
  maxOpen: number;
}

export const LINKED_EMPLOYERS = read<{ companies: LinkedEmployer[] }>('companies.json').companies;

export const TEXTS = read<DemoTexts>('texts.json');

/** Enumerations (from ad-enum-values-observed.csv). */
export const ENUMERATIONS = read<Enumerations>('enumerations.json');

export const SHARES = read<Shares>('shares.json');

for (const o of OCCUPATIONS)
  check(isProfile(o.p) && (SECTORS as readonly string[]).includes(o.s), `occupation "${o.label}"`);
for (const m of municipalities)
  check(Object.keys(m.profile ?? {}).every(isProfile), `municipality ${m.code}'s profile`);
for (const p of PROFILES) {
  const text = TEXTS.profiles[p];
  check(
    Boolean(GENERIC_EMPLOYERS[p]?.length && text?.tasks.length && text.requirements.length),
    `profile ${p} needs employers and texts`,
  );
  check(typeof SHARES.remote[p] === 'number', `profile ${p} needs a remote share`);
}
for (const s of SECTORS) check(SHARES.sector[s]?.length === 3, `sector ${s} needs three shares`);

/** The Luhn check digit of an organisationsnummer's first nine digits. */
function luhn(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return (10 - (sum % 10)) % 10;
}

{
  const labels = new Set(OCCUPATIONS.map((o) => o.label));
  const taken = new Map<string, number>();
  const numbers = new Set<string>();
  for (const c of LINKED_EMPLOYERS) {
    const what = `company ${c.name}`;
    check(
      /^[0-9]{2}[2-9][0-9]{7}$/.test(c.orgnr) && luhn(c.orgnr.slice(0, 9)) === Number(c.orgnr[9]),
      `${what}: orgnr`,
    );
    check(!numbers.has(c.orgnr), `${what}: orgnr used twice`);
    numbers.add(c.orgnr);
    check(/^https:\/\/[a-z0-9-]+\.example\.com$/.test(c.url), `${what}: url must be https://….example.com`);
    check(Number.isInteger(c.maxOpen) && c.maxOpen > 0, `${what}: maxOpen`);
    check(c.occupations.length > 0 && c.occupations.every((o) => labels.has(o)), `${what}: occupations`);
    for (const [code, share] of Object.entries(c.municipalities)) {
      check(code in MUNICIPALITY_SIZE && share > 0 && share <= 1, `${what}: municipality ${code}`);
      for (const o of c.occupations) taken.set(`${code}|${o}`, (taken.get(`${code}|${o}`) ?? 0) + share);
    }
  }
  for (const [key, share] of taken) check(share <= 1, `companies take more than all ads of ${key}`);
}
