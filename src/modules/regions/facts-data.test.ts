import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  isIsoDate,
  loadPlaceFacts,
  parsePlaceFacts,
  PLACE_FACTS_FILE,
  PlaceFactsError,
  shippedMunicipalityCodes,
  validatePlaceFacts,
} from './facts-data.ts';

/** The shipped file as loose JSON, to break on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test writes wrong values into it
type Loose = { municipalities: Record<string, any> };
const shipped = () => JSON.parse(readFileSync(PLACE_FACTS_FILE, 'utf8')) as Loose;
const codes = shippedMunicipalityCodes();

describe('place facts data file', () => {
  it('ships sound facts for all 15 municipalities of Dalarna, each figure sourced and dated', () => {
    const facts = loadPlaceFacts('2026-12-06');
    assert.equal(codes.length, 15);
    assert.deepEqual(Object.keys(facts.municipalities).sort(), [...codes].sort());
    const falun = facts.municipalities['2080'];
    assert.ok(falun);
    assert.ok(falun.population.value > 50_000 && falun.population.value < 70_000);
    assert.match(falun.population.sourceUrl, /^https:\/\/www\.scb\.se\//);
    assert.ok(falun.travel.some((t) => t.to.en === 'Stockholm' && t.mode === 'train'));
    assert.ok(falun.travel.some((t) => t.to.sv === 'Arlanda flygplats'));
    assert.match(facts.note, /demo/i);
  });

  it('names Stockholm and Arlanda among the journeys of every municipality', () => {
    for (const [code, place] of Object.entries(loadPlaceFacts('2026-12-06').municipalities)) {
      const to = place.travel.map((t) => t.to.en);
      assert.ok(to.includes('Stockholm'), code);
      assert.ok(
        to.some((name) => name.includes('Arlanda')),
        code,
      );
      assert.ok(place.travel.length >= 3, `${code} names a nearer city too`);
    }
  });

  it('says what is missing, unknown, out of bounds or badly dated', () => {
    const file = shipped();
    delete file.municipalities['2021'];
    file.municipalities['9999'] = file.municipalities['2080'];
    file.municipalities['2080'] = structuredClone(file.municipalities['2080']);
    file.municipalities['2080'].population.value = -5;
    file.municipalities['2080'].schools.asOf = '2024-02-30';
    file.municipalities['2080'].travel[0].mode = 'boat';
    file.municipalities['2080'].travel[0].sourceUrl = 'javascript:alert(1)';
    file.municipalities['2080'].travel[1].sourceUrl = 'https://www.trafikverket.se@evil.example/';
    file.municipalities['2080'].preschools.sourceUrl = 'https://www.scb.se/a b';
    file.municipalities['2080'].nature[0] = { sv: 'Runn', en: '' };
    file.municipalities['2081'].medianHousePrice.asOf = '2031-01-01';
    const { facts, problems } = validatePlaceFacts(file, codes, '2026-12-06');
    assert.equal(facts, undefined);
    assert.deepEqual(problems.sort(), [
      '2021: is missing',
      '2080.nature[0].en: must be text of 1–200 characters',
      '2080.population.value: must be a whole number from 100 to 2000000',
      '2080.preschools.sourceUrl: must be an https address',
      '2080.schools.asOf: must be a date YYYY-MM-DD',
      '2080.travel[0].mode: must be one of train, car, bus',
      '2080.travel[0].sourceUrl: must be an https address',
      '2080.travel[1].sourceUrl: must be an https address',
      '2081.medianHousePrice.asOf: lies in the future',
      '9999: is not a municipality of the region',
    ]);
  });

  it('refuses text that is not JSON with a PlaceFactsError', () => {
    assert.throws(
      () => parsePlaceFacts('{ nope', codes),
      (e: unknown) => e instanceof PlaceFactsError && e.problems[0] === 'the file is not JSON',
    );
  });

  it('knows a real date from a look-alike', () => {
    assert.ok(isIsoDate('2024-02-29'));
    assert.ok(!isIsoDate('2023-02-29'));
    assert.ok(!isIsoDate('2024-2-01'));
    assert.ok(!isIsoDate(20240201));
  });
});
