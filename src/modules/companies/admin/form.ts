/**
 * The edit form's values ⇄ CompanyData. The values are what the person typed, field by field, kept
 * as typed so a form that failed (or met someone else's save) comes back with every character;
 * `valuesOf` makes them from a stored version, `readCompany` turns them into CompanyData or says
 * what is wrong by the field. Occupations are picked without JavaScript: a step's search words are
 * looked up when the form is saved; one match is taken, several are offered to choose from.
 *
 * Field names: name, summary_sv/en, about_sv/en, impact_sv/en, industry_0…4, municipalities,
 * logo (+ the file `file`, id logo_file), photos, film_url, website, same_as, employees,
 * sites_sv/en, languages, badges + badge_<badge>_sv/en, paths + path_<i>_title_sv/en,
 * path_<i>_steps + path_<i>_step_<j>_occ/_q/_title_sv/_title_en/_text_sv/_text_en, stories.
 */
import {
  FormReader,
  line,
  many,
  multiline,
  one,
  type FieldError as PlatformFieldError,
  type FieldErrors as PlatformFieldErrors,
  type FormValues,
} from '../../../platform/html/form-values.ts';
import { isWebAddress } from '../../../platform/html/links.ts';
import { imageSlugs, parseMarkup, toMarkup } from '../../../platform/html/richtext.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import {
  BADGES,
  COMPANY_LIMITS,
  emptyCompany,
  type CareerPath,
  type CareerStep,
  type CompanyData,
  type Localised,
} from '../model.ts';
import { isSniDivision } from '../sni.ts';
import type { CompanyMessageKey } from './messages.ts';
import type { Occupation } from './repository.ts';

export type { FormValues } from '../../../platform/html/form-values.ts';
export type FieldError = PlatformFieldError<CompanyMessageKey>;
/** Field id → what is wrong with it. */
export type FieldErrors = PlatformFieldErrors<CompanyMessageKey>;

export const LANGS = ['sv', 'en'] as const;
/** Languages offered for "spoken at work" (ISO 639-1), named in the page's language by Intl. */
export const WORK_LANGUAGES = [
  'sv',
  'en',
  'fi',
  'no',
  'da',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'pl',
  'pt',
  'ar',
  'fa',
  'so',
  'ti',
  'tr',
  'uk',
  'ru',
  'zh',
  'hi',
] as const;
export const INDUSTRY_FIELDS = COMPANY_LIMITS.industries;
export const MAX_EMPLOYEES = 1_000_000;
const SITES_MAX = 200;
/** Empty career paths offered below the page's own; empty steps below each path's. */
const EMPTY_PATHS = 1;
const EMPTY_STEPS = 2;
/** The longest text of "Om oss" and "Det vi betyder för världen", per language (markup). */
export const RICH_TEXT_MAX = 20_000;
/**
 * The most a version may weigh as JSON, under the table's 400,000-byte check (PostgreSQL's text of
 * a jsonb value is a little longer than JSON.stringify's).
 */
export const PAGE_MAX_BYTES = 350_000;
/** Stored slugs of a media image (the library's rule). */
const IMAGE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export { many, one };

