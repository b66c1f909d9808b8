/**
 * The county maps the job board draws: one SVG path per municipality, projected and simplified at
 * build time by scripts/build-map.ts into data/map-<county code>.json (no GeoJSON, no d3 and no
 * JavaScript at run time).
 */
import { existsSync, readFileSync } from 'node:fs';

export interface MapMunicipality {
  /** SCB municipality code, e.g. '2080'. */
  code: string;
  /** Short name, e.g. 'Falun'. */
  name: string;
  /** SVG path data in viewBox units. */
  d: string;
  /** A point inside the municipality for its label. */
  labelX: number;
  labelY: number;
  /** [longitude, latitude] of a point inside the municipality, or null. */
  center: [number, number] | null;
}

export interface MapData {
  countyCode: string;
  /** '0 0 <width> <height>' */
  viewBox: string;
  source: string;
  /** By code. */
  municipalities: MapMunicipality[];
}

const cache = new Map<string, MapData | null>();

/** The map of a county (2-digit SCB code), or null when Lotsa has none. Read once, then cached. */
export function loadMap(countyCode: string): MapData | null {
  if (!/^\d{2}$/.test(countyCode)) return null;
  let map = cache.get(countyCode);
  if (map === undefined) {
    const file = new URL(`./data/map-${countyCode}.json`, import.meta.url);
    map = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as MapData) : null;
    cache.set(countyCode, map);
  }
  return map;
}
