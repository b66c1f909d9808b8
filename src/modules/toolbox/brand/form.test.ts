import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brandChanges, emptyBrand, inLang, readBrand, type FieldLabels } from './data.ts';
import { FIELD_NAMES, fieldOfChange, readBrandForm, rowsShown, GROUPS, valuesOf } from './form.ts';
import { DEMO_BRAND } from './seed.ts';

const labels: FieldLabels = {
  position: 'Position',
  positionText: 'Text',
  from: 'Från',
  to: 'Till',
  property: 'Egenskap',
  bearer: 'Bärare',
  voice: 'Ton',
  wordsWeLike: 'Ord',
  wordsToAvoid: 'Undvik',
  dos: 'Gör',
  donts: 'Gör inte',
  language: { sv: 'svenska', en: 'engelska' },
};

const asBody = (values: Record<string, string | string[]>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v : v.join('\n')]));

describe('the brand form', () => {
  it('reads back what valuesOf shows (the demo platform survives a round trip)', () => {
    const read = readBrandForm(asBody(valuesOf(DEMO_BRAND, 3)));
    assert.deepEqual(read.errors, {});
    assert.equal(read.base, 3);
    assert.deepEqual(read.data, DEMO_BRAND);
  });

  it('every field name is unique and bounded in number', () => {
    assert.equal(new Set(FIELD_NAMES).size, FIELD_NAMES.length);
    assert.ok(FIELD_NAMES.length < 400);
  });

  it('lists: one item a line, blank lines and spaces dropped; too many or too long refused by the field', () => {
    const read = readBrandForm({
      from_sv: ' a \n\n  b  c \r\n',
      wordsWeLike_en: Array(41).fill('w').join('\n'),
      to_en: 'x'.repeat(121),
    });
    assert.deepEqual(read.data.from.sv, ['a', 'b c']);
    assert.equal(read.errors.wordsWeLike_en?.key, 'error.tooMany');
    assert.equal(read.errors.to_en?.key, 'error.itemTooLong');
  });

  it('rows: empty ones left out, one with text but no name refused by its name field', () => {
    const read = readBrandForm({
      prop0_name_sv: 'Öppen',
      prop2_text_en: 'Only text',
      do1_example_sv: 'Skriv: x',
    });
    assert.equal(read.data.properties.length, 2);
    assert.equal(read.errors.prop2_name_sv?.key, 'error.rowName');
    assert.equal(read.errors.do1_text_sv?.key, 'error.rowName');
    assert.equal(read.errors.prop0_name_sv, undefined);
  });

  it('texts over their bound are refused; a base that is not a number is undefined', () => {
    const read = readBrandForm({ voice_en: 'v'.repeat(2001), note: 'n'.repeat(301), base: '1e3' });
    assert.deepEqual(read.errors.voice_en, { key: 'error.tooLong', params: { max: '2000' } });
    assert.equal(read.errors.note?.key, 'error.tooLong');
    assert.equal(read.base, undefined);
  });

  it('shows the written rows and two empty ones, within the bound', () => {
    const properties = GROUPS.find((g) => g.key === 'properties')!;
    assert.equal(rowsShown({}, properties), 2);
    assert.equal(rowsShown({ prop1_name_sv: 'x' }, properties), 4);
    assert.equal(rowsShown({ prop4_name_sv: 'x' }, properties), 5);
  });

  it('names the form field of a change', () => {
    assert.equal(fieldOfChange('position_sv'), 'position_sv');
    assert.equal(fieldOfChange('wordsWeLike_en'), 'wordsWeLike_en');
    assert.equal(fieldOfChange('properties2_en'), 'prop2_name_en');
    assert.equal(fieldOfChange('dos_sv'), 'do0_text_sv');
    assert.equal(fieldOfChange('nothing'), undefined);
  });
});

describe('the brand data', () => {
  it('reads anything stored into a well-formed platform', () => {
    assert.deepEqual(readBrand(null), emptyBrand());
    const odd = readBrand({
      position: { sv: 1, en: 'x' },
      from: { sv: ['a', 2, ''] },
      properties: [null, { name: { sv: 'n' } }],
    });
    assert.deepEqual(odd.position, { sv: '', en: 'x' });
    assert.deepEqual(odd.from, { sv: ['a'], en: [] });
    assert.equal(odd.properties.length, 2);
    assert.deepEqual(odd.properties[1]!.words, { sv: '', en: '' });
  });

  it('falls back to the other language, saying which', () => {
    assert.deepEqual(inLang({ sv: 'hej', en: '' }, 'en'), { text: 'hej', lang: 'sv' });
    assert.equal(inLang({ sv: ' ', en: '' }, 'sv'), undefined);
  });

  it('lists the changes field by field, rows added compared with nothing', () => {
    const after = readBrand(JSON.parse(JSON.stringify(DEMO_BRAND)));
    after.voice.sv = 'Ny ton.';
    after.bearers.push({ name: { sv: 'Ny', en: '' }, text: { sv: '', en: '' } });
    const changed = brandChanges(DEMO_BRAND, after, labels).filter((c) => c.before !== c.after);
    assert.deepEqual(
      changed.map((c) => [c.key, c.label, c.after]),
      [
        ['bearers3_sv', 'Bärare 4 – svenska', 'Ny'],
        ['voice_sv', 'Ton – svenska', 'Ny ton.'],
      ],
    );
  });
});
