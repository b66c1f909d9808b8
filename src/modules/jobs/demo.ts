/**
 * Generated job ads, for the demo board and for benchmarks. They are made to look and behave like
 * JobTech's ads (see jobtech.ts): real taxonomy (occupation name → SSYK-4 group → field), the
 * region's municipalities weighted by size, employers from the sample ads mixed with municipal and
 * generic ones and the demo companies (with their organisationsnummer, so that a company page finds
 * its ads), Swedish descriptions recombined from sentences of the real sample ads (anything
 * that looks like a name, number, address or another employer is left out), about 5 % English ads
 * written from our own templates, and the enumerations the sample ads use.
 *
 * The literal tables (occupations, municipalities, employers, texts, enumerations, shares) are data
 * files in data/demo/, read once by demo-data.ts; this file is the generator.
 *
 * Everything is a pure function of the seed (mulberry32), so a seed always gives the same ads.
 * Every ad carries `lotsa_generated: true`, an id that cannot be a JobTech id (`bench-…`,
 * `demo-…`), `webpage_url: null`, `application_contacts: []` and example.com addresses.
 */
import { readFileSync } from 'node:fs';
import type { Region } from '../../platform/region.ts';
import type { JobAd, TaxRef } from './jobtech.ts';
import {
  ENUMERATIONS,
  GENERIC_EMPLOYERS,
  LINKED_EMPLOYERS,
  MUNICIPALITY_PROFILE,
  MUNICIPALITY_SIZE,
  OCCUPATIONS,
  SHARES,
  TEXTS,
  type LinkedEmployer,
  type OccupationSpec,
} from './demo-data.ts';
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
// The tables (data/demo/*.json, read by demo-data.ts)

const { sector: SECTOR_SHARES, remote: REMOTE_SHARE, partTime: PART_TIME_SHARE } = SHARES;
const {
  employment: EMPLOYMENT,
  worktime: WORKTIME,
  salary: SALARY,
  duration: DURATION,
  licenceB: LICENCE_B,
  swedish: SWEDISH,
  english: ENGLISH,
} = ENUMERATIONS;
const PROFILE_TEXT = TEXTS.profiles;
/** Weight of a municipality the size table does not know. */
const DEFAULT_SIZE = 10;

// ---------------------------------------------------------------------------------------------
// Employers

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
  /** `municipality code|occupation label` → the demo companies that employ there, with their shares. */
  linked: Map<string, Array<{ company: LinkedEmployer; share: number }>>;
  /** Ads given to each demo company so far, when their `maxOpen` applies (iterateAds). */
  linkedCounts: Map<string, number> | null;
}

function linkedEmployers(): Context['linked'] {
  const linked: Context['linked'] = new Map();
  for (const company of LINKED_EMPLOYERS) {
    for (const [code, share] of Object.entries(company.municipalities)) {
      for (const label of company.occupations) {
        const key = `${code}|${label}`;
        linked.set(key, [...(linked.get(key) ?? []), { company, share }]);
      }
    }
  }
  return linked;
}

