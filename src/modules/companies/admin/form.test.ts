import assert from 'node:assert/strict';
import { slugFromName } from '../../../platform/html/slug.ts';
import { describe, it } from 'node:test';
import { emptyCompany } from '../model.ts';
import { PAGE_MAX_BYTES, RICH_TEXT_MAX, readCompany, valuesOf, type FormChoices } from './form.ts';
import { csvCell } from '../../../platform/html/csv.ts';

const choices: FormChoices = {
  municipalities: ['2080', '2081'],
  images: new Set(['logo-1']),
  stories: new Set(),
  expired: new Set(),
  occupations: new Map(),
  found: new Map(),
};

const base = () => ({
  ...valuesOf(emptyCompany('Bolaget')),
  summary_sv: 'Kort.',
  summary_en: 'Short.',
});

describe('the company form', () => {
  it('round-trips a stored version', () => {
    const { data, errors } = readCompany(base(), choices);
    assert.deepEqual(errors, {});
    assert.deepEqual(valuesOf(data), valuesOf(readCompany(valuesOf(data), choices).data));
  });

  it('refuses a text over its limit, and a page too large to store, by a field', () => {
    const long = readCompany({ ...base(), impact_en: 'a'.repeat(RICH_TEXT_MAX + 1) }, choices);
    assert.equal(long.errors.impact_en?.key, 'error.tooLong');
    // Every text at its limit in three-byte characters: more than the table holds.
    const euro = (n: number) => '€'.repeat(n);
    const values: Record<string, string | string[]> = {
      ...base(),
      about_sv: euro(RICH_TEXT_MAX),
      about_en: euro(RICH_TEXT_MAX),
      impact_sv: euro(RICH_TEXT_MAX),
      impact_en: euro(RICH_TEXT_MAX),
      paths: '5',
    };
    for (let i = 0; i < 5; i += 1) {
      values[`path_${i}_title_sv`] = euro(200);
      values[`path_${i}_steps`] = '8';
      for (let j = 0; j < 8; j += 1) {
        const p = `path_${i}_step_${j}`;
        Object.assign(values, {
          [`${p}_occ`]: 'occ1',
          [`${p}_title_sv`]: euro(200),
          [`${p}_title_en`]: euro(200),
          [`${p}_text_sv`]: euro(600),
          [`${p}_text_en`]: euro(600),
        });
      }
    }
    const occupation = {
      id: 'occ1',
      type: 'occupation-name' as const,
      label: 'Svetsare',
      labelEn: null,
      code: null,
    };
    const huge = readCompany(values, { ...choices, occupations: new Map([['occ1', occupation]]) });
    assert.ok(Buffer.byteLength(JSON.stringify(huge.data)) > PAGE_MAX_BYTES);
    assert.deepEqual(Object.keys(huge.errors), ['about_sv']);
    assert.equal(huge.errors.about_sv?.key, 'error.pageTooLarge');
  });

  it('keeps to the region’s municipalities and the offered images', () => {
    const { data, errors } = readCompany(
      { ...base(), municipalities: ['2080', '9999'], logo: 'someone-elses', photos: ['logo-1'] },
      choices,
    );
    assert.deepEqual(data.municipalities, ['2080']);
    assert.equal(errors.logo?.key, 'error.image');
    assert.deepEqual(data.photos, ['logo-1']);
  });

  it('names an untitled step by its occupation in Swedish only, not with the Swedish name in English', () => {
    const occupation = {
      id: 'occ1',
      type: 'occupation-name' as const,
      label: 'Svetsare',
      labelEn: null,
      code: null,
    };
    const { data, errors } = readCompany(
      {
        ...base(),
        paths: '1',
        path_0_title_sv: 'Från svetsare till chef',
        path_0_steps: '1',
        path_0_step_0_occ: 'occ1',
      },
      { ...choices, occupations: new Map([['occ1', occupation]]) },
    );
    assert.deepEqual(errors, {});
    assert.deepEqual(data.careerPaths[0]?.steps[0]?.title, { sv: 'Svetsare', en: '' });
  });

  it('makes slugs from names', () => {
    assert.equal(slugFromName('Älvdalens Trä & Såg AB'), 'alvdalens-tra-sag-ab');
    assert.equal(slugFromName('  --  '), '');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    assert.equal(csvCell('=1+1'), `"'=1+1"`);
    assert.equal(csvCell('-3'), `"'-3"`);
    assert.equal(csvCell('Säg "hej"'), '"Säg ""hej"""');
    assert.equal(csvCell(12), '"12"');
  });
});
