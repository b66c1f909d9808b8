import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, checkValues, LIMITS, readForm, type FormValues } from './form.ts';
import { isOwnAdId, isWellFormedOwnAdId, newOwnAdId } from './ids.ts';

const TODAY = '2026-03-28';

function values(over: Partial<FormValues> = {}): FormValues {
  return {
    ...readForm({
      headline: 'Kock',
      occupation: 'Kock',
      municipality: '2080',
      employment_type: 'kpPX_CNN_gDU',
      worktime: '6YE1_gAC_R2G',
      deadline: addDays(TODAY, 10),
      apply_email: 'jobb@example.se',
      description_sv: 'Text',
    }),
    ...over,
  };
}

describe('the own-ad form', () => {
  it('accepts today as the last day to apply, and up to a year ahead', () => {
    assert.deepEqual(checkValues(values({ deadline: TODAY }), TODAY), {});
    assert.deepEqual(checkValues(values({ deadline: addDays(TODAY, LIMITS.deadlineDays) }), TODAY), {});
  });

  it('refuses a last day that has passed, is too far off or is no date', () => {
    assert.equal(
      checkValues(values({ deadline: addDays(TODAY, -1) }), TODAY).deadline?.key,
      'error.deadline.past',
    );
    assert.equal(
      checkValues(values({ deadline: addDays(TODAY, LIMITS.deadlineDays + 1) }), TODAY).deadline?.key,
      'error.deadline.far',
    );
    assert.equal(
      checkValues(values({ deadline: '2026-02-29' }), TODAY).deadline?.key,
      'error.deadline.invalid',
    );
    assert.equal(checkValues(values({ deadline: '' }), TODAY).deadline?.key, 'error.deadline.missing');
  });

  it('counts characters as people do and caps every text', () => {
    assert.deepEqual(checkValues(values({ headline: '😀'.repeat(LIMITS.headline) }), TODAY), {});
    assert.equal(
      checkValues(values({ headline: 'x'.repeat(LIMITS.headline + 1) }), TODAY).headline?.key,
      'error.headline.long',
    );
    const long = 'å'.repeat(LIMITS.description + 1);
    assert.equal(
      checkValues(values({ description_en: long }), TODAY).description_en?.key,
      'error.description.long',
    );
    assert.equal(checkValues(values({ hours: long }), TODAY).hours?.key, 'error.hours.long');
  });

  it('takes an https link and/or an e-mail address, and at least one', () => {
    assert.deepEqual(
      checkValues(values({ apply_url: 'https://example.se/jobb', apply_email: '' }), TODAY),
      {},
    );
    for (const url of [
      'http://example.se/',
      'javascript:alert(1)',
      'https://user:pw@example.se/',
      'example.se',
    ])
      assert.equal(checkValues(values({ apply_url: url }), TODAY).apply_url?.key, 'error.applyUrl', url);
    assert.equal(checkValues(values({ apply_email: 'nej' }), TODAY).apply_email?.key, 'error.applyEmail');
    assert.equal(checkValues(values({ apply_email: '' }), TODAY).apply_url?.key, 'error.apply.missing');
  });

  it('wants a description in at least one language, and a sane number of positions', () => {
    assert.deepEqual(checkValues(values({ description_sv: '', description_en: 'Text' }), TODAY), {});
    assert.equal(
      checkValues(values({ description_sv: '' }), TODAY).description_sv?.key,
      'error.description.missing',
    );
    for (const n of ['0', '1000', '-1', '1.5', 'två'])
      assert.equal(checkValues(values({ vacancies: n }), TODAY).vacancies?.key, 'error.vacancies', n);
  });

  it('keeps a description’s lines and trims the rest', () => {
    const read = readForm({ headline: '  Kock  ', description_sv: ' Ett\r\n\r\nTvå ', remote: ['x'] });
    assert.equal(read.headline, 'Kock');
    assert.equal(read.description_sv, 'Ett\n\nTvå');
    assert.equal(read.remote, '');
  });
});

describe('own ad ids', () => {
  it('are in their own space, inside job_ads’ id check, never a JobTech id', () => {
    const id = newOwnAdId();
    assert.match(id, /^own-[a-z0-9]{12}$/);
    assert.match(id, /^[A-Za-z0-9-]{1,64}$/);
    assert.ok(isOwnAdId(id) && isWellFormedOwnAdId(id));
    assert.ok(!isOwnAdId('30016536'));
    assert.ok(!isWellFormedOwnAdId('own-<script>'));
    assert.notEqual(newOwnAdId(), id);
  });
});
