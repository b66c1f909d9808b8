/**
 * The request form's values as typed (so a re-shown form loses nothing) and the checks that need
 * only those values: lengths, choices, the children's ages, a way to reach the person. What needs
 * the database (the slot, the job) is the service's.
 */
import { Type } from '@sinclair/typebox';
import { FormList } from '../../../platform/http/schema.ts';
import { isValidEmail, normalizeEmail } from '../../identity/accounts.ts';
import {
  CHANNELS,
  CITIZENSHIPS,
  HOUSING,
  isOneOf,
  NEEDS,
  type Channel,
  type Citizenship,
  type ConsentPurpose,
  type Housing,
  type Need,
} from '../model.ts';
import type { RequestKey } from './messages.ts';

export const LIMITS = {
  name: 120,
  email: 254,
  phone: 40,
  message: 2000,
  occupation: 200,
  languageOther: 60,
  children: 10,
  childrenText: 80,
  utm: 60,
  jobId: 64,
} as const;

/** The consents a person may add to 'contact' (none pre-ticked). */
export const OPTIONAL_CONSENTS = [
  'followup',
  'ambassador',
  'employers',
] as const satisfies readonly ConsentPurpose[];

/**
 * What the main mover may give on behalf of a partner who agreed: 'contact' ("my partner agrees that
 * the navigator contacts them") and the optional ones.
 */
export const PARTNER_CONSENTS = [
  'contact',
  ...OPTIONAL_CONSENTS,
] as const satisfies readonly ConsentPurpose[];

const text = () => Type.Optional(Type.String({ maxLength: 4000 }));

/** The form's body: strings and lists, each bounded; checks are the form's own (re-shown page). */
export const RequestBody = Type.Object({
  needs: FormList(),
  consents: FormList(),
  partner_consents: FormList(),
  municipality: text(),
  channel: text(),
  language: text(),
  language_other: text(),
  citizenship: text(),
  occupation: text(),
  has_partner: text(),
  partner_name: text(),
  partner_citizenship: text(),
  partner_occupation: text(),
  partner_email: text(),
  children: text(),
  housing: text(),
  message: text(),
  name: text(),
  email: text(),
  phone: text(),
  consent_contact: text(),
  slot: text(),
  job: text(),
  utm_source: text(),
  utm_medium: text(),
  utm_campaign: text(),
  action: text(),
});

/** The form as typed. */
export interface RequestDraft {
  needs: string[];
  municipality: string;
  channel: string;
  language: string;
  languageOther: string;
  citizenship: string;
  occupation: string;
  hasPartner: string;
  partnerName: string;
  partnerCitizenship: string;
  partnerOccupation: string;
  partnerEmail: string;
  /** What the main mover gives on the partner's behalf (PARTNER_CONSENTS). */
  partnerConsents: string[];
  children: string;
  housing: string;
  message: string;
  name: string;
  email: string;
  phone: string;
  consentContact: boolean;
  consents: string[];
  slot: string;
  job: string;
  utm: { source: string; medium: string; campaign: string };
}

export const EMPTY_DRAFT: RequestDraft = {
  needs: [],
  municipality: '',
  channel: 'email',
  language: 'sv',
  languageOther: '',
  citizenship: 'unknown',
  occupation: '',
  hasPartner: 'no',
  partnerName: '',
  partnerCitizenship: 'unknown',
  partnerOccupation: '',
  partnerEmail: '',
  partnerConsents: [],
  children: '',
  housing: 'not_sure',
  message: '',
  name: '',
  email: '',
  phone: '',
  consentContact: false,
  consents: [],
  slot: '',
  job: '',
  utm: { source: '', medium: '', campaign: '' },
};

type Body = Partial<Record<string, string | string[] | undefined>>;

const str = (body: Body, name: string, max = 4000): string => {
  const value = body[name];
  return (typeof value === 'string' ? value : '').slice(0, max);
};
const list = (body: Body, name: string, max: number): string[] => {
  const value = body[name];
  const values = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return [...new Set(values.map((v) => v.slice(0, 40)))].slice(0, max);
};

/** A campaign tag: letters, digits and a few marks, bounded (never a person's data by shape). */
export function cleanTag(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_.\- ]/gu, '')
    .trim()
    .slice(0, LIMITS.utm);
}

/** A job id as the job board writes them, else ''. */
export function cleanJobId(value: string): string {
  const v = value.trim();
  return /^[A-Za-z0-9-]{1,64}$/.test(v) ? v : '';
}

