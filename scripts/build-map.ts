/**
 * Builds the municipality map of one county as SVG path data: src/modules/jobs/data/map-<county>.json.
 * The output is committed, so the app never needs the GeoJSON at run time.
 *
 *   node --import tsx scripts/build-map.ts [--county 20] [--in <file.geojson>] [--width 400]
 *
 * Input: a GeoJSON FeatureCollection of municipalities with the properties `id` (SCB code),
 * `kom_namn` (short name), `lan_code` and `geo_point_2d` ([lat, lon]), such as
 * ../shared/data/geo/swedish_municipalities.geojson (see its SOURCES.md). Features of other
 * counties are skipped.
 *
 * Projection: equirectangular, with longitudes scaled by cos(mean latitude) of the county, so
 * that shapes keep their proportions at these latitudes (Dalarna spans 2.4° of latitude; the
 * distortion across it is under 4 %). y grows downwards. Winding order does not matter: SVG fills
 * with the nonzero rule on the projected plane, and holes are not used.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Position = [number, number];
type Ring = Position[];
interface Feature {
  properties: { id: string; kom_namn: string; lan_code: string; geo_point_2d?: [number, number] };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

const root = fileURLToPath(new URL('..', import.meta.url));

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

const county = arg('county', '20');
const input = path.resolve(
  arg('in', path.join(root, '..', 'shared', 'data', 'geo', 'swedish_municipalities.geojson')),
);
const WIDTH = Number(arg('width', '400'));
const PADDING = 8;
/** Points closer than this (in viewBox units) to the previous kept point are dropped. */
const MIN_STEP = 0.6;

if (!/^\d{2}$/.test(county)) throw new Error('--county is a 2-digit SCB county code');

const collection = JSON.parse(readFileSync(input, 'utf8')) as { features: Feature[] };
const features = collection.features
  .filter((f) => f.properties.lan_code === county)
  .sort((a, b) => a.properties.id.localeCompare(b.properties.id));
if (features.length === 0) throw new Error(`No municipality of county ${county} in ${input}`);

const polygonsOf = (f: Feature): Ring[][] =>
  f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;

// Bounds in degrees, and the scale for longitude.
let minLon = Infinity;
let maxLon = -Infinity;
let minLat = Infinity;
let maxLat = -Infinity;
for (const f of features)
  for (const polygon of polygonsOf(f))
    for (const ring of polygon)
      for (const [lon, lat] of ring) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
const spanX = (maxLon - minLon) * kx;
const spanY = maxLat - minLat;
const scale = (WIDTH - 2 * PADDING) / spanX;
const HEIGHT = Math.ceil(spanY * scale + 2 * PADDING);

const project = ([lon, lat]: Position): Position => [
  PADDING + (lon - minLon) * kx * scale,
  PADDING + (maxLat - lat) * scale,
];
const round = (v: number) => Math.round(v * 10) / 10;
const num = (v: number) => String(round(v));

/** Projects a ring, rounds it and drops points closer than MIN_STEP to the last kept one. */
function simplify(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring.map(project)) {
    const last = out[out.length - 1];
    if (last && Math.hypot(p[0] - last[0], p[1] - last[1]) < MIN_STEP) continue;
    out.push([round(p[0]), round(p[1])]);
  }
  // The closing point repeats the first; SVG's Z closes the ring.
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && out.length > 1 && Math.hypot(first[0] - last[0], first[1] - last[1]) < MIN_STEP)
    out.pop();
  return out;
}

function area(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    sum += xj * yi - xi * yj;
  }
  return sum / 2;
}

function centroid(ring: Ring): Position {
  const a = area(ring);
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    const f = xj * yi - xi * yj;
    cx += (xi + xj) * f;
    cy += (yi + yj) * f;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

function inside([x, y]: Position, ring: Ring): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** The middle of the widest horizontal stretch of the ring at height y. */
function scanlineMiddle(ring: Ring, y: number): Position | null {
  const xs: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  xs.sort((a, b) => a - b);
  let best: Position | null = null;
  let width = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = (xs[i + 1] as number) - (xs[i] as number);
    if (w > width) {
      width = w;
      best = [((xs[i] as number) + (xs[i + 1] as number)) / 2, y];
    }
  }
  return best;
}

const municipalities = features.map((f) => {
  const rings = polygonsOf(f)
    .map((polygon) => simplify(polygon[0] as Ring)) // outer rings only; the source has no holes we draw
    .filter((ring) => ring.length >= 3);
  const d = rings
    .map((ring) => {
      const [first, ...rest] = ring as [Position, ...Position[]];
      return `M${num(first[0])} ${num(first[1])}L${rest.map(([x, y]) => `${num(x)} ${num(y)}`).join(' ')}Z`;
    })
    .join('');
  const largest = rings.reduce((a, b) => (Math.abs(area(b)) > Math.abs(area(a)) ? b : a));
  const point = f.properties.geo_point_2d;
  const candidates: Array<Position | null> = [
    centroid(largest),
    point ? project([point[1], point[0]]) : null,
    scanlineMiddle(largest, centroid(largest)[1]),
  ];
  const label = candidates.find((c): c is Position => c !== null && inside(c, largest)) ?? centroid(largest);
  return {
    code: f.properties.id,
    name: f.properties.kom_namn,
    labelX: round(label[0]),
    labelY: round(label[1]),
    /** [longitude, latitude] of the source's interior point, for ads without coordinates. */
    center: point ? ([round4(point[1]), round4(point[0])] as Position) : null,
    d,
  };
});

function round4(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

const out = {
  countyCode: county,
  viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
  source:
    'okfse/sweden-geojson swedish_municipalities.geojson (simplified; licence unverified, see data/SOURCES.md)',
  municipalities,
};
const file = path.join(root, 'src', 'modules', 'jobs', 'data', `map-${county}.json`);
// One municipality per line: small, and a re-build shows as a readable diff.
const { municipalities: list, ...head } = out;
const json = `${JSON.stringify(head).slice(0, -1)},"municipalities":[\n${list.map((m) => JSON.stringify(m)).join(',\n')}\n]}\n`;
writeFileSync(file, json);
console.log(
  `${path.relative(root, file)}: ${municipalities.length} municipalities, viewBox ${out.viewBox}, ${json.length} bytes`,
);
