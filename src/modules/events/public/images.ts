/**
 * An event's picture: its own image from the media library (events.image_id), else a fitting one
 * by kind from the library's shipped demo photographs and content's illustrations (the first of
 * the kind's list that is in the library); none, and the card shows a coloured leaf instead.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { MediaImage } from '../../content/media/service.ts';
import type { EventRow } from '../events.ts';
import type { EventKind } from '../model.ts';
import { imagesById, imagesOfSlugs } from './repository.ts';

/** Pictures that fit a kind of event, best first (slugs of the media library's shipped images). */
export const KIND_PICTURES: Record<EventKind, readonly string[]> = {
  fair: ['office-team-workshop', 'illustration-town-river'],
  afterwork: ['office-open-plan-workers', 'illustration-campus'],
  company_visit: ['illustration-industry-wind', 'office-team-workshop'],
  test_living: ['lake-jetty-sunset', 'illustration-lake-forest'],
  meetup: ['midsommar-maypole', 'illustration-lake-forest'],
  online: ['office-open-plan-workers', 'illustration-campus'],
  info: ['illustration-town-river', 'office-team-workshop'],
};

const ALL_FALLBACKS = [...new Set(Object.values(KIND_PICTURES).flat())];

export type EventImages = (event: EventRow) => MediaImage | undefined;

/** The pictures of these events, read in two queries at most. */
export async function eventImages(
  db: Kysely<DB>,
  regionId: string,
  events: readonly EventRow[],
): Promise<EventImages> {
  const [own, fallback] = await Promise.all([
    imagesById(
      db,
      regionId,
      events.map((e) => e.image_id),
    ),
    events.some((e) => !e.image_id) || events.length === 0
      ? imagesOfSlugs(db, regionId, ALL_FALLBACKS)
      : Promise.resolve(new Map<string, MediaImage>()),
  ]);
  return (event) => {
    const image = event.image_id ? own.get(event.image_id) : undefined;
    if (image) return image;
    for (const slug of KIND_PICTURES[event.kind as EventKind] ?? []) {
      const found = fallback.get(slug);
      if (found) return found;
    }
    return undefined;
  };
}