/** The form's values as typed (bounded), from a POST body or a GET query (job, utm_*). */
export function draftFromBody(body: Body): RequestDraft {
  return {
    needs: list(body, 'needs', NEEDS.length),
    municipality: str(body, 'municipality', 10),
    channel: str(body, 'channel', 10) || 'email',
    language: str(body, 'language', 10) || 'sv',
    languageOther: str(body, 'language_other', 200),
    citizenship: str(body, 'citizenship', 20) || 'unknown',
    occupation: str(body, 'occupation', 600),
    hasPartner: str(body, 'has_partner', 5) || 'no',
    partnerName: str(body, 'partner_name', 400),
    partnerCitizenship: str(body, 'partner_citizenship', 20) || 'unknown',
    partnerOccupation: str(body, 'partner_occupation', 600),
    partnerEmail: str(body, 'partner_email', 400),
    partnerConsents: list(body, 'partner_consents', PARTNER_CONSENTS.length),
    children: str(body, 'children', 200),
    housing: str(body, 'housing', 20) || 'not_sure',
    message: str(body, 'message', 4000),
    name: str(body, 'name', 400),
    email: str(body, 'email', 400),
    phone: str(body, 'phone', 100),
    consentContact: str(body, 'consent_contact') === 'yes',
    consents: list(body, 'consents', OPTIONAL_CONSENTS.length),
    slot: str(body, 'slot', 40),
    job: cleanJobId(str(body, 'job', 100)),
    utm: {
      source: cleanTag(str(body, 'utm_source', 200)),
      medium: cleanTag(str(body, 'utm_medium', 200)),
      campaign: cleanTag(str(body, 'utm_campaign', 200)),
    },
  };
}

/** The checked request, ready to store. */
export interface RequestInput {
  needs: Need[];
  municipalityCode: string | null;
  channel: Channel;
  language: string;
  citizenship: Citizenship;
  /** What the main mover works with ('' when not told). */
  occupation: string;
  partner: {
    name: string;
    citizenship: Citizenship;
    occupation: string;
    email: string | null;
    /** Given by the main mover on the partner's behalf, with their agreement. */
    consents: ConsentPurpose[];
  } | null;
  childrenAges: number[];
  housing: Housing;
  message: string;
  name: string;
  email: string | null;
  phone: string | null;
  consents: ConsentPurpose[];
  /** A slot id, or null: "none of these — contact me". */
  slotId: string | null;
}

export type FieldErrors = Partial<
  Record<string, { key: RequestKey; params?: Record<string, string | number> }>
>;

/** "4, 7" → [4, 7]; undefined when not ages 0–25 or more than 10. */
export function parseChildren(value: string): number[] | undefined {
  const parts = value
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > LIMITS.children) return undefined;
  const ages: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,2}$/.test(part)) return undefined;
    const age = Number(part);
    if (age > 25) return undefined;
    ages.push(age);
  }
  return ages;
}

const PHONE = /^\+?[0-9][0-9 ()-]{4,38}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CheckContext {
  /** The region's municipality codes. */
  municipalities: ReadonlySet<string>;
  /** The signed-in person's address (they are not asked for it). */
  accountEmail?: string;
  /** Fields the talent profile already answered (not asked, not checked). */
  fromProfile: boolean;
}

