import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseSalary, salaryAmount } from './salary.ts';

describe('salary amount from an ad text', () => {
  it('reads one sum or one range with its period', () => {
    assert.deepEqual(salaryAmount('30 000 kr/mån'), { min: 30000, max: 30000, unit: 'MONTH' });
    assert.deepEqual(salaryAmount('Månadslön 28 000 – 32 000 kr'), { min: 28000, max: 32000, unit: 'MONTH' });
    assert.deepEqual(salaryAmount('Timlön: 150 kr'), { min: 150, max: 150, unit: 'HOUR' });
    assert.deepEqual(salaryAmount('SEK 450\u00a0000–520\u00a0000 per year'), {
      min: 450000,
      max: 520000,
      unit: 'YEAR',
    });
    assert.deepEqual(salaryAmount('Lön 35.000:- per månad'), { min: 35000, max: 35000, unit: 'MONTH' });
  });

  it('gives nothing without a real sum, a currency or one clear period', () => {
    for (const text of [
      null,
      '',
      '-',
      'Enligt avtal.',
      'Fast månads- vecko- eller timlön',
      'Individuell lönesättning',
      '30 000 kr', // no period
      '30 000 per månad', // no currency
      '30 000 kr/mån + 5 000 kr i bonus', // two sums
      'Timlön 150 kr eller 25 000 kr i månaden', // two periods
      '3 kr/mån', // not a believable salary
      '100 % tjänst, lön enligt avtal per månad',
    ])
      assert.equal(salaryAmount(text), null, String(text));
  });

  it('reads no sum out of a long hostile text (a JobTech field is outside input)', () => {
    // A 10,000-character run of " 111" made the amount pattern take quadratic time.
    assert.equal(salaryAmount(' 111'.repeat(2500) + ' kr/mån'), null);
    assert.equal(salaryAmount('x'.repeat(280) + ' 30 000 kr/mån')?.unit, 'MONTH');
  });

  it('is a schema.org MonetaryAmount in kronor', () => {
    assert.deepEqual(baseSalary({ min: 150, max: 180, unit: 'HOUR' }), {
      '@type': 'MonetaryAmount',
      currency: 'SEK',
      value: { '@type': 'QuantitativeValue', minValue: 150, maxValue: 180, unitText: 'HOUR' },
    });
  });
});
