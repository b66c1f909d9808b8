/**
 * Generated job ads, for the demo board and for benchmarks. They are made to look and behave like
 * JobTech's ads (see jobtech.ts): real taxonomy (occupation name → SSYK-4 group → field), the
 * region's municipalities weighted by size, employers from the sample ads mixed with municipal and
 * generic ones, Swedish descriptions recombined from sentences of the real sample ads (anything
 * that looks like a name, number, address or another employer is left out), about 5 % English ads
 * written from our own templates, and the enumerations the sample ads use.
 *
 * Everything is a pure function of the seed (mulberry32), so a seed always gives the same ads.
 * Every ad carries `lotsa_generated: true`, an id that cannot be a JobTech id (`bench-…`,
 * `demo-…`), `webpage_url: null`, `application_contacts: []` and example.com addresses.
 */
import { readFileSync } from 'node:fs';
import type { Region } from '../../platform/region.ts';
import type { JobAd, TaxRef } from './jobtech.ts';
import { loadMap } from './map.ts';
import { readDataCsv, shippedConcepts } from './taxonomy.ts';

export interface DemoMunicipality {
  /** SCB code, e.g. '2080'. */
  code: string;
  conceptId: string;
  /** Short name, e.g. 'Falun'. */
  name: string;
  /** Official name of the municipality as an employer ('Falu kommun'); without it none is used. */
  officialName?: string;
  /** [longitude, latitude] for the ads' coordinates. */
  center?: [number, number] | null;
}

export interface DemoRegion {
  conceptId: string;
  /** SCB county code, e.g. '20'. */
  code: string;
  /** Taxonomy label, e.g. 'Dalarnas län'. */
  name: string;
  /** The regional authority as an employer of health care ('Region Dalarna'), if any. */
  authority?: string;
}

