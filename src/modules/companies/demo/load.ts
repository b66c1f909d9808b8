/**
 * The demo companies `npm start` shows (companies/*.json: one invented company per file, its page
 * in both languages with every body as markup, turned into RichDoc here by parseMarkup), and their
 * logos (logos/*.svg: simple wordmarks drawn for Lotsa, CC0, credits in logos/credits.json).
 *
 * Everything is checked when read, and the problems come back all at once: both languages, the
 * page's limits, markup without errors, SNI divisions, the region's municipalities, known images
 * and stories, JobTech occupations that exist, a valid organisationsnummer, and the honest demo
 * marking (a summary that says it is invented, an about text that ends with an italic paragraph
 * starting "Demo:"). Each company is also an employer of the demo board (jobs/data/demo/
 * companies.json) under the same name, number and site, so that its page finds its open jobs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isEmptyDoc, type RichDoc } from '../../../platform/html/rich-doc.ts';
import { imageSlugs, parseMarkup } from '../../../platform/html/richtext.ts';
import {
  DEMO_DIR as CONTENT_DEMO_DIR,
  DEMO_FOLDERS,
  DEMO_PHOTO_SLUGS,
  demoIllustrations,
} from '../../content/demo.ts';
import { parseOrgNumber } from '../../identity/organisations/orgnr.ts';
import { LINKED_EMPLOYERS } from '../../jobs/demo-data.ts';
import { shippedConcepts } from '../../jobs/taxonomy.ts';
import { BADGES, COMPANY_LIMITS, isBadge, type CompanyData, type Localised } from '../model.ts';
import { isSniDivision } from '../sni.ts';

export const COMPANIES_DEMO_DIR = new URL('./', import.meta.url);

/** What the seed needs of one demo company. */
export interface DemoCompany {
  slug: string;
  orgNumber: string;
  featured: boolean;
  data: CompanyData;
  /** "Vi kommer att behöva": occupation concept id → people in the coming year. */
  competenceNeeds: Array<{ occupationId: string; people: number }>;
  logo: DemoLogo;
}

/** A company's logo as the media library imports it. */
export interface DemoLogo {
  slug: string;
  file: URL;
  alt: Localised;
  credit: { photographer: string; licence: string; licenceUrl: string; source: string };
}

export class DemoCompaniesError extends Error {
  constructor(readonly problems: string[]) {
    super(`demo companies: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ' …' : ''}`);
  }
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LANGS = ['sv', 'en'] as const;
const DEMO_MARK = /^Demo: /;
const SUMMARY_MARK: Localised = { sv: '(Påhittat demoföretag.)', en: '(Invented demo company.)' };
/** The fewest badges and career steps a demo company shows. */
const MIN_BADGES = 2;
const MIN_STEPS = 3;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects problems as `where: what`. */
class Problems {
  readonly list: string[] = [];
  add(where: string, what: string): void {
    this.list.push(`${where}: ${what}`);
  }

  text(where: string, value: unknown, max: number): string {
    if (typeof value !== 'string' || !value.trim()) this.add(where, 'is missing');
    else if (value.length > max) this.add(where, `is longer than ${max} characters`);
    return typeof value === 'string' ? value : '';
  }

  localised(where: string, value: unknown, max: number): Localised {
    if (!isObject(value)) this.add(where, 'must be { sv, en }');
    const v = isObject(value) ? value : {};
    return { sv: this.text(`${where}.sv`, v.sv, max), en: this.text(`${where}.en`, v.en, max) };
  }

