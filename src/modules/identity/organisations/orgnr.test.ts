import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messages } from '../admin/messages.ts';
import { formatOrgNumber, luhnCheckDigit, parseOrgNumber } from './orgnr.ts';

describe('organisationsnummer', () => {
  it('accepts real, public numbers in the ways people type them', () => {
    // Telefonaktiebolaget LM Ericsson, AB Volvo, Spotify AB, Region Dalarna.
    for (const [typed, stored] of [
      ['556016-0680', '5560160680'],
      ['5560160680', '5560160680'],
      [' 556012 - 5790 ', '5560125790'],
      ['556703-7485', '5567037485'],
      ['232100-0180', '2321000180'],
      ['16556016-0680', '5560160680'],
      ['165560160680', '5560160680'],
      ['556016\u00a00680', '5560160680'],
    ] as const) {
      assert.deepEqual(parseOrgNumber(typed), { ok: true, value: stored }, typed);
    }
  });

  it('names the rule a bad number breaks', () => {
    assert.deepEqual(parseOrgNumber(''), { ok: false, error: 'format' });
    assert.deepEqual(parseOrgNumber('556016-068'), { ok: false, error: 'format' });
    assert.deepEqual(
      parseOrgNumber('55601-60680'),
      { ok: false, error: 'format' },
      'hyphen in the wrong place',
    );
    assert.deepEqual(parseOrgNumber('556016--0680'), { ok: false, error: 'format' });
    assert.deepEqual(parseOrgNumber('5560160680x'), { ok: false, error: 'format' });
    assert.deepEqual(parseOrgNumber('17556016-0680'), { ok: false, error: 'format' }, 'only the 16 prefix');
    assert.deepEqual(parseOrgNumber('556016-0681'), { ok: false, error: 'checkDigit' });
    assert.deepEqual(parseOrgNumber('556012-5791'), { ok: false, error: 'checkDigit' });
    // A personnummer (third digit is a month's first digit): valid Luhn, but a person.
    assert.equal(luhnCheckDigit('811218987'), 6);
    assert.deepEqual(parseOrgNumber('811218-9876'), { ok: false, error: 'personalNumber' });
    assert.deepEqual(parseOrgNumber('19811218-9876'), { ok: false, error: 'format' });
  });

  it('is shown as NNNNNN-NNNN', () => {
    assert.equal(formatOrgNumber('5560160680'), '556016-0680');
    assert.equal(formatOrgNumber(null), '');
  });

  it('has a message per rule in Swedish and English', () => {
    for (const error of ['format', 'personalNumber', 'checkDigit'] as const) {
      const sv = messages.t('sv', `orgnr.error.${error}`);
      const en = messages.t('en', `orgnr.error.${error}`);
      assert.ok(sv && en && sv !== en, error);
    }
  });
});
