/**
 * The visitors' reads of events (SQL only): the calendar's and the feed's index (the narrow columns
 * the filters need, with the organisations' names), the cards of a page or a feed by id, the place
 * pages' next few cards, one event's programme and organisations with their organisationsnummer,
 * the sitemap's slugs, and the media library's images by id. Every read is bounded.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { imagesById, imagesBySlug, type MediaImage } from '../../content/media/service.ts';
import type { EventRow } from '../events.ts';
import type { EventOrganisationRole } from '../model.ts';

/**
 * At most this many events are indexed for the calendar (upcoming) or the feed (upcoming and the
 * last FEED_PAST_DAYS days), soonest first — far more than a region's calendar holds. The index is
 * narrow (the columns the filters need); a page's cards are read by id. Were a region ever to pass
 * it, the calendar says how far it reaches (`more`), it never drops events silently.
 */
export const UPCOMING_CAP = 10_000;
/**
 * At most this many events in a feed: of those the filter picks, the soonest upcoming first, then
 * the most recently ended of the last FEED_PAST_DAYS days while room is left.
 */
export const FEED_CAP = 500;
/** How far back the feed reaches. */
export const FEED_PAST_DAYS = 30;

/** An organisation of an event as the visitors see it. */
export interface EventOrg {
  organisationId: string;
  name: string;
  orgNumber: string | null;
  role: 'organiser' | EventOrganisationRole;
  stand: string;
}

/** What the calendar's filters and counts read of an event. */
export const INDEX_COLUMNS = [
  'id',
  'kind',
  'location_kind',
  'municipality_code',
  'personas',
  'organisation_id',
  'starts_at',
  'ends_at',
] as const;
export type IndexedEventRow = Pick<EventRow, (typeof INDEX_COLUMNS)[number]>;

/** An event in the calendar's index, with the organisations that organise or exhibit at it. */
export interface ListedEvent {
  event: IndexedEventRow;
  organisations: { organisationId: string; name: string }[];
}

/** What a card (the calendar, the place pages) and a feed's VEVENT show: no descriptions, no accessibility texts. */
export const CARD_COLUMNS = [
  'id',
  'slug',
  'organisation_id',
  'kind',
  'status',
  'title_sv',
  'title_en',
  'summary_sv',
  'summary_en',
  'starts_at',
  'ends_at',
  'location_kind',
  'municipality_code',
  'venue',
  'street_address',
  'postal_code',
  'locality',
  'languages',
  'personas',
  'image_id',
  'registration',
  'capacity',
  'seats_taken',
  'registration_opens_at',
  'registration_closes_at',
  'cancel_reason',
  'version',
  'updated_at',
] as const;
export type CardEvent = Pick<EventRow, (typeof CARD_COLUMNS)[number]>;

const visible = ['published', 'cancelled'] as const;

/** The index: the visible events ending after `endsAfter`, soonest first, at most `cap`. */
export interface EventIndex {
  events: ListedEvent[];
  /** More events than the cap: the index ends at its last event's start. */
  more: boolean;
}

export async function eventIndex(
  db: Kysely<DB>,
  regionId: string,
  options: { endsAfter: Date; cap?: number },
): Promise<EventIndex> {
  const cap = Math.min(options.cap ?? UPCOMING_CAP, UPCOMING_CAP);
  const rows = await db
    .selectFrom('events')
    .select(INDEX_COLUMNS)
    .where('region_id', '=', regionId)
    .where('status', 'in', visible)
    .where('published_at', 'is not', null)
    .where('ends_at', '>', options.endsAfter)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(cap + 1)
    .execute();
  const more = rows.length > cap;
  const events = more ? rows.slice(0, cap) : rows;
  if (events.length === 0) return { events: [], more };
  // One array parameter each, whatever the number of events.
  const ids = events.map((e) => e.id);
  const links = await db
    .selectFrom('event_organisations')
    .select(['event_id', 'organisation_id'])
    .where('region_id', '=', regionId)
    .where(sql<boolean>`event_id = any(${ids}::uuid[])`)
    .execute();
  const orgIds = [
    ...new Set([...events.map((e) => e.organisation_id), ...links.map((l) => l.organisation_id)]),
  ];
  const names = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('region_id', '=', regionId)
    .where(sql<boolean>`id = any(${orgIds}::uuid[])`)
    .execute();
  const nameOf = new Map(names.map((o) => [o.id, o.name]));
  const byEvent = new Map<string, string[]>();
  for (const l of links) {
    const list = byEvent.get(l.event_id) ?? [];
    list.push(l.organisation_id);
    byEvent.set(l.event_id, list);
  }
  return {
    more,
    events: events.map((event) => {
      const organisations: ListedEvent['organisations'] = [];
      for (const id of new Set([event.organisation_id, ...(byEvent.get(event.id) ?? [])])) {
        const name = nameOf.get(id);
        if (name !== undefined) organisations.push({ organisationId: id, name });
      }
      return { event, organisations };
    }),
  };
}

/** These events' cards, in the order of `ids` (at most a page or a feed: FEED_CAP). */
export async function cardEvents(
  db: Kysely<DB>,
  regionId: string,
  ids: readonly string[],
): Promise<CardEvent[]> {
  const wanted = ids.slice(0, FEED_CAP);
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom('events')
    .select(CARD_COLUMNS)
    .where('region_id', '=', regionId)
    .where(sql<boolean>`id = any(${wanted}::uuid[])`)
    .where('status', 'in', visible)
    .where('published_at', 'is not', null)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return wanted.flatMap((id) => byId.get(id) ?? []);
}

