/**
 * The edit form's values: what the person typed, field by field, kept as typed so a form that
 * failed (or met someone else's save) is shown again with every character. `valuesOf` makes them
 * from a stored version; `readContent` turns them back into ContentData, or says what is wrong by
 * the field.
 */
import { parseDate } from '../../../platform/html/forms.ts';
import {
  FormReader,
  line,
  many,
  one,
  type FieldError as PlatformFieldError,
  type FieldErrors as PlatformFieldErrors,
  type FormValues,
} from '../../../platform/html/form-values.ts';
import { isEmailAddress, isWebAddress } from '../../../platform/html/links.ts';
import {
  CONTENT_LIMITS,
  GUIDE_AUDIENCES,
  GUIDE_PHASES,
  TARGET_GROUPS,
  emptyContent,
  type ContentData,
  type ContentKind,
  type GuideStep,
  type Localised,
} from '../model.ts';
import { parseMarkup, toMarkup } from './markup.ts';
import type { EditorialMessageKey } from './messages.ts';
import { stockholmToday } from '../../../platform/i18n/stockholm.ts';

export type { FormValues } from '../../../platform/html/form-values.ts';
export type FieldError = PlatformFieldError<EditorialMessageKey>;
/** Field id → what is wrong with it. */
export type FieldErrors = PlatformFieldErrors<EditorialMessageKey>;

export const LANGS = ['sv', 'en'] as const;
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;
export const NOTE_MAX = 500;
const JOB_QUERY_MAX = 200;
/** Empty step rows the form offers below the existing steps. */
export const EMPTY_STEP_ROWS = 2;
const STEP_FIELDS = ['title', 'authority', 'bring', 'text'] as const;

export { many, one };

/** The form's body as the route's schema gives it. */
export function formValuesOf(body: Record<string, string | string[]> | undefined): FormValues {
  const out: FormValues = {};
  for (const [key, value] of Object.entries(body ?? {})) if (key !== '_csrf') out[key] = value;
  return out;
}

function pair(values: FormValues, prefix: string, l: Localised): void {
  values[`${prefix}_sv`] = l.sv;
  values[`${prefix}_en`] = l.en;
}

/** The form's values for a stored version. */
export function valuesOf(kind: ContentKind, data: ContentData): FormValues {
  const v: FormValues = {};
  pair(v, 'title', data.title);
  pair(v, 'summary', data.summary);
  v.body_sv = toMarkup(data.body.sv);
  v.body_en = toMarkup(data.body.en);
  v.hero_image = data.heroImage ?? '';
  v.target_groups = [...data.targetGroups];
  if (kind === 'place' && data.place) {
    const c = data.place.contact;
    Object.assign(v, {
      contact_name: c.name,
      contact_email: c.email,
      contact_phone: c.phone,
      contact_url: c.url,
    });
    pair(v, 'newcomer', data.place.newcomerText);
  }
  if (kind === 'guide' && data.guide) {
    v.audiences = [...data.guide.audiences];
    data.guide.steps.forEach((s, i) => {
      v[`step_${i}_order`] = String(i + 1);
      v[`step_${i}_phase`] = s.phase;
      v[`step_${i}_url`] = s.url;
      for (const f of STEP_FIELDS) pair(v, `step_${i}_${f}`, s[f]);
    });
    v.steps = String(data.guide.steps.length + EMPTY_STEP_ROWS);
  }
  if (kind === 'story' && data.story) {
    const s = data.story;
    Object.assign(v, { person_name: s.personName, employer: s.employer });
    pair(v, 'profession', s.profession);
    pair(v, 'moved_from', s.movedFrom);
    pair(v, 'quote', s.quote);
    Object.assign(v, {
      consent_recorded: s.consent.recordedOn,
      consent_method: s.consent.method,
      consent_ends: s.consent.endsOn,
    });
  }
  if (kind === 'path' && data.path) {
    v.job_query = data.path.jobQuery;
    v.path_places = [...data.path.places];
    v.path_guides = [...data.path.guides];
    v.path_stories = [...data.path.stories];
  }
  return v;
}

/** How many step rows the form shows: the rows posted (or stored) and at most the limit and two. */
export function stepRows(values: FormValues): number {
  const n = Number(one(values, 'steps'));
  const rows = Number.isInteger(n) && n > 0 ? n : EMPTY_STEP_ROWS;
  return Math.min(rows, CONTENT_LIMITS.steps + EMPTY_STEP_ROWS);
}

class Reader extends FormReader<EditorialMessageKey> {
  constructor(values: FormValues) {
    super(values, 'error.tooLong');
  }

  url(name: string): string {
    const value = this.text(name, CONTENT_LIMITS.url);
    if (value && !isWebAddress(value)) this.fail(name, 'error.url');
    return value;
  }

  choices<T extends string>(name: string, allowed: readonly T[]): T[] {
    return allowed.filter((a) => many(this.values, name).includes(a));
  }

  body(lang: 'sv' | 'en') {
    const name = `body_${lang}`;
    const { doc, errors } = parseMarkup(one(this.values, name).replace(/\r\n?/g, '\n'));
    if (errors.length > 0) this.errors[name] ??= { key: 'error.markup', markup: errors };
    return doc;
  }

