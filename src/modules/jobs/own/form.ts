/**
 * The own-ad form: its fields as typed (re-shown as they were on any refusal), and the checks that
 * need nothing but the values (lengths, dates, addresses). The checks against the taxonomy and the
 * region (the occupation, municipality, employment type, working time) are the service's.
 */
import { isEmailAddress, isWebAddress } from '../../../platform/html/links.ts';
import { parseDate } from '../../../platform/html/forms.ts';
import type { OwnJobMessageKey } from './messages.ts';
import type { OwnAdData } from './model.ts';

export const FIELDS = [
  'headline',
  'occupation',
  'occupation_id',
  'municipality',
  'employment_type',
  'worktime',
  'hours',
  'remote',
  'vacancies',
  'deadline',
  'apply_url',
  'apply_email',
  'description_sv',
  'description_en',
] as const;

export type Field = (typeof FIELDS)[number];

/** The form as typed: every field a string ('' when absent). */
export type FormValues = Record<Field, string>;

/** An error by a field: the message's key and its parameters. */
export interface FieldError {
  key: OwnJobMessageKey;
  params?: Record<string, string>;
}

export type FieldErrors = Partial<Record<Field, FieldError>>;

export const LIMITS = {
  headline: 200,
  occupation: 100,
  hours: 200,
  vacancies: 999,
  applyUrl: 2_000,
  description: 10_000,
  /** Days ahead the last day to apply may be. */
  deadlineDays: 365,
} as const;

/** The form's fields from a parsed body: strings, trimmed (a description keeps its inner lines). */
export function readForm(body: Partial<Record<string, unknown>> | undefined): FormValues {
  const out = {} as FormValues;
  for (const field of FIELDS) {
    const value = body?.[field];
    const text = typeof value === 'string' ? value : '';
    out[field] = field.startsWith('description_') ? text.replace(/\r\n?/g, '\n').trim() : text.trim();
  }
  return out;
}

/** The form's values for a stored ad (to edit it). */
export function valuesOf(headline: string, data: OwnAdData): FormValues {
  return {
    headline,
    occupation: data.occupationLabel,
    occupation_id: data.occupationId,
    municipality: data.municipalityCode,
    employment_type: data.employmentTypeId,
    worktime: data.worktimeId,
    hours: data.hours,
    remote: data.remote ? 'yes' : '',
    vacancies: String(data.vacancies),
    deadline: data.deadline,
    apply_url: data.applyUrl,
    apply_email: data.applyEmail,
    description_sv: data.descriptionSv,
    description_en: data.descriptionEn,
  };
}

/** Characters as people count them (a letter outside the BMP is one). */
const length = (text: string) => [...text].length;

const DAY = 86_400_000;

/** The date `days` after a Stockholm date (`YYYY-MM-DD`), as a date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The checks that need only the values. `today` is the Stockholm date the deadline may not be
 * before (the last day to apply may be today: the ad closes when it is over).
 */
export function checkValues(values: FormValues, today: string): FieldErrors {
  const errors: FieldErrors = {};
  const tooLong = (key: OwnJobMessageKey, max: number): FieldError => ({ key, params: { max: String(max) } });

  if (values.headline === '') errors.headline = { key: 'error.headline.missing' };
  else if (length(values.headline) > LIMITS.headline)
    errors.headline = tooLong('error.headline.long', LIMITS.headline);

  if (length(values.occupation) > LIMITS.occupation)
    errors.occupation = tooLong('error.occupation.long', LIMITS.occupation);

  if (length(values.hours) > LIMITS.hours) errors.hours = tooLong('error.hours.long', LIMITS.hours);

  if (values.vacancies !== '') {
    const n = /^[0-9]{1,4}$/.test(values.vacancies) ? Number(values.vacancies) : NaN;
    if (!(n >= 1 && n <= LIMITS.vacancies)) errors.vacancies = tooLong('error.vacancies', LIMITS.vacancies);
  }

  const deadline = parseDate(values.deadline);
  const latest = addDays(today, LIMITS.deadlineDays);
  if (values.deadline === '') errors.deadline = { key: 'error.deadline.missing' };
  else if (!deadline)
    errors.deadline = { key: 'error.deadline.invalid', params: { example: addDays(today, 14) } };
  else if (deadline < today) errors.deadline = { key: 'error.deadline.past' };
  else if (deadline > latest) errors.deadline = { key: 'error.deadline.far', params: { max: latest } };

  if (values.apply_url !== '' && !isWebAddress(values.apply_url, { httpsOnly: true }))
    errors.apply_url = { key: 'error.applyUrl' };
  if (values.apply_email !== '' && !isEmailAddress(values.apply_email))
    errors.apply_email = { key: 'error.applyEmail' };
  if (values.apply_url === '' && values.apply_email === '') errors.apply_url = { key: 'error.apply.missing' };

  if (values.description_sv === '' && values.description_en === '')
    errors.description_sv = { key: 'error.description.missing' };
  for (const field of ['description_sv', 'description_en'] as const)
    if (length(values[field]) > LIMITS.description)
      errors[field] = tooLong('error.description.long', LIMITS.description);
  return errors;
}
