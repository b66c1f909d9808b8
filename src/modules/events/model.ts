/**
 * The events' vocabulary (migration 0035): kinds of event, statuses, where an event is, how people
 * sign up, a registration's statuses, programme items, questions, the consent texts' versions and
 * the paths the parts link to. Values here are the ones stored; their words are in messages.ts.
 */
import type { TargetGroup } from '../content/model.ts';
import { TARGET_GROUPS } from '../content/model.ts';

export const EVENT_KINDS = [
  'fair',
  'afterwork',
  'company_visit',
  'test_living',
  'meetup',
  'online',
  'info',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** draft → in_review (when the organisation may not publish itself) → published; cancelled ends it. */
export const EVENT_STATUSES = ['draft', 'in_review', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** In one of the region's municipalities, away (a fair in Malmö), or online. */
export const LOCATION_KINDS = ['region', 'away', 'online'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** Register for a seat, apply (the organiser decides: test-living weekends), or just come. */
export const REGISTRATION_MODES = ['open', 'application', 'none'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

/**
 * A registration's statuses: confirmed (holds its seats), waiting (on the waiting list, in
 * queued_at order), offered (a freed seat held until offer_expires_at), applied (an application
 * not decided), declined (an application turned down), cancelled, expired (an offer not taken).
 */
export const REGISTRATION_STATUSES = [
  'confirmed',
  'waiting',
  'offered',
  'applied',
  'declined',
  'cancelled',
  'expired',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Statuses of a live registration: one per address and event (a partial unique index). */
export const LIVE_STATUSES: readonly RegistrationStatus[] = ['confirmed', 'waiting', 'offered', 'applied'];

/** Statuses that hold seats: their seats are counted in events.seats_taken. */
export const SEAT_STATUSES: readonly RegistrationStatus[] = ['confirmed', 'offered'];

export const PROGRAMME_KINDS = [
  'session',
  'company_visit',
  'house_viewing',
  'meal',
  'travel',
  'other',
] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const QUESTION_KINDS = ['text', 'choice', 'yes_no'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const ORGANISATION_ROLES = ['co_organiser', 'exhibitor'] as const;
export type EventOrganisationRole = (typeof ORGANISATION_ROLES)[number];

/** The target groups an event may be for: content's six. */
export const PERSONAS: readonly TargetGroup[] = TARGET_GROUPS;

/** Languages an event may be held in (ISO 639-1), the common ones offered in forms. */
export const EVENT_LANGUAGES = ['sv', 'en', 'de', 'nl', 'pl', 'pt', 'es', 'fr', 'ar', 'fi'] as const;

/**
 * The version of each consent text (messages.ts `consent.<key>.text`): change the words → change
 * the version, so each stored consent names the text the person was shown.
 * registration: how the organiser keeps a registration; exhibitors: the exhibiting employers may
 * see their name and e-mail; lead: an employer keeps what they left at its stand.
 */
export const CONSENT_TEXT_VERSIONS = {
  registration: 'events-registration-2026-12',
  exhibitors: 'events-exhibitors-2026-12',
  lead: 'events-lead-2026-12',
} as const;

/** Paths the parts link to; public ones after the language prefix. */
export const PATHS = {
  events: '/events',
  /** The calendar feed (all, or a filter by the list's query string). */
  feed: '/events/calendar.ics',
  admin: '/admin/events',
} as const;

/** Slugs an event may not take: fixed paths under /events (the personal links' prefix). */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['registration', 'calendar']);

/** The public page of an event (after the language prefix). */
export function eventPath(slug: string): string {
  return `${PATHS.events}/${slug}`;
}

/** The back-office page of an event. */
export function adminEventPath(id: string): string {
  return `${PATHS.admin}/${id}`;
}

/** The events' public stylesheet. */
export const EVENTS_CSS = 'css/events.css';
/** The events' back-office stylesheet. */
export const EVENTS_ADMIN_CSS = 'css/events-admin.css';

/** How many seats a registration may hold at most, whatever an event says. */
export const MAX_GROUP = 20;

export { isOneOf } from '../../platform/one-of.ts';