  date(name: string): string {
    const raw = one(this.values, name).trim();
    const date = parseDate(raw);
    if (date === undefined) this.fail(name, 'error.date');
    return date ?? '';
  }
}

function readSteps(r: Reader): GuideStep[] {
  const rows: { order: number; at: number; step: GuideStep }[] = [];
  for (let i = 0; i < stepRows(r.values); i += 1) {
    const p = `step_${i}`;
    const step: GuideStep = {
      phase: 'before',
      url: r.url(`${p}_url`),
      title: r.localised(`${p}_title`, CONTENT_LIMITS.title),
      authority: r.localised(`${p}_authority`, CONTENT_LIMITS.title),
      bring: r.localised(`${p}_bring`, CONTENT_LIMITS.shortText, true),
      text: r.localised(`${p}_text`, CONTENT_LIMITS.shortText * 4, true),
    };
    const texts = [step.url, ...STEP_FIELDS.flatMap((f) => [step[f].sv, step[f].en])];
    if (texts.every((t) => !t)) continue;
    const phase = GUIDE_PHASES.find((ph) => ph === one(r.values, `${p}_phase`));
    if (!phase) r.fail(`${p}_phase`, 'error.phase');
    step.phase = phase ?? 'before';
    if (!step.title.sv && !step.title.en) r.fail(`${p}_title_sv`, 'error.stepTitle');
    const orderText = one(r.values, `${p}_order`).trim();
    const order = orderText === '' ? i + 1 : Number(orderText);
    if (!Number.isInteger(order) || order < 1 || order > 999) r.fail(`${p}_order`, 'error.order');
    rows.push({ order: Number.isFinite(order) ? order : i + 1, at: i, step });
  }
  if (rows.length > CONTENT_LIMITS.steps)
    r.fail('step_0_title_sv', 'error.tooManySteps', { max: String(CONTENT_LIMITS.steps) });
  return rows.sort((a, b) => a.order - b.order || a.at - b.at).map((row) => row.step);
}

function readStory(r: Reader, today: string): NonNullable<ContentData['story']> {
  const endsOn = r.date('consent_ends');
  if (endsOn && endsOn <= today) r.fail('consent_ends', 'error.consentEnded');
  const recordedOn = r.date('consent_recorded');
  if (recordedOn && recordedOn > today) r.fail('consent_recorded', 'error.recordedFuture');
  return {
    personName: r.text('person_name', CONTENT_LIMITS.title),
    profession: r.localised('profession', CONTENT_LIMITS.title),
    employer: r.text('employer', CONTENT_LIMITS.title),
    movedFrom: r.localised('moved_from', CONTENT_LIMITS.title),
    quote: r.localised('quote', CONTENT_LIMITS.shortText, true),
    consent: { recordedOn, method: r.text('consent_method', CONTENT_LIMITS.title), endsOn },
  };
}

/** The existing items' slugs a path may list, by kind. */
export type SlugChoices = Record<'place' | 'guide' | 'story', readonly string[]>;

/** The form's values as ContentData, or the errors by the field (nothing partial is saved). */
export function readContent(
  kind: ContentKind,
  values: FormValues,
  choices: SlugChoices,
  today = stockholmToday(),
): { data: ContentData; errors: FieldErrors } {
  const r = new Reader(values);
  const data = emptyContent(kind);
  data.title = r.localised('title', CONTENT_LIMITS.title);
  data.summary = r.localised('summary', CONTENT_LIMITS.summary, true);
  data.body = { sv: r.body('sv'), en: r.body('en') };
  const hero = line(one(values, 'hero_image'));
  if (hero && (!SLUG.test(hero) || hero.length > 120)) r.fail('hero_image', 'error.imageSlug');
  data.heroImage = hero || null;
  data.targetGroups = r.choices('target_groups', TARGET_GROUPS);
  if (kind === 'place') {
    const email = r.text('contact_email', 254);
    if (email && !isEmailAddress(email)) r.fail('contact_email', 'error.email');
    data.place = {
      contact: {
        name: r.text('contact_name', CONTENT_LIMITS.title),
        email,
        phone: r.text('contact_phone', 40),
        url: r.url('contact_url'),
      },
      newcomerText: r.localised('newcomer', CONTENT_LIMITS.shortText * 4, true),
    };
  } else if (kind === 'guide') {
    data.guide = { audiences: r.choices('audiences', GUIDE_AUDIENCES), steps: readSteps(r) };
  } else if (kind === 'story') {
    data.story = readStory(r, today);
  } else {
    data.path = {
      jobQuery: r.text('job_query', JOB_QUERY_MAX),
      places: r.choices('path_places', choices.place),
      guides: r.choices('path_guides', choices.guide),
      stories: r.choices('path_stories', choices.story),
    };
  }
  return { data, errors: r.errors };
}

/** A slug suggested from a title: lower case, å/ä → a, ö → o, other marks dropped, words joined by '-'. */
export function suggestSlug(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}