export interface GenerateOptions {
  count: number;
  seed: number;
  now: Date;
  municipalities: readonly DemoMunicipality[];
  region: DemoRegion;
  /** Id prefix: ids are `<prefix>-<n>` (default 'demo'). */
  idPrefix?: string;
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes integers into one well-spread 32-bit seed (murmur3's finaliser per part). */
function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

type Rng = () => number;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** Weighted choice in O(log n) over a cumulative table built once. */
class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(
    readonly items: readonly T[],
    weight: (item: T) => number,
  ) {
    let sum = 0;
    for (const item of items) {
      sum += Math.max(0, weight(item));
      this.cumulative.push(sum);
    }
    this.total = sum;
  }
  pick(rng: Rng): T {
    const x = rng() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

// ---------------------------------------------------------------------------------------------
// Time: JobTech's date-times are naive Europe/Stockholm local time

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Epoch ms of the last Sunday of a month at 01:00 UTC (when EU summer time starts or ends). */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * DAY;
}

const offsets = new Map<number, [number, number]>();
/** Stockholm's offset from UTC at an instant: CET (+1 h), or CEST (+2 h) in summer. */
function stockholmOffset(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  let range = offsets.get(year);
  if (!range) {
    range = [lastSundayAt1Utc(year, 2), lastSundayAt1Utc(year, 9)];
    offsets.set(year, range);
  }
  return utcMs >= range[0] && utcMs < range[1] ? 2 * HOUR : HOUR;
}

/** The local calendar day of an instant, as days since 1970-01-01. */
export function stockholmDay(utcMs: number): number {
  return Math.floor((utcMs + stockholmOffset(utcMs)) / DAY);
}

/** The instant of a local time (not in the small hours, so never ambiguous). */
function fromLocal(day: number, secondOfDay: number): number {
  const local = day * DAY + secondOfDay * 1000;
  return local - stockholmOffset(local - 2 * HOUR);
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** `YYYY-MM-DDTHH:MM:SS` in Stockholm local time. */
function localDateTime(utcMs: number): string {
  const d = new Date(utcMs + stockholmOffset(utcMs));
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

// ---------------------------------------------------------------------------------------------
// Occupations

type Profile =
  | 'care'
  | 'social'
  | 'school'
  | 'industry'
  | 'tech'
  | 'it'
  | 'build'
  | 'transport'
  | 'nature'
  | 'tourism'
  | 'retail'
  | 'office'
  | 'service';

/** Who employs people in an occupation: shares of municipality, regional authority, private. */
type Sector = 'municipal' | 'regional' | 'hospital' | 'private' | 'mixed';
const SECTOR_SHARES: Record<Sector, [number, number, number]> = {
  municipal: [0.85, 0, 0.15],
  regional: [0.05, 0.8, 0.15],
  hospital: [0, 0.85, 0.15],
  mixed: [0.55, 0.05, 0.4],
  private: [0.04, 0, 0.96],
};

interface OccupationSpec {
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

/**
 * Occupations common in Dalarna's ads: care and schools first (the largest employers are the
 * municipalities and Region Dalarna), then industry (steel, mining, electrical power, wood),
 * construction, transport, IT, retail and, around Sälen, Mora and Siljan, tourism.
 */
const OCCUPATIONS: readonly OccupationSpec[] = [
  // Health and care
  {
    label: 'Undersköterska, hemtjänst, äldreboende och habilitering',
    title: 'Undersköterska',
    en: 'Assistant nurse',
    w: 30,
    p: 'care',
    s: 'mixed',
  },
  {
    label: 'Undersköterska, vård- och specialavdelning och mottagning',
    title: 'Undersköterska',
    w: 12,
    p: 'care',
    s: 'hospital',
  },
  {
    label: 'Sjuksköterska, grundutbildad',
    title: 'Sjuksköterska',
    en: 'Registered nurse',
    w: 18,
    p: 'care',
    s: 'regional',
  },
  { label: 'Distriktssköterska', w: 4, p: 'care', s: 'regional' },
  {
    label: 'Specialistläkare, allmänmedicin',
    title: 'Specialistläkare i allmänmedicin',
    en: 'General practitioner',
    w: 3,
    p: 'care',
    s: 'regional',
  },
  { label: 'Läkare', en: 'Physician', w: 3, p: 'care', s: 'hospital' },
  { label: 'Barnmorska', w: 1, p: 'care', s: 'hospital' },
  { label: 'Skötare (inom psykiatrisk vård)', title: 'Skötare', w: 2, p: 'care', s: 'hospital' },
  { label: 'Vårdbiträde', w: 7, p: 'care', s: 'mixed' },
  { label: 'Personlig assistent', en: 'Personal assistant', w: 16, p: 'care', s: 'mixed' },
  { label: 'Boendestödjare', w: 4, p: 'social', s: 'municipal' },
  { label: 'Stödassistent', w: 5, p: 'social', s: 'municipal' },
  { label: 'Tandsköterska', w: 3, p: 'care', s: 'regional' },
  { label: 'Fysioterapeut', en: 'Physiotherapist', w: 2, p: 'care', s: 'regional' },
  { label: 'Arbetsterapeut', w: 2, p: 'care', s: 'mixed' },
  { label: 'Psykolog', en: 'Psychologist', w: 1, p: 'care', s: 'regional' },
  { label: 'Medicinsk sekreterare', w: 2, p: 'office', s: 'hospital' },
  { label: 'Enhetschef, hemtjänst', title: 'Enhetschef inom hemtjänsten', w: 2, p: 'social', s: 'municipal' },
  { label: 'Socialsekreterare', w: 5, p: 'social', s: 'municipal' },
  {
    label: 'Biståndsbedömare/Biståndshandläggare',
    title: 'Biståndshandläggare',
    w: 3,
    p: 'social',
    s: 'municipal',
  },
  { label: 'Kurator', w: 1, p: 'social', s: 'municipal' },
  // Schools
  { label: 'Förskollärare', en: 'Preschool teacher', w: 12, p: 'school', s: 'municipal' },
  { label: 'Barnskötare', w: 9, p: 'school', s: 'municipal' },
  { label: 'Grundlärare, 4-6', title: 'Grundlärare åk 4–6', w: 5, p: 'school', s: 'municipal' },
  {
    label: 'Grundlärare, förskoleklass och 1-3',
    title: 'Grundlärare F–3',
    w: 5,
    p: 'school',
    s: 'municipal',
  },
  { label: 'Ämneslärare, 7-9', title: 'Ämneslärare åk 7–9', w: 5, p: 'school', s: 'municipal' },
  { label: 'Ämneslärare, gymnasieskolan', title: 'Gymnasielärare', w: 4, p: 'school', s: 'municipal' },
  { label: 'Speciallärare', w: 3, p: 'school', s: 'municipal' },
  { label: 'Specialpedagog', w: 2, p: 'school', s: 'municipal' },
  { label: 'Elevassistent', w: 5, p: 'school', s: 'municipal' },
  { label: 'Fritidspedagog', w: 2, p: 'school', s: 'municipal' },
  { label: 'Yrkeslärare', w: 1, p: 'school', s: 'municipal' },
  { label: 'Rektor', w: 1, p: 'school', s: 'municipal' },
  { label: 'Förskolerektor', w: 1, p: 'school', s: 'municipal' },
  // Industry: steel, mining, electrical power, wood
  {
    label: 'Processoperatör smältverk',
    en: 'Melt shop operator',
    w: 3,
    p: 'industry',
    s: 'private',
  },
  { label: 'Valsverksoperatör', w: 3, p: 'industry', s: 'private' },
  { label: 'Processoperatör malmanrikning', w: 2, p: 'industry', s: 'private' },
  { label: 'Bergarbetare, gruva', title: 'Bergarbetare', w: 2, p: 'industry', s: 'private' },
  { label: 'Svetsare', en: 'Welder', w: 6, p: 'industry', s: 'private' },
  { label: 'CNC-operatör', en: 'CNC operator', w: 6, p: 'industry', s: 'private' },
  { label: 'Maskinoperatör mekanisk verkstad', title: 'Maskinoperatör', w: 5, p: 'industry', s: 'private' },
  { label: 'Industrielektriker', en: 'Industrial electrician', w: 5, p: 'industry', s: 'private' },
  { label: 'Automationselektriker', w: 3, p: 'industry', s: 'private' },
  { label: 'Underhållsmekaniker', en: 'Maintenance mechanic', w: 4, p: 'industry', s: 'private' },
  { label: 'Elmontör', w: 3, p: 'industry', s: 'private' },
  { label: 'Montör metallprodukter', title: 'Montör', w: 4, p: 'industry', s: 'private' },
  { label: 'Maskinmontör industrimaskiner', title: 'Maskinmontör', w: 2, p: 'industry', s: 'private' },
  { label: 'Sågverksoperatör', w: 3, p: 'industry', s: 'private' },
  { label: 'Maskinoperatör träindustri', w: 2, p: 'industry', s: 'private' },
  { label: 'Lackerare', w: 1, p: 'industry', s: 'private' },
  {
    label: 'Civilingenjör, elkraft',
    title: 'Civilingenjör inom elkraft',
    en: 'Electrical power engineer',
    w: 3,
    p: 'tech',
    s: 'private',
  },
  { label: 'Elingenjör', en: 'Electrical engineer', w: 2, p: 'tech', s: 'private' },
  {
    label: 'Konstruktör, tillverkningsindustri',
    title: 'Konstruktör',
    en: 'Design engineer',
    w: 3,
    p: 'tech',
    s: 'private',
  },
  {
    label: 'Produktionsberedare inom industriell tillverkning',
    title: 'Produktionsberedare',
    w: 2,
    p: 'tech',
    s: 'private',
  },
  // IT
  {
    label: 'Mjukvaruutvecklare',
    title: 'Systemutvecklare',
    en: 'Software developer',
    w: 5,
    p: 'it',
    s: 'private',
  },
  {
    label: 'Fullstack-utvecklare',
    title: 'Fullstackutvecklare',
    en: 'Full-stack developer',
    w: 3,
    p: 'it',
    s: 'private',
  },
  { label: 'Backend-utvecklare', en: 'Backend developer', w: 2, p: 'it', s: 'private' },
  {
    label: 'Supporttekniker IT',
    title: 'IT-supporttekniker',
    en: 'IT support technician',
    w: 4,
    p: 'it',
    s: 'mixed',
  },
  { label: 'IT-tekniker', en: 'IT technician', w: 3, p: 'it', s: 'mixed' },
  { label: 'Systemförvaltare', w: 2, p: 'it', s: 'mixed' },
  { label: 'IT-säkerhetsanalytiker', en: 'IT security analyst', w: 1, p: 'it', s: 'private' },
  { label: 'Data scientist', en: 'Data scientist', w: 1, p: 'it', s: 'private' },
  { label: 'Testledare/QA lead', title: 'Testledare', en: 'QA lead', w: 1, p: 'it', s: 'private' },
  // Construction
  { label: 'Träarbetare/Snickare', title: 'Snickare', en: 'Carpenter', w: 8, p: 'build', s: 'private' },
  {
    label: 'Installationselektriker',
    title: 'Elektriker',
    en: 'Electrician',
    w: 6,
    p: 'build',
    s: 'private',
  },
  { label: 'VVS-montör', w: 4, p: 'build', s: 'private' },
  { label: 'Målare', w: 2, p: 'build', s: 'private' },
  { label: 'Betongarbetare', w: 2, p: 'build', s: 'private' },
  { label: 'Väg- och anläggningsarbetare', title: 'Anläggningsarbetare', w: 3, p: 'build', s: 'private' },
  { label: 'Grävmaskinförare', w: 3, p: 'build', s: 'private' },
  { label: 'Byggledare', w: 2, p: 'build', s: 'private' },
  { label: 'Platschef, bygg', title: 'Platschef', w: 1, p: 'build', s: 'private' },
  {
    label: 'Projektledare, bygg och anläggning',
    title: 'Projektledare bygg',
    en: 'Construction project manager',
    w: 2,
    p: 'build',
    s: 'private',
  },
  { label: 'Plattsättare', w: 1, p: 'build', s: 'private' },
  { label: 'Byggnadsplåtslagare', title: 'Plåtslagare', w: 1, p: 'build', s: 'private' },
  { label: 'Fastighetsskötare', w: 4, p: 'service', s: 'mixed' },
  // Transport and forestry
  {
    label: 'Distributionsförare',
    title: 'Lastbilschaufför',
    en: 'Truck driver',
    w: 5,
    p: 'transport',
    s: 'private',
  },
  { label: 'Bussförare', w: 4, p: 'transport', s: 'private' },
  {
    label: 'Lagerarbetare/Terminalarbetare',
    title: 'Lagerarbetare',
    en: 'Warehouse worker',
    w: 6,
    p: 'transport',
    s: 'private',
  },
  { label: 'Truckförare', w: 3, p: 'transport', s: 'private' },
  { label: 'Lokförare', w: 1, p: 'transport', s: 'private' },
  { label: 'Transportledare', w: 1, p: 'transport', s: 'private' },
  { label: 'Taxiförare', w: 1, p: 'transport', s: 'private' },
  { label: 'Lastbilsmekaniker', w: 2, p: 'industry', s: 'private' },
  {
    label: 'Personbilsmekaniker',
    title: 'Bilmekaniker',
    en: 'Car mechanic',
    w: 2,
    p: 'industry',
    s: 'private',
  },
  { label: 'Skogsmaskinförare', w: 3, p: 'nature', s: 'private' },
  { label: 'Arbetsledare skogsvård', w: 1, p: 'nature', s: 'private' },
  // Hotels, restaurants, tourism
  { label: 'Kock à la carte', title: 'Kock', en: 'Chef', w: 5, p: 'tourism', s: 'private' },
  { label: 'Kock storhushåll', title: 'Kock', w: 3, p: 'tourism', s: 'municipal' },
  { label: 'Köksbiträde', en: 'Kitchen assistant', w: 4, p: 'tourism', s: 'private' },
  {
    label: 'Servitör/Servitris',
    title: 'Servitör',
    en: 'Waiter or waitress',
    w: 5,
    p: 'tourism',
    s: 'private',
  },
  { label: 'Bartender', en: 'Bartender', w: 2, p: 'tourism', s: 'private' },
  {
    label: 'Hotellreceptionist',
    title: 'Receptionist',
    en: 'Hotel receptionist',
    w: 3,
    p: 'tourism',
    s: 'private',
  },
  { label: 'Campingvärd/Stugvärd', title: 'Stugvärd', en: 'Cabin host', w: 2, p: 'tourism', s: 'private' },
  {
    label: 'Skidinstruktör/Skidlärare',
    title: 'Skidlärare',
    en: 'Ski instructor',
    w: 3,
    p: 'tourism',
    s: 'private',
  },
  { label: 'Lifttekniker', en: 'Ski lift technician', w: 2, p: 'tourism', s: 'private' },
  { label: 'Stuguthyrare', w: 1, p: 'tourism', s: 'private' },
  { label: 'Naturguide', en: 'Nature guide', w: 1, p: 'tourism', s: 'private' },
  { label: 'Restaurangchef', en: 'Restaurant manager', w: 1, p: 'tourism', s: 'private' },
  { label: 'Barista', en: 'Barista', w: 1, p: 'tourism', s: 'private' },
  { label: 'Städare', en: 'Cleaner', w: 6, p: 'service', s: 'private' },
  // Retail and sales
  {
    label: 'Butikssäljare, dagligvaror/Medarbetare, dagligvaror',
    title: 'Butiksmedarbetare',
    w: 6,
    p: 'retail',
    s: 'private',
  },
  { label: 'Butikssäljare, fackhandel', title: 'Butikssäljare', w: 4, p: 'retail', s: 'private' },
  { label: 'Butikschef', w: 1, p: 'retail', s: 'private' },
  { label: 'Kundtjänstmedarbetare', en: 'Customer service agent', w: 3, p: 'office', s: 'private' },
  { label: 'Utesäljare', title: 'Säljare', w: 2, p: 'retail', s: 'private' },
  { label: 'Innesäljare', w: 2, p: 'retail', s: 'private' },
  // Offices
  { label: 'Ekonomiassistent', w: 3, p: 'office', s: 'mixed' },
  { label: 'Redovisningsekonom', en: 'Accountant', w: 2, p: 'office', s: 'mixed' },
  { label: 'Löneadministratör/Lönekonsult', title: 'Löneadministratör', w: 2, p: 'office', s: 'mixed' },
  { label: 'Administratör', w: 3, p: 'office', s: 'mixed' },
  {
    label: 'HR-specialist/HR-advisor',
    title: 'HR-specialist',
    en: 'HR specialist',
    w: 1,
    p: 'office',
    s: 'mixed',
  },
  { label: 'Controller', en: 'Controller', w: 1, p: 'office', s: 'mixed' },
  // Safety
  { label: 'Väktare', w: 1, p: 'service', s: 'private' },
  { label: 'Brandman', w: 1, p: 'service', s: 'municipal' },
];

/** Approximate populations (thousands, rounded) of Dalarna's municipalities: weights only. */
const MUNICIPALITY_SIZE: Readonly<Record<string, number>> = {
  '2080': 60, // Falun
  '2081': 52, // Borlänge
  '2085': 26, // Ludvika
  '2084': 23, // Avesta
  '2062': 20, // Mora
  '2029': 16, // Leksand
  '2083': 15, // Hedemora
  '2082': 11, // Säter
  '2031': 11, // Rättvik
  '2061': 11, // Smedjebacken
  '2026': 10, // Gagnef
  '2023': 14, // Malung-Sälen (10 000 inhabitants, many more jobs in the ski season)
  '2039': 7, // Älvdalen
  '2034': 7, // Orsa
  '2021': 7, // Vansbro
};
const DEFAULT_SIZE = 10;

/** What each municipality has more of than the average: steel, mining, power, tourism, IT. */
const MUNICIPALITY_PROFILE: Readonly<Record<string, Partial<Record<Profile, number>>>> = {
  '2080': { it: 1.6, office: 1.5, care: 1.2, tech: 1.2 },
  '2081': { industry: 2, it: 1.8, transport: 1.6, tech: 1.5, office: 1.2 },
  '2085': { industry: 2.2, tech: 3 },
  '2084': { industry: 2.5, tech: 1.5 },
  '2061': { industry: 2 },
  '2083': { industry: 1.6 },
  '2062': { tourism: 2, industry: 1.3 },
  '2023': { tourism: 6, nature: 2 },
  '2031': { tourism: 2.5 },
  '2029': { tourism: 2 },
  '2034': { tourism: 2, nature: 2 },
  '2039': { tourism: 2.5, nature: 3 },
  '2021': { nature: 2.5, industry: 1.3 },
};

// ---------------------------------------------------------------------------------------------
// Employers

/** Made-up companies, by profile (any likeness to a real company's name is unintended). */
const GENERIC_EMPLOYERS: Readonly<Record<Profile, readonly string[]>> = {
  care: [
    'Omsorgsbolaget Mitt AB',
    'Vårdkraft Assistans AB',
    'Trygga Händer Omsorg AB',
    'Assistansgruppen Norr AB',
  ],
  social: ['Stödcentrum Omsorg AB', 'Vägval Stöd och Boende AB'],
  school: ['Friskolan Kunskapsgården AB', 'Förskolan Tallkotten AB', 'Lärande i Mitt AB'],
  industry: [
    'Nordisk Stålteknik AB',
    'Bergslagens Mekaniska Verkstad AB',
    'Mellansvensk Industriservice AB',
    'Skogsfors Trä AB',
    'Kraftnät Komponenter AB',
    'Smältverket Norr AB',
    'Verkstadsgruppen Mitt AB',
    'Fordonsservice Mitt AB',
  ],
  tech: [
    'Kraftnät Komponenter AB',
    'Nordisk Stålteknik AB',
    'Ingenjörsgruppen Mitt AB',
    'Konstruktionsbyrån Norr AB',
  ],
  it: ['Datastugan Konsult AB', 'Molnbyrån Sverige AB', 'Kodverket Norr AB', 'Systemhuset Mitt AB'],
  build: [
    'Byggpartner Mitt AB',
    'Mark & Väg Entreprenad AB',
    'Elkraft Installation AB',
    'Rörmästarna i Mitt AB',
    'Snickeriet Norr AB',
    'Måleri & Fasad Mitt AB',
  ],
  transport: [
    'Mellansvenska Åkeriet AB',
    'Lagerlogistik Nord AB',
    'Länstrafik Drift AB',
    'Terminalbolaget Mitt AB',
  ],
  nature: ['Skogsentreprenad Mitt AB', 'Fjällskog AB'],
  tourism: [
    'Fjällhotellet AB',
    'Sjöstugans Restaurang AB',
    'Skidbacken Drift AB',
    'Stugbyn vid Sjön AB',
    'Fjällrestaurangen AB',
    'Konferensgården Mitt AB',
  ],
  retail: [
    'Lanthandeln i Byn AB',
    'Sportbutiken Fjäll & Skog AB',
    'Dagligvarubutiken Mitt AB',
    'Byggvaruhuset Norr AB',
  ],
  office: [
    'Redovisningsbyrån Mitt AB',
    'Kontorsservice Norr AB',
    'Kundcenter Sverige AB',
    'Lönebyrån Mitt AB',
  ],
  service: ['Städservice Mitt AB', 'Fastighetsservice Norr AB', 'Trygghetsbolaget AB', 'Lokalvården Mitt AB'],
};

const PUBLIC_OR_PLACE_BOUND =
  /kommun|region|församling|universitet|högskola|länsförsäkringar|tillväxt|stift/i;

// ---------------------------------------------------------------------------------------------
// Text: sentences recombined from the sample ads, and our own templates

type Section = 'about' | 'task' | 'require' | 'offer' | 'apply';

interface Corpus {
  /** Section → occupation field id → sentences. */
  sentences: Record<Section, Map<string, string[]>>;
  /** Section → every field's sentences together. */
  all: Record<Section, string[]>;
}

const SECTION_KEYWORDS: ReadonlyArray<[Section, RegExp]> = [
  [
    'apply',
    /ansökan|ansök|urval|intervju|tillsätt|rekryteringsprocess|registerutdrag|belastningsregist|undanber/,
  ],
  ['offer', /erbjud|förmån|friskvård|kollektivavtal|semester|pension|gemenskap|utvecklingsmöjlighet|trivs/],
  [
    'require',
    /erfarenhet|utbildning|krav|merit|körkort|kunskap|förmåga|egenskap|legitimation|examen|du är|du har/,
  ],
  ['task', /arbetsuppgift|ansvar|du kommer att|i rollen|arbetet innebär|uppdrag|i tjänsten|arbeta med/],
];

const HEADING_KEYWORDS: ReadonlyArray<[Section, RegExp]> = [
  ['apply', /ansök|ansökan|rekryteringsprocess/],
  ['offer', /erbjud|förmån|villkor/],
  ['require', /kvalifikation|söker|profil|om dig|kompetens|krav|du som|meriterande/],
  ['task', /arbetsuppgift|om tjänsten|om rollen|ansvar|uppdrag|arbetet/],
  ['about', /om oss|om företaget|verksamhet/],
];

/** Capitalised words a reused sentence may start with although the ads never write them in lower case. */
const ALLOWED_FIRST = new Set(['Du', 'Dig', 'Din', 'Dina', 'Ditt', 'Vi', 'CV']);
/** Capitalised words allowed inside a sentence: abbreviations only. */
const ALLOWED_INSIDE = new Set(['CV', 'B', 'IT', 'HR', 'LSS', 'SoL']);
const SWEDISH_MARKERS = /(^|\s)(och|att|du|vi|som|för|med|är|har|på|av|till)(\s|$)/;
/** A longer word must occur in the ads of this many different employers to be reused. */
const MIN_RARE_LENGTH = 7;
const MIN_EMPLOYERS_PER_WORD = 3;
/** Words that name an occupation: a sentence with one belongs to that occupation's ads only. */
const OCCUPATION_WORD =
  /(sköterska|sköterskor|säljare|lärare|läkare|pedagog|pedagoger|ingenjör|ingenjörer|tekniker|förare|montör|operatör|snickare|elektriker|kock|kockar|handläggare|sekreterare|konsult|konsulter|utvecklare|ekonom|jurist|mäklare|assistent|assistenter|biträde|nanny|barnvakt|rektor|chefer)$/;
/** Terms the generator sets itself (employment, pay, remote work), and dead references to links. */
const NEVER =
  /[\d@/\\|<>#_€$%]|https?:|www\.|\.(se|com|nu)\b|kontaktperson|kontaktuppgift|tillsvidare|heltid|deltid|vikariat|anställningsform|provanställ|behovsanställ|timanställ|provision|bonus|distans|hybrid|remote|hemifrån|\s[.!?]|\.\.|[:;,]\.?$|\s(se|här|nedan|följande|annonsen)[.!?]?$|^läs mer|frågor om|via (e-)?mail|e-post|mejl|famil/i;
/** Sentences about one trade that do not belong in every field's offer or application text. */
const TRADE_SPECIFIC =
  /sälj|försälj|patient|elev|barn|vård|kund|solcell|batteri|familj|akadem|student|tävla|priser/i;

function classify(text: string, rules: ReadonlyArray<[Section, RegExp]>): Section | null {
  const lower = text.toLowerCase();
  for (const [section, re] of rules) if (re.test(lower)) return section;
  return null;
}

/**
 * The sentences of the sample ads that are safe to reuse in other ads: Swedish, 25–260 characters,
 * no digits (dates, phone numbers, sums), no links or addresses, no capitalised word inside (names
 * of people, places and employers), no occupation named, no word that only one or two employers
 * use (products, schools, clinics), and nothing about the terms the generator sets itself.
 */
function buildCorpus(ads: readonly JobAd[]): Corpus {
  const texts = ads.map((ad) => ad.description?.text ?? '');
  const wordsOf = (text: string) => text.match(/[\p{L}-]+/gu) ?? [];
  const lowercaseWords = new Set<string>();
  const employersUsing = new Map<string, Set<string>>();
  ads.forEach((ad, i) => {
    const employer = ad.employer?.name ?? String(i);
    for (const word of wordsOf(texts[i] as string)) {
      if (word === word.toLowerCase()) lowercaseWords.add(word);
      const lower = word.toLowerCase();
      const set = employersUsing.get(lower) ?? new Set<string>();
      set.add(employer);
      employersUsing.set(lower, set);
    }
  });

  const usable = (s: string): boolean => {
    if (s.length < 25 || s.length > 260 || NEVER.test(s)) return false;
    if (!SWEDISH_MARKERS.test(s.toLowerCase())) return false;
    const [first, ...rest] = wordsOf(s);
    if (!first || first[0] === first[0]?.toLowerCase()) return false;
    if (!ALLOWED_FIRST.has(first) && !lowercaseWords.has(first.toLowerCase())) return false;
    for (const word of [first, ...rest]) {
      const lower = word.toLowerCase();
      if (word !== first && word !== lower && !ALLOWED_INSIDE.has(word)) return false;
      if (OCCUPATION_WORD.test(lower)) return false;
      if (lower.length >= MIN_RARE_LENGTH && (employersUsing.get(lower)?.size ?? 0) < MIN_EMPLOYERS_PER_WORD)
        return false;
    }
    return true;
  };

  const sections: Section[] = ['about', 'task', 'require', 'offer', 'apply'];
  const sentences = Object.fromEntries(
    sections.map((s) => [s, new Map<string, string[]>()]),
  ) as Corpus['sentences'];
  const seen = new Set<string>();
  ads.forEach((ad, index) => {
    const field = ad.occupation_field?.concept_id ?? '';
    let context: Section | null = null;
    for (const raw of (texts[index] as string).split(/\r?\n/)) {
      const line = raw.trim();
      if (!line) continue;
      const bullet = /^[-*•–]\s*/.test(line);
      if (!bullet && line.length < 50 && !/[.!?]$/.test(line)) {
        context = classify(line, HEADING_KEYWORDS);
        continue;
      }
      const body = line.replace(/^[-*•–]\s*/, '');
      const parts = bullet ? [body] : body.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ])/);
      for (let sentence of parts) {
        sentence = sentence.trim().replace(/\s+/g, ' ');
        if (bullet) sentence = `${sentence[0]?.toUpperCase() ?? ''}${sentence.slice(1)}`;
        if (!usable(sentence)) continue;
        if (!/[.!?]$/.test(sentence)) sentence += '.';
        if (seen.has(sentence)) continue;
        seen.add(sentence);
        const section =
          classify(sentence, SECTION_KEYWORDS.slice(0, 1)) ??
          context ??
          classify(sentence, SECTION_KEYWORDS) ??
          'about';
        const list = sentences[section].get(field) ?? [];
        list.push(sentence);
        sentences[section].set(field, list);
      }
    }
  });
  const all = Object.fromEntries(
    sections.map((s) => [s, [...sentences[s].values()].flat().filter((x) => !TRADE_SPECIFIC.test(x))]),
  ) as Corpus['all'];
  return { sentences, all };
}

interface ProfileText {
  tasks: readonly string[];
  requirements: readonly string[];
  tasksEn: readonly string[];
  requirementsEn: readonly string[];
}

const PROFILE_TEXT: Readonly<Record<Profile, ProfileText>> = {
  care: {
    tasks: [
      'Du arbetar nära patienter och brukare och ger omvårdnad utifrån var och ens behov.',
      'I arbetet ingår dokumentation, samverkan med andra yrkesgrupper och kontakt med anhöriga.',
      'Du bidrar till en trygg och värdig vardag för dem vi är till för.',
      'Arbetet sker dag, kväll och helg enligt schema.',
    ],
    requirements: [
      'Du har relevant utbildning för yrket och gärna erfarenhet från vård och omsorg.',
      'Du är lyhörd, stabil och har lätt för att samarbeta.',
      'Du uttrycker dig väl på svenska i tal och skrift, eftersom dokumentation ingår i arbetet.',
    ],
    tasksEn: [
      'You care for patients and residents according to their individual needs.',
      'The work includes documentation and close cooperation with other professions.',
      'You help create a safe and dignified everyday life for the people we serve.',
    ],
    requirementsEn: [
      'You have the training the profession requires, and experience from health or social care is a plus.',
      'You are attentive, calm and work well in a team.',
    ],
  },
  social: {
    tasks: [
      'Du utreder behov, fattar beslut och följer upp insatser i nära samarbete med kollegor.',
      'Arbetet innebär många kontakter med enskilda, anhöriga och andra myndigheter.',
      'Du stöttar människor i deras vardag så att de kan leva ett så självständigt liv som möjligt.',
    ],
    requirements: [
      'Du har utbildning som är relevant för tjänsten, till exempel socionomexamen eller motsvarande.',
      'Du är strukturerad, trygg i ditt bemötande och har god förmåga att uttrycka dig i skrift.',
    ],
    tasksEn: [
      'You support people in their everyday lives so that they can live as independently as possible.',
    ],
    requirementsEn: ['You have relevant training and are calm and respectful in your contacts with people.'],
  },
  school: {
    tasks: [
      'Du planerar, genomför och följer upp undervisning och lärande tillsammans med ditt arbetslag.',
      'Du skapar en trygg och stimulerande miljö där varje barn och elev kan utvecklas.',
      'I uppdraget ingår samverkan med vårdnadshavare och elevhälsa.',
    ],
    requirements: [
      'Du har lärarlegitimation eller den utbildning som tjänsten kräver.',
      'Du är engagerad, tydlig och har lätt för att skapa goda relationer.',
    ],
    tasksEn: [
      'You plan, carry out and follow up teaching and learning together with your team.',
      'You create a safe and stimulating environment where every child can grow.',
    ],
    requirementsEn: ['You hold a Swedish teaching certificate or the training the position requires.'],
  },
  industry: {
    tasks: [
      'Du ställer, kör och övervakar maskiner och processer i produktionen.',
      'I arbetet ingår kvalitetskontroller, enklare underhåll och rapportering av avvikelser.',
      'Du ingår i ett skiftlag där säkerheten alltid kommer först.',
      'Du bidrar med förbättringsförslag i vårt dagliga förbättringsarbete.',
    ],
    requirements: [
      'Du har gymnasieutbildning inom teknik eller industri, eller motsvarande erfarenhet.',
      'Du har god teknisk förståelse och arbetar noggrant och säkert.',
      'Erfarenhet från tillverkande industri är meriterande.',
    ],
    tasksEn: [
      'You set up, run and monitor machines and processes in production.',
      'The work includes quality checks, basic maintenance and reporting deviations.',
      'You are part of a shift team where safety always comes first.',
    ],
    requirementsEn: [
      'You have a technical or industrial education, or equivalent experience.',
      'You have a good technical understanding and work carefully and safely.',
    ],
  },
  tech: {
    tasks: [
      'Du driver tekniska frågor i projekt från idé till färdig lösning.',
      'I rollen samarbetar du med produktion, inköp och kunder.',
      'Du tar fram tekniska underlag, beräkningar och dokumentation.',
    ],
    requirements: [
      'Du har högskoleingenjörs- eller civilingenjörsexamen inom ett relevant område.',
      'Du har god kommunikativ förmåga på svenska och engelska.',
    ],
    tasksEn: [
      'You drive technical work in projects from the first idea to a finished solution.',
      'You work closely with production, purchasing and customers.',
      'You prepare technical documentation, calculations and specifications.',
    ],
    requirementsEn: [
      'You have a degree in engineering in a relevant field.',
      'You explain technical matters clearly to colleagues and customers.',
    ],
  },
  it: {
    tasks: [
      'Du utvecklar och förvaltar system som många människor använder varje dag.',
      'Du arbetar i ett team med utvecklare, testare och verksamhetskunniga.',
      'I rollen ingår felsökning, dokumentation och kontakt med användare.',
    ],
    requirements: [
      'Du har eftergymnasial utbildning inom IT eller motsvarande erfarenhet.',
      'Du är nyfiken, strukturerad och tycker om att lösa problem tillsammans med andra.',
    ],
    tasksEn: [
      'You build and maintain systems that many people use every day.',
      'You work in a team with developers, testers and people who know the business.',
      'The role includes troubleshooting, documentation and contact with users.',
    ],
    requirementsEn: [
      'You have a degree in computer science or equivalent experience.',
      'You are curious, structured and enjoy solving problems together with others.',
    ],
  },
  build: {
    tasks: [
      'Du arbetar i våra projekt med nybyggnation, ombyggnad och service.',
      'Arbetet sker både på egen hand och i lag, ute hos kunder och på våra arbetsplatser.',
      'Du ansvarar för att arbetet utförs säkert, i tid och med god kvalitet.',
    ],
    requirements: [
      'Du har yrkesbevis eller motsvarande erfarenhet inom yrket.',
      'Du är noggrann, ansvarstagande och har god samarbetsförmåga.',
    ],
    tasksEn: [
      'You work in our projects with new construction, renovation and service.',
      'You make sure the work is done safely, on time and to a high standard.',
    ],
    requirementsEn: ['You have a trade certificate or equivalent experience.'],
  },
  transport: {
    tasks: [
      'Du kör, lastar och lossar gods och har kontakt med kunder längs vägen.',
      'I arbetet ingår daglig kontroll av fordon och utrustning.',
      'Du planerar arbetsdagen tillsammans med transportledningen.',
    ],
    requirements: [
      'Du har rätt behörigheter för arbetet och gärna erfarenhet från liknande tjänst.',
      'Du är serviceinriktad, punktlig och tar ansvar för ditt arbete.',
    ],
    tasksEn: [
      'You handle goods safely and efficiently and keep in touch with customers.',
      'The work includes daily checks of vehicles and equipment.',
    ],
    requirementsEn: ['You hold the licences the job requires and are punctual and service-minded.'],
  },
  nature: {
    tasks: [
      'Du arbetar med avverkning och skogsvård i varierande terräng.',
      'Du planerar arbetet tillsammans med arbetslaget och tar hänsyn till natur- och kulturvärden.',
    ],
    requirements: [
      'Du har utbildning eller erfarenhet från skogsbruk.',
      'Du trivs med att arbeta utomhus och självständigt.',
    ],
    tasksEn: ['You work outdoors in forestry in varied terrain.'],
    requirementsEn: ['You have training or experience from forestry.'],
  },
  tourism: {
    tasks: [
      'Du möter gäster från hela världen och ser till att de får en minnesvärd vistelse.',
      'Arbetet sker under säsong, ofta kvällar och helger.',
      'Du arbetar i ett team där god stämning och god service går hand i hand.',
    ],
    requirements: [
      'Du har erfarenhet från service eller besöksnäring.',
      'Du är glad, flexibel och trivs med ett högt tempo.',
      'Du talar svenska och engelska; fler språk är meriterande.',
    ],
    tasksEn: [
      'You welcome guests from all over the world and make sure their stay is memorable.',
      'The work is seasonal, often in the evenings and at weekends.',
      'You work in a team where a good atmosphere and good service go hand in hand.',
    ],
    requirementsEn: [
      'You have experience from hospitality or another service job.',
      'You are positive, flexible and enjoy a fast pace.',
    ],
  },
  retail: {
    tasks: [
      'Du hjälper kunder, tar emot varor och håller butiken välfylld och inbjudande.',
      'I arbetet ingår kassa, beställningar och att ge kunderna en god köpupplevelse.',
    ],
    requirements: [
      'Du har erfarenhet av service eller försäljning.',
      'Du är positiv, ansvarsfull och tycker om att möta människor.',
    ],
    tasksEn: ['You help customers and keep the shop well stocked and welcoming.'],
    requirementsEn: ['You have experience from sales or customer service.'],
  },
  office: {
    tasks: [
      'Du ansvarar för administrativa processer och stöttar verksamheten i det dagliga arbetet.',
      'I rollen ingår uppföljning, rapportering och kontakt med interna och externa parter.',
    ],
    requirements: [
      'Du har relevant eftergymnasial utbildning eller motsvarande erfarenhet.',
      'Du är strukturerad, noggrann och uttrycker dig väl i tal och skrift.',
    ],
    tasksEn: [
      'You are responsible for administrative processes and support the organisation day to day.',
      'The role includes follow-up, reporting and contact with colleagues and partners.',
    ],
    requirementsEn: [
      'You have a relevant university degree or equivalent experience.',
      'You are structured and careful, and you write clearly.',
    ],
  },
  service: {
    tasks: [
      'Du utför service- och underhållsarbete i våra lokaler och hos våra kunder.',
      'Arbetet är fritt och omväxlande, och du planerar mycket av din dag själv.',
    ],
    requirements: ['Du är noggrann, serviceinriktad och kan arbeta självständigt.'],
    tasksEn: ['You carry out cleaning and service work at our premises and for our customers.'],
    requirementsEn: ['You are careful, service-minded and can work on your own.'],
  },
};

const INTROS_SV: readonly string[] = [
  '{employer} söker nu {en} {title} till {place}.',
  'Vill du arbeta som {title} i {place}? Då kan det här vara jobbet för dig.',
  'Vi söker {en} {title} till vår verksamhet i {place}.',
  'Nu har du chansen att bli en del av {employer} som {title} i {place}.',
  'Är du {our} nya {title}? Vi växer i {place} och behöver fler kollegor.',
];
const HEADINGS_SV: Record<'task' | 'require' | 'offer' | 'apply', readonly string[]> = {
  task: ['Om tjänsten', 'Arbetsuppgifter', 'Dina arbetsuppgifter'],
  require: ['Vi söker dig som', 'Kvalifikationer', 'Din profil'],
  offer: ['Vi erbjuder', 'Det här erbjuder vi'],
  apply: ['Ansökan', 'Så söker du'],
};
const OFFERS_SV: readonly string[] = [
  'Vi erbjuder en trygg anställning med kollektivavtal.',
  'Hos oss får du engagerade kollegor och goda möjligheter att utvecklas.',
  'Friskvårdsbidrag och en bra introduktion ingår.',
];
const APPLY_SV: readonly string[] = [
  'Urval och intervjuer sker löpande, så skicka gärna in din ansökan redan idag.',
  'Vi ser fram emot din ansökan!',
  'Välkommen med din ansökan!',
];
const REMOTE_SV: readonly string[] = [
  'Distansarbete möjligt delar av veckan.',
  'Tjänsten kan kombineras med hybridarbete, delvis på distans.',
];

const INTROS_EN: readonly string[] = [
  '{employer} is looking for {a} {title} in {place}.',
  'Do you want to work as {a} {title} in {place}? Join us at {employer}.',
  'We are growing in {place} and are looking for {a} {title}.',
];
const OFFERS_EN: readonly string[] = [
  'We offer a secure position with a collective agreement.',
  'You get friendly, experienced colleagues and good opportunities to grow.',
  'A wellness allowance and a thorough introduction are included.',
  'You will live and work in a region with lakes, forests and short commutes.',
];
const REMOTE_EN: readonly string[] = [
  'Hybrid work is possible: part of the week can be done remotely.',
  'Remote work is possible some days a week.',
];

// ---------------------------------------------------------------------------------------------
// Enumerations (from ad-enum-values-observed.csv)

const EMPLOYMENT = {
  regular: { concept_id: 'PFZr_Syz_cUq', label: 'Vanlig anställning', legacy_ams_taxonomy_id: '1' },
  onCall: { concept_id: '1paU_aCR_nGn', label: 'Behovsanställning', legacy_ams_taxonomy_id: '4' },
} satisfies Record<string, TaxRef>;
const WORKTIME = {
  full: { concept_id: '6YE1_gAC_R2G', label: 'Heltid', legacy_ams_taxonomy_id: '1' },
  part: { concept_id: '947z_JGS_Uk2', label: 'Deltid', legacy_ams_taxonomy_id: '2' },
} satisfies Record<string, TaxRef>;
const SALARY = {
  fixed: {
    concept_id: 'oG8G_9cW_nRf',
    label: 'Fast månads- vecko- eller timlön',
    legacy_ams_taxonomy_id: '1',
  },
  mixed: { concept_id: 'asrX_9Df_ukn', label: 'Fast och rörlig lön', legacy_ams_taxonomy_id: '7' },
  variable: {
    concept_id: 'vVtj_qm6_GQu',
    label: 'Rörlig ackords- eller provisionslön',
    legacy_ams_taxonomy_id: '8',
  },
} satisfies Record<string, TaxRef>;
const DURATION = {
  open: { concept_id: 'a7uU_j21_mkL', label: 'Tills vidare', legacy_ams_taxonomy_id: '1' },
  sixPlus: { concept_id: 'qQUd_4qe_NDT', label: '6 månader eller längre', legacy_ams_taxonomy_id: '2' },
  threeToSix: {
    concept_id: 'Xj7x_7yZ_jEn',
    label: '3 månader – upp till 6 månader',
    legacy_ams_taxonomy_id: '3',
  },
  short: { concept_id: 'Sy9J_aRd_ALx', label: '11 dagar - upp till 3 månader', legacy_ams_taxonomy_id: '7' },
} satisfies Record<string, TaxRef>;
const LICENCE_B: TaxRef = { concept_id: 'VTK8_WRx_GcM', label: 'B', legacy_ams_taxonomy_id: '3' };
const SWEDISH: TaxRef = { concept_id: 'zSLA_vw2_FXN', label: 'Svenska', legacy_ams_taxonomy_id: '502' };
const ENGLISH: TaxRef = { concept_id: 'NVxJ_hLg_TYS', label: 'Engelska', legacy_ams_taxonomy_id: '283' };

// ---------------------------------------------------------------------------------------------
// The shared, seed-independent material (read once)

interface Occupation extends OccupationSpec {
  occupation: TaxRef;
  group: TaxRef;
  field: TaxRef;
}

interface Material {
  occupations: Occupation[];
  corpus: Corpus;
  /** SSYK-4 group id → employers of the sample ads in that group (with their org numbers). */
  sampleEmployers: Map<string, Array<{ name: string; orgnr: string | null }>>;
}

let material: Material | undefined;

/** The 85 real sample ads shipped in data/ (without application_contacts). */
export function sampleAds(): JobAd[] {
  return JSON.parse(readFileSync(new URL('./data/ads-sample.json', import.meta.url), 'utf8')) as JobAd[];
}

function loadMaterial(): Material {
  if (material) return material;
  const fields = new Map(readDataCsv('occupation-fields.csv').map((r) => [r.concept_id as string, r]));
  const groups = new Map(readDataCsv('occupation-groups-ssyk4.csv').map((r) => [r.concept_id as string, r]));
  const names = new Map<string, Record<string, string>>();
  for (const r of readDataCsv('occupation-names.csv'))
    if (r.in_2025_export === 'true') names.set(r.label as string, r);
  const occupations = OCCUPATIONS.map((spec): Occupation => {
    const name = names.get(spec.label);
    const group = name && groups.get(name.occupation_group_concept_id as string);
    const field = group && fields.get(group.occupation_field_concept_id as string);
    if (!name || !group || !field) throw new Error(`demo: occupation "${spec.label}" is not in the taxonomy`);
    return {
      ...spec,
      occupation: {
        concept_id: name.concept_id as string,
        label: spec.label,
        legacy_ams_taxonomy_id: name.legacy_ams_taxonomy_id || null,
      },
      group: {
        concept_id: group.concept_id as string,
        label: group.label as string,
        legacy_ams_taxonomy_id: group.ssyk_code_2012 as string,
      },
      field: {
        concept_id: field.concept_id as string,
        label: field.label as string,
        legacy_ams_taxonomy_id: field.legacy_ams_taxonomy_id || null,
      },
    };
  });
  const ads = sampleAds();
  const sampleEmployers = new Map<string, Array<{ name: string; orgnr: string | null }>>();
  for (const ad of ads) {
    const name = ad.employer?.name?.trim();
    const orgnr = ad.employer?.organization_number ?? null;
    const group = ad.occupation_group?.concept_id;
    // Sole traders are people (their names are personal data, their org numbers withheld).
    if (!name || !group || !orgnr || name.includes(',') || PUBLIC_OR_PLACE_BOUND.test(name)) continue;
    const list = sampleEmployers.get(group) ?? [];
    if (!list.some((e) => e.name === name)) list.push({ name, orgnr });
    sampleEmployers.set(group, list);
  }
  material = { occupations, corpus: buildCorpus(ads), sampleEmployers };
  return material;
}

// ---------------------------------------------------------------------------------------------
// One ad

interface Context {
  material: Material;
  municipalities: Weighted<DemoMunicipality>;
  /** Municipality code → occupations weighted by the municipality's profile. */
  occupationsIn: Map<string, { all: Weighted<Occupation>; english: Weighted<Occupation> }>;
  region: DemoRegion;
}

function createContext(municipalities: readonly DemoMunicipality[], region: DemoRegion): Context {
  if (municipalities.length === 0) throw new Error('demo: no municipalities to place ads in');
  const m = loadMaterial();
  const occupationsIn = new Map<string, { all: Weighted<Occupation>; english: Weighted<Occupation> }>();
  for (const municipality of municipalities) {
    const boost = MUNICIPALITY_PROFILE[municipality.code] ?? {};
    const weight = (o: Occupation) => o.w * (boost[o.p] ?? 1);
    occupationsIn.set(municipality.code, {
      all: new Weighted(m.occupations, weight),
      english: new Weighted(
        m.occupations.filter((o) => o.en),
        weight,
      ),
    });
  }
  return {
    material: m,
    municipalities: new Weighted(municipalities, (x) => MUNICIPALITY_SIZE[x.code] ?? DEFAULT_SIZE),
    occupationsIn,
    region,
  };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Lower-cases a title for use inside a sentence ('Undersköterska' → 'undersköterska', 'IT-tekniker' stays). */
function inSentence(title: string): string {
  const second = title[1] ?? '';
  return second && second === second.toLowerCase() ? title[0]?.toLowerCase() + title.slice(1) : title;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .replace(/-ab$/, '') || 'arbetsgivare'
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Up to `n` different items of `list`, in random order. */
function some(rng: Rng, list: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let tries = 0; out.length < Math.min(n, list.length) && tries < n * 4; tries++) {
    const item = pick(rng, list);
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

interface Block {
  heading?: string;
  sentences: string[];
}

function render(blocks: readonly Block[]): { text: string; html: string } {
  const text = blocks
    .map((b) => (b.heading ? `${b.heading}\n${b.sentences.join(' ')}` : b.sentences.join(' ')))
    .join('\n\n');
  const html = blocks
    .map(
      (b) =>
        (b.heading ? `<p><strong>${escapeHtml(b.heading)}</strong></p>` : '') +
        `<p>${escapeHtml(b.sentences.join(' '))}</p>`,
    )
    .join('');
  return { text, html };
}

/** Shares of ads that offer remote or hybrid work (about 3 % overall). */
const REMOTE_SHARE: Record<Profile, number> = {
  it: 0.35,
  office: 0.15,
  tech: 0.12,
  care: 0.01,
  social: 0.02,
  school: 0,
  industry: 0,
  build: 0,
  transport: 0.005,
  nature: 0,
  tourism: 0,
  retail: 0.01,
  service: 0,
};

const PART_TIME_SHARE: Partial<Record<Profile, number>> = {
  care: 0.35,
  social: 0.2,
  school: 0.12,
  tourism: 0.3,
  retail: 0.4,
  service: 0.3,
};

const ENGLISH_SHARE = 0.05;

function buildAd(ctx: Context, rng: Rng, id: string, publishedMs: number, lastDay: number): JobAd {
  const { material: m, region } = ctx;
  const english = rng() < ENGLISH_SHARE;
  const municipality = ctx.municipalities.pick(rng);
  const choices = ctx.occupationsIn.get(municipality.code) as {
    all: Weighted<Occupation>;
    english: Weighted<Occupation>;
  };
  const occ = (english ? choices.english : choices.all).pick(rng);
  const place = municipality.name;

  // Employer: the municipality, the regional authority or a company.
  const [municipalShare, regionalShare] = SECTOR_SHARES[occ.s];
  const roll = rng();
  let employer: { name: string; orgnr: string | null; url: string | null };
  if (roll < municipalShare && municipality.officialName)
    employer = { name: municipality.officialName, orgnr: null, url: null };
  else if (roll < municipalShare + regionalShare && region.authority)
    employer = { name: region.authority, orgnr: null, url: null };
  else {
    const fromSample = m.sampleEmployers.get(occ.group.concept_id as string);
    const company =
      fromSample?.length && rng() < 0.4
        ? pick(rng, fromSample)
        : { name: pick(rng, GENERIC_EMPLOYERS[occ.p]), orgnr: null };
    employer = { ...company, url: rng() < 0.5 ? `https://www.${slug(company.name)}.example.com` : null };
  }

  // Terms.
  const seasonal = occ.p === 'tourism' && rng() < 0.5;
  const onCall = !seasonal && rng() < (occ.p === 'care' || occ.p === 'tourism' ? 0.12 : 0.04);
  const employmentType = onCall ? EMPLOYMENT.onCall : EMPLOYMENT.regular;
  const duration = seasonal
    ? rng() < 0.6
      ? DURATION.threeToSix
      : DURATION.short
    : onCall
      ? DURATION.short
      : rng() < 0.84
        ? DURATION.open
        : DURATION.sixPlus;
  const partTime = onCall || rng() < (PART_TIME_SHARE[occ.p] ?? 0.05);
  const percent = partTime ? 50 + 5 * Math.floor(rng() * 9) : 100;
  const salary =
    occ.p === 'retail' && rng() < 0.3 ? (rng() < 0.3 ? SALARY.variable : SALARY.mixed) : SALARY.fixed;
  const licence =
    (occ.p === 'transport' || occ.p === 'build' || occ.p === 'service' || occ.s === 'mixed') && rng() < 0.35;
  const remote = rng() < REMOTE_SHARE[occ.p];
  const vacancies =
    rng() < 0.85 ? 1 : 2 + Math.floor(rng() * (occ.p === 'care' || occ.p === 'tourism' ? 8 : 3));
  const deadline = `${isoDay(lastDay)}T23:59:59`;

  // Text.
  const values = {
    employer: employer.name,
    place,
    title: inSentence(english ? (occ.en as string) : (occ.title ?? occ.label)),
    a: /^[aeiou]/i.test(occ.en ?? '') ? 'an' : 'a',
    // Swedish gender: 'ett vårdbiträde', 'vårt nya vårdbiträde'; every other title is 'en'.
    en: /biträde$/.test(occ.title ?? occ.label) ? 'ett' : 'en',
    our: /biträde$/.test(occ.title ?? occ.label) ? 'vårt' : 'vår',
  };
  const profile = PROFILE_TEXT[occ.p];
  let headline: string;
  let blocks: Block[];
  let conditions: string;
  let salaryDescription: string;
  if (english) {
    const title = occ.en as string;
    headline = fill(pick(rng, ['{t}', '{t} in {place}', '{t} wanted in {place}', '{t} – {employer}']), {
      ...values,
      t: title,
    });
    blocks = [
      { sentences: [fill(pick(rng, INTROS_EN), values)] },
      { heading: 'About the job', sentences: some(rng, profile.tasksEn, 2) },
      {
        heading: 'Who we are looking for',
        sentences: [
          ...some(rng, profile.requirementsEn, 2),
          ...(licence ? ['A driving licence (B) is required.'] : []),
          'You speak good English. Swedish is an advantage but not a requirement.',
        ],
      },
      {
        heading: 'What we offer',
        sentences: [...some(rng, OFFERS_EN, 2), ...(remote ? [pick(rng, REMOTE_EN)] : [])],
      },
      {
        heading: 'How to apply',
        sentences: [`Apply by ${isoDay(lastDay)}. We review applications continuously, so do not wait.`],
      },
    ];
    conditions = `${partTime ? `Part-time, ${percent} %` : 'Full-time'}. Start by agreement.`;
    salaryDescription = pick(rng, [
      'Monthly salary according to collective agreement.',
      'Salary by agreement.',
    ]);
  } else {
    const title = occ.title ?? occ.label;
    const lower = inSentence(title);
    headline = fill(
      pick(rng, [
        '{t} till {employer}',
        '{t} sökes till {place}',
        '{t} – {place}',
        'Vi söker {lower} i {place}',
        'Erfaren {lower} till {place}',
        '{t} till vår verksamhet i {place}',
      ]),
      { ...values, t: title, lower },
    );
    if (partTime && rng() < 0.3) headline += `, ${percent} %`;
    const field = occ.field.concept_id as string;
    const fromField = (section: Section) => m.corpus.sentences[section].get(field) ?? [];
    blocks = [
      {
        sentences: [
          fill(pick(rng, INTROS_SV), values),
          ...some(rng, fromField('about'), rng() < 0.6 ? 1 : 0),
        ],
      },
      {
        heading: pick(rng, HEADINGS_SV.task),
        sentences: [...some(rng, profile.tasks, 2), ...some(rng, fromField('task'), 2)],
      },
      {
        heading: pick(rng, HEADINGS_SV.require),
        sentences: [
          ...some(rng, profile.requirements, 1 + Math.floor(rng() * 2)),
          ...some(rng, fromField('require'), 2),
          ...(licence ? ['B-körkort är ett krav.'] : []),
        ],
      },
      {
        heading: pick(rng, HEADINGS_SV.offer),
        sentences: [
          ...some(rng, OFFERS_SV, 1),
          ...some(rng, m.corpus.all.offer, 2),
          ...(remote ? [pick(rng, REMOTE_SV)] : []),
        ],
      },
      {
        heading: pick(rng, HEADINGS_SV.apply),
        sentences: [
          `Sista ansökningsdag är ${isoDay(lastDay)}.`,
          ...some(rng, APPLY_SV, 1),
          ...some(rng, m.corpus.all.apply, 1),
        ],
      },
    ];
    conditions = `${partTime ? `Deltid, ${percent} %` : 'Heltid'}, ${(duration.label as string).toLowerCase()}. Tillträde enligt överenskommelse.`;
    salaryDescription =
      salary === SALARY.fixed
        ? pick(rng, [
            'Månadslön enligt kollektivavtal.',
            'Individuell lönesättning tillämpas.',
            'Fast månadslön.',
          ])
        : 'Fast grundlön och provision.';
  }
  const { text, html } = render(blocks);

  // How to apply: a link or an e-mail address, never a real one.
  const host = `${slug(employer.name)}.example.com`;
  const viaUrl = rng() < 0.65;
  const center = municipality.center;
  return {
    id,
    external_id: null,
    original_id: null,
    label: '[]',
    webpage_url: null,
    logo_url: null,
    headline,
    application_deadline: deadline,
    number_of_vacancies: vacancies,
    description: {
      text,
      text_formatted: html,
      company_information: null,
      needs: null,
      requirements: null,
      conditions,
    },
    employment_type: employmentType,
    salary_type: salary,
    salary_description: salaryDescription,
    duration,
    working_hours_type: partTime ? WORKTIME.part : WORKTIME.full,
    scope_of_work: { min: percent, max: percent },
    access: rng() < 0.5 ? (english ? 'By agreement' : 'Enligt överenskommelse') : null,
    employer: {
      phone_number: null,
      email: null,
      url: employer.url,
      organization_number: employer.orgnr,
      name: employer.name,
      workplace: employer.name,
    },
    application_details: {
      information: null,
      reference: rng() < 0.4 ? id.toUpperCase() : null,
      email: viaUrl ? null : `jobb@${host}`,
      via_af: false,
      url: viaUrl ? `https://${host}/jobb/${id}` : null,
      other: null,
    },
    experience_required: rng() < 0.6,
    access_to_own_car: licence && rng() < 0.5,
    driving_license_required: licence,
    driving_license: licence ? [LICENCE_B] : null,
    occupation: occ.occupation,
    occupation_group: occ.group,
    occupation_field: occ.field,
    workplace_address: {
      municipality: place,
      municipality_code: municipality.code,
      municipality_concept_id: municipality.conceptId,
      region: region.name,
      region_code: region.code,
      region_concept_id: region.conceptId,
      country: 'Sverige',
      country_code: '199',
      country_concept_id: 'i46j_HmG_v64',
      street_address: null,
      postcode: null,
      city: null,
      coordinates: center
        ? [
            Math.round((center[0] + (rng() - 0.5) * 0.1) * 1e5) / 1e5,
            Math.round((center[1] + (rng() - 0.5) * 0.05) * 1e5) / 1e5,
          ]
        : [null, null],
    },
    must_have: {
      skills: [],
      languages:
        !english && rng() < 0.1 ? [{ ...SWEDISH, weight: 10 }] : english ? [{ ...ENGLISH, weight: 10 }] : [],
      work_experiences: [],
      education: [],
      education_level: [],
    },
    nice_to_have: { skills: [], languages: [], work_experiences: [], education: [], education_level: [] },
    application_contacts: [],
    publication_date: localDateTime(publishedMs),
    last_publication_date: deadline,
    removed: false,
    removed_date: null,
    source_type: rng() < 0.75 ? 'VIA_PLATSBANKEN_DXA' : 'VIA_ANNONSERA',
    timestamp: publishedMs,
    lotsa_generated: true,
  };
}

/** A publication time on a local day: working hours mostly, 06:30–20:00. */
function publicationTime(rng: Rng, day: number): number {
  const seconds = Math.floor(6.5 * 3600 + ((rng() + rng()) / 2) * 13.5 * 3600);
  return fromLocal(day, seconds);
}

const MIN_LIFETIME_DAYS = 14;
const MAX_LIFETIME_DAYS = 56;

// ---------------------------------------------------------------------------------------------
// The public API

/**
 * `count` open ads (ids `<idPrefix>-<n>`), published over the 30 days before `now`, each open for
 * 2–8 weeks and still open at `now`. Ad n depends only on (seed, n, now's day), so the first k ads
 * of a larger count are the same as those of a smaller one.
 */
export function* iterateAds(options: GenerateOptions): Generator<JobAd> {
  const ctx = createContext(options.municipalities, options.region);
  const prefix = options.idPrefix ?? 'demo';
  const nowMs = options.now.getTime();
  const today = stockholmDay(nowMs);
  for (let n = 1; n <= options.count; n++) {
    const rng = mulberry32(mix(options.seed, n));
    let day = today - Math.floor(rng() * 30);
    let published = publicationTime(rng, day);
    if (published > nowMs) published = publicationTime(rng, --day);
    const minLifetime = Math.max(MIN_LIFETIME_DAYS, today - day);
    const lifetime = minLifetime + Math.floor(rng() * (MAX_LIFETIME_DAYS - minLifetime + 1));
    yield buildAd(ctx, rng, `${prefix}-${n}`, published, day + lifetime);
  }
}

/** `iterateAds` collected into an array. */
export function generateAds(options: GenerateOptions): JobAd[] {
  return [...iterateAds(options)];
}

/** Expected open ads per daily ad: Σ over ages 1..56 of P(lifetime ≥ age), lifetime uniform 14..56. */
const OPEN_PER_DAILY_AD = (() => {
  let sum = 0;
  const span = MAX_LIFETIME_DAYS - MIN_LIFETIME_DAYS + 1;
  for (let age = 1; age <= MAX_LIFETIME_DAYS; age++) sum += Math.min(1, (MAX_LIFETIME_DAYS - age + 1) / span);
  return sum;
})();

export interface DemoBoardOptions {
  seed: number;
  now: Date;
  /** About how many ads are open at any time (default 1,000). */
  targetOpen?: number;
  municipalities: readonly DemoMunicipality[];
  region: DemoRegion;
}

/**
 * The demo board for `now`: a rolling window rather than a fixed set. Every local day has its own
 * ads (`demo-<county>-<yyyymmdd>-<n>`, more on weekdays than at weekends), each a pure function of
 * (seed, day, n) and open for 2–8 weeks from its publication. The board holds the ads published
 * before today that are still open today: about `targetOpen`, three quarters of them published in
 * the last 30 days. So the content only changes when the day does: a restart on the same day
 * yields identical ads (same content hashes, nothing to write), and each new day adds one day of
 * ads, while the ads that leave the board are exactly those whose last publication date has
 * passed (the ingester's expiry closes them).
 */
export function generateDemoBoard(options: DemoBoardOptions): JobAd[] {
  const ctx = createContext(options.municipalities, options.region);
  const today = stockholmDay(options.now.getTime());
  const perDay = (options.targetOpen ?? 1000) / OPEN_PER_DAILY_AD;
  const ads: JobAd[] = [];
  for (let age = MAX_LIFETIME_DAYS; age >= 1; age--) {
    const day = today - age;
    const weekday = new Date(day * DAY).getUTCDay();
    const count = Math.round(perDay * (weekday === 0 || weekday === 6 ? 0.35 : 1.26));
    const stamp = isoDay(day).replace(/-/g, '');
    for (let n = 1; n <= count; n++) {
      const rng = mulberry32(mix(options.seed, day, n));
      const published = publicationTime(rng, day);
      const lifetime = MIN_LIFETIME_DAYS + Math.floor(rng() * (MAX_LIFETIME_DAYS - MIN_LIFETIME_DAYS + 1));
      if (day + lifetime < today) continue; // its last publication date has passed
      ads.push(buildAd(ctx, rng, `demo-${options.region.code}-${stamp}-${n}`, published, day + lifetime));
    }
  }
  return ads;
}

/** What the generator needs to know about a region, or null when it cannot place ads there. */
export function demoPlaces(
  region: Region,
): { region: DemoRegion; municipalities: DemoMunicipality[] } | null {
  if (!region.jobtechConceptId || !region.countyCode || region.municipalities.length === 0) return null;
  const concept = shippedConcepts().find((c) => c.concept_id === region.jobtechConceptId);
  const map = loadMap(region.countyCode);
  const organisation = region.contact.organisation;
  return {
    region: {
      conceptId: region.jobtechConceptId,
      code: region.countyCode,
      name: concept?.label ?? region.name.sv,
      // The regional authority employs health care staff; only when the region's contact is one.
      authority: /^Region /.test(organisation) ? organisation : undefined,
    },
    municipalities: region.municipalities
      .filter((m) => m.jobtechConceptId)
      .map((m) => ({
        code: m.code,
        conceptId: m.jobtechConceptId,
        name: m.shortName,
        officialName: m.officialName,
        center: map?.municipalities.find((x) => x.code === m.code)?.center ?? null,
      })),
  };
}

/** The sentences the generator reuses from the sample ads (for tests and for reviewing them). */
export function reusedSentences(): Readonly<Record<Section, readonly string[]>> {
  return loadMaterial().corpus.all;
}
