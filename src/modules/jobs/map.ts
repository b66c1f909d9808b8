/**
 * The county maps the job board draws: one SVG path per municipality, projected and simplified at
 * build time by scripts/build-map.ts into data/map-<county code>.json (no GeoJSON, no d3 and no
 * JavaScript at run time).
 */
import { existsSync, readFileSync } from 'node:fs';
import { html, type SafeHtml } from '../../platform/html/html.ts';

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

/** A count's shade on a map, 1…levels by its share of the largest count (0 for none). */
export function mapShade(n: number, max: number, levels: number): number {
  return n === 0 ? 0 : Math.min(levels, 1 + Math.floor((n / Math.max(1, max)) * (levels - 0.001)));
}

/**
 * One municipality of a count map as a link: its shape shaded by `shade`, its count as a label,
 * named by `label` (the job search's map and the company list's map; `cls` is the map's class).
 */
export function mapAreaLink(a: {
  cls: string;
  shape: MapMunicipality;
  href: string;
  label: string;
  count: string;
  shade: number;
  selected: boolean;
}): SafeHtml {
  return html`<a href="${a.href}" class="${a.cls}__area ${a.cls}__area--${a.shade}${a.selected ? ` ${a.cls}__area--selected` : ''}"><title>${a.label}</title><path d="${a.shape.d}"/><text x="${a.shape.labelX}" y="${a.shape.labelY}" aria-hidden="true">${a.count}</text></a>`;
}
