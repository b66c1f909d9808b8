/**
 * From JobStream records to job_ads rows: defensive validation (a bad record is reported as
 * malformed, never thrown), removal of personal data before anything is hashed or stored, the
 * content hash that decides whether an update changes anything, and the normalised columns.
 *
 * Everything later shown from `raw` is type-checked here, and every text is capped, so that no
 * stored ad can make its page fail or slow, or be too large for the full-text index: essential
 * fields of the wrong type make the record malformed; optional shown fields of the wrong type are
 * dropped (and reported in `dropped`); texts longer than the caps below are cut.
 */
import { createHash } from 'node:crypto';
import { francAll } from 'franc-min';
import type { Insertable } from 'kysely';
import type { JobAdsTable } from '../../../platform/db/schema.ts';
import { httpsUrl } from '../canonical.ts';
import type { JobAd } from '../jobtech.ts';
import { InvalidElement, OVERSIZED } from './json-array.ts';
import type { IngestScope } from './scope.ts';
import { stockholmLocalToDate } from './time.ts';

/** A full ad, validated, with personal data stripped. */
export interface AdRecord {
  kind: 'ad';
  id: string;
  timestamp: number;
  /** The record as it will be stored in `raw`: sanitised, without application_contacts/relevance. */
  ad: JobAd;
  publishedAt: Date;
  lastPublicationAt: Date | null;
  deadlineAt: Date | null;
  municipalityConceptId: string | null;
  regionConceptId: string | null;
  /** Optional fields dropped because their type was wrong (names only, for the log). */
  dropped: string[];
}

/** An unpublished ad (`removed: true`), with the moment it counts from for ordering. */
export interface RemovalRecord {
  kind: 'removal';
  id: string;
  /** Epoch ms the removal is ordered by (its timestamp, else the end of its removed_date second). */
  effectiveTime: number | null;
  removedAt: Date | null;
  municipalityConceptId: string | null;
  regionConceptId: string | null;
}

export interface MalformedRecord {
  kind: 'malformed';
  /** The id when one could be read (for the log line; never any ad text). */
  id: string | null;
  reason: string;
}

export type ParsedRecord = AdRecord | RemovalRecord | MalformedRecord;

/** Fields kept out of `raw` and the hash: contact persons (personal data) and search-only relevance. */
export const STRIPPED_FIELDS = ['application_contacts', 'relevance'] as const;

const ID = /^[A-Za-z0-9-]{1,64}$/;
const MAX_TIMESTAMP = 8.64e15;
const INT32_MAX = 2_147_483_647;

/** Longest kept text of the description's fields, in UTF-16 code units (real ads stay under 20 000). */
export const MAX_DESCRIPTION_LENGTH = 100_000;
/** Longest kept text of any other field. */
export const MAX_TEXT_LENGTH = 10_000;
/** Longest headline and names (employer, workplace, occupation labels) in the columns. */
export const MAX_HEADLINE_LENGTH = 500;
/**
 * Longest description text that goes into the full-text index. A tsvector holds at most 1 MB; the
 * worst text (distinct short words, the Swedish and the English vector both) takes about ten bytes
 * per character, so 50 000 characters stay well below it.
 */
export const MAX_INDEXED_LENGTH = 50_000;
/** Largest record, counted as its texts, keys and values, after the caps above. */
export const MAX_RECORD_LENGTH = 1_000_000;
/** Deepest nesting of arrays and objects in a record (real ads use four levels). */
const MAX_DEPTH = 32;
/** How far ahead of now a source timestamp may be (clock skew); further → malformed. */
export const MAX_CLOCK_SKEW_MS = 86_400_000;
/** Longest e-mail address (RFC 5321) and link kept from an ad. */
const MAX_EMAIL_LENGTH = 254;
const MAX_URL_LENGTH = 2_000;

class Invalid extends Error {}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Control characters PostgreSQL cannot store (NUL) and lone UTF-16 surrogates (invalid in jsonb).
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function cleanString(s: string): string {
  UNSTORABLE.lastIndex = 0;
  if (!UNSTORABLE.test(s)) return s;
  return s.replace(UNSTORABLE, (c) => (c === '\u0000' ? '' : '\uFFFD'));
}

/** The first `max` code units of `s`, never ending in half a surrogate pair. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * A deep copy in which every string can be stored by PostgreSQL and is at most `limit` long; the
 * record's size and depth are bounded (→ Invalid).
 */
