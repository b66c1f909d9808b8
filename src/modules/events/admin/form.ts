/**
 * The event form as typed and as stored: every field of `events` an organiser sets, read from the
 * posted body (bounded, one line or lines), checked with one error per field in the admin
 * catalogue's keys, and turned into the row's values — a Stockholm date and time of day become
 * instants (platform/i18n/stockholm.ts, right across DST). Pure: what needs the database (the
 * version, seats taken, the slug) is the service's.
 */
import { slugFromName } from '../../../platform/html/slug.ts';
import { parseDate } from '../../../platform/html/forms.ts';
import {
  FormReader,
  many,
  one,
  type FieldErrors,
  type FormValues,
} from '../../../platform/html/form-values.ts';
import { isWebAddress } from '../../../platform/html/links.ts';
import {
  parseTime,
  stockholmDate,
  stockholmInstant,
  stockholmTime,
} from '../../../platform/i18n/stockholm.ts';
import type { EventRow } from '../events.ts';
import {
  EVENT_KINDS,
  EVENT_LANGUAGES,
  LOCATION_KINDS,
  MAX_GROUP,
  PERSONAS,
  REGISTRATION_MODES,
  isOneOf,
  type EventKind,
  type LocationKind,
  type RegistrationMode,
} from '../model.ts';
import type { AdminMessageKey } from './messages.ts';

export const LIMITS = {
  title: 160,
  summary: 400,
  description: 8000,
  accessibility: 1000,
  venue: 200,
  street: 200,
  postalCode: 12,
  locality: 100,
  onlineUrl: 500,
  capacity: 100000,
  offerHours: 168,
} as const;

/** The form's field names (also the ids of their inputs). */
export const EVENT_FIELDS = [
  'kind',
  'title_sv',
  'title_en',
  'summary_sv',
  'summary_en',
  'description_sv',
  'description_en',
  'start_date',
  'start_time',
  'end_date',
  'end_time',
  'location_kind',
  'municipality_code',
  'venue',
  'street_address',
  'postal_code',
  'locality',
  'online_url',
  'accessibility_sv',
  'accessibility_en',
  'registration',
  'capacity',
  'max_group',
  'opens_date',
  'opens_time',
  'closes_date',
  'closes_time',
  'offer_hours',
  'image',
  'network_group',
  'version',
] as const;
export const EVENT_LISTS = ['languages', 'personas'] as const;

/** What the form shows: every field as text (checkboxes as lists). */
export type EventFormValues = Record<(typeof EVENT_FIELDS)[number], string> & {
  languages: string[];
  personas: string[];
};

export type EventFormErrors = FieldErrors<AdminMessageKey>;

/** What the checks need to know of the region and the library. */
export interface EventFormContext {
  municipalityCodes: ReadonlySet<string>;
  /** Image slug → id, of the images the person may choose. */
  images: ReadonlyMap<string, string>;
  /** The network groups a meetup may belong to, by id. */
  groups: ReadonlySet<string>;
}

/** The row's values the form sets. */
export interface EventValues {
  kind: EventKind;
  title_sv: string;
  title_en: string;
  summary_sv: string;
  summary_en: string;
  description_sv: string;
  description_en: string;
  starts_at: Date;
  ends_at: Date;
  location_kind: LocationKind;
  municipality_code: string | null;
  venue: string;
  street_address: string;
  postal_code: string;
  locality: string;
  online_url: string | null;
  languages: string[];
  personas: string[];
  accessibility_sv: string;
  accessibility_en: string;
  registration: RegistrationMode;
  capacity: number | null;
  max_group: number;
  registration_opens_at: Date | null;
  registration_closes_at: Date | null;
  offer_hours: number;
  image_id: string | null;
  network_group_id: string | null;
}

/** An empty form (a new event), prefilled from `?kind=meetup&group=<id>` when it says so. */
export function emptyEventForm(prefill: { kind?: string; group?: string } = {}): EventFormValues {
  const values = Object.fromEntries(EVENT_FIELDS.map((f) => [f, ''])) as unknown as EventFormValues;
  values.kind = isOneOf(EVENT_KINDS, prefill.kind) ? prefill.kind : '';
  values.network_group = prefill.group ?? '';
  values.location_kind = 'region';
  values.registration = 'open';
  values.max_group = '4';
  values.offer_hours = '24';
  values.languages = ['sv'];
  values.personas = [];
  return values;
}

