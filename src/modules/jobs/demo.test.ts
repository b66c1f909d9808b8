import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { shippedRegions } from '../regions/service.ts';
import {
  demoPlaces,
  generateAds,
  generateDemoBoard,
  iterateAds,
  mulberry32,
  reusedSentences,
  sampleAds,
  stockholmDay,
} from './demo.ts';
import { scopeForRegion, type IngestScope } from './ingest/apply.ts';
import { normalizeAd, parseRecord, type AdRecord } from './ingest/normalize.ts';
import { stockholmLocalToDate } from './ingest/time.ts';
import type { JobAd } from './jobtech.ts';
import { shippedConcepts } from './taxonomy.ts';
import { LINKED_EMPLOYERS } from './demo-data.ts';

const dalarna = shippedRegions().find((r) => r.id === 'dalarna')!;
const places = demoPlaces(dalarna)!;
const scope = scopeForRegion(dalarna) as IngestScope;
const NOW = new Date('2026-11-26T09:30:00Z');
const DAY = 86_400_000;
const concepts = new Map(shippedConcepts().map((c) => [c.concept_id, c]));

const text = (ad: JobAd) => ad.description?.text ?? '';
const isEnglish = (ad: JobAd) => text(ad).includes('How to apply');

describe('mulberry32', () => {
  it('is deterministic for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(
      values,
      Array.from({ length: 1000 }, () => b()),
    );
    assert.ok(values.every((v) => v >= 0 && v < 1));
    assert.notEqual(mulberry32(43)(), mulberry32(42)());
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    assert.ok(mean > 0.45 && mean < 0.55, String(mean));
  });
});

describe('the demo tables as data files', () => {
  // The same seed must give the same ads, byte for byte. First taken when the tables moved to
  // data/demo/*.json (commit 561cbc4, unchanged by the move); changed on purpose when the demo
  // companies (data/demo/companies.json) became employers with their organisationsnummer and the
  // pulp-mill and battery operators joined the occupations. A deliberate change to the data or the
  // generator changes these; say why in the commit that updates them.
  const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

  it('give the same ads for a fixed seed as the tables in code did', () => {
    assert.equal(
      sha256(generateAds({ count: 3000, seed: 42, now: NOW, ...places })),
      'b5700f5c8559fd66c71eb5110d37fcce38ba5f81f10a81de60975a2ea0b22ad1',
    );
  });

  it('give the same demo board and reused sentences as the tables in code did', () => {
    assert.equal(
      sha256(generateDemoBoard({ seed: 7, now: NOW, ...places })),
      '9c475ffc5a1a5340041b369c499d692f2575a5a4e497b6ae485c4bcb0f588496',
    );
    assert.equal(
      sha256(reusedSentences()),
      '1681392cfbac2e911ccf4b75ff520e2132fc3832de5dc69926069ae5d599c3e4',
    );
  });
});

describe('demoPlaces', () => {
  it("takes Dalarna's concept ids, official names and map centres", () => {
    assert.deepEqual(
      { ...places.region },
      { conceptId: 'oDpK_oZ2_WYt', code: '20', name: 'Dalarnas län', authority: 'Region Dalarna' },
    );
    assert.equal(places.municipalities.length, 15);
    const falun = places.municipalities.find((m) => m.code === '2080');
    assert.equal(falun?.officialName, 'Falu kommun');
    assert.ok(falun?.center);
  });
});

const ads = generateAds({ count: 3000, seed: 42, now: NOW, ...places });