function sanitize(value: unknown, limit: number, budget: { left: number }, depth = 0): unknown {
  budget.left--;
  if (typeof value === 'string') {
    const out = truncate(cleanString(value), limit);
    budget.left -= out.length;
    if (budget.left < 0) throw new Invalid('record too large');
    return out;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) throw new Invalid('record nested too deeply');
  if (budget.left < 0) throw new Invalid('record too large');
  if (Array.isArray(value)) return value.map((v) => sanitize(v, limit, budget, depth + 1));
  const out: Obj = {};
  for (const [key, v] of Object.entries(value)) {
    const name = truncate(cleanString(key), 200);
    budget.left -= name.length;
    const inner = depth === 0 && name === 'description' ? MAX_DESCRIPTION_LENGTH : limit;
    out[name] = sanitize(v, inner, budget, depth + 1);
  }
  return out;
}

/** The id as a string: JobTech's ids are digit strings, but tombstones have been seen with numbers. */
export function normalizeId(value: unknown): string | null {
  if (typeof value === 'string') return ID.test(value) ? value : null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return null;
}

function optString(o: Obj, key: string, path = key): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new Invalid(`${path}: expected a string`);
  return v;
}

function optObject(o: Obj, key: string): Obj | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (!isObject(v)) throw new Invalid(`${key}: expected an object`);
  return v;
}

function optBoolean(o: Obj, key: string): boolean | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'boolean') throw new Invalid(`${key}: expected true or false`);
  return v;
}

function optDate(o: Obj, key: string): Date | null {
  const s = optString(o, key);
  if (s === null || s === '') return null;
  const date = stockholmLocalToDate(s);
  if (!date) throw new Invalid(`${key}: not a date-time`);
  return date;
}

function timestampOf(o: Obj, required: boolean, now: Date): number | null {
  const v = o.timestamp;
  if (v === undefined || v === null) {
    if (required) throw new Invalid('timestamp: missing');
    return null;
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_TIMESTAMP) {
    throw new Invalid('timestamp: expected epoch milliseconds');
  }
  // An ad is applied only when its timestamp is not older than the stored one: a timestamp far
  // ahead would keep every later change and removal of the ad out for good.
  if (v > now.getTime() + MAX_CLOCK_SKEW_MS) throw new Invalid('timestamp: in the future');
  return Math.trunc(v);
}

/** Drops `o[key]` unless it is a string (of at most `max` characters) or null. */
function keepString(o: Obj, key: string, dropped: string[], path: string, max = Infinity): void {
  const v = o[key];
  if (v === undefined || v === null || (typeof v === 'string' && v.length <= max)) return;
  delete o[key];
  dropped.push(path);
}

/**
 * Keeps `o[key]` only as an https address (normalised) of at most MAX_URL_LENGTH characters: the
 * employer's logo is handed on to search engines, never fetched over plain http or another scheme.
 */
function keepHttpsUrl(o: Obj, key: string, dropped: string[]): void {
  const v = o[key];
  if (v === undefined || v === null) return;
  const url = typeof v === 'string' && v.length <= MAX_URL_LENGTH ? httpsUrl(v) : null;
  if (url !== null && url.length <= MAX_URL_LENGTH) {
    o[key] = url;
    return;
  }
  delete o[key];
  dropped.push(key);
}

function keepBoolean(o: Obj, key: string, dropped: string[]): void {
  const v = o[key];
  if (v === undefined || v === null || typeof v === 'boolean') return;
  delete o[key];
  dropped.push(key);
}

/** Drops `o[key]` unless it is an object or null; returns the object. */
function keepObject(o: Obj, key: string, dropped: string[], path = key): Obj | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (isObject(v)) return v;
  delete o[key];
  dropped.push(path);
  return null;
}

/**
 * The optional fields the job page, its JSON-LD and the API show: anything of the wrong type is
 * dropped, so that nothing stored can fail a page later.
 */
