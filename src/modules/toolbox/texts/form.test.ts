import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkTextForm, emptyTextForm, type TextFormValues } from './form.ts';
import { DEMO_TEXTS, demoTextId } from './seed.ts';

const context = {
  municipalities: new Set(['2080', '2081', '2085', '2062', '2084', '2029']),
  today: '2026-12-07',
};
const form = (over: Partial<TextFormValues>): TextFormValues => ({
  ...emptyTextForm(),
  persona: 'everyone',
  topic: 'career',
  title_sv: 'Rubrik',
  body_sv: 'Text utan siffror.',
  ...over,
});

describe('the text form', () => {
  it('accepts one language, trims the title to one line and keeps paragraphs', () => {
    const { text, errors } = checkTextForm(
      form({ title_sv: '  En\nrubrik ', body_sv: 'Ett.\r\n\r\nTvå.' }),
      context,
    );
    assert.deepEqual(errors, {});
    assert.equal(text?.title.sv, 'En rubrik');
    assert.equal(text?.body.sv, 'Ett.\n\nTvå.');
    assert.equal(text?.municipalityCode, null);
    assert.equal(text?.approve, false);
  });

  it('needs a title and a body in the same language, and at least one language', () => {
    assert.equal(
      checkTextForm(form({ title_en: 'Title' }), context).errors.body_en?.key,
      'error.bodyMissing',
    );
    assert.equal(
      checkTextForm(form({ body_en: 'Body' }), context).errors.title_en?.key,
      'error.titleMissing',
    );
    assert.equal(
      checkTextForm(form({ title_sv: '', body_sv: '' }), context).errors.title_sv?.key,
      'error.oneLanguage',
    );
  });

  it('asks a body with a digit in either language for its source and date', () => {
    const { errors } = checkTextForm(form({ body_en: 'About 59,700 people.', title_en: 'People' }), context);
    assert.equal(errors.source_name?.key, 'error.figureSource');
    assert.equal(errors.source_date?.key, 'error.figureDate');
    const ok = checkTextForm(
      form({ body_sv: 'Cirka 59 700.', source_name: 'SCB', source_date: '2023-12-31' }),
      context,
    );
    assert.deepEqual(ok.errors, {});
    // A digit of another script is a figure too.
    assert.equal(
      checkTextForm(form({ body_sv: 'Cirka ٥ förskolor.' }), context).errors.source_name?.key,
      'error.figureSource',
    );
  });

  it('checks the source’s address and date', () => {
    assert.equal(
      checkTextForm(form({ source_name: 'X', source_url: 'ftp://x' }), context).errors.source_url?.key,
      'error.url',
    );
    assert.equal(
      checkTextForm(form({ source_url: 'https://www.scb.se' }), context).errors.source_name?.key,
      'error.urlNeedsName',
    );
    assert.equal(
      checkTextForm(form({ source_date: '2024-02-30' }), context).errors.source_date?.key,
      'error.date',
    );
    assert.equal(
      checkTextForm(form({ source_date: '2026-12-08' }), context).errors.source_date?.key,
      'error.dateFuture',
    );
  });

  it('refuses choices outside the lists and the region', () => {
    const { errors } = checkTextForm(
      form({ persona: 'x', topic: 'industry', municipality: '0180' }),
      context,
    );
    assert.deepEqual(Object.keys(errors).sort(), ['municipality', 'persona', 'topic']);
  });
});

describe('the demo texts', () => {
  it('each pass the form’s checks — every figure with its source and date', () => {
    for (const t of DEMO_TEXTS) {
      const values = form({
        persona: t.persona,
        topic: t.topic,
        municipality: t.municipality ?? '',
        title_sv: t.sv[0],
        body_sv: t.sv[1],
        title_en: t.en[0],
        body_en: t.en[1],
        source_name: t.source?.name ?? '',
        source_url: t.source?.url ?? '',
        source_date: t.source?.date ?? '',
      });
      assert.deepEqual(checkTextForm(values, context).errors, {}, t.key);
    }
    assert.ok(DEMO_TEXTS.filter((t) => !t.draft).length >= 30);
    assert.equal(DEMO_TEXTS.filter((t) => t.draft).length, 2);
    assert.equal(new Set(DEMO_TEXTS.map((t) => t.key)).size, DEMO_TEXTS.length);
  });

  it('have stable uuids per region and key', () => {
    const id = demoTextId('dalarna', 'career-region');
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(id, demoTextId('dalarna', 'career-region'));
    assert.notEqual(id, demoTextId('other', 'career-region'));
  });
});
