/**
 * The demo content of the region's digital home (demo/**): place pages for every municipality,
 * moving guides, invented stories, the target groups' paths, and the SVG illustrations with their
 * credits. Each JSON file is one item: `{ kind, slug, municipalityCode, demo: true, …ContentData }`
 * with every body as markup per language, turned into RichDoc here by parseMarkup. Everything is
 * checked when read: both languages, the contract's limits, markup without errors, known images,
 * slugs that exist, real dates, and the honest demo marking (every body ends with a paragraph in
 * italics that starts "Demo:"; a story's summary says it is an invented example).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isEmptyDoc, richTextPlain, type RichDoc } from '../../platform/html/rich-doc.ts';
import { imageSlugs, parseMarkup } from '../../platform/html/richtext.ts';
import { isIsoDate } from '../regions/facts-data.ts';
import {
  CONTENT_LIMITS,
  GUIDE_AUDIENCES,
  GUIDE_PHASES,
  isTargetGroup,
  TARGET_GROUPS,
  type ContentData,
  type ContentKind,
  type Localised,
} from './model.ts';

export const DEMO_DIR = new URL('./demo/', import.meta.url);

/** Where each kind's files live under demo/. */
export const DEMO_FOLDERS: Record<ContentKind, string> = {
  place: 'places',
  guide: 'guides',
  story: 'stories',
  path: 'paths',
};

/** The demo photographs the media library imports (../shared/data/images, slugs = file names). */
export const DEMO_PHOTO_SLUGS = [
  'lake-jetty-sunset',
  'winter-spruce-forest',
  'autumn-forest-sunbeams',
  'winter-tree-lined-path',
  'office-open-plan-workers',
  'office-team-workshop',
  'midsommar-maypole',
  'valborg-bonfire-lake',
  'national-day-folk-costumes',
] as const;

/** Words of a body per language (the footer included), by kind: place pages and stories are held to them. */
export const DEMO_WORDS: Partial<Record<ContentKind, readonly [number, number]>> = {
  place: [250, 450],
  story: [200, 400],
};

export interface DemoRecord {
  kind: ContentKind;
  slug: string;
  municipalityCode: string | null;
  data: ContentData;
}

export interface DemoIllustration {
  slug: string;
  /** The SVG file. */
  file: URL;
  width: number;
  height: number;
  alt: Localised;
  author: string;
  licence: string;
  licenceUrl: string;
  source: string;
  credit: Localised;
}

/** A municipality as the demo needs it (the region's data). */
export interface DemoMunicipality {
  code: string;
  slug: string;
}

export class DemoContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`demo content: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ' …' : ''}`);
  }
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const LANGS = ['sv', 'en'] as const;
const DEMO_MARK = /^Demo: /;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Counts words as a reader would (runs of letters or digits). */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** The illustrations' credits (demo/illustrations/credits.json), checked. */
export function demoIllustrations(dir: URL = DEMO_DIR): DemoIllustration[] {
  const folder = new URL('illustrations/', dir);
  const credits = JSON.parse(readFileSync(new URL('credits.json', folder), 'utf8')) as {
    illustrations: (Omit<DemoIllustration, 'file'> & { file: string })[];
  };
  return credits.illustrations.map((c) => {
    const svg = readFileSync(new URL(c.file, folder), 'utf8');
    if (!/^illustration-[a-z0-9-]+$/.test(c.slug) || !/^[a-z0-9-]+\.svg$/.test(c.file)) {
      throw new DemoContentError([`illustration ${c.slug}: bad slug or file name`]);
    }
    if (/<script|\bon[a-z]+\s*=|href\s*=|url\((?!#)/i.test(svg) || !svg.includes('<title')) {
      throw new DemoContentError([`illustration ${c.slug}: must have a title and no scripts or references`]);
    }
    return { ...c, file: new URL(c.file, folder) };
  });
}

/** The JSON files of one kind, by slug (file name without `.json`). */
function readKind(dir: URL, kind: ContentKind): { slug: string; value: unknown }[] {
  const folder = new URL(`${DEMO_FOLDERS[kind]}/`, dir);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      slug: name.slice(0, -'.json'.length),
      value: JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as unknown,
    }));
}

/** Collects problems as `where: what`. */
class Problems {
  readonly list: string[] = [];
  add(where: string, what: string): void {
    this.list.push(`${where}: ${what}`);
  }

