/**
 * Travel time between municipalities, estimated: the straight line between the points the county
 * map keeps for each municipality (jobs/data/map-<county>.json, `center`), × 1.3 for roads, at
 * about 70 km/h. Good enough for "about 40 min from Falun"; never a route planner.
 */
import { loadMap } from '../../jobs/map.ts';

export const ROAD_FACTOR = 1.3;
export const ROAD_KMH = 70;

/** What scoring needs to know about places. */
export interface Places {
  /** The municipality's short name ('Falun'), or the code when unknown. */
  name(code: string): string;
  /** Estimated minutes by road, or null when either place is unknown. */
  minutes(from: string, to: string): number | null;
}

interface Point {
  name: string;
  lat: number;
  lon: number;
}

/** Kilometres along the earth's surface. */
export function greatCircleKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Minutes by road for a straight-line distance, rounded to 5 (at least 5 between two places). */
export function roadMinutes(km: number): number {
  const minutes = ((km * ROAD_FACTOR) / ROAD_KMH) * 60;
  return Math.max(5, Math.round(minutes / 5) * 5);
}

export function placesFrom(points: ReadonlyMap<string, Point>): Places {
  const cache = new Map<string, number | null>();
  return {
    name: (code) => points.get(code)?.name ?? code,
    minutes(from, to) {
      if (from === to) return 0;
      const key = from < to ? `${from}:${to}` : `${to}:${from}`;
      let m = cache.get(key);
      if (m === undefined) {
        const a = points.get(from);
        const b = points.get(to);
        m = a && b ? roadMinutes(greatCircleKm(a, b)) : null;
        cache.set(key, m);
      }
      return m;
    },
  };
}

const byCounty = new Map<string, Places>();

/**
 * The places of a county (two-digit SCB code), from its map; names for the municipalities the map
 * lacks come from `names` (the region's), with no travel times.
 */
export function countyPlaces(countyCode: string | null, names: Iterable<[string, string]> = []): Places {
  const key = countyCode ?? '';
  let places = byCounty.get(key);
  if (!places) {
    const points = new Map<string, Point>();
    for (const m of (countyCode && loadMap(countyCode)?.municipalities) || []) {
      if (m.center) points.set(m.code, { name: m.name, lon: m.center[0], lat: m.center[1] });
    }
    const base = placesFrom(points);
    const extra = new Map(names);
    places = {
      name: (code) => (points.has(code) ? base.name(code) : (extra.get(code) ?? code)),
      minutes: base.minutes,
    };
    byCounty.set(key, places);
  }
  return places;
}
