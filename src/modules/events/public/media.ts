/**
 * Where the media library's images are used by events (addMediaUsageLookup): an image an event
 * shows is listed on the image's page, and so cannot be deleted or renamed while in use. A draft's
 * or one waiting for review is not seen by visitors (live: false).
 */
import type { MediaUsage, MediaUsageLookup } from '../../content/media/service.ts';
import { adminEventPath } from '../model.ts';

export const eventImageUsage: MediaUsageLookup = async (db, regionId, slug): Promise<MediaUsage[]> => {
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('media_images as m', (j) =>
      j.onRef('m.region_id', '=', 'e.region_id').onRef('m.id', '=', 'e.image_id'),
    )
    .select(['e.id', 'e.title_sv', 'e.title_en', 'e.status'])
    .where('e.region_id', '=', regionId)
    .where('m.slug', '=', slug)
    .orderBy('e.starts_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    title: { sv: r.title_sv || r.title_en, en: r.title_en || r.title_sv },
    href: adminEventPath(r.id),
    live: r.status === 'published' || r.status === 'cancelled',
  }));
};
