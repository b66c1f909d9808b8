import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureAd } from '../../../../test/helpers/jobstream.ts';
import { shippedRegions } from '../../regions/service.ts';
import { scopeForRegion, type IngestScope } from './apply.ts';
import {
  adInScope,
  contentHash,
  employerKey,
  MAX_DESCRIPTION_LENGTH,
  MAX_HEADLINE_LENGTH,
  MAX_INDEXED_LENGTH,
  MAX_TEXT_LENGTH,
  mentionsRemoteWork,
  normalizeAd,
  orgnrOf,
  parseRecord,
  parseRecordAt,
  type AdRecord,
} from './normalize.ts';

const dalarna = scopeForRegion(shippedRegions().find((r) => r.id === 'dalarna')!) as IngestScope;
const NOW = new Date('2025-09-12T10:00:00Z');

function ad(id: string, name = 'snapshot.json'): AdRecord {
  const parsed = parseRecord(fixtureAd(name, id));
  assert.equal(parsed.kind, 'ad');
  return parsed as AdRecord;
}

describe('scopeForRegion', () => {
  it("maps the region's municipality concept ids to SCB codes", () => {
    assert.equal(dalarna.regionId, 'dalarna');
    assert.equal(dalarna.regionConceptId, 'oDpK_oZ2_WYt');
    assert.equal(dalarna.municipalities.size, 15);
    assert.equal(dalarna.municipalities.get('cpya_jJg_pGp'), '2081');
    assert.equal(dalarna.municipalities.get('Szbq_2fg_ydQ'), '2084');
  });

  it('is null for a region without a JobTech concept id', () => {
    const region = { ...shippedRegions()[0]!, jobtechConceptId: null };
    assert.equal(scopeForRegion(region), null);
  });
});

describe('parseRecord', () => {
  it('accepts a full ad and strips contact persons and relevance', () => {
    const raw: Record<string, unknown> = { ...fixtureAd('snapshot.json', '30016539'), relevance: 0.5 };
    assert.ok(Array.isArray(raw.application_contacts) && raw.application_contacts.length > 0);
    const record = parseRecord(raw) as AdRecord;
    assert.equal(record.kind, 'ad');
    assert.equal(record.id, '30016539');
    assert.equal(record.timestamp, 1757582320583);
    assert.equal('application_contacts' in record.ad, false);
    assert.equal('relevance' in record.ad, false);
    assert.equal(JSON.stringify(record.ad).includes('Kontaktperson'), false);
    assert.equal(record.municipalityConceptId, 'Szbq_2fg_ydQ');
    assert.equal(record.publishedAt.toISOString(), '2025-09-11T09:18:40.000Z');
  });

  it('reads tombstones, numeric ids included', () => {
    const tombstone = parseRecord({
      id: 24233930,
      removed: true,
      removed_date: '2020-09-22T14:57:55',
      municipality: 'aYA7_PpG_BqP',
      region: 'CifL_Rzy_Mku',
    });
    assert.deepEqual(tombstone, {
      kind: 'removal',
      id: '24233930',
      effectiveTime: Date.parse('2020-09-22T12:57:55Z') + 999,
      removedAt: new Date('2020-09-22T12:57:55Z'),
      municipalityConceptId: 'aYA7_PpG_BqP',
      regionConceptId: 'CifL_Rzy_Mku',
    });
    const withTimestamp = parseRecord({ id: '1', removed: true, removed_date: null, timestamp: 5 });
    assert.equal(withTimestamp.kind === 'removal' && withTimestamp.effectiveTime, 5);
  });

  const good = () => fixtureAd('snapshot.json', '30016589');
  const cases: [string, unknown, RegExp][] = [
    ['a string', 'hello', /not an object/],
    ['an array', [good()], /not an object/],
    ['null', null, /not an object/],
    ['no id', { ...good(), id: undefined }, /id: missing/],
    ['an id that is an object', { ...good(), id: { x: 1 } }, /id: invalid/],
    ['an id with a slash', { ...good(), id: '../1' }, /id: invalid/],
    ['no headline', { ...good(), headline: undefined }, /headline/],
    ['an empty headline', { ...good(), headline: '  ' }, /headline/],
    ['a numeric headline', { ...good(), headline: 7 }, /headline/],
    ['no publication_date', { ...good(), publication_date: null }, /publication_date/],
    ['a publication_date that is no date', { ...good(), publication_date: 'igår' }, /publication_date/],
    ['no timestamp', { ...good(), timestamp: undefined }, /timestamp/],
    ['a string timestamp', { ...good(), timestamp: '1757582720655' }, /timestamp/],
    ['a negative timestamp', { ...good(), timestamp: -1 }, /timestamp/],
    ['vacancies as text', { ...good(), number_of_vacancies: '2' }, /number_of_vacancies/],
    ['vacancies too large', { ...good(), number_of_vacancies: 2 ** 40 }, /number_of_vacancies/],
    ['a numeric description text', { ...good(), description: { text: 5 } }, /description\.text/],
    ['a string workplace_address', { ...good(), workplace_address: 'Borlänge' }, /workplace_address/],
    ['a numeric employer name', { ...good(), employer: { name: 5 } }, /employer\.name/],
    ['a numeric occupation id', { ...good(), occupation: { concept_id: 5 } }, /occupation\.concept_id/],
    [
      'a bad last_publication_date',
      { ...good(), last_publication_date: '2025-13-40' },
      /last_publication_date/,
    ],
    ['a bad removed flag', { ...good(), removed: 'no' }, /removed/],
  ];
  for (const [name, value, reason] of cases) {
    it(`reports ${name} as malformed`, () => {
      const parsed = parseRecord(value);
      assert.equal(parsed.kind, 'malformed');
      assert.match(parsed.kind === 'malformed' ? parsed.reason : '', reason);
    });
  }

  it('removes characters PostgreSQL cannot store', () => {
    const record = parseRecord({ ...good(), headline: 'Säljare\u0000 \ud800till Borlänge' }) as AdRecord;
    assert.equal(record.ad.headline, 'Säljare \ufffdtill Borlänge');
  });
});

