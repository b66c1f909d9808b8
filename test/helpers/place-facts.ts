/** A valid place facts file (facts-data.ts's format) for the shipped region's municipalities, for tests. */
import { shippedRegions } from '../../src/modules/regions/service.ts';
import type { PlaceFacts, PlaceFactsFile } from '../../src/modules/regions/facts-data.ts';

const SCB = 'https://www.scb.se/hitta-statistik/statistik-efter-amne/befolkning/';

/** One municipality's facts; `n` varies the figures. */
export function sampleFacts(n: number, asOf = '2024-12-31'): PlaceFacts {
  const fact = <T>(value: T, source = 'SCB', sourceUrl = SCB) => ({ value, source, sourceUrl, asOf });
  const trip = (
    sv: string,
    en: string,
    minutes: number,
    mode: 'train' | 'car',
    source: string,
    sourceUrl: string,
  ) => ({
    to: { sv, en },
    minutes,
    mode,
    source,
    sourceUrl,
    asOf,
  });
  return {
    population: { ...fact(10_000 + n * 1_000), approx: true },
    medianHousePrice: fact(
      1_500_000 + n * 10_000,
      'Svensk Mäklarstatistik',
      'https://www.maklarstatistik.se/',
    ),
    preschools: fact(10 + n, 'Skolverket', 'https://www.skolverket.se/'),
    schools: fact(5 + n, 'Skolverket', 'https://www.skolverket.se/'),
    travel: [
      trip('Stockholm', 'Stockholm', 150 + n, 'train', 'SJ', 'https://www.sj.se/'),
      trip('Arlanda', 'Arlanda Airport', 130 + n, 'train', 'SJ', 'https://www.sj.se/'),
      trip('Falun', 'Falun', 25 + n, 'car', 'Trafikverket', 'https://www.trafikverket.se/'),
    ],
    nature: [
      { sv: 'Sjöar och skog', en: 'Lakes and forest' },
      { sv: 'Skidspår', en: 'Ski tracks' },
    ],
    culture: [
      { sv: 'Bibliotek', en: 'Library' },
      { sv: 'Musikfestival', en: 'Music festival' },
    ],
  };
}

/** A file dated `version` with every municipality of the shipped region (Dalarna). */
export function sampleFactsFile(version = '2025-06-30', factsAsOf = '2024-12-31'): PlaceFactsFile {
  const region = shippedRegions()[0]!;
  return {
    note: 'Test figures.',
    version,
    municipalities: Object.fromEntries(
      region.municipalities.map((m, i) => [m.code, sampleFacts(i, factsAsOf)]),
    ),
  };
}