/** The form's string fields (a multipart body also carries the file, which is not a value). */
export function formValuesOf(body: Record<string, unknown> | undefined): FormValues {
  const out: FormValues = {};
  for (const [key, value] of Object.entries(body ?? {})) {
    if (key === '_csrf' || key === 'file' || key === 'fileTooLarge') continue;
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return out;
}

const stepPrefix = (path: number, step: number) => `path_${path}_step_${step}`;
export { stepPrefix };

function pair(values: FormValues, prefix: string, l: Localised): void {
  values[`${prefix}_sv`] = l.sv;
  values[`${prefix}_en`] = l.en;
}

/** The form's values for a stored version. */
export function valuesOf(data: CompanyData): FormValues {
  const v: FormValues = { name: data.name };
  pair(v, 'summary', data.summary);
  v.about_sv = toMarkup(data.about.sv);
  v.about_en = toMarkup(data.about.en);
  v.impact_sv = toMarkup(data.impact.sv);
  v.impact_en = toMarkup(data.impact.en);
  data.industries.forEach((code, i) => (v[`industry_${i}`] = code));
  v.municipalities = [...data.municipalities];
  v.logo = data.logo ?? '';
  v.photos = [...data.photos];
  v.film_url = data.filmUrl;
  v.website = data.website;
  v.same_as = data.sameAs.join('\n');
  v.employees = data.facts.employees === null ? '' : String(data.facts.employees);
  pair(v, 'sites', data.facts.sites);
  v.languages = [...data.facts.languages];
  v.badges = data.badges.map((b) => b.badge);
  for (const b of data.badges) pair(v, `badge_${b.badge}`, b.text);
  data.careerPaths.forEach((path, i) => {
    pair(v, `path_${i}_title`, path.title);
    path.steps.forEach((step, j) => {
      const p = stepPrefix(i, j);
      v[`${p}_occ`] = step.occupationId;
      pair(v, `${p}_title`, step.title);
      pair(v, `${p}_text`, step.text);
    });
    v[`path_${i}_steps`] = String(Math.min(path.steps.length + EMPTY_STEPS, COMPANY_LIMITS.careerSteps));
  });
  v.paths = String(Math.min(data.careerPaths.length + EMPTY_PATHS, COMPANY_LIMITS.careerPaths));
  v.stories = [...data.stories];
  return v;
}

/** A row count the form carries (`paths`, `path_<i>_steps`), within 1…max; `fallback` when absent. */
function rowCount(values: FormValues, name: string, max: number, fallback: number): number {
  const n = Number(one(values, name));
  return Math.min(Number.isInteger(n) && n > 0 ? n : fallback, max);
}

/** How many career paths the form shows. */
export function pathRows(values: FormValues): number {
  return rowCount(values, 'paths', COMPANY_LIMITS.careerPaths, EMPTY_PATHS);
}

/** How many steps a path shows. */
export function stepRows(values: FormValues, path: number): number {
  return rowCount(values, `path_${path}_steps`, COMPANY_LIMITS.careerSteps, EMPTY_STEPS);
}

/** The occupation ids and search words a form names: what `readCompany` needs looked up. */
export function occupationRefs(values: FormValues): { ids: string[]; searches: Map<string, string> } {
  const ids: string[] = [];
  const searches = new Map<string, string>();
  for (let i = 0; i < pathRows(values); i += 1) {
    for (let j = 0; j < stepRows(values, i); j += 1) {
      const p = stepPrefix(i, j);
      const id = one(values, `${p}_occ`).trim();
      if (id) ids.push(id);
      const q = line(one(values, `${p}_q`));
      if (q) searches.set(p, q.slice(0, 100));
    }
  }
  return { ids, searches };
}

export { line };

/** What the form may choose from, as the service looked it up. */
export interface FormChoices {
  /** The region's municipality codes. */
  municipalities: readonly string[];
  /** Image slugs the page may show (the owner's images, and those the page shows already). */
  images: ReadonlySet<string>;
  /** Those of them whose licence has expired: no longer to be shown (the content pages' rule). */
  expired: ReadonlySet<string>;
  /** Slugs of the published stories. */
  stories: ReadonlySet<string>;
  /** The occupations of the ids the form names (occupationRefs). */
  occupations: ReadonlyMap<string, Occupation>;
  /** The occupations each step's search words found (by step prefix). */
  found: ReadonlyMap<string, readonly Occupation[]>;
}

/** A step's occupation in the page's words: its label in the language (a group with its code). */
export function occupationLabel(o: Occupation, lang: Lang): string {
  return lang === 'en' ? (o.labelEn ?? o.label) : o.label;
}

class Reader extends FormReader<CompanyMessageKey> {
  constructor(values: FormValues) {
    super(values, 'error.tooLong');
  }

  https(name: string): string {
    const value = this.text(name, COMPANY_LIMITS.url);
    if (value && !isWebAddress(value, { httpsOnly: true })) this.fail(name, 'error.https');
    return value;
  }

  rich(name: string) {
    const source = one(this.values, name).replace(/\r\n?/g, '\n');
    if (source.length > RICH_TEXT_MAX) {
      this.fail(name, 'error.tooLong', { max: String(RICH_TEXT_MAX) });
      return parseMarkup('').doc;
    }
    const { doc, errors } = parseMarkup(source);
    if (errors.length > 0) this.errors[name] ??= { key: 'error.markup', markup: errors };
    else if (imageSlugs(doc).length > 0) this.fail(name, 'error.textImages');
    return doc;
  }
}

function readSameAs(r: Reader): string[] {
  const lines = multiline(one(r.values, 'same_as'))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > COMPANY_LIMITS.sameAs)
    r.fail('same_as', 'error.tooManyAddresses', { max: String(COMPANY_LIMITS.sameAs) });
  lines.forEach((address, i) => {
    if (!isWebAddress(address, { httpsOnly: true }))
      r.fail('same_as', 'error.httpsLine', { line: String(i + 1) });
  });
  return [...new Set(lines)].slice(0, COMPANY_LIMITS.sameAs);
}

