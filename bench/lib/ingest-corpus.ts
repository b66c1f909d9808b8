/**
 * Generated JobStream ads for the ingestion benchmarks: `iterateAds` (src/modules/jobs/demo.ts) for
 * Dalarna's municipalities with a fixed seed, made to look like JobTech's own ads — the
 * `lotsa_generated` mark is dropped, so they are stored with origin `jobtech` and a snapshot that
 * no longer has them closes them as `missing`, as it would real ads. A last publication date within
 * two days of `now` is moved a week later, so that no ad expires while a benchmark runs (an expiry
 * would be a legitimate write and blur the "nothing written" figures).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { demoPlaces, iterateAds } from '../../src/modules/jobs/demo.ts';
import { scopeForRegion, type IngestScope } from '../../src/modules/jobs/ingest/apply.ts';
import { stockholmLocalToDate, toStockholmLocal } from '../../src/modules/jobs/ingest/time.ts';
import { shippedConcepts } from '../../src/modules/jobs/taxonomy.ts';
import { shippedRegions } from '../../src/modules/regions/service.ts';
import type { Region } from '../../src/platform/region.ts';

export type Ad = Record<string, unknown>;

export const REGION_ID = 'dalarna';
const DAY_MS = 86_400_000;

export interface Dalarna {
  region: Region;
  scope: IngestScope;
  places: NonNullable<ReturnType<typeof demoPlaces>>;
}

/** The shipped Dalarna region (the bench database is seeded with the same file). */
export function dalarna(): Dalarna {
  const region = shippedRegions().find((r) => r.id === REGION_ID);
  const scope = region && scopeForRegion(region);
  const places = region && demoPlaces(region);
  if (!region || !scope || !places) throw new Error(`region ${REGION_ID} is not shipped with JobTech places`);
  return { region, scope, places };
}

export interface Place {
  conceptId: string;
  name: string;
  code: string;
  regionConceptId: string;
  regionName: string;
  regionCode: string;
}

/** Municipalities outside the region, with their län, for ads that are not the region's. */
export function outsideMunicipalities(scope: IngestScope): Place[] {
  const concepts = shippedConcepts();
  const regionOf = new Map(concepts.filter((c) => c.type === 'region').map((c) => [c.concept_id, c]));
  const places: Place[] = [];
  for (const c of concepts) {
    if (c.type !== 'municipality' || scope.municipalities.has(c.concept_id) || !c.parent_id) continue;
    const county = regionOf.get(c.parent_id);
    if (!county || county.concept_id === scope.regionConceptId) continue;
    places.push({
      conceptId: c.concept_id,
      name: c.label,
      code: c.code ?? '',
      regionConceptId: county.concept_id,
      regionName: county.label,
      regionCode: county.code ?? '',
    });
  }
  return places.sort((a, b) => a.conceptId.localeCompare(b.conceptId));
}

/** The ad with its workplace moved to `place` (a copy). */
export function movedTo(ad: Ad, place: Place): Ad {
  const address = (ad.workplace_address ?? {}) as Record<string, unknown>;
  return {
    ...ad,
    workplace_address: {
      ...address,
      municipality: place.name,
      municipality_code: place.code,
      municipality_concept_id: place.conceptId,
      region: place.regionName,
      region_code: place.regionCode,
      region_concept_id: place.regionConceptId,
      coordinates: [null, null],
    },
  };
}

export interface CorpusOptions {
  count: number;
  seed: number;
  now: Date;
  /** Ids are `<prefix>-<n>`. */
  prefix: string;
}

/** The corpus, ad by ad (JobTech-shaped objects, ready to serialise). */
export function* corpusAds(options: CorpusOptions): Generator<Ad> {
  const { places } = dalarna();
  const keepUntil = options.now.getTime() + 2 * DAY_MS;
  const movedTo = toStockholmLocal(new Date(options.now.getTime() + 7 * DAY_MS));
  for (const generated of iterateAds({
    count: options.count,
    seed: options.seed,
    now: options.now,
    idPrefix: options.prefix,
    ...places,
  })) {
    const { lotsa_generated: _generated, ...ad } = generated as unknown as Ad;
    const last =
      typeof ad.last_publication_date === 'string' ? stockholmLocalToDate(ad.last_publication_date) : null;
    if (last && last.getTime() < keepUntil) {
      ad.last_publication_date = movedTo;
      if (typeof ad.application_deadline === 'string') ad.application_deadline = movedTo;
    }
    yield ad;
  }
}

/** Writes the corpus as one JSON array (a JobStream snapshot body), about 1 MB per write. */
export async function writeCorpus(
  file: string,
  options: CorpusOptions,
): Promise<{ ads: number; bytes: number; ms: number }> {
  const started = performance.now();
  const out = createWriteStream(file);
  let bytes = 0;
  let ads = 0;
  let pending: string[] = ['['];
  let pendingLength = 1;
  const flush = async () => {
    const chunk = pending.join('');
    pending = [];
    pendingLength = 0;
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  };
  for (const ad of corpusAds(options)) {
    const json = `${ads++ ? ',\n' : '\n'}${JSON.stringify(ad)}`;
    pending.push(json);
    pendingLength += json.length;
    if (pendingLength > 1_000_000) await flush();
  }
  pending.push('\n]\n');
  await flush();
  out.end();
  await once(out, 'finish');
  return { ads, bytes, ms: Math.round(performance.now() - started) };
}
