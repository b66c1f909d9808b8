import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSniDivision, isSniSection, sectionOf, SNI_DIVISIONS, SNI_SECTIONS, sniLabel } from './sni.ts';

describe('the SNI 2007 code list', () => {
  it('holds the 21 sections A–U and all 88 divisions, each code once and in order', () => {
    assert.deepEqual(
      SNI_SECTIONS.map((s) => s.code),
      [...'ABCDEFGHIJKLMNOPQRSTU'],
    );
    assert.equal(SNI_DIVISIONS.length, 88);
    const codes = SNI_DIVISIONS.map((d) => d.code);
    assert.equal(new Set(codes).size, 88);
    assert.deepEqual(codes, [...codes].sort());
    // The two-digit codes SNI 2007 leaves unused.
    for (const gap of ['04', '34', '40', '44', '48', '54', '57', '67', '76', '83', '89'])
      assert.equal(isSniDivision(gap), false, gap);
  });

  it('gives every section at least one division, and every title in both languages', () => {
    for (const section of SNI_SECTIONS) {
      assert.ok(
        SNI_DIVISIONS.some((d) => d.section === section.code),
        `section ${section.code} has no division`,
      );
    }
    for (const entry of [...SNI_SECTIONS, ...SNI_DIVISIONS]) {
      assert.ok(entry.sv.trim() && entry.en.trim(), entry.code);
      assert.notEqual(entry.sv, entry.en, entry.code);
    }
    // Divisions follow their section's range: manufacturing is 10–33, health and social work 86–88.
    assert.deepEqual(
      SNI_DIVISIONS.filter((d) => d.section === 'C').map((d) => Number(d.code)),
      Array.from({ length: 24 }, (_, i) => 10 + i),
    );
    assert.deepEqual(
      SNI_DIVISIONS.filter((d) => d.section === 'Q').map((d) => d.code),
      ['86', '87', '88'],
    );
  });

  it("names the region's industries with Statistics Sweden's and NACE's titles", () => {
    assert.equal(sniLabel('17', 'sv'), 'Pappers- och pappersvarutillverkning');
    assert.equal(sniLabel('17', 'en'), 'Manufacture of paper and paper products');
    assert.equal(sniLabel('24', 'sv'), 'Stål- och metallframställning');
    assert.equal(sniLabel('27', 'en'), 'Manufacture of electrical equipment');
    assert.equal(sniLabel('35', 'sv'), 'Försörjning av el, gas, värme och kyla');
    assert.equal(sniLabel('55', 'sv'), 'Hotell- och logiverksamhet');
    assert.equal(sniLabel('62', 'en'), 'Computer programming, consultancy and related activities');
    assert.equal(sniLabel('87', 'sv'), 'Vård och omsorg med boende');
    assert.equal(sniLabel('C', 'sv'), 'Tillverkning');
    assert.equal(
      sniLabel('99', 'sv'),
      'Verksamhet vid internationella organisationer, utländska ambassader o.d.',
    );
  });

  it('tells divisions from sections and finds a division’s section', () => {
    assert.equal(sectionOf('07'), 'B');
    assert.equal(sectionOf('85'), 'P');
    assert.equal(sectionOf('00'), undefined);
    assert.ok(isSniSection('D') && !isSniSection('35') && !isSniSection('V'));
    assert.ok(isSniDivision('02') && !isSniDivision('2') && !isSniDivision('A') && !isSniDivision(2));
    assert.equal(sniLabel('XX', 'en'), 'XX');
  });
});
