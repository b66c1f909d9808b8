/**
 * The registration form as typed (so a re-shown form loses nothing) and its checks, which need
 * only the values, the event's mode and group size, and its questions: name, address, seats, the
 * consent, the optional sharing with exhibitors, each question's answer (text / choice / yes_no,
 * required ones), and for an application the motivation and who comes along. Pure.
 */
import { Type } from '@sinclair/typebox';
import { isValidEmail, normalizeEmail } from '../../identity/accounts.ts';
import { MAX_GROUP } from '../model.ts';
import type { RegistrationKey } from './messages.ts';

export const LIMITS = {
  name: 120,
  email: 254,
  answer: 500,
  motivation: 2000,
  companions: 500,
  message: 1000,
} as const;

/** At most this many questions are read from an event (the organiser's form caps them too). */
export const MAX_QUESTIONS = 30;

const text = () => Type.Optional(Type.String({ maxLength: 4000 }));

/**
 * The body: the known fields bounded; the answers come as `q_<question id>` fields (read by
 * `answersFromBody`, each bounded, unknown ones ignored).
 */
export const RegisterBody = Type.Object({
  name: text(),
  email: text(),
  seats: text(),
  consent: text(),
  share: text(),
  motivation: text(),
  companions: text(),
});

export interface Question {
  id: string;
  kind: 'text' | 'choice' | 'yes_no';
  label: { sv: string; en: string };
  choices: { sv: string; en: string }[];
  required: boolean;
}

export interface RegisterDraft {
  name: string;
  email: string;
  seats: string;
  consent: boolean;
  share: boolean;
  motivation: string;
  companions: string;
  /** By question id, as typed. */
  answers: Record<string, string>;
}

export const EMPTY_DRAFT: RegisterDraft = {
  name: '',
  email: '',
  seats: '1',
  consent: false,
  share: false,
  motivation: '',
  companions: '',
  answers: {},
};

export interface FieldError {
  key: RegistrationKey;
  params?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldError>;

const field = (body: unknown, name: string): string => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value.slice(0, 4000) : '';
};

/** The answers of a posted form, by question id (only the event's questions). */
export function answersFromBody(body: unknown, questions: readonly Question[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of questions) out[q.id] = field(body, `q_${q.id}`).trim();
  return out;
}

export function draftFromBody(body: unknown, questions: readonly Question[]): RegisterDraft {
  return {
    name: field(body, 'name').trim(),
    email: field(body, 'email').trim(),
    seats: field(body, 'seats').trim() || '1',
    consent: field(body, 'consent') === 'yes',
    share: field(body, 'share') === 'yes',
    motivation: field(body, 'motivation').trim(),
    companions: field(body, 'companions').trim(),
    answers: answersFromBody(body, questions),
  };
}

/** The seats a registration may take at most. */
export function groupLimit(maxGroup: number): number {
  return Math.max(1, Math.min(maxGroup, MAX_GROUP));
}

/** A seat count as typed, or undefined when it is not a whole number 1..max. */
export function parseSeats(value: string, max: number): number | undefined {
  if (!/^\d{1,2}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}

/** Checks the answers; the stored form of each (choice: its index; yes_no: yes/no; '' unanswered). */
export function checkAnswers(
  answers: Record<string, string>,
  questions: readonly Question[],
): { errors: FieldErrors; values: Record<string, string> } {
  const errors: FieldErrors = {};
  const values: Record<string, string> = {};
  for (const q of questions) {
    const value = (answers[q.id] ?? '').trim();
    const id = `q_${q.id}`;
    if (!value) {
      if (q.required) errors[id] = { key: 'error.required' };
      continue;
    }
    if (q.kind === 'text') {
      if (value.length > LIMITS.answer) errors[id] = { key: 'error.tooLong', params: { max: LIMITS.answer } };
      else values[q.id] = value;
    } else if (q.kind === 'yes_no') {
      if (value !== 'yes' && value !== 'no') errors[id] = { key: 'error.choice' };
      else values[q.id] = value;
    } else {
      const index = /^\d{1,2}$/.test(value) ? Number(value) : -1;
      if (index < 0 || index >= q.choices.length) errors[id] = { key: 'error.choice' };
      else values[q.id] = String(index);
    }
  }
  return { errors, values };
}

export interface RegisterInput {
  name: string;
  email: string;
  seats: number;
  share: boolean;
  answers: Record<string, string>;
}

/** Checks a draft for an event; the input when it is fine, else the errors by field. */
export function checkDraft(
  draft: RegisterDraft,
  event: { registration: string; maxGroup: number; hasExhibitors: boolean },
  questions: readonly Question[],
): { input: RegisterInput; errors?: undefined } | { errors: FieldErrors; input?: undefined } {
  const errors: FieldErrors = {};
  if (!draft.name || draft.name.length > LIMITS.name) errors.name = { key: 'error.name' };
  const email = normalizeEmail(draft.email);
  if (!email || email.length < 3 || email.length > LIMITS.email || !isValidEmail(email))
    errors.email = { key: 'error.email' };
  const max = groupLimit(event.maxGroup);
  const seats = parseSeats(draft.seats, max);
  if (seats === undefined) errors.seats = { key: 'error.seats', params: { max } };
  if (!draft.consent) errors.consent = { key: 'error.consent' };
  const checked = checkAnswers(draft.answers, questions);
  Object.assign(errors, checked.errors);
  const answers = { ...checked.values };
  if (event.registration === 'application') {
    if (!draft.motivation || draft.motivation.length > LIMITS.motivation)
      errors.motivation = { key: 'error.motivation' };
    else answers.motivation = draft.motivation;
    if (draft.companions.length > LIMITS.companions)
      errors.companions = { key: 'error.tooLong', params: { max: LIMITS.companions } };
    else if (draft.companions) answers.companions = draft.companions;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      name: draft.name,
      email,
      seats: seats!,
      share: event.hasExhibitors && draft.share,
      answers,
    },
  };
}

/** The questions as stored rows → Question (bad choices dropped). */
export function toQuestion(row: {
  id: string;
  kind: string;
  label_sv: string;
  label_en: string;
  choices: unknown;
  required: boolean;
}): Question {
  const choices = Array.isArray(row.choices)
    ? (row.choices as unknown[])
        .filter(
          (c): c is { sv: string; en: string } =>
            !!c && typeof c === 'object' && typeof (c as { sv?: unknown }).sv === 'string',
        )
        .slice(0, 12)
        .map((c) => ({ sv: String(c.sv), en: typeof c.en === 'string' && c.en ? c.en : String(c.sv) }))
    : [];
  const kind = row.kind === 'choice' || row.kind === 'yes_no' ? row.kind : 'text';
  return { id: row.id, kind, label: { sv: row.label_sv, en: row.label_en }, choices, required: row.required };
}
