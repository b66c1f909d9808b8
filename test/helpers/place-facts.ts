/** A valid place facts file for the shipped region's municipalities, for tests. */
import { shippedRegions } from '../../src/modules/regions/service.ts';
import type { MunicipalityFacts, PlaceFactsFile } from '../../src/modules/regions/facts-file.ts';

const SCB = 'https://www.scb.se/hitta-statistik/statistik-efter-amne/befolkning/';

/** One municipality's facts; `n` varies the figures. */
export function sampleFacts(n: number, asOf = '2024-12-31'): MunicipalityFacts {
  const fact = <T>(value: T, source = 'SCB', sourceUrl = SCB) => ({ value, source, sourceUrl, asOf });
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
      {
        ...fact(150 + n, 'SJ', 'https://www.sj.se/'),
        to: { sv: 'Stockholm', en: 'Stockholm' },
        mode: 'train',
      },
      {
        ...fact(130 + n, 'SJ', 'https://www.sj.se/'),
        to: { sv: 'Arlanda', en: 'Arlanda Airport' },
        mode: 'train',
      },
      {
        ...fact(25 + n, 'Trafikverket', 'https://www.trafikverket.se/'),
        to: { sv: 'Falun', en: 'Falun' },
        mode: 'car',
      },
    ],
    nature: fact(
      { sv: ['Sjöar och skog', 'Skidspår'], en: ['Lakes and forest', 'Ski tracks'] },
      'Kommunen',
      'https://example.org/natur',
    ),
    culture: fact(
      { sv: ['Bibliotek', 'Musikfestival'], en: ['Library', 'Music festival'] },
      'Kommunen',
      'https://example.org/kultur',
    ),
  };
}

/** A file with every municipality of the shipped region (Dalarna). */
export function sampleFactsFile(asOf = '2025-06-30', factsAsOf = '2024-12-31'): PlaceFactsFile {
  const region = shippedRegions()[0]!;
  return {
    asOf,
    municipalities: Object.fromEntries(
      region.municipalities.map((m, i) => [m.code, sampleFacts(i, factsAsOf)]),
    ),
  };
}
