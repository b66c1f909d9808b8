/**
 * The lead form as typed (the stand staff's and the visitor's): read from the posted body, bounded,
 * and checked field by field. What fails is re-shown with what was typed and the error by the field.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Lang } from '../../../platform/i18n/index.ts';
import { isValidEmail, normalizeEmail } from '../../identity/accounts.ts';
import {
  EDUCATION_LEVELS,
  EXPERIENCE_LEVELS,
  isOneOf,
  type EducationLevel,
  type ExperienceLevel,
} from '../../talent/model.ts';
import type { LeadsKey } from './messages.ts';

export const LeadBody = Type.Object({
  stand: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
  occupation: Type.Optional(Type.String()),
  note: Type.Optional(Type.String()),
  language: Type.Optional(Type.String()),
  consent_lead: Type.Optional(Type.String()),
  consent_talent: Type.Optional(Type.String()),
  consent_navigator: Type.Optional(Type.String()),
  experience: Type.Optional(Type.String()),
  education: Type.Optional(Type.String()),
});
export type LeadBodyValue = Static<typeof LeadBody>;

/** What was typed (bounded so a re-shown form never echoes megabytes). */
export interface LeadDraft {
  stand: string;
  name: string;
  email: string;
  phone: string;
  occupation: string;
  note: string;
  language: string;
  consentLead: boolean;
  consentTalent: boolean;
  consentNavigator: boolean;
  /** The talent pool's two required answers (asked only of those who want to join). */
  experience: string;
  education: string;
}

export const LIMITS = { name: 120, email: 254, phone: 40, occupation: 200, note: 1000 } as const;

export function emptyDraft(language: Lang, stand = ''): LeadDraft {
  return {
    stand,
    name: '',
    email: '',
    phone: '',
    occupation: '',
    note: '',
    language,
    consentLead: false,
    consentTalent: false,
    consentNavigator: false,
    experience: '',
    education: '',
  };
}

const text = (v: string | undefined, max: number) =>
  (v ?? '')
    .replace(/\r\n?/g, '\n')
    .trim()
    .slice(0, max + 1);
const flag = (v: string | undefined) => v === '1' || v === 'on' || v === 'yes';

export function draftFromBody(body: LeadBodyValue): LeadDraft {
  return {
    stand: text(body.stand, 40),
    name: text(body.name, LIMITS.name).replace(/\s+/g, ' '),
    email: text(body.email, LIMITS.email),
    phone: text(body.phone, LIMITS.phone),
    occupation: text(body.occupation, LIMITS.occupation).replace(/\s+/g, ' '),
    note: text(body.note, LIMITS.note),
    language: text(body.language, 4),
    consentLead: flag(body.consent_lead),
    consentTalent: flag(body.consent_talent),
    consentNavigator: flag(body.consent_navigator),
    experience: text(body.experience, 20),
    education: text(body.education, 20),
  };
}

/** A checked lead, ready to store. */
export interface LeadInput {
  name: string;
  email: string;
  phone: string;
  occupation: string;
  note: string;
  language: Lang;
  wantsTalentPool: boolean;
  wantsNavigator: boolean;
  /** For the talent pool's sign-up (set when it is wanted). */
  experience: ExperienceLevel | null;
  education: EducationLevel | null;
}

export type LeadField =
  | 'stand'
  | 'name'
  | 'email'
  | 'phone'
  | 'occupation'
  | 'note'
  | 'language'
  | 'consent_lead'
  | 'experience'
  | 'education';
export type LeadErrors = Partial<Record<LeadField, LeadsKey>>;

const PHONE = /^\+?[0-9][0-9 ()-]{3,38}[0-9]$/;

/** The field checks (the stand is the route's: its options depend on who asks). */
export function checkLead(
  d: LeadDraft,
  visitor: boolean,
): { input: LeadInput; errors?: undefined } | { errors: LeadErrors; input?: undefined } {
  const errors: LeadErrors = {};
  if (!d.name || d.name.length > LIMITS.name) errors.name = 'error.name';
  if (!d.email || d.email.length > LIMITS.email || !isValidEmail(d.email)) errors.email = 'error.email';
  if (d.phone && (d.phone.length > LIMITS.phone || !PHONE.test(d.phone))) errors.phone = 'error.phone';
  if (d.occupation.length > LIMITS.occupation) errors.occupation = 'error.occupation';
  if (d.note.length > LIMITS.note) errors.note = 'error.note';
  if (d.language !== 'sv' && d.language !== 'en') errors.language = 'error.language';
  if (!d.consentLead) errors.consent_lead = visitor ? 'error.consent.visitor' : 'error.consent';
  // The talent pool's profile needs these two answers; nobody else is asked.
  if (d.consentTalent && !isOneOf(EXPERIENCE_LEVELS, d.experience)) errors.experience = 'error.experience';
  if (d.consentTalent && !isOneOf(EDUCATION_LEVELS, d.education)) errors.education = 'error.education';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      name: d.name,
      email: normalizeEmail(d.email),
      phone: d.phone,
      occupation: d.occupation,
      note: d.note,
      language: d.language === 'en' ? 'en' : 'sv',
      wantsTalentPool: d.consentTalent,
      wantsNavigator: d.consentNavigator,
      experience: d.consentTalent && isOneOf(EXPERIENCE_LEVELS, d.experience) ? d.experience : null,
      education: d.consentTalent && isOneOf(EDUCATION_LEVELS, d.education) ? d.education : null,
    },
  };
}
