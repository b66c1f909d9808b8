import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CANONICAL_ELSEWHERE_SQL, canonicalElsewhere, httpsUrl, isCanonicalHere } from './canonical.ts';

const URLS = [
  'https://arbetsformedlingen.se/platsbanken/annonser/1',
  'https://www.arbetsformedlingen.se/platsbanken/annonser/1',
  'HTTPS://ARBETSFORMEDLINGEN.SE/x',
  ' https://arbetsformedlingen.se',
  'https://arbetsformedlingen.se?x=1',
  'http://arbetsformedlingen.se/platsbanken/annonser/1',
  'https://arbetsformedlingen.se.evil.example/1',
  'https://evilarbetsformedlingen.se/1',
  'https://arbetsformedlingen.se@evil.example/1',
  'https://x@arbetsformedlingen.se/1',
  'https://arbetsformedlingen.se:99999/1',
  'https://jobb.example.se/1',
  'javascript:alert(1)',
  '',
];

describe('canonical page of an ad', () => {
  it('is Platsbanken only for an https page on its host', () => {
    const elsewhere = URLS.filter((u) => canonicalElsewhere({ generated: false, webpageUrl: u }));
    assert.deepEqual(elsewhere, URLS.slice(0, 5).concat('https://x@arbetsformedlingen.se/1'));
    assert.equal(canonicalElsewhere({ generated: true, webpageUrl: URLS[0] }), null);
    assert.equal(isCanonicalHere({ generated: true, webpageUrl: null }), false);
    assert.equal(isCanonicalHere({ generated: false, webpageUrl: null }), true);
  });

  it("lets the database leave out only ads that are canonical elsewhere (the sitemap's filter)", () => {
    const pattern = new RegExp(CANONICAL_ELSEWHERE_SQL, 'i');
    for (const u of URLS) {
      if (pattern.test(u)) assert.ok(canonicalElsewhere({ generated: false, webpageUrl: u }), u);
    }
    assert.ok(pattern.test(URLS[0] as string), 'and does leave out the usual Platsbanken page');
  });

  it('takes only https addresses without user info as logo addresses', () => {
    assert.equal(httpsUrl('https://example.com/a.png'), 'https://example.com/a.png');
    for (const bad of ['http://example.com/a.png', 'https://u:p@example.com/a.png', 'data:,x', 7, null])
      assert.equal(httpsUrl(bad), null, String(bad));
  });
});
