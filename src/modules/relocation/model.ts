/**
 * The navigator's vocabulary (migration 0030): a case's stages, what a household needs help with,
 * channels, housing, citizenship, outcomes, consent purposes and the exact version of each consent
 * text, and the paths the parts link to. Values here are the ones stored; their words are in
 * messages.ts.
 */

/** A case's stages, in the order a move runs; `closed` ends a case that did not lead to a move. */
export const STAGES = [
  'new',
  'in_contact',
  'exploring',
  'visit_planned',
  'offer',
  'moving',
  'moved',
  'settled',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

/** Stages of an open case (the inbox and the dashboard's "open cases"). */
export const OPEN_STAGES: readonly Stage[] = [
  'new',
  'in_contact',
  'exploring',
  'visit_planned',
  'offer',
  'moving',
];

/** What a household can ask for help with. */
export const NEEDS = ['job', 'partner_job', 'housing', 'school', 'permits', 'social'] as const;
export type Need = (typeof NEEDS)[number];

/** How they want to be reached (a first conversation by e-mail, phone or video). */
export const CHANNELS = ['email', 'phone', 'video'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Meetings may also be in person. */
export const MEETING_CHANNELS = ['email', 'phone', 'video', 'in_person'] as const;
export type MeetingChannel = (typeof MEETING_CHANNELS)[number];

export const HOUSING = ['rent', 'buy', 'either', 'not_sure'] as const;
export type Housing = (typeof HOUSING)[number];

/** Whose rules apply to the move: Nordic citizens, EU/EEA and Swiss citizens, everyone else. */
export const CITIZENSHIPS = ['nordic', 'eu', 'non_eu', 'unknown'] as const;
export type Citizenship = (typeof CITIZENSHIPS)[number];

export const PERSON_ROLES = ['main', 'partner', 'child'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** An adult's employment, as an outcome of the move and in the follow-ups. */
export const EMPLOYMENTS = ['employed', 'self_employed', 'searching', 'studying', 'other'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];
/** The partner's outcome may also be that there is no partner. */
export const PARTNER_EMPLOYMENTS = [...EMPLOYMENTS, 'no_partner'] as const;
export type PartnerEmployment = (typeof PARTNER_EMPLOYMENTS)[number];

/** An adult's job search, tracked in the case (the partner's career above all). */
export const JOB_SEARCH = [
  'not_started',
  'searching',
  'interviewing',
  'offer',
  'employed',
  'not_looking',
] as const;
export type JobSearch = (typeof JOB_SEARCH)[number];

export const CLOSE_REASONS = ['not_moving', 'withdrawn', 'no_contact', 'duplicate', 'spam', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * What an adult of the household consents to, each on its own: 'contact' (the navigator keeps the
 * case and contacts them; given with the request), 'employers' (the navigator may share their
 * name, occupation and contact with an employer they are introduced to), 'ambassador' (a volunteer
 * ambassador may be matched and told their first name and e-mail), 'followup' (short surveys at 3,
 * 12 and 24 months after the move).
 */
export const CONSENT_PURPOSES = ['contact', 'employers', 'ambassador', 'followup'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * The version of each consent text (messages.ts `consent.<purpose>.text`): change the words →
 * change the version, so each stored consent names the text the person was shown.
 */
export const CONSENT_TEXT_VERSIONS: Record<ConsentPurpose, string> = {
  contact: 'relocation-contact-2026-12',
  employers: 'relocation-employers-2026-12',
  ambassador: 'relocation-ambassador-2026-12',
  followup: 'relocation-followup-2026-12',
};

/** Follow-ups after the move, in months. */
export const FOLLOWUP_MONTHS = [3, 12, 24] as const;

/** Paths the parts link to. */
export const PATHS = {
  /** The public request form (after the language prefix). */
  move: '/move',
  /** The household's own moving page (after the language prefix). */
  ownMove: '/me/move',
  /** The navigators' inbox; a case is `${cases}/${id}`. */
  cases: '/admin/cases',
  /** The navigators' open times. */
  slots: '/admin/cases/slots',
  /** The dashboard (a navigator's own and the region's). */
  dashboard: '/admin/cases/dashboard',
  /** Possible duplicates. */
  duplicates: '/admin/cases/duplicates',
  /** The newcomer network, public (after the language prefix) and back-office. */
  network: '/network',
  networkAdmin: '/admin/network',
} as const;

/** The navigator's public stylesheet (the request form, the receipt, the household's page). */
export const RELOCATION_CSS = 'css/relocation.css';

export function casePath(caseId: string): string {
  return `${PATHS.cases}/${caseId}`;
}

/**
 * The calendar day of a `date` column as node-postgres reads it (local midnight of that day), as
 * YYYY-MM-DD; also the local day of any Date.
 */
export function dayOf(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Today in Stockholm, YYYY-MM-DD. */
export function stockholmToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);
}

export { isOneOf } from '../../platform/one-of.ts';
