/**
 * The visitors' reads of events (SQL only): the upcoming events with their organisations (the
 * calendar, the feed, the place pages' section), one event's programme and organisations with
 * their organisationsnummer, the sitemap's slugs, and the media library's images by id.
 * Every read is bounded.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { imagesById, imagesBySlug, type MediaImage } from '../../content/media/service.ts';
import type { EventRow } from '../events.ts';
import type { EventOrganisationRole } from '../model.ts';

/** At most this many upcoming events are read for the calendar (the list pages them, 20 a page). */
export const UPCOMING_CAP = 1000;
/** At most this many events in the feed (upcoming plus the last 30 days). */
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

/** An event with its organisations: the owner first, then co-organisers, then exhibitors. */
export interface ListedEvent {
  event: EventRow;
  organisations: EventOrg[];
}

const visible = ['published', 'cancelled'] as const;

async function withOrganisations(
  db: Kysely<DB>,
  regionId: string,
  events: EventRow[],
): Promise<ListedEvent[]> {
  if (events.length === 0) return [];
  const ids = events.map((e) => e.id);
  const [others, owners] = await Promise.all([
    db
      .selectFrom('event_organisations as eo')
      .innerJoin('organisations as o', (j) =>
        j.onRef('o.region_id', '=', 'eo.region_id').onRef('o.id', '=', 'eo.organisation_id'),
      )
      .select(['eo.event_id', 'eo.organisation_id', 'o.name', 'o.org_number', 'eo.role', 'eo.stand'])
      .where('eo.region_id', '=', regionId)
      .where('eo.event_id', 'in', ids)
      .orderBy('eo.role')
      .orderBy('eo.position')
      .orderBy('o.name')
      .execute(),
    db
      .selectFrom('organisations')
      .select(['id', 'name', 'org_number'])
      .where('region_id', '=', regionId)
      .where('id', 'in', [...new Set(events.map((e) => e.organisation_id))])
      .execute(),
  ]);
  const ownerById = new Map(owners.map((o) => [o.id, o]));
  const byEvent = new Map<string, EventOrg[]>();
  for (const r of others) {
    const list = byEvent.get(r.event_id) ?? [];
    list.push({
      organisationId: r.organisation_id,
      name: r.name,
      orgNumber: r.org_number,
      role: r.role as EventOrganisationRole,
      stand: r.stand,
    });
    byEvent.set(r.event_id, list);
  }
  return events.map((event) => {
    const owner = ownerById.get(event.organisation_id);
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
    for (const o of byEvent.get(event.id) ?? [])
      if (o.organisationId !== event.organisation_id) organisations.push(o);
    return { event, organisations };
  });
}

/**
 * The events visitors see as upcoming: published or cancelled, not yet over (still running or
 * starting later), soonest first; at most UPCOMING_CAP.
 */
export async function upcomingEvents(
  db: Kysely<DB>,
  regionId: string,
  options: { now?: Date; municipalityCode?: string; limit?: number } = {},
): Promise<ListedEvent[]> {
  let query = db
    .selectFrom('events')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('status', 'in', visible)
    .where('published_at', 'is not', null)
    .where('ends_at', '>', options.now ?? new Date());
  if (options.municipalityCode) query = query.where('municipality_code', '=', options.municipalityCode);
  const events = await query
    .orderBy('starts_at')
    .orderBy('id')
    .limit(Math.min(options.limit ?? UPCOMING_CAP, UPCOMING_CAP))
    .execute();
  return withOrganisations(db, regionId, events);
}

/** The feed's events: those ending in the last FEED_PAST_DAYS days and every later one, at most FEED_CAP. */
export async function feedEvents(db: Kysely<DB>, regionId: string, now = new Date()): Promise<ListedEvent[]> {
  const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
  const events = await db
    .selectFrom('events')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('status', 'in', visible)
    .where('published_at', 'is not', null)
    .where('ends_at', '>', since)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(FEED_CAP)
    .execute();
  return withOrganisations(db, regionId, events);
}

/** One visible event's organisations (the page). */
export async function organisationsOf(
  db: Kysely<DB>,
  regionId: string,
  event: EventRow,
): Promise<EventOrg[]> {
  const [listed] = await withOrganisations(db, regionId, [event]);
  return listed?.organisations ?? [];
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
