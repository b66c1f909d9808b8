/** Which JobStream ads belong to a region: its JobTech concept and its municipalities' concepts. */
import type { Region } from '../../../platform/region.ts';

export interface IngestScope {
  regionId: string;
  regionConceptId: string;
  /** Municipality concept id → SCB code, for the region's municipalities. */
  municipalities: ReadonlyMap<string, string>;
}

/** The ingest scope of a region; null when the region has no JobTech concept id. */
export function scopeForRegion(region: Region): IngestScope | null {
  if (!region.jobtechConceptId) return null;
  return {
    regionId: region.id,
    regionConceptId: region.jobtechConceptId,
    municipalities: new Map(
      region.municipalities.filter((m) => m.jobtechConceptId).map((m) => [m.jobtechConceptId, m.code]),
    ),
  };
}
