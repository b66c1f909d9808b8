/**
 * What a person typed into the join form (or the edit page), as one draft: read from the posted
 * form, checked step by step (unknown taxonomy ids and municipalities are dropped and reported,
 * everything else kept), carried between steps in hidden fields, stored as JSON in talent_signups
 * and finally turned into a profile.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { FormList } from '../../../platform/http/schema.ts';
import type { Region } from '../../../platform/region.ts';
import { isValidEmail, normalizeEmail } from '../../identity/accounts.ts';
import {
  CONSENT_PURPOSES,
  EDUCATION_LEVELS,
  EXPERIENCE_LEVELS,
  HOUSING_WISHES,
  isOneOf,
  LIMITS,
  MOVE_TIMEFRAMES,
  type ConsentPurpose,
  type TalentProfile,
} from '../model.ts';
import type { JoinKey } from './messages.ts';
import { conceptsById, QUERY_MAX, type ConceptKind } from './taxonomy.ts';

export interface Draft {
  occupations: string[];
  skills: string[];
  experience: string;
  languages: string[];
  education: string;
  municipalities: string[];
  anywhere: boolean;
  moveWhen: string;
  remoteNow: boolean;
  about: string;
  hasPartner: boolean;
  partnerOccupations: string[];
  partnerSkills: string[];
  /** The children's ages as typed ("3, 7"). */
  children: string;
  housing: string;
  email: string;
  language: string;
  consents: string[];
}

export const EMPTY_DRAFT: Draft = {
  occupations: [],
  skills: [],
  experience: '',
  languages: [],
  education: '',
  municipalities: [],
  anywhere: false,
  moveWhen: '',
  remoteNow: false,
  about: '',
  hasPartner: false,
  partnerOccupations: [],
  partnerSkills: [],
  children: '',
  housing: 'not-sure',
  email: '',
  language: '',
  consents: [],
};

/** The concept pickers: form name → taxonomy type and limit. */
export const PICKERS = {
  occupations: { type: 'occupation-name', max: LIMITS.occupations },
  skills: { type: 'skill', max: LIMITS.skills },
  partner_occupations: { type: 'occupation-name', max: LIMITS.occupations },
  partner_skills: { type: 'skill', max: LIMITS.skills },
} as const satisfies Record<string, { type: ConceptKind; max: number }>;
export type PickerName = keyof typeof PICKERS;
export const PICKER_NAMES = Object.keys(PICKERS) as PickerName[];

const S = () => Type.Optional(Type.String());
/** The body of every form that carries a draft (the steps, the edit page). */
export const DraftBody = Type.Object({
  occupations: FormList(),
  skills: FormList(),
  languages: FormList(),
  municipalities: FormList(),
  partner_occupations: FormList(),
  partner_skills: FormList(),
  consents: FormList(),
  experience: S(),
  education: S(),
  anywhere: S(),
  move_when: S(),
  remote_now: S(),
  about: S(),
  has_partner: S(),
  children: S(),
  housing: S(),
  email: S(),
  language: S(),
  q_occupations: S(),
  q_skills: S(),
  q_partner_occupations: S(),
  q_partner_skills: S(),
  action: S(),
});
export type DraftBodyValue = Static<typeof DraftBody>;

const list = (v: string[] | undefined, max = 200) =>
  [...new Set((v ?? []).map((s) => s.trim()).filter((s) => s.length > 0 && s.length <= 40))].slice(0, max);
const str = (v: string | undefined, max = 2000) => (v ?? '').trim().slice(0, max);
const flag = (v: string | undefined) => v === '1' || v === 'on' || v === 'true';

/** The draft a form posted (bounded; nothing is checked yet). */
export function draftFromBody(body: DraftBodyValue): Draft {
  return {
    occupations: list(body.occupations),
    skills: list(body.skills),
    experience: str(body.experience, 40),
    languages: list(body.languages),
    education: str(body.education, 40),
    municipalities: list(body.municipalities),
    anywhere: flag(body.anywhere),
    moveWhen: str(body.move_when, 40),
    remoteNow: flag(body.remote_now),
    about: (body.about ?? '').replace(/\r\n?/g, '\n').trim().slice(0, 5000),
    hasPartner: flag(body.has_partner),
    partnerOccupations: list(body.partner_occupations),
    partnerSkills: list(body.partner_skills),
    children: str(body.children, 200),
    housing: str(body.housing, 40) || 'not-sure',
    email: str(body.email, 320),
    language: str(body.language, 10),
    consents: list(body.consents),
  };
}

/** A stored draft (talent_signups.data), read defensively. */
export function draftFromJson(value: unknown): Draft {
  const o = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const arr = (k: keyof Draft) =>
    Array.isArray(o[k]) ? (o[k] as unknown[]).filter((x) => typeof x === 'string') : [];
  const s = (k: keyof Draft) => (typeof o[k] === 'string' ? (o[k] as string) : '');
  return {
    occupations: arr('occupations'),
    skills: arr('skills'),
    experience: s('experience'),
    languages: arr('languages'),
    education: s('education'),
    municipalities: arr('municipalities'),
    anywhere: o.anywhere === true,
    moveWhen: s('moveWhen'),
    remoteNow: o.remoteNow === true,
    about: s('about'),
    hasPartner: o.hasPartner === true,
    partnerOccupations: arr('partnerOccupations'),
    partnerSkills: arr('partnerSkills'),
    children: s('children'),
    housing: s('housing') || 'not-sure',
    email: s('email'),
    language: s('language'),
    consents: arr('consents'),
  };
}