describe('contentHash', () => {
  it('ignores key order, the timestamp, contact persons and relevance', () => {
    const base = good();
    const reordered = Object.fromEntries(Object.entries(base).reverse());
    assert.equal(contentHash(base), contentHash(reordered));
    assert.equal(contentHash(base), contentHash({ ...base, timestamp: 1 }));
    assert.equal(
      contentHash(base),
      contentHash({ ...base, application_contacts: [{ name: 'X' }], relevance: 1 }),
    );
    assert.notEqual(contentHash(base), contentHash({ ...base, headline: 'Annan rubrik' }));
    assert.match(contentHash(base), /^[0-9a-f]{64}$/);
  });
  function good() {
    return fixtureAd('snapshot.json', '30016589');
  }
});

describe('normalizeAd', () => {
  it('maps an ad to the job_ads columns', () => {
    const row = normalizeAd(ad('30016539'), dalarna, NOW);
    assert.equal(row.region_id, 'dalarna');
    assert.equal(row.id, '30016539');
    assert.equal(row.origin, 'jobtech');
    assert.equal(row.status, 'open');
    assert.equal(row.closed_reason, null);
    assert.equal(row.closed_at, null);
    assert.equal(row.source_timestamp, 1757582320583);
    assert.equal(row.headline, 'Enhetschef till Avesta kommun');
    assert.equal(row.employer_name, 'Experis AB');
    assert.equal(row.employer_orgnr, '5568551104');
    assert.equal(row.employer_key, '5568551104');
    assert.equal(row.municipality_code, '2084');
    assert.equal(row.lang, 'sv');
    assert.equal(row.remote, false);
    assert.equal((row.published_at as Date).toISOString(), '2025-09-11T09:18:40.000Z');
    assert.equal(row.last_publication_at?.toISOString(), '2025-10-11T21:59:59.000Z');
    assert.equal(row.deadline_at?.toISOString(), '2025-10-11T21:59:59.000Z');
    assert.ok(row.occupation_id && row.occupation_label);
    assert.ok(row.occupation_group_id && row.occupation_field_id);
    assert.equal(row.employment_type_id, 'PFZr_Syz_cUq');
    assert.ok(row.worktime_extent_id);
    assert.ok((row.description_text ?? '').length > 100);
    const raw = JSON.parse(row.raw) as Record<string, unknown>;
    assert.equal('application_contacts' in raw, false);
    assert.equal(raw.timestamp, 1757582320583);
  });

  it('stores an ad past its last publication date as closed (expired)', () => {
    const row = normalizeAd(ad('30016539'), dalarna, new Date('2025-11-01T00:00:00Z'));
    assert.equal(row.status, 'closed');
    assert.equal(row.closed_reason, 'expired');
    assert.equal(row.closed_at?.toISOString(), '2025-10-11T21:59:59.000Z');
  });

  it('detects English ads and remote work', () => {
    assert.equal(normalizeAd(ad('30016558'), dalarna, NOW).lang, 'en');
    assert.equal(normalizeAd(ad('30016536'), dalarna, NOW).remote, true);
    assert.equal(normalizeAd(ad('30016482', 'stream.json'), dalarna, NOW).remote, true);
  });

  it('keeps a region-only ad without a municipality code, and marks generated ads', () => {
    const row = normalizeAd(ad('30016587'), dalarna, NOW);
    assert.equal(row.municipality_code, null);
    const generated = parseRecord({
      ...fixtureAd('snapshot.json', '30016587'),
      lotsa_generated: true,
    }) as AdRecord;
    assert.equal(normalizeAd(generated, dalarna, NOW).origin, 'generated');
  });

  it('falls back to the workplace and a name slug for the employer', () => {
    const raw = fixtureAd('snapshot.json', '30016589');
    const record = parseRecord({
      ...raw,
      employer: { name: null, workplace: 'Café Ölands Å & Bär', organization_number: null },
    }) as AdRecord;
    const row = normalizeAd(record, dalarna, NOW);
    assert.equal(row.employer_name, 'Café Ölands Å & Bär');
    assert.equal(row.employer_key, 'cafe-olands-a-bar');
    assert.equal(row.employer_orgnr, null);
  });
});

