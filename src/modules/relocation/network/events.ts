/**
 * The newcomer network's reads of the events module's tables (migration 0035; the meetups moved
 * there in 0036): a group's meetups are the events whose network_group_id is the group. The
 * network never writes events — the events module's back-office creates, edits and cancels them,
 * and people register on the event's own page. These reads may move into the events module later.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import { localPath } from '../../../platform/html/layout.ts';

/** At most this many of a group's events are listed (public: upcoming; back-office: also recent). */
export const GROUP_EVENTS_LIMIT = 50;
/** At most this many upcoming meetups across the groups on the network's landing page. */
export const LANDING_EVENTS_LIMIT = 6;

/** A meetup of a group as the network shows it. */
export interface GroupEvent {
  id: string;
  slug: string;
  status: string;
  titleSv: string;
  titleEn: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  locality: string;
  capacity: number | null;
  seatsTaken: number;
  groupId: string;
}

/** The events' public page (`/<lang>/events/<slug>`), which the events module's public part builds. */
export const eventPublicPath = (lang: Lang, slug: string) => localPath(lang, `/events/${slug}`);
/** The events' back-office page of one event. */
export const eventAdminPath = (id: string) => `/admin/events/${id}`;
/** The events' back-office form for a new meetup of a group (it reads `kind` and `group`). */
export const newMeetupPath = (groupId: string) =>
  `/admin/events/new?${new URLSearchParams({ kind: 'meetup', group: groupId }).toString()}`;

export const groupEventTitle = (lang: Lang, e: Pick<GroupEvent, 'titleSv' | 'titleEn'>) =>
  (lang === 'en' ? e.titleEn || e.titleSv : e.titleSv || e.titleEn) || '—';

function groupEventsQuery(db: Kysely<DB>, regionId: string) {
  return db
    .selectFrom('events as e')
    .select([
      'e.id',
      'e.slug',
      'e.status',
      'e.title_sv as titleSv',
      'e.title_en as titleEn',
      'e.starts_at as startsAt',
      'e.ends_at as endsAt',
      'e.venue',
      'e.locality',
      'e.capacity',
      'e.seats_taken as seatsTaken',
    ])
    .select(sql<string>`e.network_group_id`.as('groupId'))
    .where('e.region_id', '=', regionId)
    .where('e.network_group_id', 'is not', null);
}

/**
 * A group's events. Public (`includeDrafts` false): the published ones that have not ended, soonest
 * first. Back-office: every status, also those that ended in the last 30 days.
 */
export async function eventsOfGroup(
  db: Kysely<DB>,
  regionId: string,
  groupId: string,
  options: { backOffice: boolean },
): Promise<GroupEvent[]> {
  let query = groupEventsQuery(db, regionId).where('e.network_group_id', '=', groupId);
  query = options.backOffice
    ? query.where('e.ends_at', '>', sql<Date>`now() - interval '30 days'`)
    : query.where('e.status', '=', 'published').where('e.ends_at', '>', sql<Date>`now()`);
  return query.orderBy('e.starts_at').orderBy('e.id').limit(GROUP_EVENTS_LIMIT).execute();
}

/** The next published meetups of the region's active groups, soonest first. */
export async function upcomingNetworkEvents(
  db: Kysely<DB>,
  regionId: string,
  limit = LANDING_EVENTS_LIMIT,
): Promise<GroupEvent[]> {
  return groupEventsQuery(db, regionId)
    .where('e.status', '=', 'published')
    .where('e.ends_at', '>', sql<Date>`now()`)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('network_groups as g')
          .select(sql`1`.as('one'))
          .whereRef('g.region_id', '=', 'e.region_id')
          .whereRef('g.id', '=', 'e.network_group_id')
          .where('g.status', '=', 'active'),
      ),
    )
    .orderBy('e.starts_at')
    .orderBy('e.id')
    .limit(Math.min(Math.max(limit, 1), GROUP_EVENTS_LIMIT))
    .execute();
}

/** Per group: how many published events are still to come, and when the next one starts. */
export async function upcomingByGroup(
  db: Kysely<DB>,
  regionId: string,
): Promise<Map<string, { upcoming: number; next: Date }>> {
  const rows = await db
    .selectFrom('events')
    .select([
      sql<string>`network_group_id`.as('groupId'),
      sql<number>`count(*)::int`.as('upcoming'),
      sql<Date>`min(starts_at)`.as('next'),
    ])
    .where('region_id', '=', regionId)
    .where('network_group_id', 'is not', null)
    .where('status', '=', 'published')
    .where('starts_at', '>', sql<Date>`now()`)
    .groupBy('network_group_id')
    .execute();
  return new Map(rows.map((r) => [r.groupId, { upcoming: r.upcoming, next: r.next }]));
}