function readEmployees(r: Reader): number | null {
  const text = one(r.values, 'employees').replace(/[\s\u00a0]/g, '');
  if (text === '') return null;
  const n = /^[0-9]{1,7}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_EMPLOYEES) {
    r.fail('employees', 'error.employees');
    return null;
  }
  return n;
}

/** A step's occupation: the chosen id, or what its search words found (one match is taken). */
function readOccupation(
  r: Reader,
  p: string,
  choices: FormChoices,
): { occupation?: Occupation; empty: boolean } {
  const q = line(one(r.values, `${p}_q`));
  const id = one(r.values, `${p}_occ`).trim();
  if (q) {
    const found = choices.found.get(p) ?? [];
    const exact = found.filter(
      (o) => o.label.toLowerCase() === q.toLowerCase() || o.labelEn?.toLowerCase() === q.toLowerCase(),
    );
    const pick = found.length === 1 ? found[0] : exact.length === 1 ? exact[0] : undefined;
    if (pick) {
      // Taken: the form shows it as chosen, the search words are spent.
      r.values[`${p}_occ`] = pick.id;
      r.values[`${p}_q`] = '';
      return { occupation: pick, empty: false };
    }
    if (found.length === 0) r.fail(`${p}_q`, 'error.occupationNone', { q });
    else r.fail(`${p}_q`, 'error.occupationPick', { q });
    return { empty: false };
  }
  if (!id) return { empty: true };
  const occupation = choices.occupations.get(id);
  if (!occupation) r.fail(`${p}_q`, 'error.occupationUnknown');
  return { occupation, empty: false };
}

function readPaths(r: Reader, choices: FormChoices): CareerPath[] {
  const paths: CareerPath[] = [];
  for (let i = 0; i < pathRows(r.values); i += 1) {
    const title = r.localised(`path_${i}_title`, COMPANY_LIMITS.name);
    const steps: CareerStep[] = [];
    for (let j = 0; j < stepRows(r.values, i); j += 1) {
      const p = stepPrefix(i, j);
      const stepTitle = r.localised(`${p}_title`, COMPANY_LIMITS.name);
      const text = r.localised(`${p}_text`, COMPANY_LIMITS.shortText, true);
      const { occupation, empty } = readOccupation(r, p, choices);
      const typed = [stepTitle.sv, stepTitle.en, text.sv, text.en].some(Boolean);
      if (empty && !typed) continue;
      if (empty) r.fail(`${p}_q`, 'error.occupationMissing');
      if (!occupation) continue;
      steps.push({
        occupationId: occupation.id,
        // An untitled step is called by its occupation; in English only by an English name (the
        // page then says the occupation in English itself, never its Swedish name).
        title: {
          sv: stepTitle.sv || occupation.label,
          en: stepTitle.en || occupation.labelEn || '',
        },
        text,
      });
    }
    if (!title.sv && !title.en && steps.length === 0) continue;
    if (!title.sv && !title.en) r.fail(`path_${i}_title_sv`, 'error.pathTitle');
    if (steps.length === 0 && !r.errors[stepPrefix(i, 0) + '_q'])
      r.fail(`${stepPrefix(i, 0)}_q`, 'error.pathSteps');
    paths.push({ title, steps });
  }
  return paths;
}