/** A stored event as the form shows it. */
export function eventFormOf(event: EventRow, imageSlug: string): EventFormValues {
  const date = (d: Date | null) => (d ? stockholmDate(d) : '');
  const time = (d: Date | null) => (d ? stockholmTime(d) : '');
  return {
    kind: event.kind,
    title_sv: event.title_sv,
    title_en: event.title_en,
    summary_sv: event.summary_sv,
    summary_en: event.summary_en,
    description_sv: event.description_sv,
    description_en: event.description_en,
    start_date: date(event.starts_at),
    start_time: time(event.starts_at),
    end_date: date(event.ends_at),
    end_time: time(event.ends_at),
    location_kind: event.location_kind,
    municipality_code: event.municipality_code ?? '',
    venue: event.venue,
    street_address: event.street_address,
    postal_code: event.postal_code,
    locality: event.locality,
    online_url: event.online_url ?? '',
    accessibility_sv: event.accessibility_sv,
    accessibility_en: event.accessibility_en,
    registration: event.registration,
    capacity: event.capacity === null ? '' : String(event.capacity),
    max_group: String(event.max_group),
    opens_date: date(event.registration_opens_at),
    opens_time: time(event.registration_opens_at),
    closes_date: date(event.registration_closes_at),
    closes_time: time(event.registration_closes_at),
    offer_hours: String(event.offer_hours),
    image: imageSlug,
    network_group: event.network_group_id ?? '',
    version: String(event.version),
    languages: [...event.languages],
    personas: [...event.personas],
  };
}

/** The posted body as the form shows it again: one line per field, bounded lists. */
export function readEventForm(body: FormValues): EventFormValues {
  const values = {} as EventFormValues;
  for (const f of EVENT_FIELDS) values[f] = one(body, f).slice(0, 10_000);
  values.languages = many(body, 'languages').slice(0, 20);
  values.personas = many(body, 'personas').slice(0, 20);
  return values;
}

const INTEGER = /^\d{1,7}$/;

