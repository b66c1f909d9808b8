/**
 * The edit form shows what it reads back: for every demo item, the form's values read as the same
 * ContentData (nothing changes by opening a page and saving it), and a new item's empty rows add
 * nothing. Plus the Stockholm minutes across daylight-saving changes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shippedRegions } from '../../regions/service.ts';
import { loadDemoContent } from '../demo.ts';
import { emptyContent, type ContentData } from '../model.ts';
import { readContent, suggestSlug, valuesOf, type SlugChoices } from './form.ts';
import { stockholmDate, stockholmInstant, stockholmTime } from '../../../platform/i18n/stockholm.ts';
import { noteIn } from './views.ts';

/** Checkbox groups come back in the form's order: compare their sets. */
function sorted(data: ContentData): ContentData {
  const copy = structuredClone(data);
  copy.targetGroups.sort();
  copy.guide?.audiences.sort();
  if (copy.path) for (const list of [copy.path.places, copy.path.guides, copy.path.stories]) list.sort();
  return copy;
}

const municipalities = shippedRegions().find((r) => r.id === 'dalarna')?.municipalities ?? [];

describe('the edit form', () => {
  const records = loadDemoContent(municipalities);
  const choices: SlugChoices = {
    place: records.filter((r) => r.kind === 'place').map((r) => r.slug),
    guide: records.filter((r) => r.kind === 'guide').map((r) => r.slug),
    story: records.filter((r) => r.kind === 'story').map((r) => r.slug),
  };

  it('reads back every demo item as it was stored', () => {
    assert.ok(records.length > 20);
    for (const record of records) {
      const { data, errors } = readContent(
        record.kind,
        valuesOf(record.kind, record.data),
        choices,
        '2026-12-06',
      );
      assert.deepEqual(errors, {}, `${record.kind} ${record.slug}`);
      assert.deepEqual(sorted(data), sorted(record.data), `${record.kind} ${record.slug}`);
    }
  });

  it('reads a new item’s empty form as its empty content', () => {
    for (const kind of ['place', 'guide', 'story', 'path'] as const) {
      const { data, errors } = readContent(kind, valuesOf(kind, emptyContent(kind)), choices);
      assert.deepEqual(errors, {});
      assert.deepEqual(data, emptyContent(kind));
    }
  });

  it('refuses a step or contact address that could lead elsewhere, by its field', () => {
    const guide = records.find((r) => r.kind === 'guide');
    const place = records.find((r) => r.kind === 'place');
    assert.ok(guide && place);
    for (const bad of [
      'javascript:alert(1)',
      '//evil.example/',
      'https://user:pw@evil.example/',
      'https://www.kommun.se@evil.example/',
      'https://www.kommun.se/a b',
    ]) {
      const steps = { ...valuesOf('guide', guide.data), step_0_url: bad };
      assert.ok(readContent('guide', steps, choices).errors.step_0_url, bad);
      const contact = { ...valuesOf('place', place.data), contact_url: bad };
      assert.ok(readContent('place', contact, choices).errors.contact_url, bad);
    }
    const mail = { ...valuesOf('place', place.data), contact_email: 'a@b.se?cc=x@evil.example' };
    assert.ok(readContent('place', mail, choices).errors.contact_email);
  });

  it('reads a field sent twice as its first value, not as blank', () => {
    const guide = records.find((r) => r.kind === 'guide');
    assert.ok(guide);
    const twice = { ...valuesOf('guide', guide.data), title_sv: ['Först', 'Sedan'] };
    assert.equal(readContent('guide', twice, choices).data.title.sv, 'Först');
  });

  it('suggests slugs from Swedish titles', () => {
    assert.equal(suggestSlug('Flytta till Älvdalen – så gör du!'), 'flytta-till-alvdalen-sa-gor-du');
    assert.equal(suggestSlug('   '), '');
  });

  it('reads Stockholm minutes across daylight-saving changes', () => {
    assert.equal(stockholmInstant('2026-12-12', { h: 14, mi: 5 }).toISOString(), '2026-12-12T13:05:00.000Z');
    assert.equal(stockholmInstant('2026-07-01', { h: 9, mi: 0 }).toISOString(), '2026-07-01T07:00:00.000Z');
    assert.equal(stockholmInstant('2026-03-29', { h: 2, mi: 30 }).toISOString(), '2026-03-29T01:30:00.000Z');
    assert.equal(stockholmInstant('2026-10-25', { h: 2, mi: 30 }).toISOString(), '2026-10-25T00:30:00.000Z');
    const at = new Date('2026-06-15T22:30:00Z');
    assert.equal(stockholmDate(at), '2026-06-16');
    assert.equal(stockholmTime(at), '00:30');
  });
});

describe('a version note', () => {
  it('a restore’s note is said in the reader’s language; other notes as written', () => {
    assert.equal(noteIn('en', 'Återställd från version 2'), 'Restored from version 2');
    assert.equal(noteIn('sv', 'Restored from version 12'), 'Återställd från version 12');
    assert.equal(noteIn('en', 'Återställd från version x'), 'Återställd från version x');
    assert.equal(noteIn('en', 'Fixed a typo'), 'Fixed a typo');
  });
});
