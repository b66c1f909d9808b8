/**
 * Which region a request belongs to. Regions change rarely, so the table is read into a small
 * directory that refreshes itself every `ttlMs`; every process reads the same rows from PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { contrastRatio } from '../../platform/html/contrast.ts';
import { loadRegions, upsertRegion } from './repository.ts';
import type { Region, RegionDirectory } from '../../platform/region.ts';

export type { RegionDirectory };

const HOST = /^(?:([a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?)|\[([0-9a-f:.]{2,45})\])(?::[0-9]{1,5})?$/;

/** The host name of a Host header value (lower case, IPv6 without brackets), or undefined if malformed. */
export function hostName(header: string): string | undefined {
  const match = HOST.exec(header.toLowerCase());
  return match ? (match[1] ?? match[2]) : undefined;
}

export async function createRegionDirectory(db: Kysely<DB>, ttlMs = 30_000): Promise<RegionDirectory> {
  let regions: Region[] = [];
  let byHost = new Map<string, Region>();
  // Host headers as sent (with port, any case) → region; bounded so odd hosts cannot grow it.
  let seen = new Map<string, Region>();
  let fallback: Region | undefined;
  let loadedAt = 0;
  let refreshing: Promise<void> | undefined;

  const refresh = async () => {
    regions = await loadRegions(db);
    if (regions.length === 0) throw new Error('No region is configured: run `npx lotsa seed`');
    byHost = new Map(regions.flatMap((r) => r.hosts.map((h) => [h, r] as const)));
    seen = new Map();
    fallback = regions.find((r) => r.isDefault) ?? regions[0];
    loadedAt = Date.now();
  };
  await refresh();

  const maybeRefresh = () => {
    if (Date.now() - loadedAt < ttlMs || refreshing) return;
    refreshing = refresh()
      .catch(() => {}) // keep serving the last good directory
      .finally(() => {
        refreshing = undefined;
      });
  };

  return {
    forHost(host) {
      maybeRefresh();
      const raw = host ?? '';
      let region = seen.get(raw);
      if (!region) {
        const name = hostName(raw);
        region = (name !== undefined ? byHost.get(name) : undefined) ?? (fallback as Region);
        if (seen.size < 1000) seen.set(raw, region);
      }
      return region;
    },
    byId: (id) => regions.find((r) => r.id === id),
    all: () => regions,
    refresh,
  };
}

const REGIONS_FILE = new URL('./data/regions.json', import.meta.url);

/** The regions shipped with Lotsa (Dalarna first). */
export function shippedRegions(): Region[] {
  const data = JSON.parse(readFileSync(REGIONS_FILE, 'utf8')) as { regions: Region[] };
  return data.regions;
}

const CANONICAL_ORIGIN = /^https?:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$/;

/** Checks a region's brand before it is stored: both colours must be readable on white (WCAG AA). */
export function validateRegion(region: Region): string[] {
  const problems: string[] = [];
  for (const [name, colour] of Object.entries({
    primary: region.brand.primary,
    accent: region.brand.accent,
  })) {
    if (!/^#[0-9a-f]{6}$/.test(colour)) problems.push(`brand.${name} must be a #rrggbb colour`);
    else if (contrastRatio(colour, '#ffffff') < 4.5)
      problems.push(`brand.${name} has too little contrast on white`);
  }
  if (
    region.canonicalOrigin !== undefined &&
    region.canonicalOrigin !== null &&
    !CANONICAL_ORIGIN.test(region.canonicalOrigin)
  )
    problems.push('canonicalOrigin must be an origin such as https://dalarna.lotsa.se (no path)');
  if (region.municipalities.some((m) => !/^\d{4}$/.test(m.code)))
    problems.push('municipality codes are 4 digits');
  return problems;
}

/** Seeds the shipped regions; safe to run any number of times. */
export async function seedRegions(db: Kysely<DB>): Promise<string[]> {
  const seeded: string[] = [];
  for (const region of shippedRegions()) {
    const problems = validateRegion(region);
    if (problems.length) throw new Error(`Region ${region.id}: ${problems.join('; ')}`);
    await upsertRegion(db, region);
    seeded.push(region.id);
  }
  return seeded;
}
