/** scoreAmbassador: points and reasons for municipality, language, occupation and personas. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  languageCode,
  rankAmbassadors,
  scoreAmbassador,
  sharedWord,
  type AmbassadorFacts,
  type HouseholdFacts,
} from '../../../src/modules/relocation/network/score.ts';

const household = (h: Partial<HouseholdFacts> = {}): HouseholdFacts => ({
  municipalityCodes: [],
  language: 'sv',
  occupations: [],
  children: 0,
  citizenships: [],
  needs: [],
  ...h,
});
const ambassador = (a: Partial<AmbassadorFacts> = {}): AmbassadorFacts => ({
  municipalityCode: null,
  languages: [],
  occupation: '',
  personas: [],
  interests: [],
  ...a,
});
const keys = (h: HouseholdFacts, a: AmbassadorFacts) => scoreAmbassador(h, a).reasons.map((r) => r.key);

test('the same municipality counts, the wished one or where they moved', () => {
  assert.deepEqual(
    keys(household({ municipalityCodes: ['2080'] }), ambassador({ municipalityCode: '2080' })),
    ['municipality'],
  );
  assert.deepEqual(
    keys(household({ municipalityCodes: ['2081', '2062'] }), ambassador({ municipalityCode: '2062' })),
    ['municipality'],
  );
  assert.deepEqual(keys(household({ municipalityCodes: [] }), ambassador({ municipalityCode: '2062' })), []);
});

test('a shared language, by code or by name as typed', () => {
  assert.equal(languageCode('Deutsch'), 'de');
  assert.equal(languageCode('Nederländska'), 'nl');
  assert.equal(languageCode('klingon'), undefined);
  assert.deepEqual(keys(household({ language: 'en' }), ambassador({ languages: ['sv', 'en'] })), [
    'language',
  ]);
  assert.deepEqual(keys(household({ language: 'Polska' }), ambassador({ languages: ['pl'] })), ['language']);
  assert.deepEqual(keys(household({ language: 'klingon' }), ambassador({ languages: ['sv'] })), []);
});

test('occupation words overlap, folded and across Swedish compounds', () => {
  assert.equal(sharedWord('Barnsjuksköterska', 'sjukskoterska'), 'sjukskoterska');
  assert.equal(sharedWord('Senior software developer', 'Developer'), 'developer');
  assert.equal(sharedWord('Lärare och kock', 'Läkare'), undefined);
  const score = scoreAmbassador(
    household({ occupations: ['', 'Mjukvaruutvecklare'] }),
    ambassador({ occupation: 'utvecklare' }),
  );
  assert.deepEqual(score.reasons, [{ key: 'profession', points: 20, detail: 'utvecklare' }]);
});

test('personas: children → families, other citizens → international, wanting company → language café', () => {
  const h = household({ children: 2, citizenships: ['non_eu', 'nordic'], needs: ['social'] });
  assert.deepEqual(
    keys(h, ambassador({ personas: ['families', 'international'], interests: ['language_cafe'] })),
    ['families', 'international', 'social'],
  );
  assert.deepEqual(
    keys(
      household({ children: 0, citizenships: ['nordic'] }),
      ambassador({ personas: ['families', 'international'] }),
    ),
    [],
  );
});

test('points add up and ranking keeps the best five with at least one reason', () => {
  const h = household({ municipalityCodes: ['2080'], language: 'en', children: 1 });
  const best = ambassador({ municipalityCode: '2080', languages: ['en'], personas: ['families'] });
  assert.equal(scoreAmbassador(h, best).points, 30 + 25 + 15);
  const list = [
    { ...ambassador(), name: 'Nobody' },
    { ...ambassador({ languages: ['en'] }), name: 'Bo' },
    { ...best, name: 'Anna' },
    { ...ambassador({ languages: ['en'] }), name: 'Ada' },
  ];
  const ranked = rankAmbassadors(h, list, 5);
  assert.deepEqual(
    ranked.map((r) => r.ambassador.name),
    ['Anna', 'Ada', 'Bo'],
  );
  assert.equal(rankAmbassadors(h, list, 1).length, 1);
});