describe('generateAds: determinism and taxonomy', () => {
  it('is deterministic for a seed, and ad n does not depend on the count', () => {
    assert.deepEqual(generateAds({ count: 50, seed: 42, now: NOW, ...places }), ads.slice(0, 50));
    const other = generateAds({ count: 50, seed: 43, now: NOW, ...places });
    assert.notDeepEqual(
      other.map((a) => a.headline),
      ads.slice(0, 50).map((a) => a.headline),
    );
    const bench = generateAds({ count: 3, seed: 42, now: NOW, idPrefix: 'bench', ...places });
    assert.deepEqual(
      bench.map((a) => a.id),
      ['bench-1', 'bench-2', 'bench-3'],
    );
  });

  it('makes valid JobAd objects that the ingester accepts as open ads of the region', () => {
    for (const ad of ads) {
      assert.match(ad.id, /^demo-\d+$/);
      assert.equal(ad.lotsa_generated, true);
      assert.deepEqual(ad.application_contacts, []);
      assert.equal(ad.webpage_url, null);
      assert.equal(ad.removed, false);
      assert.doesNotMatch(ad.headline, /\/|\(|, [a-zåäö]/, ad.headline); // titles, not taxonomy labels
      const record = parseRecord(ad);
      assert.equal(record.kind, 'ad', ad.id);
      const row = normalizeAd(record as AdRecord, scope, NOW);
      assert.equal(row.status, 'open', ad.id);
      assert.equal(row.origin, 'generated');
      assert.equal(row.region_id, 'dalarna');
    }
    assert.equal(new Set(ads.map((a) => a.id)).size, ads.length);
  });

  it('uses the taxonomy: occupation → SSYK-4 group → field, with their labels and codes', () => {
    for (const ad of ads) {
      const occupation = concepts.get(ad.occupation?.concept_id ?? '');
      const group = concepts.get(ad.occupation_group?.concept_id ?? '');
      const field = concepts.get(ad.occupation_field?.concept_id ?? '');
      assert.equal(occupation?.type, 'occupation-name');
      assert.equal(occupation.deprecated, false, occupation.label);
      assert.equal(occupation.label, ad.occupation?.label);
      assert.equal(group?.type, 'ssyk-level-4');
      assert.equal(occupation.parent_id, group.concept_id);
      assert.equal(group.label, ad.occupation_group?.label);
      assert.equal(group.code, ad.occupation_group?.legacy_ams_taxonomy_id);
      assert.equal(field?.type, 'occupation-field');
      assert.equal(group.parent_id, field.concept_id);
      assert.equal(field.label, ad.occupation_field?.label);
      for (const ref of [ad.employment_type, ad.working_hours_type, ad.salary_type, ad.duration])
        assert.ok(concepts.has(ref?.concept_id ?? ''), JSON.stringify(ref));
    }
    // Dalarna's mix: care, schools and industry are all well represented.
    const fields = new Map<string, number>();
    for (const ad of ads)
      fields.set(ad.occupation_field!.label!, (fields.get(ad.occupation_field!.label!) ?? 0) + 1);
    for (const label of ['Hälso- och sjukvård', 'Pedagogik', 'Industriell tillverkning', 'Data/IT'])
      assert.ok((fields.get(label) ?? 0) > ads.length * 0.03, label);
  });
});

describe('generateAds: places, dates and wording', () => {
  it('places ads only in the given municipalities, the larger ones more often', () => {
    const codes = new Map(places.municipalities.map((m) => [m.code, m]));
    const counts = new Map<string, number>();
    for (const ad of ads) {
      const address = ad.workplace_address!;
      const municipality = codes.get(address.municipality_code ?? '');
      assert.ok(municipality, address.municipality_code ?? 'no code');
      assert.equal(address.municipality_concept_id, municipality.conceptId);
      assert.equal(address.municipality, municipality.name);
      assert.equal(address.region_concept_id, 'oDpK_oZ2_WYt');
      assert.equal(address.region_code, '20');
      const [lon, lat] = address.coordinates ?? [];
      assert.ok(lon! > 12 && lon! < 17 && lat! > 59.8 && lat! < 62.3);
      counts.set(municipality.code, (counts.get(municipality.code) ?? 0) + 1);
    }
    assert.equal(counts.size, 15);
    assert.ok(counts.get('2080')! > counts.get('2085')!); // Falun > Ludvika
    assert.ok(counts.get('2081')! > 2 * counts.get('2021')!); // Borlänge > Vansbro
  });

  it('publishes over the 30 days before now; every ad is open for 2–8 weeks and still open now', () => {
    const today = stockholmDay(NOW.getTime());
    for (const ad of ads) {
      const published = stockholmLocalToDate(ad.publication_date)!;
      assert.equal(published.getTime(), ad.timestamp, ad.id);
      assert.ok(
        ad.timestamp <= NOW.getTime() && ad.timestamp > NOW.getTime() - 31 * DAY,
        ad.publication_date,
      );
      assert.match(ad.last_publication_date ?? '', /^\d{4}-\d\d-\d\dT23:59:59$/);
      assert.equal(ad.application_deadline, ad.last_publication_date);
      const last = stockholmLocalToDate(ad.last_publication_date!)!;
      assert.ok(last.getTime() > NOW.getTime(), ad.id);
      const lifetime = stockholmDay(last.getTime()) - stockholmDay(ad.timestamp);
      assert.ok(lifetime >= 14 && lifetime <= 56, `${ad.id}: ${lifetime}`);
    }
    const ages = new Set(ads.map((a) => today - stockholmDay(a.timestamp)));
    assert.ok(ages.has(0) && ages.has(29));
  });

  it('writes about 5 % in English and about 3 % offering remote or hybrid work', () => {
    const english = ads.filter(isEnglish);
    assert.ok(
      english.length > ads.length * 0.035 && english.length < ads.length * 0.065,
      String(english.length),
    );
    for (const ad of english) {
      const row = normalizeAd(parseRecord(ad) as AdRecord, scope, NOW);
      assert.equal(row.lang, 'en', ad.headline);
    }
    const swedish = ads.filter((a) => !isEnglish(a)).slice(0, 300);
    for (const ad of swedish) assert.equal(normalizeAd(parseRecord(ad) as AdRecord, scope, NOW).lang, 'sv');
    const remote = ads.filter((ad) => normalizeAd(parseRecord(ad) as AdRecord, scope, NOW).remote);
    assert.ok(remote.length > ads.length * 0.02 && remote.length < ads.length * 0.045, String(remote.length));
  });

  it('contains no personal data and applies only to example.com', () => {
    for (const ad of ads) {
      const json = JSON.stringify(ad);
      for (const email of json.match(/[\w.+-]+@[\w.-]+/g) ?? []) assert.match(email, /\.example\.com$/);
      for (const url of json.match(/https?:\/\/[^"\s]+/g) ?? [])
        assert.match(url, /^https:\/\/[\w.-]+\.example\.com(\/|$)/);
      assert.doesNotMatch(text(ad), /\b0\d{1,3}[- ]\d{2,3}[ -]?\d{2}|Kontaktperson/); // phone numbers
      assert.ok(!ad.employer?.name?.includes(','), ad.employer?.name ?? ''); // no sole trader's name
    }
    const employers = new Set(ads.map((a) => a.employer!.name));
    assert.ok(employers.has('Falu kommun') && employers.has('Region Dalarna'));
    const sampleNames = new Set(sampleAds().map((a) => a.employer?.name));
    assert.ok([...employers].some((name) => sampleNames.has(name)));
  });

  it('reuses only sentences without digits, links, addresses or capitalised names', () => {
    const sentences = Object.values(reusedSentences()).flat();
    assert.ok(sentences.length > 100);
    for (const s of sentences) {
      assert.doesNotMatch(s, /[\d@]|https?:|www\./, s);
      const inner = s.match(/[\p{L}-]+/gu)!.slice(1);
      for (const word of inner)
        assert.ok(word === word.toLowerCase() || /^(CV|B|IT|HR|LSS|SoL)$/.test(word), s);
    }
  });
});

describe('generateAds: at scale', () => {
  it('generates 100,000 ads; a demo company has at most its maxOpen, the largest reaches 200', () => {
    let count = 0;
    const ids = new Set<string>();
    const perCompany = new Map<string, number>();
    for (const ad of iterateAds({ count: 100_000, seed: 7, now: NOW, idPrefix: 'bench', ...places })) {
      count++;
      if (count % 1000 === 0) ids.add(ad.id);
      const orgnr = ad.employer?.organization_number;
      if (orgnr) perCompany.set(orgnr, (perCompany.get(orgnr) ?? 0) + 1);
    }
    assert.equal(count, 100_000);
    assert.ok(ids.has('bench-100000'));
    // A real employer's open ads do not grow with the benchmark's hundredfold region.
    for (const company of LINKED_EMPLOYERS) {
      const n = perCompany.get(company.orgnr) ?? 0;
      assert.ok(n > 0 && n <= company.maxOpen, `${company.name}: ${n}`);
    }
    assert.equal(perCompany.get('5550000102'), 200); // Kraftnät Komponenter: a page with 200 jobs
  });
});

describe('the demo companies as employers', () => {
  const board = generateDemoBoard({ seed: 1, now: NOW, ...places });
  const byNumber = new Map(LINKED_EMPLOYERS.map((c) => [c.orgnr, c]));
  const linked = (list: readonly JobAd[]) =>
    list.filter((ad) => byNumber.has(ad.employer?.organization_number ?? ''));

  it('give every demo company open ads on the board, a handful to a few dozen', () => {
    const counts = new Map<string, number>();
    for (const ad of linked(board)) {
      const orgnr = ad.employer!.organization_number!;
      counts.set(orgnr, (counts.get(orgnr) ?? 0) + 1);
    }
    for (const company of LINKED_EMPLOYERS) {
      const n = counts.get(company.orgnr) ?? 0;
      assert.ok(n >= 2 && n <= 40, `${company.name}: ${n}`);
    }
    assert.ok((counts.get('5550000102') ?? 0) >= 15, 'the largest employer has the most');
  });

  it('place a company’s ads only in its municipalities and occupations, under its name, number and site', () => {
    const theirs = linked([...board, ...ads]);
    assert.ok(theirs.length > 100);
    for (const ad of theirs) {
      const company = byNumber.get(ad.employer!.organization_number!)!;
      assert.equal(ad.employer?.name, company.name);
      assert.equal(ad.employer?.url, company.url);
      assert.ok(ad.workplace_address!.municipality_code! in company.municipalities, ad.id);
      assert.ok(
        company.occupations.includes(ad.occupation!.label!),
        `${company.name}: ${ad.occupation?.label}`,
      );
      const row = normalizeAd(parseRecord(ad) as AdRecord, scope, NOW);
      assert.equal(row.employer_orgnr, company.orgnr);
      assert.equal(row.status, 'open');
    }
  });

  it('never name a demo company without its number', () => {
    const names = new Set(LINKED_EMPLOYERS.map((c) => c.name));
    for (const ad of [...board, ...ads]) {
      if (names.has(ad.employer?.name ?? ''))
        assert.ok(byNumber.has(ad.employer?.organization_number ?? ''), ad.id);
    }
  });
});

describe('generateDemoBoard', () => {
  const board = generateDemoBoard({ seed: 1, now: NOW, ...places });

  it('holds about 1,000 open ads, most of them published in the 30 days before today', () => {
    assert.ok(board.length > 900 && board.length < 1150, String(board.length));
    const today = stockholmDay(NOW.getTime());
    for (const ad of board) {
      assert.match(ad.id, /^demo-20-\d{8}-\d+$/);
      const age = today - stockholmDay(ad.timestamp);
      assert.ok(age >= 1 && age <= 56, ad.id);
      assert.equal(normalizeAd(parseRecord(ad) as AdRecord, scope, NOW).status, 'open');
    }
    assert.equal(new Set(board.map((a) => a.id)).size, board.length);
    const recent = board.filter((a) => today - stockholmDay(a.timestamp) <= 30).length;
    assert.ok(recent > board.length * 0.7, String(recent));
  });

  it('is the same all day, and the next day keeps the ads still open and adds one day', () => {
    const later = generateDemoBoard({ seed: 1, now: new Date('2026-11-26T22:30:00Z'), ...places });
    assert.deepEqual(later, board);
    const tomorrow = generateDemoBoard({ seed: 1, now: new Date(NOW.getTime() + DAY), ...places });
    const before = new Map(board.map((a) => [a.id, a]));
    const added = tomorrow.filter((a) => !before.has(a.id));
    assert.ok(added.length > 0 && added.every((a) => a.id.startsWith('demo-20-20261126-')));
    for (const ad of tomorrow) if (before.has(ad.id)) assert.deepEqual(ad, before.get(ad.id));
    // What leaves the board has passed its last publication date.
    const tomorrowIds = new Set(tomorrow.map((a) => a.id));
    for (const ad of board.filter((a) => !tomorrowIds.has(a.id)))
      assert.ok(stockholmLocalToDate(ad.last_publication_date!)!.getTime() < NOW.getTime() + DAY, ad.id);
  });
});