function createContext(
  municipalities: readonly DemoMunicipality[],
  region: DemoRegion,
  capped = false,
): Context {
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
    linked: linkedEmployers(),
    linkedCounts: capped ? new Map() : null,
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

const ENGLISH_SHARE = 0.05;

interface Employer {
  name: string;
  orgnr: string | null;
  url: string | null;
}

/** A demo company that employs this occupation here, by its share (a draw only where one does). */
function chooseLinked(ctx: Context, rng: Rng, occ: Occupation, municipality: DemoMunicipality) {
  const candidates = ctx.linked.get(`${municipality.code}|${occ.label}`);
  if (!candidates) return undefined;
  let roll = rng();
  for (const { company, share } of candidates) {
    if (roll >= share) {
      roll -= share;
      continue;
    }
    const counts = ctx.linkedCounts;
    const count = counts?.get(company.orgnr) ?? 0;
    if (count >= company.maxOpen) return undefined;
    counts?.set(company.orgnr, count + 1);
    return company;
  }
  return undefined;
}

/** A demo company, the municipality, the regional authority or another company. */
function chooseEmployer(ctx: Context, rng: Rng, occ: Occupation, municipality: DemoMunicipality): Employer {
  const linked = chooseLinked(ctx, rng, occ, municipality);
  if (linked) return { name: linked.name, orgnr: linked.orgnr, url: linked.url };
  const [municipalShare, regionalShare] = SECTOR_SHARES[occ.s];
  const roll = rng();
  if (roll < municipalShare && municipality.officialName)
    return { name: municipality.officialName, orgnr: null, url: null };
  if (roll < municipalShare + regionalShare && ctx.region.authority)
    return { name: ctx.region.authority, orgnr: null, url: null };
  const fromSample = ctx.material.sampleEmployers.get(occ.group.concept_id as string);
  const company =
    fromSample?.length && rng() < 0.4
      ? pick(rng, fromSample)
      : { name: pick(rng, GENERIC_EMPLOYERS[occ.p]), orgnr: null };
  return { ...company, url: rng() < 0.5 ? `https://www.${slug(company.name)}.example.com` : null };
}

interface Terms {
  employmentType: TaxRef;
  duration: TaxRef;
  partTime: boolean;
  percent: number;
  salary: TaxRef;
  licence: boolean;
  remote: boolean;
  vacancies: number;
}

function chooseTerms(rng: Rng, occ: Occupation): Terms {
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
  return { employmentType, duration, partTime, percent, salary, licence, remote, vacancies };
}

/** What an ad says: headline, description, conditions and salary in words. */
interface Writing {
  headline: string;
  blocks: Block[];
  conditions: string;
  salaryDescription: string;
}

interface WritingInput {
  occ: Occupation;
  terms: Terms;
  /** Placeholders of the templates: employer, place, title, a, en, our. */
  values: Record<string, string>;
  lastDay: number;
}

function writeEnglish(rng: Rng, { occ, terms, values, lastDay }: WritingInput): Writing {
  const en = TEXTS.en;
  const profile = PROFILE_TEXT[occ.p];
  const title = occ.en as string;
  const headline = fill(pick(rng, en.headlines), { ...values, t: title });
  const blocks: Block[] = [
    { sentences: [fill(pick(rng, en.intros), values)] },
    { heading: en.headings.task, sentences: some(rng, profile.tasksEn, 2) },
    {
      heading: en.headings.require,
      sentences: [
        ...some(rng, profile.requirementsEn, 2),
        ...(terms.licence ? [en.licence] : []),
        en.language,
      ],
    },
    {
      heading: en.headings.offer,
      sentences: [...some(rng, en.offers, 2), ...(terms.remote ? [pick(rng, en.remote)] : [])],
    },
    { heading: en.headings.apply, sentences: [fill(en.deadline, { deadline: isoDay(lastDay) })] },
  ];
  const conditions = `${terms.partTime ? `Part-time, ${terms.percent} %` : 'Full-time'}. Start by agreement.`;
  return { headline, blocks, conditions, salaryDescription: pick(rng, en.salary) };
}

function writeSwedish(rng: Rng, corpus: Corpus, { occ, terms, values, lastDay }: WritingInput): Writing {
  const sv = TEXTS.sv;
  const profile = PROFILE_TEXT[occ.p];
  const title = occ.title ?? occ.label;
  const lower = inSentence(title);
  let headline = fill(pick(rng, sv.headlines), { ...values, t: title, lower });
  if (terms.partTime && rng() < 0.3) headline += `, ${terms.percent} %`;
  const field = occ.field.concept_id as string;
  const fromField = (section: Section) => corpus.sentences[section].get(field) ?? [];
  const blocks: Block[] = [
    {
      sentences: [fill(pick(rng, sv.intros), values), ...some(rng, fromField('about'), rng() < 0.6 ? 1 : 0)],
    },
    {
      heading: pick(rng, sv.headings.task),
      sentences: [...some(rng, profile.tasks, 2), ...some(rng, fromField('task'), 2)],
    },
    {
      heading: pick(rng, sv.headings.require),
      sentences: [
        ...some(rng, profile.requirements, 1 + Math.floor(rng() * 2)),
        ...some(rng, fromField('require'), 2),
        ...(terms.licence ? [sv.licence] : []),
      ],
    },
    {
      heading: pick(rng, sv.headings.offer),
      sentences: [
        ...some(rng, sv.offers, 1),
        ...some(rng, corpus.all.offer, 2),
        ...(terms.remote ? [pick(rng, sv.remote)] : []),
      ],
    },
    {
      heading: pick(rng, sv.headings.apply),
      sentences: [
        fill(sv.deadline, { deadline: isoDay(lastDay) }),
        ...some(rng, sv.apply, 1),
        ...some(rng, corpus.all.apply, 1),
      ],
    },
  ];
  const conditions = `${terms.partTime ? `Deltid, ${terms.percent} %` : 'Heltid'}, ${(terms.duration.label as string).toLowerCase()}. Tillträde enligt överenskommelse.`;
  const salaryDescription = terms.salary === SALARY.fixed ? pick(rng, sv.salary) : sv.salaryWithCommission;
  return { headline, blocks, conditions, salaryDescription };
}

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
  const employer = chooseEmployer(ctx, rng, occ, municipality);
  const terms = chooseTerms(rng, occ);
  const { partTime, percent, salary, licence } = terms;
  const deadline = `${isoDay(lastDay)}T23:59:59`;

  const values = {
    employer: employer.name,
    place,
    title: inSentence(english ? (occ.en as string) : (occ.title ?? occ.label)),
    a: /^[aeiou]/i.test(occ.en ?? '') ? 'an' : 'a',
    // Swedish gender: 'ett vårdbiträde', 'vårt nya vårdbiträde'; every other title is 'en'.
    en: /biträde$/.test(occ.title ?? occ.label) ? 'ett' : 'en',
    our: /biträde$/.test(occ.title ?? occ.label) ? 'vårt' : 'vår',
  };
  const input = { occ, terms, values, lastDay };
  const { headline, blocks, conditions, salaryDescription } = english
    ? writeEnglish(rng, input)
    : writeSwedish(rng, m.corpus, input);
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
    number_of_vacancies: terms.vacancies,
    description: {
      text,
      text_formatted: html,
      company_information: null,
      needs: null,
      requirements: null,
      conditions,
    },
    employment_type: terms.employmentType,
    salary_type: salary,
    salary_description: salaryDescription,
    duration: terms.duration,
    working_hours_type: partTime ? WORKTIME.part : WORKTIME.full,
    scope_of_work: { min: percent, max: percent },
    access: rng() < 0.5 ? (english ? TEXTS.en.access : TEXTS.sv.access) : null,
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
 * 2–8 weeks and still open at `now`. Ad n depends only on (seed, n, now's day) and, for a demo
 * company's ads, on how many it had before (its `maxOpen`), so the first k ads of a larger count
 * are the same as those of a smaller one.
 */
export function* iterateAds(options: GenerateOptions): Generator<JobAd> {
  const ctx = createContext(options.municipalities, options.region, true);
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