/** Checks the draft; the input when it is fine, else the errors by field name. */
export function checkDraft(
  draft: RequestDraft,
  ctx: CheckContext,
): { input: RequestInput; errors?: undefined } | { input?: undefined; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const tooLong = (field: string, value: string, max: number) => {
    if (value.length > max) errors[field] = { key: 'error.tooLong', params: { max } };
  };
  const needs = draft.needs.filter((n): n is Need => isOneOf(NEEDS, n));
  if (needs.length !== draft.needs.length) errors.needs = { key: 'error.choice' };
  let municipalityCode: string | null = null;
  if (draft.municipality && draft.municipality !== 'unknown') {
    if (ctx.municipalities.has(draft.municipality)) municipalityCode = draft.municipality;
    else errors.municipality = { key: 'error.choice' };
  }
  if (!isOneOf(CHANNELS, draft.channel)) errors.channel = { key: 'error.choice' };
  let language = draft.language;
  if (draft.language === 'other') {
    language = draft.languageOther.trim();
    if (language.length < 2 || language.length > LIMITS.languageOther)
      errors.language_other = { key: 'error.languageOther' };
  } else if (draft.language !== 'sv' && draft.language !== 'en') errors.language = { key: 'error.choice' };
  if (!isOneOf(CITIZENSHIPS, draft.citizenship)) errors.citizenship = { key: 'error.choice' };
  const occupation = ctx.fromProfile ? '' : draft.occupation.trim();
  tooLong('occupation', occupation, LIMITS.occupation);
  let partner: RequestInput['partner'] = null;
  if (draft.hasPartner === 'yes') {
    if (!isOneOf(CITIZENSHIPS, draft.partnerCitizenship))
      errors.partner_citizenship = { key: 'error.choice' };
    tooLong('partner_name', draft.partnerName.trim(), LIMITS.name);
    tooLong('partner_occupation', draft.partnerOccupation.trim(), LIMITS.occupation);
    const partnerEmail = normalizeEmail(draft.partnerEmail);
    if (partnerEmail && !isValidEmail(partnerEmail)) errors.partner_email = { key: 'error.email' };
    const partnerConsents = draft.partnerConsents.filter((c) => isOneOf(PARTNER_CONSENTS, c));
    if (partnerConsents.length !== draft.partnerConsents.length)
      errors.partner_consents = { key: 'error.choice' };
    partner = {
      name: draft.partnerName.trim(),
      citizenship: isOneOf(CITIZENSHIPS, draft.partnerCitizenship) ? draft.partnerCitizenship : 'unknown',
      occupation: draft.partnerOccupation.trim(),
      email: partnerEmail || null,
      consents: partnerConsents,
    };
  } else if (draft.hasPartner !== 'no') errors.has_partner = { key: 'error.choice' };
  let childrenAges: number[] = [];
  if (!ctx.fromProfile) {
    const parsed = draft.children.length > LIMITS.childrenText ? undefined : parseChildren(draft.children);
    if (!parsed) errors.children = { key: 'error.children' };
    else childrenAges = parsed;
  }
  if (!isOneOf(HOUSING, draft.housing)) errors.housing = { key: 'error.choice' };
  tooLong('message', draft.message.trim(), LIMITS.message);
  const name = draft.name.trim();
  if (!name) errors.name = { key: 'error.name' };
  tooLong('name', name, LIMITS.name);

  const email = ctx.accountEmail ?? normalizeEmail(draft.email);
  const phone = draft.phone.trim();
  if (!ctx.accountEmail && email && !isValidEmail(email)) errors.email = { key: 'error.email' };
  if (phone && !PHONE.test(phone)) errors.phone = { key: 'error.phone' };
  if (!errors.email && !errors.phone) {
    if (!email && !phone) errors.email = { key: 'error.reach' };
    else if (draft.channel === 'phone' && !phone) errors.phone = { key: 'error.reachPhone' };
    else if ((draft.channel === 'email' || draft.channel === 'video') && !email)
      errors.email = { key: 'error.reachEmail' };
  }
  if (!draft.consentContact) errors.consent_contact = { key: 'error.consent' };
  const optional = draft.consents.filter((c) => isOneOf(OPTIONAL_CONSENTS, c));
  if (optional.length !== draft.consents.length) errors.consents = { key: 'error.choice' };
  const slotId = draft.slot && draft.slot !== 'none' ? draft.slot : null;
  if (slotId && !UUID.test(slotId)) errors.slot = { key: 'error.choice' };

  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      needs,
      municipalityCode,
      channel: draft.channel as Channel,
      language,
      citizenship: draft.citizenship as Citizenship,
      occupation,
      partner,
      childrenAges,
      housing: draft.housing as Housing,
      message: draft.message.trim(),
      name,
      email: email || null,
      phone: phone || null,
      consents: ['contact', ...optional],
      slotId: slotId?.toLowerCase() ?? null,
    },
  };
}

/** The order fields appear in (the error summary follows it). */
export const FIELD_ORDER = [
  'needs',
  'municipality',
  'channel',
  'language',
  'language_other',
  'citizenship',
  'occupation',
  'has_partner',
  'partner_name',
  'partner_citizenship',
  'partner_occupation',
  'partner_email',
  'partner_consents',
  'children',
  'housing',
  'message',
  'slot',
  'name',
  'email',
  'phone',
  'consent_contact',
  'consents',
] as const;
