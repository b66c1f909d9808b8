/**
 * The editors' guide form without JavaScript: every field named by its place — `s{n}_title_sv`,
 * `s{n}_i{m}_url` — with numbered position fields to reorder and a "remove" box per section and
 * item; one blank section and one blank item per section are always offered, and a blank one is
 * ignored. What was typed is kept as typed (`GuideForm`, with the posted numbering, so an error's
 * field id finds its field again); `guideFromForm` checks it and builds the GuideData: sorted by
 * position, removed ones dropped, keys kept for existing items and made for new ones.
 */
import { randomBytes } from 'node:crypto';
import { line, multiline } from '../../../platform/html/form-values.ts';
import type { GuideItem, GuideSection, Localised } from '../model.ts';
import type { StoredGuideData } from './content.ts';
import { KEY_PATTERN, LIMITS, isGuideLink } from './guide.ts';
import type { GuidesMessageKey } from './messages.ts';

export interface ItemForm {
  index: number;
  key: string;
  position: string;
  remove: boolean;
  title: Localised;
  text: Localised;
  authority: Localised;
  url: string;
}

export interface SectionForm {
  index: number;
  position: string;
  remove: boolean;
  title: Localised;
  text: Localised;
  timeline: Localised;
  items: ItemForm[];
}

export interface GuideForm {
  version: string;
  image: string;
  title: Localised;
  summary: Localised;
  sections: SectionForm[];
}

export interface FormError {
  key: GuidesMessageKey;
  params?: Record<string, string>;
}
/** Field id → its error. */
export type GuideFormErrors = Record<string, FormError>;

/** The highest section and item number read from a post (anything beyond is not a field of ours). */
const MAX_INDEX = 40;

const SECTION_FIELD = /^s(\d{1,2})_/;
const ITEM_FIELD = /^s(\d{1,2})_i(\d{1,2})_/;

/** The form for a stored guide (positions 1, 2, 3 … in order). */
export function formOfGuide(data: StoredGuideData, version: number): GuideForm {
  return {
    version: String(version),
    image: data.image ?? '',
    title: { ...data.title },
    summary: { ...data.summary },
    sections: data.sections.map((s, i) => ({
      index: i,
      position: String(i + 1),
      remove: false,
      title: { ...s.title },
      text: { ...s.text },
      timeline: { ...s.timeline },
      items: s.items.map((item, j) => ({
        index: j,
        key: item.key,
        position: String(j + 1),
        remove: false,
        title: { ...item.title },
        text: { ...item.text },
        authority: { ...item.authority },
        url: item.url,
      })),
    })),
  };
}

type Body = Record<string, string | undefined>;

const get = (body: Body, name: string) => {
  const value = body[name];
  return typeof value === 'string' ? value : '';
};
const oneLine = (body: Body, name: string) => line(get(body, name));
const lines = (body: Body, name: string) => multiline(get(body, name));
const pairOf = (body: Body, prefix: string, many = false): Localised => ({
  sv: many ? lines(body, `${prefix}_sv`) : oneLine(body, `${prefix}_sv`),
  en: many ? lines(body, `${prefix}_en`) : oneLine(body, `${prefix}_en`),
});
const blank = (...values: Localised[]) => values.every((v) => v.sv === '' && v.en === '');

/** What was posted, as typed (blank new sections and items left out), in the posted numbering. */
export function readGuideForm(body: Body): GuideForm {
  const sectionNumbers = new Set<number>();
  const itemNumbers = new Map<number, Set<number>>();
  for (const name of Object.keys(body)) {
    const item = ITEM_FIELD.exec(name);
    if (item) {
      const [s, i] = [Number(item[1]), Number(item[2])];
      if (s <= MAX_INDEX && i <= MAX_INDEX) {
        sectionNumbers.add(s);
        if (!itemNumbers.has(s)) itemNumbers.set(s, new Set());
        itemNumbers.get(s)!.add(i);
      }
      continue;
    }
    const section = SECTION_FIELD.exec(name);
    if (section && Number(section[1]) <= MAX_INDEX) sectionNumbers.add(Number(section[1]));
  }
  const sections: SectionForm[] = [];
  for (const s of [...sectionNumbers].sort((a, b) => a - b)) {
    const p = `s${s}`;
    const items: ItemForm[] = [];
    for (const i of [...(itemNumbers.get(s) ?? [])].sort((a, b) => a - b)) {
      const q = `${p}_i${i}`;
      const item: ItemForm = {
        index: i,
        key: oneLine(body, `${q}_key`).slice(0, 60),
        position: oneLine(body, `${q}_position`).slice(0, 10),
        remove: get(body, `${q}_remove`) !== '',
        title: pairOf(body, `${q}_title`),
        text: pairOf(body, `${q}_text`, true),
        authority: pairOf(body, `${q}_authority`),
        url: oneLine(body, `${q}_url`),
      };
      if (item.key === '' && blank(item.title, item.text, item.authority) && item.url === '') continue;
      items.push(item);
    }
    const section: SectionForm = {
      index: s,
      position: oneLine(body, `${p}_position`).slice(0, 10),
      remove: get(body, `${p}_remove`) !== '',
      title: pairOf(body, `${p}_title`),
      text: pairOf(body, `${p}_text`, true),
      timeline: pairOf(body, `${p}_timeline`),
      items,
    };
    if (items.length === 0 && blank(section.title, section.text, section.timeline)) continue;
    sections.push(section);
  }
  return {
    version: oneLine(body, 'version').slice(0, 12),
    image: oneLine(body, 'image').slice(0, 100),
    title: pairOf(body, 'title'),
    summary: pairOf(body, 'summary', true),
    sections,
  };
}