describe('helpers', () => {
  it('keeps ads of the region: its municipalities, or the region without a municipality', () => {
    assert.equal(
      adInScope({ municipalityConceptId: 'cpya_jJg_pGp', regionConceptId: 'oDpK_oZ2_WYt' }, dalarna),
      true,
    );
    assert.equal(adInScope({ municipalityConceptId: null, regionConceptId: 'oDpK_oZ2_WYt' }, dalarna), true);
    // The municipality decides when the region tag disagrees with it.
    assert.equal(
      adInScope({ municipalityConceptId: 'kMxr_NiX_YrU', regionConceptId: 'oDpK_oZ2_WYt' }, dalarna),
      false,
    );
    assert.equal(adInScope({ municipalityConceptId: null, regionConceptId: null }, dalarna), false);
  });

  it('finds remote-work phrases as whole words only', () => {
    for (const text of [
      'Möjlighet till distansarbete',
      'Du kan arbeta på distans',
      'Jobba hemifrån ibland',
      'Remote-first team',
      'We offer hybrid work',
      'Hybridarbete',
      'work from home',
    ]) {
      assert.equal(mentionsRemoteWork(text), true, text);
    }
    for (const text of ['Mekaniker för hybridbilar', 'Distansera dig', 'Vi har kontor i Falun']) {
      assert.equal(mentionsRemoteWork(text), false, text);
    }
  });

  it('reads organisation numbers and makes employer slugs', () => {
    assert.equal(orgnrOf('556855-1104'), '5568551104');
    assert.equal(orgnrOf('12345'), null);
    assert.equal(employerKey('5568551104', 'Experis AB'), '5568551104');
    assert.equal(employerKey(null, 'Experis AB'), 'experis-ab');
    assert.equal(employerKey(null, '  '), 'unknown');
  });
});