  text(where: string, value: unknown, max: number): value is string {
    if (typeof value !== 'string' || !value.trim()) this.add(where, 'is missing');
    else if (value.length > max) this.add(where, `is longer than ${max} characters`);
    else return true;
    return false;
  }

  localised(where: string, value: unknown, max: number): Localised {
    const v = isObject(value) ? value : {};
    if (!isObject(value)) this.add(where, 'must be { sv, en }');
    for (const lang of LANGS) this.text(`${where}.${lang}`, v[lang], max);
    return { sv: String(v.sv ?? ''), en: String(v.en ?? '') };
  }
}

/** A body's markup in one language as a RichDoc, with its words checked and its demo footer. */
function bodyDoc(
  p: Problems,
  where: string,
  kind: ContentKind,
  markup: unknown,
  images: ReadonlySet<string>,
): RichDoc {
  if (typeof markup !== 'string' || !markup.trim()) {
    p.add(where, 'is missing');
    return { v: 1, blocks: [] };
  }
  const { doc, errors } = parseMarkup(markup);
  for (const e of errors) p.add(`${where} line ${e.line}`, e.code);
  if (isEmptyDoc(doc)) p.add(where, 'has no text');
  for (const slug of imageSlugs(doc)) if (!images.has(slug)) p.add(where, `shows unknown image ${slug}`);
  const last = doc.blocks.at(-1);
  const first = last && last.t === 'p' ? last.c[0] : undefined;
  const mark = first?.t === 'em' && first.c[0]?.t === 'text' ? first.c[0].v : '';
  if (!DEMO_MARK.test(mark)) p.add(where, 'must end with an italic paragraph starting "Demo: "');
  const range = DEMO_WORDS[kind];
  const words = wordCount(richTextPlain(doc));
  if (range && (words < range[0] || words > range[1]))
    p.add(where, `has ${words} words, not ${range[0]}–${range[1]}`);
  return doc;
}

/** The parts every kind shares. */
function commonData(
  p: Problems,
  at: string,
  kind: ContentKind,
  v: Record<string, unknown>,
  images: ReadonlySet<string>,
): ContentData {
  const body = isObject(v.body) ? v.body : {};
  const groups = Array.isArray(v.targetGroups) ? v.targetGroups : [];
  if (groups.length === 0 || !groups.every(isTargetGroup) || new Set(groups).size !== groups.length) {
    p.add(`${at}.targetGroups`, `must list distinct groups among ${TARGET_GROUPS.join(', ')}`);
  }
  if (v.heroImage !== null && !(typeof v.heroImage === 'string' && images.has(v.heroImage))) {
    p.add(`${at}.heroImage`, `is not a known image: ${String(v.heroImage)}`);
  }
  return {
    title: p.localised(`${at}.title`, v.title, CONTENT_LIMITS.title),
    summary: p.localised(`${at}.summary`, v.summary, CONTENT_LIMITS.summary),
    body: {
      sv: bodyDoc(p, `${at}.body.sv`, kind, body.sv, images),
      en: bodyDoc(p, `${at}.body.en`, kind, body.en, images),
    },
    heroImage: typeof v.heroImage === 'string' ? v.heroImage : null,
    targetGroups: groups.filter(isTargetGroup),
  };
}

function placePart(p: Problems, at: string, slug: string, v: Record<string, unknown>): ContentData['place'] {
  const place = isObject(v.place) ? v.place : {};
  const c = isObject(place.contact) ? place.contact : {};
  if (!p.text(`${at}.contact.name`, c.name, CONTENT_LIMITS.title)) return undefined;
  if (typeof c.email !== 'string' || !c.email.endsWith('.example')) {
    p.add(`${at}.contact.email`, 'must be a fictitious address ending in .example');
  }
  if (typeof c.phone !== 'string' || (c.phone !== '' && !/^\+46 ?555[ 0-9]{4,9}$/.test(c.phone))) {
    p.add(`${at}.contact.phone`, 'must be empty or a +46 555 number');
  }
  if (c.url !== `https://www.${slug}.se`) p.add(`${at}.contact.url`, `must be https://www.${slug}.se`);
  return {
    contact: {
      name: String(c.name),
      email: String(c.email),
      phone: String(c.phone ?? ''),
      url: String(c.url),
    },
    newcomerText: p.localised(`${at}.newcomerText`, place.newcomerText, CONTENT_LIMITS.shortText),
  };
}

