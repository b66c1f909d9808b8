/**
 * An event's picture: its own image from the media library (events.image_id), else a fitting one
 * by kind (a meetup's by season) from the library's shipped demo photographs and content's illustrations (the first of
 * the kind's list that is in the library); none, and the card shows a coloured leaf instead.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { MediaImage } from '../../content/media/service.ts';
import { wallClock } from '../../../platform/i18n/stockholm.ts';
import type { EventRow } from '../events.ts';
import type { EventKind } from '../model.ts';
import { imagesOfSlugs, usableImagesById } from './repository.ts';

/** Pictures that fit a kind of event, best first (slugs of the media library's shipped images). */
export const KIND_PICTURES: Record<EventKind, readonly string[]> = {
  fair: ['office-team-workshop', 'illustration-town-river'],
  afterwork: ['office-open-plan-workers', 'illustration-campus'],
  company_visit: ['illustration-industry-wind', 'office-team-workshop'],
  test_living: ['lake-jetty-sunset', 'illustration-lake-forest'],
  meetup: ['illustration-lake-forest'],
  online: ['office-open-plan-workers', 'illustration-campus'],
  info: ['illustration-town-river', 'office-team-workshop'],
};

/**
 * A newcomer meetup's picture follows the season it is held in (Stockholm month): snow in winter,
 * the Valborg bonfire in spring, midsummer in summer, the forest in autumn.
 */
const SEASON_PICTURES: readonly string[] = [
  'winter-tree-lined-path', // Dec–Feb
  'valborg-bonfire-lake', // Mar–May
  'midsommar-maypole', // Jun–Aug
  'autumn-forest-sunbeams', // Sep–Nov
];

/** The season (0 winter … 3 autumn) of an instant in Stockholm. */
export function seasonOf(date: Date): number {
  const month = wallClock(date).mo; // 1–12
  return Math.floor((month % 12) / 3);
}

function picturesFor(event: ImageFields): readonly string[] {
  const kind = KIND_PICTURES[event.kind as EventKind] ?? [];
  return event.kind === 'meetup' ? [SEASON_PICTURES[seasonOf(event.starts_at)]!, ...kind] : kind;
}

const ALL_FALLBACKS = [...new Set([...Object.values(KIND_PICTURES).flat(), ...SEASON_PICTURES])];

/** What an event's picture depends on. */
export type ImageFields = Pick<EventRow, 'image_id' | 'kind' | 'starts_at'>;

export type EventImages = (event: ImageFields) => MediaImage | undefined;

/** The pictures of these events, read in two queries at most. */
export async function eventImages(
  db: Kysely<DB>,
  regionId: string,
  events: readonly ImageFields[],
): Promise<EventImages> {
  const [own, fallback] = await Promise.all([
    usableImagesById(
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
    for (const slug of picturesFor(event)) {
      const found = fallback.get(slug);
      if (found) return found;
    }
    return undefined;
  };
}