function checkShownFields(o: Obj): string[] {
  const dropped: string[] = [];
  keepString(o, 'webpage_url', dropped, 'webpage_url', MAX_URL_LENGTH);
  keepHttpsUrl(o, 'logo_url', dropped);
  for (const key of ['salary_description', 'access', 'label', 'external_id', 'source_type']) {
    keepString(o, key, dropped, key);
  }
  for (const key of ['experience_required', 'driving_license_required', 'access_to_own_car']) {
    keepBoolean(o, key, dropped);
  }
  const description = keepObject(o, 'description', dropped);
  if (description) {
    for (const key of ['text_formatted', 'company_information', 'needs', 'requirements', 'conditions']) {
      keepString(description, key, dropped, `description.${key}`);
    }
  }
  const scope = keepObject(o, 'scope_of_work', dropped);
  if (scope) {
    for (const key of ['min', 'max']) {
      const v = scope[key];
      if (v !== null && !(typeof v === 'number' && Number.isFinite(v))) {
        if (v !== undefined) dropped.push(`scope_of_work.${key}`);
        scope[key] = null;
      }
    }
  }
  const employer = keepObject(o, 'employer', dropped);
  if (employer) keepString(employer, 'url', dropped, 'employer.url', MAX_URL_LENGTH);
  const details = keepObject(o, 'application_details', dropped);
  if (details) {
    keepString(details, 'url', dropped, 'application_details.url', MAX_URL_LENGTH);
    keepString(details, 'email', dropped, 'application_details.email', MAX_EMAIL_LENGTH);
    for (const key of ['reference', 'information', 'other']) {
      keepString(details, key, dropped, `application_details.${key}`);
    }
    keepBoolean(details, 'via_af', dropped);
  }
  const address = isObject(o.workplace_address) ? o.workplace_address : null;
  if (address) {
    for (const key of ['street_address', 'postcode', 'city', 'municipality', 'region', 'country']) {
      keepString(address, key, dropped, `workplace_address.${key}`);
    }
  }
  return dropped;
}

function taxRef(o: Obj, key: string): void {
  const ref = optObject(o, key);
  if (ref) {
    optString(ref, 'concept_id', `${key}.concept_id`);
    optString(ref, 'label', `${key}.label`);
  }
}

function parseRemoval(o: Obj, id: string, now: Date): RemovalRecord {
  const timestamp = timestampOf(o, false, now);
  const removedAt = optDate(o, 'removed_date');
  if (timestamp === null && removedAt && removedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw new Invalid('removed_date: in the future');
  }
  // Tombstones carry the place as plain concept-id strings; a full record marked removed has them
  // in workplace_address.
  const address = isObject(o.workplace_address) ? o.workplace_address : null;
  const place = (key: string, addressKey: string) => {
    const v = o[key];
    if (typeof v === 'string') return v;
    if (address && typeof address[addressKey] === 'string') return address[addressKey] as string;
    return null;
  };
  return {
    kind: 'removal',
    id,
    effectiveTime: timestamp ?? (removedAt ? removedAt.getTime() + 999 : null),
    removedAt,
    municipalityConceptId: place('municipality', 'municipality_concept_id'),
    regionConceptId: place('region', 'region_concept_id'),
  };
}

function parseAd(o: Obj, id: string, now: Date): AdRecord {
  const headline = optString(o, 'headline');
  if (headline === null || headline.trim() === '') throw new Invalid('headline: missing');
  o.headline = truncate(headline, MAX_HEADLINE_LENGTH);
  const publishedAt = optDate(o, 'publication_date');
  if (publishedAt === null) throw new Invalid('publication_date: missing');
  const timestamp = timestampOf(o, true, now) as number;
  const lastPublicationAt = optDate(o, 'last_publication_date');
  const deadlineAt = optDate(o, 'application_deadline');
  optDate(o, 'removed_date');
  optBoolean(o, 'removed');
  optBoolean(o, 'lotsa_generated');
  optBoolean(o, 'remote_work');
  const vacancies = o.number_of_vacancies;
  if (
    vacancies !== undefined &&
    vacancies !== null &&
    !(
      typeof vacancies === 'number' &&
      Number.isInteger(vacancies) &&
      vacancies >= 0 &&
      vacancies <= INT32_MAX
    )
  ) {
    throw new Invalid('number_of_vacancies: expected a whole number');
  }
  const description = optObject(o, 'description');
  if (description) optString(description, 'text', 'description.text');
  const employer = optObject(o, 'employer');
  if (employer) {
    optString(employer, 'name', 'employer.name');
    optString(employer, 'workplace', 'employer.workplace');
    optString(employer, 'organization_number', 'employer.organization_number');
  }
  for (const key of [
    'occupation',
    'occupation_group',
    'occupation_field',
    'employment_type',
    'working_hours_type',
    'salary_type',
    'duration',
  ]) {
    taxRef(o, key);
  }
  const address = optObject(o, 'workplace_address');
  const municipalityConceptId = address
    ? optString(address, 'municipality_concept_id', 'workplace_address.municipality_concept_id')
    : null;
  const regionConceptId = address
    ? optString(address, 'region_concept_id', 'workplace_address.region_concept_id')
    : null;
  const dropped = checkShownFields(o);
  return {
    kind: 'ad',
    id,
    timestamp,
    ad: { ...(o as JobAd), id },
    publishedAt,
    lastPublicationAt,
    deadlineAt,
    municipalityConceptId: municipalityConceptId || null,
    regionConceptId: regionConceptId || null,
    dropped,
  };
}