describe('hostile records', () => {
  const good = () => fixtureAd('snapshot.json', '30016589');
  const asAd = (value: unknown): AdRecord => {
    const parsed = parseRecord(value);
    assert.equal(parsed.kind, 'ad', parsed.kind === 'malformed' ? parsed.reason : '');
    return parsed as AdRecord;
  };

  it('caps the stored description texts and what goes into the full-text index', () => {
    const huge = Array.from({ length: 200_000 }, (_, i) => `ord${i.toString(36)}`).join(' ');
    const record = asAd({
      ...good(),
      description: { text: huge, text_formatted: `<p>${huge}</p>`, requirements: huge },
    });
    const description = record.ad.description!;
    assert.ok(huge.length > 1_000_000);
    assert.ok((description.text ?? '').length <= MAX_DESCRIPTION_LENGTH);
    assert.ok((description.text_formatted ?? '').length <= MAX_DESCRIPTION_LENGTH);
    assert.ok((description.requirements ?? '').length <= MAX_DESCRIPTION_LENGTH);
    assert.ok(description.text?.startsWith('ord0 ord1 '));
    const row = normalizeAd(record, dalarna, NOW);
    assert.ok(row.description_text!.length <= MAX_INDEXED_LENGTH);
    assert.ok(row.headline.length <= MAX_INDEXED_LENGTH);
  });

  it('caps every other text and refuses a record that is still too large', () => {
    const record = asAd({ ...good(), headline: 'Rubrik '.repeat(10_000), access: 'x'.repeat(100_000) });
    assert.ok(record.ad.headline.length <= MAX_HEADLINE_LENGTH);
    assert.ok(String(record.ad.access).length <= MAX_TEXT_LENGTH);
    const many = Array.from({ length: 2000 }, () => 'y'.repeat(MAX_TEXT_LENGTH));
    const parsed = parseRecord({ ...good(), must_have: { skills: many } });
    assert.equal(parsed.kind, 'malformed');
    assert.match(parsed.kind === 'malformed' ? parsed.reason : '', /too large/);
  });

  it('drops rendered fields of the wrong type instead of storing them', () => {
    const record = asAd({
      ...good(),
      description: { text: 'Text', text_formatted: 42, conditions: ['x'] },
      webpage_url: { href: 'https://example.com' },
      salary_description: 7,
      access: ['genast'],
      scope_of_work: 'heltid',
      experience_required: 'ja',
      driving_license_required: 1,
      employer: { name: 'Bolaget', url: 5 },
      application_details: {
        url: ['https://x.se'],
        email: { a: 1 },
        reference: 3,
        information: {},
        other: 1,
      },
      workplace_address: {
        ...(good().workplace_address as object),
        city: 5,
        street_address: [],
        postcode: {},
      },
    });
    const ad = record.ad as Record<string, unknown> & typeof record.ad;
    assert.equal(ad.description?.text, 'Text');
    assert.equal(ad.description?.text_formatted, undefined);
    assert.equal(ad.description?.conditions, undefined);
    for (const key of [
      'webpage_url',
      'salary_description',
      'access',
      'scope_of_work',
      'experience_required',
      'driving_license_required',
    ]) {
      assert.equal(ad[key], undefined, key);
    }
    assert.equal(ad.employer?.url, undefined);
    assert.equal(ad.employer?.name, 'Bolaget');
    assert.deepEqual(ad.application_details, {});
    assert.equal(ad.workplace_address?.city, undefined);
    assert.equal(ad.workplace_address?.street_address, undefined);
    assert.equal(ad.workplace_address?.postcode, undefined);
    assert.equal(ad.workplace_address?.municipality_concept_id, 'cpya_jJg_pGp');
    // Numbers in scope_of_work are kept; anything else in it goes.
    const scoped = asAd({ ...good(), scope_of_work: { min: 50, max: 'full' } });
    assert.deepEqual(scoped.ad.scope_of_work, { min: 50, max: null });
  });

  it('drops an e-mail address or link that is too long to be real', () => {
    const record = asAd({
      ...good(),
      application_details: {
        email: `a@${'b.'.repeat(5000)}se`,
        url: `https://example.com/${'a'.repeat(5000)}`,
      },
    });
    assert.deepEqual(record.ad.application_details, {});
  });

  it("keeps the employer's logo only as an https address", () => {
    const logo = 'https://arbetsformedlingen.se/rest/agas/api/v1/organisation/2321000032/logotyper/logo.png';
    assert.equal(asAd({ ...good(), logo_url: logo }).ad.logo_url, logo);
    for (const bad of [
      'http://example.com/logo.png',
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      'https://user:pw@example.com/logo.png',
      '//example.com/logo.png',
      'logo.png',
      42,
    ]) {
      const record = asAd({ ...good(), logo_url: bad });
      assert.equal(record.ad.logo_url, undefined, String(bad));
      assert.ok(record.dropped.includes('logo_url'), String(bad));
    }
  });

  it('reports an ad or removal timestamped more than a day ahead as malformed', () => {
    const now = new Date('2025-09-12T10:00:00Z');
    const ahead = now.getTime() + 2 * 86_400_000;
    for (const value of [
      { ...good(), timestamp: ahead },
      { id: '1', removed: true, timestamp: ahead },
      { id: '1', removed: true, removed_date: '2025-09-20T10:00:00' },
    ]) {
      const parsed = parseRecordAt(value, now);
      assert.equal(parsed.kind, 'malformed');
      assert.match(parsed.kind === 'malformed' ? parsed.reason : '', /in the future/);
    }
    // A few hours of clock skew are fine.
    assert.equal(parseRecordAt({ ...good(), timestamp: now.getTime() + 3_600_000 }, now).kind, 'ad');
  });

  it('reports a deeply nested record as malformed instead of throwing', () => {
    let nested: unknown = 'x';
    for (let i = 0; i < 200_000; i++) nested = [nested];
    const parsed = parseRecord({ ...good(), must_have: { skills: nested } });
    assert.equal(parsed.kind, 'malformed');
    assert.match(parsed.kind === 'malformed' ? parsed.reason : '', /nested/);
  });
});