function readBadges(r: Reader, data: CompanyData): void {
  const chosen = many(r.values, 'badges');
  for (const badge of BADGES) {
    if (!chosen.includes(badge)) continue;
    const text = r.localised(`badge_${badge}`, COMPANY_LIMITS.shortText, true);
    for (const lang of LANGS) if (!text[lang]) r.fail(`badge_${badge}_${lang}`, `error.badgeText.${lang}`);
    data.badges.push({ badge, text });
  }
}

/** The form's values as CompanyData, or the errors by the field (nothing partial is saved). */
export function readCompany(
  values: FormValues,
  choices: FormChoices,
): { data: CompanyData; errors: FieldErrors; values: FormValues } {
  const r = new Reader({ ...values });
  const name = r.text('name', COMPANY_LIMITS.name);
  if (!name) r.fail('name', 'error.nameRequired');
  const data = emptyCompany(name);
  data.summary = r.localised('summary', COMPANY_LIMITS.summary, true);
  for (const lang of LANGS)
    if (!data.summary[lang]) r.fail(`summary_${lang}`, `error.summaryRequired.${lang}`);
  data.about = { sv: r.rich('about_sv'), en: r.rich('about_en') };
  data.impact = { sv: r.rich('impact_sv'), en: r.rich('impact_en') };
  for (let i = 0; i < INDUSTRY_FIELDS; i += 1) {
    const code = one(values, `industry_${i}`).trim();
    if (!code) continue;
    if (!isSniDivision(code)) r.fail(`industry_${i}`, 'error.industry');
    else if (!data.industries.includes(code)) data.industries.push(code);
  }
  data.municipalities = choices.municipalities.filter((m) => many(values, 'municipalities').includes(m));
  const logo = line(one(values, 'logo'));
  if (logo && (!IMAGE_SLUG.test(logo) || !choices.images.has(logo))) r.fail('logo', 'error.image');
  else if (choices.expired.has(logo)) r.fail('logo', 'error.imageExpired', { image: logo });
  data.logo = logo || null;
  const photos = [...new Set(many(values, 'photos').map(line))].filter(Boolean);
  if (photos.some((p) => !IMAGE_SLUG.test(p) || !choices.images.has(p))) r.fail('photos', 'error.image');
  const expired = photos.find((p) => choices.expired.has(p));
  if (expired) r.fail('photos', 'error.imageExpired', { image: expired });
  if (photos.length > COMPANY_LIMITS.photos)
    r.fail('photos', 'error.tooManyPhotos', { max: String(COMPANY_LIMITS.photos) });
  data.photos = photos.filter((p) => choices.images.has(p)).slice(0, COMPANY_LIMITS.photos);
  data.filmUrl = r.https('film_url');
  data.website = r.https('website');
  data.sameAs = readSameAs(r);
  data.facts = {
    employees: readEmployees(r),
    sites: r.localised('sites', SITES_MAX),
    languages: WORK_LANGUAGES.filter((l) => many(values, 'languages').includes(l)),
  };
  readBadges(r, data);
  data.careerPaths = readPaths(r, choices);
  data.stories = [...choices.stories]
    .filter((s) => many(values, 'stories').includes(s))
    .slice(0, COMPANY_LIMITS.stories);
  if (Buffer.byteLength(JSON.stringify(data)) > PAGE_MAX_BYTES) r.fail('about_sv', 'error.pageTooLarge');
  return { data, errors: r.errors, values: r.values };
}
