import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shell } from '../html/messages.ts';
import { messages as site } from '../../modules/site/messages.ts';
import { formatNumber, negotiateLanguage } from './index.ts';

describe('language negotiation', () => {
  const cases: [string | undefined, string][] = [
    ['sv-SE,sv;q=0.9,en;q=0.8', 'sv'],
    ['sv', 'sv'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9', 'en'],
    ['de,en;q=0.5,sv;q=0.7', 'sv'],
    ['en;q=0.9,sv;q=0.1', 'en'],
    ['sv;q=0', 'en'],
    [undefined, 'en'],
    ['garbage;;;q=x', 'en'],
  ];
  for (const [header, expected] of cases) {
    it(`"${header}" → ${expected}`, () => assert.equal(negotiateLanguage(header), expected));
  }
});

describe('catalogues', () => {
  for (const [name, catalogue] of [
    ['shell', shell.catalogues],
    ['site', site.catalogues],
  ] as const) {
    it(`${name}: Swedish and English carry the same keys, none empty`, () => {
      const sv = Object.keys(catalogue.sv).sort();
      const en = Object.keys(catalogue.en).sort();
      assert.deepEqual(sv, en);
      for (const lang of ['sv', 'en'] as const) {
        for (const [key, text] of Object.entries(catalogue[lang] as Record<string, string>)) {
          assert.ok(text.trim().length > 0, `${lang}.${key} is empty`);
        }
      }
    });
  }
});

describe('Swedish formats', () => {
  it('groups thousands with a no-break space and uses U+2212 for minus', () => {
    assert.equal(formatNumber('sv', 1234567.5), '1\u00a0234\u00a0567,5');
    assert.equal(formatNumber('sv', -5), '\u22125');
  });
});
