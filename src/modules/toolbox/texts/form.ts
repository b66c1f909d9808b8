/**
 * The text form (back-office), pure: the fields as typed, and their checks within the migration's
 * bounds — a persona of model.ts PERSONAS, a topic of TOPICS, the whole region or one of its
 * municipalities, a title and a body in at least one language (each with the other of its
 * language), a source's name, web address (http or https) and date (not after today). The rule
 * of the toolbox's texts: a body that states a figure (any digit) names its source and date.
 */
import { parseDate } from '../../../platform/html/forms.ts';
import { FormReader, type FieldErrors, type FormValues } from '../../../platform/html/form-values.ts';
import { isWebAddress } from '../../../platform/html/links.ts';
import { PERSONAS, TOPICS, isOneOf, type Localised, type Persona, type Topic } from '../model.ts';
import type { TextsMessageKey } from './messages.ts';

export const TEXT_FIELDS = [
  'persona',
  'topic',
  'municipality',
  'title_sv',
  'title_en',
  'body_sv',
  'body_en',
  'source_name',
  'source_url',
  'source_date',
  'version',
  'approve',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type TextFormValues = Record<TextField, string>;
export type TextFormErrors = FieldErrors<TextsMessageKey>;

/** The migration's bounds. */
export const LIMITS = { title: 160, body: 3000, sourceName: 200, sourceUrl: 2000 } as const;

/** A text checked and ready to store. */
export interface CheckedText {
  persona: Persona;
  topic: Topic;
  municipalityCode: string | null;
  title: Localised;
  body: Localised;
  sourceName: string;
  sourceUrl: string;
  sourceDate: string | null;
  /** The editor approves the text in this save. */
  approve: boolean;
}

/** A figure: any digit. */
export const FIGURE = /\p{Nd}/u;

export function emptyTextForm(): TextFormValues {
  return Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as TextFormValues;
}

/** The posted form's fields as typed (anything not a string is empty). */
export function readTextForm(body: Readonly<Record<string, unknown>>): TextFormValues {
  const values = emptyTextForm();
  for (const field of TEXT_FIELDS) {
    const v = body[field];
    if (typeof v === 'string') values[field] = v;
  }
  return values;
}

export interface TextFormContext {
  /** The region's municipality codes. */
  municipalities: ReadonlySet<string>;
  /** Today (YYYY-MM-DD) by the app's clock. */
  today: string;
}

export function checkTextForm(
  values: TextFormValues,
  context: TextFormContext,
): { text?: CheckedText; errors: TextFormErrors } {
  const r = new FormReader<TextsMessageKey>(values as FormValues, 'error.tooLong');
  const persona = values.persona.trim();
  if (!isOneOf(PERSONAS, persona)) r.fail('persona', 'error.persona');
  const topic = values.topic.trim();
  if (!isOneOf(TOPICS, topic)) r.fail('topic', 'error.topic');
  const municipality = values.municipality.trim();
  if (municipality !== '' && !context.municipalities.has(municipality))
    r.fail('municipality', 'error.municipality');
  const title = r.localised('title', LIMITS.title);
  const body = r.localised('body', LIMITS.body, true);
  for (const lang of ['sv', 'en'] as const) {
    if (title[lang] && !body[lang]) r.fail(`body_${lang}`, 'error.bodyMissing');
    if (body[lang] && !title[lang]) r.fail(`title_${lang}`, 'error.titleMissing');
  }
  if (!title.sv && !body.sv && !title.en && !body.en) r.fail('title_sv', 'error.oneLanguage');
  const sourceName = r.text('source_name', LIMITS.sourceName);
  const sourceUrl = r.text('source_url', LIMITS.sourceUrl);
  if (sourceUrl && !r.errors.source_url && !isWebAddress(sourceUrl)) r.fail('source_url', 'error.url');
  if (sourceUrl && !sourceName) r.fail('source_name', 'error.urlNeedsName');
  const sourceDate = parseDate(values.source_date);
  if (sourceDate === undefined) r.fail('source_date', 'error.date');
  else if (sourceDate !== null && sourceDate > context.today) r.fail('source_date', 'error.dateFuture');
  if (FIGURE.test(body.sv) || FIGURE.test(body.en)) {
    if (!sourceName) r.fail('source_name', 'error.figureSource');
    if (sourceDate === null) r.fail('source_date', 'error.figureDate');
  }
  if (Object.keys(r.errors).length > 0) return { errors: r.errors };
  return {
    errors: {},
    text: {
      persona: persona as Persona,
      topic: topic as Topic,
      municipalityCode: municipality || null,
      title,
      body,
      sourceName,
      sourceUrl,
      sourceDate: sourceDate ?? null,
      approve: values.approve === 'yes',
    },
  };
}

/** The order the form's fields come in (the error summary lists them so). */
export const FIELD_ORDER: readonly string[] = [
  'persona',
  'topic',
  'municipality',
  'title_sv',
  'body_sv',
  'title_en',
  'body_en',
  'source_name',
  'source_url',
  'source_date',
];