/** Checks the form: the row's values, or the errors by field (nothing in the database is read). */
export function checkEventForm(
  form: EventFormValues,
  context: EventFormContext,
): { values?: EventValues; errors: EventFormErrors } {
  const source: FormValues = { ...form };
  const r = new FormReader<AdminMessageKey>(source, 'error.tooLong');
  const fail = (id: string, key: AdminMessageKey, params?: Record<string, string>) => r.fail(id, key, params);

  const kind = form.kind;
  if (!isOneOf(EVENT_KINDS, kind)) fail('kind', 'error.kind');
  const title = r.localised('title', LIMITS.title);
  if (!title.sv && !title.en) fail('title_sv', 'error.title');
  const summary = r.localised('summary', LIMITS.summary, true);
  const description = r.localised('description', LIMITS.description, true);
  const accessibility = r.localised('accessibility', LIMITS.accessibility, true);

  /** A date and time of day → an instant; undefined when absent, null when wrong (failed). */
  const instant = (
    dateField: string,
    timeField: string,
    required: boolean,
    defaultDate = '',
    defaultTime = { h: 0, mi: 0 },
  ): Date | null | undefined => {
    const typed = (form[dateField as keyof EventFormValues] as string).trim();
    const timeText = (form[timeField as keyof EventFormValues] as string).trim();
    // The time is checked on its own, so both mistakes are told at once.
    const time = timeText ? parseTime(timeText) : required ? undefined : defaultTime;
    if (!time) fail(timeField, timeText ? 'error.time' : 'error.required');
    // A date left empty that defaults to another field's is that field's error, not this one's.
    const date = parseDate(typed || defaultDate);
    if (date === undefined) {
      if (typed) fail(dateField, 'error.date');
      return null;
    }
    if (date === null) {
      // An end date left empty with no start date: the start date's error says it.
      if (required && !(dateField === 'end_date' && !typed)) fail(dateField, 'error.required');
      else if (timeText) fail(dateField, 'error.date');
      return required ? null : undefined;
    }
    return time ? stockholmInstant(date, time) : null;
  };
  const startsAt = instant('start_date', 'start_time', true);
  const endsAt = instant('end_date', 'end_time', true, form.start_date.trim());
  if (startsAt && endsAt && endsAt <= startsAt) fail('end_time', 'error.endBeforeStart');
  const opensAt = instant('opens_date', 'opens_time', false);
  // A last day without a time means the whole of that day.
  const closesAt = instant('closes_date', 'closes_time', false, '', { h: 23, mi: 59 });
  if (opensAt && closesAt && closesAt <= opensAt) fail('closes_date', 'error.closesBeforeOpens');
  if (closesAt && endsAt && closesAt > endsAt) fail('closes_date', 'error.closesAfterEnd');

  const locationKind = form.location_kind;
  if (!isOneOf(LOCATION_KINDS, locationKind)) fail('location_kind', 'error.choice');
  const venue = r.text('venue', LIMITS.venue);
  const street = r.text('street_address', LIMITS.street);
  const postalCode = r.text('postal_code', LIMITS.postalCode);
  const locality = r.text('locality', LIMITS.locality);
  const onlineUrl = r.text('online_url', LIMITS.onlineUrl);
  const municipality = form.municipality_code.trim();
  if (municipality && !context.municipalityCodes.has(municipality))
    fail('municipality_code', 'error.municipality');
  if (locationKind === 'region' && !municipality) fail('municipality_code', 'error.municipality');
  if (locationKind === 'away' && !locality) fail('locality', 'error.locality');
  if (onlineUrl && !isWebAddress(onlineUrl, { httpsOnly: true })) fail('online_url', 'error.onlineUrl');
  if (locationKind === 'online' && !onlineUrl) fail('online_url', 'error.onlineUrl');

  const languages = [...new Set(form.languages)];
  if (languages.length === 0 || languages.length > 8 || !languages.every((l) => isOneOf(EVENT_LANGUAGES, l)))
    fail('languages', 'error.languages');
  const personas = [...new Set(form.personas)];
  if (!personas.every((p) => isOneOf(PERSONAS, p))) fail('personas', 'error.choice');

  const registration = form.registration;
  if (!isOneOf(REGISTRATION_MODES, registration)) fail('registration', 'error.choice');
  const capacityText = form.capacity.trim();
  let capacity: number | null = null;
  if (capacityText) {
    capacity = INTEGER.test(capacityText) ? Number(capacityText) : NaN;
    if (!(capacity >= 1 && capacity <= LIMITS.capacity))
      fail('capacity', 'error.capacity', { max: String(LIMITS.capacity) });
  }
  const maxGroupText = form.max_group.trim() || '1';
  const maxGroup = INTEGER.test(maxGroupText) ? Number(maxGroupText) : NaN;
  if (!(maxGroup >= 1 && maxGroup <= MAX_GROUP))
    fail('max_group', 'error.maxGroup', { max: String(MAX_GROUP) });
  const offerText = form.offer_hours.trim() || '24';
  const offerHours = INTEGER.test(offerText) ? Number(offerText) : NaN;
  if (!(offerHours >= 1 && offerHours <= LIMITS.offerHours))
    fail('offer_hours', 'error.offerHours', { max: String(LIMITS.offerHours) });

  const imageSlug = form.image.trim();
  const imageId = imageSlug ? context.images.get(imageSlug) : null;
  if (imageId === undefined) fail('image', 'error.image');
  const group = form.network_group.trim();
  if (group && !context.groups.has(group)) fail('network_group', 'error.group');

  if (Object.keys(r.errors).length > 0 || !startsAt || !endsAt) return { errors: r.errors };
  return {
    errors: {},
    values: {
      kind: kind as EventKind,
      title_sv: title.sv,
      title_en: title.en,
      summary_sv: summary.sv,
      summary_en: summary.en,
      description_sv: description.sv,
      description_en: description.en,
      starts_at: startsAt,
      ends_at: endsAt,
      location_kind: locationKind as LocationKind,
      municipality_code: locationKind === 'online' ? null : municipality || null,
      venue: locationKind === 'online' ? '' : venue,
      street_address: locationKind === 'online' ? '' : street,
      postal_code: locationKind === 'online' ? '' : postalCode,
      locality: locationKind === 'online' ? '' : locality,
      online_url: onlineUrl || null,
      languages,
      personas,
      accessibility_sv: accessibility.sv,
      accessibility_en: accessibility.en,
      registration: registration as RegistrationMode,
      capacity,
      max_group: maxGroup,
      registration_opens_at: opensAt ?? null,
      registration_closes_at: closesAt ?? null,
      offer_hours: offerHours,
      image_id: imageId ?? null,
      network_group_id: group || null,
    },
  };
}