function guidePart(p: Problems, at: string, v: Record<string, unknown>): ContentData['guide'] {
  const guide = isObject(v.guide) ? v.guide : {};
  const audiences = Array.isArray(guide.audiences) ? guide.audiences : [];
  if (!audiences.length || !audiences.every((a) => (GUIDE_AUDIENCES as readonly unknown[]).includes(a))) {
    p.add(`${at}.audiences`, `must list audiences among ${GUIDE_AUDIENCES.join(', ')}`);
  }
  const steps = Array.isArray(guide.steps) ? guide.steps : [];
  if (!steps.length || steps.length > CONTENT_LIMITS.steps)
    p.add(`${at}.steps`, `must hold 1–${CONTENT_LIMITS.steps} steps`);
  return {
    audiences: audiences as NonNullable<ContentData['guide']>['audiences'],
    steps: steps.map((s: unknown, i) => {
      const w = `${at}.steps[${i}]`;
      const step = isObject(s) ? s : {};
      if (!(GUIDE_PHASES as readonly unknown[]).includes(step.phase)) p.add(`${w}.phase`, 'is not a phase');
      if (typeof step.url !== 'string' || !/^https:\/\/[a-z0-9.-]+\.se(\/|$)/.test(step.url)) {
        p.add(`${w}.url`, 'must be an https address of a Swedish (.se) site');
      }
      const text = (k: string) => p.localised(`${w}.${k}`, step[k], CONTENT_LIMITS.shortText);
      return {
        phase: step.phase as NonNullable<ContentData['guide']>['steps'][number]['phase'],
        url: String(step.url),
        title: text('title'),
        authority: text('authority'),
        bring: text('bring'),
        text: text('text'),
      };
    }),
  };
}

function storyPart(
  p: Problems,
  at: string,
  v: Record<string, unknown>,
  data: ContentData,
): ContentData['story'] {
  const story = isObject(v.story) ? v.story : {};
  const consent = isObject(story.consent) ? story.consent : {};
  p.text(`${at}.personName`, story.personName, CONTENT_LIMITS.title);
  if (typeof story.employer !== 'string' || !story.employer.endsWith('(demo)')) {
    p.add(`${at}.employer`, 'must be an invented employer marked "(demo)"');
  }
  if (!data.summary.sv.includes('(Påhittat exempel.)') || !data.summary.en.includes('(Invented example.)')) {
    p.add(`${at}.summary`, 'must say it is an invented example in both languages');
  }
  for (const k of ['recordedOn', 'endsOn']) {
    if (!isIsoDate(consent[k])) p.add(`${at}.consent.${k}`, 'must be a date YYYY-MM-DD');
  }
  if (isIsoDate(consent.recordedOn) && isIsoDate(consent.endsOn) && consent.endsOn <= consent.recordedOn) {
    p.add(`${at}.consent.endsOn`, 'must come after recordedOn');
  }
  p.text(`${at}.consent.method`, consent.method, CONTENT_LIMITS.title);
  const short = (k: string) => p.localised(`${at}.${k}`, story[k], CONTENT_LIMITS.shortText);
  return {
    personName: String(story.personName ?? ''),
    profession: short('profession'),
    employer: String(story.employer ?? ''),
    movedFrom: short('movedFrom'),
    quote: short('quote'),
    consent: {
      recordedOn: String(consent.recordedOn),
      method: String(consent.method),
      endsOn: String(consent.endsOn),
    },
  };
}

function pathPart(p: Problems, at: string, v: Record<string, unknown>): ContentData['path'] {
  const path = isObject(v.path) ? v.path : {};
  p.text(`${at}.jobQuery`, path.jobQuery, 200);
  const list = (k: string): string[] => {
    const value = path[k];
    if (
      !Array.isArray(value) ||
      !value.length ||
      value.length > CONTENT_LIMITS.slugs ||
      !value.every((s) => typeof s === 'string')
    ) {
      p.add(`${at}.${k}`, `must list 1–${CONTENT_LIMITS.slugs} slugs`);
      return [];
    }
    return value as string[];
  };
  return {
    jobQuery: String(path.jobQuery ?? ''),
    places: list('places'),
    guides: list('guides'),
    stories: list('stories'),
  };
}