/** A profile as a draft (the edit page starts from it). */
export function draftFromProfile(p: TalentProfile, email: string, language: string): Draft {
  return {
    occupations: p.occupations,
    skills: p.skills,
    experience: p.experience,
    languages: p.languages,
    education: p.education,
    municipalities: p.municipalities,
    anywhere: p.anywhere,
    moveWhen: p.moveWhen,
    remoteNow: p.remoteNow,
    about: p.about,
    hasPartner: p.household.hasPartner,
    partnerOccupations: p.household.partnerOccupations,
    partnerSkills: p.household.partnerSkills,
    children: p.household.childrenAges.join(', '),
    housing: p.household.housing,
    email,
    language,
    consents: [],
  };
}

/** The draft as form fields (name → value or values), for hidden fields. */
export function draftFields(d: Draft): Record<string, string | string[]> {
  return {
    occupations: d.occupations,
    skills: d.skills,
    experience: d.experience,
    languages: d.languages,
    education: d.education,
    municipalities: d.municipalities,
    anywhere: d.anywhere ? '1' : '',
    move_when: d.moveWhen,
    remote_now: d.remoteNow ? '1' : '',
    about: d.about,
    has_partner: d.hasPartner ? '1' : '',
    partner_occupations: d.partnerOccupations,
    partner_skills: d.partnerSkills,
    children: d.children,
    housing: d.housing,
    email: d.email,
    language: d.language,
    consents: d.consents,
  };
}

/** The join form's steps and the fields each shows. */
export const STEP_FIELDS: Record<number, readonly string[]> = {
  1: ['occupations', 'skills'],
  2: [
    'experience',
    'languages',
    'education',
    'municipalities',
    'anywhere',
    'move_when',
    'remote_now',
    'about',
  ],
  3: ['has_partner', 'partner_occupations', 'partner_skills', 'children', 'housing'],
  4: ['email', 'language', 'consents'],
};
export const STEPS = 4;

export interface DraftError {
  key: JoinKey;
  params?: Record<string, string | number>;
}
export type DraftErrors = Record<string, DraftError>;

/** The search typed in a picker's field; an error when too long. */
export function pickerQuery(body: DraftBodyValue, name: PickerName): { q: string; error?: DraftError } {
  const raw = (body[`q_${name}`] ?? '').trim();
  if (raw.length > QUERY_MAX)
    return { q: raw, error: { key: 'error.queryTooLong', params: { max: QUERY_MAX } } };
  return { q: raw };
}

/** The children's ages typed, or undefined when they cannot be read. */
export function parseChildren(text: string): number[] | undefined {
  const t = text.trim();
  if (!t) return [];
  const parts = t.split(/[,;\s]+/).filter(Boolean);
  if (parts.length > LIMITS.children) return undefined;
  const ages = parts.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : NaN));
  return ages.every((a) => Number.isInteger(a) && a >= 0 && a <= LIMITS.childAgeMax) ? ages : undefined;
}

/** Who is joining: a signed-in person has no e-mail field. */
export interface CheckContext {
  db: Kysely<DB>;
  region: Region;
  signedIn: boolean;
}

async function checkConcepts(
  ctx: CheckContext,
  d: Draft,
  errors: DraftErrors,
  field: string,
  key: 'occupations' | 'skills' | 'partnerOccupations' | 'partnerSkills' | 'languages',
  type: ConceptKind,
  max: number,
): Promise<void> {
  const ids = d[key];
  if (ids.length > max) errors[field] ??= { key: 'error.tooMany', params: { max } };
  const known = await conceptsById(ctx.db, type, ids, 'sv');
  if (known.length < ids.length) {
    errors[field] ??= { key: 'error.unknownConcept' };
    const ok = new Set(known.map((c) => c.id));
    d[key] = ids.filter((id) => ok.has(id));
  }
}

/**
 * Checks the fields of `steps` of a draft, in place: unknown ids are dropped (and reported), the
 * rest kept as typed. Returns one error per field.
 */