/** A slug from a title (platform/html/slug.ts), at most 70 characters; 'evenemang' when none is left. */
export function slugFrom(title: string): string {
  return slugFromName(title, 70) || 'evenemang';
}

/**
 * What an organisation without EventsApprove may change on its published event at once: only how
 * seats are managed and when registration is open. Every other field waits for an approver.
 */
export const IMMEDIATE_FIELDS = [
  'capacity',
  'max_group',
  'registration_opens_at',
  'registration_closes_at',
  'offer_hours',
] as const;
type ImmediateField = (typeof IMMEDIATE_FIELDS)[number];
export type ImmediateValues = Pick<EventValues, ImmediateField>;
export type ReviewedValues = Omit<EventValues, ImmediateField>;

/** The form's values split into those that apply at once and those reviewed. */
export function splitValues(values: EventValues): { immediate: ImmediateValues; reviewed: ReviewedValues } {
  const immediate = {} as Record<string, unknown>;
  const reviewed = { ...values } as Record<string, unknown>;
  for (const f of IMMEDIATE_FIELDS) {
    immediate[f] = values[f];
    delete reviewed[f];
  }
  return { immediate: immediate as ImmediateValues, reviewed: reviewed as unknown as ReviewedValues };
}

/** An organiser's edit of a published event that waits for review (events.pending). */
export interface PendingChanges {
  values: ReviewedValues;
  /** The account that saved it. */
  by: string;
  at: Date;
  /** An approver's comment when it was sent back; '' while it waits. */
  comment: string;
}

const comparable = (v: unknown): string =>
  v instanceof Date ? v.toISOString() : Array.isArray(v) ? JSON.stringify(v) : v === null ? '' : String(v);

/** Whether the reviewed values are those the event already has. */
export function sameAsLive(event: EventRow, reviewed: ReviewedValues): boolean {
  return Object.entries(reviewed).every(
    ([k, v]) => comparable(v) === comparable((event as unknown as Record<string, unknown>)[k]),
  );
}

/** The pending changes as stored (instants as ISO text). */
export function pendingJson(pending: PendingChanges): string {
  return JSON.stringify({
    values: pending.values,
    by: pending.by,
    at: pending.at.toISOString(),
    comment: pending.comment,
  });
}

const DATE_KEYS = new Set(['starts_at', 'ends_at']);

/** The stored pending changes, or undefined when none (or not of the stored shape). */
export function readPending(stored: unknown): PendingChanges | undefined {
  if (!stored || typeof stored !== 'object') return undefined;
  const s = stored as Record<string, unknown>;
  if (!s.values || typeof s.values !== 'object' || typeof s.at !== 'string') return undefined;
  const values = { ...(s.values as Record<string, unknown>) };
  for (const k of DATE_KEYS) {
    if (typeof values[k] !== 'string') return undefined;
    values[k] = new Date(values[k] as string);
  }
  return {
    values: values as unknown as ReviewedValues,
    by: typeof s.by === 'string' ? s.by : '',
    at: new Date(s.at),
    comment: typeof s.comment === 'string' ? s.comment : '',
  };
}

/** The event as it will be once its pending changes are published (the event itself when none). */
export function withPending(event: EventRow): EventRow {
  const pending = readPending(event.pending);
  return pending ? { ...event, ...pending.values } : event;
}