/**
 * Validates one JobStream element. Never throws: anything that is not a usable ad or removal comes
 * back as `malformed` with a reason that names the field (and no ad text).
 */
export function parseRecord(value: unknown): ParsedRecord {
  return parseRecordAt(value, new Date());
}

/** parseRecord with the run's clock: `now` bounds how far ahead a timestamp may be. */
export function parseRecordAt(value: unknown, now: Date): ParsedRecord {
  if (value === OVERSIZED) return { kind: 'malformed', id: null, reason: 'larger than the reader holds' };
  if (value instanceof InvalidElement) return { kind: 'malformed', id: null, reason: 'not valid JSON' };
  if (!isObject(value)) return { kind: 'malformed', id: null, reason: 'not an object' };
  const id = normalizeId(value.id);
  if (id === null) {
    return { kind: 'malformed', id: null, reason: value.id === undefined ? 'id: missing' : 'id: invalid' };
  }
  try {
    const clean = sanitize(value, MAX_TEXT_LENGTH, { left: MAX_RECORD_LENGTH }) as Obj;
    for (const field of STRIPPED_FIELDS) delete clean[field];
    if (clean.removed === true) return parseRemoval(clean, id, now);
    return parseAd(clean, id, now);
  } catch (error) {
    if (error instanceof Invalid) return { kind: 'malformed', id, reason: error.message };
    // Whatever else goes wrong with one record must not stop the others.
    return { kind: 'malformed', id, reason: 'unreadable record' };
  }
}

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** sha256 (hex) of the stripped record without its timestamp. */
export function contentHash(ad: Obj): string {
  const { timestamp: _timestamp, ...rest } = ad;
  for (const field of STRIPPED_FIELDS) delete rest[field];
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** Does the ad belong to the region: a municipality of the region, or the region with no municipality. */
export function adInScope(
  record: Pick<AdRecord, 'municipalityConceptId' | 'regionConceptId'>,
  scope: IngestScope,
): boolean {
  if (record.municipalityConceptId) return scope.municipalities.has(record.municipalityConceptId);
  return record.regionConceptId === scope.regionConceptId;
}

// Phrases that mark remote or hybrid work, Swedish and English; matched as whole words.
const REMOTE =
  /(?<![\p{L}\p{N}])(?:distansarbete|distansjobb|på distans|hemifrån|hemmakontor|remote|work from home|working from home|hybrid(?:arbete|t arbete|t)?|hybrid work)(?![\p{L}\p{N}])/iu;

export function mentionsRemoteWork(...texts: (string | null | undefined)[]): boolean {
  return texts.some((t) => !!t && REMOTE.test(t));
}

/** Characters of an ad's text read to tell its language (franc reads at most 2,048). */
export const LANG_SAMPLE_LENGTH = 1_000;
/** Fewer letters than this is too little to call English (short titles are often both). */
const LANG_MIN_LETTERS = 100;
/** English only when Swedish scores below this (franc's 0–1 score relative to the best, English). */
const LANG_SWEDISH_BELOW = 0.985;
/**
 * Share of å, ä and ö among the letters above which a sample is Swedish without asking franc (it
 * takes most of the time, and most ads are Swedish): Swedish ads have about 5 % (3.2 % at the
 * least among the sample ads and 2.4 % among 3,000 generated ones), English ones up to 2.7 % (a
 * short English text followed by Arbetsförmedlingen's Swedish boilerplate).
 */
const SWEDISH_LETTER_SHARE = 0.035;
// Addresses, e-mail, digits, punctuation and symbols tell nothing about the language and fool
// trigrams. (Plain character ranges: Unicode property classes make this several times slower.)
const ADDRESS = /\S*(?:https?:\/\/|www\.|@)\S*/gi;
const NOT_LETTER = /[\s!-@[-`{-\u00bf\u00d7\u00f7\u2000-\u2bff\u3000-\u303f]+/g;

/**
 * 'en' when franc (trigram language identification, restricted to Swedish and English) is
 * confident that the start of the ad is English, else 'sv': the board is Swedish, so a short or
 * doubtful text is Swedish. The headline and description are read together, so an ad with a
 * Swedish headline and an English description is English. Bounded work: at most
 * 2 × LANG_SAMPLE_LENGTH characters are cleaned, LANG_SAMPLE_LENGTH read.
 */
export function detectLang(...texts: (string | null | undefined)[]): 'sv' | 'en' {
  let raw = '';
  for (const text of texts) {
    if (!text) continue;
    raw += `${text.slice(0, 2 * LANG_SAMPLE_LENGTH)}\n`;
    if (raw.length >= 2 * LANG_SAMPLE_LENGTH) break;
  }
  if (raw.includes('@') || raw.includes('://') || raw.includes('www.')) raw = raw.replace(ADDRESS, ' ');
  const sample = raw.replace(NOT_LETTER, ' ').trim().slice(0, LANG_SAMPLE_LENGTH);
  const letters = sample.length - (sample.match(/ /g)?.length ?? 0);
  if (letters < LANG_MIN_LETTERS) return 'sv';
  if ((sample.match(/[åäöÅÄÖ]/g)?.length ?? 0) >= SWEDISH_LETTER_SHARE * letters) return 'sv';
  const [best, second] = francAll(sample, { only: ['swe', 'eng'], minLength: LANG_MIN_LETTERS });
  return best?.[0] === 'eng' && (second?.[1] ?? 0) < LANG_SWEDISH_BELOW ? 'en' : 'sv';
}

/** Ten digits of the organisation number, or null (sole traders' numbers are withheld). */
export function orgnrOf(value: string | null | undefined): string | null {
  const digits = (value ?? '').replace(/\D/g, '');
  return digits.length === 10 ? digits : null;
}

/** The employer's key: its organisation number, else a slug of its name (`[a-z0-9-]`). */
export function employerKey(orgnr: string | null, name: string): string {
  if (orgnr) return orgnr;
  const slug = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'unknown';
}

/** JobTech concept ids look like `rUcW_z9R_Qsv`; anything else (an over-long text) is no id. */
const CONCEPT_ID = /^[A-Za-z0-9_-]{1,40}$/;

function conceptId(ref: unknown): string | null {
  return isObject(ref) && typeof ref.concept_id === 'string' && CONCEPT_ID.test(ref.concept_id)
    ? ref.concept_id
    : null;
}

function label(ref: unknown): string {
  return isObject(ref) && typeof ref.label === 'string' ? truncate(ref.label, MAX_HEADLINE_LENGTH) : '';
}

export type JobAdRow = Insertable<JobAdsTable>;

/**
 * The job_ads row for a validated ad: open, or closed as expired when its last publication date
 * has passed at `now`.
 */
export function normalizeAd(record: AdRecord, scope: IngestScope, now: Date): JobAdRow {
  const ad = record.ad;
  const employer = ad.employer ?? null;
  const employerName = truncate(
    (employer?.name ?? '').trim() || (employer?.workplace ?? '').trim(),
    MAX_HEADLINE_LENGTH,
  );
  const orgnr = orgnrOf(employer?.organization_number);
  const descriptionText = truncate(ad.description?.text ?? '', MAX_INDEXED_LENGTH);
  const expired = record.lastPublicationAt !== null && record.lastPublicationAt.getTime() < now.getTime();
  return {
    region_id: scope.regionId,
    id: record.id,
    origin: ad.lotsa_generated === true ? 'generated' : 'jobtech',
    status: expired ? 'closed' : 'open',
    closed_reason: expired ? 'expired' : null,
    closed_at: expired ? record.lastPublicationAt : null,
    source_timestamp: record.timestamp,
    content_hash: contentHash(ad),
    raw: JSON.stringify(ad),
    lang: detectLang(ad.headline, descriptionText),
    headline: ad.headline.trim(),
    employer_name: employerName,
    employer_key: employerKey(orgnr, employerName),
    employer_orgnr: orgnr,
    workplace: truncate(employer?.workplace?.trim() ?? '', MAX_HEADLINE_LENGTH) || null,
    municipality_code: record.municipalityConceptId
      ? (scope.municipalities.get(record.municipalityConceptId) ?? null)
      : null,
    occupation_id: conceptId(ad.occupation),
    occupation_label: label(ad.occupation),
    occupation_group_id: conceptId(ad.occupation_group),
    occupation_group_label: label(ad.occupation_group),
    occupation_field_id: conceptId(ad.occupation_field),
    occupation_field_label: label(ad.occupation_field),
    employment_type_id: conceptId(ad.employment_type),
    worktime_extent_id: conceptId(ad.working_hours_type),
    salary_type_id: conceptId(ad.salary_type),
    duration_id: conceptId(ad.duration),
    remote: ad.remote_work === true || mentionsRemoteWork(ad.headline, descriptionText),
    vacancies: typeof ad.number_of_vacancies === 'number' ? ad.number_of_vacancies : null,
    description_text: descriptionText,
    published_at: record.publishedAt,
    last_publication_at: record.lastPublicationAt,
    deadline_at: record.deadlineAt,
  };
}