export async function checkDraft(
  ctx: CheckContext,
  d: Draft,
  steps: readonly number[],
): Promise<DraftErrors> {
  const errors: DraftErrors = {};
  if (steps.includes(1)) {
    await checkConcepts(ctx, d, errors, 'occupations', 'occupations', 'occupation-name', LIMITS.occupations);
    if (d.occupations.length === 0) errors.occupations ??= { key: 'error.occupationsRequired' };
    await checkConcepts(ctx, d, errors, 'skills', 'skills', 'skill', LIMITS.skills);
  }
  if (steps.includes(2)) {
    if (!isOneOf(EXPERIENCE_LEVELS, d.experience))
      errors.experience = { key: d.experience ? 'error.badChoice' : 'error.required' };
    await checkConcepts(ctx, d, errors, 'languages', 'languages', 'language', LIMITS.languages);
    if (!isOneOf(EDUCATION_LEVELS, d.education))
      errors.education = { key: d.education ? 'error.badChoice' : 'error.required' };
    const codes = new Set(ctx.region.municipalities.map((m) => m.code));
    if (d.municipalities.some((c) => !codes.has(c))) {
      errors.municipalities = { key: 'error.unknownMunicipality' };
      d.municipalities = d.municipalities.filter((c) => codes.has(c));
    } else if (d.municipalities.length > LIMITS.municipalities) {
      errors.municipalities = { key: 'error.tooMany', params: { max: LIMITS.municipalities } };
    } else if (d.municipalities.length === 0 && !d.anywhere) {
      errors.municipalities = { key: 'error.municipalitiesRequired' };
    }
    if (!isOneOf(MOVE_TIMEFRAMES, d.moveWhen))
      errors.move_when = { key: d.moveWhen ? 'error.badChoice' : 'error.required' };
    if (d.about.length > LIMITS.about) errors.about = { key: 'error.tooLong', params: { max: LIMITS.about } };
  }
  if (steps.includes(3)) {
    if (d.hasPartner) {
      await checkConcepts(
        ctx,
        d,
        errors,
        'partner_occupations',
        'partnerOccupations',
        'occupation-name',
        LIMITS.occupations,
      );
      await checkConcepts(ctx, d, errors, 'partner_skills', 'partnerSkills', 'skill', LIMITS.skills);
    }
    if (parseChildren(d.children) === undefined) errors.children = { key: 'error.children' };
    if (!isOneOf(HOUSING_WISHES, d.housing)) errors.housing = { key: 'error.badChoice' };
  }
  if (steps.includes(4)) {
    if (!ctx.signedIn) {
      if (!d.email) errors.email = { key: 'error.emailRequired' };
      else if (!isValidEmail(normalizeEmail(d.email))) errors.email = { key: 'error.emailInvalid' };
    }
    if (d.language !== 'sv' && d.language !== 'en') errors.language = { key: 'error.required' };
    if (d.consents.some((c) => !isOneOf(CONSENT_PURPOSES, c))) {
      errors.consents = { key: 'error.badChoice' };
      d.consents = d.consents.filter((c) => isOneOf(CONSENT_PURPOSES, c));
    }
  }
  return errors;
}

/** The consents ticked in a checked draft. */
export function consentsOf(d: Draft): ConsentPurpose[] {
  return d.consents.filter((c): c is ConsentPurpose => isOneOf(CONSENT_PURPOSES, c));
}

/** `own` then what `added` has that `own` lacks, at most `max`. */
const unite = (own: readonly string[], added: readonly string[], max: number): string[] =>
  [...new Set([...own, ...added])].slice(0, max);

/** The children's ages of both, the member's first; an age is added once per child it lacks. */
function uniteAges(own: readonly number[], added: readonly number[]): number[] {
  const unmatched = [...own];
  const out = [...own];
  for (const age of added) {
    const i = unmatched.indexOf(age);
    if (i >= 0) unmatched.splice(i, 1);
    else out.push(age);
  }
  return out.slice(0, LIMITS.children);
}

/**
 * A sign-up's checked draft merged into the profile the address already has, so that confirming
 * loses nothing: the lists are united (the member's own entries first, up to LIMITS); the member's
 * text `about` is kept (the sign-up's only fills an empty one); every other answer takes the
 * sign-up's value only where the member had none or the default (housing "not sure", remote and
 * partner "no"). The member's places stand (a list is added to, "anywhere" stays); a part the
 * partner claimed is the partner's and is left as it is.
 */
export function mergeDraft(p: TalentProfile, d: Draft): Draft {
  const h = p.household;
  const claimed = h.partnerAccountId !== null;
  const addedPartner = d.hasPartner && !claimed;
  const hadPlaces = p.anywhere || p.municipalities.length > 0;
  const anywhere = hadPlaces ? p.anywhere : d.anywhere;
  return {
    ...d,
    occupations: unite(p.occupations, d.occupations, LIMITS.occupations),
    skills: unite(p.skills, d.skills, LIMITS.skills),
    experience: p.experience || d.experience,
    languages: unite(p.languages, d.languages, LIMITS.languages),
    education: p.education || d.education,
    anywhere,
    municipalities: anywhere ? [] : unite(p.municipalities, d.municipalities, LIMITS.municipalities),
    moveWhen: p.moveWhen || d.moveWhen,
    remoteNow: p.remoteNow || d.remoteNow,
    about: p.about || d.about,
    hasPartner: h.hasPartner || d.hasPartner,
    partnerOccupations: unite(
      h.partnerOccupations,
      addedPartner ? d.partnerOccupations : [],
      LIMITS.occupations,
    ),
    partnerSkills: unite(h.partnerSkills, addedPartner ? d.partnerSkills : [], LIMITS.skills),
    children: uniteAges(h.childrenAges, parseChildren(d.children) ?? []).join(', '),
    housing: h.housing === 'not-sure' ? d.housing : h.housing,
  };
}