  list_(where: string, value: unknown, min: number, max: number): unknown[] {
    if (!Array.isArray(value) || value.length < min || value.length > max) {
      this.add(where, `must list ${min}–${max} items`);
      return Array.isArray(value) ? value : [];
    }
    return value;
  }
}

/** The logos' credits (logos/credits.json). */
function logoCredit(dir: URL): DemoLogo['credit'] {
  const c = JSON.parse(readFileSync(new URL('logos/credits.json', dir), 'utf8')) as Record<string, string>;
  return {
    photographer: c.author ?? '',
    licence: c.licence ?? '',
    licenceUrl: c.licenceUrl ?? '',
    source: c.source && c.source !== c.author ? c.source : '',
  };
}

/** A shipped SVG that the library may serve: a title, no scripts, no references out. */
function checkLogo(p: Problems, at: string, file: URL): void {
  if (!existsSync(file)) return p.add(at, `has no file ${file.pathname.split('/').pop()}`);
  const svg = readFileSync(file, 'utf8');
  if (!/^<svg\b/.test(svg) || !svg.includes('<title>')) p.add(at, 'must be an SVG with a <title>');
  if (/<script|\bon[a-z]+\s*=|href\s*=|url\((?!#)|<image|<foreignObject/i.test(svg))
    p.add(at, 'must have no scripts, links or embedded images');
}

/** A text's markup in one language as a RichDoc; `footer`: it must end with the demo paragraph. */
function markupDoc(
  p: Problems,
  where: string,
  markup: unknown,
  images: ReadonlySet<string>,
  footer: boolean,
): RichDoc {
  if (typeof markup !== 'string' || !markup.trim()) {
    p.add(where, 'is missing');
    return { v: 1, blocks: [] };
  }
  const { doc, errors } = parseMarkup(markup);
  for (const e of errors) p.add(`${where} line ${e.line}`, e.code);
  if (isEmptyDoc(doc)) p.add(where, 'has no text');
  for (const slug of imageSlugs(doc)) if (!images.has(slug)) p.add(where, `shows unknown image ${slug}`);
  if (footer) {
    const last = doc.blocks.at(-1);
    const first = last && last.t === 'p' ? last.c[0] : undefined;
    const mark = first?.t === 'em' && first.c[0]?.t === 'text' ? first.c[0].v : '';
    if (!DEMO_MARK.test(mark)) p.add(where, 'must end with an italic paragraph starting "Demo: "');
  }
  return doc;
}

/** What a company file is checked against. */
interface Known {
  municipalities: ReadonlySet<string>;
  images: ReadonlySet<string>;
  stories: ReadonlySet<string>;
  occupations: ReadonlySet<string>;
}

function codes(p: Problems, where: string, value: unknown, max: number, ok: (c: string) => boolean) {
  const list = p.list_(where, value, 1, max).map(String);
  if (new Set(list).size !== list.length) p.add(where, 'names one twice');
  for (const c of list) if (!ok(c)) p.add(where, `does not know ${c}`);
  return list;
}

function badgesOf(p: Problems, at: string, value: unknown): CompanyData['badges'] {
  const list = p.list_(`${at}.badges`, value, MIN_BADGES, BADGES.length);
  const badges = list.map((b, i) => {
    const v = isObject(b) ? b : {};
    if (!isBadge(v.badge)) p.add(`${at}.badges[${i}].badge`, `must be one of ${BADGES.join(', ')}`);
    return {
      badge: v.badge as CompanyData['badges'][number]['badge'],
      text: p.localised(`${at}.badges[${i}].text`, v.text, COMPANY_LIMITS.shortText),
    };
  });
  if (new Set(badges.map((b) => b.badge)).size !== badges.length) p.add(`${at}.badges`, 'repeats a badge');
  return badges;
}

function careerPathsOf(p: Problems, at: string, value: unknown, known: Known): CompanyData['careerPaths'] {
  return p.list_(`${at}.careerPaths`, value, 1, COMPANY_LIMITS.careerPaths).map((path, i) => {
    const where = `${at}.careerPaths[${i}]`;
    const v = isObject(path) ? path : {};
    const steps = p.list_(`${where}.steps`, v.steps, MIN_STEPS, COMPANY_LIMITS.careerSteps).map((s, j) => {
      const step = isObject(s) ? s : {};
      const id = String(step.occupationId ?? '');
      if (!known.occupations.has(id))
        p.add(`${where}.steps[${j}].occupationId`, `is not an occupation: ${id}`);
      return {
        occupationId: id,
        title: p.localised(`${where}.steps[${j}].title`, step.title, COMPANY_LIMITS.name),
        text: p.localised(`${where}.steps[${j}].text`, step.text, COMPANY_LIMITS.shortText),
      };
    });
    return { title: p.localised(`${where}.title`, v.title, COMPANY_LIMITS.name), steps };
  });
}

function factsOf(p: Problems, at: string, value: unknown): CompanyData['facts'] {
  const v = isObject(value) ? value : {};
  const employees = v.employees;
  if (employees !== null && !(Number.isInteger(employees) && (employees as number) > 0))
    p.add(`${at}.facts.employees`, 'must be a whole number above 0, or null');
  const languages = p.list_(`${at}.facts.languages`, v.languages, 1, COMPANY_LIMITS.languages).map(String);
  for (const l of languages)
    if (!/^[a-z]{2}$/.test(l)) p.add(`${at}.facts.languages`, `${l} is not ISO 639-1`);
  return {
    employees: typeof employees === 'number' ? employees : null,
    sites: p.localised(`${at}.facts.sites`, v.sites, COMPANY_LIMITS.shortText),
    languages,
  };
}

function competenceNeedsOf(p: Problems, at: string, value: unknown, known: Known) {
  return p.list_(`${at}.competenceNeeds`, value, 1, COMPANY_LIMITS.competenceNeeds).map((n, i) => {
    const v = isObject(n) ? n : {};
    const occupationId = String(v.occupationId ?? '');
    if (!known.occupations.has(occupationId))
      p.add(`${at}.competenceNeeds[${i}]`, `is not an occupation: ${occupationId}`);
    if (!(Number.isInteger(v.people) && (v.people as number) >= 1 && (v.people as number) <= 10_000))
      p.add(`${at}.competenceNeeds[${i}].people`, 'must be 1–10,000');
    return { occupationId, people: Number(v.people) };
  });
}

/** One file as a demo company; its problems go to `p`. */
function toCompany(
  p: Problems,
  dir: URL,
  file: { slug: string; value: unknown },
  known: Known,
  credit: DemoLogo['credit'],
): DemoCompany | undefined {
  const at = `companies/${file.slug}.json`;
  const v = file.value;
  if (!isObject(v)) return (p.add(at, 'must hold an object'), undefined);
  if (v.slug !== file.slug || !SLUG.test(file.slug) || file.slug.length > 80)
    p.add(`${at}.slug`, 'must equal the file name (a-z, 0-9, single hyphens)');
  if (v.demo !== true) p.add(`${at}.demo`, 'must be true');
  if (typeof v.featured !== 'boolean') p.add(`${at}.featured`, 'must be true or false');
  const orgNumber = parseOrgNumber(String(v.orgNumber ?? ''));
  if (!orgNumber.ok || orgNumber.value !== v.orgNumber)
    p.add(`${at}.orgNumber`, 'must be a valid organisationsnummer, ten digits');
  const name = p.text(`${at}.name`, v.name, COMPANY_LIMITS.name);
  const summary = p.localised(`${at}.summary`, v.summary, COMPANY_LIMITS.summary);
  for (const lang of LANGS)
    if (!summary[lang].endsWith(SUMMARY_MARK[lang]))
      p.add(`${at}.summary.${lang}`, `must end "${SUMMARY_MARK[lang]}"`);
  const about = isObject(v.about) ? v.about : {};
  const impact = isObject(v.impact) ? v.impact : {};
  const logoSlug = `logo-${file.slug}`;
  if (v.logo !== logoSlug) p.add(`${at}.logo`, `must be ${logoSlug}`);
  const logoFile = new URL(`logos/${file.slug}.svg`, dir);
  checkLogo(p, `logos/${file.slug}.svg`, logoFile);
  const photos = p.list_(`${at}.photos`, v.photos, 1, COMPANY_LIMITS.photos).map(String);
  for (const slug of photos)
    if (!known.images.has(slug)) p.add(`${at}.photos`, `names unknown image ${slug}`);
  if (typeof v.website !== 'string' || !/^https:\/\/[a-z0-9-]+\.example\.com$/.test(v.website))
    p.add(`${at}.website`, 'must be https://….example.com');
  if (v.filmUrl !== '') p.add(`${at}.filmUrl`, 'must be empty (no demo film exists)');
  const sameAs = p.list_(`${at}.sameAs`, v.sameAs, 0, 0).map(String);
  const stories = p.list_(`${at}.stories`, v.stories, 0, COMPANY_LIMITS.stories).map(String);
  for (const s of stories) if (!known.stories.has(s)) p.add(`${at}.stories`, `names unknown story ${s}`);
  const data: CompanyData = {
    name,
    summary,
    about: {
      sv: markupDoc(p, `${at}.about.sv`, about.sv, known.images, true),
      en: markupDoc(p, `${at}.about.en`, about.en, known.images, true),
    },
    impact: {
      sv: markupDoc(p, `${at}.impact.sv`, impact.sv, known.images, false),
      en: markupDoc(p, `${at}.impact.en`, impact.en, known.images, false),
    },
    industries: codes(p, `${at}.industries`, v.industries, COMPANY_LIMITS.industries, isSniDivision),
    municipalities: codes(p, `${at}.municipalities`, v.municipalities, 15, (c) =>
      known.municipalities.has(c),
    ),
    logo: logoSlug,
    photos,
    filmUrl: '',
    website: String(v.website ?? ''),
    sameAs,
    facts: factsOf(p, at, v.facts),
    badges: badgesOf(p, at, v.badges),
    careerPaths: careerPathsOf(p, at, v.careerPaths, known),
    stories,
  };
  return {
    slug: file.slug,
    orgNumber: String(v.orgNumber ?? ''),
    featured: v.featured === true,
    data,
    competenceNeeds: competenceNeedsOf(p, at, v.competenceNeeds, known),
    logo: {
      slug: logoSlug,
      file: logoFile,
      alt: { sv: `Logotyp för ${name}`, en: `Logo of ${name}` },
      credit,
    },
  };
}

/** Each demo company employs on the demo board under its own name, number and site, and only there. */
function checkEmployers(p: Problems, companies: readonly DemoCompany[]): void {
  const byNumber = new Map(LINKED_EMPLOYERS.map((e) => [e.orgnr, e]));
  const numbers = new Set<string>();
  const slugs = new Set<string>();
  for (const c of companies) {
    const at = `companies/${c.slug}.json`;
    if (numbers.has(c.orgNumber)) p.add(at, `repeats organisationsnummer ${c.orgNumber}`);
    numbers.add(c.orgNumber);
    if (slugs.has(c.slug)) p.add(at, 'repeats a slug');
    slugs.add(c.slug);
    const employer = byNumber.get(c.orgNumber);
    if (!employer) {
      p.add(at, 'is not an employer in jobs/data/demo/companies.json');
      continue;
    }
    if (employer.name !== c.data.name || employer.url !== c.data.website)
      p.add(at, 'has another name or site than its employer in jobs/data/demo/companies.json');
    for (const code of Object.keys(employer.municipalities))
      if (!c.data.municipalities.includes(code)) p.add(at, `has job ads in ${code} but does not work there`);
  }
  for (const e of LINKED_EMPLOYERS)
    if (!numbers.has(e.orgnr)) p.add('jobs/data/demo/companies.json', `${e.name} has no demo company`);
}

/** The story slugs of the content demo (file names). */
function storySlugs(): Set<string> {
  const folder = new URL(`${DEMO_FOLDERS.story}/`, CONTENT_DEMO_DIR);
  return new Set(
    readdirSync(folder)
      .filter((n) => n.endsWith('.json'))
      .map((n) => n.slice(0, -'.json'.length)),
  );
}

/**
 * Reads and checks every demo company. `municipalities` are the region's codes; problems come back
 * all at once, so that one run shows everything to fix.
 */
export function checkDemoCompanies(
  municipalities: readonly string[],
  dir: URL = COMPANIES_DEMO_DIR,
): { companies: DemoCompany[]; problems: string[] } {
  const p = new Problems();
  const known: Known = {
    municipalities: new Set(municipalities),
    images: new Set<string>([...DEMO_PHOTO_SLUGS, ...demoIllustrations().map((i) => i.slug)]),
    stories: storySlugs(),
    occupations: new Set(
      shippedConcepts()
        .filter((c) => !c.deprecated && (c.type === 'occupation-name' || c.type === 'ssyk-level-4'))
        .map((c) => c.concept_id),
    ),
  };
  const credit = logoCredit(dir);
  const folder = new URL('companies/', dir);
  const companies: DemoCompany[] = [];
  for (const name of readdirSync(folder)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const value = JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as unknown;
    const company = toCompany(p, dir, { slug: name.slice(0, -'.json'.length), value }, known, credit);
    if (company) companies.push(company);
  }
  checkEmployers(p, companies);
  return { companies, problems: p.list };
}

/** The demo companies, checked; throws DemoCompaniesError listing every problem. */
export function loadDemoCompanies(municipalities: readonly string[], dir?: URL): DemoCompany[] {
  const { companies, problems } = checkDemoCompanies(municipalities, dir);
  if (problems.length) throw new DemoCompaniesError(problems);
  return companies;
}