function newKey(taken: Set<string>): string {
  for (;;) {
    const key = `item-${randomBytes(4).toString('hex')}`;
    if (!taken.has(key)) return key;
  }
}

const POSITION = /^\d{1,3}$/;

/**
 * Checks the form and builds the guide's data, or gives the errors by field id. `images`: the
 * photo slugs that may be chosen.
 */
export function guideFromForm(
  form: GuideForm,
  images: ReadonlySet<string>,
): { data: StoredGuideData; errors?: undefined } | { data?: undefined; errors: GuideFormErrors } {
  const errors: GuideFormErrors = {};
  const fail = (id: string, key: GuidesMessageKey, params?: Record<string, string>) => {
    errors[id] ??= { key, params };
  };
  const pair = (id: string, value: Localised, max: number, required: boolean) => {
    for (const lang of ['sv', 'en'] as const) {
      const name = `${id}_${lang}`;
      if (value[lang].length > max) fail(name, 'form.tooLong', { max: String(max) });
      else if (required && value[lang] === '') fail(name, 'form.required');
    }
  };
  const position = (id: string, value: string) => {
    if (!POSITION.test(value)) fail(id, 'form.position');
    return POSITION.test(value) ? Number(value) : 0;
  };

  pair('title', form.title, LIMITS.title, true);
  pair('summary', form.summary, LIMITS.summary, false);
  if (form.image !== '' && !images.has(form.image)) fail('image', 'form.image');

  const kept = form.sections.filter((s) => !s.remove);
  if (kept.length === 0) fail('s0_title_sv', 'form.noSections');
  if (kept.length > LIMITS.sections)
    fail('s0_title_sv', 'form.tooManySections', { max: String(LIMITS.sections) });

  const taken = new Set<string>();
  for (const s of kept) for (const i of s.items) if (!i.remove && KEY_PATTERN.test(i.key)) taken.add(i.key);
  const used = new Set<string>();
  let total = 0;

  const sections = kept.map((s) => {
    const p = `s${s.index}`;
    const at = position(`${p}_position`, s.position);
    pair(`${p}_title`, s.title, LIMITS.sectionTitle, true);
    pair(`${p}_text`, s.text, LIMITS.sectionText, false);
    pair(`${p}_timeline`, s.timeline, LIMITS.timeline, false);
    const items = s.items.filter((i) => !i.remove);
    total += items.length;
    if (items.length > LIMITS.itemsPerSection)
      fail(`${p}_title_sv`, 'form.tooManyItems', { max: String(LIMITS.itemsPerSection) });
    const built = items.map((i) => {
      const q = `${p}_i${i.index}`;
      const itemAt = position(`${q}_position`, i.position);
      pair(`${q}_title`, i.title, LIMITS.itemTitle, true);
      pair(`${q}_text`, i.text, LIMITS.itemText, false);
      pair(`${q}_authority`, i.authority, LIMITS.authority, false);
      if (i.url !== '' && !isGuideLink(i.url)) fail(`${q}_url`, 'form.url');
      // A key is kept when it is one of ours and not yet used in this guide; else a new one.
      const key = KEY_PATTERN.test(i.key) && !used.has(i.key) ? i.key : newKey(new Set([...taken, ...used]));
      used.add(key);
      const item: GuideItem = {
        key,
        title: i.title,
        text: i.text,
        authority: i.authority,
        url: i.url,
      };
      return { at: itemAt, order: i.index, item };
    });
    const section: GuideSection = {
      title: s.title,
      text: s.text,
      timeline: s.timeline,
      items: built.sort((a, b) => a.at - b.at || a.order - b.order).map((b) => b.item),
    };
    return { at, order: s.index, section };
  });
  if (total > LIMITS.items) fail('s0_title_sv', 'form.tooManyItems', { max: String(LIMITS.items) });

  const data: StoredGuideData = {
    title: form.title,
    summary: form.summary,
    sections: sections.sort((a, b) => a.at - b.at || a.order - b.order).map((s) => s.section),
    ...(form.image ? { image: form.image } : {}),
  };
  if (Object.keys(errors).length === 0 && Buffer.byteLength(JSON.stringify(data)) > LIMITS.bytes)
    fail('title_sv', 'form.tooLarge');
  return Object.keys(errors).length > 0 ? { errors } : { data };
}