/** The next few visible upcoming events' cards (a place page's section), soonest first. */
export async function upcomingCards(
  db: Kysely<DB>,
  regionId: string,
  options: { municipalityCode: string; limit: number; now?: Date },
): Promise<CardEvent[]> {
  return db
    .selectFrom('events')
    .select(CARD_COLUMNS)
    .where('region_id', '=', regionId)
    .where('status', 'in', visible)
    .where('published_at', 'is not', null)
    .where('ends_at', '>', options.now ?? new Date())
    .where('municipality_code', '=', options.municipalityCode)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(Math.min(options.limit, 100))
    .execute();
}

/**
 * The feed's pick of the events a filter chose (in the index's order): the soonest upcoming first
 * (not yet ended at `now`), then the most recently ended while room is left, at most FEED_CAP; in
 * time order.
 */
export function feedPick(chosen: readonly ListedEvent[], now: Date, cap = FEED_CAP): ListedEvent[] {
  const upcoming = chosen.filter((e) => e.event.ends_at > now).slice(0, cap);
  const past = chosen
    .filter((e) => e.event.ends_at <= now)
    .sort((a, b) => b.event.ends_at.getTime() - a.event.ends_at.getTime())
    .slice(0, cap - upcoming.length);
  const picked = new Set([...upcoming, ...past]);
  return chosen.filter((e) => picked.has(e));
}

/** One visible event's organisations (the page): the owner first, then co-organisers, then exhibitors. */
export async function organisationsOf(
  db: Kysely<DB>,
  regionId: string,
  event: Pick<EventRow, 'id' | 'organisation_id'>,
): Promise<EventOrg[]> {
  const [others, owner] = await Promise.all([
    db
      .selectFrom('event_organisations as eo')
      .innerJoin('organisations as o', (j) =>
        j.onRef('o.region_id', '=', 'eo.region_id').onRef('o.id', '=', 'eo.organisation_id'),
      )
      .select(['eo.organisation_id', 'o.name', 'o.org_number', 'eo.role', 'eo.stand'])
      .where('eo.region_id', '=', regionId)
      .where('eo.event_id', '=', event.id)
      .orderBy('eo.role')
      .orderBy('eo.position')
      .orderBy('o.name')
      .limit(500)
      .execute(),
    db
      .selectFrom('organisations')
      .select(['id', 'name', 'org_number'])
      .where('region_id', '=', regionId)
      .where('id', '=', event.organisation_id)
      .executeTakeFirst(),
  ]);
  const organisations: EventOrg[] = owner
    ? [
        {
          organisationId: owner.id,
          name: owner.name,
          orgNumber: owner.org_number,
          role: 'organiser',
          stand: '',
        },
      ]
    : [];
  for (const o of others)
    if (o.organisation_id !== event.organisation_id)
      organisations.push({
        organisationId: o.organisation_id,
        name: o.name,
        orgNumber: o.org_number,
        role: o.role as EventOrganisationRole,
        stand: o.stand,
      });
  return organisations;
}

export interface ProgrammeItem {
  startsAt: Date;
  endsAt: Date | null;
  kind: string;
  title: { sv: string; en: string };
  place: string;
  host: string | null;
}

/** An event's programme in time order (at most 200 items). */
export async function programmeOf(
  db: Kysely<DB>,
  regionId: string,
  eventId: string,
): Promise<ProgrammeItem[]> {
  const rows = await db
    .selectFrom('event_programme as p')
    .leftJoin('organisations as o', (j) =>
      j.onRef('o.region_id', '=', 'p.region_id').onRef('o.id', '=', 'p.organisation_id'),
    )
    .select(['p.starts_at', 'p.ends_at', 'p.kind', 'p.title_sv', 'p.title_en', 'p.place', 'o.name'])
    .where('p.region_id', '=', regionId)
    .where('p.event_id', '=', eventId)
    .orderBy('p.starts_at')
    .orderBy('p.id')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    kind: r.kind,
    title: { sv: r.title_sv, en: r.title_en },
    place: r.place,
    host: r.name,
  }));
}

/** The sitemap's events: every published one (not cancelled), newest change first, at most 5000. */
export async function sitemapEvents(
  db: Kysely<DB>,
  regionId: string,
): Promise<{ slug: string; updatedAt: Date }[]> {
  const rows = await db
    .selectFrom('events')
    .select(['slug', 'updated_at'])
    .where('region_id', '=', regionId)
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .where('ends_at', '>', sql<Date>`now() - interval '90 days'`)
    .orderBy('starts_at', 'desc')
    .limit(5000)
    .execute();
  return rows.map((r) => ({ slug: r.slug, updatedAt: r.updated_at }));
}

/** Usable library images by id (the media library's imagesById). */
export async function usableImagesById(
  db: Kysely<DB>,
  regionId: string,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, MediaImage>> {
  const images = await imagesById(db, regionId, ids);
  return new Map([...images].filter(([, i]) => i.usable));
}

/** The library's usable images by slug. */
export async function imagesOfSlugs(
  db: Kysely<DB>,
  regionId: string,
  slugs: readonly string[],
): Promise<Map<string, MediaImage>> {
  if (slugs.length === 0) return new Map();
  const found = await imagesBySlug(db, regionId, slugs);
  return new Map([...found].filter(([, i]) => i.usable));
}