/** One file as a record; its problems go to `p`. */
function toRecord(
  p: Problems,
  kind: ContentKind,
  file: { slug: string; value: unknown },
  codes: ReadonlyMap<string, string>,
  images: ReadonlySet<string>,
): DemoRecord | undefined {
  const at = `${DEMO_FOLDERS[kind]}/${file.slug}.json`;
  const v = file.value;
  if (!isObject(v)) return (p.add(at, 'must hold an object'), undefined);
  if (v.kind !== kind) p.add(`${at}.kind`, `must be ${kind}`);
  if (v.slug !== file.slug || !SLUG.test(file.slug))
    p.add(`${at}.slug`, 'must equal the file name (a-z, 0-9, -)');
  if (v.demo !== true) p.add(`${at}.demo`, 'must be true');
  const data = commonData(p, at, kind, v, images);
  const code = typeof v.municipalityCode === 'string' ? v.municipalityCode : null;
  if (kind === 'place') {
    if (code === null || codes.get(file.slug) !== code)
      p.add(`${at}.municipalityCode`, `must be the code of ${file.slug}`);
    data.place = placePart(p, at, file.slug, v);
  } else if (kind === 'story') {
    if (code === null || ![...codes.values()].includes(code))
      p.add(`${at}.municipalityCode`, 'must be a municipality of the region');
    data.story = storyPart(p, at, v, data);
  } else if (code !== null) {
    p.add(`${at}.municipalityCode`, 'must be null');
  }
  if (kind === 'guide') data.guide = guidePart(p, at, v);
  if (kind === 'path') {
    if (!isTargetGroup(file.slug) || data.targetGroups.join() !== file.slug) {
      p.add(`${at}`, 'a path is named by its target group and belongs to it alone');
    }
    data.path = pathPart(p, at, v);
  }
  return { kind, slug: file.slug, municipalityCode: code, data };
}

/** Whole-set rules: every municipality has a page, every group a path, every path's slugs exist. */
function checkSet(p: Problems, records: DemoRecord[], codes: ReadonlyMap<string, string>): void {
  const slugs = (kind: ContentKind) => new Set(records.filter((r) => r.kind === kind).map((r) => r.slug));
  const places = slugs('place');
  for (const slug of codes.keys()) if (!places.has(slug)) p.add(`places/${slug}.json`, 'is missing');
  const paths = slugs('path');
  for (const group of TARGET_GROUPS) if (!paths.has(group)) p.add(`paths/${group}.json`, 'is missing');
  const known = { places, guides: slugs('guide'), stories: slugs('story') };
  for (const r of records) {
    if (!r.data.path) continue;
    for (const key of ['places', 'guides', 'stories'] as const) {
      for (const slug of r.data.path[key]) {
        if (!known[key].has(slug)) p.add(`paths/${r.slug}.json.path.${key}`, `names unknown ${slug}`);
      }
    }
  }
}

/**
 * Reads and checks every demo file. `municipalities` are the region's (slug ↔ code); problems come
 * back all at once, so that one run shows everything to fix.
 */
export function checkDemoContent(
  municipalities: readonly DemoMunicipality[],
  dir: URL = DEMO_DIR,
): { records: DemoRecord[]; problems: string[] } {
  const p = new Problems();
  const codes = new Map(municipalities.map((m) => [m.slug, m.code]));
  const images = new Set<string>([...DEMO_PHOTO_SLUGS, ...demoIllustrations(dir).map((i) => i.slug)]);
  const records: DemoRecord[] = [];
  for (const kind of ['place', 'guide', 'story', 'path'] as const) {
    for (const file of readKind(dir, kind)) {
      const record = toRecord(p, kind, file, codes, images);
      if (record) records.push(record);
    }
  }
  checkSet(p, records, codes);
  return { records, problems: p.list };
}

/** The demo items, checked; throws DemoContentError listing every problem. */
export function loadDemoContent(
  municipalities: readonly DemoMunicipality[],
  dir: URL = DEMO_DIR,
): DemoRecord[] {
  const { records, problems } = checkDemoContent(municipalities, dir);
  if (problems.length) throw new DemoContentError(problems);
  return records;
}
